import { ownerOf } from '../classify';
import type { Row } from '../facts';
import { milestoneKey, tellable, weighted, type StoryCandidate, type StoryClaim, type StoryDetector } from './contract';

/**
 * The levels of a sweep: an owner holding at least `top5` of the top 5 places,
 * or at least `top10` of the top 10. Level 1 is the sweep itself: three of the
 * top five, or half the top ten, is a lab (or an author, or a quantiser) owning
 * the front of the list; two of five happens most days.
 */
export const SWEEP_LEVELS: readonly { top5: number; top10: number }[] = [
  { top5: 3, top10: 5 },
  { top5: 4, top10: 7 },
  { top5: 5, top10: 9 },
];

interface Hold {
  owner: string;
  /** Visible rows of the owner at source ranks 1–5 and 1–10. */
  in5: Row[];
  in10: Row[];
  /** 0 when no level is met. */
  level: number;
}

function levelOf(in5: number, in10: number): number {
  let level = 0;
  SWEEP_LEVELS.forEach((rule, index) => {
    if (in5 >= rule.top5 || in10 >= rule.top10) level = index + 1;
  });
  return level;
}

/** Each owner's places in the top 5 and top 10 (source ranks, visible rows), owners in order of their best rank. */
export function holdsOf(rows: readonly Row[]): Map<string, Hold> {
  const holds = new Map<string, Hold>();
  for (const row of rows) {
    if (row.rank > 10) break;
    const owner = ownerOf(row.itemId);
    if (owner === undefined) continue;
    const hold = holds.get(owner) ?? { owner, in5: [], in10: [], level: 0 };
    hold.in10.push(row);
    if (row.rank <= 5) hold.in5.push(row);
    hold.level = levelOf(hold.in5.length, hold.in10.length);
    holds.set(owner, hold);
  }
  return holds;
}

/**
 * A lab's sweep: one owner (`ownerOf`: the part of the id before its `/`)
 * holding many of the top places of Hugging Face's trending models.
 *
 * Significance: level 1 of `SWEEP_LEVELS` — at least 3 of the top 5 or at
 * least 5 of the top 10 (source ranks of the rows the reader sees).
 * Milestone: told on the day the owner's level rises above its level in the
 * day's baseline list (at least 20 hours old): the day the sweep happens, and
 * again only when it deepens (4 of 5 or 7 of 10; then 5 of 5 or 9 of 10).
 * Needs the day's baseline: without it nothing "happened today".
 *
 * Claims: the owner's rows in the top 5 (when that rule is met at the level,
 * else the top 10) today, and in the same top at the baseline.
 * Score: `weight × min(95, 50 + 10 × (level − 1) + 3 × places in the top 10)`:
 * 3 of the top 5 (3 in the top 10) → 59; 5 of 10 → 65; 5 of 5 and 9 of 10 → 95.
 */
export const labSweepDetector: StoryDetector = {
  kind: 'lab-sweep',
  significance: `one owner holds ${SWEEP_LEVELS.map((rule) => `${rule.top5} of the top 5 or ${rule.top10} of the top 10`).join(', then ')}, a level higher than in yesterday's list`,
  score: 'weight × min(95, 50 + 10 × (level − 1) + 3 × places in the top 10)',
  detect: (facts) => {
    const list = facts.lists['hf-models'];
    if (!tellable(list, facts.now) || !list.day) return [];
    const before = holdsOf(facts.rowsAt('hf-models', list.day));
    const candidates: StoryCandidate[] = [];
    for (const hold of holdsOf(list.rows).values()) {
      if (hold.level === 0 || (before.get(hold.owner)?.level ?? 0) >= hold.level) continue;
      const rule = SWEEP_LEVELS[hold.level - 1]!;
      const top = hold.in5.length >= rule.top5 ? 5 : 10;
      const now = top === 5 ? hold.in5 : hold.in10;
      const then = before.get(hold.owner)?.[top === 5 ? 'in5' : 'in10'] ?? [];
      const claims: StoryClaim[] = [
        { kind: 'owner-count', sourceId: 'hf-models', at: list.latest.fetchedAt, top, owner: hold.owner, itemIds: now.map((row) => row.itemId), printed: [String(now.length), String(top)] },
        { kind: 'owner-count', sourceId: 'hf-models', at: list.day.fetchedAt, top, owner: hold.owner, itemIds: then.map((row) => row.itemId), printed: [String(then.length), String(top)] },
      ];
      candidates.push({
        kind: 'lab-sweep',
        sourceId: 'hf-models',
        subject: hold.owner,
        claims,
        score: weighted('hf-models', Math.min(95, 50 + 10 * (hold.level - 1) + 3 * hold.in10.length)),
        milestone: milestoneKey('lab-sweep', 'hf-models', hold.owner, hold.level),
      });
    }
    return candidates;
  },
};
