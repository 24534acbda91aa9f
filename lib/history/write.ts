import type { MetricName, ParsedList, TrendingItem } from '../sources/contract';
import type { SourceFailure } from '../sources/errors';
import type { SourceId } from '../sources/ids';
import type { MorningPostDB } from './db';
import { latestSnapshot } from './read';
import { baselineCandidate, joinLatestList } from './list-join';
import { listView } from './list-view';
import type { CatalogItem, Snapshot, SourceStatus, StoredValidators } from '../shared/records';
import { clampServerWait } from '../shared/limits';
import { pendingServerWait } from '../shared/source-waits';

/**
 * How stale a catalog entry's `lastSeenAt` may get before a sighting rewrites
 * it. An entry whose details have not changed is rewritten at most every 3
 * days rather than at every refresh (issue #8): rewriting every listed item
 * every hour was most of a refresh's store time, and Chromium's IndexedDB
 * keeps the superseded copies on disk until LevelDB compacts (a year measured
 * 8.8 MB compacted, up to 19.8 MB not). So `lastSeenAt` is at most this much
 * older than the item's last sighting; retention (retention.ts), which works
 * in days and weeks, allows for it.
 */
export const SIGHTING_STEP_MS = 3 * 24 * 3_600_000;

/**
 * Store a good response: each item's catalog entry, the snapshot, the source's
 * status and its list as the pages show it (`lists`, issue #8), in one
 * transaction. A worker stopped half-way leaves nothing behind (IndexedDB
 * aborts an unfinished transaction), so the next wake starts clean, and the
 * view never names a snapshot that was not stored.
 *
 * The view is computed here from what the write already holds — the new
 * snapshot, and the catalog entry of each of its keys as found or written —
 * so the only extra read is the baseline candidate's cursor, issued beside the
 * catalog lookup. The pages then read one record per source instead of
 * joining three rounds of reads before their first paint.
 */
export async function recordSuccess(
  db: MorningPostDB,
  sourceId: SourceId,
  list: ParsedList,
  at: number,
  nextAttemptAt: number,
  /** The validators the response sent, for the URL it answered (issue #12); kept with this list's time. */
  validators?: Omit<StoredValidators, 'listAt'>,
): Promise<void> {
  await db.transaction('rw', [db.snapshots, db.catalog, db.sourceStatus, db.lists], async () => {
    const latest = await latestSnapshot(db, sourceId);
    // Read before the new snapshot is added: the candidate is one taken a day before `at`, else the oldest.
    const [previous, { keys, items }, candidate] = await Promise.all([
      db.sourceStatus.get(sourceId),
      upsertCatalog(db, sourceId, list, at, latest),
      baselineCandidate(db.snapshots, sourceId, at),
    ]);
    const snapshot: Snapshot = { sourceId, fetchedAt: at, keys, metrics: metricColumns(list) };
    const status: SourceStatus = {
      sourceId,
      lastAttemptAt: at,
      lastSuccessAt: at,
      consecutiveFailures: 0,
      nextAttemptAt,
      lastDropped: list.dropped,
      // The day's request counts are the claim's (lib/history/claims.ts); validators only ever of this response.
      ...(previous?.requests !== undefined ? { requests: previous.requests } : {}),
      ...(validators ? { validators: { ...validators, listAt: at } } : {}),
    };
    // A server-imposed wait outlives a success only if it is still in the future, read bounded
    // (lib/shared/source-waits.ts): an older version's `Infinity` is not carried on.
    const serverWait = pendingServerWait(previous, at);
    if (serverWait !== undefined) status.notBefore = serverWait;
    // The new snapshot is the latest unless one taken later is stored (equal times: the one added last is latest).
    const newest = !latest || latest.fetchedAt <= at;
    // The three writes are issued together: none waits on another's answer.
    await Promise.all([
      db.snapshots.add(snapshot),
      db.sourceStatus.put(status),
      ...(newest ? [db.lists.put(listView(sourceId, snapshot, candidate, items))] : []),
    ]);
    if (!newest) {
      // A response older than the stored latest (a clock set back) is not the latest list; this write may have
      // rewritten entries the latest names, so its view is joined again.
      const view = await joinLatestList(db.snapshots, db.catalog, sourceId);
      if (view) await db.lists.put(view);
    }
  });
}

/**
 * Update what is known of each item (keeping its key and first sighting);
 * returns the keys in list order, and each key's catalog entry as stored
 * after this write (for the source's view).
 *
 * The entries already known are looked up in two steps (issue #8: the lookup
 * was a third of a refresh's store time in Chromium). Most of a list was in the
 * source's previous list: its snapshot holds their catalog keys, and one batch
 * get by key finds them. Only the rest — new entries, items back after a
 * while — are looked up one by one on `[sourceId+itemId]`, the one lookup
 * there was before. Between them the two find exactly what that lookup finds.
 */
async function upsertCatalog(
  db: MorningPostDB,
  sourceId: SourceId,
  list: ParsedList,
  at: number,
  previousSnapshot: Snapshot | undefined,
): Promise<{ keys: number[]; items: CatalogItem[] }> {
  const wanted = new Set(list.items.map((item) => item.id));
  const known: CatalogItem[] = [];
  if (previousSnapshot) {
    for (const entry of await db.catalog.bulkGet(previousSnapshot.keys)) {
      if (entry && entry.sourceId === sourceId && wanted.delete(entry.itemId)) known.push(entry);
    }
  }
  if (wanted.size > 0) {
    known.push(
      ...(await db.catalog
        .where('[sourceId+itemId]')
        .anyOf([...wanted].map((id) => [sourceId, id]))
        .toArray()),
    );
  }
  const byId = new Map(known.map((entry) => [entry.itemId, entry]));
  const items: CatalogItem[] = [];
  const changed: CatalogItem[] = [];
  for (const item of list.items) {
    const { id, metrics: _metrics, ...meta } = item;
    const previous = byId.get(id);
    // Unchanged and seen within the sighting step: the stored entry stands as it is.
    if (previous?.key !== undefined && at - previous.lastSeenAt < SIGHTING_STEP_MS && at >= previous.lastSeenAt && sameDetails(previous, meta)) {
      items.push(previous);
      continue;
    }
    const row: CatalogItem = { ...meta, sourceId, itemId: id, firstSeenAt: previous?.firstSeenAt ?? at, lastSeenAt: Math.max(at, previous?.lastSeenAt ?? at) };
    if (previous?.key !== undefined) row.key = previous.key;
    items.push(row);
    changed.push(row);
  }
  if (changed.length > 0) {
    const written = (await db.catalog.bulkPut(changed, { allKeys: true })) as number[];
    // The key IndexedDB gave a new entry is part of the stored entry (the catalog's key path).
    changed.forEach((row, position) => (row.key = written[position]));
  }
  return { keys: items.map((item) => item.key!), items };
}

/** The details a sighting carries (everything but the catalog's own bookkeeping), compared as stored values. */
function sameDetails(stored: CatalogItem, sighted: Omit<TrendingItem, 'id' | 'metrics'>): boolean {
  const { key: _key, sourceId: _sourceId, itemId: _itemId, firstSeenAt: _first, lastSeenAt: _last, ...details } = stored;
  return sameValue(details, sighted);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const bKeys = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  return aKeys.length === bKeys.length && aKeys.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
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
    // Every wait is stored bounded (a day from `at`, lib/shared/limits.ts, issue #9 finding 1): the server's new one,
    // else the one still pending, read bounded — never an older version's `Infinity` carried on under a newer time.
    const retryAfterAt = failure.retryAfterAt === undefined ? undefined : clampServerWait(failure.retryAfterAt, at);
    const serverWait = retryAfterAt ?? pendingServerWait(previous, at);
    const { notBefore: _unbounded, ...kept } = previous ?? {};
    const status: SourceStatus = {
      ...kept,
      sourceId,
      lastAttemptAt: at,
      lastError: { ...failure, ...(retryAfterAt !== undefined ? { retryAfterAt } : {}), at },
      consecutiveFailures: (previous?.consecutiveFailures ?? 0) + 1,
      nextAttemptAt: clampServerWait(nextAttemptAt, at),
      ...(serverWait !== undefined ? { notBefore: serverWait } : {}),
    };
    await db.sourceStatus.put(status);
    return status;
  });
}
