/**
 * Refresh times spread per install (issue #12, "a polite client"): without
 * it every install with the default settings asks the sources at 07:00:00
 * sharp, and browsers started at the same minute keep their hourly alarms in
 * step. Each install draws one offset once — a whole number of seconds in a
 * day — and keeps it in `storage.local`; from it come
 * - the phase of the periodic refresh alarm: it fires when
 *   `(time − offset) mod interval = 0`, so one install refreshes at :07:41
 *   past each hour, another at :52:13; and
 * - the morning wake's delay after the reader's morning time, under
 *   `MORNING_SPREAD_S`: the issue the reader sees at 07:00 comes out between
 *   07:00:00 and 07:04:59. Five minutes spread a morning's requests three
 *   hundred ways (at one-second resolution) and stay below what a reader
 *   notices of a paper set for 07:00; the "morning time" the options show is
 *   the reader's, unchanged. A wake that comes in between (a periodic alarm,
 *   the browser's start) publishes at once, as before.
 * Pure: the random number and the stored value are parameters; the worker
 * reads and writes `storage.local` (lib/background/worker.ts).
 */

/** `storage.local` key of the install's offset. */
export const JITTER_KEY = 'refreshJitterSeconds';

/** The offset is in [0, this): a day, so that it spreads every interval the options allow (15 min to 24 h) evenly. */
export const JITTER_RANGE_S = 24 * 60 * 60;

/** The morning wake comes this many seconds after the morning time at most (exclusive): five minutes. */
export const MORNING_SPREAD_S = 5 * 60;

/** A stored offset as it may be trusted: a whole number of seconds in [0, JITTER_RANGE_S), else undefined. */
export function readJitter(stored: unknown): number | undefined {
  return typeof stored === 'number' && Number.isSafeInteger(stored) && stored >= 0 && stored < JITTER_RANGE_S ? stored : undefined;
}

/** A new offset from `random` in [0, 1) (a value outside it is clamped into the range). */
export function drawJitter(random: number): number {
  const unit = Number.isFinite(random) ? Math.min(Math.max(random, 0), 1 - Number.EPSILON) : 0;
  return Math.min(Math.floor(unit * JITTER_RANGE_S), JITTER_RANGE_S - 1);
}

/**
 * The first time strictly after `now` in the install's phase of the periodic
 * refresh: the next `t > now` with `(t − offset·1000) mod interval = 0`. The
 * periodic alarm is created to fire first then, and every interval after.
 */
export function phasedRefreshAt(now: number, intervalMinutes: number, jitterSeconds: number): number {
  const interval = intervalMinutes * 60_000;
  const phase = (jitterSeconds * 1000) % interval;
  const sinceLast = (((now - phase) % interval) + interval) % interval;
  return now - sinceLast + interval;
}

/** How long after the reader's morning time this install's morning wake comes, in ms: under five minutes. */
export function morningDelayMs(jitterSeconds: number): number {
  return (jitterSeconds % MORNING_SPREAD_S) * 1000;
}
