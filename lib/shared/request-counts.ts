import type { DayCount } from './records';
import type { SourceId } from '../sources/ids';

/**
 * Requests per source per day (issue #12, "a polite client"): every request
 * the extension makes is counted, whatever its answer (a list, a 304, a
 * failure) and whatever asked for it (the alarm, the morning, the reader's
 * "refresh now"), on the reader's calendar day (`YYYY-MM-DD`, lib/shared/movement.ts
 * `dayIn` in the worker). The options page shows them, and a source that has
 * made its day's ceiling is not asked again that day (lib/background/refresh.ts).
 *
 * Days here are strings and the arithmetic on them calendar arithmetic: this
 * module imports nothing the other pages load, so the options page can load
 * it after it is ready without pulling the history's time code into the
 * chunk every page shares (docs: budgets).
 */

/** Days of counts kept per source: today and the six before it, what the options page shows. */
export const REQUEST_DAYS_KEPT = 7;

/**
 * The most requests a source gets in one of the reader's days.
 *
 * The refresh interval is 15 minutes at the shortest (lib/shared/settings.ts):
 * 96 scheduled requests a day, 24 at the default hour. Back-off retries of a
 * failing source come at most every 2–15 minutes, and the reader's "refresh
 * now" adds its own.
 * - Hugging Face's API and GitHub's search API: 144, one per 10 minutes on
 *   average — the shortest interval with room for retries and the reader's
 *   refreshes. Hugging Face allows an anonymous address 500 API calls every 5
 *   minutes (hub-docs rate-limits.md), GitHub's search 10 a minute (14,400 a
 *   day) and its core API 60 an hour (1,440 a day) (api-facts.md): 144 a day
 *   is 1% of the search allowance, a tenth of the core one were search
 *   counted there, and 4 of the 7 sources share Hugging Face's window.
 * - GitHub's trending pages are HTML for people, with no API and no published
 *   limit (and `Disallow: /*since=*` in github.com's robots.txt): 120, the
 *   shortest interval's 96 and a quarter more for retries and the reader's
 *   refreshes, and no further; the lists they show change over hours and days.
 * Together the three GitHub sources make at most 384 requests a day — about
 * a quarter of the 1,440 a day GitHub lets one anonymous address make to its
 * core API — and at the default hourly interval about 75.
 */
export const DAILY_REQUEST_CEILING: Readonly<Record<SourceId, number>> = {
  'hf-models': 144,
  'hf-datasets': 144,
  'hf-spaces': 144,
  'hf-papers': 144,
  'gh-trending-daily': 120,
  'gh-trending-weekly': 120,
  'gh-search': 144,
};

/** The most a stored count is read as (a day has 86,400 seconds: no real count comes near). */
const MAX_DAY_COUNT = 1_000_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Stored counts as they may be trusted: well-formed days, each once, newest
 * first, counts whole and bounded, at most `REQUEST_DAYS_KEPT` of them. A
 * record written by an older version or edited by hand reads as what it
 * validly says.
 */
export function readCounts(stored: unknown): DayCount[] {
  if (!Array.isArray(stored)) return [];
  const byDay = new Map<string, number>();
  for (const entry of stored.slice(0, REQUEST_DAYS_KEPT * 4)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { day, count } = entry as { day?: unknown; count?: unknown };
    if (typeof day !== 'string' || !DAY.test(day) || byDay.has(day)) continue;
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) continue;
    byDay.set(day, Math.min(count, MAX_DAY_COUNT));
  }
  return [...byDay]
    .map(([day, count]) => ({ day, count }))
    .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0))
    .slice(0, REQUEST_DAYS_KEPT);
}

/** Requests made on `day` (`YYYY-MM-DD`). */
export function countOn(stored: unknown, day: string): number {
  return readCounts(stored).find((entry) => entry.day === day)?.count ?? 0;
}

/** The counts after one more request on `day`; days older than the kept window fall off. */
export function countRequest(stored: unknown, day: string): DayCount[] {
  const counts = readCounts(stored);
  const today = counts.find((entry) => entry.day === day);
  const next = today ? counts.map((entry) => (entry === today ? { day, count: Math.min(entry.count + 1, MAX_DAY_COUNT) } : entry)) : [{ day, count: 1 }, ...counts];
  return readCounts(next);
}

/** One source's counts as the options page shows them: today, yesterday, and the average over the kept days. */
export interface RequestRow {
  today: number;
  yesterday: number;
  /** Requests a day over the kept week (today included), one decimal. */
  weekAverage: number;
  ceiling: number;
}

/** Today's and yesterday's counts, and the week's daily average, for a source's stored counts; `today` is `YYYY-MM-DD`. */
export function requestRow(sourceId: SourceId, stored: unknown, today: string): RequestRow {
  const days = keptDays(today);
  const counts = readCounts(stored);
  const on = (day: string) => counts.find((entry) => entry.day === day)?.count ?? 0;
  const total = days.reduce((sum, day) => sum + on(day), 0);
  return { today: on(today), yesterday: on(days[1] ?? ''), weekAverage: Math.round((total / REQUEST_DAYS_KEPT) * 10) / 10, ceiling: DAILY_REQUEST_CEILING[sourceId] };
}

/** The kept days, `today` first and the six calendar days before it (`YYYY-MM-DD`); none for a malformed day. */
export function keptDays(today: string): string[] {
  if (!DAY.test(today)) return [];
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  return Array.from({ length: REQUEST_DAYS_KEPT }, (_, back) => new Date(Date.UTC(year, month - 1, day - back)).toISOString().slice(0, 10));
}

/**
 * The reader's calendar day of `at` in `timeZone`, as `YYYY-MM-DD`: the same answer as lib/shared/movement.ts
 * `dayIn` (the worker's; a test holds them to one table), without loading that module on the options page.
 */
export function dayOf(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
