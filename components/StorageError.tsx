/** What a page says instead of crashing when IndexedDB cannot be read at all. */
export function StorageError({ message }: { message: string }) {
  return (
    <p class="empty" role="alert">
      The local database could not be read: {message}
    </p>
  );
}
