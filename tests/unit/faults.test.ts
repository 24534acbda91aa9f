import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { FetchLike } from '@/lib/background/fetch-source';
import { refreshSources, type RefreshDeps } from '@/lib/background/refresh';
import { SOURCES } from '@/lib/sources';
import type { SourceErrorKind } from '@/lib/sources/errors';
import { SOURCE_IDS, type SourceId } from '@/lib/sources/ids';
import { SOURCE_INFO } from '@/lib/sources/info';
import { testDb } from '../support/db';
import { sharedRecordings } from '../support/recordings';

/**
 * Every source against a table of faults, through the production refresh:
 * after a good refresh, each fault must leave the stored history exactly as
 * it was, record a typed error that names the source's host, and throw
 * nothing. The tallies are the figures for issue #3's closing note.
 */
const T0 = Date.parse('2026-11-27T07:00:00Z');
const NOW_S = Math.floor(T0 / 1000);
const recorded = Object.fromEntries(
  Object.entries(sharedRecordings()).map(([id, file]) => [id, readFileSync(file, 'utf8')]),
) as Record<SourceId, string>;

type Fault = { name: string; kind: SourceErrorKind; respond: (good: string) => FetchLike; notBefore?: number };
const answer = (status: number, body: string, headers: Record<string, string> = {}): FetchLike => async () => new Response(body, { status, headers });

/** A body whose shape drifted: every key or class the parsers read is renamed. */
function drifted(good: string): string {
  return good.trimStart().startsWith('<')
    ? good.replaceAll('Box-row', 'Box-item').replaceAll('repo-list', 'repository-list')
    : good.replace(/"(id|items|paper|full_name|recentlyTrending)"/g, '"$1_v2"');
}

const FAULTS: Fault[] = [
  { name: 'HTTP 500', kind: 'http', respond: () => answer(500, 'Internal Server Error') },
  { name: 'HTTP 502 from a proxy, as HTML', kind: 'http', respond: () => answer(502, '<html><body>Bad gateway</body></html>') },
  { name: 'HTTP 404', kind: 'http', respond: () => answer(404, 'Not Found') },
  { name: 'HTTP 503 with Retry-After in seconds', kind: 'http', respond: () => answer(503, '', { 'retry-after': '120' }), notBefore: T0 + 120_000 },
  { name: '429 with Retry-After in seconds', kind: 'rate-limited', respond: () => answer(429, '', { 'retry-after': '90' }), notBefore: T0 + 90_000 },
  { name: '429 with Retry-After as a date', kind: 'rate-limited', respond: () => answer(429, '', { 'retry-after': 'Fri, 27 Nov 2026 07:30:00 GMT' }), notBefore: T0 + 30 * 60_000 },
  { name: "429 with Hugging Face's RateLimit header", kind: 'rate-limited', respond: () => answer(429, '', { ratelimit: '"api";r=0;t=211' }), notBefore: T0 + 211_000 },
  { name: '403 with x-ratelimit-remaining: 0', kind: 'rate-limited', respond: () => answer(403, '{"message":"API rate limit exceeded"}', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW_S + 600) }), notBefore: T0 + 600_000 },
  { name: 'a network failure', kind: 'network', respond: () => async () => Promise.reject(new TypeError('Failed to fetch')) },
  {
    name: 'no answer before the timeout',
    kind: 'timeout',
    respond: () => (_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
  },
  { name: 'an empty 200', kind: 'parse', respond: () => answer(200, '') },
  { name: 'a truncated body', kind: 'parse', respond: (good) => answer(200, good.slice(0, Math.floor(good.length / 2))) },
  { name: 'a drifted body', kind: 'parse', respond: (good) => answer(200, drifted(good)) },
  { name: 'the other format', kind: 'parse', respond: (good) => answer(200, good.trimStart().startsWith('<') ? '{"items":[]}' : '<!doctype html><p>Sign in</p></html>') },
  { name: 'a login wall', kind: 'parse', respond: () => answer(200, '<!doctype html><title>Sign in to GitHub · GitHub</title><form action="/session"></form></html>') },
  { name: 'binary garbage', kind: 'parse', respond: () => answer(200, '\u0000\u0001\u00ff\u00fe PNG') },
];

const tally = { responses: 0, crashes: 0, rowsLost: 0 };
afterAll(() => {
  // Every fault was tried on every source, none escaped, no stored row changed.
  expect(tally).toEqual({ responses: SOURCE_IDS.length * FAULTS.length, crashes: 0, rowsLost: 0 });
});

describe.each(SOURCE_IDS)('source %s under faults', (sourceId) => {
  it.each(FAULTS)('$name: keeps every stored row and names the failure', async (fault) => {
    const db = testDb();
    let fetch: FetchLike = answer(200, recorded[sourceId]);
    // The good refresh an hour before the fault: "refresh now" does not fetch a list stored in the last minute.
    let now = T0 - 3_600_000;
    const deps: RefreshDeps = {
      db,
      fetch: (url, init) => fetch(url, init),
      now: () => now,
      random: () => 0.5,
      sources: [SOURCES[sourceId]],
      intervalMinutes: 60,
      timeoutMs: 30,
    };
    await refreshSources(deps, 'install');
    const before = { snapshots: await db.snapshots.toArray(), catalog: await db.catalog.toArray() };
    expect(before.snapshots).toHaveLength(1);

    fetch = fault.respond(recorded[sourceId]);
    now = T0;
    tally.responses++;
    let outcome;
    try {
      [outcome] = await refreshSources(deps, 'manual');
    } catch (error) {
      tally.crashes++;
      throw error;
    }
    const after = { snapshots: await db.snapshots.toArray(), catalog: await db.catalog.toArray() };
    const lost = before.snapshots[0]!.keys.length - (after.snapshots[0]?.keys.length ?? 0) + (before.catalog.length - after.catalog.length);
    tally.rowsLost += Math.abs(lost);
    expect(after).toEqual(before);
    expect(outcome).toMatchObject({ result: 'failed', failure: { kind: fault.kind } });
    const status = await db.sourceStatus.get(sourceId);
    expect(status?.lastError?.message).toContain(SOURCE_INFO[sourceId].host);
    if (fault.notBefore) expect(status?.notBefore).toBe(fault.notBefore);
  });
});
