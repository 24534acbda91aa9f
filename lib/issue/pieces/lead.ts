import type { Claim, Story } from '../../shared/issue-types';
import { familyOf, shortName } from '../classify';
import { climbClaim, climbsSince, countClaim, countsOf, metricClaim, newSince, rankClaim, tally, type Facts } from '../facts';
import { capitalise, clip, formatCount, HEADLINE_NAME_MAX, joinAnd, opensSentence, sinceWords } from '../prose';
import { SOURCE_IDS } from '../../sources/ids';
import { storiesOf, type StoryCandidate } from '../stories';
import type { Piece } from './contract';
import { tellStory, type Section } from './news';

/** A climb this large since yesterday makes the headline. */
const HEADLINE_CLIMB = 5;

/**
 * The day's movement (a climb of 5 places or more, a new entry, the No. 1) is
 * the lead unless a story of lib/issue/stories scores more than this: a new
 * No. 1 on Hugging Face (50), a debut in a top 10 (63 and up), a release wave
 * (56 and up) or a long stay ending high (46 and up) lead; an exit after three
 * days low in a list (37) does not.
 */
export const MOVEMENT_LEAD_SCORE = 45;

/**
 * The lead (issue #11, item 2): the most newsworthy story of the day, by the
 * detectors' documented scores, told with the top 30's make-up after it; the
 * day's movement on Hugging Face's trending models when no story scores more
 * than `MOVEMENT_LEAD_SCORE`. Always written; a first edition says it is one.
 */
export const leadPiece: Piece = {
  id: 'lead',
  significance: `always printed: the highest-scoring story above ${MOVEMENT_LEAD_SCORE}, else the largest climb (5 places or more), a new No. 1, or the No. 1`,
  section: 'Lead',
  scoreRule: `printed first whatever its score: the told story's, or ${MOVEMENT_LEAD_SCORE} for the day's movement`,
  score: () => MOVEMENT_LEAD_SCORE,
  write: (facts) => writeLead(facts, storiesOf(facts)).story,
};

/** The section of the day's movement when it is not the lead: a piece led by its figures. */
export const MOVEMENT_SECTION: Section = 'By the Numbers';
/** …under a headline of its own: the lead's story may be about the item the movement's headline would name. */
export const MOVEMENT_HEADLINE = "What else moved on Hugging Face's trending models";

/**
 * The lead, the story candidate it tells (none when it tells the day's
 * movement), and then the day's movement as a piece of its own, scored
 * `MOVEMENT_LEAD_SCORE`, for the front page to place by score.
 */
export function writeLead(
  facts: Facts,
  candidates: readonly StoryCandidate[],
  /** A family the front page tells in a piece of its own: the lead leaves out its count. */
  toldFamily?: string,
): { story: Story; told?: StoryCandidate; movement?: Story } {
  const movement = lead(facts, toldFamily);
  const first = candidates[0];
  // Without models to report, any story is better news than their absence.
  const noModels = facts.lists['hf-models'].top.length === 0;
  if (!first || (first.score <= MOVEMENT_LEAD_SCORE && !noModels)) return { story: movement.story };
  const told = tellStory(facts, first, 'Lead');
  if (!told) return { story: movement.story };
  // After the news, the make-up of the top 30 — without the family count when the news is that family's wave.
  const context = movement.context.filter((part) => !(first.kind === 'release-wave' && part.family));
  // A story without a standfirst of its own takes the list's first figure as one, as the day's movement does.
  const [head, ...rest] = told.standfirst === undefined ? context : [undefined, ...context];
  const paragraph = rest.map((part) => part!.text).join(' ');
  return {
    // Keys in the order of a stored story (lib/history/issue-codec.ts brings them back in it).
    story: {
      kicker: told.kicker,
      headline: told.headline,
      ...(head ? { standfirst: head.text } : told.standfirst !== undefined ? { standfirst: told.standfirst } : {}),
      paragraphs: [...told.paragraphs, ...(paragraph ? [paragraph] : [])],
      claims: [...told.claims, ...context.flatMap((part) => part.claims)],
    },
    told: first,
    ...(movement.movement ? { movement: movement.movement } : {}),
  };
}

/** The lead on a day without Hugging Face's models to report: none stored yet, or none the reader's filters let through. */
function withoutModels(facts: Facts, claims: Claim[]): Story {
  const models = facts.lists['hf-models'];
  // Rows the catalog can read, that the filters then left out (a list of unknown keys is as good as none).
  if (models.latest?.keys.some((key) => models.items.has(key))) {
    return {
      kicker: 'Lead',
      headline: 'No trending model on Hugging Face passes your filters',
      standfirst: 'The rest of the issue is filtered as you asked; the options page changes what the Post leaves out.',
      paragraphs: ["Hugging Face's trending models arrived, and every one of them is left out by the tasks and words you filter. The other lists follow."],
      claims,
    };
  }
  if (SOURCE_IDS.some((id) => facts.lists[id].rows.length > 0)) {
    return {
      kicker: 'Lead',
      headline: "Hugging Face's trending models are not in yet",
      standfirst: 'This issue is written from the lists that have arrived; the models join the next one.',
      paragraphs: ['The AI Morning Post reads Hugging Face and GitHub from this browser and keeps each list as it comes in. The sections below hold the ones it has.'],
      claims,
    };
  }
  return {
    kicker: 'Lead',
    headline: 'The first edition is on its way',
    standfirst: 'The Post has no trending lists yet: this issue fills in as soon as the first refresh lands.',
    paragraphs: ['The AI Morning Post reads Hugging Face and GitHub from this browser and keeps their trending lists here. Nothing has arrived yet.'],
    claims,
  };
}

/** The day's movement as the lead, whatever the stories: what the lead is on a day without news. */
export function movementLead(facts: Facts): Story {
  return lead(facts).story;
}

/** A sentence of context with the claims that back it. */
interface Context {
  text: string;
  claims: Claim[];
  family?: boolean;
}

function lead(facts: Facts, toldFamily?: string): { story: Story; context: Context[]; movement?: Story } {
  const claims: Claim[] = [];
  const models = facts.lists['hf-models'];
  const latest = models.latest;
  const top = models.top;
  if (!latest || top.length === 0) return { context: [], story: withoutModels(facts, claims) };
  const baseline = models.day;
  const since = baseline ? sinceWords(baseline.fetchedAt, facts.now, facts.timeZone) : undefined;
  const climbs = climbsSince(top, baseline);
  const fresh = newSince(top, baseline);
  const first = top[0]!;
  const best = climbs[0];
  const bestIsUnique = best !== undefined && (climbs[1] === undefined || climbs[1].places < best.places);

  // A headline never opens with a digit or a lower-case handle: such a name goes after the words.
  let headline: string;
  const headlineClaimsFrom = claims.length;
  if (best && bestIsUnique && best.places >= HEADLINE_CLIMB) {
    claims.push(climbClaim('hf-models', best.row.itemId, baseline!.fetchedAt, latest.fetchedAt, best.before, best.row.rank));
    const name = clip(shortName(best.row.item.name), HEADLINE_NAME_MAX);
    headline = opensSentence(name)
      ? `${name} climbs ${best.places} places to No. ${best.row.rank} on Hugging Face`
      : `On Hugging Face, ${name} climbs ${best.places} places to No. ${best.row.rank}`;
  } else if (fresh[0] === first) {
    claims.push(rankClaim('hf-models', first, latest.fetchedAt));
    const name = clip(shortName(first.item.name), HEADLINE_NAME_MAX);
    headline = opensSentence(name)
      ? `${name} enters Hugging Face's trending list at No. ${first.rank}`
      : `New at No. ${first.rank} on Hugging Face's trending list: ${name}`;
  } else {
    const name = clip(shortName(first.item.name), HEADLINE_NAME_MAX);
    headline = opensSentence(name) ? `${name} leads Hugging Face's trending models` : `At the top of Hugging Face's trending models: ${name}`;
  }
  const headlineClaims = claims.slice(headlineClaimsFrom);

  const tasks = tally(top.map((row) => row.item.task));
  const topTask = tasks[0];
  let standfirst: string | undefined;
  const context: Context[] = [];
  if (topTask && topTask.count >= 2) {
    const standfirstClaims: Claim[] = [countClaim('hf-models', latest.fetchedAt, top.length, 'task', topTask.value, topTask.count)];
    standfirst = `${capitalise(topTask.value)} models take ${formatCount(topTask.count)} of the top ${top.length} places`;
    if (baseline) {
      standfirstClaims.push({ kind: 'new-entries', sourceId: 'hf-models', sinceAt: baseline.fetchedAt, at: latest.fetchedAt, itemIds: fresh.map((row) => row.itemId), printed: [String(fresh.length)] });
      standfirst +=
        fresh.length > 0
          ? `, and ${fresh.length} ${fresh.length === 1 ? 'model is' : 'models are'} new ${since}.`
          : `; no model is new ${since}.`;
    } else {
      standfirst += '.';
    }
    claims.push(...standfirstClaims);
    context.push({ text: standfirst, claims: standfirstClaims });
  }

  const paragraphs: string[] = [];
  if (baseline && climbs.length > 0) {
    const shown = climbs.slice(0, 3);
    for (const { row, before } of shown) claims.push(climbClaim('hf-models', row.itemId, baseline.fetchedAt, latest.fetchedAt, before, row.rank));
    const [head, ...rest] = shown;
    const largest = bestIsUnique ? `, the largest climb in the top ${top.length}` : '';
    let text = `${capitalise(since!)}, ${head!.row.item.name} rose from No. ${head!.before} to No. ${head!.row.rank}${largest}.`;
    if (rest.length > 0) {
      text += ` Also moving up: ${joinAnd(rest.map(({ row, before }) => `${row.item.name} (No. ${before} to No. ${row.rank})`))}.`;
    }
    paragraphs.push(text);
  } else {
    const score = metricClaim('hf-models', first, latest.fetchedAt, 'trendingScore');
    const likes = metricClaim('hf-models', first, latest.fetchedAt, 'likes');
    claims.push(rankClaim('hf-models', first, latest.fetchedAt));
    if (score) claims.push(score);
    if (likes) claims.push(likes);
    const figures = [score ? `a trending score of ${score.printed[0]}` : undefined, likes ? `${likes.printed[0]} ${likes.value === 1 ? 'like' : 'likes'}` : undefined].filter(
      (figure): figure is string => figure !== undefined,
    );
    paragraphs.push(
      `At No. ${first.rank} on Hugging Face's trending models is ${first.item.name}${figures.length ? `, with ${joinAnd(figures)}` : ''}.` +
        (baseline ? ` No model in the top ${top.length} climbed ${since}.` : ' From this issue on, the Post keeps the lists and reports what moves.'),
    );
  }
  if (baseline && fresh.length > 0) {
    const named = fresh.slice(0, 3);
    const highest = fresh[0]!;
    const more = fresh.length - named.length;
    // The No. 1's rank is already said when no model climbed: not said twice.
    const rankSaid = climbs.length === 0 && highest === first;
    if (!rankSaid) claims.push(rankClaim('hf-models', highest, latest.fetchedAt));
    paragraphs.push(
      // "a, b, c and 3 more": one "and" in the list.
      `New on the list ${since}: ${more > 0 ? `${named.map((row) => row.item.name).join(', ')} and ${more} more` : joinAnd(named.map((row) => row.item.name))}.` +
        (rankSaid ? '' : fresh.length === 1 ? ` It entered at No. ${highest.rank}.` : ` The highest of them, ${highest.item.name}, entered at No. ${highest.rank}.`),
    );
  }
  // The day's movement as a piece of its own, for a day a story leads: no standfirst, no make-up of the list.
  // Under a general headline: the lead's story may be about the item a movement headline would name.
  // The standfirst's count stays with the lead; its new entries, named in the paragraphs, come along.
  const movementClaims = claims.filter((claim) => !headlineClaims.includes(claim) && !(claim.kind === 'count' && context.some((part) => part.claims.includes(claim))) && !(claim.kind === 'new-entries' && fresh.length === 0));
  // Only when something moved: a No. 1 with its figures and "no model climbed" is no piece.
  const moved = baseline !== undefined && (climbs.length > 0 || fresh.length > 0);
  const movement: Story | undefined = moved ? { kicker: MOVEMENT_SECTION, headline: MOVEMENT_HEADLINE, paragraphs: [...paragraphs], claims: movementClaims } : undefined;
  const dominance: Context[] = [];
  const secondTask = tasks[1];
  // The standfirst gave the first task's count: the second is said against it, a tie as a tie, and no figure twice.
  if (topTask && secondTask && secondTask.count >= 2) {
    if (secondTask.count === topTask.count) {
      dominance.push({ text: `${capitalise(secondTask.value)} models take as many.`, claims: [] });
    } else {
      dominance.push({
        text: `${capitalise(secondTask.value)} models come next, with ${formatCount(secondTask.count)} of the top ${top.length}.`,
        claims: [countClaim('hf-models', latest.fetchedAt, top.length, 'task', secondTask.value, secondTask.count)],
      });
    }
  }
  const owner = countsOf(top, 'owner')[0];
  if (owner && owner.count >= 2 && owner.unique) {
    dominance.push({
      text: `Of the authors, ${owner.value} has ${formatCount(owner.count)} models in the list, more than any other.`,
      claims: [countClaim('hf-models', latest.fetchedAt, top.length, 'owner', owner.value, owner.count)],
    });
  }
  const family = tally(top.map((row) => familyOf(row.item)))[0];
  if (family && family.count >= 3 && family.value !== toldFamily) {
    dominance.push({
      text: `In all, ${formatCount(family.count)} of the top ${top.length} build on ${family.value}.`,
      claims: [countClaim('hf-models', latest.fetchedAt, top.length, 'family', family.value, family.count)],
      family: true,
    });
  }
  for (const part of dominance) claims.push(...part.claims);
  if (dominance.length > 0) paragraphs.push(dominance.map((part) => part.text).join(' '));
  context.push(...dominance);
  return { story: { kicker: 'Lead', headline, ...(standfirst ? { standfirst } : {}), paragraphs, claims }, context, ...(movement ? { movement } : {}) };
}
