import { fetchSource, type FetchLike } from './fetch-source';
import type { MorningPostDB } from '../history/db';
import type { SourceStatus } from '../shared/records';
import { pruneHistory } from '../history/retention';
import { recordFailure, recordSuccess } from '../history/write';
import type { ParsedList, Source } from '../sources/contract';
import { isQuotaError, SourceError, storageFailure, type SourceFailure } from '../sources/errors';
import type { SourceOutcome } from '../shared/messages';
import { errorMessage } from '../shared/error-message';
import { clampServerWait } from '../shared/limits';
import { pendingServerWait, waitsOf } from '../shared/source-waits';

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
 * Refresh every source that is due, one request each, in parallel.
 * - Automatic triggers skip a source whose `nextAttemptAt` is still ahead.
 * - A reader's "refresh now" skips the back-off, but never a wait the server
 *   asked for (`notBefore`: Retry-After, rate-limit headers).
 * A failure keeps the last good snapshot and records why and when we try again.
 */
export async function refreshSources(deps: RefreshDeps, trigger: RefreshTrigger): Promise<SourceOutcome[]> {
  return Promise.all(deps.sources.map((source) => refreshOne(deps, source, trigger)));
}

async function refreshOne(deps: RefreshDeps, source: Source, trigger: RefreshTrigger): Promise<SourceOutcome> {
  const { db } = deps;
  const startedAt = deps.now();
  let status: SourceStatus | undefined;
  try {
    status = await db.sourceStatus.get(source.id);
  } catch (error) {
    // Without its status the source's waits are unknown: no request is made (a server's wait is never risked).
    return failed(deps, source, undefined, storageFailure(error));
  }
  const skip = skipReason(status, trigger, startedAt);
  if (skip) return { sourceId: source.id, result: 'skipped', ...skip };

  let list: ParsedList;
  try {
    list = await fetchSource(source, {
      fetch: deps.fetch,
      now: startedAt,
      ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
      ...(deps.githubToken ? { githubToken: deps.githubToken } : {}),
    });
  } catch (error) {
    return failed(deps, source, status, error instanceof SourceError ? error.failure : { kind: 'network', message: `unexpected error: ${errorMessage(error)}` });
  }
  const at = deps.now();
  try {
    await storeMakingRoom(() => recordSuccess(db, source.id, list, at, at + deps.intervalMinutes * 60_000), () => pruneHistory(db, at, QUOTA_RETENTION));
  } catch (error) {
    // The source answered well; the database did not keep it. That is said as what it is (issue #9, finding 9),
    // not as the source's network failure.
    console.error(`The AI Morning Post: could not store ${source.id}'s new list:`, error);
    return failed(deps, source, status, storageFailure(error));
  }
  return { sourceId: source.id, result: 'stored', items: list.items.length, dropped: list.dropped };
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

/**
 * When the disk is full, thin the history harder and try the write once more
 * (engineering.md, "quota exceeded": prune old history and retry; what the
 * reader sees now survives).
 */
export const QUOTA_RETENTION = { denseDays: 1, keepDays: 90, fullDetailDays: 7 };

async function storeMakingRoom(write: () => Promise<void>, makeRoom: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    await makeRoom();
    await write();
  }
}

function skipReason(
  status: SourceStatus | undefined,
  trigger: RefreshTrigger,
  now: number,
): { reason: 'not-due' | 'rate-limited'; until: number } | undefined {
  if (!status) return undefined;
  // Both waits are read bounded (lib/shared/source-waits.ts): a stored `Infinity` stops nothing for more than a day.
  const serverWait = pendingServerWait(status, now);
  if (serverWait !== undefined) return { reason: 'rate-limited', until: serverWait };
  // The reader asked, or the morning issue wants fresh lists: skip the back-off, never the server's wait.
  if (trigger === 'manual' || trigger === 'morning') return undefined;
  const { nextAttemptAt } = waitsOf(status, now);
  if (nextAttemptAt !== undefined && nextAttemptAt > now + DUE_SLACK_MS) {
    return { reason: 'not-due', until: nextAttemptAt };
  }
  return undefined;
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
export function nextRetryAt(statuses: readonly (SourceStatus | undefined)[], now: number): number | undefined {
  const times = statuses
    .filter((status): status is SourceStatus => !!status && status.consecutiveFailures > 0)
    .map((status) => {
      const waits = waitsOf(status, now);
      // A failing source with no trustworthy time on record is due now.
      return waits.nextAttemptAt === undefined && waits.notBefore === undefined ? now : Math.max(waits.nextAttemptAt ?? 0, waits.notBefore ?? 0);
    });
  return times.length ? Math.min(...times) : undefined;
}
