import type { SourceId } from '../../sources/ids';
import type { Facts } from '../facts';
import { daysOf, milestoneKey, rankedSources, runOf, tellable, weighted, type StoryCandidate, type StoryDetector } from './contract';

/** Days on the list worth a story: a week, two, a month (14 and 30 wait for a longer window than the stored 8 days). */
export const STAY_MILESTONES: readonly number[] = [7, 14, 30];
/** Staying power is news for an item in the top 10 today; lower down, long stays are common and dull. */
export const STAY_TOP = 10;

/**
 * Staying power: an item in the top `STAY_TOP` today that has been in the
 * list (after the reader's filters) on every calendar day for exactly one of
 * `STAY_MILESTONES` days — its start known: the day before the stay has a
 * list without it. Told on the milestone day only.
 *
 * Score: `weight × (30 + 10 × i + (11 − peak))`, `i` the milestone's index,
 * peak the best rank over the stay: a week peaking at No. 1 → 50.
 */
export const stayingPowerDetector: StoryDetector = {
  kind: 'staying-power',
  significance: `in the top ${STAY_TOP} today, on the list ${STAY_MILESTONES.join(', ')} days in a row exactly`,
  score: 'weight × (30 + 10 × index of the milestone + (11 − peak rank))',
  detect: (facts) => rankedSources(facts).flatMap((sourceId) => staysIn(facts, sourceId)),
};

function staysIn(facts: Facts, sourceId: SourceId): StoryCandidate[] {
  const list = facts.lists[sourceId];
  if (!tellable(list, facts.now)) return [];
  const days = daysOf(facts, sourceId);
  const candidates: StoryCandidate[] = [];
  for (const row of list.rows) {
    if (row.rank > STAY_TOP) break;
    const rankOn = (rows: readonly { key: number; rank: number }[]) => rows.find((entry) => entry.key === row.key)?.rank;
    const run = runOf(days, (day) => rankOn(day.rows) !== undefined);
    if (!run?.before) continue;
    const stay = run.days.length;
    const index = STAY_MILESTONES.indexOf(stay);
    if (index < 0) continue;
    const peak = Math.min(...run.days.map((day) => rankOn(day.rows)!));
    candidates.push({
      kind: 'staying-power',
      sourceId,
      subject: row.itemId,
      claims: [
        {
          kind: 'days-on-list',
          sourceId,
          itemId: row.itemId,
          beforeAt: run.before.snapshot.fetchedAt,
          fromAt: run.days[0]!.snapshot.fetchedAt,
          toAt: list.latest.fetchedAt,
          days: stay,
          atLeast: false,
          peak,
          printed: [String(stay), String(peak)],
        },
      ],
      score: weighted(sourceId, 30 + 10 * index + (11 - peak)),
      milestone: milestoneKey('staying-power', sourceId, row.itemId, stay),
    });
  }
  return candidates;
}
