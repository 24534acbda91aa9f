import { useEffect } from 'preact/hooks';

/**
 * Sets `data-ready` on `<html>` once the page has rendered what the database
 * holds (its content or its empty state). End-to-end tests, the preview and
 * benchmarks wait on it rather than on timeouts.
 */
export function useReadyMarker(ready: boolean): void {
  useEffect(() => {
    if (ready) document.documentElement.dataset.ready = 'true';
  }, [ready]);
}
