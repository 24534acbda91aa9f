import Dexie from 'dexie';
import type { SourceId } from '../sources/ids';
import type { MorningPostDB, Snapshot, SnapshotEntry, SourceStatus, StoredItem } from './db';

export interface ListRow extends SnapshotEntry {
  item: StoredItem;
}

export interface LatestList {
  sourceId: SourceId;
  fetchedAt: number;
  rows: ListRow[];
}

/** The newest snapshot of a source, joined with its items' metadata: what the lists show. */
export async function latestList(db: MorningPostDB, sourceId: SourceId): Promise<LatestList | undefined> {
  const snapshot = await latestSnapshot(db, sourceId);
  if (!snapshot) return undefined;
  const items = await db.items.bulkGet(snapshot.entries.map((entry) => [sourceId, entry.itemId] as [SourceId, string]));
  const rows: ListRow[] = [];
  snapshot.entries.forEach((entry, index) => {
    const item = items[index];
    if (item) rows.push({ ...entry, item });
  });
  return { sourceId, fetchedAt: snapshot.fetchedAt, rows };
}

export function latestSnapshot(db: MorningPostDB, sourceId: SourceId): Promise<Snapshot | undefined> {
  return db.snapshots
    .where('[sourceId+fetchedAt]')
    .between([sourceId, Dexie.minKey], [sourceId, Dexie.maxKey])
    .last();
}

export function sourceStatus(db: MorningPostDB, sourceId: SourceId): Promise<SourceStatus | undefined> {
  return db.sourceStatus.get(sourceId);
}
