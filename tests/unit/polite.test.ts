import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { FetchLike } from '@/lib/background/fetch-source';
import { ceilingUntil, nextRetryAt, refreshSources, type RefreshDeps } from '@/lib/background/refresh';
import { MORNING_ALARM, REFRESH_ALARM } from '@/lib/background/schedule';
import { createWorker, installJitter } from '@/lib/background/worker';
import type { MorningPostDB } from '@/lib/history/db';
import { latestList } from '@/lib/history/read';
import { healthOf, listCheckedAt } from '@/lib/shared/health';
import { drawJitter, JITTER_KEY, morningDelayMs, phasedRefreshAt, readJitter } from '@/lib/shared/jitter';
import { dayIn } from '@/lib/shared/movement';
import type { SourceStatus } from '@/lib/shared/records';
import { countOn, countRequest, DAILY_REQUEST_CEILING, dayOf, keptDays, readCounts, requestRow } from '@/lib/shared/request-counts';
import { SETTINGS_KEY } from '@/lib/shared/settings';
import { cleanEtag, cleanLastModified, conditionalHeaders } from '@/lib/shared/validators';
import { githubSearch } from '@/lib/sources/github-search';
import { hfModels } from '@/lib/sources/hf-models';
import type { Source } from '@/lib/sources/contract';
import { clearAllData, dataFileText, exportData, importData } from '@/lib/history/transfer';
import { SOURCES } from '@/lib/sources';
import type { SourceId } from '@/lib/sources/ids';
import { ClockAlarms } from '../support/clock-alarms';
import { RecordingBadge } from '../support/badge';
import { testDb } from '../support/db';
import { testBrowser } from '../support/fake-browser';
import { ownRecordings } from '../support/recordings';

/**
 * Issue #12, "a polite client": conditional requests, a 304 that keeps the
 * stored list, requests counted per source and day with a daily ceiling, and
 * refresh times spread per install. Every expected value below is written by
 * hand (dates, headers, counts); none is computed by the code under test.
 */

const T0 = Date.parse('2026-11-27T07:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const files = ownRecordings();
const MODELS = readFileSync(files['hf-models'], 'utf8');
const SEARCH = readFileSync(files['gh-search'], 'utf8');
const ETAG = 'W/"2f1c-9a8b7c6d5e4f"';
const LAST_MODIFIED = 'Fri, 27 Nov 2026 06:55:00 GMT';

/**
 * A response as a server could send it: the headers are a plain lookup, so
 * that values `Headers` itself would refuse (CR, LF) can be served too.
 */
function response(status: number, body: string, headers: Record<string, string> = {}): Response {
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return {
    status,
    ok: status >= 200 && status < 300,
    url: '',
    body: null,
    headers: { get: (name: string) => lower[name.toLowerCase()] ?? null } as Headers,
    text: async () => body,
  } as unknown as Response;
}

/** A stand-in that sends validators and answers 304 to a matching If-None-Match, recording what it was asked. */
function standIn(body: string, validators: Record<string, string> = { etag: ETAG, 'last-modified': LAST_MODIFIED }) {
  const asked: { url: string; headers: Record<string, string>; cache: RequestCache | undefined }[] = [];
  const fetch: FetchLike = async (url, init) => {
    const headers = { ...(init?.headers as Record<string, string>) };
    asked.push({ url, headers, cache: init?.cache });
    if (validators.etag !== undefined && headers['if-none-match'] === validators.etag) return response(304, '');
    return response(200, body, validators);
  };
  return { fetch, asked };
}

function setup(fetch: FetchLike, sources: Source[] = [hfModels], start = T0, timeZone = 'UTC') {
  const db = testDb();
  let now = start;
  const deps: RefreshDeps = { db, fetch: vi.fn(fetch), now: () => now, random: () => 0.5, sources, intervalMinutes: 60, timeZone };
  return { db, deps, set: (at: number) => (now = at), advance: (ms: number) => (now += ms) };
}

/** Every row of the history, and its size as JSON: what a 304 must leave exactly as it was. */
async function history(db: MorningPostDB) {
  const [snapshots, catalog, lists] = await Promise.all([db.snapshots.toArray(), db.catalog.toArray(), db.lists.toArray()]);
  const bytes = (rows: unknown[]) => new TextEncoder().encode(JSON.stringify(rows)).byteLength;
  return { rows: { snapshots: snapshots.length, catalog: catalog.length, lists: lists.length }, bytes: { snapshots: bytes(snapshots), catalog: bytes(catalog), lists: bytes(lists) }, snapshots, catalog, lists };
}

describe('validators, read bounded', () => {
  it.each<[string, unknown, string | undefined]>([
    ['a strong ETag', '"abc123"', '"abc123"'],
    ['a weak ETag', ETAG, ETAG],
    ['an ETag of 256 characters', `"${'a'.repeat(254)}"`, `"${'a'.repeat(254)}"`],
    ['an ETag of 257 characters', `"${'a'.repeat(255)}"`, undefined],
    ['an ETag of a megabyte', 'x'.repeat(1 << 20), undefined],
    ['an ETag with CR LF and a second header', '"a"\r\nSet-Cookie: x=1', undefined],
    ['an ETag with a control character', '"a\u0001b"', undefined],
    ['an ETag with a tab', '"a\tb"', undefined],
    ['an ETag outside ASCII', '"é"', undefined],
    ['an empty ETag', '', undefined],
    ['a number', 12, undefined],
  ])('%s', (_name, value, expected) => {
    expect(cleanEtag(value)).toBe(expected);
  });

  it.each<[string, unknown, string | undefined]>([
    ['an IMF-fixdate', 'Fri, 27 Nov 2026 06:55:00 GMT', 'Fri, 27 Nov 2026 06:55:00 GMT'],
    ['the RFC example', 'Sun, 06 Nov 1994 08:49:37 GMT', 'Sun, 06 Nov 1994 08:49:37 GMT'],
    ['the wrong weekday', 'Sat, 27 Nov 2026 06:55:00 GMT', undefined],
    ['31 February', 'Tue, 31 Feb 2026 00:00:00 GMT', undefined],
    ['the obsolete RFC 850 form', 'Friday, 27-Nov-26 06:55:00 GMT', undefined],
    ['an ISO time', '2026-11-27T06:55:00Z', undefined],
    ['another zone', 'Fri, 27 Nov 2026 06:55:00 PST', undefined],
    ['a date and a second header', 'Fri, 27 Nov 2026 06:55:00 GMT\r\nX: y', undefined],
    ['a word', 'yesterday', undefined],
    ['a number', 1_700_000_000, undefined],
  ])('Last-Modified: %s', (_name, value, expected) => {
    expect(cleanLastModified(value)).toBe(expected);
  });

  const URL_A = 'https://huggingface.co/api/models?sort=trendingScore&limit=50';
  const stored: SourceStatus = { sourceId: 'hf-models', consecutiveFailures: 0, lastSuccessAt: T0, validators: { url: URL_A, listAt: T0, etag: ETAG, lastModified: LAST_MODIFIED } };
  it.each<[string, SourceStatus | undefined, string, number | undefined, Record<string, string>]>([
    ['the same URL, its list the latest', stored, URL_A, T0, { 'if-none-match': ETAG, 'if-modified-since': LAST_MODIFIED }],
    ['another URL', stored, `${URL_A}&x=1`, T0, {}],
    ['no list stored', stored, URL_A, undefined, {}],
    ['a newer list stored since', stored, URL_A, T0 + HOUR, {}],
    ['no validators', { sourceId: 'hf-models', consecutiveFailures: 0 }, URL_A, T0, {}],
    ['no status', undefined, URL_A, T0, {}],
    ['a stored ETag edited to carry a header', { ...stored, validators: { url: URL_A, listAt: T0, etag: '"a"\r\nCookie: x' } }, URL_A, T0, {}],
    ['a stored date edited to nonsense, the ETag good', { ...stored, validators: { url: URL_A, listAt: T0, etag: ETAG, lastModified: 'soon' } }, URL_A, T0, { 'if-none-match': ETAG }],
  ])('conditional headers: %s', (_name, status, url, latestListAt, expected) => {
    expect(conditionalHeaders(status, url, latestListAt)).toEqual(expected);
  });

  it.each<[string, SourceStatus | undefined, number, number]>([
    ['no status: the list time', undefined, T0, T0],
    ['confirmed by a 304 an hour later', { sourceId: 'hf-models', consecutiveFailures: 0, lastSuccessAt: T0 + HOUR, validators: { url: 'u', listAt: T0, etag: ETAG } }, T0, T0 + HOUR],
    ['the validators are of another list', { sourceId: 'hf-models', consecutiveFailures: 0, lastSuccessAt: T0 + HOUR, validators: { url: 'u', listAt: T0 - HOUR, etag: ETAG } }, T0, T0],
    ['no validators: a later success says nothing of this list', { sourceId: 'hf-models', consecutiveFailures: 0, lastSuccessAt: T0 + HOUR }, T0, T0],
    ['a success time before the list (a clock set back)', { sourceId: 'hf-models', consecutiveFailures: 0, lastSuccessAt: T0 - HOUR, validators: { url: 'u', listAt: T0, etag: ETAG } }, T0, T0],
  ])('when a list was last known current: %s', (_name, status, fetchedAt, expected) => {
    expect(listCheckedAt(status, fetchedAt)).toBe(expected);
  });
});

describe('conditional requests and a 304, against a stand-in that sends validators', () => {
  it('asks unconditionally first, then with the validators exactly as stored; a 304 keeps every row and byte and counts as a fresh success', async () => {
    const server = standIn(MODELS);
    const { db, deps, set } = setup(server.fetch);
    expect(await refreshSources(deps, 'install')).toEqual([{ sourceId: 'hf-models', result: 'stored', items: 12, dropped: 0 }]);
    expect(server.asked[0]!.headers).toEqual({ accept: 'application/json' });
    // The browser's cache neither answers nor stores these requests (fetch-source.ts says why).
    expect(server.asked[0]!.cache).toBe('no-store');
    expect((await db.sourceStatus.get('hf-models'))?.validators).toEqual({
      url: 'https://huggingface.co/api/models?sort=trendingScore&limit=50',
      listAt: T0,
      etag: ETAG,
      lastModified: LAST_MODIFIED,
    });
    const before = await history(db);
    const shownBefore = await latestList(db, 'hf-models');

    const T1 = T0 + HOUR;
    set(T1);
    expect(await refreshSources(deps, 'alarm')).toEqual([{ sourceId: 'hf-models', result: 'unchanged' }]);
    expect(server.asked[1]!.headers).toEqual({ accept: 'application/json', 'if-none-match': ETAG, 'if-modified-since': LAST_MODIFIED });
    expect(server.asked[1]!.cache).toBe('no-store');
    const after = await history(db);
    expect(after.rows).toEqual(before.rows);
    expect(after.bytes).toEqual(before.bytes);
    expect(after.snapshots).toEqual(before.snapshots);
    expect(after.catalog).toEqual(before.catalog);
    expect(await latestList(db, 'hf-models')).toEqual(shownBefore);
    const status = await db.sourceStatus.get('hf-models');
    expect(status).toMatchObject({ lastSuccessAt: T1, lastAttemptAt: T1, consecutiveFailures: 0, nextAttemptAt: T1 + HOUR, validators: { listAt: T0 } });
    expect(status?.lastError).toBeUndefined();
    // The pages and the issue take the list as confirmed at T1: 'ok' two hours and a half after it was stored.
    expect(listCheckedAt(status, T0)).toBe(T1);
    expect(healthOf(status, listCheckedAt(status, T0), T0 + 150 * MINUTE, 60).state).toBe('ok');
    expect(healthOf(status, T0, T0 + 150 * MINUTE, 60).state).toBe('stale');
    console.log(
      `a 200 wrote ${before.rows.snapshots} snapshot (${before.bytes.snapshots} B as JSON), ${before.rows.catalog} catalog rows (${before.bytes.catalog} B) and its view (${before.bytes.lists} B); ` +
        `the 304 wrote 0 rows and 0 B of history (snapshots ${after.bytes.snapshots - before.bytes.snapshots} B, catalog ${after.bytes.catalog - before.bytes.catalog} B, lists ${after.bytes.lists - before.bytes.lists} B)`,
    );
  });

  it('a 304 clears a failure, and a 200 after it stores the new list with its own validators', async () => {
    let mode: 'fail' | 'stand-in' | 'changed' = 'stand-in';
    const server = standIn(MODELS);
    const changed = standIn(MODELS, { etag: '"v2"' });
    const { db, deps, advance } = setup((url, init) => (mode === 'fail' ? Promise.resolve(response(503, '')) : mode === 'changed' ? changed.fetch(url, init) : server.fetch(url, init)));
    await refreshSources(deps, 'install');
    mode = 'fail';
    advance(HOUR);
    expect(await refreshSources(deps, 'alarm')).toMatchObject([{ result: 'failed' }]);
    mode = 'stand-in';
    advance(10 * MINUTE);
    expect(await refreshSources(deps, 'retry')).toEqual([{ sourceId: 'hf-models', result: 'unchanged' }]);
    expect(await db.sourceStatus.get('hf-models')).toMatchObject({ consecutiveFailures: 0, lastSuccessAt: T0 + 70 * MINUTE });
    expect((await db.sourceStatus.get('hf-models'))?.lastError).toBeUndefined();
    mode = 'changed';
    advance(HOUR);
    expect(await refreshSources(deps, 'alarm')).toMatchObject([{ result: 'stored' }]);
    expect(changed.asked[0]!.headers).toEqual({ accept: 'application/json', 'if-none-match': ETAG, 'if-modified-since': LAST_MODIFIED });
    expect((await db.sourceStatus.get('hf-models'))?.validators).toEqual({ url: 'https://huggingface.co/api/models?sort=trendingScore&limit=50', listAt: T0 + 130 * MINUTE, etag: '"v2"' });
    expect(await db.snapshots.count()).toBe(2);
  });

  it("sends no validator for another URL: GitHub search's address changes with the day", async () => {
    const server = standIn(SEARCH);
    const { db, deps, set } = setup(server.fetch, [githubSearch], Date.parse('2026-11-26T12:00:00Z'));
    await refreshSources(deps, 'install');
    set(Date.parse('2026-11-26T13:00:00Z'));
    await refreshSources(deps, 'alarm');
    set(Date.parse('2026-11-27T12:00:00Z'));
    await refreshSources(deps, 'alarm');
    expect(server.asked.map((request) => [decodeURIComponent(request.url).match(/created:>(\d{4}-\d{2}-\d{2})/)?.[1], request.headers['if-none-match']])).toEqual([
      ['2026-10-27', undefined],
      ['2026-10-27', ETAG],
      ['2026-10-28', undefined],
    ]);
    expect(await db.snapshots.count()).toBe(2);
  });

  it.each<[string, Record<string, string>]>([
    ['an ETag of 300 characters and an ISO date', { etag: `"${'x'.repeat(298)}"`, 'last-modified': '2026-11-27T06:55:00Z' }],
    ['an ETag with a control character and a date of 31 February', { etag: '"a\u0007b"', 'last-modified': 'Tue, 31 Feb 2026 00:00:00 GMT' }],
    ['an ETag with CR LF and another header', { etag: '"a"\r\nAuthorization: Bearer x', 'last-modified': 'yesterday' }],
  ])('ignores hostile validators (%s): nothing is kept, the next request is unconditional', async (_name, hostile) => {
    const server = standIn(MODELS, hostile);
    const { db, deps, advance } = setup(server.fetch);
    await refreshSources(deps, 'install');
    expect((await db.sourceStatus.get('hf-models'))?.validators).toBeUndefined();
    advance(HOUR);
    expect(await refreshSources(deps, 'alarm')).toMatchObject([{ result: 'stored' }]);
    expect(server.asked.map((request) => request.headers)).toEqual([{ accept: 'application/json' }, { accept: 'application/json' }]);
  });

  it('a 304 to a request that asked for nothing conditional is an error in our words; the list stays', async () => {
    let answer = () => response(200, MODELS);
    const { db, deps, advance } = setup(async () => answer());
    await refreshSources(deps, 'install');
    const before = await history(db);
    answer = () => response(304, '', { etag: ETAG });
    advance(HOUR);
    expect(await refreshSources(deps, 'alarm')).toMatchObject([
      { result: 'failed', failure: { kind: 'http', status: 304, message: 'huggingface.co/api/models answered 304 Not Modified to a request that was not conditional' } },
    ]);
    expect((await history(db)).bytes).toEqual(before.bytes);
    expect((await latestList(db, 'hf-models'))?.rows).toHaveLength(12);
  });

  it('a 304 whose list went away while the request was out keeps nothing and says so; the next request is whole', async () => {
    const server = standIn(MODELS);
    let clearDuringRequest = false;
    const { db, deps, advance } = setup(async (url, init) => {
      if (clearDuringRequest) await db.transaction('rw', [db.snapshots, db.lists], () => Promise.all([db.snapshots.clear(), db.lists.clear()]));
      return server.fetch(url, init);
    });
    await refreshSources(deps, 'install');
    clearDuringRequest = true;
    advance(HOUR);
    expect(await refreshSources(deps, 'alarm')).toMatchObject([
      { result: 'failed', failure: { kind: 'http', status: 304, message: 'huggingface.co/api/models answered 304 Not Modified, but the list it would keep is no longer stored; the next refresh asks for the whole list' } },
    ]);
    clearDuringRequest = false;
    advance(5 * MINUTE);
    expect(await refreshSources(deps, 'manual')).toMatchObject([{ result: 'stored' }]);
    expect(server.asked.map((request) => request.headers['if-none-match'])).toEqual([undefined, ETAG, undefined]);
  });
});

describe('requests per source and day', () => {
  it('counts every request — a list, a 304, a failure, a manual refresh — on the reader’s day, across its midnight (Los Angeles)', async () => {
    let fail = false;
    const server = standIn(MODELS);
    const { db, deps, set } = setup((url, init) => (fail ? Promise.reject(new TypeError('Failed to fetch')) : server.fetch(url, init)), [hfModels], 0, 'America/Los_Angeles');
    // 22:30, 23:30 (a 304), 23:45 (a failure, by hand) on 27 November in Los Angeles; 00:15 and 00:20 on the 28th.
    set(Date.parse('2026-11-28T06:30:00Z'));
    await refreshSources(deps, 'install');
    set(Date.parse('2026-11-28T07:30:00Z'));
    expect(await refreshSources(deps, 'alarm')).toMatchObject([{ result: 'unchanged' }]);
    fail = true;
    set(Date.parse('2026-11-28T07:45:00Z'));
    expect(await refreshSources(deps, 'manual')).toMatchObject([{ result: 'failed' }]);
    fail = false;
    set(Date.parse('2026-11-28T08:15:00Z'));
    await refreshSources(deps, 'manual');
    set(Date.parse('2026-11-28T08:20:00Z'));
    await refreshSources(deps, 'manual');
    // A wake with nothing due makes no request, and counts none.
    set(Date.parse('2026-11-28T08:21:00Z'));
    expect(await refreshSources(deps, 'alarm')).toMatchObject([{ result: 'skipped', reason: 'not-due' }]);
    expect((await db.sourceStatus.get('hf-models'))?.requests).toEqual([
      { day: '2026-11-28', count: 2 },
      { day: '2026-11-27', count: 3 },
    ]);
    expect(server.asked).toHaveLength(4);
  });

  it.each<[string, number, string, number]>([
    ['Hugging Face models', DAILY_REQUEST_CEILING['hf-models'], 'hf-models', 144],
    ['GitHub search', DAILY_REQUEST_CEILING['gh-search'], 'gh-search', 144],
    ['GitHub trending, daily', DAILY_REQUEST_CEILING['gh-trending-daily'], 'gh-trending-daily', 120],
    ['GitHub trending, weekly', DAILY_REQUEST_CEILING['gh-trending-weekly'], 'gh-trending-weekly', 120],
  ])('the daily ceiling of %s is %i', (_name, ceiling, _id, expected) => {
    expect(ceiling).toBe(expected);
  });

  it('refuses a request past the day’s ceiling, the reader’s too, until the reader’s midnight; a failing source’s retry waits for it', async () => {
    const { db, deps, set } = setup(async () => response(200, MODELS), [hfModels], 0, 'Asia/Kolkata');
    // 20:00 on 27 November in Kolkata, 143 requests made today and 9 yesterday.
    const at = Date.parse('2026-11-27T14:30:00Z');
    set(at);
    const status: SourceStatus = {
      sourceId: 'hf-models',
      consecutiveFailures: 2,
      lastAttemptAt: at - MINUTE,
      nextAttemptAt: at + 2 * MINUTE,
      requests: [{ day: '2026-11-27', count: 143 }, { day: '2026-11-26', count: 9 }],
    };
    await db.sourceStatus.put(status);
    expect(await refreshSources(deps, 'manual')).toMatchObject([{ result: 'stored' }]);
    expect((await db.sourceStatus.get('hf-models'))?.requests).toEqual([{ day: '2026-11-27', count: 144 }, { day: '2026-11-26', count: 9 }]);
    set(at + 5 * MINUTE);
    // Midnight in Kolkata is 18:30 UTC.
    expect(await refreshSources(deps, 'manual')).toEqual([{ sourceId: 'hf-models', result: 'skipped', reason: 'daily-limit', until: Date.parse('2026-11-27T18:30:00Z') }]);
    expect(deps.fetch).toHaveBeenCalledTimes(1);
    // A failing source at its ceiling: the retry alarm is set for the reader's midnight, not for now again and again.
    await db.sourceStatus.put({ ...status, requests: [{ day: '2026-11-27', count: 144 }] });
    expect(nextRetryAt([await db.sourceStatus.get('hf-models')], at + 5 * MINUTE, 'Asia/Kolkata')).toBe(Date.parse('2026-11-27T18:30:00Z'));
    expect(ceilingUntil(await db.sourceStatus.get('hf-models'), at + 5 * MINUTE, 'Asia/Kolkata')).toBe(Date.parse('2026-11-27T18:30:00Z'));
    // The next day in Kolkata, it is asked again.
    set(Date.parse('2026-11-27T18:31:00Z'));
    expect(await refreshSources(deps, 'manual')).toMatchObject([{ result: 'stored' }]);
  });

  it('reads stored counts bounded: bad entries dropped, repeated days once, at most 7 days, newest first', () => {
    const stored = [
      { day: '2026-11-20', count: 1 },
      { day: '2026-11-27', count: 5 },
      { day: '2026-11-27', count: 99 },
      { day: 'yesterday', count: 4 },
      { day: '2026-11-26', count: -1 },
      { day: '2026-11-25', count: 1.5 },
      { day: '2026-11-24', count: Infinity },
      { day: '2026-11-23', count: 3 },
      null,
      'x',
      { day: '2026-11-22', count: 2 },
      { day: '2026-11-21', count: 2 },
      { day: '2026-11-19', count: 1 },
      { day: '2026-11-18', count: 1 },
      { day: '2026-11-17', count: 1 },
    ];
    expect(readCounts(stored)).toEqual([
      { day: '2026-11-27', count: 5 },
      { day: '2026-11-23', count: 3 },
      { day: '2026-11-22', count: 2 },
      { day: '2026-11-21', count: 2 },
      { day: '2026-11-20', count: 1 },
      { day: '2026-11-19', count: 1 },
      { day: '2026-11-18', count: 1 },
    ]);
    expect(readCounts({ day: '2026-11-27', count: 1 })).toEqual([]);
    expect(readCounts([{ day: '2026-11-27', count: 1e12 }])).toEqual([{ day: '2026-11-27', count: 1_000_000 }]);
    expect(countOn(stored, '2026-11-27')).toBe(5);
    expect(countRequest([{ day: '2026-11-26', count: 4 }], '2026-11-27')).toEqual([{ day: '2026-11-27', count: 1 }, { day: '2026-11-26', count: 4 }]);
    const week = ['2026-11-26', '2026-11-25', '2026-11-24', '2026-11-23', '2026-11-22', '2026-11-21', '2026-11-20'].map((day) => ({ day, count: 2 }));
    expect(countRequest(week, '2026-11-27').map((entry) => entry.day)).toEqual(['2026-11-27', '2026-11-26', '2026-11-25', '2026-11-24', '2026-11-23', '2026-11-22', '2026-11-21']);
  });

  it('the options row: today, yesterday and the 7-day average, by hand', () => {
    const stored = [
      { day: '2026-03-02', count: 10 },
      { day: '2026-03-01', count: 25 },
      { day: '2026-02-28', count: 24 },
      { day: '2026-02-24', count: 11 },
      { day: '2026-02-23', count: 99 }, // eight days back: not in the week
    ];
    // (10 + 25 + 24 + 11) / 7 = 10.0
    expect(requestRow('hf-papers', stored, '2026-03-02')).toEqual({ today: 10, yesterday: 25, weekAverage: 10, ceiling: 144 });
    expect(requestRow('gh-trending-daily', [{ day: '2026-03-01', count: 3 }], '2026-03-02')).toEqual({ today: 0, yesterday: 3, weekAverage: 0.4, ceiling: 120 });
    expect(keptDays('2026-03-02')).toEqual(['2026-03-02', '2026-03-01', '2026-02-28', '2026-02-27', '2026-02-26', '2026-02-25', '2026-02-24']);
    expect(keptDays('2027-01-03')).toEqual(['2027-01-03', '2027-01-02', '2027-01-01', '2026-12-31', '2026-12-30', '2026-12-29', '2026-12-28']);
    expect(keptDays('soon')).toEqual([]);
  });

  it.each<[string, string, string]>([
    ['2026-11-28T07:59:00Z', 'America/Los_Angeles', '2026-11-27'],
    ['2026-11-28T08:01:00Z', 'America/Los_Angeles', '2026-11-28'],
    ['2026-11-27T18:29:00Z', 'Asia/Kolkata', '2026-11-27'],
    ['2026-11-27T18:30:00Z', 'Asia/Kolkata', '2026-11-28'],
    ['2026-11-27T10:45:00Z', 'Pacific/Chatham', '2026-11-28'],
    ['2026-03-08T10:30:00Z', 'America/Los_Angeles', '2026-03-08'],
  ])('the options page and the worker name the same day: %s in %s is %s', (instant, zone, day) => {
    expect(dayOf(Date.parse(instant), zone)).toBe(day);
    expect(dayIn(Date.parse(instant), zone)).toBe(day);
  });
});

describe('refresh times spread per install', () => {
  it.each<[number, number]>([
    [0, 0],
    [0.5, 43_200],
    [0.25, 21_600],
    [0.999_999_999, 86_399],
    [1, 86_399],
    [-3, 0],
    [Number.NaN, 0],
  ])('draws %d as an offset of %i s', (random, seconds) => {
    expect(drawJitter(random)).toBe(seconds);
  });

  it.each<[unknown, number | undefined]>([
    [461, 461],
    [0, 0],
    [86_399, 86_399],
    [86_400, undefined],
    [-1, undefined],
    [1.5, undefined],
    ['461', undefined],
    [Number.NaN, undefined],
    [null, undefined],
  ])('reads a stored offset %j as %j', (stored, expected) => {
    expect(readJitter(stored)).toBe(expected);
  });

  it.each<[string, string, number, number, string]>([
    ['on the hour, 7 min 41 s in', '2026-11-29T09:00:00Z', 60, 461, '2026-11-29T09:07:41Z'],
    ['an hour and 7 min 41 s: the same phase', '2026-11-29T09:00:00Z', 60, 4_061, '2026-11-29T09:07:41Z'],
    ['exactly on its tick: the next one', '2026-11-29T09:07:41Z', 60, 461, '2026-11-29T10:07:41Z'],
    ['every 15 minutes', '2026-11-29T09:10:00Z', 15, 461, '2026-11-29T09:22:41Z'],
    ['every 6 hours', '2026-11-29T09:10:00Z', 360, 25_000, '2026-11-29T12:56:40Z'],
    ['once a day, offset half a day', '2026-11-29T09:10:00Z', 1_440, 43_200, '2026-11-29T12:00:00Z'],
  ])('the periodic alarm first fires on the install’s phase: %s', (_name, now, interval, jitter, expected) => {
    expect(new Date(phasedRefreshAt(Date.parse(now), interval, jitter)).toISOString()).toBe(new Date(Date.parse(expected)).toISOString());
  });

  it.each<[number, number]>([
    [0, 0],
    [461, 161_000],
    [299, 299_000],
    [300, 0],
    [86_399, 299_000],
  ])('an offset of %i s delays the morning wake by %i ms (under five minutes)', (jitter, delay) => {
    expect(morningDelayMs(jitter)).toBe(delay);
  });

  it('draws the offset once per install and keeps it; a stored value that is not one is drawn again', async () => {
    const { local } = testBrowser();
    const random = vi.fn(() => 0.25);
    expect(await installJitter(local, random)).toBe(21_600);
    expect(await installJitter(local, () => 0.75)).toBe(21_600);
    expect(random).toHaveBeenCalledTimes(1);
    expect((await local.get(JITTER_KEY))[JITTER_KEY]).toBe(21_600);
    await local.set({ [JITTER_KEY]: 1e9 });
    expect(await installJitter(local, () => 0.5)).toBe(43_200);
    expect((await local.get(JITTER_KEY))[JITTER_KEY]).toBe(43_200);
  });

  it('the worker sets the periodic alarm on the install’s phase and the morning wake a few minutes after the morning time', async () => {
    const db = testDb();
    const browser = testBrowser();
    // 0.3 → 25,920 s: 7 h 12 min; modulo an hour 12 min 0 s; modulo five minutes 2 min 0 s (25,920 = 86 × 300 + 120).
    await browser.local.set({ [JITTER_KEY]: 25_920 });
    await browser.sync.set({ [SETTINGS_KEY]: { version: 3, refreshIntervalMinutes: 60, morningTime: '07:00' } });
    const now = Date.parse('2026-11-27T09:30:00Z'); // 15:00 in Kolkata
    const worker = createWorker({
      db,
      fetch: async () => response(200, MODELS),
      now: () => now,
      random: () => 0.9,
      sources: [hfModels],
      alarms: browser.alarms,
      settings: browser.sync,
      local: browser.local,
      action: new RecordingBadge(),
      timeZone: () => 'Asia/Kolkata',
    });
    await worker.wake('install');
    expect(await browser.alarms.get(REFRESH_ALARM)).toMatchObject({ scheduledTime: Date.parse('2026-11-27T10:12:00Z'), periodInMinutes: 60 });
    // Tomorrow's 07:00 in Kolkata is 01:30 UTC; two minutes later.
    expect((await browser.alarms.get(MORNING_ALARM))?.scheduledTime).toBe(Date.parse('2026-11-28T01:32:00Z'));
  });

  it('a periodic alarm on the install’s phase refreshes a healthy list due before the middle of the next interval, not a failing one', async () => {
    const { db, deps, set } = setup(async () => response(200, MODELS), [hfModels], Date.parse('2026-11-27T09:30:00Z'));
    await refreshSources(deps, 'install'); // next attempt 10:30
    set(Date.parse('2026-11-27T09:50:00Z'));
    expect(await refreshSources(deps, 'alarm')).toMatchObject([{ result: 'skipped', reason: 'not-due' }]); // 10:30 is after 10:20
    set(Date.parse('2026-11-27T10:07:41Z'));
    expect(await refreshSources(deps, 'alarm')).toMatchObject([{ result: 'stored' }]); // 10:30 is before 10:37:41
    // A failing source keeps its back-off: retried at 10:40:41 at the earliest, not on the alarm at 10:09.
    await db.sourceStatus.update('hf-models', { consecutiveFailures: 3, nextAttemptAt: Date.parse('2026-11-27T10:40:41Z') });
    set(Date.parse('2026-11-27T10:09:00Z'));
    expect(await refreshSources(deps, 'alarm')).toMatchObject([{ result: 'skipped', reason: 'not-due' }]);
  });
});

describe('the data file carries the polite client’s state', () => {
  it('export → clear → import keeps each source’s validators and request counts, and the next request is conditional', async () => {
    const server = standIn(MODELS);
    const { db, deps, advance } = setup(server.fetch);
    await refreshSources(deps, 'install');
    const browser = testBrowser();
    const before = await db.sourceStatus.get('hf-models');
    expect(before?.requests).toEqual([{ day: '2026-11-27', count: 1 }]);
    const text = dataFileText(await exportData({ db, settings: browser.sync, local: browser.local }, new Date(T0 + MINUTE)));
    await clearAllData({ db, settings: browser.sync, local: browser.local });
    expect(await db.sourceStatus.count()).toBe(0);
    await importData({ db, settings: browser.sync, local: browser.local }, new TextEncoder().encode(text).length, async () => text);
    expect(await db.sourceStatus.get('hf-models')).toEqual(before);
    advance(HOUR);
    expect(await refreshSources(deps, 'alarm')).toEqual([{ sourceId: 'hf-models', result: 'unchanged' }]);
    expect(server.asked[1]!.headers['if-none-match']).toBe(ETAG);
  });

  it('a data file whose validators or counts are not of the allowed shape is refused whole', async () => {
    const { db, deps } = setup(standIn(MODELS).fetch);
    await refreshSources(deps, 'install');
    const browser = testBrowser();
    const file = JSON.parse(dataFileText(await exportData({ db, settings: browser.sync, local: browser.local }, new Date(T0 + MINUTE)))) as {
      stores: { sourceStatus: Record<string, unknown>[] };
    };
    file.stores.sourceStatus[0]!.validators = { url: 'https://huggingface.co/api/models', listAt: T0, etag: 'x'.repeat(300) };
    const text = JSON.stringify(file);
    await expect(importData({ db, settings: browser.sync, local: browser.local }, text.length, async () => text)).rejects.toThrow(/Nothing was changed/);
    expect((await db.sourceStatus.get('hf-models'))?.validators?.etag).toBe(ETAG);
  });
});

describe('a simulated day at each interval, against a stand-in that answers 304 when nothing changed', () => {
  const bodies: Record<SourceId, string> = Object.fromEntries(Object.entries(files).map(([id, file]) => [id, readFileSync(file, 'utf8')])) as Record<SourceId, string>;
  const sourceOf = (url: string): SourceId => {
    if (url.includes('/api/models')) return 'hf-models';
    if (url.includes('/api/datasets')) return 'hf-datasets';
    if (url.includes('/api/spaces')) return 'hf-spaces';
    if (url.includes('/api/daily_papers')) return 'hf-papers';
    if (url.includes('since=weekly')) return 'gh-trending-weekly';
    if (url.includes('/trending')) return 'gh-trending-daily';
    return 'gh-search';
  };

  it.each<[number, number, number, SourceId[]]>([
    // interval, requests a source makes on a whole day after install (lowest, highest): by hand, 24 alarms an hour
    // apart (96 a quarter-hour apart) and at most the morning wake besides. Every 15 minutes, three sources only,
    // to keep the test quick.
    [60, 24, 25, Object.keys(SOURCES) as SourceId[]],
    [15, 96, 97, ['hf-models', 'gh-trending-daily', 'gh-search']],
  ])('every %i minutes: each source makes %i to %i requests on the day after install, under its ceiling; the answers are 304s', async (interval, lowest, highest, ids) => {
    const db = testDb();
    const browser = testBrowser();
    await browser.sync.set({ [SETTINGS_KEY]: { version: 3, refreshIntervalMinutes: interval, morningTime: '07:00' } });
    let now = Date.parse('2026-11-26T15:20:00Z');
    const alarms = new ClockAlarms(() => now);
    const seen: { id: SourceId; at: number; status: number }[] = [];
    const worker = createWorker({
      db,
      fetch: async (url, init) => {
        const id = sourceOf(url);
        const etag = `W/"${id}"`;
        const conditional = (init?.headers as Record<string, string>)['if-none-match'] === etag;
        seen.push({ id, at: now, status: conditional ? 304 : 200 });
        return conditional ? response(304, '') : response(200, bodies[id], { etag });
      },
      now: () => now,
      random: () => 0.3,
      sources: ids.map((id) => SOURCES[id]),
      alarms,
      settings: browser.sync,
      local: browser.local,
      action: new RecordingBadge(),
      timeZone: () => 'UTC',
    });
    await worker.wake('install');
    const dayStart = Date.parse('2026-11-27T00:00:00Z');
    const dayEnd = Date.parse('2026-11-28T00:00:00Z');
    for (let alarm = alarms.fire(dayEnd); alarm; alarm = alarms.fire(dayEnd)) {
      now = alarm.scheduledTime;
      await worker.wake(alarm.name === 'retry' ? 'retry' : alarm.name === 'morning' ? 'morning' : 'alarm');
    }
    const onTheDay = seen.filter((request) => request.at >= dayStart && request.at < dayEnd);
    const perSource = Object.fromEntries(ids.map((id) => [id, onTheDay.filter((request) => request.id === id).length]));
    for (const [id, count] of Object.entries(perSource)) {
      expect(count, id).toBeGreaterThanOrEqual(lowest);
      expect(count, id).toBeLessThanOrEqual(highest);
      expect(count, id).toBeLessThanOrEqual(DAILY_REQUEST_CEILING[id as SourceId]);
    }
    // The stand-in's bodies never change: after the install's 200s every answer is a 304 and nothing is stored —
    // but for GitHub search's first request of the day, whose URL (its `created:>` date) changed at midnight.
    expect(onTheDay.filter((request) => request.status === 200).map((request) => request.id)).toEqual(['gh-search']);
    expect(await db.snapshots.count()).toBe(ids.length + 1);
    // What the worker counted is what the stand-in saw.
    for (const id of ids) expect(countOn((await db.sourceStatus.get(id))?.requests, '2026-11-27'), id).toBe(perSource[id]);
    const github = ids.filter((id) => id.startsWith('gh-')).reduce((sum, id) => sum + perSource[id]!, 0);
    console.log(`every ${interval} min, on the day after install: ${JSON.stringify(perSource)}; GitHub's ${ids.filter((id) => id.startsWith('gh-')).length} here ${github} a day (anonymous limits: core API 1,440 a day, search 14,400)`);
  });
});
