import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { COMPLETE_MARK, markFirstScreen, READY_MARK } from '../lib/shared/page-marks';

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
    markFirstScreen();
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

/**
 * Answers true once the page is ready and the browser is next idle (within a
 * second): the moment for work no reader sees at first, so that it does not
 * delay what they do see (issue #8).
 */
export function useIdleAfter(ready: boolean): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!ready || idle) return;
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(() => setIdle(true), { timeout: 1000 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(() => setIdle(true), 50);
    return () => clearTimeout(timer);
  }, [ready, idle]);
  return idle;
}

/**
 * Sets `data-complete` on `<html>` once everything the page renders is in the
 * document, hidden parts included: tests and the benchmark's static
 * equivalent wait on it.
 */
export function useCompleteMarker(complete: boolean): void {
  useLayoutEffect(() => {
    if (!complete || document.documentElement.dataset.complete) return;
    document.documentElement.dataset.complete = 'true';
    performance.mark(COMPLETE_MARK);
  }, [complete]);
}
