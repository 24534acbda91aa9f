import { useEffect } from 'preact/hooks';

/** User Timing mark at readiness: the benchmark reads it, and so can DevTools' performance panel. */
export const READY_MARK = 'amp:ready';

/**
 * Sets `data-ready` on `<html>` once the page has rendered what the database
 * holds (its content or its empty state). End-to-end tests, the preview and
 * benchmarks wait on it rather than on timeouts.
 */
export function useReadyMarker(ready: boolean): void {
  useEffect(() => {
    if (!ready || document.documentElement.dataset.ready) return;
    document.documentElement.dataset.ready = 'true';
    performance.mark(READY_MARK);
  }, [ready]);
}
