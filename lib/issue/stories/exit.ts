import type { SourceId } from '../../sources/ids';
import type { Facts } from '../facts';
import { daysOf, milestoneKey, rankedSources, runOf, tellable, weighted, type StoryCandidate, type StoryDetector } from './contract';

/** An exit is news when the item was in the top 10 the day before; lower down, leaving is churn. */
export const EXIT_TOP = 10;
/** …and had stayed at least three days: a one-day visitor leaving is no story. */
export const EXIT_MIN_DAYS = 3;

/**
 * An exit after a stay: an item in the top `EXIT_TOP` of the day's baseline
 * (the facts' `day` list, at least 20 hours old) is in none of the latest
 * list's entries — absent, not filtered out — of a source that refreshed
 * successfully and is fresh, after at least `EXIT_MIN_DAYS` consecutive
 * calendar days on the list. When the stay reaches the window's first day
 * its length is a lower bound (`atLeast`).
 * Milestone: the day it leaves only; the next day's baseline no longer holds it.
 *
 * Score: `weight × (30 + 2 × min(days, 15) + (11 − peak))`, peak the best
 * rank of the stay (at most 10 here): 3 days peaking at No. 10 → 37; 8 days
 * peaking at No. 1 → 56.
 */
export const exitDetector: StoryDetector = {
  kind: 'exit',
  significance: `in the top ${EXIT_TOP} a day ago, gone now, after ${EXIT_MIN_DAYS}+ days on the list`,
  score: 'weight × (30 + 2 × min(days, 15) + (11 − peak rank))',
  detect: (facts) => rankedSources(facts).flatMap((sourceId) => exitsIn(facts, sourceId)),
};

function exitsIn(facts: Facts, sourceId: SourceId): StoryCandidate[] {
  const list = facts.lists[sourceId];
  const baseline = list.day;
  if (!tellable(list, facts.now) || !baseline) return [];
  const now = new Set(list.latest.keys);
  // The days up to the baseline's: the stay ends with the baseline list itself.
  const days = daysOf(facts, sourceId, baseline.fetchedAt);
  const candidates: StoryCandidate[] = [];
  for (const row of facts.rowsAt(sourceId, baseline)) {
    if (row.rank > EXIT_TOP) break;
    if (now.has(row.key)) continue;
    const rankOn = (rows: readonly { key: number; rank: number }[]) => rows.find((entry) => entry.key === row.key)?.rank;
    const run = runOf(days, (day) => rankOn(day.rows) !== undefined);
    if (!run || run.days.length < EXIT_MIN_DAYS) continue;
    const peak = Math.min(row.rank, ...run.days.map((day) => rankOn(day.rows)!));
    const stay = run.days.length;
    candidates.push({
      kind: 'exit',
      sourceId,
      subject: row.itemId,
      claims: [
        { kind: 'left', sourceId, itemId: row.itemId, sinceAt: baseline.fetchedAt, at: list.latest.fetchedAt, rank: row.rank, printed: [String(row.rank)] },
        {
          kind: 'days-on-list',
          sourceId,
          itemId: row.itemId,
          ...(run.before ? { beforeAt: run.before.snapshot.fetchedAt } : {}),
          fromAt: run.days[0]!.snapshot.fetchedAt,
          toAt: run.days.at(-1)!.snapshot.fetchedAt,
          days: stay,
          atLeast: !run.before,
          peak,
          printed: [String(stay), String(peak)],
        },
      ],
      score: weighted(sourceId, 30 + 2 * Math.min(stay, 15) + (11 - peak)),
      milestone: milestoneKey('exit', sourceId, row.itemId, list.latest.fetchedAt),
    });
  }
  return candidates;
}
