import Dexie from 'dexie';
import type { MetricName } from '../sources/contract';
import type { SourceId } from '../sources/ids';
import type { MorningPostDB } from './db';
import type { CatalogItem, Snapshot } from '../shared/records';

export interface ListRow {
  /** 1-based position in the source's list. */
  rank: number;
  itemId: string;
  metrics: Partial<Record<MetricName, number>>;
  item: CatalogItem;
}

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

/** The metrics of the item at `index` of a snapshot, absent ones left out. */
export function metricsAt(snapshot: Snapshot, index: number): Partial<Record<MetricName, number>> {
  const metrics: Partial<Record<MetricName, number>> = {};
  for (const [name, column] of Object.entries(snapshot.metrics) as [MetricName, (number | null)[]][]) {
    const value = column[index];
    if (value !== null && value !== undefined) metrics[name] = value;
  }
  return metrics;
}

export function latestSnapshot(db: MorningPostDB, sourceId: SourceId): Promise<Snapshot | undefined> {
  return db.snapshots
    .where('[sourceId+fetchedAt]')
    .between([sourceId, Dexie.minKey], [sourceId, Dexie.maxKey])
    .last();
}
