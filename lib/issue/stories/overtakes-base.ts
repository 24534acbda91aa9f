import type { Row } from '../facts';
import { metricClaim } from '../facts';
import { milestoneKey, tellable, weighted, type StoryCandidate, type StoryClaim, type StoryDetector } from './contract';
import { baseModelOf } from '../../shared/model-tags';

/** Below this many downloads a base model's count is too small for "out-downloads" to mean anything. */
export const OVERTAKE_MIN_DOWNLOADS = 1000;

/**
 * A derivative out-downloading its base: both in Hugging Face's trending
 * models today (the derivative naming the base by its `base_model:` tags, read
 * by the one rule of lib/shared/model-tags.ts `baseOf`),
 * the derivative with more downloads (the source's 30-day count) than the
 * base, which has at least `OVERTAKE_MIN_DOWNLOADS`.
 * Milestone: the day it overtakes — in the day's baseline list (at least 20
 * hours old) both were listed and the derivative had no more than the base.
 * Figures only from lists that hold both: a base outside the list has no figure here.
 *
 * Score: `weight × (45 + min(20, round(10 × (ratio − 1))))`, ratio = derivative ÷ base downloads: 1.5× → 50; 3× or more → 65.
 */
export const overtakesBaseDetector: StoryDetector = {
  kind: 'overtakes-base',
  significance: `a derivative passes its base in downloads today (both listed, base ≥ ${OVERTAKE_MIN_DOWNLOADS}), having been behind in yesterday's list`,
  score: 'weight × (45 + min(20, round(10 × (derivative ÷ base downloads − 1))))',
  detect: (facts) => {
    const list = facts.lists['hf-models'];
    if (!tellable(list, facts.now) || !list.day) return [];
    const day = list.day;
    const byId = new Map(list.rows.map((row) => [row.itemId, row]));
    const before = new Map(facts.rowsAt('hf-models', day).map((row) => [row.itemId, row]));
    const downloads = (row: Row | undefined) => row?.metrics.downloads;
    const candidates: StoryCandidate[] = [];
    for (const row of list.rows) {
      const base = baseModelOf(row.item);
      const baseRow = base === undefined ? undefined : byId.get(base);
      const mine = downloads(row);
      const theirs = downloads(baseRow);
      if (!baseRow || mine === undefined || theirs === undefined || theirs < OVERTAKE_MIN_DOWNLOADS || mine <= theirs) continue;
      const mineBefore = downloads(before.get(row.itemId));
      const theirsBefore = downloads(before.get(baseRow.itemId));
      if (mineBefore === undefined || theirsBefore === undefined || mineBefore > theirsBefore) continue;
      // Today's and yesterday's downloads of both (all four are defined: checked above).
      const claims: StoryClaim[] = [
        metricClaim('hf-models', row, list.latest.fetchedAt, 'downloads')!,
        metricClaim('hf-models', baseRow, list.latest.fetchedAt, 'downloads')!,
        metricClaim('hf-models', before.get(row.itemId)!, day.fetchedAt, 'downloads')!,
        metricClaim('hf-models', before.get(baseRow.itemId)!, day.fetchedAt, 'downloads')!,
      ];
      candidates.push({
        kind: 'overtakes-base',
        sourceId: 'hf-models',
        subject: row.itemId,
        claims,
        score: weighted('hf-models', 45 + Math.min(20, Math.round(10 * (mine / theirs - 1)))),
        milestone: milestoneKey('overtakes-base', 'hf-models', row.itemId, baseRow.itemId),
      });
    }
    return candidates;
  },
};
