import type { MorningPostDB } from '@/lib/history/db';
import { unpackIssue } from '@/lib/history/issue-codec';
import { joinLatestList } from '@/lib/history/list-join';
import { dayIn } from '@/lib/shared/movement';
import { SOURCE_IDS } from '@/lib/sources/ids';
import { LAST_READ } from '@/lib/background/badge';

/**
 * What must hold of the database whenever the worker is stopped, wherever it
 * was stopped (engineering.md, "worker stopped mid-refresh"; issue #9). Each
 * broken rule is returned as a sentence; none is an empty list.
 * - Each source's view (`lists`, issue #8) is exactly the join of what the
 *   history holds (recordSuccess writes both in one transaction; retention's
 *   keepListsInStep rejoins it in its own), and there is none without history.
 * - Every key a snapshot names is a catalog entry of the same source.
 * - Issues: numbers consecutive, at most one per local calendar day, each one
 *   whole (it unpacks, and says the number and time it is stored under).
 * - Statuses: a whole number of failures, a failing source says why, and a
 *   recorded success has its snapshot.
 * - The badge's last-read issue is not beyond the latest.
 */
export async function inconsistencies(db: MorningPostDB, timeZone: string): Promise<string[]> {
  const problems: string[] = [];
  const [snapshots, catalog, statuses, views, issues, lastRead] = await Promise.all([
    db.snapshots.toArray(),
    db.catalog.toArray(),
    db.sourceStatus.toArray(),
    db.lists.toArray(),
    db.issues.orderBy('number').toArray(),
    db.meta.get(LAST_READ),
  ]);
  const entries = new Map(catalog.map((entry) => [entry.key!, entry]));

  for (const sourceId of SOURCE_IDS) {
    const own = snapshots.filter((snapshot) => snapshot.sourceId === sourceId);
    const view = views.find((candidate) => candidate.sourceId === sourceId);
    const joined = await joinLatestList(db.snapshots, db.catalog, sourceId);
    if (own.length === 0 && view) problems.push(`${sourceId}: a view without any snapshot`);
    if (own.length > 0 && JSON.stringify(view) !== JSON.stringify(joined)) problems.push(`${sourceId}: the view is not in step with its history`);
    for (const snapshot of own) {
      const missing = snapshot.keys.filter((key) => entries.get(key)?.sourceId !== sourceId);
      if (missing.length > 0) problems.push(`${sourceId}: snapshot at ${snapshot.fetchedAt} names ${missing.length} keys not in the catalog`);
    }
    const status = statuses.find((candidate) => candidate.sourceId === sourceId);
    if (status) {
      if (!Number.isSafeInteger(status.consecutiveFailures) || status.consecutiveFailures < 0) problems.push(`${sourceId}: ${status.consecutiveFailures} failures`);
      if (status.consecutiveFailures > 0 && !status.lastError) problems.push(`${sourceId}: failing without a reason`);
      if (status.lastSuccessAt !== undefined && !own.some((snapshot) => snapshot.fetchedAt === status.lastSuccessAt)) {
        problems.push(`${sourceId}: a success at ${status.lastSuccessAt} without its snapshot`);
      }
    }
    if (own.length > 0 && (status?.lastSuccessAt ?? -Infinity) < Math.max(...own.map((snapshot) => snapshot.fetchedAt))) {
      problems.push(`${sourceId}: a snapshot newer than the status's last success`);
    }
  }

  const days = new Map<string, number>();
  issues.forEach((record, index) => {
    if (index > 0 && record.number !== issues[index - 1]!.number + 1) problems.push(`issue No. ${record.number} follows No. ${issues[index - 1]!.number}`);
    const day = dayIn(record.publishedAt, timeZone);
    if (days.has(day)) problems.push(`issues No. ${days.get(day)} and No. ${record.number} on the same day, ${day}`);
    days.set(day, record.number);
  });
  for (const record of issues) {
    try {
      const issue = await unpackIssue(record);
      if (issue.number !== record.number || issue.publishedAt !== record.publishedAt) problems.push(`issue No. ${record.number} does not say what it is stored under`);
    } catch (error) {
      problems.push(`issue No. ${record.number} cannot be read: ${String(error)}`);
    }
  }
  const latest = issues.at(-1)?.number ?? 0;
  if ((lastRead?.value ?? 0) > latest) problems.push(`last read No. ${lastRead?.value}, latest No. ${latest}`);
  return problems;
}
