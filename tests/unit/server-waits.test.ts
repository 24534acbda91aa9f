import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { FetchLike } from '@/lib/background/fetch-source';
import { nextRetryAt, refreshSources, type RefreshDeps } from '@/lib/background/refresh';
import { recordFailure } from '@/lib/history/write';
import { isoTime, timeOfDay } from '@/lib/shared/format';
import { healthOf } from '@/lib/shared/health';
import type { SourceStatus } from '@/lib/shared/records';
import { waitsOf } from '@/lib/shared/source-waits';
import { hfModels } from '@/lib/sources/hf-models';
import { testDb } from '../support/db';
import { ownRecordings } from '../support/recordings';

/**
 * Issue #9, finding 1 (the stored side): a status stored by an older version
 * with `notBefore: Infinity`, `NaN` or a time a year ahead must not stop a
 * source for good. Every expected time below is written out by hand: the
 * failure was recorded at 07:00 UTC on 27 November 2026, so the longest wait
 * ends at 07:00 UTC on the 28th.
 */
const T0 = Date.parse('2026-11-27T07:00:00Z');
const A_DAY_LATER = Date.parse('2026-11-28T07:00:00Z');
const HOUR = 3_600_000;
const body = readFileSync(ownRecordings()['hf-models'], 'utf8');

/** A status as an older version stored it after a 429 at T0. */
function olderStatus(waits: Partial<SourceStatus>): SourceStatus {
  return {
    sourceId: 'hf-models',
    lastAttemptAt: T0,
    lastError: { kind: 'rate-limited', message: 'huggingface.co/api/models is rate limiting us (HTTP 429)', at: T0 },
    consecutiveFailures: 1,
    ...waits,
  };
}

const tally = { cases: 0, stuck: 0 };
afterAll(() => {
  console.info(`stored server waits: ${tally.cases} cases read, ${tally.stuck} left a source waiting more than a day after its failure`);
  expect(tally.stuck).toBe(0);
});

describe('a stored wait, read bounded', () => {
  it.each<[string, Partial<SourceStatus>, number, { notBefore?: number; nextAttemptAt?: number }]>([
    ['notBefore: Infinity', { notBefore: Infinity }, T0 + HOUR, { notBefore: A_DAY_LATER }],
    ['notBefore: NaN (no wait)', { notBefore: NaN }, T0 + HOUR, { notBefore: T0 }],
    ['notBefore a year ahead', { notBefore: Date.parse('2027-11-27T07:00:00Z') }, T0 + HOUR, { notBefore: A_DAY_LATER }],
    ['notBefore: -Infinity', { notBefore: -Infinity }, T0 + HOUR, { notBefore: T0 }],
    ['a wait within the bound, as stored', { notBefore: Date.parse('2026-11-27T07:15:00Z') }, T0 + HOUR, { notBefore: Date.parse('2026-11-27T07:15:00Z') }],
    ['nextAttemptAt: Infinity', { nextAttemptAt: Infinity }, T0 + HOUR, { nextAttemptAt: A_DAY_LATER }],
    ['both, read a week later', { notBefore: Infinity, nextAttemptAt: Infinity }, T0 + 7 * 24 * HOUR, { notBefore: A_DAY_LATER, nextAttemptAt: A_DAY_LATER }],
    ['no lastAttemptAt: bounded from the failure’s time', { lastAttemptAt: undefined, notBefore: Infinity }, T0 + HOUR, { notBefore: A_DAY_LATER }],
    ['recorded a minute after now (a page’s clock a moment behind the worker’s): honoured, bounded', { notBefore: Infinity, nextAttemptAt: Infinity }, T0 - 60_000, { notBefore: A_DAY_LATER, nextAttemptAt: A_DAY_LATER }],
    ['recorded more than a day after now (a clock set far back): not honoured', { notBefore: Infinity, nextAttemptAt: Infinity }, T0 - 25 * HOUR, {}],
    ['recorded at an unreadable time: not honoured', { lastAttemptAt: NaN, lastError: undefined, notBefore: Infinity }, T0 + HOUR, {}],
  ])('%s', (_name, waits, now, expected) => {
    tally.cases++;
    const read = waitsOf(olderStatus(waits), now);
    if (Math.max(read.notBefore ?? 0, read.nextAttemptAt ?? 0) > A_DAY_LATER) tally.stuck++;
    expect(read).toEqual(expected);
  });
});

function setup(status: SourceStatus) {
  const db = testDb();
  let now = T0 + HOUR;
  const fetch = vi.fn<FetchLike>(async () => new Response(body, { status: 200 }));
  const deps: RefreshDeps = { db, fetch, now: () => now, random: () => 0.5, sources: [hfModels], intervalMinutes: 60 };
  return { db, fetch, deps, set: (at: number) => (now = at), ready: db.sourceStatus.put(status) };
}

describe('a source an older version left waiting for ever', () => {
  it('is skipped, even by "refresh now", only until a day after its failure; then it refreshes', async () => {
    const { db, fetch, deps, set, ready } = setup(olderStatus({ notBefore: Infinity, nextAttemptAt: Infinity }));
    await ready;
    for (const trigger of ['manual', 'alarm', 'morning', 'startup'] as const) {
      expect(await refreshSources(deps, trigger)).toEqual([{ sourceId: 'hf-models', result: 'skipped', reason: 'rate-limited', until: A_DAY_LATER }]);
    }
    set(A_DAY_LATER - 1);
    expect(await refreshSources(deps, 'manual')).toMatchObject([{ result: 'skipped', until: A_DAY_LATER }]);
    expect(fetch).not.toHaveBeenCalled();
    set(A_DAY_LATER);
    expect(await refreshSources(deps, 'alarm')).toMatchObject([{ result: 'stored' }]);
    expect(fetch).toHaveBeenCalledTimes(1);
    const status = await db.sourceStatus.get('hf-models');
    expect(status).toMatchObject({ lastSuccessAt: A_DAY_LATER, consecutiveFailures: 0, nextAttemptAt: A_DAY_LATER + HOUR });
    expect(status?.notBefore).toBeUndefined();
  });

  it('with NaN, refreshes at the next alarm', async () => {
    const { fetch, deps, ready } = setup(olderStatus({ notBefore: NaN, nextAttemptAt: NaN }));
    await ready;
    expect(await refreshSources(deps, 'alarm')).toMatchObject([{ result: 'stored' }]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('sets the retry alarm a day after the failure, and the pages show that time without throwing', () => {
    const status = olderStatus({ notBefore: Infinity, nextAttemptAt: Infinity });
    expect(nextRetryAt([status], T0 + HOUR)).toBe(A_DAY_LATER);
    const health = healthOf(status, T0 - HOUR, T0 + HOUR, 60);
    expect(health).toMatchObject({ state: 'failing', retryAt: A_DAY_LATER });
    expect(isoTime(health.retryAt!)).toBe('2026-11-28T07:00:00.000Z');
    expect(() => timeOfDay(health.retryAt!, T0 + HOUR)).not.toThrow();
  });

  it('a new failure stores bounded waits: the old Infinity is not carried on, a new one is cut to a day', async () => {
    const { db, ready } = setup(olderStatus({ notBefore: Infinity, nextAttemptAt: Infinity }));
    await ready;
    // A day and an hour after the first failure, the source failed again without a Retry-After.
    const at = Date.parse('2026-11-28T08:00:00Z');
    const network = await recordFailure(db, 'hf-models', { kind: 'network', message: 'could not reach huggingface.co/api/models' }, at, at + 4 * 60_000);
    expect(network.notBefore).toBeUndefined();
    expect(network.nextAttemptAt).toBe(Date.parse('2026-11-28T08:04:00Z'));
    // Then a 429 whose wait was never bounded (as an older fetch-source let through).
    const limited = await recordFailure(db, 'hf-models', { kind: 'rate-limited', message: 'rate limited', retryAfterAt: Infinity }, at, Infinity);
    expect(limited).toMatchObject({ notBefore: Date.parse('2026-11-29T08:00:00Z'), nextAttemptAt: Date.parse('2026-11-29T08:00:00Z') });
    expect(limited.lastError?.retryAfterAt).toBe(Date.parse('2026-11-29T08:00:00Z'));
  });

  it('a refresh that meets an unbounded Retry-After stores it cut to a day', async () => {
    const db = testDb();
    const deps: RefreshDeps = {
      db,
      // What an unbounded Retry-After once became: a wait of Infinity (fetch-source bounds it now; this layer does too).
      fetch: async () => new Response('', { status: 429, headers: { 'retry-after': '9'.repeat(400) } }),
      now: () => T0,
      random: () => 0.5,
      sources: [hfModels],
      intervalMinutes: 60,
    };
    const [outcome] = await refreshSources(deps, 'install');
    expect(outcome).toMatchObject({ result: 'failed', nextAttemptAt: A_DAY_LATER });
    expect(await db.sourceStatus.get('hf-models')).toMatchObject({ notBefore: A_DAY_LATER, nextAttemptAt: A_DAY_LATER });
  });
});
