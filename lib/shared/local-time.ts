/**
 * Wall-clock times in an IANA time zone, as the reader's clock shows them:
 * the morning time "07:00" is a wall time, and on the days the clocks change a
 * wall time may not exist (spring: 02:30 is skipped) or exist twice (autumn:
 * 01:30 comes round again). `Date#setHours` answers those from the process's
 * zone and, for a skipped time, an hour late (ECMA-262 reads it with the offset
 * from before the change: 02:30 becomes 03:30). Here the zone is a parameter,
 * and the rule is the reader's: the first instant the clock shows that time or
 * later (issue #9, finding 10).
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const formats = new Map<string, Intl.DateTimeFormat>();
function format(timeZone: string): Intl.DateTimeFormat {
  let found = formats.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, found);
  }
  return found;
}

/** The wall time at instant `at` in `timeZone`, as the UTC epoch of the same calendar fields (seconds kept, milliseconds dropped). */
export function wallTime(at: number, timeZone: string): number {
  const parts = format(timeZone).formatToParts(at);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
}

/** How far `timeZone` is ahead of UTC at instant `at`, in ms. */
export function offsetAt(at: number, timeZone: string): number {
  return wallTime(at, timeZone) - Math.floor(at / 1000) * 1000;
}

/**
 * The first instant at which the clock in `timeZone` shows `wall` (a UTC epoch
 * read as calendar fields) or later: the instant itself when it exists, its
 * first occurrence when it comes twice, and the end of the gap when the clocks
 * skip it.
 */
export function instantOfWallTime(wall: number, timeZone: string): number {
  // At most one change of offset within a day either side, in every zone there is.
  const offsets = new Set([offsetAt(wall - DAY, timeZone), offsetAt(wall, timeZone), offsetAt(wall + DAY, timeZone)]);
  const exact = [...offsets].map((offset) => wall - offset).filter((at) => wallTime(at, timeZone) === wall);
  if (exact.length > 0) return Math.min(...exact);
  // Skipped: between the instant read with the later offset (the clock shows a time before `wall`) and the one read
  // with the earlier offset (after it), find the change to the second.
  let before = wall - Math.max(...offsets);
  let after = wall - Math.min(...offsets);
  while (after - before > 1000) {
    const middle = before + Math.floor((after - before) / 2000) * 1000;
    if (wallTime(middle, timeZone) >= wall) after = middle;
    else before = middle;
  }
  return after;
}

/** Today's `HH:MM` (local to `timeZone`, the day of `now`) as epoch ms, read as `instantOfWallTime` says. */
export function localTimeOn(now: number, hhmm: string, timeZone: string, daysLater = 0): number {
  const [hours, minutes] = hhmm.split(':').map(Number) as [number, number];
  const today = new Date(wallTime(now, timeZone));
  return instantOfWallTime(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + daysLater, hours, minutes), timeZone);
}
