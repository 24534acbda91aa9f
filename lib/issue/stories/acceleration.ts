import { GROWTH_METRIC, MIN_GROWTH_SPAN_MS, seriesOf, type SeriesPoint } from '../../shared/growth';
import { DAY_MS } from '../../shared/movement';
import type { MetricName } from '../../sources/contract';
import type { SourceId } from '../../sources/ids';
import { TOP, type Facts } from '../facts';
import { formatCount } from '../prose';
import { milestoneKey, rankedSources, tellable, weighted, type StoryCandidate, type StoryClaim, type StoryDetector } from './contract';

/** Told on the day the recent pace first reaches this many times the earlier pace: 3×, then 5×, then 10×. */
export const ACCEL_MILESTONES: readonly number[] = [3, 5, 10];
/**
 * Floors on the figures, per metric, so that small counts never fire: 2 likes a
 * day becoming 8 is "4×" and nothing. Recent: the last day's gain per day;
 * earlier: the pace before it. Likes are Hugging Face's (models, datasets,
 * Spaces); stars GitHub's, which trending repositories gain by the hundred.
 */
export const ACCEL_MIN: Partial<Record<MetricName, { recent: number; earlier: number }>> = {
  likes: { recent: 100, earlier: 10 },
  stars: { recent: 300, earlier: 30 },
};
/** The earlier pace is measured over at least two days: one day against one day is noise. */
export const ACCEL_EARLIER_SPAN_MS = 2 * DAY_MS;
/** The recent pace covers the last day: at least 20 hours (`MIN_GROWTH_SPAN_MS`), at most two days. */
export const ACCEL_RECENT_MAX_MS = 2 * DAY_MS;

interface Pace {
  from: Required<SeriesPoint>;
  mid: Required<SeriesPoint>;
  to: Required<SeriesPoint>;
  earlier: number;
  recent: number;
  times: number;
  /** The index in `ACCEL_MILESTONES` of the largest reached; −1 when the figures fall short. */
  milestone: number;
}

const perDay = (from: Required<SeriesPoint>, to: Required<SeriesPoint>) => Math.round((to.value - from.value) / Math.max(1, (to.at - from.at) / DAY_MS));

/**
 * The pace ending with `points[end]`: recent from the last point at least 20
 * hours (and at most two days) before it, earlier from the first point to
 * that one (at least two days). Undefined when the points do not allow it.
 */
export function paceAt(points: readonly Required<SeriesPoint>[], end: number, floors: { recent: number; earlier: number }): Pace | undefined {
  const to = points[end];
  const from = points[0];
  if (!to || !from) return undefined;
  let midIndex = -1;
  for (let index = 0; index < end; index++) if (points[index]!.at <= to.at - MIN_GROWTH_SPAN_MS) midIndex = index;
  const mid = points[midIndex];
  if (!mid || to.at - mid.at > ACCEL_RECENT_MAX_MS || mid.at - from.at < ACCEL_EARLIER_SPAN_MS) return undefined;
  const earlier = perDay(from, mid);
  const recent = perDay(mid, to);
  if (!Number.isSafeInteger(earlier) || !Number.isSafeInteger(recent)) return undefined;
  const times = earlier > 0 ? Math.floor(recent / earlier) : 0;
  const met = earlier >= floors.earlier && recent >= floors.recent;
  return { from, mid, to, earlier, recent, times, milestone: met ? ACCEL_MILESTONES.filter((milestone) => milestone <= times).length - 1 : -1 };
}

/**
 * Acceleration: an item of a ranked list growing (its running total,
 * `GROWTH_METRIC`: likes on Hugging Face, stars on GitHub) much faster over
 * the last day than over the days before it in the window.
 *
 * Significance: in the top 30 the reader sees today; the recent pace (over
 * the last day: from the last list at least 20 hours and at most two days
 * old) at least 3× the earlier pace (from the item's first list of the window
 * to that one, at least two days), with the floors of `ACCEL_MIN` on both
 * paces. Stored values that are not finite, negative or beyond exact integers
 * are left out of the series.
 * Milestone: told on the day the ratio first reaches one of
 * `ACCEL_MILESTONES`: the same test ending with yesterday's point (the recent
 * pace's start) reached a lower one, or none.
 *
 * Score: `weight × min(90, 40 + 10 × milestone index + min(20, times))`:
 * 3× → 43; 5× → 55; 10× → 70; 20× or more → 80.
 */
export const accelerationDetector: StoryDetector = {
  kind: 'acceleration',
  significance: `in the top ${TOP}, the last day's growth ${ACCEL_MILESTONES.join('×/')}× its own pace over the 2+ days before (likes ≥ 100 and ≥ 10 a day, stars ≥ 300 and ≥ 30), a milestone not reached yesterday`,
  score: 'weight × min(90, 40 + 10 × index of the milestone + min(20, recent ÷ earlier pace))',
  detect: (facts) => rankedSources(facts).flatMap((sourceId) => accelerationsIn(facts, sourceId)),
};

function accelerationsIn(facts: Facts, sourceId: SourceId): StoryCandidate[] {
  const list = facts.lists[sourceId];
  const metric = GROWTH_METRIC[sourceId];
  const floors = ACCEL_MIN[metric];
  if (!tellable(list, facts.now) || !floors) return [];
  const candidates: StoryCandidate[] = [];
  for (const row of list.top) {
    const points: Required<SeriesPoint>[] = seriesOf(list.snapshots, row.key, metric).filter((point): point is Required<SeriesPoint> => point.value !== undefined && Number.isSafeInteger(point.value) && point.value >= 0);
    const last = points.length - 1;
    if (points[last]?.at !== list.latest.fetchedAt) continue;
    const today = paceAt(points, last, floors);
    if (!today || today.milestone < 0) continue;
    const yesterday = paceAt(points, points.indexOf(today.mid), floors);
    if ((yesterday?.milestone ?? -1) >= today.milestone) continue;
    const claim: StoryClaim = {
      kind: 'acceleration',
      sourceId,
      itemId: row.itemId,
      metric,
      fromAt: today.from.at,
      midAt: today.mid.at,
      toAt: today.to.at,
      fromValue: today.from.value,
      midValue: today.mid.value,
      toValue: today.to.value,
      earlierPerDay: today.earlier,
      recentPerDay: today.recent,
      times: today.times,
      printed: [formatCount(today.recent), formatCount(today.earlier), String(today.times)],
    };
    candidates.push({
      kind: 'acceleration',
      sourceId,
      subject: row.itemId,
      claims: [claim],
      score: weighted(sourceId, Math.min(90, 40 + 10 * today.milestone + Math.min(20, today.times))),
      milestone: milestoneKey('acceleration', sourceId, row.itemId, ACCEL_MILESTONES[today.milestone]!),
    });
  }
  return candidates;
}
