import type { MorningPostDB } from './db';
import type { CatalogItem } from '../shared/records';
import { DAY_MS, dayIn } from '../shared/movement';
import { systemTimeZone } from '../shared/time';
import { SIGHTING_STEP_MS } from './write';

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
}

export const DEFAULT_RETENTION: RetentionPolicy = { denseDays: 7, keepDays: 365, fullDetailDays: 30 };

/** Calendar day of a time in the browser's time zone: the reader's "one a day" (the same day the words use). */
export function localDay(at: number): string {
  return dayIn(at, systemTimeZone());
}

/** `localDay` with the zone read once: a prune asks for the day of every old snapshot. */
function localDayFn(): (at: number) => string {
  const zone = systemTimeZone();
  return (at) => dayIn(at, zone);
}

/** What a long-unseen item loses: everything but its names, link and sightings. */
const DETAILS = ['description', 'tags', 'authors', 'codeUrl', 'task', 'library', 'sdk', 'language', 'createdAt', 'publishedAt'] as const satisfies readonly (keyof CatalogItem)[];

export interface PruneReport {
  deletedSnapshots: number;
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
  return db.transaction('rw', db.snapshots, db.catalog, async () => {
    // Keys only: the compound index gives source and time without reading a snapshot's body
    // (a year of hourly history is a few thousand keys).
    const old: { id: number; sourceId: string; at: number }[] = [];
    await db.snapshots.orderBy('[sourceId+fetchedAt]').eachKey((key, cursor) => {
      const [sourceId, at] = key as [string, number];
      if (at < denseFrom) old.push({ id: cursor.primaryKey as number, sourceId, at });
    });
    const doomed: number[] = [];
    const lastOfDay = new Map<string, { id: number; at: number }>();
    for (const entry of old) {
      if (entry.at < keepFrom) {
        doomed.push(entry.id);
        continue;
      }
      const day = `${entry.sourceId}\u0000${dayOf(entry.at)}`;
      const kept = lastOfDay.get(day);
      if (!kept || entry.at > kept.at) {
        if (kept) doomed.push(kept.id);
        lastOfDay.set(day, { id: entry.id, at: entry.at });
      } else {
        doomed.push(entry.id);
      }
    }
    await db.snapshots.bulkDelete(doomed);
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
    const thinnedItems = await db.catalog
      .where('lastSeenAt')
      .between(lastPrunedAt === undefined ? -Infinity : lastPrunedAt - policy.fullDetailDays * DAY_MS - SIGHTING_STEP_MS, detailFrom, true, false)
      .filter((item) => DETAILS.some((field) => item[field] !== undefined))
      .modify((item) => {
        for (const field of DETAILS) delete item[field];
      });
    return { deletedSnapshots: doomed.length, deletedItems, thinnedItems };
  });
}

const LAST_PRUNED = 'lastPrunedAt';

/** Thin the history at most once a day; cheap to call after every refresh. */
export async function pruneIfDue(db: MorningPostDB, now: number, policy: RetentionPolicy = DEFAULT_RETENTION): Promise<PruneReport | undefined> {
  const last = await db.meta.get(LAST_PRUNED);
  if (last && now - last.value < DAY_MS) return undefined;
  const report = await pruneHistory(db, now, policy, localDayFn(), last?.value);
  await db.meta.put({ name: LAST_PRUNED, value: now });
  return report;
}
