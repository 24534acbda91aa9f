import type { MetricName, ParsedList } from '../sources/contract';
import type { SourceFailure } from '../sources/errors';
import type { SourceId } from '../sources/ids';
import type { MorningPostDB } from './db';
import type { CatalogItem, Snapshot, SourceStatus } from '../shared/records';

/**
 * Store a good response: each item's catalog entry, the snapshot and the
 * source's status, in one transaction. A worker stopped half-way leaves
 * nothing behind (IndexedDB aborts an unfinished transaction), so the next
 * wake starts clean.
 */
export async function recordSuccess(
  db: MorningPostDB,
  sourceId: SourceId,
  list: ParsedList,
  at: number,
  nextAttemptAt: number,
): Promise<void> {
  await db.transaction('rw', db.snapshots, db.catalog, db.sourceStatus, async () => {
    const keys = await upsertCatalog(db, sourceId, list, at);
    const snapshot: Snapshot = { sourceId, fetchedAt: at, keys, metrics: metricColumns(list) };
    await db.snapshots.add(snapshot);
    const previous = await db.sourceStatus.get(sourceId);
    const status: SourceStatus = {
      sourceId,
      lastAttemptAt: at,
      lastSuccessAt: at,
      consecutiveFailures: 0,
      nextAttemptAt,
      lastDropped: list.dropped,
    };
    // A server-imposed wait outlives a success only if it is still in the future.
    if (previous?.notBefore !== undefined && previous.notBefore > at) status.notBefore = previous.notBefore;
    await db.sourceStatus.put(status);
  });
}

/** Update what is known of each item (keeping its key and first sighting); returns the keys in list order. */
async function upsertCatalog(db: MorningPostDB, sourceId: SourceId, list: ParsedList, at: number): Promise<number[]> {
  const known = await db.catalog
    .where('[sourceId+itemId]')
    .anyOf(list.items.map((item) => [sourceId, item.id]))
    .toArray();
  const byId = new Map(known.map((entry) => [entry.itemId, entry]));
  const rows = list.items.map((item): CatalogItem => {
    const { id, metrics: _metrics, ...meta } = item;
    const previous = byId.get(id);
    const row: CatalogItem = { ...meta, sourceId, itemId: id, firstSeenAt: previous?.firstSeenAt ?? at, lastSeenAt: at };
    if (previous?.key !== undefined) row.key = previous.key;
    return row;
  });
  return (await db.catalog.bulkPut(rows, { allKeys: true })) as number[];
}

function metricColumns(list: ParsedList): Snapshot['metrics'] {
  const columns: Snapshot['metrics'] = {};
  const names = new Set(list.items.flatMap((item) => Object.keys(item.metrics) as MetricName[]));
  for (const name of names) columns[name] = list.items.map((item) => item.metrics[name] ?? null);
  return columns;
}

/** Record a failure; the last good snapshot and the catalog are not touched. */
export async function recordFailure(
  db: MorningPostDB,
  sourceId: SourceId,
  failure: SourceFailure,
  at: number,
  nextAttemptAt: number,
): Promise<SourceStatus> {
  return db.transaction('rw', db.sourceStatus, async () => {
    const previous = await db.sourceStatus.get(sourceId);
    const status: SourceStatus = {
      ...previous,
      sourceId,
      lastAttemptAt: at,
      lastError: { ...failure, at },
      consecutiveFailures: (previous?.consecutiveFailures ?? 0) + 1,
      nextAttemptAt,
    };
    if (failure.retryAfterAt !== undefined) status.notBefore = failure.retryAfterAt;
    await db.sourceStatus.put(status);
    return status;
  });
}
