import { fetchSourceOutcome, type FetchLike, type FetchOutcome } from './fetch-source';
import type { MorningPostDB } from '../history/db';
import type { SourceStatus } from '../shared/records';
import { writeMakingRoom } from '../history/retention';
import { recordFailure, recordSuccess } from '../history/write';
import { claimSource, releaseClaim, type ClaimResult } from '../history/claims';
import type { Source } from '../sources/contract';
import { SourceError, storageFailure, type SourceFailure } from '../sources/errors';
import type { SourceOutcome } from '../shared/messages';
import { errorMessage } from '../shared/error-message';
import { clampServerWait } from '../shared/limits';
import { pendingServerWait, waitsOf } from '../shared/source-waits';
import { latestListAt, NothingToKeep, recordNotModified, recordRequest } from '../history/polite';
import { countOn, DAILY_REQUEST_CEILING } from '../shared/request-counts';
import { localTimeOn } from '../shared/local-time';
import { dayIn } from '../shared/movement';
import { systemTimeZone } from '../shared/time';

export type RefreshTrigger = 'install' | 'startup' | 'alarm' | 'retry' | 'morning' | 'manual';

export interface RefreshDeps {
  db: MorningPostDB;
  fetch: FetchLike;
  now: () => number;
  /** In [0, 1); spreads retries so that many browsers do not return at once. */
  random: () => number;
  sources: readonly Source[];
  intervalMinutes: number;
  timeoutMs?: number;
  githubToken?: string;
  /**
   * The reader's time zone, whose days the quota prune keeps one list of and whose days the requests are counted
   * in (default: the browser's).
   */
  timeZone?: string;
}

/**
 * An alarm may fire a little early or late (Chrome rounds alarm times); a
 * source due within this window counts as due so that it is not skipped for a
 * whole interval.
 */
const DUE_SLACK_MS = 60_000;

/** First retry after a failure; doubled on each further failure, capped at the refresh interval. */
export const BACKOFF_BASE_MS = 2 * 60_000;

/**
 * A list stored this recently is fresh: the morning wake does not fetch it
 * again (issue #9, finding 10: start-up at 06:55 and the morning alarm at 07:00
 * fetched everything twice). Trending lists move over hours, and the issue
 * composed at 07:00 from lists fetched at 06:45 says the same.
 */
export const FRESH_MS = 30 * 60_000;

/**
 * Refresh every source that is due, one request each, in parallel.
 * - Automatic triggers (install, start-up, the periodic alarm, a retry) fetch
 *   a source only when it is due: its `nextAttemptAt` has come.
 * - The morning wake also fetches a source whose list is older than
 *   `FRESH_MS`, even in back-off: the issue wants fresh lists, not every list
 *   again.
 * - A reader's "refresh now" skips the back-off, but never a wait the server
 *   asked for (`notBefore`: Retry-After, rate-limit headers).
 * - Each source is claimed in the database before its request, so workers
 *   sharing the database make one request between them (lib/history/claims.ts),
 *   and no trigger fetches a list another worker stored after this wake began:
 *   triggers at once share one request; one after it is a new refresh.
 * A failure keeps the last good snapshot and records why and when we try again.
 */
export async function refreshSources(deps: RefreshDeps, trigger: RefreshTrigger): Promise<SourceOutcome[]> {
  const wakeStartedAt = deps.now();
  return Promise.all(deps.sources.map((source) => refreshOne(deps, source, trigger, wakeStartedAt)));
}

async function refreshOne(deps: RefreshDeps, source: Source, trigger: RefreshTrigger, wakeStartedAt: number): Promise<SourceOutcome> {
  const { db } = deps;
  const startedAt = deps.now();
  const timeZone = deps.timeZone ?? systemTimeZone();
  let claim: ClaimResult<Skip>;
  try {
    // The claim is the wake's first write: on a full disk, it is what makes room (retention.ts).
    claim = await writeMakingRoom(db, startedAt, () => claimSource(db, source.id, startedAt, (status) => skipReason(status, trigger, startedAt, wakeStartedAt, timeZone, deps.intervalMinutes)), deps.timeZone);
  } catch (error) {
    // Without its status the source's waits are unknown: no request is made (a server's wait is never risked).
    return failed(deps, source, undefined, storageFailure(error));
  }
  if (!claim.claimed) return { sourceId: source.id, result: 'skipped', ...claim.skip };
  // Every request is counted, on the reader's day, before it is made (issue #12): whatever it brings back.
  await recordRequest(db, source.id, dayIn(startedAt, timeZone)).catch((error: unknown) => console.warn(`The AI Morning Post: could not count ${source.id}'s request:`, error));
  const outcome = await fetchAndStore(deps, source, claim.status, startedAt);
  // A claim that cannot be released lapses on its own (CLAIM_MS).
  await releaseClaim(db, source.id, claim.until).catch((error: unknown) => console.warn(`The AI Morning Post: could not release ${source.id}'s claim:`, error));
  return outcome;
}

/** When a source that answered well at `at` (a list, or a 304) is next asked: an interval on. */
function nextAfterSuccess(deps: RefreshDeps, at: number): number {
  return at + deps.intervalMinutes * 60_000;
}

async function fetchAndStore(deps: RefreshDeps, source: Source, status: SourceStatus | undefined, startedAt: number): Promise<SourceOutcome> {
  const { db } = deps;
  let outcome: FetchOutcome;
  // The list a 304 would keep: validators are sent only while the list they came with is the latest stored.
  let listAt: number | undefined;
  try {
    listAt = status?.validators ? await latestListAt(db, source.id) : undefined;
  } catch {
    listAt = undefined; // unreadable: the request is simply not conditional
  }
  try {
    outcome = await fetchSourceOutcome(source, {
      fetch: deps.fetch,
      now: startedAt,
      status,
      latestListAt: listAt,
      ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
      ...(deps.githubToken ? { githubToken: deps.githubToken } : {}),
    });
  } catch (error) {
    return failed(deps, source, status, error instanceof SourceError ? error.failure : { kind: 'network', message: `unexpected error: ${errorMessage(error)}` });
  }
  const at = deps.now();
  if (outcome.kind === 'not-modified') return keepList(deps, source, status, listAt!, at);
  const { list, url, validators } = outcome;
  try {
    // A full disk: the history and the archive are thinned and the write tried again (retention.ts).
    await writeMakingRoom(db, at, () => recordSuccess(db, source.id, list, at, nextAfterSuccess(deps, at), validators && { url, ...validators }), deps.timeZone);
  } catch (error) {
    // The source answered well; the database did not keep it. That is said as what it is (issue #9, finding 9),
    // not as the source's network failure.
    console.error(`The AI Morning Post: could not store ${source.id}'s new list:`, error);
    return failed(deps, source, status, storageFailure(error));
  }
  return { sourceId: source.id, result: 'stored', items: list.items.length, dropped: list.dropped };
}

/**
 * A 304 to a conditional request: the stored list stands, confirmed now, and nothing of the history is written
 * (lib/history/not-modified.ts). If that list went away while the request was out, the 304 has nothing to keep:
 * a failure, said as what it is, and the next request asks for the whole list (its validators no longer match).
 */
async function keepList(deps: RefreshDeps, source: Source, status: SourceStatus | undefined, listAt: number, at: number): Promise<SourceOutcome> {
  try {
    await recordNotModified(deps.db, source.id, listAt, at, nextAfterSuccess(deps, at));
  } catch (error) {
    if (error instanceof NothingToKeep) {
      return failed(deps, source, status, { kind: 'http', status: 304, message: `${hostOf(source, at)} answered 304 Not Modified, but the list it would keep is no longer stored; the next refresh asks for the whole list` });
    }
    console.error(`The AI Morning Post: could not record that ${source.id}'s list is unchanged:`, error);
    return failed(deps, source, status, storageFailure(error));
  }
  return { sourceId: source.id, result: 'unchanged' };
}

function hostOf(source: Source, now: number): string {
  const target = new URL(source.request({ now }).url);
  return `${target.host}${target.pathname}`;
}

/**
 * Records a failure and says what it was. Recording is itself a database write
 * and may fail too (the same broken or full database): that is logged, and
 * the wake goes on (issue #9, finding 9: it used to reject the whole wake, so
 * prune, publish and badge never ran).
 */
async function failed(deps: RefreshDeps, source: Source, status: SourceStatus | undefined, failure: SourceFailure): Promise<SourceOutcome> {
  const at = deps.now();
  const failures = (status?.consecutiveFailures ?? 0) + 1;
  // The server's wait is bounded here too (a day, lib/shared/limits.ts): whatever fetch-source let through, no
  // stored time is ever further off than that (issue #9, finding 1).
  const retryAfterAt = failure.retryAfterAt === undefined ? undefined : clampServerWait(failure.retryAfterAt, at);
  const nextAttemptAt = Math.max(at + backoffMs(failures, deps.intervalMinutes * 60_000, deps.random()), retryAfterAt ?? 0);
  try {
    await recordFailure(deps.db, source.id, failure, at, nextAttemptAt);
  } catch (error) {
    console.error(`The AI Morning Post: could not record that ${source.id} failed (${failure.kind}):`, error);
  }
  return { sourceId: source.id, result: 'failed', failure: { ...failure, ...(retryAfterAt !== undefined ? { retryAfterAt } : {}) }, nextAttemptAt };
}

type Skip = { reason: 'not-due' | 'rate-limited' | 'daily-limit'; until: number };

function skipReason(status: SourceStatus | undefined, trigger: RefreshTrigger, now: number, wakeStartedAt: number, timeZone: string, intervalMinutes: number): Skip | undefined {
  if (!status) return undefined;
  // Both waits are read bounded (lib/shared/source-waits.ts): a stored `Infinity` stops nothing for more than a day.
  const serverWait = pendingServerWait(status, now);
  if (serverWait !== undefined) return { reason: 'rate-limited', until: serverWait };
  // The day's ceiling (lib/shared/request-counts.ts) holds for every trigger, the reader's "refresh now" too.
  const ceiling = ceilingUntil(status, now, timeZone);
  if (ceiling !== undefined) return { reason: 'daily-limit', until: ceiling };
  const { nextAttemptAt } = waitsOf(status, now);
  // Stored by another worker while this wake ran: as fresh as this wake could make it.
  if (status.lastSuccessAt !== undefined && status.lastSuccessAt >= wakeStartedAt && status.lastSuccessAt <= now) {
    return { reason: 'not-due', until: nextAttemptAt ?? status.lastSuccessAt };
  }
  if (trigger === 'manual') return undefined;
  const due = nextAttemptAt === undefined || nextAttemptAt <= now + DUE_SLACK_MS;
  if (due) return undefined;
  // The periodic alarm fires on the install's phase (issue #12, lib/shared/jitter.ts), not an interval after each
  // list was stored: a healthy source due before the middle of the next interval is refreshed on this alarm, or it
  // would wait for the next one and its list age to nearly two intervals (after install, a manual refresh, a
  // change of interval). A failing source keeps its back-off.
  if (trigger === 'alarm' && status.consecutiveFailures === 0 && nextAttemptAt < now + (intervalMinutes * 60_000) / 2) return undefined;
  // How long ago the last good list was stored; a time ahead of the clock (a clock set back) is not fresh.
  const storedAgo = status.lastSuccessAt !== undefined && status.lastSuccessAt <= now ? now - status.lastSuccessAt : Infinity;
  if (trigger === 'morning' && storedAgo >= FRESH_MS) return undefined;
  return { reason: 'not-due', until: nextAttemptAt };
}

/**
 * When a source that has made its day's ceiling of requests (lib/shared/request-counts.ts) may be asked again: the
 * start of the reader's next day. Undefined while it is under its ceiling.
 */
export function ceilingUntil(status: SourceStatus | undefined, now: number, timeZone: string): number | undefined {
  if (!status || countOn(status.requests, dayIn(now, timeZone)) < DAILY_REQUEST_CEILING[status.sourceId]) return undefined;
  return localTimeOn(now, '00:00', timeZone, 1);
}

/**
 * Exponential back-off with jitter: 2, 4, 8… minutes, never more than the
 * refresh interval, each drawn from [½, 1] of its step so retries spread out.
 */
export function backoffMs(failures: number, intervalMs: number, random: number): number {
  const step = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1), intervalMs);
  return Math.round(step * (0.5 + random / 2));
}

/**
 * The earliest time a failing source will be tried again, if any source is
 * failing: the retry alarm's time. Read bounded (lib/shared/source-waits.ts), so
 * an older version's `Infinity` sets the alarm a day after that failure, not never.
 */
export function nextRetryAt(statuses: readonly (SourceStatus | undefined)[], now: number, timeZone: string = systemTimeZone()): number | undefined {
  const times = statuses
    .filter((status): status is SourceStatus => !!status && status.consecutiveFailures > 0)
    .map((status) => {
      const waits = waitsOf(status, now);
      // A failing source with no trustworthy time on record is due now.
      const retry = waits.nextAttemptAt === undefined && waits.notBefore === undefined ? now : Math.max(waits.nextAttemptAt ?? 0, waits.notBefore ?? 0);
      // One that has made its day's requests is not retried before the next day: no alarm wakes to be refused.
      return Math.max(retry, ceilingUntil(status, now, timeZone) ?? 0);
    });
  return times.length ? Math.min(...times) : undefined;
}
