import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { FetchLike } from '@/lib/background/fetch-source';
import type { MorningPostDB } from '@/lib/history/db';
import { latestList } from '@/lib/history/read';
import { BACKOFF_BASE_MS, backoffMs, nextRetryAt, refreshSources, type RefreshDeps } from '@/lib/background/refresh';
import { hfModels } from '@/lib/sources/hf-models';
import { testDb } from '../support/db';
import { OWN_FIXTURES, sharedFixture } from '../support/paths';

const T0 = Date.parse('2026-11-27T07:00:00Z');
const HOUR = 3_600_000;
const recorded = readFileSync(sharedFixture('hf-models-trending.json'), 'utf8');
const later = readFileSync(join(OWN_FIXTURES, 'hf-models-trending-2026-11-26.json'), 'utf8');

function setup(fetch: FetchLike, start = T0) {
  const db = testDb();
  let now = start;
  const calls = vi.fn(fetch);
  const deps: RefreshDeps = {
    db,
    fetch: calls,
    now: () => now,
    random: () => 0.5,
    sources: [hfModels],
    intervalMinutes: 60,
  };
  return { deps, calls, advance: (ms: number) => (now += ms), at: () => now, db };
}

const ok = (body: string): FetchLike => async () => new Response(body, { status: 200 });

/** Everything the history holds, to prove a failure changed none of it. */
async function dump(database: MorningPostDB) {
  return { snapshots: await database.snapshots.toArray(), items: await database.catalog.toArray() };
}

describe('refreshSources', () => {
  it('stores a snapshot with ranks and metrics, and the items, on the first run', async () => {
    const { deps, db } = setup(ok(recorded));
    const [outcome] = await refreshSources(deps, 'install');
    expect(outcome).toEqual({ sourceId: 'hf-models', result: 'stored', items: 30, dropped: 0 });
    const list = await latestList(db, 'hf-models');
    expect(list?.fetchedAt).toBe(T0);
    expect(list?.rows.map((row) => row.rank)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(list?.rows[0]).toMatchObject({ itemId: 'Qwen/Qwen3.8-27B', metrics: { trendingScore: 2047 } });
    expect(await db.catalog.count()).toBe(30);
    expect(await db.sourceStatus.get('hf-models')).toMatchObject({
      lastSuccessAt: T0,
      consecutiveFailures: 0,
      nextAttemptAt: T0 + HOUR,
    });
  });

  it.each<[string, FetchLike, RegExp]>([
    ['HTTP 500', async () => new Response('oops', { status: 500 }), /HTTP 500/],
    ['a body that is not JSON', ok('<html>'), /not JSON/],
    ['JSON of the wrong shape', ok('{"error":"nope"}'), /expected a JSON list/],
    ['a network failure', async () => Promise.reject(new TypeError('Failed to fetch')), /could not reach/],
  ])('keeps every row of the last good snapshot after %s', async (_name, fault, message) => {
    let fetch: FetchLike = ok(recorded);
    const { deps, advance, at, db } = setup((url, init) => fetch(url, init));
    await refreshSources(deps, 'install');
    const before = await dump(db);

    fetch = fault;
    advance(HOUR);
    const [outcome] = await refreshSources(deps, 'alarm');
    expect(outcome).toMatchObject({ result: 'failed', failure: { message: expect.stringMatching(message) } });
    expect(await dump(db)).toEqual(before);
    const status = await db.sourceStatus.get('hf-models');
    expect(status).toMatchObject({ lastSuccessAt: T0, consecutiveFailures: 1, lastError: { at: at() } });
    expect(status?.nextAttemptAt).toBe(at() + backoffMs(1, HOUR, 0.5));
    expect((await latestList(db, 'hf-models'))?.rows).toHaveLength(30);
  });

  it('backs off exponentially, capped at the interval, and clears on success', async () => {
    let fetch: FetchLike = async () => new Response('', { status: 502 });
    const { deps, advance, at, db } = setup((url, init) => fetch(url, init));
    const waits: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      const [outcome] = await refreshSources(deps, 'retry');
      expect(outcome?.result).toBe('failed');
      const next = (await db.sourceStatus.get('hf-models'))!.nextAttemptAt!;
      waits.push(next - at());
      advance(next - at());
    }
    // random() = 0.5 → three quarters of each step: 2, 4, 8, 16, 32, 60 (cap), 60 minutes.
    expect(waits.map((ms) => ms / 60_000)).toEqual([1.5, 3, 6, 12, 24, 45, 45]);
    fetch = ok(recorded);
    await refreshSources(deps, 'retry');
    expect(await db.sourceStatus.get('hf-models')).toMatchObject({ consecutiveFailures: 0, nextAttemptAt: at() + HOUR });
    expect((await db.sourceStatus.get('hf-models'))?.lastError).toBeUndefined();
  });

  it('lets an alarm skip a source that is not due, but not the reader', async () => {
    const { deps, calls, advance, db } = setup(ok(recorded));
    await refreshSources(deps, 'install');
    advance(10 * 60_000);
    expect(await refreshSources(deps, 'alarm')).toEqual([
      { sourceId: 'hf-models', result: 'skipped', reason: 'not-due', until: T0 + HOUR },
    ]);
    expect(await refreshSources(deps, 'startup')).toMatchObject([{ result: 'skipped' }]);
    expect(calls).toHaveBeenCalledTimes(1);
    expect(await refreshSources(deps, 'manual')).toMatchObject([{ result: 'stored' }]);
    expect(calls).toHaveBeenCalledTimes(2);
    expect(await db.snapshots.count()).toBe(2);
  });

  it('fetches again for the reader seconds after a refresh; only a list stored while this wake ran is not fetched again', async () => {
    const { deps, calls, advance, db } = setup(ok(recorded));
    await refreshSources(deps, 'install');
    advance(5_000);
    expect(await refreshSources(deps, 'manual')).toMatchObject([{ result: 'stored' }]);
    expect(calls).toHaveBeenCalledTimes(2);
    // A wake that began at the instant the list was stored (as when another worker stored it while this one ran)
    // does not fetch it again.
    expect((await db.sourceStatus.get('hf-models'))?.lastSuccessAt).toBe(T0 + 5_000);
    expect(await refreshSources(deps, 'manual')).toMatchObject([{ result: 'skipped', reason: 'not-due', until: T0 + 5_000 + HOUR }]);
    expect(calls).toHaveBeenCalledTimes(2);
  });

  it('never calls before a time the server asked for, not even for the reader', async () => {
    let fetch: FetchLike = async () => new Response('', { status: 429, headers: { 'retry-after': '900' } });
    const { deps, calls, advance } = setup((url, init) => fetch(url, init));
    await refreshSources(deps, 'install');
    fetch = ok(recorded);
    advance(5 * 60_000);
    expect(await refreshSources(deps, 'manual')).toEqual([
      { sourceId: 'hf-models', result: 'skipped', reason: 'rate-limited', until: T0 + 900_000 },
    ]);
    expect(calls).toHaveBeenCalledTimes(1);
    advance(10 * 60_000);
    expect(await refreshSources(deps, 'manual')).toMatchObject([{ result: 'stored' }]);
  });

  it('leaves nothing half-written when the write is interrupted', async () => {
    let fetch: FetchLike = ok(recorded);
    const { deps, advance, db } = setup((url, init) => fetch(url, init));
    await refreshSources(deps, 'install');
    const before = await dump(db);
    // The worker dies between the snapshot and the items: the transaction aborts as a whole.
    const bulkPut = vi.spyOn(db.catalog, 'bulkPut').mockRejectedValueOnce(new Error('worker stopped'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fetch = ok(later);
    advance(HOUR);
    const [outcome] = await refreshSources(deps, 'alarm');
    expect(bulkPut).toHaveBeenCalledTimes(1);
    // The source answered; the database did not keep it: a storage failure, logged (issue #9, finding 9).
    expect(outcome).toMatchObject({ result: 'failed', failure: { kind: 'storage' } });
    expect(logged).toHaveBeenCalledTimes(1);
    expect(await dump(db)).toEqual(before);
    // The next wake completes the work.
    advance(HOUR);
    expect(await refreshSources(deps, 'alarm')).toMatchObject([{ result: 'stored', items: 12 }]);
    expect((await latestList(db, 'hf-models'))?.rows[0]?.itemId).toBe('northwind-ai/Aurora-R1-32B');
  });

  it('when the disk is full, thins old history and stores the new list', async () => {
    const { deps, advance, db } = setup(ok(recorded));
    // Three days of refreshes every 3 hours (every hour would prove the same, three times slower).
    for (let hour = 0; hour < 72; hour += 3) {
      await refreshSources(deps, 'manual');
      advance(3 * HOUR);
    }
    expect(await db.snapshots.count()).toBe(24);
    const add = vi.spyOn(db.snapshots, 'add').mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const [outcome] = await refreshSources(deps, 'manual');
    expect(add).toHaveBeenCalledTimes(2);
    expect(outcome).toMatchObject({ result: 'stored', items: 30 });
    // Only the last day stays dense (8 snapshots); the two days before keep their last
    // (one per local day: at most 3), and the list the view compares with, a day before its
    // latest (kept so that the view stays as it is: a full disk gets no write it can refuse,
    // lib/history/retention.ts QUOTA_RETENTION); then the new one.
    expect(await db.snapshots.count()).toBeLessThanOrEqual(8 + 3 + 1 + 1);
    expect((await latestList(db, 'hf-models'))?.rows).toHaveLength(30);
  });

  it('keeps first-seen times across refreshes', async () => {
    let fetch: FetchLike = ok(recorded);
    const { deps, advance, db } = setup((url, init) => fetch(url, init));
    await refreshSources(deps, 'install');
    advance(HOUR);
    fetch = ok(recorded);
    await refreshSources(deps, 'alarm');
    const entry = () => db.catalog.where('[sourceId+itemId]').equals(['hf-models', 'Qwen/Qwen3.8-27B']).first();
    // Unchanged an hour later: the entry is not rewritten (lib/history/write.ts SIGHTING_STEP_MS, 3 days).
    expect(await entry()).toMatchObject({ firstSeenAt: T0, lastSeenAt: T0 });
    advance(71 * HOUR);
    fetch = ok(recorded);
    await refreshSources(deps, 'alarm');
    expect(await entry()).toMatchObject({ firstSeenAt: T0, lastSeenAt: T0 + 72 * HOUR });
  });
});

describe('backoff helpers', () => {
  it('spreads each step over [½, 1] of it', () => {
    expect(backoffMs(1, HOUR, 0)).toBe(BACKOFF_BASE_MS / 2);
    expect(backoffMs(1, HOUR, 0.999999)).toBeCloseTo(BACKOFF_BASE_MS, -2);
    expect(backoffMs(30, HOUR, 0)).toBe(HOUR / 2);
  });

  it('finds the earliest retry among failing sources only', () => {
    expect(nextRetryAt([undefined], 0)).toBeUndefined();
    expect(
      nextRetryAt(
        [
          { sourceId: 'hf-models', lastAttemptAt: 1, consecutiveFailures: 0, nextAttemptAt: 5 },
          { sourceId: 'hf-models', lastAttemptAt: 1, consecutiveFailures: 2, nextAttemptAt: 9 },
          { sourceId: 'hf-models', lastAttemptAt: 1, consecutiveFailures: 1, nextAttemptAt: 7 },
          // A server's wait later than the back-off: the retry waits for it.
          { sourceId: 'hf-models', lastAttemptAt: 1, consecutiveFailures: 1, nextAttemptAt: 6, notBefore: 8 },
        ],
        2,
      ),
    ).toBe(7);
  });
});
