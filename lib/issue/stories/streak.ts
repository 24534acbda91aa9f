import type { Facts } from '../facts';
import { daysOf, milestoneKey, rankedSources, runOf, STREAK_MILESTONES, tellable, weighted, type StoryCandidate, type StoryDetector } from './contract';

/**
 * A streak at No. 1: the same item first in a ranked list (after the
 * reader's filters, at source rank 1) on consecutive calendar days.
 *
 * Significance and milestones: told only on a day the streak's length equals
 * one of `STREAK_MILESTONES` (1 — a new No. 1, 3, 7, 14, 30), and only when
 * its start is known: the calendar day before it has a list whose No. 1 was
 * another item. A first day of history is no "new" No. 1, and a streak that
 * reaches the window's first day or a day without a list has an unknown length.
 *
 * On GitHub's weekly page, only from `WEEKLY_STREAK_MIN` days.
 *
 * Score: `weight × (50 + 5 × i)`, `i` the milestone's index (day 1: 50, day 3: 55, day 7: 60…).
 */
/** The shortest streak told on GitHub's weekly page, whose ranking is a week's stars: a week. */
export const WEEKLY_STREAK_MIN = 7;

export const streakDetector: StoryDetector = {
  kind: 'streak-at-one',
  significance: 'No. 1 on N consecutive days, N one of 1, 3, 7, 14, 30, with another No. 1 the day before',
  score: 'weight × (50 + 5 × index of the milestone)',
  detect: (facts) => rankedSources(facts).flatMap((sourceId) => streakIn(facts, sourceId)),
};

function streakIn(facts: Facts, sourceId: Parameters<typeof daysOf>[1]): StoryCandidate[] {
  const list = facts.lists[sourceId];
  if (!tellable(list, facts.now)) return [];
  const first = list.rows[0];
  if (!first || first.rank !== 1) return [];
  const run = runOf(daysOf(facts, sourceId), (day) => day.rows[0]?.rank === 1 && day.rows[0].key === first.key);
  if (!run?.before) return [];
  const days = run.days.length;
  const index = STREAK_MILESTONES.indexOf(days);
  if (index < 0) return [];
  // GitHub's weekly page ranks by a week's stars, so its No. 1 holds for days by inertia: only a full week there is news.
  if (sourceId === 'gh-trending-weekly' && days < WEEKLY_STREAK_MIN) return [];
  return [
    {
      kind: 'streak-at-one',
      sourceId,
      subject: first.itemId,
      claims: [
        {
          kind: 'streak',
          sourceId,
          itemId: first.itemId,
          beforeAt: run.before.snapshot.fetchedAt,
          fromAt: run.days[0]!.snapshot.fetchedAt,
          toAt: list.latest.fetchedAt,
          days,
          printed: ['1', String(days)],
        },
      ],
      score: weighted(sourceId, 50 + 5 * index),
      milestone: milestoneKey('streak-at-one', sourceId, first.itemId, days),
    },
  ];
}
