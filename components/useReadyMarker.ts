import { useLayoutEffect } from 'preact/hooks';

/** User Timing mark at readiness: the benchmark reads it, and so can DevTools' performance panel. */
export const READY_MARK = 'amp:ready';
/** User Timing mark when the new tab's first screen (masthead and lead) is in the document. */
export const FIRST_SCREEN_MARK = 'amp:first-screen';

let resolveReady: () => void = () => undefined;
/** Resolves when the page has marked itself ready: what waits for it (Dexie, the extension API) is not on the first paint. */
export const pageReady = new Promise<void>((resolve) => (resolveReady = resolve));

/**
 * Sets `data-ready` on `<html>` once the page has rendered what the database
 * holds (its content or its empty state). End-to-end tests, the preview and
 * benchmarks wait on it rather than on timeouts. A layout effect: it runs as
 * soon as the DOM holds the content, in the same task, not a frame later.
 */
export function useReadyMarker(ready: boolean): void {
  useLayoutEffect(() => {
    if (!ready || document.documentElement.dataset.ready) return;
    document.documentElement.dataset.ready = 'true';
    performance.mark(READY_MARK);
    resolveReady();
  }, [ready]);
}

/** Sets `data-first-screen` on `<html>` once the masthead and the lead's headline are in the document (the new tab). */
export function useFirstScreenMarker(shown: boolean): void {
  useLayoutEffect(() => {
    if (!shown || document.documentElement.dataset.firstScreen) return;
    document.documentElement.dataset.firstScreen = 'true';
    performance.mark(FIRST_SCREEN_MARK);
  }, [shown]);
}
