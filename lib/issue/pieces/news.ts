import type { Claim, DerivativeKind, Story } from '../../shared/issue-types';
import type { Snapshot } from '../../shared/records';
import type { SourceId } from '../../sources/ids';
import { shortName } from '../classify';
import { describeItem, ratioToBase } from '../context';
import { rankClaim, type Facts, type Row } from '../facts';
import { clip, HEADLINE_NAME_MAX, joinAnd, LIST_NAMES, opensSentence, sinceWords, thenWords } from '../prose';
import type { StoryCandidate, StoryClaim, StoryKind } from '../stories';

/**
 * The news, told (issue #11, item 2): a story candidate of lib/issue/stories
 * turned into words. Each teller states only the figures of the candidate's
 * claims (and the rank claims it adds for the items it names), names the
 * list it speaks of, and never opens a sentence with a name that may be a
 * lower-case handle or a digit. A kind without a teller is not told.
 *
 * The section a piece belongs to says what it is (issue #11): a Deep Dive
 * explains one subject and where it comes from; Opinion & Analysis reads a
 * shift across a list; By the Numbers is led by a figure.
 */
export type Section = 'Deep Dive' | 'Opinion & Analysis' | 'By the Numbers';
/** The lead's kicker. */
export const LEAD = 'Lead';

export const STORY_SECTION: Record<StoryKind, Section> = {
  'release-wave': 'Deep Dive',
  'overtakes-base': 'Deep Dive',
  'streak-at-one': 'By the Numbers',
  'high-debut': 'By the Numbers',
  exit: 'By the Numbers',
  'staying-power': 'By the Numbers',
  'lab-sweep': 'Opinion & Analysis',
  'derivative-takeover': 'Deep Dive',
  acceleration: 'By the Numbers',
  'two-platforms': 'Opinion & Analysis',
  'repo-theme': 'Opinion & Analysis',
};

/** What a derivative kind is called at the start of a sentence. */
const DERIVATIVE_NAMES: Record<DerivativeKind, string> = {
  quantisation: 'Quantisations',
  'fine-tune': 'Fine-tunes',
  merge: 'Merges',
  adapter: 'Adapters',
  uncensored: 'Uncensored remixes',
};

/** What a theme of lib/issue/stories/repo-theme.ts is called in a sentence: "repositories about …", or a language. */
const THEME_NAMES: Record<string, string> = {
  agents: 'agents',
  rag: 'retrieval (RAG)',
  inference: 'inference and serving',
  'fine-tuning': 'fine-tuning',
  coding: 'coding assistants',
  speech: 'speech',
  'image-video': 'image and video generation',
};

const UNITS: Partial<Record<string, [string, string]>> = { likes: ['like', 'likes'], stars: ['star', 'stars'] };

/** "Tuesday", "yesterday", "last Friday": the day of `at` as the end of "from … to …". */
const dayWords = (facts: Facts, at: number) => sinceWords(at, facts.now, facts.timeZone).replace(/^since /, '');

type Teller = (facts: Facts, candidate: StoryCandidate) => Omit<Story, 'kicker'> | undefined;

const claimOf = <K extends StoryClaim['kind']>(candidate: StoryCandidate, kind: K): Extract<StoryClaim, { kind: K }> | undefined =>
  candidate.claims.find((claim): claim is Extract<StoryClaim, { kind: K }> => claim.kind === kind);

function rowOf(facts: Facts, sourceId: SourceId, itemId: string, snapshot?: Snapshot): Row | undefined {
  const list = facts.lists[sourceId];
  const rows = snapshot === undefined || snapshot === list.latest ? list.rows : facts.rowsAt(sourceId, snapshot);
  return rows.find((row) => row.itemId === itemId);
}

const snapshotAt = (facts: Facts, sourceId: SourceId, at: number): Snapshot | undefined => facts.lists[sourceId].snapshots.find((snapshot) => snapshot.fetchedAt === at);

/**
 * What the item is (lib/issue/context.ts `describeItem`: size, format, how it
 * derives and from what, task, maker and role), as an apposition after its
 * name, with the attribute claims that back each part (issue #11, item 3).
 */
function whatItIs(facts: Facts, sourceId: SourceId, row: Row, at = facts.lists[sourceId].latest?.fetchedAt): { text: string; claims: Claim[] } {
  if (at === undefined) return { text: row.item.name, claims: [] };
  const described = describeItem(sourceId, row.item, at);
  return { text: `${row.item.name}, ${described.phrase},`, claims: described.claims };
}

/** A headline that opens with the name when it may, and puts it after the words otherwise. */
function headlineWith(name: string, opening: (name: string) => string, closing: (name: string) => string): string {
  const short = clip(shortName(name), HEADLINE_NAME_MAX);
  return opensSentence(short) ? opening(short) : closing(short);
}

const TELLERS: Partial<Record<StoryKind, Teller>> = {
  'streak-at-one': (facts, candidate) => {
    const streak = claimOf(candidate, 'streak');
    const row = streak && rowOf(facts, streak.sourceId, streak.itemId);
    if (!streak || !row) return undefined;
    const list = LIST_NAMES[streak.sourceId];
    const what = whatItIs(facts, streak.sourceId, row);
    const claims: Claim[] = [streak, ...what.claims];
    if (streak.days === 1) {
      const before = snapshotAt(facts, streak.sourceId, streak.beforeAt);
      const previous = before ? facts.rowsAt(streak.sourceId, before)[0] : undefined;
      let text = `The top of ${list} has changed hands: ${what.text} is the new No. 1.`;
      if (previous && previous.rank === 1 && previous.itemId !== row.itemId) {
        claims.push(rankClaim(streak.sourceId, previous, before!.fetchedAt));
        text += ` It takes the place of ${previous.item.name}, No. 1 ${thenWords(before!.fetchedAt, facts.now, facts.timeZone)}.`;
      }
      return {
        headline: headlineWith(row.item.name, (name) => `${name} takes No. 1 on ${list}`, (name) => `A new No. 1 on ${list}: ${name}`),
        paragraphs: [text],
        claims,
      };
    }
    return {
      headline: headlineWith(row.item.name, (name) => `${name} holds No. 1 on ${list} for ${streak.days} days running`, (name) => `For ${streak.days} days running, the No. 1 on ${list}: ${name}`),
      paragraphs: [
        `At the top of ${list}, ${what.text} has held the first place every day since it took it ${thenWords(streak.fromAt, facts.now, facts.timeZone)}.`,
      ],
      claims,
    };
  },
  'high-debut': (facts, candidate) => {
    const debut = claimOf(candidate, 'debut');
    const row = debut && rowOf(facts, debut.sourceId, debut.itemId);
    if (!debut || !row) return undefined;
    const list = LIST_NAMES[debut.sourceId];
    const what = whatItIs(facts, debut.sourceId, row);
    return {
      headline: headlineWith(row.item.name, (name) => `${name} enters ${list} at No. ${debut.rank}`, (name) => `New at No. ${debut.rank} on ${list}: ${name}`),
      paragraphs: [
        `Straight in at No. ${debut.rank}: ${what.text} is in none of the lists the Post has kept ${sinceWords(debut.sinceAt, facts.now, facts.timeZone)}, and first appeared in the latest list.`,
      ],
      claims: [debut, ...what.claims],
    };
  },
  exit: (facts, candidate) => {
    const left = claimOf(candidate, 'left');
    const stay = claimOf(candidate, 'days-on-list');
    const before = left && snapshotAt(facts, left.sourceId, left.sinceAt);
    const row = left && before && rowOf(facts, left.sourceId, left.itemId, before);
    if (!left || !stay || !row) return undefined;
    const list = LIST_NAMES[left.sourceId];
    const length = `${stay.atLeast ? 'at least ' : ''}${stay.days} days`;
    const since = sinceWords(stay.fromAt, facts.now, facts.timeZone);
    const stayed = stay.atLeast ? `It had been in every list the Post had kept ${since}` : `It had been on the list every day ${since}`;
    const peak = stay.peak === left.rank ? 'its best place.' : `and its best place was No. ${stay.peak}.`;
    // Described as it was in its last list: it is in none now.
    const what = whatItIs(facts, left.sourceId, row, left.sinceAt);
    return {
      headline: headlineWith(row.item.name, (name) => `${name} leaves ${list} after ${length}`, (name) => `After ${length}, off ${list}: ${name}`),
      paragraphs: [
        `Gone from ${list}: ${what.text} is not in the latest list. ${stayed}; it was No. ${left.rank} ${thenWords(left.sinceAt, facts.now, facts.timeZone)}, ${peak}`,
      ],
      claims: [left, stay, ...what.claims],
    };
  },
  'staying-power': (facts, candidate) => {
    const stay = claimOf(candidate, 'days-on-list');
    const row = stay && rowOf(facts, stay.sourceId, stay.itemId);
    const latest = stay && facts.lists[stay.sourceId].latest;
    if (!stay || !row || !latest) return undefined;
    const list = LIST_NAMES[stay.sourceId];
    const now = rankClaim(stay.sourceId, row, latest.fetchedAt);
    const peak = stay.peak === row.rank ? `, its best place yet.` : `; its best place was No. ${stay.peak}.`;
    const what = whatItIs(facts, stay.sourceId, row);
    return {
      headline: headlineWith(row.item.name, (name) => `${name} marks ${stay.days} days on ${list}`, (name) => `A run of ${stay.days} days on ${list}: ${name}`),
      paragraphs: [`Still there: ${what.text} has been on ${list} every day since it entered ${thenWords(stay.fromAt, facts.now, facts.timeZone)}, and is No. ${row.rank} now${peak}`],
      claims: [stay, ...what.claims, now],
    };
  },
  'release-wave': (facts, candidate) => {
    const wave = claimOf(candidate, 'derivatives');
    if (!wave) return undefined;
    const rows = wave.itemIds.map((itemId) => rowOf(facts, wave.sourceId, itemId)).filter((row): row is Row => row !== undefined);
    const fresh = rows.filter((row) => wave.newIds.includes(row.itemId));
    if (rows.length !== wave.itemIds.length || fresh.length === 0) return undefined;
    const named = fresh.slice(0, 3).map((row) => row.item.name);
    const more = fresh.length - named.length;
    const since = sinceWords(wave.sinceAt, facts.now, facts.timeZone);
    return {
      headline: `A release wave: ${wave.itemIds.length} derivatives of ${clip(wave.base, HEADLINE_NAME_MAX)} in Hugging Face's top ${wave.top}`,
      standfirst:
        wave.newIds.length === wave.itemIds.length
          ? `Derivatives of one base model arrive together in the trending list, every one of them new ${since}.`
          : `Derivatives of one base model arrive together in the trending list; ${wave.newIds.length} of them are new ${since}.`,
      paragraphs: [
        `Of the top ${wave.top} trending models on Hugging Face, ${wave.itemIds.length} name ${wave.base} as their base model in their own tags. New among them ${since}: ${joinAnd(named)}${more > 0 ? ', among others' : ''}.`,
      ],
      claims: [wave],
    };
  },
  'overtakes-base': (facts, candidate) => {
    const metrics = candidate.claims.filter((claim): claim is Extract<StoryClaim, { kind: 'metric' }> => claim.kind === 'metric');
    const [mineNow, baseNow, mineBefore, baseBefore] = metrics;
    const row = mineNow && rowOf(facts, 'hf-models', mineNow.itemId);
    const base = baseNow && rowOf(facts, 'hf-models', baseNow.itemId);
    if (!mineNow || !baseNow || !mineBefore || !baseBefore || !row || !base) return undefined;
    // The ratio to the base (issue #11 item 3: relative figures), when the derivative's tags name the base the story compares with.
    const found = ratioToBase(facts.lists['hf-models'], row);
    const ratio = found?.baseId === base.itemId ? found : undefined;
    return {
      headline: headlineWith(row.item.name, (name) => `${name} out-downloads the model it is built on`, (name) => `A derivative passes its base model in downloads: ${name}`),
      paragraphs: [
        `On Hugging Face's trending models, ${row.item.name} now has more 30-day downloads than ${base.item.name}, the base model its tags name: ${mineNow.printed[0]} to ${baseNow.printed[0]}${ratio ? `, ${ratio.printed[0]} times as many` : ''}. It was behind ${thenWords(mineBefore.at, facts.now, facts.timeZone)}, with ${mineBefore.printed[0]} to ${baseBefore.printed[0]}.`,
      ],
      claims: [mineNow, baseNow, ...(ratio ? [ratio] : []), mineBefore, baseBefore],
    };
  },
  'lab-sweep': (facts, candidate) => {
    const [now, then] = candidate.claims.filter((claim): claim is Extract<StoryClaim, { kind: 'owner-count' }> => claim.kind === 'owner-count');
    const latest = facts.lists['hf-models'].latest;
    if (!now || !then || !latest || now.at !== latest.fetchedAt) return undefined;
    const names = now.itemIds.map((itemId) => rowOf(facts, 'hf-models', itemId)?.item.name).filter((name): name is string => name !== undefined);
    if (names.length !== now.itemIds.length) return undefined;
    const owner = clip(now.owner, HEADLINE_NAME_MAX);
    const was = then.itemIds.length === 0 ? 'none' : String(then.itemIds.length);
    return {
      headline: opensSentence(owner)
        ? `${owner} holds ${now.itemIds.length} of the top ${now.top} on Hugging Face`
        : `On Hugging Face, ${now.itemIds.length} of the top ${now.top} trending models are ${owner}'s`,
      paragraphs: [
        `Of the top ${now.top} on Hugging Face's trending models, ${now.itemIds.length} come from ${now.owner}: ${joinAnd(names)}. It had ${was} of the top ${then.top} ${thenWords(then.at, facts.now, facts.timeZone)}.`,
      ],
      claims: [now, then],
    };
  },
  'derivative-takeover': (facts, candidate) => {
    const shares = candidate.claims.filter((claim): claim is Extract<StoryClaim, { kind: 'derivative-share' }> => claim.kind === 'derivative-share');
    const latest = facts.lists['hf-models'].latest;
    const now = shares.find((claim) => claim.at === latest?.fetchedAt);
    const week = shares.find((claim) => claim !== now && claim.at === facts.lists['hf-models'].week?.fetchedAt);
    if (!now || !week) return undefined;
    const names = now.itemIds.slice(0, 3).map((itemId) => rowOf(facts, 'hf-models', itemId)?.item.name);
    if (names.some((name) => name === undefined)) return undefined;
    const label = DERIVATIVE_NAMES[now.derivative];
    return {
      headline: `${label} take ${now.itemIds.length} of the top ${now.top} on Hugging Face`,
      paragraphs: [
        `${label} now hold ${now.itemIds.length} of the top ${now.top} trending models on Hugging Face (${now.printed[2]}), against ${week.itemIds.length === 0 ? 'none' : week.itemIds.length} of ${week.top} ${thenWords(week.at, facts.now, facts.timeZone)}. The highest: ${joinAnd(names as string[])}.`,
      ],
      claims: [now, week],
    };
  },
  acceleration: (facts, candidate) => {
    const pace = claimOf(candidate, 'acceleration');
    const row = pace && rowOf(facts, pace.sourceId, pace.itemId);
    const units = pace && UNITS[pace.metric];
    if (!pace || !row || !units) return undefined;
    const list = LIST_NAMES[pace.sourceId];
    const [one, many] = units;
    const what = whatItIs(facts, pace.sourceId, row);
    return {
      headline: headlineWith(row.item.name, (name) => `${name} gathers ${many} ${pace.times} times as fast as before`, (name) => `Gathering ${many} ${pace.times} times as fast as before: ${name}`),
      paragraphs: [
        `On ${list}, ${what.text} has been gaining ${pace.printed[0]} ${pace.recentPerDay === 1 ? one : many} a day ${sinceWords(pace.midAt, facts.now, facts.timeZone)}. From ${dayWords(facts, pace.fromAt)} to ${dayWords(facts, pace.midAt)}, it gained ${pace.printed[1]} a day.`,
      ],
      claims: [pace, ...what.claims],
    };
  },
  'two-platforms': (facts, candidate) => {
    const same = claimOf(candidate, 'same-work');
    const row = same && rowOf(facts, same.sourceId, same.itemId);
    const paper = same && facts.lists['hf-papers'].rows.find((entry) => entry.itemId === same.paperId);
    if (!same || !row || !paper) return undefined;
    const list = LIST_NAMES[same.sourceId];
    const title = clip(paper.item.name, 160);
    const what = whatItIs(facts, same.sourceId, row);
    return same.via === 'code'
      ? {
          headline: same.mostUpvoted
            ? headlineWith(row.item.name, (name) => `${name}, the code behind the week's most upvoted paper, trends on GitHub`, (name) => `The code behind the week's most upvoted paper trends on GitHub: ${name}`)
            : headlineWith(row.item.name, (name) => `${name}, the code of a paper of the week, trends on GitHub`, (name) => `The code of a paper of the week trends on GitHub: ${name}`),
          paragraphs: [
            same.mostUpvoted
              ? `The week's most upvoted paper on Hugging Face is “${title}”. Its code, ${what.text} is No. ${same.rank} on ${list}.`
              : `Among the week's papers on Hugging Face is “${title}”. Its code, ${what.text} is No. ${same.rank} on ${list}.`,
          ],
          claims: [same, ...what.claims],
        }
      : {
          headline: headlineWith(row.item.name, (name) => `${name} comes with a paper of the week`, (name) => `A trending model with a paper of the week: ${name}`),
          paragraphs: [`At No. ${same.rank} on ${list}, ${row.item.name} names “${title}”, ${same.mostUpvoted ? "the week's most upvoted paper" : "one of the week's papers"} on Hugging Face, in its tags.`],
          claims: [same],
        };
  },
  'repo-theme': (facts, candidate) => {
    const [now, then] = candidate.claims.filter((claim): claim is Extract<StoryClaim, { kind: 'theme-count' }> => claim.kind === 'theme-count');
    if (!now || !then) return undefined;
    const language = now.theme.startsWith('language:') ? now.theme.slice('language:'.length) : undefined;
    const about = language ? `in ${language}` : `about ${THEME_NAMES[now.theme] ?? now.theme}`;
    // A language is bounded when stored (MAX_LABEL_LENGTH); clipped here too, as every remote name in a headline is.
    const aboutShort = language ? `in ${clip(language, HEADLINE_NAME_MAX)}` : about;
    const names = now.itemIds.slice(0, 3).map((itemId) => rowOf(facts, now.sourceId, itemId)?.item.name);
    if (names.some((name) => name === undefined)) return undefined;
    return {
      headline: `On GitHub, more AI repositories ${aboutShort}: ${now.itemIds.length} of the ${now.of} trending`,
      paragraphs: [
        `Of the ${now.of} AI repositories on ${LIST_NAMES[now.sourceId]}, ${now.itemIds.length} are ${about}, against ${then.itemIds.length === 0 ? 'none' : then.itemIds.length} of ${then.of} ${thenWords(then.at, facts.now, facts.timeZone)}. Among them: ${joinAnd(names as string[])}.`,
      ],
      claims: [now, then],
    };
  },
};

/** The candidate in words, with its section as the kicker; undefined when its kind has no teller or its items are gone. */
export function tellStory(facts: Facts, candidate: StoryCandidate, kicker: string = STORY_SECTION[candidate.kind]): Story | undefined {
  const told = TELLERS[candidate.kind]?.(facts, candidate);
  return told ? { kicker, ...told } : undefined;
}
