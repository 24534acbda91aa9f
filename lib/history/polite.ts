import Dexie from 'dexie';
import type { SourceId } from '../sources/ids';
import type { MorningPostDB } from './db';
import type { SourceStatus } from '../shared/records';
import { clampServerWait } from '../shared/limits';
import { pendingServerWait } from '../shared/source-waits';
import { SNAPSHOTS_BY_SOURCE_AND_TIME } from './stores';
import { countRequest } from '../shared/request-counts';

/**
 * The `fetchedAt` of a source's latest stored list, from the snapshots'
 * index alone (no snapshot is read): what a conditional request's validators
 * must belong to (lib/shared/validators.ts).
 */
export async function latestListAt(db: MorningPostDB, sourceId: SourceId): Promise<number | undefined> {
  const key = await db.snapshots
    .where(SNAPSHOTS_BY_SOURCE_AND_TIME)
    .between([sourceId, Dexie.minKey], [sourceId, Dexie.maxKey])
    .lastKey();
  return Array.isArray(key) && typeof key[1] === 'number' ? key[1] : undefined;
}

/** A 304 that has no list to keep: the list its validators came with is no longer the latest stored. */
export class NothingToKeep extends Error {}

/**
 * Record a `304 Not Modified` (issue #12): the server says the list stored at
 * `listAt` is still its list. Nothing of the history is written — no
 * snapshot, no catalog entry, no view — only the source's status: a success
 * at `at` (failures cleared, the next attempt as after a 200), which the
 * readers take as that list's confirmation (lib/shared/validators.ts
 * `listCheckedAt`). One transaction checks that the list is still there and
 * still the latest (a data import, a clear or another worker's store may have
 * come between the request and its answer); if not, it throws `NothingToKeep`
 * and writes nothing.
 */
export async function recordNotModified(db: MorningPostDB, sourceId: SourceId, listAt: number, at: number, nextAttemptAt: number): Promise<void> {
  await db.transaction('rw', [db.snapshots, db.sourceStatus], async () => {
    const [latest, previous] = await Promise.all([latestListAt(db, sourceId), db.sourceStatus.get(sourceId)]);
    if (latest !== listAt || previous?.validators?.listAt !== listAt) throw new NothingToKeep();
    const { lastError: _cleared, notBefore: _unbounded, ...kept } = previous;
    const status: SourceStatus = { ...kept, lastAttemptAt: at, lastSuccessAt: at, consecutiveFailures: 0, nextAttemptAt: clampServerWait(nextAttemptAt, at) };
    // As after a 200 (write.ts): a server's wait outlives a success only while it is still ahead, read bounded.
    const serverWait = pendingServerWait(previous, at);
    if (serverWait !== undefined) status.notBefore = serverWait;
    await db.sourceStatus.put(status);
  });
}

/**
 * Count one request to the source on the reader's `day` (issue #12, lib/shared/request-counts.ts), in its status.
 * Called by the worker that holds the source's claim (claims.ts), just before the request: no other worker writes
 * the source's status meanwhile, so the count is exact. Its own short transaction: a database that cannot count
 * still lets the refresh go (the failure is logged by the caller), as it did before counting.
 */
export async function recordRequest(db: MorningPostDB, sourceId: SourceId, day: string): Promise<void> {
  await db.transaction('rw', db.sourceStatus, async () => {
    const previous = await db.sourceStatus.get(sourceId);
    await db.sourceStatus.put({ ...(previous ?? { sourceId, consecutiveFailures: 0 }), requests: countRequest(previous?.requests, day) });
  });
}
