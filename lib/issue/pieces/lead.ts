import type { Claim, Story } from '../../shared/issue-types';
import { familyOf, shortName } from '../classify';
import { climbClaim, climbsSince, countClaim, countsOf, metricClaim, newSince, rankClaim, tally, type Facts } from '../facts';
import { capitalise, clip, formatCount, HEADLINE_NAME_MAX, joinAnd, opensSentence, sinceWords } from '../prose';
import type { Piece } from './contract';

/** A climb this large since yesterday makes the headline. */
const HEADLINE_CLIMB = 5;

/** The lead: Hugging Face's trending models since yesterday. Always written; a first edition says it is one. */
export const leadPiece: Piece = {
  id: 'lead',
  significance: 'always printed: the largest climb (5 places or more), a new No. 1, or the No. 1',
  write: (facts) => lead(facts),
};

function lead(facts: Facts): Story {
  const claims: Claim[] = [];
  const models = facts.lists['hf-models'];
  const latest = models.latest;
  const top = models.top;
  if (!latest || top.length === 0) {
    return {
      kicker: 'Lead',
      headline: 'The first edition is on its way',
      standfirst: 'The Post has no trending lists yet: this issue fills in as soon as the first refresh lands.',
      paragraphs: ['The AI Morning Post reads Hugging Face and GitHub from this browser and keeps their trending lists here. Nothing has arrived yet.'],
      claims,
    };
  }
  const baseline = models.day;
  const since = baseline ? sinceWords(baseline.fetchedAt, facts.now, facts.timeZone) : undefined;
  const climbs = climbsSince(top, baseline);
  const fresh = newSince(top, baseline);
  const first = top[0]!;
  const best = climbs[0];
  const bestIsUnique = best !== undefined && (climbs[1] === undefined || climbs[1].places < best.places);

  // A headline never opens with a digit or a lower-case handle: such a name goes after the words.
  let headline: string;
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

  const tasks = tally(top.map((row) => row.item.task));
  const topTask = tasks[0];
  let standfirst: string | undefined;
  if (topTask && topTask.count >= 2) {
    claims.push(countClaim('hf-models', latest.fetchedAt, top.length, 'task', topTask.value, topTask.count));
    standfirst = `${capitalise(topTask.value)} models take ${formatCount(topTask.count)} of the top ${top.length} places`;
    if (baseline) {
      claims.push({ kind: 'new-entries', sourceId: 'hf-models', sinceAt: baseline.fetchedAt, at: latest.fetchedAt, itemIds: fresh.map((row) => row.itemId), printed: [String(fresh.length)] });
      standfirst +=
        fresh.length > 0
          ? `, and ${fresh.length} ${fresh.length === 1 ? 'model is' : 'models are'} new ${since}.`
          : `; no model is new ${since}.`;
    } else {
      standfirst += '.';
    }
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
      `New on the list ${since}: ${joinAnd(named.map((row) => row.item.name))}${more > 0 ? ` and ${more} more` : ''}.` +
        (rankSaid ? '' : fresh.length === 1 ? ` It entered at No. ${highest.rank}.` : ` The highest of them, ${highest.item.name}, entered at No. ${highest.rank}.`),
    );
  }
  const dominance: string[] = [];
  const secondTask = tasks[1];
  // The standfirst gave the first task's count: the second is said against it, a tie as a tie, and no figure twice.
  if (topTask && secondTask && secondTask.count >= 2) {
    if (secondTask.count === topTask.count) {
      dominance.push(`${capitalise(secondTask.value)} models take as many.`);
    } else {
      claims.push(countClaim('hf-models', latest.fetchedAt, top.length, 'task', secondTask.value, secondTask.count));
      dominance.push(`${capitalise(secondTask.value)} models come next, with ${formatCount(secondTask.count)} of the top ${top.length}.`);
    }
  }
  const owner = countsOf(top, 'owner')[0];
  if (owner && owner.count >= 2 && owner.unique) {
    claims.push(countClaim('hf-models', latest.fetchedAt, top.length, 'owner', owner.value, owner.count));
    dominance.push(`Of the authors, ${owner.value} has ${formatCount(owner.count)} models in the list, more than any other.`);
  }
  const family = tally(top.map((row) => familyOf(row.item)))[0];
  if (family && family.count >= 3) {
    claims.push(countClaim('hf-models', latest.fetchedAt, top.length, 'family', family.value, family.count));
    dominance.push(`In all, ${formatCount(family.count)} of the top ${top.length} build on ${family.value}.`);
  }
  if (dominance.length > 0) paragraphs.push(dominance.join(' '));
  return { kicker: 'Lead', headline, ...(standfirst ? { standfirst } : {}), paragraphs, claims };
}
