import { isSavedItemId, type ItemKind } from './saved';

/**
 * The address of an item's timeline page (issue #12, "Item timelines":
 * entrypoints/timeline/), relative to the extension's root, or undefined for
 * an id that is not valid; the page checks the address again
 * (lib/history/timeline.ts `timelineAddress`). A module of its own, imported
 * only by the rows' buttons, which load after the page is ready: a function
 * added to a module every page loads before it is ready lands in what they
 * load (tests/e2e/budgets.e2e.ts).
 */
export function timelineHref(kind: ItemKind, id: string): string | undefined {
  return isSavedItemId(kind, id) ? `/timeline.html?${new URLSearchParams({ kind, id }).toString()}` : undefined;
}
