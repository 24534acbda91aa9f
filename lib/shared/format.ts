import type { MetricName } from '../sources/contract';
import type { LeftOut } from './issue-types';

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
  // Hugging Face counts downloads over the last 30 days: a figure names its period (issue #11).
  downloads: '30-day downloads',
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

/**
 * Where a reader reads: a locale and a time zone, the browser's when left out (the pages leave them out; tests
 * name theirs, so that their tables hold on any machine).
 */
export interface Place {
  locale?: string;
  timeZone?: string;
}
const BROWSER: Place = {};

/**
 * Formatters are made on first use, not when the module loads: each costs a few milliseconds of locale data the
 * first time, and the new tab's first screen needs none of the number formats (issue #8). One per place and kind.
 * Module functions rather than an object of them, so that a page's early script carries only the ones it calls.
 */
const made = new WeakMap<Place, Map<string, Intl.NumberFormat | Intl.DateTimeFormat>>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(place: Place, kind: string, make: () => T): T {
  let mine = made.get(place);
  if (!mine) made.set(place, (mine = new Map()));
  let format = mine.get(kind) as T | undefined;
  if (!format) mine.set(kind, (format = make()));
  return format;
}
const numberFormat = (place: Place, kind: string, options: Intl.NumberFormatOptions) => formatter(place, kind, () => new Intl.NumberFormat(place.locale, options));
const dateFormat = (place: Place, kind: string, options: Intl.DateTimeFormatOptions) =>
  formatter(place, kind, () => new Intl.DateTimeFormat(place.locale, { ...options, timeZone: place.timeZone }));

// signDisplay 'negative': -0, and -0.0001 rounded to 0, print "0", not "-0" (Chrome 106, Firefox 116).
const compact = (place: Place) => numberFormat(place, 'compact', { notation: 'compact', maximumFractionDigits: 1, signDisplay: 'negative' });
const whole = (place: Place) => numberFormat(place, 'whole', { signDisplay: 'negative' });
const longDate = (place: Place) => dateFormat(place, 'long', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });

const isFigure = (value: number | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

/** The words for a figure too large to print ("> 999T"), or undefined when `value` is a figure to print. */
function beyond(value: number, place: Place): string | undefined {
  if (value >= LARGEST_FIGURE) return `> ${compact(place).format(999e12)}`;
  if (value <= -LARGEST_FIGURE) return `< ${compact(place).format(-999e12)}`;
  return undefined;
}

/** 12,099 → "12.1K"; small numbers stay whole; "—" when there is no figure to give. */
export function compactNumber(value: number | undefined, place = BROWSER): string {
  if (!isFigure(value)) return '—';
  return beyond(value, place) ?? (Math.abs(value) < 10_000 ? whole(place) : compact(place)).format(value);
}

/** 12,099 → "12,099"; "unknown" when there is no figure to give. */
export function fullNumber(value: number | undefined, place = BROWSER): string {
  if (!isFigure(value)) return 'unknown';
  return beyond(value, place) ?? whole(place).format(value);
}

/** 12 → "+12", -3 → "-3", 0 → "0"; undefined when there is no figure to give. */
export function signedNumber(value: number | undefined, place = BROWSER): string | undefined {
  if (!isFigure(value)) return undefined;
  return beyond(value, place) ?? numberFormat(place, 'signed', { signDisplay: 'exceptZero' }).format(value);
}

/** "10:42" on now's day, "Tue 10:42" within six days of now, else the date and time with the year; undefined for no time. */
export function timeOfDay(at: number, now: number, place = BROWSER): string | undefined {
  if (!isSayableTime(at)) return undefined;
  if (isSayableTime(now)) {
    // The same calendar day in the time zone: the dateline's words for both are the same.
    if (longDate(place).format(at) === longDate(place).format(now)) return dateFormat(place, 'clock', { hour: '2-digit', minute: '2-digit' }).format(at);
    if (Math.abs(at - now) < WEEKDAY_SPAN) return dateFormat(place, 'weekday', { weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(at);
  }
  return dateFormat(place, 'dated', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(at);
}

/** "Friday, November 27, 2026"; undefined for no time. */
export function dateline(at: number, place = BROWSER): string | undefined {
  return isSayableTime(at) ? longDate(place).format(at) : undefined;
}

/** "Nov 29, 2025" (a timeline's axis and table, issue #12); undefined for no time. */
export function shortDate(at: number, place = BROWSER): string | undefined {
  return isSayableTime(at) ? dateFormat(place, 'short-date', { year: 'numeric', month: 'short', day: 'numeric' }).format(at) : undefined;
}

/** "just now", "12 min ago", "3 h ago", "2 days ago"; undefined when either time is none. */
export function ago(at: number, now: number): string | undefined {
  if (!isSayableTime(at) || !isSayableTime(now)) return undefined;
  const minutes = Math.round((now - at) / MINUTE);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

/** The ISO timestamp for `<time datetime>`; undefined for no time. */
export function isoTime(at: number): string | undefined {
  return isSayableTime(at) ? new Date(at).toISOString() : undefined;
}

/**
 * Under a trending list numbered 1…n (issue #11): how many rows of the source's list it left out and why,
 * "3 repositories that are not AI/ML left out", "1 model left out by your filters". `noun` is one row's word,
 * `nouns` more than one's; `say` writes the count (the export's is the same under any machine locale).
 */
export function leftOutWords(left: LeftOut, noun: string, nouns: string, say: (count: number) => string = (count) => fullNumber(count)): string {
  const one = left.count === 1;
  const why = left.why === 'not-ai' ? `that ${one ? 'is' : 'are'} not AI/ML left out` : 'left out by your filters';
  return `${say(left.count)}\u00a0${one ? noun : nouns} ${why}.`;
}
