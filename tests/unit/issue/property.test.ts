import { afterEach, describe, expect, it, vi } from 'vitest';
import { composeIssue } from '@/lib/issue/compose';
import type { IssueInputs } from '@/lib/issue/inputs';
import { issueToMarkdown } from '@/lib/issue/markdown';
import type { Issue } from '@/lib/shared/issue-types';
import { FILTER_MODES, METRIC_MODES, SHAPES, SIZES, SOURCE_MODES, TEXT_MODES, TIME_ZONES, randomHistory, type RandomHistory } from '../../support/random-history';

/**
 * Issue #7, item 6: "Text that never breaks". Over a few hundred random
 * histories (tests/support/random-history.ts), no text of the issue — every
 * string field, walked recursively, and its Markdown — shows a broken
 * template: NaN, Infinity, undefined, null, [object Object], an empty
 * sentence or headline, doubled spaces, a space before punctuation, a
 * sentence of the issue's own that starts in lower case or with a digit, a
 * wrong "a"/"an", a split surrogate pair, or a text over its field's budget.
 * Composing is deterministic and does not depend on the machine's locale or
 * time zone. Every failure is reported with its seed, field and text.
 */

const SEED = Number(process.env.ISSUE_PROPERTY_SEED ?? 20_261_128);
const HISTORIES = Number(process.env.ISSUE_PROPERTY_COUNT ?? 240);

/** Budgets, in characters (code points): a headline, a description snippet (140 + the ellipsis), a paper's summary (220 + 1). */
const HEADLINE_BUDGET = 120;
const SNIPPET_BUDGET = 141;
const SUMMARY_BUDGET = 221;
/** No text of the issue is longer than this, whatever it is (a paragraph quoting a 500-character description is broken). */
const ANY_TEXT_BUDGET = 1_000;

// ---------- the histories, generated once ----------

let cached: RandomHistory[] | undefined;
function histories(): RandomHistory[] {
  cached ??= Array.from({ length: HISTORIES }, (_, index) => randomHistory(SEED + index));
  return cached;
}

function describeProfile(history: RandomHistory): string {
  const p = history.profile;
  return `seed ${p.seed} (${p.size} items, ${p.shape}, metrics ${p.metrics}, text ${p.text}, sources ${p.sources}, filters ${p.filters}, ${p.timeZone}${p.clockSkew ? ', clock skew' : ''})`;
}

// ---------- walking the issue ----------

interface Text {
  path: string;
  value: string;
}

function strings(value: unknown, path: string, out: Text[]): Text[] {
  if (typeof value === 'string') out.push({ path, value });
  else if (Array.isArray(value)) value.forEach((entry, index) => strings(entry, `${path}[${index}]`, out));
  else if (value !== null && typeof value === 'object') for (const [key, entry] of Object.entries(value)) strings(entry, path ? `${path}.${key}` : key, out);
  return out;
}

/** Numbers anywhere in the issue: each one finite. */
function numbers(value: unknown, path: string, out: { path: string; value: number }[]): typeof out {
  if (typeof value === 'number') out.push({ path, value });
  else if (Array.isArray(value)) value.forEach((entry, index) => numbers(entry, `${path}[${index}]`, out));
  else if (value !== null && typeof value === 'object') for (const [key, entry] of Object.entries(value)) numbers(entry, path ? `${path}.${key}` : key, out);
  return out;
}

/** Text the issue wrote itself, in sentences: stories, and a tool's description when the item had none. */
const OWN_SENTENCES = /^(?:lead|analysis\[\d+\])\.(?:headline|standfirst|paragraphs\[\d+\])$/;
const HEADLINE = /^(?:lead|analysis\[\d+\])\.headline$/;
const KICKER = /^(?:lead|analysis\[\d+\])\.kicker$/;
const TOOL_DESCRIPTION = /^tools\[\d+\]\.description$/;
const ENTRY_DESCRIPTION = /^trending\.\w+\[\d+\]\.description$/;
const SUMMARY = /^reading\[\d+\]\.summary$/;
const FIGURE = /^tools\[\d+\]\.figure$|\.printed\[\d+\]$/;
/** Fields that are ids or links, not text a reader reads. */
const NOT_PROSE = /(?:\.timeZone|\.url|\.codeUrl|\.itemId|\.itemIds\[\d+\]|\.sourceId|\.arxivId|\.kind|\.metric|\.sparklineOf|\.field)$/;

// ---------- the checks ----------

interface Failure {
  seed: number;
  kind: string;
  field: string;
  text: string;
  size: number;
}

const BROKEN_TOKEN = /\bNaN\b|\bInfinity\b|\bundefined\b|\bnull\b|\[object Object\]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const SPACE_BEFORE_PUNCTUATION = /\s[.,;:!?](?=\s|$|[”"')\]])/u;
const DOUBLED_PUNCTUATION = /[,;:]\.(?!\.)/;
const EXPONENT = /\d(?:\.\d+)?e[+-]\d/i;
const CONTENT = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;
/** A grouped number in another locale's style: "1.234", "1 234", "1'234" (English writes "1,234"). */
const FOREIGN_GROUPING = /(?<![\p{L}\p{N}.])\d{1,3}(?:[.\u00A0\u202F '’]\d{3})+(?![\p{L}\p{N}])/u;

const length = (text: string) => [...text].length;

/** Remote text (quoted descriptions) replaced by a placeholder, so that only the issue's own words are read. */
function withoutQuotes(text: string): string {
  return text.replace(/“[^”]*”/g, '“Q”');
}

/** Sentences of a text, not cut after "No." (No. 3, its space a normal or a non-breaking one) or "et al.". */
function sentencesOf(text: string): string[] {
  const guarded = withoutQuotes(text).replace(/\bNo\.([ \u00a0])/g, 'No\uE000$1').replace(/\bet al\. /g, 'et al\uE000 ');
  return guarded
    // Not after "…": the issue clips a long name with one, mid-sentence.
    .split(/(?<=[.!?])\s+(?=\S)/u)
    .map((sentence) => sentence.replace(/\uE000/g, '.'));
}

function firstToken(text: string): string {
  return (text.split(/\s/)[0] ?? '').replace(/^[“"'‘([*]+/, '').replace(/[,:;.!?…”"')\]]+$/, '');
}

/** True when a sentence starts with remote text (a name, a task, a language…), which keeps its own case. */
function startsRemote(token: string, history: RandomHistory): boolean {
  if (token === '' || /^[\d,.%+-]+$/.test(token)) return false;
  if (history.remoteWords.has(token)) return true;
  if (token.length >= 3) for (const word of history.remoteWords) if (word.includes(token)) return true;
  return history.remoteDescriptions.some((description) => description.startsWith(token));
}

/**
 * "a" or "an" by the sound of the word that follows, written here by hand
 * (not with the code under test): acronyms by their first letter's name
 * ("an LLM", "an MLX build", "a GGUF"), numbers by how they are read ("an
 * 8", "an 11", "an 18", "an 80"), the usual exceptions ("a unique", "a
 * user", "a European", "a one", "an hour", "an honest"). Undefined: cannot
 * tell (not a Latin word), not checked.
 */
const LETTER_NAME_VOWEL = new Set([...'AEFHILMNORSX']);
const WORD_ACRONYMS: Record<string, 'a' | 'an'> = { NASA: 'a', UNESCO: 'a', GIF: 'a', JPEG: 'a', NATO: 'a', ONNX: 'an', UNIX: 'a' };

function expectedArticle(word: string): 'a' | 'an' | undefined {
  const stripped = word.replace(/^[^\p{L}\p{N}]+/u, '');
  const first = /^[A-Za-z0-9]+/.exec(stripped)?.[0];
  if (!first || !/^[A-Za-z0-9]/.test(stripped)) return undefined;
  if (/^\d/.test(first)) {
    const digits = stripped.replace(/,/g, '').match(/^\d+/)![0];
    if (digits.startsWith('8')) return 'an';
    // 11, 18, 11,000, 18,000, 11 million…: "eleven", "eighteen".
    if ((digits.startsWith('11') || digits.startsWith('18')) && digits.length % 3 === 2) return 'an';
    return 'a';
  }
  const upper = first.toUpperCase();
  if (WORD_ACRONYMS[upper] && first === upper) return WORD_ACRONYMS[upper];
  // Acronyms, read letter by letter: "LLM", "MLX", "GPUs", "FP8", "E5" (not "OCaml", read as a word).
  if (/^(?:[A-Z]{2,}\d*s?|[A-Z]\d+[A-Za-z0-9]*)$/.test(first)) return LETTER_NAME_VOWEL.has(first[0]!) ? 'an' : 'a';
  if (first.length === 1) return LETTER_NAME_VOWEL.has(first.toUpperCase()) ? 'an' : 'a';
  const lower = first.toLowerCase();
  if (/^(?:hour|honest|honou?r|heir)/.test(lower)) return 'an';
  if (/^(?:uni(?!n)|use|usu|uti|ura|ure|uro|eu|ewe|one(?![a-z])|once|ubiq|uka|ukr)/.test(lower)) return 'a';
  return /^[aeiou]/.test(lower) ? 'an' : 'a';
}

const ARTICLE = /(?<![\p{L}\p{N}'’\\/._-])(a|an|A|An)\s+(\S+)/gu;

function articleFailures(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(ARTICLE)) {
    const expected = expectedArticle(match[2]!);
    if (expected && expected !== match[1]!.toLowerCase()) found.push(`${match[1]} ${match[2]}`);
  }
  return found;
}

/** A tool whose item has a description shows a snippet of it: remote text, which keeps its own case. */
function quotesRemote(history: RandomHistory, issue: Issue, path: string): boolean {
  const index = /^tools\[(\d+)\]/.exec(path)?.[1];
  const tool = index === undefined ? undefined : issue.tools[Number(index)];
  if (!tool) return false;
  const window = history.inputs.windows[tool.sourceId];
  const item = window ? [...window.items.values()].find((candidate) => candidate.itemId === tool.itemId) : undefined;
  return item?.description !== undefined && item.description.trim() !== '';
}

/**
 * Template slips in the issue's own words: "1 models", "+0 likes a day",
 * "112%", "since since", "….", "( )".
 */
const PLURAL_AFTER_ONE = /(?<![\d,.]|No\. )\b1 (?:models|places|stars|likes|repositories|entries|papers|upvotes|days|downloads|forks|authors|spaces|datasets)\b/;
const ZERO_FIGURE = /(?:^|\s)[+-]0(?![\d.,])|\+-/;
const DOUBLED_WORD = /\b(the|a|an|of|to|in|on|and|since|is|are|for|with|by|at|from) \1\b/i;
const ELLIPSIS_STOP = /…\.(?!\.)/;
const EMPTY_BRACKETS = /\(\s*\)|\(\s|\s\)/;

function grammarFailures(text: string): string[] {
  const kinds: string[] = [];
  if (PLURAL_AFTER_ONE.test(text)) kinds.push('plural after 1');
  if (ZERO_FIGURE.test(text)) kinds.push('a signed zero figure (+0, -0, +-)');
  if (DOUBLED_WORD.test(text)) kinds.push('doubled word');
  if (ELLIPSIS_STOP.test(text)) kinds.push('full stop after an ellipsis');
  if (EMPTY_BRACKETS.test(text)) kinds.push('empty or spaced brackets');
  for (const match of text.matchAll(/(-?[\d,.]+)%/g)) {
    const percent = Number(match[1]!.replace(/,/g, ''));
    if (!(percent >= 0 && percent <= 100)) kinds.push('impossible percentage');
  }
  return kinds;
}

/** Every failure of one issue (and its Markdown) composed from `history`. */
function checkIssue(history: RandomHistory, issue: Issue, markdown: string): Failure[] {
  const failures: Failure[] = [];
  const seed = history.profile.seed;
  const fail = (kind: string, field: string, text: string) => failures.push({ seed, kind, field, text, size: history.profile.size });

  for (const { path, value } of numbers(issue, '', [])) {
    if (!Number.isFinite(value)) fail('non-finite number', path, String(value));
    else if (Math.abs(value) > Number.MAX_SAFE_INTEGER) fail('number beyond Number.MAX_SAFE_INTEGER (not exact)', path, String(value));
  }

  for (const { path, value } of strings(issue, '', [])) {
    const prose = !NOT_PROSE.test(path);
    if (BROKEN_TOKEN.test(value)) fail('NaN/Infinity/undefined/null/[object Object]', path, value);
    if (LONE_SURROGATE.test(value)) fail('split surrogate pair', path, value);
    if (/^\p{M}/u.test(value)) fail('starts with a combining mark (a character was split)', path, value);
    if (value.trim() === '') fail('empty text', path, JSON.stringify(value));
    else if (prose && value !== value.trim()) fail('leading or trailing space', path, JSON.stringify(value));
    if (/ {2}/.test(value)) fail('doubled spaces', path, value);
    if (prose && SPACE_BEFORE_PUNCTUATION.test(value)) fail('space before punctuation', path, value);
    if (prose && DOUBLED_PUNCTUATION.test(value)) fail('full stop after a comma, colon or semicolon', path, value);
    if (prose && EXPONENT.test(value)) fail('number in exponent notation', path, value);
    if (length(value) > ANY_TEXT_BUDGET) fail(`text over ${ANY_TEXT_BUDGET} characters`, path, `${length(value)} characters: ${value.slice(0, 80)}…`);

    if (HEADLINE.test(path) && length(value) > HEADLINE_BUDGET) fail(`headline over ${HEADLINE_BUDGET} characters`, path, `${length(value)}: ${value}`);
    if ((TOOL_DESCRIPTION.test(path) || ENTRY_DESCRIPTION.test(path)) && length(value) > SNIPPET_BUDGET) fail(`description snippet over ${SNIPPET_BUDGET} characters`, path, `${length(value)}: ${value}`);
    if (SUMMARY.test(path) && length(value) > SUMMARY_BUDGET) fail(`summary over ${SUMMARY_BUDGET} characters`, path, `${length(value)}: ${value}`);
    if (KICKER.test(path) && !/^\p{Lu}/u.test(value)) fail('kicker does not start with a capital', path, JSON.stringify(value));

    const own = OWN_SENTENCES.test(path);
    const snippet = TOOL_DESCRIPTION.test(path) || ENTRY_DESCRIPTION.test(path) || SUMMARY.test(path);
    if (own || snippet) {
      for (const sentence of sentencesOf(value)) if (!CONTENT.test(sentence.replace(/“Q”/g, ''))) fail('empty sentence', path, value);
      for (const quoted of value.matchAll(/“([^”]*)”/g)) {
        if (!CONTENT.test(quoted[1]!)) fail('empty quotation', path, value);
        if (length(quoted[1]!) > SNIPPET_BUDGET) fail(`quoted description over ${SNIPPET_BUDGET} characters`, path, `${length(quoted[1]!)}: ${quoted[1]!.slice(0, 60)}…`);
      }
    }
    // The issue's own sentences start with a capital; a sentence may start with a name, a task or a language as the source spells it.
    const ownToolText = TOOL_DESCRIPTION.test(path) && !quotesRemote(history, issue, path);
    if (own || ownToolText) {
      for (const sentence of sentencesOf(value)) {
        const token = firstToken(sentence);
        const start = sentence.replace(/^[“"'‘([]+/, '');
        if (/^[\p{Ll}\p{N}]/u.test(start) && !startsRemote(token, history)) fail('sentence starts with a lower-case letter or a digit', path, sentence);
      }
    }
    if (own || FIGURE.test(path) || ownToolText) {
      for (const wrong of articleFailures(withoutQuotes(value))) fail('wrong article', path, `“${wrong}” in: ${value}`);
      if (FOREIGN_GROUPING.test(withoutQuotes(value))) fail('number grouped in another locale’s style', path, value);
      for (const kind of grammarFailures(withoutQuotes(value))) fail(kind, path, value);
    }
  }

  // The Markdown, line by line.
  markdown.split('\n').forEach((line, index) => {
    const field = `markdown line ${index + 1}`;
    const plain = line.replace(/\\(.)/g, '$1');
    if (BROKEN_TOKEN.test(plain)) fail('NaN/Infinity/undefined/null/[object Object]', field, line);
    if (LONE_SURROGATE.test(line)) fail('split surrogate pair', field, line);
    if (/\S {2,}\S/.test(line)) fail('doubled spaces', field, line);
    if (SPACE_BEFORE_PUNCTUATION.test(plain.replace(/ — /g, ' '))) fail('space before punctuation', field, line);
    if (DOUBLED_PUNCTUATION.test(plain)) fail('full stop after a comma, colon or semicolon', field, line);
    if (PLURAL_AFTER_ONE.test(plain.replace(/\[[^\]]*\]\([^)]*\)/g, '[link]'))) fail('plural after 1', field, line);
    if (ZERO_FIGURE.test(plain)) fail('a signed zero figure (+0, -0, +-)', field, line);
    if (/^#+(?:\s+[^:]*:)?\s*$/.test(line)) fail('empty headline', field, line);
    if (/^- \s*$/.test(line) || / — (?: —|$)/.test(line)) fail('empty list item or part', field, line);
    if (/^## /.test(line)) {
      const heading = plain.slice(3).replace(/^(?:Deep Dive|Opinion & Analysis|By the Numbers|Lead): /, '');
      if (length(heading) > HEADLINE_BUDGET && !/^(?:Tools of the Week|Trending|Biggest Movers This Week|\w+ Reading)$/.test(heading)) fail(`headline over ${HEADLINE_BUDGET} characters`, field, `${length(heading)}: ${heading}`);
    }
    for (const wrong of articleFailures(withoutQuotes(plain))) fail('wrong article', field, `“${wrong}” in: ${line}`);
  });
  return failures;
}

// ---------- reporting ----------

function clip(text: string, max = 160): string {
  return length(text) > max ? `${[...text].slice(0, max).join('')}…` : text;
}

/** One line a failing history (its first failure), and per kind of failure the count and a minimal example. */
function report(failures: Failure[], checked: number): string {
  if (failures.length === 0) return '';
  const byKind = new Map<string, Failure[]>();
  for (const failure of failures) byKind.set(failure.kind, [...(byKind.get(failure.kind) ?? []), failure]);
  const lines = [`${failures.length} failures in ${new Set(failures.map((f) => f.seed)).size} of ${checked} histories (seed ${SEED}; ISSUE_PROPERTY_SEED=<seed> ISSUE_PROPERTY_COUNT=1 reruns one)`, ''];
  lines.push('By kind, with a minimal example (smallest history, shortest text):');
  for (const [kind, list] of [...byKind].sort((a, b) => b[1].length - a[1].length)) {
    const minimal = [...list].sort((a, b) => a.size - b.size || a.text.length - b.text.length)[0]!;
    lines.push(`- ${kind}: ${list.length} in ${new Set(list.map((f) => f.seed)).size} histories; e.g. seed ${minimal.seed}, ${minimal.field}: ${clip(minimal.text)}`);
  }
  lines.push('', 'Every failing history (its first failure, and how many more):');
  const bySeed = new Map<number, Failure[]>();
  for (const failure of failures) bySeed.set(failure.seed, [...(bySeed.get(failure.seed) ?? []), failure]);
  for (const [seed, list] of bySeed) {
    const first = list[0]!;
    lines.push(`- seed ${seed}: ${first.kind} at ${first.field}: ${clip(first.text, 120)}${list.length > 1 ? ` (+${list.length - 1} more: ${[...new Set(list.slice(1).map((f) => f.kind))].join(', ')})` : ''}`);
  }
  return lines.join('\n');
}

function compose(history: RandomHistory, seedFailures: Failure[]): { issue: Issue; markdown: string } | undefined {
  try {
    const issue = composeIssue(history.inputs);
    return { issue, markdown: issueToMarkdown(issue) };
  } catch (error) {
    seedFailures.push({ seed: history.profile.seed, kind: 'composeIssue or issueToMarkdown throws', field: '(issue)', text: String(error), size: history.profile.size });
    return undefined;
  }
}

/** Paths where two values differ (at most `limit`). */
function differences(a: unknown, b: unknown, path = '', out: string[] = [], limit = 5): string[] {
  if (out.length >= limit) return out;
  if (Object.is(a, b)) return out;
  if (a instanceof Map && b instanceof Map) return differences(Object.fromEntries(a), Object.fromEntries(b), path, out, limit);
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], Array.isArray(a) ? `${path}[${key}]` : path ? `${path}.${key}` : key, out, limit);
    }
    return out;
  }
  out.push(`${path || '(root)'}: ${clip(JSON.stringify(a) ?? 'undefined', 90)} ≠ ${clip(JSON.stringify(b) ?? 'undefined', 90)}`);
  return out;
}

// ---------- the tests ----------

describe('the issue’s text never breaks, over random histories', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  });

  it('covers the hostile corners', () => {
    const all = histories();
    const count = <T,>(pick: (history: RandomHistory) => T) => {
      const counts = new Map<T, number>();
      for (const history of all) counts.set(pick(history), (counts.get(pick(history)) ?? 0) + 1);
      return counts;
    };
    const sizes = count((h) => (SIZES.includes(h.profile.size as never) ? h.profile.size : 'random'));
    const coverage: [string, readonly unknown[], Map<unknown, number>][] = [
      ['size', SIZES, sizes],
      ['shape', SHAPES, count((h) => h.profile.shape)],
      ['metrics', METRIC_MODES, count((h) => h.profile.metrics)],
      ['text', TEXT_MODES, count((h) => h.profile.text)],
      ['sources', SOURCE_MODES, count((h) => h.profile.sources)],
      ['filters', FILTER_MODES, count((h) => h.profile.filters)],
      ['timeZone', TIME_ZONES, count((h) => h.profile.timeZone)],
      ['clockSkew', [true, false], count((h) => h.profile.clockSkew)],
    ];
    console.log(`issue property test: seed ${SEED}, ${all.length} histories; coverage ${coverage.map(([name, _values, counts]) => `${name} ${JSON.stringify(Object.fromEntries(counts))}`).join('; ')}`);
    const missing = coverage.flatMap(([name, values, counts]) => values.filter((value) => !counts.has(value)).map((value) => `${name}=${String(value)}`));
    expect(missing, 'corners no history stands in').toEqual([]);
    // The specific texts asked for are in the inputs.
    const allText = all.flatMap((h) => Object.values(h.inputs.windows).flatMap((w) => [...w!.items.values()]));
    expect(allText.some((item) => item.description !== undefined && /^[^\s!-~]{400,}$/.test(item.description)), 'a 500-character CJK description').toBe(true);
    expect(allText.some((item) => item.description !== undefined && /[\uD800-\uDBFF]/.test(item.description)), 'emoji').toBe(true);
    expect(allText.some((item) => item.description !== undefined && /\p{M}/u.test(item.description)), 'combining marks').toBe(true);
    expect(allText.some((item) => item.description !== undefined && item.description.trim() === ''), 'a whitespace-only description').toBe(true);
    expect(allText.some((item) => item.language === 'OCaml') && allText.some((item) => item.task === 'automatic-speech-recognition'), 'vowel languages and tasks').toBe(true);
    expect(allText.some((item) => !item.itemId.includes('/') && item.task === undefined && item.description === undefined), 'a bare item without owner').toBe(true);
    const metricsOf = all.flatMap((h) => Object.values(h.inputs.windows).flatMap((w) => w!.snapshots.flatMap((s) => Object.values(s.metrics).flat())));
    expect(metricsOf).toContain(Number.MAX_SAFE_INTEGER);
    expect(metricsOf).toContain(0);
    expect(all.some((h) => h.inputs.timeZone !== 'UTC')).toBe(true);
  }, 60_000);

  it('writes no broken text in any field or in the Markdown', () => {
    const cpu = process.cpuUsage();
    const all = histories();
    const failures: Failure[] = [];
    let composing = 0;
    let checking = 0;
    for (const history of all) {
      const started = performance.now();
      const composed = compose(history, failures);
      const checkedAt = performance.now();
      if (composed) failures.push(...checkIssue(history, composed.issue, composed.markdown));
      composing += checkedAt - started;
      checking += performance.now() - checkedAt;
    }
    const text = report(failures, all.length);
    const { user, system } = process.cpuUsage(cpu);
    console.log(
      `issue property test: seed ${SEED}, ${all.length} histories composed in ${Math.round(composing)} ms and checked in ${Math.round(checking)} ms (CPU ${Math.round((user + system) / 1000)} ms), ${failures.length} failures`,
    );
    if (text) console.log(text);
    expect(text, text).toBe('');
  }, 60_000);

  it('composes the same issue twice from the same inputs, and leaves the inputs as they were', () => {
    const problems: string[] = [];
    const json = (value: unknown) => JSON.stringify(value, (_key, entry: unknown) => (entry instanceof Map ? [...entry] : entry));
    for (const history of histories().filter((_, index) => index % 6 === 0)) {
      const before = json(history.inputs);
      let first: Issue, again: Issue;
      try {
        first = composeIssue(history.inputs);
        // A copy of the inputs (new Maps, new arrays): nothing may depend on identity or on an earlier call.
        again = composeIssue(structuredClone(history.inputs));
      } catch {
        continue; // reported by the test above
      }
      if (json(first) !== json(again)) problems.push(`${describeProfile(history)}: ${differences(first, again).join('; ')}`);
      if (json(history.inputs) !== before) problems.push(`${describeProfile(history)} mutates its inputs: ${differences(JSON.parse(before), JSON.parse(json(history.inputs))).join('; ')}`);
    }
    expect(problems.join('\n'), problems.join('\n')).toBe('');
  }, 60_000);

  /** What may differ between two time zones: the dateline, the words for a day, the daily sparklines. */
  const DAY_WORDS = /\b(?:since |over the last |on |last )?(?:earlier today|yesterday|today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|a week ago|[\d,]+ days(?: ago)?)\b/g;

  function sameButTheDay(a: Issue, b: Issue): string[] {
    const strip = (issue: Issue) => {
      const copy = structuredClone(issue) as Issue;
      copy.masthead.dateline = '';
      // The reading section is named for the day of publishing (issue #11).
      delete (copy as { readingHeading?: string }).readingHeading;
      delete (copy as { timeZone?: string }).timeZone;
      for (const mover of [...copy.movers.climbers, ...copy.movers.growth]) mover.sparkline = [];
      return JSON.parse(JSON.stringify(copy).replace(DAY_WORDS, '<day>')) as Issue;
    };
    return differences(strip(a), strip(b));
  }

  it('under another time zone changes only what depends on the day, and dates the issue in the time zone it is given', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const history of histories().filter((_, index) => index % 8 === 1)) {
      const zones = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'];
      let issues: Issue[];
      try {
        issues = zones.map((timeZone) => composeIssue({ ...history.inputs, timeZone }));
      } catch {
        continue;
      }
      checked++;
      issues.forEach((issue, index) => {
        const timeZone = zones[index]!;
        const diff = sameButTheDay(issues[0]!, issue);
        if (diff.length > 0) problems.push(`seed ${history.profile.seed}, UTC vs ${timeZone}: ${diff.join('; ')}`);
        const weekday = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long' }).format(history.inputs.now);
        const day = new Intl.DateTimeFormat('en-US', { timeZone, day: 'numeric' }).format(history.inputs.now);
        const month = new Intl.DateTimeFormat('en-US', { timeZone, month: 'long' }).format(history.inputs.now);
        const { dateline } = issue.masthead;
        if (!dateline.includes(weekday) || !dateline.includes(month) || !new RegExp(`\\b${day}\\b`).test(dateline)) {
          problems.push(`seed ${history.profile.seed}, masthead.dateline under ${timeZone}: "${dateline}", the day there is ${weekday}, ${month} ${day}`);
        }
      });
    }
    console.log(`issue property test: ${checked} histories composed under three time zones`);
    expect(problems.slice(0, 20).join('\n'), `${problems.length} problems:\n${problems.slice(0, 20).join('\n')}`).toBe('');
  }, 60_000);

  it('does not depend on the machine’s time zone or locale (numbers are written 1,234)', async () => {
    const sample = histories().filter((history, index) => index % 12 === 2 && history.profile.size >= 2);
    const composeAll = (fn: (inputs: IssueInputs) => Issue) =>
      sample.map((history) => {
        try {
          return fn(history.inputs);
        } catch (error) {
          return String(error);
        }
      });
    const problems: string[] = [];

    // The machine's time zone: Node reads TZ again when it changes.
    vi.stubEnv('TZ', 'UTC');
    const inUtc = composeAll(composeIssue);
    vi.stubEnv('TZ', 'Asia/Kathmandu');
    const inKathmandu = composeAll(composeIssue);
    vi.unstubAllEnvs();
    sample.forEach((history, index) => {
      const diff = differences(inUtc[index], inKathmandu[index]);
      if (diff.length > 0) problems.push(`seed ${history.profile.seed}, machine TZ UTC vs Asia/Kathmandu: ${diff.join('; ')}`);
    });

    // The machine's locale: German by default, imported afresh so that formats made at import time see it.
    const RealNumberFormat = Intl.NumberFormat;
    const RealDateTimeFormat = Intl.DateTimeFormat;
    const german = Object.create(Intl) as typeof Intl;
    Object.assign(german, {
      NumberFormat: function NumberFormat(locales?: string | string[], options?: Intl.NumberFormatOptions) {
        return new RealNumberFormat(locales ?? 'de-DE', options);
      },
      DateTimeFormat: function DateTimeFormat(locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
        return new RealDateTimeFormat(locales ?? 'de-DE', options);
      },
    });
    const toLocaleString = Number.prototype.toLocaleString;
    vi.spyOn(Number.prototype, 'toLocaleString').mockImplementation(function (this: number, locales?: Intl.LocalesArgument, options?: Intl.NumberFormatOptions) {
      return toLocaleString.call(this, locales ?? 'de-DE', options);
    });
    vi.stubGlobal('Intl', german);
    vi.resetModules();
    const fresh = (await import('@/lib/issue/compose')).composeIssue;
    const inGerman = composeAll(fresh);
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    vi.resetModules();
    sample.forEach((history, index) => {
      const diff = differences(inUtc[index], inGerman[index]);
      if (diff.length > 0) problems.push(`seed ${history.profile.seed}, machine locale en vs de-DE: ${diff.join('; ')}`);
    });
    console.log(`issue property test: ${sample.length} histories composed under two machine time zones and two machine locales`);
    expect(problems.slice(0, 20).join('\n'), `${problems.length} problems:\n${problems.slice(0, 20).join('\n')}`).toBe('');
  }, 60_000);
});

describe('the checker itself', () => {
  it('finds every kind of broken text in an issue broken by hand, with its field and text', () => {
    const history = histories().find((candidate) => candidate.profile.size === 30 && candidate.profile.sources === 'all')!;
    const issue = structuredClone(composeIssue(history.inputs));
    issue.masthead.tagline = 'Tagline [object Object]';
    issue.lead.headline = `Zebras ${'gallop '.repeat(20)}home`;
    issue.lead.standfirst = 'zebras take NaN% of the top 30 .';
    issue.lead.paragraphs = ['It is a OCaml model,  and an GPU one.', '5 entries build on it.', 'Its description reads: “…”.', 'Short,.', 'It climbed 1 places since since Monday, to 112% ( ) of…. It gained +0 likes a day.'];
    issue.analysis.push({ kicker: '', headline: '', paragraphs: ['.'], claims: [] });
    issue.trending.repositories.push({ sourceId: 'gh-search', itemId: 'x/y', rank: 1, name: 'x/y', url: 'https://github.com/x/y', description: `${'模'.repeat(300)}\uD83D`, metrics: {}, isNew: false });
    issue.reading.push({ arxivId: '2601.00001', title: 'T', url: 'https://huggingface.co/papers/2601.00001', authors: [], upvotes: Number.NaN, summary: 'x'.repeat(300) });
    const failures = checkIssue(history, issue, issueToMarkdown(issue));
    const kinds = [...new Set(failures.map((failure) => failure.kind))];
    expect(kinds).toEqual(
      expect.arrayContaining([
        'NaN/Infinity/undefined/null/[object Object]',
        `headline over ${HEADLINE_BUDGET} characters`,
        'sentence starts with a lower-case letter or a digit',
        'space before punctuation',
        'doubled spaces',
        'wrong article',
        'empty quotation',
        'empty sentence',
        'empty text',
        'kicker does not start with a capital',
        'split surrogate pair',
        `description snippet over ${SNIPPET_BUDGET} characters`,
        `summary over ${SUMMARY_BUDGET} characters`,
        'non-finite number',
        'full stop after a comma, colon or semicolon',
        'empty headline',
        'plural after 1',
        'doubled word',
        'impossible percentage',
        'empty or spaced brackets',
        'full stop after an ellipsis',
        'a signed zero figure (+0, -0, +-)',
      ]),
    );
    // Each failure names its seed, field and the offending text.
    expect(failures.find((failure) => failure.kind === 'wrong article')).toMatchObject({ seed: history.profile.seed, field: 'lead.paragraphs[0]', text: expect.stringContaining('a OCaml') });
    expect(failures.filter((failure) => failure.kind === 'wrong article').map((failure) => failure.text)).toEqual(expect.arrayContaining([expect.stringContaining('an GPU')]));
    expect(failures.find((failure) => failure.kind === 'sentence starts with a lower-case letter or a digit' && failure.field === 'lead.paragraphs[1]')?.text).toBe('5 entries build on it.');
    expect(report(failures, 1)).toContain(`seed ${history.profile.seed}`);
  });
});

describe('the article rule this test applies', () => {
  it.each([
    ['OCaml', 'an'],
    ['AI', 'an'],
    ['LLM', 'an'],
    ['MLX', 'an'],
    ['GGUF', 'a'],
    ['unique', 'a'],
    ['user', 'a'],
    ['European', 'a'],
    ['hour', 'an'],
    ['honest', 'an'],
    ['Elixir', 'an'],
    ['Objective-C', 'an'],
    ['image-classification', 'an'],
    ['automatic-speech-recognition', 'an'],
    ['Python', 'a'],
    ['8', 'an'],
    ['11', 'an'],
    ['18,000', 'an'],
    ['1,800', 'a'],
    ['12', 'a'],
    ['“open', 'an'],
    ['Gradio', 'a'],
    ['uninstalled', 'an'],
    ['one', 'a'],
    ['E5', 'an'],
    ['GPU', 'a'],
  ] as const)('%s takes "%s"', (word, article) => {
    expect(expectedArticle(word)).toBe(article);
  });
});
