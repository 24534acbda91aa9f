export interface ArchiveNavProps {
  /** The issue on screen. */
  number: number;
  /** The newest published issue. */
  latest: number;
  /** Show issue `n` (always between 1 and `latest`). */
  onShow: (n: number) => void;
}

/** Paging through published issues: the previous and next one, disabled at the ends. */
export function ArchiveNav({ number, latest, onShow }: ArchiveNavProps) {
  const hasOlder = number > 1;
  const hasNewer = number < latest;
  return (
    <nav class="archive" aria-label="Archive">
      <button type="button" class="issue-button archive__older" disabled={!hasOlder} onClick={() => hasOlder && onShow(number - 1)}>
        <span aria-hidden="true">← </span>
        <span class="visually-hidden">Previous issue: </span>
        {hasOlder ? `No.\u00a0${number - 1}` : 'Older'}
      </button>
      <span class="archive__label" aria-live="polite">
        Issue {number} of {latest}
      </span>
      <button type="button" class="issue-button archive__newer" disabled={!hasNewer} onClick={() => hasNewer && onShow(number + 1)}>
        <span class="visually-hidden">Next issue: </span>
        {hasNewer ? `No.\u00a0${number + 1}` : 'Newer'}
        <span aria-hidden="true"> →</span>
      </button>
    </nav>
  );
}
