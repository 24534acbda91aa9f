import { DAY_MS } from '../../shared/movement';
import type { SourceId } from '../../sources/ids';
import type { Facts } from '../facts';
import { milestoneKey, rankedSources, tellable, weighted, type StoryCandidate, type StoryDetector } from './contract';

/** A debut is news in the top 10; lower down, new entries are the lists' daily churn. */
export const DEBUT_TOP = 10;
/**
 * An item created longer ago than this is returning, not debuting: trending
 * lists bring old repositories back all the time. Thirty days covers a
 * model uploaded a few weeks before its announcement.
 */
export const DEBUT_MAX_AGE_MS = 30 * DAY_MS;

/**
 * A high debut: an item straight into the top `DEBUT_TOP` of a ranked list.
 *
 * Significance: the list has history (a list at least 20 hours older, the
 * facts' day baseline), the item is in none of the window's earlier lists,
 * the catalog first saw it no earlier than the list before the latest (so
 * not in a list thinned from the window), and — when the source gives a
 * creation date — it was created within `DEBUT_MAX_AGE_MS` of publishing.
 * Milestone: the day of the debut only; the next day it is in an earlier list.
 *
 * Score: `weight × (60 + 3 × (11 − rank))`: No. 1 → 90, No. 10 → 63.
 */
export const debutDetector: StoryDetector = {
  kind: 'high-debut',
  significance: `new into the top ${DEBUT_TOP}, in no earlier list of the window, first seen now, created within 30 days when the source says`,
  score: 'weight × (60 + 3 × (11 − rank))',
  detect: (facts) => rankedSources(facts).flatMap((sourceId) => debutsIn(facts, sourceId)),
};

function debutsIn(facts: Facts, sourceId: SourceId): StoryCandidate[] {
  const list = facts.lists[sourceId];
  if (!tellable(list, facts.now) || !list.day) return [];
  const earlier = list.snapshots.filter((snapshot) => snapshot.fetchedAt < list.latest.fetchedAt);
  const previous = earlier.at(-1);
  const oldest = earlier[0];
  if (!previous || !oldest) return [];
  const seen = new Set(earlier.flatMap((snapshot) => snapshot.keys));
  const candidates: StoryCandidate[] = [];
  for (const row of list.rows) {
    if (row.rank > DEBUT_TOP) break;
    if (seen.has(row.key) || row.item.firstSeenAt <= previous.fetchedAt) continue;
    const created = row.item.createdAt === undefined ? Number.NaN : Date.parse(row.item.createdAt);
    if (Number.isFinite(created) && facts.now - created > DEBUT_MAX_AGE_MS) continue;
    candidates.push({
      kind: 'high-debut',
      sourceId,
      subject: row.itemId,
      claims: [
        {
          kind: 'debut',
          sourceId,
          itemId: row.itemId,
          sinceAt: oldest.fetchedAt,
          at: list.latest.fetchedAt,
          rank: row.rank,
          firstSeenAt: row.item.firstSeenAt,
          ...(Number.isFinite(created) ? { createdAt: row.item.createdAt! } : {}),
          printed: [String(row.rank)],
        },
      ],
      score: weighted(sourceId, 60 + 3 * (11 - row.rank)),
      milestone: milestoneKey('high-debut', sourceId, row.itemId, list.latest.fetchedAt),
    });
  }
  return candidates;
}
