import Dexie from 'dexie';
import type { SourceId } from '../sources/ids';
import type { MorningPostDB } from './db';
import type { Snapshot } from '../shared/records';
import { metricsAt, type ListRow } from '../shared/movement';

export interface LatestList {
  sourceId: SourceId;
  fetchedAt: number;
  rows: ListRow[];
}

/** The newest snapshot of a source, joined with its catalog entries: what the lists show. */
export async function latestList(db: MorningPostDB, sourceId: SourceId): Promise<LatestList | undefined> {
  const snapshot = await latestSnapshot(db, sourceId);
  if (!snapshot) return undefined;
  const items = await db.catalog.bulkGet(snapshot.keys);
  const rows: ListRow[] = [];
  snapshot.keys.forEach((_key, index) => {
    const item = items[index];
    if (item) rows.push({ rank: index + 1, itemId: item.itemId, metrics: metricsAt(snapshot, index), item });
  });
  return { sourceId, fetchedAt: snapshot.fetchedAt, rows };
}

export function latestSnapshot(db: MorningPostDB, sourceId: SourceId): Promise<Snapshot | undefined> {
  return db.snapshots
    .where('[sourceId+fetchedAt]')
    .between([sourceId, Dexie.minKey], [sourceId, Dexie.maxKey])
    .last();
}

/** A source's snapshots taken between `from` and `to` (both included), oldest first. */
export function snapshotsBetween(db: MorningPostDB, sourceId: SourceId, from: number, to: number): Promise<Snapshot[]> {
  return db.snapshots.where('[sourceId+fetchedAt]').between([sourceId, from], [sourceId, to], true, true).toArray();
}

/** The newest snapshot taken at or before `at`: the list as it stood then. */
export function snapshotAtOrBefore(db: MorningPostDB, sourceId: SourceId, at: number): Promise<Snapshot | undefined> {
  return db.snapshots.where('[sourceId+fetchedAt]').between([sourceId, Dexie.minKey], [sourceId, at], true, true).last();
}
