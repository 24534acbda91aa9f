/**
 * The User Timing marks and `<html>` attributes the pages set as they paint
 * (issue #8): the benchmark and the tests read them, and so can DevTools'
 * performance panel. A module of its own, without imports, so that the
 * pages' early script (entrypoints/first-read.ts) sets them without loading Preact.
 */

/** Readiness: the page has rendered what the database holds (`data-ready`). */
export const READY_MARK = 'amp:ready';
/** The new tab's first screen (masthead and lead) is in the document (`data-first-screen`). */
export const FIRST_SCREEN_MARK = 'amp:first-screen';
/** The new tab has also added what no reader sees at first, the rows folded under "The whole list" (`data-complete`). */
export const COMPLETE_MARK = 'amp:complete';

/** Marks the first screen as in the document, once: the early script or the page, whichever paints it. */
export function markFirstScreen(): void {
  if (document.documentElement.dataset.firstScreen) return;
  document.documentElement.dataset.firstScreen = 'true';
  performance.mark(FIRST_SCREEN_MARK);
}
