/** The item links `j` and `k` move through, in document order. */
export const ITEM_LINKS = '.trending__row .trending__link[href], .tool a[href], .reading a[href]:not(.trending__code)';

/**
 * Handles one key press for `useItemKeys` (components/useItemKeys.ts): `?` calls
 * `onHelp`; `j`, `k` and `o` move through and open the item links.
 */
export function handleItemKey(event: KeyboardEvent, onHelp: () => void): void {
  if (event.key === '?') {
    onHelp();
    return;
  }
  // A folded list's rows are skipped until the reader unfolds it.
  const links = [...document.querySelectorAll<HTMLAnchorElement>(ITEM_LINKS)].filter((link) => !link.closest('details:not([open])'));
  const current = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (event.key === 'o') {
    if (current >= 0) links[current]!.click();
    return;
  }
  const next = event.key === 'j' ? Math.min(links.length - 1, current + 1) : Math.max(0, current < 0 ? 0 : current - 1);
  const link = links[next];
  if (!link) return;
  link.focus();
  link.scrollIntoView?.({ block: 'nearest' });
}
