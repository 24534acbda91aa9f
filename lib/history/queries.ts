import Dexie from 'dexie';
import type { MetricName } from '../sources/contract';
import type { SourceId } from '../sources/ids';
import type { MorningPostDB } from './db';
import type { Snapshot } from '../shared/records';
import { latestSnapshot } from './read';

/** What the movers, sparklines and "new since yesterday" ask of the history. */

export const DAY_MS = 24 * 60 * 60 * 1000;

export function snapshotsBetween(db: MorningPostDB, sourceId: SourceId, from: number, to: number): Promise<Snapshot[]> {
  return db.snapshots.where('[sourceId+fetchedAt]').between([sourceId, from], [sourceId, to], true, true).toArray();
}

/** The newest snapshot taken at or before `at`: the list as it stood then. */
export function snapshotAtOrBefore(db: MorningPostDB, sourceId: SourceId, at: number): Promise<Snapshot | undefined> {
  return db.snapshots.where('[sourceId+fetchedAt]').between([sourceId, Dexie.minKey], [sourceId, at], true, true).last();
}

export interface SeriesPoint {
  at: number;
  rank: number;
  /** Absent when the source did not send the metric that time. */
  value?: number;
}

/** An item's rank and one metric over a window, oldest first; only the snapshots it appears in. */
export async function series(
  db: MorningPostDB,
  sourceId: SourceId,
  itemId: string,
  metric: MetricName,
  from: number,
  to: number,
): Promise<SeriesPoint[]> {
  const item = await db.catalog.where('[sourceId+itemId]').equals([sourceId, itemId]).first();
  if (item?.key === undefined) return [];
  const points: SeriesPoint[] = [];
  for (const snapshot of await snapshotsBetween(db, sourceId, from, to)) {
    const index = snapshot.keys.indexOf(item.key);
    if (index < 0) continue;
    const value = snapshot.metrics[metric]?.[index];
    points.push({ at: snapshot.fetchedAt, rank: index + 1, ...(value !== null && value !== undefined ? { value } : {}) });
  }
  return points;
}

export interface RankChange {
  itemId: string;
  rank: number;
  /** Rank in the baseline snapshot; absent when the item was not in it. */
  previousRank?: number;
  /** Places climbed since the baseline (positive = up). Absent for new entries. */
  climbed?: number;
  /** Not in the baseline list (only meaningful when there is a baseline). */
  isNew: boolean;
}

export interface RankChanges {
  sourceId: SourceId;
  latestAt: number;
  /**
   * When the list we compare with was taken: the last snapshot at or before
   * `latestAt - window`. Absent when the history does not reach back that far,
   * in which case nothing is called new or moved.
   */
  baselineAt?: number;
  rows: RankChange[];
}

/** Rank movement of the latest list against the list `windowMs` earlier (1 day, 7 days…). */
export async function rankChanges(db: MorningPostDB, sourceId: SourceId, windowMs: number): Promise<RankChanges | undefined> {
  const latest = await latestSnapshot(db, sourceId);
  if (!latest) return undefined;
  const baseline = await snapshotAtOrBefore(db, sourceId, latest.fetchedAt - windowMs);
  const previousRank = new Map(baseline?.keys.map((key, index) => [key, index + 1]));
  const items = await db.catalog.bulkGet(latest.keys);
  const rows = latest.keys.map((key, index): RankChange => {
    const rank = index + 1;
    const before = previousRank.get(key);
    return {
      itemId: items[index]?.itemId ?? String(key),
      rank,
      isNew: baseline !== undefined && before === undefined,
      ...(before !== undefined ? { previousRank: before, climbed: before - rank } : {}),
    };
  });
  return { sourceId, latestAt: latest.fetchedAt, ...(baseline ? { baselineAt: baseline.fetchedAt } : {}), rows };
}

/** Items of the latest list that were not in the list as it stood `windowMs` earlier. */
export async function newEntries(db: MorningPostDB, sourceId: SourceId, windowMs: number): Promise<RankChange[]> {
  const changes = await rankChanges(db, sourceId, windowMs);
  return changes?.rows.filter((row) => row.isNew) ?? [];
}
