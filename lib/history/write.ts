import type { ParsedList } from '../sources/contract';
import type { SourceFailure } from '../sources/errors';
import type { SourceId } from '../sources/ids';
import type { MorningPostDB, Snapshot, SourceStatus, StoredItem } from './db';

/**
 * Store a good response: the snapshot, each item's metadata and the source's
 * status, in one transaction. A worker stopped half-way leaves nothing behind
 * (IndexedDB aborts an unfinished transaction), so the next wake starts clean.
 */
export async function recordSuccess(
  db: MorningPostDB,
  sourceId: SourceId,
  list: ParsedList,
  at: number,
  nextAttemptAt: number,
): Promise<void> {
  const snapshot: Snapshot = {
    sourceId,
    fetchedAt: at,
    entries: list.items.map((item, index) => ({ itemId: item.id, rank: index + 1, metrics: item.metrics })),
  };
  await db.transaction('rw', db.snapshots, db.items, db.sourceStatus, async () => {
    const known = await db.items.bulkGet(list.items.map((item) => [sourceId, item.id] as [SourceId, string]));
    const items = list.items.map((item, index): StoredItem => {
      const { id, metrics: _metrics, ...meta } = item;
      return { ...meta, sourceId, itemId: id, firstSeenAt: known[index]?.firstSeenAt ?? at, lastSeenAt: at };
    });
    await db.snapshots.add(snapshot);
    await db.items.bulkPut(items);
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

/** Record a failure; the last good snapshot and items are not touched. */
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
