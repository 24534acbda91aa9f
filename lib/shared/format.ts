import type { MetricName } from '../sources/contract';

/** Numbers and times as the reader sees them; the locale is the browser's. */

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
 * Formatters are made on first use, not when the module loads: each costs a
 * few milliseconds of locale data the first time, and the new tab's first
 * screen needs none of the number formats (issue #8).
 */
function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
const compact = lazy(() => new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }));
const whole = lazy(() => new Intl.NumberFormat(undefined));

/** 12,099 → "12.1K"; small numbers stay whole. */
export function compactNumber(value: number | undefined): string {
  if (value === undefined) return '—';
  return value < 10_000 ? whole().format(value) : compact().format(value);
}

export function fullNumber(value: number | undefined): string {
  return value === undefined ? 'unknown' : whole().format(value);
}

const clockTime = lazy(() => new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }));
const dayAndTime = lazy(() => new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' }));
const longDate = lazy(() => new Intl.DateTimeFormat(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }));

/** "10:42" today, "Tue 10:42" on another day. */
export function timeOfDay(at: number, now: number): string {
  return new Date(at).toDateString() === new Date(now).toDateString()
    ? clockTime().format(at)
    : dayAndTime().format(at);
}

export function dateline(at: number): string {
  return longDate().format(at);
}

/** "just now", "12 min ago", "3 h ago", "2 days ago". */
export function ago(at: number, now: number): string {
  const minutes = Math.round((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

/** ISO timestamp for `<time datetime>`. */
export function isoTime(at: number): string {
  return new Date(at).toISOString();
}
