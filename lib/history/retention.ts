import type { MorningPostDB } from './db';
import type { CatalogItem } from '../shared/records';
import { DAY_MS, dayIn } from '../shared/movement';
import { systemTimeZone } from '../shared/time';
import { SIGHTING_STEP_MS } from './write';
import { joinLatestList } from './list-join';
import type { SourceId } from '../sources/ids';
import { isQuotaError } from '../sources/errors';
import { pruneIssues } from './issues';

/**
 * Dense where it matters, thin where it does not (issue #3): every snapshot of
 * the last `denseDays`, the last snapshot of each day up to `keepDays`, nothing
 * older. Items not seen for `keepDays` leave the catalog with them.
 */
export interface RetentionPolicy {
  denseDays: number;
  keepDays: number;
  /**
   * Items not seen for this long keep only what names and links them (the
   * issue looks back 8 days; older rows are only ever named). They come back
   * whole if they trend again: every sighting rewrites an item's details.
   */
  fullDetailDays: number;
  /** Issues published longer ago than this are deleted, never the latest (issue #9: they were never pruned). Default: `keepDays`. */
  issueDays?: number;
  /**
   * A prune that only deletes, for a full disk: every source's view (`lists`)
   * stays exactly as it is — the snapshots it is made of (its latest, however
   * old, and its baseline) are kept — and no item is thinned, so the prune
   * writes nothing a full disk could refuse, and no source's last good list is
   * lost (issue #9, "a quota error never loses the latest issue"). The default
   * lets a source's history end after `keepDays`.
   */
  keepViews?: boolean;
}

/** Dense for a week, one a day for a year; a year of issues. */
export const DEFAULT_RETENTION: RetentionPolicy = { denseDays: 7, keepDays: 365, fullDetailDays: 30, issueDays: 365 };

/**
 * When the disk is full, the history is thinned harder, a level at a time,
 * until the write that met the full disk goes through (engineering.md, "quota
 * exceeded": prune old history and retry; the last issue survives). The first
 * level keeps three months; the second only what the issue reads — a week
 * and a day of history (lib/background/issue-inputs.ts `WINDOW_DAYS`) and a
 * week of issues. Neither ever deletes the latest issue nor a source's latest
 * list.
 */
export const QUOTA_RETENTION: readonly RetentionPolicy[] = [
  // fullDetailDays as by default: with keepViews nothing is thinned (thinning writes).
  { denseDays: 1, keepDays: 90, fullDetailDays: 30, issueDays: 90, keepViews: true },
  { denseDays: 1, keepDays: 8, fullDetailDays: 30, issueDays: 7, keepViews: true },
];

/** Calendar day of a time in the browser's time zone: the reader's "one a day" (the same day the issue's words use). */
export function localDay(at: number): string {
  return dayIn(at, systemTimeZone());
}

/** `localDay` with the zone read once: a prune asks for the day of every old snapshot. */
function localDayFn(zone: string = systemTimeZone()): (at: number) => string {
  return (at) => dayIn(at, zone);
}

/** What a long-unseen item loses: everything but its names, link and sightings. */
const DETAILS = ['description', 'tags', 'authors', 'models', 'codeUrl', 'task', 'library', 'sdk', 'language', 'createdAt', 'publishedAt'] as const satisfies readonly (keyof CatalogItem)[];

export interface PruneReport {
  deletedSnapshots: number;
  /** Issues older than the policy's `issueDays` (never the latest). */
  deletedIssues?: number;
  /** Items gone with the last snapshot that named them (or not seen for `keepDays`). */
  deletedItems: number;
  thinnedItems: number;
}

export async function pruneHistory(
  db: MorningPostDB,
  now: number,
  policy: RetentionPolicy = DEFAULT_RETENTION,
  dayOf: (at: number) => string = localDay,
  /** When the last prune ran: items that went stale before it were thinned then, so only newer ones are read. */
  lastPrunedAt?: number,
): Promise<PruneReport> {
  const denseFrom = now - policy.denseDays * DAY_MS;
  const keepFrom = now - policy.keepDays * DAY_MS;
  return db.transaction('rw', [db.snapshots, db.catalog, db.lists], async () => {
    // Keys only: the compound index gives source and time without reading a snapshot's body
    // (a year of hourly history is a few thousand keys).
    const old: OldSnapshot[] = [];
    // In key order, the last key of a source is its newest snapshot.
    const newest = new Map<SourceId, number>();
    await db.snapshots.orderBy('[sourceId+fetchedAt]').eachKey((key, cursor) => {
      const [sourceId, at] = key as [SourceId, number];
      newest.set(sourceId, cursor.primaryKey as number);
      if (at < denseFrom) old.push({ id: cursor.primaryKey as number, sourceId, at });
    });
    const kept = new Set<number>();
    if (policy.keepViews) {
      for (const id of newest.values()) kept.add(id);
      const shown = new Set((await db.lists.toArray()).flatMap((view) => [`${view.sourceId}\u0000${view.fetchedAt}`, `${view.sourceId}\u0000${view.sinceAt}`]));
      for (const entry of old) if (shown.has(`${entry.sourceId}\u0000${entry.at}`)) kept.add(entry.id);
    }
    const doomed: OldSnapshot[] = [];
    const lastOfDay = new Map<string, OldSnapshot>();
    for (const entry of old.filter((candidate) => !kept.has(candidate.id))) {
      if (entry.at < keepFrom) {
        doomed.push(entry);
        continue;
      }
      const day = `${entry.sourceId}\u0000${dayOf(entry.at)}`;
      const kept = lastOfDay.get(day);
      if (!kept || entry.at > kept.at) {
        if (kept) doomed.push(kept);
        lastOfDay.set(day, entry);
      } else {
        doomed.push(entry);
      }
    }
    await db.snapshots.bulkDelete(doomed.map((entry) => entry.id));
    // An item stays while a kept snapshot names it. One whose lastSeenAt is a
    // sighting step before the dense window can only be named by the thinned
    // snapshots (lastSeenAt + SIGHTING_STEP_MS > every snapshot holding it,
    // write.ts), so those are the only ones to read; an item seen for a few
    // hours between two kept snapshots of a day leaves with them.
    const named = new Set<number>();
    await db.snapshots
      .where('fetchedAt')
      .below(denseFrom)
      .each((snapshot) => snapshot.keys.forEach((key) => named.add(key)));
    const orphans = ((await db.catalog.where('lastSeenAt').below(denseFrom - SIGHTING_STEP_MS).primaryKeys()) as number[]).filter((key) => !named.has(key));
    await db.catalog.bulkDelete(orphans);
    const deletedItems = orphans.length;
    // Not seen for `fullDetailDays`, allowing for the sighting step (lastSeenAt may lag the last sighting by up to it).
    const detailFrom = now - policy.fullDetailDays * DAY_MS - SIGHTING_STEP_MS;
    const changedKeys = new Set(orphans);
    const thinnedItems = policy.keepViews ? 0 : await db.catalog
      .where('lastSeenAt')
      .between(lastPrunedAt === undefined ? -Infinity : lastPrunedAt - policy.fullDetailDays * DAY_MS - SIGHTING_STEP_MS, detailFrom, true, false)
      .filter((item) => DETAILS.some((field) => item[field] !== undefined))
      .modify((item) => {
        for (const field of DETAILS) delete item[field];
        changedKeys.add(item.key!);
      });
    await keepListsInStep(db, doomed, changedKeys);
    return { deletedSnapshots: doomed.length, deletedItems, thinnedItems };
  });
}

interface OldSnapshot {
  id: number;
  sourceId: SourceId;
  at: number;
}

/**
 * The sources' views (`lists`, issue #8) after a prune, in its transaction. A
 * view is made of three things: its latest snapshot, its baseline (`sinceAt`:
 * the last snapshot at or before a day before the latest, else the oldest) and
 * the catalog entries of its rows. A prune changes it only by deleting or
 * thinning one of them; deleting any other snapshot leaves the same baseline
 * candidate (the last one before a time, or the oldest, stays so).
 *
 * Usually it touches none: the latest snapshot is the last of its day, so it
 * goes only when older than `keepDays`, and then every snapshot of the source
 * goes, and the view with them; its items are named by it, so never orphaned.
 * But the baseline goes when it falls before the dense window and was not its
 * day's last list (a source that failed for a while before its latest, or the
 * quota policies' single dense day, QUOTA_RETENTION), and the items
 * are thinned once the source has not succeeded for `fullDetailDays`. So each
 * view is checked against what this prune deleted or thinned, and a stale one
 * is joined again from what is left (or deleted with the source's last
 * snapshot). A candidate that was deleted while rejected (younger than 20 h)
 * was the oldest, and the next oldest is younger still: that view stands.
 */
async function keepListsInStep(db: MorningPostDB, doomed: readonly OldSnapshot[], changedKeys: ReadonlySet<number>): Promise<void> {
  if (doomed.length === 0 && changedKeys.size === 0) return;
  const deletedAt = new Map<SourceId, Set<number>>();
  for (const { sourceId, at } of doomed) {
    const times = deletedAt.get(sourceId) ?? new Set<number>();
    times.add(at);
    deletedAt.set(sourceId, times);
  }
  for (const view of await db.lists.toArray()) {
    const times = deletedAt.get(view.sourceId);
    const stale =
      times?.has(view.fetchedAt) === true ||
      (view.sinceAt !== undefined && times?.has(view.sinceAt) === true) ||
      view.rows.some((row) => row.item.key !== undefined && changedKeys.has(row.item.key));
    if (!stale) continue;
    const fresh = await joinLatestList(db.snapshots, db.catalog, view.sourceId);
    if (fresh) await db.lists.put(fresh);
    else await db.lists.delete(view.sourceId);
  }
}

const LAST_PRUNED = 'lastPrunedAt';

/** Thin the history at most once a day; cheap to call after every refresh. */
export async function pruneIfDue(
  db: MorningPostDB,
  now: number,
  policy: RetentionPolicy = DEFAULT_RETENTION,
  /** The reader's time zone, whose days keep one snapshot each (default: the browser's). */
  timeZone?: string,
): Promise<PruneReport | undefined> {
  const last = await db.meta.get(LAST_PRUNED);
  if (last && now - last.value < DAY_MS) return undefined;
  const report = await pruneHistory(db, now, policy, localDayFn(timeZone), last?.value);
  const deletedIssues = await pruneIssues(db, now - (policy.issueDays ?? policy.keepDays) * DAY_MS);
  await db.meta.put({ name: LAST_PRUNED, value: now });
  return { ...report, deletedIssues };
}

/**
 * Runs `write`; when it meets a full disk, thins the history and the archive
 * a level of QUOTA_RETENTION at a time and runs it again, until it goes
 * through or the last level was tried (then its error is thrown). Never
 * deletes the latest issue or a source's latest list: what the reader sees
 * survives a full disk.
 */
export async function writeMakingRoom<T>(db: MorningPostDB, now: number, write: () => Promise<T>, timeZone?: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    let last: unknown = error;
    for (const policy of QUOTA_RETENTION) {
      // Issues first: deleting them writes nothing. Each step that meets the full disk itself is passed over.
      await pruneIssues(db, now - (policy.issueDays ?? policy.keepDays) * DAY_MS).catch(unlessQuota);
      await pruneHistory(db, now, policy, localDayFn(timeZone)).catch(unlessQuota);
      try {
        return await write();
      } catch (again) {
        if (!isQuotaError(again)) throw again;
        last = again;
      }
    }
    throw last;
  }
}

function unlessQuota(error: unknown): undefined {
  if (!isQuotaError(error)) throw error;
  return undefined;
}
