import type { Claim, Issue, Story } from '../shared/issue-types';
import { LIST_NAMES } from '../issue/prose';
import { readFigures } from './numbers';
import { stripInvisible } from '../shared/invisible';

/**
 * The fact sheet of one piece (issue #12, the on-device editor): what the model is given, and what
 * lib/editor/check.ts holds its text to. Everything in it is read from the composed piece — its claims and its
 * own template text, which every figure of was checked against those claims when it was composed
 * (lib/issue/pieces, tests/support/oracle) — never from the model.
 *
 * - **Numbers**: every figure a claim prints (`printed`: "12,099", "No. 3", "57", "3.2"), every count, rank,
 *   value and rate the claim holds (never its times), what a list named in part leaves out ("and 3 more": its
 *   length less 1 to 5), and every figure of the template text. Compared as numbers
 *   after normalising how they are written (lib/editor/numbers.ts): "1,470", "1470" and "1470.0" are one figure;
 *   "1.5K" stands for any figure that rounds to it; "57%" and "57 percent" are 57. Number words ("two" … "twenty",
 *   "thirty" …, "twice", "a dozen") are figures too; "one" is not read as a figure (it is more often a pronoun:
 *   "one of the top 12"), which is a gap: "one model" where the facts say otherwise is not caught.
 * - **Subjects**: what a figure belongs to. Each claim's figures belong to its item (by full id and by the name
 *   after the id's `/`) and to what it counts (a task, an owner, a family, a format, a base, a theme, a paper), and
 *   to the items it lists. The check reads a sentence that names subjects as speaking of them: its figures must
 *   be theirs (or a list's size, `top`, which any sentence may say). That is how a swapped figure is caught.
 * - **Leaders**: the subjects a superlative may be said of — an item the facts put at No. 1, and whatever a
 *   sentence of the template itself speaks of with a superlative ("the largest climb in the top 12").
 * - **Names**: every word a name-like token of the model's text may be (lower case): the ids, their owners and
 *   names, the claims' values, the lists' names (lib/issue/prose.ts `LIST_NAMES`), every word of the template,
 *   and a few general terms (AI, GPU…).
 * - **Links**: none. The edited text carries no address; the issue's links stay where the template puts them
 *   (its tools, lists and papers), built from validated ids.
 */
export interface Subject {
  /** Lower-case strings that, found in a sentence as a whole word, name the subject. */
  keys: string[];
  /** The figures that belong to it. */
  numbers: number[];
  /** A superlative may be said of it. */
  leader: boolean;
}

export interface FactSheet {
  kind: 'lead' | 'piece';
  headline: string;
  /** The template's paragraphs, as a reader reads them (no-break spaces as spaces). */
  template: string[];
  /** Every figure the text may state. */
  numbers: number[];
  /** Figures any sentence may state whatever it names: the sizes of the lists counted ("the top 12"). */
  generic: number[];
  subjects: Subject[];
  /** Lower-case words a name-like token may be. */
  names: Set<string>;
}

/** General words that look like names (capitals) but name nothing a figure belongs to. */
const GENERAL_TERMS = ['ai', 'ml', 'llm', 'llms', 'gpu', 'gpus', 'cpu', 'api', 'apis', 'the', 'post', 'morning', 'hub'];

/**
 * The words that set an item above the rest (the template's sentences mark its leaders by them; check.ts drops a
 * model's sentence that uses one of anything else). "First" of a first sighting ("first appeared") is a time, not a rank.
 */
export const SUPERLATIVE =
  /\b(?:biggest|largest|greatest|highest|fastest|quickest|strongest|steepest|sharpest|hottest|best|most|least|lowest|smallest|slowest|worst|first(?! (?:appeared|seen|sighted|spotted|appearance|time))|record(?:-\w+)?|only|ever|unprecedented|unmatched|unrivall?ed|dominant|dominates|dominating|dominated|leads|leading|led|top-ranked|number one|more than any)\b/i;

/** A claim's numeric fields that are figures (never its times: `at`, `fromAt`…, which are epoch ms). */
function claimNumbers(claim: Claim): number[] {
  const figures: number[] = [];
  const add = (...values: (number | undefined)[]) => {
    for (const value of values) if (typeof value === 'number' && Number.isFinite(value)) figures.push(value);
  };
  switch (claim.kind) {
    case 'rank':
    case 'entered':
    case 'left':
      add(claim.rank);
      break;
    case 'climb':
      add(claim.fromRank, claim.toRank, claim.fromRank - claim.toRank);
      break;
    case 'metric':
      add(claim.value);
      break;
    case 'growth':
      add(claim.fromValue, claim.toValue, claim.perDay, claim.toValue - claim.fromValue);
      break;
    case 'new-entries':
      add(claim.itemIds.length);
      break;
    case 'streak':
      add(claim.days, 1);
      break;
    case 'debut':
    case 'same-work':
      add(claim.rank);
      break;
    case 'days-on-list':
      add(claim.days, claim.peak);
      break;
    case 'derivatives':
      add(claim.top, claim.itemIds.length, claim.newIds.length);
      break;
    case 'owner-count':
    case 'derivative-share':
      add(claim.top, claim.itemIds.length);
      break;
    case 'acceleration':
      add(claim.fromValue, claim.midValue, claim.toValue, claim.earlierPerDay, claim.recentPerDay, claim.times);
      break;
    case 'theme-count':
      add(claim.of, claim.itemIds.length);
      break;
    case 'count':
      add(claim.top, claim.count);
      break;
    case 'share':
      add(claim.part, claim.whole, claim.of, claim.percent, claim.itemIds.length);
      break;
    case 'attribute':
      break;
    case 'gain':
      add(claim.fromValue, claim.toValue, claim.toValue - claim.fromValue);
      break;
    case 'ratio':
      add(claim.value, claim.baseValue, claim.ratio);
      break;
  }
  // A list named in part says how many it leaves unnamed: "a, b, c and 3 more" (lib/issue/pieces/lead.ts names 3).
  if ('itemIds' in claim) for (let named = 1; named <= Math.min(5, claim.itemIds.length - 1); named++) add(claim.itemIds.length - named);
  return figures;
}

/** The items and values a claim's figures belong to. */
function claimSubjects(claim: Claim): string[] {
  const items: string[] = [];
  if ('itemId' in claim) items.push(claim.itemId);
  if ('itemIds' in claim) items.push(...claim.itemIds);
  switch (claim.kind) {
    case 'count':
      return [...items, claim.value];
    case 'owner-count':
      return [...items, claim.owner];
    case 'derivatives':
      return [...items, claim.base];
    case 'derivative-share':
      return [...items, claim.derivative];
    case 'theme-count':
      return [...items, claim.theme];
    case 'same-work':
      return [...items, claim.paperId];
    case 'ratio':
      return [...items, claim.baseId];
    case 'attribute':
      return [...items, claim.value];
    default:
      return items;
  }
}

/** A claim's list-size figures, which a sentence may state whatever it names ("7 of the top 12"). */
function genericNumbers(claim: Claim): number[] {
  switch (claim.kind) {
    case 'count':
    case 'owner-count':
    case 'derivatives':
    case 'derivative-share':
      return [claim.top];
    case 'theme-count':
    case 'share':
      return [claim.of];
    default:
      return [];
  }
}

/** The strings that name `subject` in a sentence: an id names its item by itself and by its name after the `/`. */
export function keysOf(subject: string): string[] {
  const key = subject.toLowerCase().trim();
  if (key === '') return [];
  const slash = key.lastIndexOf('/');
  const short = slash >= 0 ? key.slice(slash + 1) : '';
  // A short name of one or two characters ("m3") names too much to mean this item.
  return short.length >= 3 && /\p{L}/u.test(short) ? [key, short] : [key];
}

/** `text` as a reader reads it: no-break spaces as spaces, no invisible characters (as check.ts reads the model's). */
export function asRead(text: string): string {
  return stripInvisible(text.replace(/[\u00a0\u202f]/g, ' '));
}

/** A token as a name is compared: without what surrounds its letters and digits, without a possessive, lower case. */
export function nameWord(token: string): string {
  return stripInvisible(token)
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(/['’]s$/u, '')
    .toLowerCase();
}

/** The words of `text` a name may be made of: split at spaces (and an id at its slash), lower case. */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const raw of text.split(/\s+/)) {
    const word = nameWord(raw);
    if (word) words.push(word, ...word.split('/'));
  }
  return words.filter((word) => word !== '');
}

/**
 * The names the issue prints for its items, by id (its lists, movers and tools): a piece may name an item by its
 * catalog name rather than its id ("At No. 1 … is 语言模型").
 */
export function displayNamesOf(issue: Issue): Map<string, string> {
  const names = new Map<string, string>();
  const add = (item: { itemId: string; name: string }) => {
    if (item.name && item.name !== item.itemId && !names.has(item.itemId)) names.set(item.itemId, item.name);
  };
  for (const list of Object.values(issue.trending)) list.forEach(add);
  issue.movers.climbers.forEach(add);
  issue.movers.growth.forEach(add);
  issue.tools.forEach(add);
  return names;
}

export function factSheetOf(story: Story, kind: 'lead' | 'piece', displayNames: ReadonlyMap<string, string> = new Map()): FactSheet {
  const template = story.paragraphs.map(asRead);
  const numbers = new Set<number>();
  const generic = new Set<number>();
  const bySubject = new Map<string, Subject>();
  const subjectFor = (name: string): Subject => {
    const key = name.toLowerCase();
    let subject = bySubject.get(key);
    if (!subject) {
      const shown = displayNames.get(name);
      const display = shown === undefined ? undefined : asRead(shown).toLowerCase().trim();
      // A catalog name names its item when it is not too short to mean it: three characters, or two of a script
      // without spaces ("大评").
      const alias = display && (display.length >= 3 || /[^\p{ASCII}]{2}/u.test(display)) ? [display] : [];
      subject = { keys: [...new Set([...keysOf(name), ...alias])], numbers: [], leader: false };
      bySubject.set(key, subject);
    }
    return subject;
  };
  const names = new Set<string>(GENERAL_TERMS);
  for (const listName of Object.values(LIST_NAMES)) for (const word of wordsOf(listName)) names.add(word);
  for (const claim of story.claims) {
    const figures = [...claimNumbers(claim), ...claim.printed.flatMap(readFigures)];
    for (const figure of figures) numbers.add(figure);
    for (const figure of genericNumbers(claim)) generic.add(figure);
    for (const name of claimSubjects(claim)) {
      const subject = subjectFor(name);
      subject.numbers.push(...figures);
      for (const word of wordsOf(name)) names.add(word);
      for (const word of wordsOf(displayNames.get(name) ?? '')) names.add(word);
      for (const key of subject.keys) names.add(key);
      // An item at No. 1 may be called the top, the first, the leader.
      if (isAtTheTop(claim) && 'itemId' in claim && claim.itemId === name) subject.leader = true;
    }
    if ('itemId' in claim) {
      const owner = claim.itemId.split('/')[0];
      if (owner) names.add(owner.toLowerCase());
    }
    for (const printed of claim.printed) for (const word of wordsOf(printed)) names.add(word);
  }
  for (const paragraph of template) {
    for (const figure of readFigures(paragraph)) numbers.add(figure);
    for (const word of wordsOf(paragraph)) names.add(word);
  }
  for (const word of wordsOf(story.headline)) names.add(word);
  const subjects = [...bySubject.values()];
  // Whatever a template sentence speaks of with a superlative, the model may too.
  for (const sentence of template.flatMap((paragraph) => paragraph.split(/(?<=[.!?])\s+(?=[A-Z])/))) {
    if (!SUPERLATIVE.test(sentence)) continue;
    for (const subject of subjects) if (subject.keys.some((key) => mentions(sentence, key))) subject.leader = true;
  }
  return { kind, headline: asRead(story.headline), template, numbers: [...numbers], generic: [...generic], subjects, names };
}

/**
 * Whether `sentence` names `key` as a whole name: not inside a longer word or a longer name ("qwen3-8b" is not
 * named by "acme/Qwen3-8B-GGUF", whose name only contains it). A full stop after it ends the sentence, not the name.
 */
export function mentions(sentence: string, key: string): boolean {
  const text = sentence.toLowerCase();
  const inName = /[\p{L}\p{N}_/.-]/u;
  let from = 0;
  for (;;) {
    const at = text.indexOf(key, from);
    if (at < 0) return false;
    const before = text[at - 1];
    const after = text[at + key.length];
    const afterEnds = after === undefined || !inName.test(after) || (/[.-]/.test(after) && !/[\p{L}\p{N}]/u.test(text[at + key.length + 1] ?? ''));
    if ((before === undefined || !inName.test(before)) && afterEnds) return true;
    from = at + 1;
  }
}

function isAtTheTop(claim: Claim): boolean {
  switch (claim.kind) {
    case 'rank':
    case 'entered':
    case 'debut':
    case 'same-work':
      return claim.rank === 1;
    case 'climb':
      return claim.toRank === 1;
    case 'streak':
      return true;
    case 'days-on-list':
      return claim.peak === 1;
    default:
      return false;
  }
}
