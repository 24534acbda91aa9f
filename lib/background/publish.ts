import type { MorningPostDB } from '../history/db';
import { latestIssueHead, storeIssue } from '../history/issues';
import { composeIssue } from '../issue/compose';
import { loadIssueInputs } from './issue-inputs';
import type { Issue } from '../shared/issue-types';
import type { Settings } from '../shared/settings';
import { systemTimeZone } from '../shared/time';

/**
 * One issue a day (issue #4): at the reader's morning time, or at the first
 * refresh after it when the browser was closed then. The very first refresh
 * after install publishes No. 1 at once, so a new reader never meets an empty
 * paper. Numbers go up by one and never repeat; a stored issue is never
 * rewritten (lib/history/issues.ts repacks one stored before issue #8: how it
 * is stored changes, not what it says).
 */

/** Today's morning time (local) as epoch ms. */
export function morningOf(now: number, morningTime: string): number {
  const [hours, minutes] = morningTime.split(':').map(Number) as [number, number];
  const date = new Date(now);
  date.setHours(hours, minutes, 0, 0);
  return date.getTime();
}

/** The next morning time strictly after `now`. */
export function nextMorningAfter(now: number, morningTime: string): number {
  const today = morningOf(now, morningTime);
  if (today > now) return today;
  const tomorrow = new Date(today);
  tomorrow.setDate(tomorrow.getDate() + 1);
  return tomorrow.getTime();
}

export function isIssueDue(now: number, last: Pick<Issue, 'publishedAt'> | undefined, morningTime: string): boolean {
  if (!last) return true;
  const morning = morningOf(now, morningTime);
  return now >= morning && last.publishedAt < morning;
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
 */
export async function publishIfDue(db: MorningPostDB, now: number, settings: Settings, timeZone: string = systemTimeZone()): Promise<Issue | undefined> {
  const composed = await db.transaction('r', [db.issues, db.snapshots, db.catalog, db.sourceStatus], async () => {
    const last = await latestIssueHead(db);
    if (!isIssueDue(now, last, settings.morningTime)) return undefined;
    if ((await db.snapshots.count()) === 0) return undefined;
    const follows = last?.number ?? 0;
    const inputs = await loadIssueInputs(db, { now, number: follows + 1, filters: settings, enabled: settings.sources, timeZone });
    return { issue: composeIssue(inputs), follows };
  });
  if (!composed) return undefined;
  return (await storeIssue(db, composed.issue, { follows: composed.follows })) ? composed.issue : undefined;
}
