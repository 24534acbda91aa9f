import { useLayoutEffect, useState } from 'preact/hooks';

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

/**
 * Sets `data-first-screen` on `<html>` once the masthead and the lead's
 * headline are in the document (the new tab), and answers true once that
 * first screen has been painted: the page holds the rest back until then, so
 * that the first frame carries the first screen alone instead of waiting for
 * the layout of the whole issue (issue #8).
 */
export function useFirstScreen(shown: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useLayoutEffect(() => {
    if (!shown || painted) return;
    if (!document.documentElement.dataset.firstScreen) {
      document.documentElement.dataset.firstScreen = 'true';
      performance.mark(FIRST_SCREEN_MARK);
    }
    return afterNextPaint(() => setPainted(true));
  }, [shown, painted]);
  return painted;
}

/**
 * Calls `then` once the next frame has been painted: a requestAnimationFrame
 * callback runs just before the paint, a task it queues runs after it. A
 * hidden page paints no frames (and runs no animation frames), so it goes on
 * at once; a frame that never comes is not waited for beyond 100 ms.
 */
function afterNextPaint(then: () => void): () => void {
  if (document.visibilityState === 'hidden') {
    then();
    return () => undefined;
  }
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    then();
  };
  const channel = new MessageChannel();
  channel.port1.onmessage = finish;
  const frame = requestAnimationFrame(() => channel.port2.postMessage(null));
  const fallback = setTimeout(finish, 100);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
    channel.port1.close();
  };
}
