import type { Story } from '../shared/issue-types';
import { familyOf } from './classify';
import type { Facts } from './facts';
import { ANALYSIS_PIECES } from './pieces';
import { MOVEMENT_LEAD_SCORE, writeLead } from './pieces/lead';
import { tellStory } from './pieces/news';
import { storiesOf, type StoryCandidate } from './stories';

/**
 * The front page by the news (issue #11, item 2). The lead is the highest-
 * scoring story of the day (lib/issue/pieces/lead.ts `writeLead`); after it,
 * the other stories and the analysis pieces, all by score — the detectors'
 * documented scores and each piece's `score` of its own figures — with the
 * section that says what each is as its kicker.
 *
 * After the lead: the day's movement when a story took its place (scored
 * `MOVEMENT_LEAD_SCORE`), at most `MAX_STORIES` stories, one of a kind, none
 * about an item already told (a release wave, about a base's derivatives, may
 * follow the base's own debut); at most `MAX_PIECES` pieces in all. A family
 * piece is left out when a release wave of the same family is told: it is that
 * news; a family piece printed is not counted again in the lead.
 */
export const MAX_PIECES = 4;
export const MAX_STORIES = 2;

export interface FrontPage {
  lead: Story;
  analysis: Story[];
  /** The candidates told, the lead's first when it tells one: for tests and the reader of the code. */
  told: StoryCandidate[];
}

export function frontPage(facts: Facts): FrontPage {
  const candidates = storiesOf(facts);
  const page = arrange(facts, candidates);
  // A family the page tells in a piece of its own is not counted again in the lead. Only the lead's words change:
  // what it tells, the movement piece and every score stay the same.
  const family = page.analysis.map((story) => familyValue(story)).find((value) => value !== undefined);
  return family === undefined ? page : { ...page, lead: writeLead(facts, candidates, family).story };
}

function arrange(facts: Facts, candidates: readonly StoryCandidate[]): FrontPage {
  const { story: lead, told: leadStory, movement } = writeLead(facts, candidates);
  const told: StoryCandidate[] = leadStory ? [leadStory] : [];
  const scored: { story: Story; score: number; order: number }[] = [];
  if (movement) scored.push({ story: movement, score: MOVEMENT_LEAD_SCORE, order: -1 });
  for (const candidate of candidates) {
    if (told.length - (leadStory ? 1 : 0) >= MAX_STORIES) break;
    // One story of a kind, and one about an item — but a wave is about its base's derivatives, news beside the base's own debut.
    const sameSubject = (other: StoryCandidate) => other.subject === candidate.subject && other.kind !== 'release-wave' && candidate.kind !== 'release-wave';
    if (candidate === leadStory || told.some((other) => other.kind === candidate.kind || sameSubject(other))) continue;
    const story = tellStory(facts, candidate);
    if (!story) continue;
    told.push(candidate);
    scored.push({ story, score: candidate.score, order: scored.length });
  }
  const waves = new Set(told.flatMap((candidate) => (candidate.kind === 'release-wave' ? [familyOf({ itemId: candidate.subject })] : [])).filter((family) => family !== undefined));
  ANALYSIS_PIECES.forEach((piece, index) => {
    const story = piece.write(facts);
    if (!story) return;
    const family = piece.id === 'family' ? familyValue(story) : undefined;
    if (family !== undefined && waves.has(family)) return;
    scored.push({ story: { ...story, kicker: piece.section }, score: piece.score(story), order: MAX_STORIES + index });
  });
  const analysis = scored
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, MAX_PIECES)
    .map(({ story }) => story);
  return { lead, analysis, told };
}

/** The family a family piece is about: its family count claim's value. */
function familyValue(story: Story): string | undefined {
  const claim = story.claims.find((entry) => entry.kind === 'count' && entry.field === 'family');
  return claim?.kind === 'count' ? claim.value : undefined;
}
