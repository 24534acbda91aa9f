import { clampServerWait, MAX_SERVER_WAIT_MS } from './limits';
import type { SourceStatus } from './records';

/** When a source may be tried again, as every reader of a stored status must see it. */
export interface SourceWaits {
  /** The server's wait (Retry-After, rate limits), bounded; absent when none is on record. */
  notBefore?: number;
  /** The scheduler's next attempt (interval or back-off), bounded; absent when none is on record. */
  nextAttemptAt?: number;
}

/**
 * A stored status's waits, read through the bound of lib/shared/limits.ts
 * (`MAX_SERVER_WAIT_MS`, a day). A status written by an older version may hold
 * `notBefore: Infinity` (a 400-digit Retry-After, issue #9 finding 1), `NaN`,
 * or a time a year ahead; the source must not stop for good.
 *
 * The bound counts from when the wait was recorded (`lastAttemptAt`), not from
 * now: clamped to now + a day at every read, an `Infinity` would stay a day
 * ahead for ever, since a skipped source's status is never rewritten. A wait
 * with no trustworthy recording time — none, not finite, or more than a day
 * ahead of the clock (a clock set far back) — is not honoured at all: the
 * source is tried once, and that attempt stores a status with a sane time. A
 * recording time a little ahead is honoured (a page's clock reads a moment
 * behind the worker's that wrote it), so a wait never ends later than two days
 * from now. The scheduler's own back-off
 * and interval are at most the refresh interval, itself at most a day
 * (lib/shared/settings.ts), so the bound never shortens a wait it set.
 *
 * Every reader goes through here: the skip decision and the retry alarm
 * (lib/background/refresh.ts), the pages' "next try" (lib/shared/health.ts).
 */
export function waitsOf(status: SourceStatus | undefined, now: number): SourceWaits {
  if (!status) return {};
  const recordedAt = status.lastAttemptAt ?? status.lastError?.at ?? status.lastSuccessAt;
  if (recordedAt === undefined || !Number.isFinite(recordedAt) || recordedAt > now + MAX_SERVER_WAIT_MS) return {};
  const waits: SourceWaits = {};
  if (typeof status.notBefore === 'number') waits.notBefore = clampServerWait(status.notBefore, recordedAt);
  if (typeof status.nextAttemptAt === 'number') waits.nextAttemptAt = clampServerWait(status.nextAttemptAt, recordedAt);
  return waits;
}

/** The server's wait still ahead of `now`, bounded (see `waitsOf`); undefined when there is none. */
export function pendingServerWait(status: SourceStatus | undefined, now: number): number | undefined {
  const { notBefore } = waitsOf(status, now);
  return notBefore !== undefined && notBefore > now ? notBefore : undefined;
}
