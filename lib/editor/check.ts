import { stripInvisible } from '../shared/invisible';
import { asRead, mentions, nameWord, SUPERLATIVE, type FactSheet, type Subject } from './facts';
import { backed, bare, figuresIn, isNameLike } from './numbers';

/**
 * The editor's check (issue #12): the model's text for one piece, held to the piece's facts
 * (lib/editor/facts.ts). The text is cleaned (markup, control characters), split into paragraphs and sentences,
 * and each sentence is kept only if everything it says is in the facts:
 *
 * - **figures**: each one is a figure of the facts, after normalising how it is written (lib/editor/numbers.ts);
 *   "No. 1" and "#1" are figures, checked as any other;
 * - **swapped figures**: a sentence that names subjects (items by id, by the name after the `/` or by their
 *   catalog name; tasks, owners, families, formats…) may state only their figures, or a list's size (a count
 *   claim's `top`, or a figure of the facts written after "top": "the largest climb in the top 12"). A sentence
 *   that names none but speaks through a pronoun ("It gained 93 a day") is read as speaking of what its
 *   paragraph named before it. So "echo/Kokoro-TTS rose from No. 9" is dropped when No. 9 was
 *   golf/Nova-Embed's rank;
 * - **names**: each name-like token is one of the facts' words (below);
 * - **superlatives** ("largest", "most", "first", "only", "record", "leads"…): only in a sentence that names a
 *   subject the facts put at No. 1 or that the template itself said it of;
 * - **links**: no address at all (`https://`, `www.`, `host.tld`); the issue's links stay the template's;
 * - **quotations**: a quotation the template makes (an item's own description, in quotation marks) counts as the
 *   item's own words when the model quotes it verbatim: its figures and names are not the model's;
 * - **length**: a sentence over `MAX_SENTENCE` characters is dropped; a repeated sentence is dropped.
 *
 * A **name-like token** is one with a `/` (an id), one that mixes letters and digits ("Qwen3-8B", "GPT-4"),
 * CamelCase ("DeepSeek"), two capitals or more ("GGUF", "NVIDIA"), a possessive of a capitalised word
 * ("Alibaba's"), or a capitalised word that does not open its sentence ("… by Meta"). Compared without case.
 * A capitalised word that opens its sentence is not checked unless it is one of those shapes: "Meanwhile" and
 * "Alibaba" look the same there (a gap: "Alibaba leads…" is caught by its superlative, "Alibaba released…" is not).
 *
 * Then the whole: the template stands (the piece is not edited) when the text was empty or over
 * `MAX_OUTPUT` characters (an endless answer, cut and rejected), when more than a third of its sentences were
 * dropped (a model that invents that often is not trusted with the rest), or when what remains is too little:
 * fewer than `MIN_SENTENCES` sentences, fewer than two paragraphs for the lead, or less than half the
 * template's length. At most three paragraphs are kept for the lead, four for a piece (the sample issue's
 * shape: ../shared/seed/ai-morning-post-sample-issue.txt).
 *
 * What it does not catch: a wrong figure that is right elsewhere among the same subject's figures (one item's
 * rate given for its other period), figures swapped between two subjects named in one sentence, a figure in a
 * sentence that names nothing and has no pronoun to read back, a wrong word that is not a figure, a name or a
 * superlative ("fell" for "rose", "yesterday" for "earlier today"; a weekday is a capitalised word, so one the
 * facts do not say is caught), a claim of cause ("because the community…"), and an invented name opening a
 * sentence as a plain capitalised word. Those are why the model is asked to keep to the facts, and why the
 * reader sees which text was edited and can turn the editor off. tests/unit/editor/crafted-table.test.ts pins
 * three of these gaps down as rows.
 */
export const MAX_OUTPUT = 6_000;
export const MAX_SENTENCE = 400;
export const MIN_SENTENCES = { lead: 3, piece: 2 } as const;
export const MAX_PARAGRAPHS = { lead: 3, piece: 4 } as const;

export type DropReason = 'number' | 'swapped' | 'name' | 'superlative' | 'link' | 'too-long' | 'repeat' | 'extra-paragraph';
export type Fallback = 'empty' | 'endless' | 'too-many-dropped' | 'too-little';

export interface Dropped {
  sentence: string;
  reason: DropReason;
  /** What in it was not backed. */
  what: string;
}

export interface CheckResult {
  /** The paragraphs kept, when the edit stands; undefined when the template stands. */
  paragraphs?: string[];
  kept: string[];
  dropped: Dropped[];
  fallback?: Fallback;
}

/** Markup a model may wrap its text in, removed before the words are read. */
function cleaned(output: string): string {
  return stripInvisible(asRead(output))
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/<[^<>\n]{0,200}>/g, ' ') // HTML tags
    .split('\n')
    .filter((line) => !/^\s*(?:#{1,6}\s|(?:\*\*\*|---|___)\s*$)/.test(line)) // headings (the piece keeps its own), rules
    .map((line) => line.replace(/^\s*(?:[-*•]|\d{1,2}[.)])\s+/, '')) // list markers
    .join('\n')
    .replace(/\*\*|__|`+/g, '') // bold, code
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/gm, '$1$2'); // *italic*, _italic_
}

/** Abbreviations a sentence does not end at: "No. 3", "e.g. this". */
const NOT_AN_END = /(?:\bNo|\be\.g|\bi\.e|\bvs|\betc|\bapprox|\bca|\bMr|\bDr|\bSt)\.$/i;

export function sentencesOf(paragraph: string): string[] {
  const parts = paragraph.split(/(?<=[.!?…]["”’)]?)\s+/u);
  const sentences: string[] = [];
  for (const part of parts) {
    const previous = sentences.at(-1);
    if (previous !== undefined && NOT_AN_END.test(previous)) sentences[sentences.length - 1] = `${previous} ${part}`;
    else sentences.push(part);
  }
  return sentences.map((sentence) => sentence.trim()).filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}

const LINK = /\b(?:https?:\/\/|www\.)|\b[\w-]+\.(?:com|co|org|net|io|ai|dev|app|ly|me|info|html?)\b|\]\(/i;

/** A pronoun that speaks of what the sentence before named ("It gained 93 a day"). */
const PRONOUN = /\b(?:it|its|they|their|them|both)\b/i;

/** Quoted text: a quotation the template makes (an item's own description) may be quoted again as it is. */
const QUOTED = /[“"]([^“”"]{1,300})[”"]/gu;

/**
 * Why one sentence cannot stand (or nothing), and the subjects it speaks of: those it names, or, when it names
 * none and speaks through a pronoun, those named before it in its paragraph (`previous`).
 */
export function sentenceProblem(sentence: string, facts: FactSheet, previous: readonly Subject[] = []): { problem?: Omit<Dropped, 'sentence'>; named: Subject[] } {
  const own = facts.subjects.filter((subject) => subject.keys.some((key) => mentions(sentence, key)));
  const named = own.length > 0 || !PRONOUN.test(sentence) ? own : [...previous];
  const fail = (reason: DropReason, what: string) => ({ problem: { reason, what }, named });
  if (sentence.length > MAX_SENTENCE) return fail('too-long', `${sentence.length} characters`);
  // What the template quotes is a fact as it stands: its figures and words are the item's own, not the model's.
  const template = facts.template.join(' ');
  const said = sentence.replace(QUOTED, (quote, inner: string) => (template.includes(inner) ? ' ' : quote));
  const link = LINK.exec(said);
  if (link) return fail('link', link[0]);
  for (const figure of figuresIn(said)) {
    if (figure.suffixed && facts.names.has(figure.text.toLowerCase())) continue; // "1B": a size the facts name so
    if (!backed(figure, facts.numbers)) return fail('number', figure.text);
    if (named.length > 0 && !figure.listSize && !backed(figure, [...facts.generic, ...named.flatMap((subject) => subject.numbers)])) {
      return fail('swapped', `${figure.text} is not a figure of ${named.map((subject) => subject.keys[0]).join(', ')}`);
    }
  }
  const name = unbackedName(said, facts);
  if (name) return fail('name', name);
  const superlative = SUPERLATIVE.exec(said);
  if (superlative && !named.some((subject) => subject.leader)) return fail('superlative', superlative[0]);
  return { named };
}

/** The first name-like token of `sentence` that the facts do not name. */
function unbackedName(sentence: string, facts: FactSheet): string | undefined {
  const tokens = sentence.split(/\s+/).filter((token) => token !== '');
  for (const [index, raw] of tokens.entries()) {
    const possessive = /['’]s\W*$/u.test(raw);
    const token = bare(raw).replace(/['’]s$/u, '');
    if (token.length < 2 || !/\p{L}/u.test(token)) continue;
    const opens = index === 0;
    const capitalised = /^\p{Lu}/u.test(token);
    const nameLike =
      token.includes('/') ||
      isNameLike(token) ||
      /\p{Ll}\p{Lu}/u.test(token) ||
      /^\p{Lu}{2,}/u.test(token) ||
      (capitalised && (possessive || !opens));
    if (!nameLike) continue;
    const lower = token.toLowerCase();
    if (facts.names.has(lower) || facts.names.has(nameWord(raw))) continue;
    // A figure with its unit ("1.5K") is checked as a figure; a hyphenated name is backed when each part is a word
    // of the facts and the whole has no digits ("Text-To-Image").
    if (/^[\d.,]+[kmb]$/.test(lower)) continue;
    if (!/\d/.test(lower) && !lower.includes('/') && lower.split('-').every((part) => facts.names.has(part))) continue;
    return token;
  }
  return undefined;
}

export function checkEdit(output: string, facts: FactSheet): CheckResult {
  const kept: string[] = [];
  const dropped: Dropped[] = [];
  if (output.length > MAX_OUTPUT) return { kept, dropped, fallback: 'endless' };
  const text = cleaned(output);
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => /[\p{L}\p{N}]/u.test(paragraph));
  if (paragraphs.length === 0) return { kept, dropped, fallback: 'empty' };
  const seen = new Set<string>();
  const out: string[] = [];
  let total = 0;
  paragraphs.forEach((paragraph, index) => {
    const sentences = sentencesOf(paragraph);
    if (index < MAX_PARAGRAPHS[facts.kind]) total += sentences.length;
    const keep: string[] = [];
    // What the paragraph has named so far: what its pronouns may speak of.
    const previous = new Set<Subject>();
    for (const sentence of sentences) {
      const key = sentence.toLowerCase();
      const read = sentenceProblem(sentence, facts, [...previous]);
      for (const subject of read.named) previous.add(subject);
      const problem =
        index >= MAX_PARAGRAPHS[facts.kind] ? { reason: 'extra-paragraph' as const, what: `paragraph ${index + 1}` } : seen.has(key) ? { reason: 'repeat' as const, what: 'said before' } : read.problem;
      seen.add(key);
      if (problem) dropped.push({ sentence, ...problem });
      else keep.push(sentence);
    }
    kept.push(...keep);
    if (keep.length > 0) out.push(keep.join(' '));
  });
  // Paragraphs beyond the shape are cut, not counted against the model's truthfulness.
  const untrue = dropped.filter((entry) => entry.reason !== 'extra-paragraph').length;
  if (untrue * 3 > total) return { kept, dropped, fallback: 'too-many-dropped' };
  const length = out.join(' ').length;
  const templateLength = facts.template.join(' ').length;
  if (kept.length < MIN_SENTENCES[facts.kind] || (facts.kind === 'lead' && out.length < 2) || length * 2 < templateLength) {
    return { kept, dropped, fallback: 'too-little' };
  }
  return { paragraphs: out, kept, dropped };
}
