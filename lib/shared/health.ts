import type { SourceStatus } from '../shared/records';
import type { SourceFailure } from '../sources/errors';
import { waitsOf } from './source-waits';

/**
 * How a source is doing, as the reader is told (product.md: silent staleness
 * is the complaint after a blank new tab):
 * - waiting: nothing stored yet and nothing failed (the first refresh is on its way);
 * - ok: the last attempt succeeded and is recent;
 * - stale: no failure on record, but the list is older than two intervals
 *   (the browser was closed, or the source was turned off for a while);
 * - failing: the last attempt failed; the list shown is the last good one.
 */
export type HealthState = 'waiting' | 'ok' | 'stale' | 'failing';

export interface Health {
  state: HealthState;
  failure?: SourceFailure & { at: number };
  /** When the next attempt is due (back-off, or a wait the server asked for). */
  retryAt?: number;
}

/** The source's last attempt failed (a success since clears it). Every surface and the issue use this one rule. */
export function isFailing(status: SourceStatus | undefined): status is SourceStatus & { lastError: NonNullable<SourceStatus['lastError']> } {
  return !!status?.lastError && (status.lastSuccessAt ?? 0) < status.lastError.at;
}

export function healthOf(
  status: SourceStatus | undefined,
  shownFetchedAt: number | undefined,
  now: number,
  intervalMinutes: number,
): Health {
  if (isFailing(status)) {
    // Read bounded (source-waits.ts): an older version's `notBefore: Infinity` shows as a day after that failure.
    const { nextAttemptAt, notBefore } = waitsOf(status, now);
    const retryAt = Math.max(nextAttemptAt ?? 0, notBefore ?? 0);
    return { state: 'failing', failure: status.lastError, ...(retryAt > 0 ? { retryAt } : {}) };
  }
  if (shownFetchedAt === undefined) return { state: 'waiting' };
  if (now - shownFetchedAt > 2 * intervalMinutes * 60_000) return { state: 'stale' };
  return { state: 'ok' };
}

/**
 * When the list taken at `listFetchedAt` was last known to be the source's
 * current list: its own time, or later when the server has since answered 304
 * to the validators that came with it — the success recorded then
 * (`lastSuccessAt`) confirmed that very list. What "updated … ago" and
 * staleness read (`healthOf` through the pages' models, the issue's stories), so a list kept by
 * a 304 counts as fresh as one just stored.
 */
export function listCheckedAt(status: SourceStatus | undefined, listFetchedAt: number): number {
  const confirmed = status?.lastSuccessAt;
  if (status?.validators?.listAt !== listFetchedAt || typeof confirmed !== 'number' || !Number.isFinite(confirmed)) return listFetchedAt;
  return Math.max(listFetchedAt, confirmed);
}
