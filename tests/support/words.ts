import { composeIssue } from '@/lib/issue/compose';
import type { IssueInputs } from '@/lib/issue/inputs';
import { issueToMarkdown } from '@/lib/issue/markdown';
import type { Claim, Issue, Story } from '@/lib/shared/issue-types';
import { asRead, checkIssue as oracleCheck } from './oracle/check';

/**
 * Issue #11, item 4: "Words that match the figures" — the rules, read on an
 * issue's own words (tests/unit/issue/words.test.ts runs them over many
 * composed issues; tests/unit/issue/tellers.test.ts over each story told):
 *
 * - most: "most" only over a count above half of its base;
 * - week: "this week" only over six days of history or more (GitHub's weekly
 *   page's own period, "stars this week", excepted);
 * - reading: the reading section named for the day the issue is published;
 * - ties: "the largest climb", "more than any other", "leads" only when no
 *   other ties (the oracle reads the lists);
 * - base: every "N of the M" and "P% of the M" over the base its claim counted,
 *   and every count's sentence names that base;
 * - period: every figure counted over a period names it ("30-day downloads",
 *   "stars today", "stars this week");
 * - repeat: no figure stated twice within a piece (a headline may announce one
 *   figure the body then tells);
 * - start: no sentence starts with a digit or a lower-case letter (a handle
 *   such as "z-lab/Qwen…" included).
 */

const DAY = 86_400_000;

export interface Composed {
  name: string;
  inputs: IssueInputs;
  issue: Issue;
  markdown: string;
  /** The AI/ML repositories the oracle knows, when it knows them (recorded and hand-made histories). */
  ai?: ReadonlySet<string>;
}

export interface Problem {
  rule: string;
  where: string;
  text: string;
}

/** An issue composed from `inputs` and read as a reader reads it, with its Markdown, for `wordProblems`. */
export function composed(name: string, inputs: IssueInputs, ai?: ReadonlySet<string>): Composed {
  // Read as a reader reads it: the non-breaking spaces that keep "No. 15" and "12.5K likes" together are spaces to the
  // rules (tests/unit/issue/lists.test.ts checks that they are there).
  const issue = asRead(composeIssue(inputs));
  return { name, inputs, issue, markdown: issueToMarkdown(issue).replaceAll('\u00a0', ' '), ...(ai ? { ai } : {}) };
}

// ---------- reading the text ----------

/** Remote text (quoted descriptions) replaced by a placeholder: only the issue's own words are read. */
const withoutQuotes = (text: string) => text.replace(/“[^”]*”/g, '“Q”');

/** Sentences of a text, not cut after "No." (No. 3) or "et al.". */
function sentencesOf(text: string): string[] {
  const guarded = withoutQuotes(text).replace(/\bNo\. /g, 'No\uE000 ').replace(/\bet al\. /g, 'et al\uE000 ');
  return guarded.split(/(?<=[.!?])\s+(?=\S)/u).map((sentence) => sentence.replace(/\uE000/g, '.'));
}

function storiesOf(issue: Issue): { where: string; story: Story }[] {
  return [
    { where: 'lead', story: issue.lead },
    ...issue.analysis.map((story, index) => ({ where: `analysis[${index}]`, story })),
    ...(issue.watch ? [{ where: 'watch', story: issue.watch }] : []),
  ];
}

const bodyOf = (story: Story) => [story.standfirst ?? '', ...story.paragraphs].filter(Boolean);
const allTextOf = (story: Story) => [story.headline, ...bodyOf(story)];

/** Does `text` hold `figure` as a number of its own (not inside a larger number, not a rank "No. 3")? */
function holds(text: string, figure: string): boolean {
  const escaped = figure.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\d,.]|No\\. )${escaped}(?!\\d|[,.]\\d|%)`).test(text);
}

export function weekdayOf(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone }).format(at);
}

/** The oldest list the issue could compare with: the start of its history. */
function historyStart(inputs: IssueInputs): number | undefined {
  const times = Object.values(inputs.windows).flatMap((window) => (window && inputs.enabled[window.sourceId] ? window.snapshots.map((snapshot) => snapshot.fetchedAt) : []));
  return times.length > 0 ? Math.min(...times) : undefined;
}

// ---------- the rules ----------

const MOST = /\bmost\b(?! (?:upvoted|liked|starred|popular|downloaded|recent))/i;

function checkMost(where: string, story: Story, out: Problem[]): void {
  for (const text of allTextOf(story).map(withoutQuotes)) {
    if (!MOST.test(text)) continue;
    const majority = story.claims.some((claim) => (claim.kind === 'count' && claim.count * 2 > claim.top) || (claim.kind === 'share' && claim.part * 2 > claim.whole));
    if (!majority) out.push({ rule: 'most', where, text });
  }
}

/** "this week" is GitHub's weekly page's own period when the sentence says so; else it needs six days of history. */
const GITHUB_WEEK = /\bstars? this week\b|\bGitHub\b[^.]*\bthis week\b|GitHub['’]s weekly/;

function checkWeek(composed: Composed, where: string, text: string, out: Problem[]): void {
  const start = historyStart(composed.inputs);
  const span = start === undefined ? 0 : composed.issue.publishedAt - start;
  for (const sentence of sentencesOf(text)) {
    if (!/this week/i.test(sentence) || GITHUB_WEEK.test(sentence)) continue;
    if (span < 6 * DAY) out.push({ rule: 'week', where, text: `${sentence} (history ${(span / DAY).toFixed(1)} days)` });
  }
}

function checkMoversHeading(composed: Composed, out: Problem[]): void {
  const { heading, sinceAt } = composed.issue.movers;
  if (!heading || !/this week/i.test(heading)) return;
  if (sinceAt === undefined || composed.issue.publishedAt - sinceAt < 6 * DAY) out.push({ rule: 'week', where: 'movers.heading', text: `${heading} (compared with ${sinceAt === undefined ? 'nothing' : `${((composed.issue.publishedAt - sinceAt) / DAY).toFixed(1)} days back`})` });
}

/** The reading section's name, by the day of publishing in the issue's time zone. */
export function expectedReading(at: number, timeZone: string): string {
  const day = weekdayOf(at, timeZone);
  return day === 'Saturday' || day === 'Sunday' ? 'Weekend Reading' : `${day} Reading`;
}

function checkReading(composed: Composed, out: Problem[]): void {
  const { issue, markdown } = composed;
  const expected = expectedReading(issue.publishedAt, issue.timeZone ?? 'UTC');
  if (issue.readingHeading !== expected) out.push({ rule: 'reading', where: 'readingHeading', text: `${String(issue.readingHeading)} on a ${weekdayOf(issue.publishedAt, issue.timeZone ?? 'UTC')} (expected ${expected})` });
  for (const line of markdown.split('\n')) {
    if (/^## .*Reading$/.test(line) && line !== `## ${expected}`) out.push({ rule: 'reading', where: 'markdown', text: `${line} (expected ## ${expected})` });
  }
}

/** Ties: the oracle reads the lists behind "the largest climb", "more than any other" and the leaders. */
function checkTies(composed: Composed, out: Problem[]): void {
  const verdict = oracleCheck(composed.issue, composed.inputs, { aiRepositories: composed.ai ?? new Set() });
  for (const problem of verdict.problems) {
    // The oracle reads names of letters, digits and dots; a random history's emoji name is beyond it, not a tie.
    const unread = !composed.ai && /a sentence the oracle cannot read/.test(problem);
    if (!unread && (/largest climb|more than any other/.test(problem) || (composed.ai && /among the three largest/.test(problem)))) out.push({ rule: 'ties', where: 'oracle', text: problem });
  }
  for (const { where, story } of storiesOf(composed.issue)) {
    // "Python leads": strictly more than every other count the piece gives of the same field.
    const lead = /^(\S+) leads\b/.exec(story.headline);
    if (!lead) continue;
    const counts = story.claims.filter((claim): claim is Extract<Claim, { kind: 'count' }> => claim.kind === 'count');
    const mine = counts.find((claim) => claim.value === lead[1]);
    if (mine && counts.some((claim) => claim !== mine && claim.field === mine.field && claim.count >= mine.count)) out.push({ rule: 'ties', where, text: story.headline });
  }
}

function checkBase(where: string, story: Story, out: Problem[]): void {
  // A count and its base: the count claims', and the stories' counts over a list (issue #11), each printed as [count, base, …].
  const counts = story.claims
    .filter((claim) => ['count', 'owner-count', 'derivative-share', 'theme-count', 'derivatives'].includes(claim.kind))
    .map((claim) => ({ printed: claim.printed, top: claim.printed[1]!, field: claim.kind === 'count' ? claim.field : claim.kind, value: claim.kind === 'count' ? claim.value : '' }));
  const shares = story.claims.filter((claim): claim is Extract<Claim, { kind: 'share' }> => claim.kind === 'share');
  const sentences = allTextOf(story).flatMap(sentencesOf);
  for (const sentence of sentences) {
    for (const match of sentence.matchAll(/(?<![\d,.]|No\. )([\d,]+) of the (?:top |whole top )?([\d,]+)(?![\d,])/g)) {
      const [n, m] = [match[1]!, match[2]!];
      if (!counts.some((claim) => claim.printed[0] === n && claim.top === m)) out.push({ rule: 'base', where, text: `“${match[0]}” is no count over that base: ${sentence}` });
    }
    for (const match of sentence.matchAll(/([\d,]+)% of the ([\d,]+)/g)) {
      if (!shares.some((claim) => String(claim.percent) === match[1] && claim.printed.includes(match[2]!))) out.push({ rule: 'base', where, text: `“${match[0]}” is no share of that whole: ${sentence}` });
    }
  }
  // Every count is said in a sentence that names its base ("of the top 30", "the 15 repositories", "in the list").
  for (const claim of counts) {
    const saying = sentences.filter((sentence) => holds(sentence, claim.printed[0]!));
    if (saying.length === 0) continue;
    if (!saying.some((sentence) => holds(sentence, claim.top) || /\bthe list\b|\bas many\b/.test(sentence))) {
      out.push({ rule: 'base', where, text: `${claim.printed[0]} (${claim.field} ${claim.value}, of ${claim.top}) in a sentence that names no base: ${saying[0]}` });
    }
  }
}

/** Figures counted over a period name it: HF downloads are 30-day; trending stars are today's or this week's. */
function checkPeriodText(where: string, text: string, out: Problem[]): void {
  const plain = withoutQuotes(text);
  for (const match of plain.matchAll(/(?:^|[^\w-])([\d,]+ (?:downloads?))\b/g)) out.push({ rule: 'period', where, text: `“${match[1]}” without its period: ${plain}` });
}

function checkPeriodClaims(where: string, story: Story, out: Problem[]): void {
  const text = allTextOf(story).map(withoutQuotes).join(' ');
  for (const claim of story.claims) {
    if (claim.kind !== 'metric' || claim.metric !== 'starsInPeriod') continue;
    const figure = claim.printed[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (!new RegExp(`${figure} (?:stars? (?:today|this week)|of them)`).test(text)) out.push({ rule: 'period', where, text: `${claim.printed[0]} stars without “today” or “this week”: ${text}` });
  }
}

const identity = (claim: Claim) => JSON.stringify({ ...claim, printed: undefined });

function checkRepeat(where: string, story: Story, out: Problem[]): void {
  const seen = new Map<string, number>();
  for (const claim of story.claims) seen.set(identity(claim), (seen.get(identity(claim)) ?? 0) + 1);
  for (const claim of story.claims) {
    const times = seen.get(identity(claim))!;
    if (times === 0) continue;
    seen.set(identity(claim), 0);
    // The headline may announce one figure that the body then tells.
    const allowed = claim.printed.some((figure) => holds(story.headline, figure) || story.headline.includes(`No. ${figure}`)) ? 2 : 1;
    if (times > allowed) out.push({ rule: 'repeat', where, text: `${claim.kind} ${claim.printed.join('/')} stated ${times} times: ${bodyOf(story).join(' ')}` });
  }
  // The same statement of a count twice in the body: "12 of the top 30" then "for 12 of the top 30".
  const body = bodyOf(story).join(' ');
  const phrases = [...body.matchAll(/(\p{L}[\p{L}-]*) (?:\p{L}+ ){0,3}([\d,]+ of the (?:top )?[\d,]+)/gu)].map((match) => `${match[1]!.toLowerCase()} … ${match[2]}`);
  const twice = phrases.filter((phrase, index) => phrases.indexOf(phrase) !== index);
  if (twice.length > 0) out.push({ rule: 'repeat', where, text: `“${twice[0]}” twice: ${body}` });
}

function checkStarts(where: string, story: Story, out: Problem[]): void {
  for (const [index, text] of allTextOf(story).entries()) {
    const sentences = index === 0 ? [withoutQuotes(text)] : sentencesOf(text);
    for (const sentence of sentences) {
      const start = sentence.replace(/^[“"'‘([*]+/, '');
      if (/^[\p{Ll}\p{N}]/u.test(start)) out.push({ rule: 'start', where, text: sentence });
    }
  }
}

export function wordProblems(composed: Composed): Problem[] {
  const out: Problem[] = [];
  const { issue } = composed;
  for (const { where, story } of storiesOf(issue)) {
    checkMost(where, story, out);
    for (const text of allTextOf(story)) checkWeek(composed, where, text, out);
    checkBase(where, story, out);
    for (const text of allTextOf(story)) checkPeriodText(where, text, out);
    checkPeriodClaims(where, story, out);
    checkRepeat(where, story, out);
    checkStarts(where, story, out);
  }
  checkMoversHeading(composed, out);
  issue.tools.forEach((tool, index) => {
    checkWeek(composed, `tools[${index}].figure`, tool.figure, out);
    checkPeriodText(`tools[${index}].figure`, tool.figure, out);
  });
  for (const line of composed.markdown.split('\n')) checkPeriodText('markdown', line, out);
  checkReading(composed, out);
  checkTies(composed, out);
  return out;
}
