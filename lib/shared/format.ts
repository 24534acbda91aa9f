import type { MetricName } from '../sources/contract';

/**
 * Numbers and times as the reader sees them; the locale and time zone are the browser's.
 *
 * Nothing here throws, and nothing prints `NaN`, `Infinity` or a figure hundreds of digits long, whatever
 * it is given (issue #9, finding 1: a `notBefore` of `Infinity` stored by an older version made
 * `toISOString` throw `RangeError: Invalid time value` on every open of the popup and side panel, and
 * `likes: 1e308` printed a 396-character figure). A value that cannot be said is `undefined` (times) or a
 * word (numbers): the caller decides the sentence around it.
 */

/** What a figure counts, after the number: "12.1K likes". */
export const METRIC_UNIT: Record<MetricName, string> = {
  likes: 'likes',
  downloads: 'downloads',
  trendingScore: 'trending',
  stars: 'stars',
  forks: 'forks',
  starsInPeriod: 'new stars',
  upvotes: 'upvotes',
};

/**
 * The times a surface prints: this century. Every time the extension stores is a fetch, a failure, a retry
 * or a publishing, all within days of the clock of a browser running it (it was written in 2026); a
 * stored time outside these bounds is a corrupt or absurd value — `0` from a missing field, `8.64e15` from
 * an unbounded `Retry-After` (issue #9) — not a date worth a reader's attention.
 */
const EARLIEST_TIME = Date.UTC(2000, 0, 1);
const LATEST_TIME = Date.UTC(2100, 0, 1);

/** A number of milliseconds since the epoch that is a time worth printing (see EARLIEST_TIME). */
export function isSayableTime(at: unknown): at is number {
  // NaN fails both comparisons; ±Infinity fails one.
  return typeof at === 'number' && at >= EARLIEST_TIME && at < LATEST_TIME;
}

/**
 * The largest magnitude printed as a figure. Compact notation in English stops at trillions (1e15 is
 * "1000T", 1e308 a 398-character "100,000,…T"), and above 2^53 ≈ 9.007e15 a double no longer holds
 * every whole number, so no such figure is exact. Anything that would round to "1000T" or more is
 * printed as "> 999T" ("< -999T").
 */
const LARGEST_FIGURE = 999_950_000_000_000;

/** "just now" up to a minute, then minutes up to an hour, hours up to two days, then days. */
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** "Tue 10:42" is unambiguous within six days of now (the same weekday a week away is not). */
const WEEKDAY_SPAN = 6 * DAY;

export interface Formats {
  /** 12,099 → "12.1K"; small numbers stay whole; "—" when there is no figure to give. */
  compactNumber(value: number | undefined): string;
  /** 12,099 → "12,099"; "unknown" when there is no figure to give. */
  fullNumber(value: number | undefined): string;
  /** 12 → "+12", -3 → "-3", 0 → "0"; undefined when there is no figure to give. */
  signedNumber(value: number | undefined): string | undefined;
  /** "10:42" on now's day, "Tue 10:42" within six days of now, else the date and time with the year. */
  timeOfDay(at: number, now: number): string | undefined;
  /** "Friday, November 27, 2026". */
  dateline(at: number): string | undefined;
  /** "just now", "12 min ago", "3 h ago", "2 days ago". */
  ago(at: number, now: number): string | undefined;
  /** The ISO timestamp for `<time datetime>`. */
  isoTime(at: number): string | undefined;
}

/**
 * Formatters are made on first use, not when the module loads: each costs a
 * few milliseconds of locale data the first time, and the new tab's first
 * screen needs none of the number formats (issue #8).
 */
function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

/** The formats in `locale` and `timeZone` (the browser's when undefined): the pages use the browser's, tests name theirs. */
export function formatsFor(locale?: string, timeZone?: string): Formats {
  const numberFormat = (options: Intl.NumberFormatOptions) => lazy(() => new Intl.NumberFormat(locale, options));
  const dateFormat = (options: Intl.DateTimeFormatOptions) =>
    lazy(() => new Intl.DateTimeFormat(locale, timeZone === undefined ? options : { ...options, timeZone }));
  // signDisplay 'negative': -0, and -0.0001 rounded to 0, print "0", not "-0" (Chrome 106, Firefox 116).
  const compact = numberFormat({ notation: 'compact', maximumFractionDigits: 1, signDisplay: 'negative' });
  const whole = numberFormat({ signDisplay: 'negative' });
  const signed = numberFormat({ signDisplay: 'exceptZero' });
  const clockTime = dateFormat({ hour: '2-digit', minute: '2-digit' });
  const dayAndTime = dateFormat({ weekday: 'short', hour: '2-digit', minute: '2-digit' });
  const datedTime = dateFormat({ year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const longDate = dateFormat({ weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });

  /** The words for a figure too large to print, or undefined when `value` is a figure to print. */
  const beyond = (value: number): string | undefined =>
    value >= LARGEST_FIGURE ? `> ${compact().format(999e12)}` : value <= -LARGEST_FIGURE ? `< ${compact().format(-999e12)}` : undefined;
  const isFigure = (value: number | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

  return {
    compactNumber(value) {
      if (!isFigure(value)) return '—';
      return beyond(value) ?? (Math.abs(value) < 10_000 ? whole() : compact()).format(value);
    },
    fullNumber(value) {
      if (!isFigure(value)) return 'unknown';
      return beyond(value) ?? whole().format(value);
    },
    signedNumber(value) {
      if (!isFigure(value)) return undefined;
      return beyond(value) ?? signed().format(value);
    },
    timeOfDay(at, now) {
      if (!isSayableTime(at)) return undefined;
      if (isSayableTime(now)) {
        // The same calendar day in the time zone: the dateline's words for both are the same.
        if (longDate().format(at) === longDate().format(now)) return clockTime().format(at);
        if (Math.abs(at - now) < WEEKDAY_SPAN) return dayAndTime().format(at);
      }
      return datedTime().format(at);
    },
    dateline(at) {
      return isSayableTime(at) ? longDate().format(at) : undefined;
    },
    ago(at, now) {
      if (!isSayableTime(at) || !isSayableTime(now)) return undefined;
      const minutes = Math.round((now - at) / MINUTE);
      if (minutes < 1) return 'just now';
      if (minutes < 60) return `${minutes} min ago`;
      const hours = Math.round(minutes / 60);
      if (hours < 48) return `${hours} h ago`;
      return `${Math.round(hours / 24)} days ago`;
    },
    isoTime(at) {
      return isSayableTime(at) ? new Date(at).toISOString() : undefined;
    },
  };
}

const browserFormats = formatsFor();
export const { compactNumber, fullNumber, signedNumber, timeOfDay, dateline, ago, isoTime } = browserFormats;
