import { effect, type ReadonlySignal } from '@preact/signals';
import { LAST_READ } from '../shared/messages';
import type { LiveSource } from './live-query';

/**
 * The slice of `document` that says whether the reader can see the page. A new
 * tab left open behind another tab, or a page in a minimised window, is hidden.
 */
export interface VisibilitySource {
  readonly visibilityState: DocumentVisibilityState;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

export interface ReadMarkerDeps {
  /** The issue the page shows now (undefined while none is shown, or it is not yet decoded). */
  shown: ReadonlySignal<{ readonly number: number } | undefined>;
  /** `document` in the pages. Absent (views' tests that are not about reading): always visible. */
  visibility?: VisibilitySource | undefined;
  /** Where the page reads the worker's read state (lib/shared/messages.ts `LAST_READ`). */
  live: LiveSource;
  /** Tells the worker issue `number` was read (lib/browser/runtime.ts `markIssueRead`). */
  markRead: (number: number) => Promise<unknown>;
}

/**
 * Marks the shown issue read only when the reader can see it (issue #10,
 * "Badge": a new tab open in the background used to mark each new issue read
 * the moment it was published, so a reader who kept one open never saw the
 * badge). A page hidden when the issue arrives marks it read when it becomes
 * visible, and only if it still shows that issue.
 *
 * No message wakes the worker when nothing new was read (issue #10: "every
 * new-tab open also wakes the worker"): not for an issue at or below the last
 * this page reported, nor for one the worker already counts as read — the
 * badge counts the issues after `LAST_READ`, so any number at or below it is
 * read. An older issue from the archive is reported as itself, which never
 * marks a newer one read (lib/background/badge.ts `markRead`).
 *
 * Loaded after the page is ready (lib/models/issue.ts), so none of this is in
 * the new tab's bytes before ready. Returns the stop.
 */
export function markReadWhenSeen(deps: ReadMarkerDeps): () => void {
  const visibility = deps.visibility ?? ALWAYS_VISIBLE;
  let reported = 0;
  const consider = () => {
    const number = deps.shown.peek()?.number;
    if (number === undefined || number <= reported || visibility.visibilityState !== 'visible') return;
    const before = reported;
    reported = number;
    void alreadyRead(deps.live, number)
      .then((read) => (read ? undefined : deps.markRead(number)))
      .catch(() => {
        // The worker did not hear it (restarting, say): the next chance to report tries again.
        if (reported === number) reported = before;
      });
  };
  const stopWatching = effect(() => {
    void deps.shown.value;
    consider();
  });
  visibility.addEventListener('visibilitychange', consider);
  return () => {
    stopWatching();
    visibility.removeEventListener('visibilitychange', consider);
  };
}

const ALWAYS_VISIBLE: VisibilitySource = { visibilityState: 'visible', addEventListener: () => undefined, removeEventListener: () => undefined };

/** Whether the worker already counts issue `number` as read; when the database cannot say, not (the worker decides). */
async function alreadyRead(live: LiveSource, number: number): Promise<boolean> {
  try {
    const db = await live.open();
    const lastRead = (await db.meta.get(LAST_READ))?.value;
    return typeof lastRead === 'number' && lastRead >= number;
  } catch {
    return false;
  }
}
