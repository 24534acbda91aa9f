import type { MorningPostDB } from '../history/db';
import { latestIssueHead, storeIssue } from '../history/issues';
import { writeMakingRoom } from '../history/retention';
import { composeIssue } from '../issue/compose';
import { loadIssueInputs } from './issue-inputs';
import type { WatchEntry } from '../issue/inputs';
import type { Issue } from '../shared/issue-types';
import type { Settings } from '../shared/settings';
import { systemTimeZone } from '../shared/time';
import { localTimeOn } from '../shared/local-time';
import { dayIn } from '../shared/movement';

/**
 * One issue a local calendar day (issue #4; issue #9, finding 10): at the
 * reader's morning time, or at the first refresh after it when the browser was
 * closed then. The very first refresh after install publishes No. 1 at once,
 * so a new reader never meets an empty paper — and that is the day's issue:
 * installed at 06:00, there is no second one at 07:00. Whatever the morning
 * time says, a day that has its issue gets no other (moving the morning time
 * later after it publishes nothing more that day). Numbers go up by one and
 * never repeat; a stored issue is never rewritten (lib/history/issues.ts
 * repacks one stored before issue #8: how it is stored changes, not what it
 * says).
 *
 * Days and morning times are the reader's, in their time zone, across the
 * clocks' changes (lib/shared/local-time.ts): a morning time the clock skips
 * that day is the end of the skipped hour; one it shows twice is its first.
 */

/** Today's morning time (local to `timeZone`) as epoch ms. */
export function morningOf(now: number, morningTime: string, timeZone: string = systemTimeZone()): number {
  return localTimeOn(now, morningTime, timeZone);
}

/** The next morning time strictly after `now`. */
export function nextMorningAfter(now: number, morningTime: string, timeZone: string = systemTimeZone()): number {
  const today = localTimeOn(now, morningTime, timeZone);
  return today > now ? today : localTimeOn(now, morningTime, timeZone, 1);
}

/**
 * The next morning time at which an issue will be due: the next one after
 * `now`, unless its day already has its issue (published at install, before
 * the morning time), then the one after. The morning alarm is set for it.
 */
export function nextIssueMorning(now: number, morningTime: string, last: Pick<Issue, 'publishedAt'> | undefined, timeZone: string = systemTimeZone()): number {
  const next = nextMorningAfter(now, morningTime, timeZone);
  if (!last || dayIn(last.publishedAt, timeZone) < dayIn(next, timeZone)) return next;
  return nextMorningAfter(next, morningTime, timeZone);
}

export function isIssueDue(now: number, last: Pick<Issue, 'publishedAt'> | undefined, morningTime: string, timeZone: string = systemTimeZone()): boolean {
  if (!last) return true;
  // Today has its issue (or one dated later: a clock set back publishes nothing until that day has passed).
  if (dayIn(last.publishedAt, timeZone) >= dayIn(now, timeZone)) return false;
  return now >= morningOf(now, morningTime, timeZone);
}

/**
 * Compose and store the issue if one is due. Nothing is published before any
 * source has stored a list.
 *
 * Three steps, because the issue is stored compressed (issue #8) and a Dexie
 * transaction commits as soon as its callback awaits anything but IndexedDB
 * (CompressionStream is not): the check and the composition read one
 * consistent view of the history in a read transaction; the issue is packed
 * outside any transaction; it is added in a short transaction of its own that
 * first checks the latest number is still the one it was composed after. Two
 * wakes at once cannot publish twice: the second finds a newer issue, or its
 * add is refused by the primary key (`number`), and it returns undefined. A
 * worker stopped half-way has written nothing, or the whole issue.
 *
 * `watchlist`: the reader's watched items, which the caller read from
 * `storage.sync` before (an await on anything but IndexedDB would end the
 * transaction); the issue's watch piece speaks of them (lib/issue/pieces/watch.ts).
 */
export async function publishIfDue(
  db: MorningPostDB,
  now: number,
  settings: Settings,
  timeZone: string = systemTimeZone(),
  watchlist: readonly WatchEntry[] = [],
): Promise<Issue | undefined> {
  const composed = await db.transaction('r', [db.issues, db.snapshots, db.catalog, db.sourceStatus], async () => {
    const last = await latestIssueHead(db);
    if (!isIssueDue(now, last, settings.morningTime, timeZone)) return undefined;
    if ((await db.snapshots.count()) === 0) return undefined;
    const follows = last?.number ?? 0;
    const inputs = await loadIssueInputs(db, { now, number: follows + 1, filters: settings, enabled: settings.sources, timeZone, watchlist });
    return { issue: composeIssue(inputs), follows };
  });
  if (!composed) return undefined;
  // A full disk: old history and old issues make room, never the latest issue (lib/history/retention.ts); if
  // nothing can be made, the error is thrown and the paper the reader has stays.
  const stored = await writeMakingRoom(db, now, () => storeIssue(db, composed.issue, { follows: composed.follows }), timeZone);
  return stored ? composed.issue : undefined;
}
