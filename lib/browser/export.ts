/** Getting an issue out of the extension: to the clipboard or to a file, with no extra permission. */

/**
 * Puts `text` on the clipboard.
 *
 * Extension pages (new tab, popup, side panel) are secure contexts, so the
 * asynchronous Clipboard API works there on a user gesture without the
 * `clipboardWrite` permission — call this from the click handler. It rejects
 * with a clear Error where the API is missing (an insecure or unusual context)
 * and passes on the browser's own rejection (e.g. no user gesture, document not focused).
 */
export async function copyText(text: string): Promise<void> {
  const clipboard = typeof navigator === 'undefined' ? undefined : (navigator.clipboard as Clipboard | undefined);
  if (!clipboard || typeof clipboard.writeText !== 'function') {
    throw new Error('Copying is not available here: this page has no clipboard access (navigator.clipboard.writeText is missing).');
  }
  await clipboard.writeText(text);
}

/**
 * Saves `text` as `fileName` through the browser's ordinary download of a link.
 *
 * An object URL for a Blob, opened by a temporary `<a download>`, is a plain
 * page download: it needs no `downloads` permission (which would add a warning
 * at install) and leaves the file where the reader's downloads go. The URL is
 * revoked a little after the click rather than at once: some browsers (Firefox
 * notably) read the Blob asynchronously and fail a download whose URL is
 * already gone. Unloading the page releases it anyway.
 */
/** How long an object URL outlives its download click. */
const REVOKE_AFTER_MS = 10_000;

/** `type`: the file's media type; Markdown unless said (issue #10's data file is JSON). */
export function downloadText(fileName: string, text: string, type: string = 'text/markdown;charset=utf-8'): void {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.append(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
