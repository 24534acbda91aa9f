import type { MetricName } from '../sources/contract';
import type { CatalogItem, Snapshot } from './records';

// Series and growth per day are in ./growth.ts, part of this one implementation: the side panel sorts by growth,
// and a module of their own keeps them out of the chunk every page loads before it is ready (issue #10: the new
// tab's byte budget). Not re-exported here: a re-export would pull them back into that chunk.

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * THE movement of the lists (issue #7): series, rank change, growth per day
 * and new entries, computed in one place from stored snapshots. Pure: the
 * issue's facts, the views and the tests' look-ups all call these functions
 * over snapshots they read themselves; nothing else computes movement.
 */

/** A row of a list as the reader sees it: a snapshot's entry joined with its catalog item. */
export interface ListRow {
  /** 1-based position in the source's list. */
  rank: number;
  itemId: string;
  metrics: Partial<Record<MetricName, number>>;
  item: CatalogItem;
  /** Its movement against the day's baseline (`rankChanges`), where the page asked for it. */
  change?: RankChange;
}

/** The metrics of the item at `index` of a snapshot, absent ones left out (never read as zero). */
export function metricsAt(snapshot: Snapshot, index: number): Partial<Record<MetricName, number>> {
  const metrics: Partial<Record<MetricName, number>> = {};
  for (const [name, column] of Object.entries(snapshot.metrics) as [MetricName, (number | null)[]][]) {
    const value = column[index];
    if (typeof value === 'number' && Number.isFinite(value)) metrics[name] = value;
  }
  return metrics;
}

/** The newest of a source's snapshots (they are kept oldest first). */
export function latestOf(snapshots: readonly Snapshot[] | undefined): Snapshot | undefined {
  return snapshots?.at(-1);
}

/** A list is compared with one at least this old; a few hours apart is noise, not news. */
export const MIN_BASELINE_AGE_MS = 20 * HOUR_MS;

/** How much younger than the window a baseline may be and still count as that far back. */
export const BASELINE_SLACK_MS = 2 * HOUR_MS;

/**
 * The list to compare the latest with: the last one taken at or before
 * `windowMs` earlier (give or take `BASELINE_SLACK_MS`), or — while the history is younger than that — the oldest
 * one at least `MIN_BASELINE_AGE_MS` old. Undefined when there is none: nothing
 * is then called new or moved. Callers word a comparison by the baseline's
 * actual age (`ageWords`), never by the window they asked for.
 */
export function baselineOf(snapshots: readonly Snapshot[] | undefined, windowMs: number): Snapshot | undefined {
  const latest = latestOf(snapshots);
  if (!snapshots || !latest) return undefined;
  // Refreshes drift by minutes from day to day: yesterday's 08:00 list is "a day back" from today's 07:58.
  const target = latest.fetchedAt - windowMs + BASELINE_SLACK_MS;
  let atOrBefore: Snapshot | undefined;
  for (const snapshot of snapshots) if (snapshot.fetchedAt <= target) atOrBefore = snapshot;
  if (atOrBefore) return atOrBefore;
  const oldest = snapshots[0];
  return oldest && oldest !== latest && latest.fetchedAt - oldest.fetchedAt >= MIN_BASELINE_AGE_MS ? oldest : undefined;
}

/** 1-based rank of a catalog key in a snapshot; undefined when it is not in the list. */
export function rankIn(snapshot: Snapshot | undefined, key: number): number | undefined {
  if (!snapshot) return undefined;
  const index = snapshot.keys.indexOf(key);
  return index < 0 ? undefined : index + 1;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Days already worked out, per time zone and time. The same snapshot times are
 * asked for again and again — every sparkline of the movers walks its source's
 * week of snapshots (issue #8: most of the movers' time went to
 * `formatToParts`) — and a time's day in a zone never changes. Emptied when it
 * holds `KNOWN_DAYS_MAX` times, so it stays a few hundred kB at most.
 */
const knownDays = new Map<string, Map<number, string>>();
export const KNOWN_DAYS_MAX = 8192;

/** The calendar day of a time in a time zone, as `YYYY-MM-DD`: what "one point a day" and "yesterday" mean to the reader. */
export function dayIn(at: number, timeZone: string): string {
  let days = knownDays.get(timeZone);
  const known = days?.get(at);
  if (known !== undefined) return known;
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  // From the parts, not the formatted string: its order and separators are locale data.
  const parts = format.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? '';
  const day = `${part('year')}-${part('month')}-${part('day')}`;
  if (!days) knownDays.set(timeZone, (days = new Map()));
  if (days.size >= KNOWN_DAYS_MAX) days.clear();
  days.set(at, day);
  return day;
}

/** The last snapshot of each calendar day (in `timeZone`) from `from` on, oldest first: one sparkline point a day. */
export function dailySnapshots(snapshots: readonly Snapshot[], from: number, timeZone: string): Snapshot[] {
  const byDay = new Map<string, Snapshot>();
  for (const snapshot of snapshots) if (snapshot.fetchedAt >= from) byDay.set(dayIn(snapshot.fetchedAt, timeZone), snapshot);
  return [...byDay.values()];
}

export interface RankChange {
  key: number;
  rank: number;
  /** Rank in the baseline list; absent when the item was not in it. */
  previousRank?: number;
  /** Places climbed since the baseline (positive = up); absent for new entries. */
  climbed?: number;
  /** Not in the baseline list. Always false without a baseline: nothing is new on the first day. */
  isNew: boolean;
}

/** Every item of `latest` with its movement against `baseline`, in the latest list's order. */
export function rankChanges(latest: Snapshot, baseline: Snapshot | undefined): RankChange[] {
  const before = new Map(baseline?.keys.map((key, index) => [key, index + 1]));
  return latest.keys.map((key, index) => {
    const rank = index + 1;
    const previousRank = before.get(key);
    return {
      key,
      rank,
      isNew: baseline !== undefined && previousRank === undefined,
      ...(previousRank !== undefined ? { previousRank, climbed: previousRank - rank } : {}),
    };
  });
}

/** The keys of `latest` that were not in `baseline`, in rank order; none without a baseline. */
export function newEntries(latest: Snapshot, baseline: Snapshot | undefined): number[] {
  return rankChanges(latest, baseline).filter((change) => change.isNew).map((change) => change.key);
}
