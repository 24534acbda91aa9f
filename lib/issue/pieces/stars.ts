import type { Claim } from '../../shared/issue-types';
import { metricClaim, shareOfLeaders } from '../facts';
import { joinAnd, periodOf, sentence } from '../prose';
import { shareIn, type Piece } from './contract';

/** Stars concentrated in a few repositories. */
export const starsPiece: Piece = {
  id: 'stars',
  significance: 'the top 3 of 5 or more AI/ML repositories gathered half the period’s stars or more',
  section: 'By the Numbers',
  scoreRule: 'half the share of the period’s stars the top 3 gathered, in per cent',
  score: (story) => Math.round(shareIn(story) / 2),
  write: (facts) => {
    const list = facts.lists[facts.repos];
    const latest = list.latest;
    const counted = list.rows.filter((row) => row.metrics.starsInPeriod !== undefined);
    if (!latest || counted.length < 5) return undefined;
    const share = shareOfLeaders(list, 'starsInPeriod', 3);
    if (!share || share.percent < 50) return undefined;
    const period = periodOf(facts.repos);
    const [first] = share.leaders;
    const firstClaim = metricClaim(facts.repos, first!, latest.fetchedAt, 'starsInPeriod')!;
    const claims: Claim[] = [share.claim, firstClaim];
    const quote = first!.item.description ? sentence(first!.item.description, 120) : '';
    return {
      kicker: '',
      headline: `Three repositories take ${share.percent}% of the AI stars on GitHub ${period}`,
      paragraphs: [
        // Sentences open with words, never with a name (it may be a lower-case handle).
        `Between them, ${joinAnd(share.leaders.map((row) => row.item.name))} gathered ${share.percent}% of the ${share.claim.printed[1]} stars that the ${share.of} AI/ML repositories on GitHub's trending page gained ${period}.`,
        `Of these, ${first!.item.name} alone drew ${firstClaim.printed[0]} ${firstClaim.value === 1 ? 'star' : 'stars'} ${period}${quote ? `; its description reads: “${quote}”` : '.'}`,
      ],
      claims,
    };
  },
};
