// The shelves' views and model travel in this chunk, loaded once the page is ready (components/useItemKeys.ts).
export { installShelves } from './shelves/ShelfViews';
export { KeysHelp } from './KeysHelp';

/** The item links `j` and `k` move through, in document order. */
export const ITEM_LINKS = '.trending__row .trending__link[href], .mover .trending__link[href], .tool a[href]:not(.timeline-link), .reading a[href]:not(.trending__code, .timeline-link)';

/** The shelf each key puts the focused item on (issue #10): the row's own toggle is pressed (components/shelves/ShelfViews.tsx). */
const SHELF_OF_KEY: Record<string, string> = { s: 'reading', w: 'watch' };

/**
 * Handles one key press for `useItemKeys` (components/useItemKeys.ts): `?` calls
 * `onHelp`; `j`, `k` and `o` move through and open the item links; `s` and `w`
 * press the focused item's "Save" or "Watch" button (or, in the Saved view,
 * its "Remove"), so that a key does exactly what the button does and says.
 */
export function handleItemKey(event: KeyboardEvent, onHelp: () => void): void {
  if (event.key === '?') {
    onHelp();
    return;
  }
  const shelf = SHELF_OF_KEY[event.key];
  if (shelf) {
    // The focused item: its link, or any control in its row (the button just pressed, say).
    const row = (document.activeElement as HTMLElement | null)?.closest?.('li');
    row?.querySelector<HTMLButtonElement>(`button[data-shelf="${shelf}"]`)?.click();
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
