import { baseModelOf } from '../../shared/model-tags';
import { TOP, type Row } from '../facts';
import { milestoneKey, tellable, weighted, type StoryCandidate, type StoryDetector } from './contract';

/** A wave is at least four derivatives of one base in the top 30: three could be one quantiser's GGUF, MLX and AWQ. */
export const WAVE_MIN = 4;
/** …of which at least three are new since the week's baseline: a surge, not a family that has trended for weeks. */
export const WAVE_NEW_MIN = 3;
/** Told on the day the wave's size first reaches one of these (against yesterday's list): 4, then 8, then 16. */
export const WAVE_MILESTONES: readonly number[] = [4, 8, 16];

function derivativesIn(rows: readonly Row[]): Map<string, Row[]> {
  const byBase = new Map<string, Row[]>();
  for (const row of rows.slice(0, TOP)) {
    const base = baseModelOf(row.item);
    if (base) byBase.set(base, [...(byBase.get(base) ?? []), row]);
  }
  return byBase;
}

/**
 * A release wave: a base model's derivatives (by their `base_model:` tags, read by
 * the one rule of lib/shared/model-tags.ts `baseOf`)
 * surging into Hugging Face's top 30 trending models.
 *
 * Significance: at least `WAVE_MIN` derivatives of one base in today's top
 * 30, at least `WAVE_NEW_MIN` of them absent from the week's baseline list.
 * Milestone: the largest of `WAVE_MILESTONES` reached today that the day's
 * baseline (at least 20 hours old) had not reached — so a wave of 5 is
 * told the day it reaches 4, and again only when it reaches 8.
 * Needs both baselines: without them nothing can be called new.
 *
 * Score: `weight × min(95, 40 + 4 × count)`: 4 derivatives → 56, 8 → 72, 14+ → 95.
 */
export const releaseWaveDetector: StoryDetector = {
  kind: 'release-wave',
  significance: `${WAVE_MIN}+ derivatives of one base in the top ${TOP}, ${WAVE_NEW_MIN}+ new this week, crossing ${WAVE_MILESTONES.join('/')} since yesterday`,
  score: 'weight × min(95, 40 + 4 × derivatives in the top 30)',
  detect: (facts) => {
    const list = facts.lists['hf-models'];
    if (!tellable(list, facts.now) || !list.week || !list.day) return [];
    const week = new Set(list.week.keys);
    const yesterday = derivativesIn(facts.rowsAt('hf-models', list.day));
    const candidates: StoryCandidate[] = [];
    for (const [base, rows] of derivativesIn(list.rows)) {
      const fresh = rows.filter((row) => !week.has(row.key));
      if (rows.length < WAVE_MIN || fresh.length < WAVE_NEW_MIN) continue;
      const before = yesterday.get(base)?.length ?? 0;
      const milestone = WAVE_MILESTONES.filter((size) => size <= rows.length).at(-1)!;
      if (before >= milestone) continue;
      candidates.push({
        kind: 'release-wave',
        sourceId: 'hf-models',
        subject: base,
        claims: [
          {
            kind: 'derivatives',
            sourceId: 'hf-models',
            at: list.latest.fetchedAt,
            top: Math.min(TOP, list.rows.length),
            base,
            itemIds: rows.map((row) => row.itemId),
            sinceAt: list.week.fetchedAt,
            newIds: fresh.map((row) => row.itemId),
            printed: [String(rows.length), String(Math.min(TOP, list.rows.length)), String(fresh.length)],
          },
        ],
        score: weighted('hf-models', Math.min(95, 40 + 4 * rows.length)),
        milestone: milestoneKey('release-wave', 'hf-models', base, milestone),
      });
    }
    return candidates;
  },
};
