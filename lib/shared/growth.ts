import type { MetricName } from '../sources/contract';
import type { SourceId } from '../sources/ids';
import { DAY_MS, HOUR_MS } from './movement';
import type { Snapshot } from './records';

/**
 * Series and growth per day: part of THE movement of the lists (lib/shared/movement.ts, which re-exports all
 * of this), in a module of its own so that pages that never show growth do not load it before they are ready.
 */

export interface SeriesPoint {
  at: number;
  rank: number;
  /** Absent when the source did not send the metric that time. */
  value?: number;
}

/** Where an item stood in each snapshot it appears in, oldest first, with one metric when asked. */
export function seriesOf(snapshots: readonly Snapshot[], key: number, metric?: MetricName): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  for (const snapshot of snapshots) {
    const index = snapshot.keys.indexOf(key);
    if (index < 0) continue;
    const value = metric ? snapshot.metrics[metric]?.[index] : undefined;
    points.push({ at: snapshot.fetchedAt, rank: index + 1, ...(typeof value === 'number' && Number.isFinite(value) ? { value } : {}) });
  }
  return points;
}

/** A growth rate is only stated over at least this span: a few hours' gain is not a day's growth. */
export const MIN_GROWTH_SPAN_MS = 20 * HOUR_MS;

export interface Growth {
  fromAt: number;
  toAt: number;
  fromValue: number;
  toValue: number;
  /** (toValue − fromValue) ÷ days between, rounded to a whole number; the days count at least one. */
  perDay: number;
}

/**
 * Growth of a metric per day between the first and the last point that carry
 * it, from `since` on. Undefined over less than `MIN_GROWTH_SPAN_MS`.
 */
export function growthPerDay(points: readonly SeriesPoint[], since = -Infinity): Growth | undefined {
  const valued = points.filter((point) => point.at >= since && point.value !== undefined);
  const first = valued[0];
  const last = valued.at(-1);
  if (!first || !last || last.at - first.at < MIN_GROWTH_SPAN_MS) return undefined;
  const days = Math.max(1, (last.at - first.at) / DAY_MS);
  const perDay = Math.round((last.value! - first.value!) / days);
  if (!Number.isFinite(perDay)) return undefined;
  return { fromAt: first.at, toAt: last.at, fromValue: first.value!, toValue: last.value!, perDay };
}

/**
 * Each list's running total — a figure the source sends every time (likes, upvotes, stars), not a score of the
 * moment: the side panel sorts by its growth per day, and the watch piece gives it then and now
 * (lib/issue/pieces/watch.ts).
 */
export const GROWTH_METRIC: Record<SourceId, MetricName> = {
  'hf-models': 'likes',
  'hf-datasets': 'likes',
  'hf-spaces': 'likes',
  'hf-papers': 'upvotes',
  'gh-trending-daily': 'stars',
  'gh-trending-weekly': 'stars',
  'gh-search': 'stars',
};
