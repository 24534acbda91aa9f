import type { MorningPostDB } from '../history/db';
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
 * rewritten.
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

export async function latestIssue(db: MorningPostDB): Promise<Issue | undefined> {
  return db.issues.orderBy('number').last();
}

/**
 * Compose and store the issue if one is due. The check, the composition and
 * the write are one transaction: two wakes at once cannot publish twice, and
 * a worker stopped half-way leaves no half-written issue. Nothing is
 * published before any source has stored a list.
 */
export async function publishIfDue(db: MorningPostDB, now: number, settings: Settings, timeZone: string = systemTimeZone()): Promise<Issue | undefined> {
  return db.transaction('rw', [db.issues, db.snapshots, db.catalog, db.sourceStatus], async () => {
    const last = await latestIssue(db);
    if (!isIssueDue(now, last, settings.morningTime)) return undefined;
    if ((await db.snapshots.count()) === 0) return undefined;
    const inputs = await loadIssueInputs(db, { now, number: (last?.number ?? 0) + 1, filters: settings, enabled: settings.sources, timeZone });
    const issue = composeIssue(inputs);
    await db.issues.add(issue);
    return issue;
  });
}
