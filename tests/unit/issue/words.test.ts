import { beforeAll, describe, expect, it } from 'vitest';
import { composeIssue } from '@/lib/issue/compose';
import { factsOf } from '@/lib/issue/facts';
import { frontPage } from '@/lib/issue/front-page';
import { issueToMarkdown } from '@/lib/issue/markdown';
import type { Claim, Issue } from '@/lib/shared/issue-types';
import { weekInputs } from '../../support/memory-history';
import { S1_DAY, S1_LATEST, S1_NOW, github, s1, ties, twoLists } from '../../support/oracle/histories';
import { AI_REPOSITORIES } from '../../support/oracle/recorded-tables';
import { randomHistory } from '../../support/random-history';
import { composed, weekdayOf, wordProblems, type Composed, type Problem } from '../../support/words';

/**
 * Issue #11, item 4: "Words that match the figures". Over many composed
 * issues — the recordings over 1 to 14 days, starting on each weekday, in
 * three time zones; a few hundred random histories (ties, small lists, one
 * snapshot, gaps); the oracle's hand-made histories — every rule of the item
 * is checked on the issue's own words:
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
 *
 * Each rule has a planted violation below, which the checks must report.
 */

const DAY = 86_400_000;
const RANDOM = Number(process.env.ISSUE_WORDS_COUNT ?? 240);
const SEED = 20_261_129;

// ---------- the corpus ----------

/** Monday 16 November 2026 06:00 UTC, and the six days after: a start on each weekday. */
const MONDAY = Date.UTC(2026, 10, 16, 6, 0);
const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo'];

let corpusCache: Composed[] | undefined;
function corpus(): Composed[] {
  if (corpusCache) return corpusCache;
  const all: Composed[] = [];
  for (let days = 1; days <= 14; days++) {
    for (let weekday = 0; weekday < 7; weekday++) {
      const zone = ZONES[(days + weekday) % ZONES.length]!;
      all.push(composed(`recorded, ${days} days from ${new Date(MONDAY + weekday * DAY).toUTCString().slice(0, 3)}, ${zone}`, weekInputs(MONDAY + weekday * DAY, days, zone), AI_REPOSITORIES));
    }
  }
  all.push(composed('hand: s1', s1(), new Set()));
  all.push(composed('hand: s1 Tokyo', s1('Asia/Tokyo'), new Set()));
  all.push(composed('hand: ties', ties(), new Set()));
  // A watchlist: the watch piece's sentences are read too (an entry, a climb and a departure).
  all.push(composed('hand: s1 watching', { ...s1(), watchlist: ['golf/Nova-Embed', 'india/Orbit-1B', 'beta/Llama4-8B-GGUF'].map((id) => ({ kind: 'model' as const, id })) }, new Set()));
  all.push(composed('hand: github watching', { ...github(), watchlist: [{ kind: 'repo', id: 'octo/agent' }] }, new Set(['lab/llm-router', 'lab/vision-tools', 'kit/agent-shell', 'big/deep-learning-course', 'web/chatbot-ui', 'rs/llm-infer'])));
  all.push(composed('hand: github', github(), new Set(['lab/llm-router', 'lab/vision-tools', 'kit/agent-shell', 'big/deep-learning-course', 'web/chatbot-ui', 'rs/llm-infer'])));
  for (const [baseline, zone] of [[S1_DAY, 'UTC'], [S1_LATEST - 3 * DAY, 'Europe/Paris'], [S1_LATEST - 7 * DAY, 'UTC'], [S1_LATEST - 10 * DAY, 'Asia/Kolkata']] as const) {
    all.push(composed(`hand: two lists ${(S1_LATEST - baseline) / DAY} days apart, ${zone}`, twoLists(baseline, S1_LATEST, S1_NOW, zone), new Set()));
  }
  for (let index = 0; index < RANDOM; index++) {
    const history = randomHistory(SEED + index);
    all.push(composed(`random seed ${SEED + index} (${history.profile.size} items, ${history.profile.shape}, ${history.profile.metrics})`, history.inputs));
  }
  corpusCache = all;
  return all;
}

const RULES = ['most', 'week', 'reading', 'ties', 'base', 'period', 'repeat', 'start'] as const;

function summary(problems: (Problem & { issue: string })[]): string {
  const lines: string[] = [];
  for (const rule of RULES) {
    const mine = problems.filter((problem) => problem.rule === rule);
    if (mine.length === 0) continue;
    lines.push(`- ${rule}: ${mine.length} in ${new Set(mine.map((p) => p.issue)).size} issues; e.g. ${mine[0]!.issue}, ${mine[0]!.where}: ${mine[0]!.text.slice(0, 240)}`);
  }
  return lines.join('\n');
}

// ---------- the tests ----------

// Composing the corpus takes a few seconds: once, before any test, whichever runs first.
beforeAll(() => {
  corpus();
}, 120_000);

describe('words that match the figures, over many composed issues', () => {
  it('breaks no rule of issue #11 item 4', () => {
    const all = corpus();
    const problems = all.flatMap((composed) => wordProblems(composed).map((problem) => ({ ...problem, issue: composed.name })));
    const weekdays = new Set(all.map((c) => weekdayOf(c.issue.publishedAt, c.issue.timeZone ?? 'UTC')));
    const withStories = all.filter((c) => c.issue.analysis.length > 0).length;
    const watching = all.filter((c) => c.issue.watch !== undefined).length;
    expect(watching, 'issues with a watch piece').toBeGreaterThanOrEqual(1);
    console.info(
      `words: ${all.length} issues composed (${all.filter((c) => c.name.startsWith('recorded')).length} recorded, ${all.filter((c) => c.name.startsWith('hand')).length} hand-made, ${RANDOM} random), ` +
        `published on ${weekdays.size} weekdays, ${withStories} with analysis pieces, ${watching} with a watch piece; ${RULES.length} rules; ${problems.length} violations`,
    );
    // The stories the corpus tells (issue #11): their words are read by the same rules.
    const toldBy = all.map((c) => frontPage(factsOf(c.inputs)).told.map((story) => story.kind));
    const told = toldBy.flat();
    const kinds = [...new Set(told)].sort();
    console.info(`words: ${told.length} stories told in ${toldBy.filter((kinds) => kinds.length > 0).length} issues, of ${kinds.length} kinds (${kinds.join(', ')})`);
    expect(told.length, 'stories told in the corpus').toBeGreaterThan(0);
    const text = summary(problems);
    if (text) console.info(text);
    expect(text, text).toBe('');
    expect(weekdays.size).toBe(7);
  }, 120_000);

  it('names the reading section by the day of publishing (a hand-checked table)', () => {
    // 28 November 2026 is a Saturday.
    const table: [string, string, string][] = [
      ['2026-11-28T09:00:00Z', 'UTC', 'Weekend Reading'],
      ['2026-11-29T09:00:00Z', 'UTC', 'Weekend Reading'],
      ['2026-11-30T09:00:00Z', 'UTC', 'Monday Reading'],
      ['2026-11-27T09:00:00Z', 'UTC', 'Friday Reading'],
      // Monday 06:00 UTC is still Sunday in Los Angeles, already Monday in Tokyo.
      ['2026-11-30T06:00:00Z', 'America/Los_Angeles', 'Weekend Reading'],
      ['2026-11-27T20:00:00Z', 'Asia/Tokyo', 'Weekend Reading'],
      ['2026-11-25T12:00:00Z', 'Europe/Paris', 'Wednesday Reading'],
    ];
    for (const [iso, zone, name] of table) {
      const at = Date.parse(iso);
      const issue = composeIssue({ ...twoLists(at - DAY, at - 3_600_000, at, zone) });
      expect(issue.readingHeading, `${iso} in ${zone}`).toBe(name);
    }
  });
});

// ---------- planted violations: each rule can fail ----------

function planted(mutate: (issue: Issue) => void, name = 'recorded, 8 days'): Problem[] {
  const base = corpus().find((c) => c.name.startsWith(name))!;
  const issue = structuredClone(base.issue);
  mutate(issue);
  return wordProblems({ ...base, issue, markdown: issueToMarkdown(issue).replaceAll('\u00a0', ' ') });
}

describe('each rule reports a planted violation', () => {
  const rulesOf = (problems: Problem[]) => new Set(problems.map((problem) => problem.rule));

  it('sees no violation in the issue the plants start from', () => {
    expect(planted(() => undefined)).toEqual([]);
  });

  it('most: "most" over a minority', () => {
    const problems = planted((issue) => {
      issue.analysis = [{ kicker: '', headline: 'Most of the week’s top papers ship their code', paragraphs: ['Of the 10 most upvoted papers of the week on Hugging Face, 5 link a code repository.'], claims: [{ kind: 'count', sourceId: 'hf-papers', at: issue.publishedAt, top: 10, field: 'hasCode', value: 'yes', count: 5, printed: ['5', '10'] }] }];
    });
    expect(rulesOf(problems)).toContain('most');
  });

  it('week: "this week" over a day of history', () => {
    const problems = planted((issue) => {
      issue.movers.heading = 'Biggest Movers This Week';
      issue.lead.paragraphs.push('This week, nothing else moved.');
    }, 'recorded, 2 days');
    expect(problems.filter((p) => p.rule === 'week').map((p) => p.where)).toEqual(expect.arrayContaining(['lead', 'movers.heading']));
  });

  it('reading: "Weekend Reading" on a weekday', () => {
    const base = corpus().find((c) => c.name.startsWith('recorded') && weekdayOf(c.issue.publishedAt, c.issue.timeZone ?? 'UTC') === 'Monday')!;
    const problems = planted((issue) => {
      issue.readingHeading = 'Weekend Reading';
    }, base.name);
    expect(problems.filter((p) => p.rule === 'reading').length).toBe(2);
  });

  it('ties: "more than any other" and "the largest climb" where others tie, and "leads" over a tie', () => {
    const base = corpus().find((c) => c.name === 'hand: ties')!;
    const issue = structuredClone(base.issue);
    // The climbs' claims, wherever the front page put the day's movement (the lead or a piece after it).
    const climbs = [issue.lead, ...issue.analysis].flatMap((story) => story.claims).filter((claim) => claim.kind === 'climb');
    expect(climbs.length).toBeGreaterThan(0);
    issue.lead.claims = [...issue.lead.claims, ...climbs];
    issue.lead.paragraphs = [
      `Since yesterday, alpha/seven rose from No. 7 to No. 1, the largest climb in the top 10.`,
      `Of the authors, alpha has 2 models in the list, more than any other.`,
    ];
    issue.analysis = [{ kicker: '', headline: 'Python leads the AI on GitHub today', paragraphs: ['Of the 6 repositories, 2 are in Python and 2 in Rust.'], claims: [
      { kind: 'count', sourceId: 'gh-trending-daily', at: issue.publishedAt, top: 6, field: 'language', value: 'Python', count: 2, printed: ['2', '6'] },
      { kind: 'count', sourceId: 'gh-trending-daily', at: issue.publishedAt, top: 6, field: 'language', value: 'Rust', count: 2, printed: ['2', '6'] },
    ] }];
    const problems = wordProblems({ ...base, issue, markdown: issueToMarkdown(issue) }).filter((p) => p.rule === 'ties');
    expect(problems.map((p) => p.text).join('\n')).toMatch(/largest climb/);
    expect(problems.map((p) => p.text).join('\n')).toMatch(/more than any other/);
    expect(problems.map((p) => p.text).join('\n')).toMatch(/Python leads/);
  });

  it('base: a count printed over the wrong base, and a count whose sentence names none', () => {
    const problems = planted((issue) => {
      issue.analysis = [{ kicker: '', headline: 'Qwen and its derivatives hold 17 of the top 30', paragraphs: ['Of the 17 derivatives, 9 of the 17 are GGUF builds.', 'Among them, 4 are MLX builds.'], claims: [
        { kind: 'count', sourceId: 'hf-models', at: issue.publishedAt, top: 30, field: 'family', value: 'Qwen', count: 17, printed: ['17', '30'] },
        { kind: 'count', sourceId: 'hf-models', at: issue.publishedAt, top: 30, field: 'format', value: 'GGUF', count: 9, printed: ['9', '30'] },
        { kind: 'count', sourceId: 'hf-models', at: issue.publishedAt, top: 30, field: 'format', value: 'MLX', count: 4, printed: ['4', '30'] },
      ] }];
    });
    const base = problems.filter((p) => p.rule === 'base').map((p) => p.text);
    expect(base.some((text) => text.includes('“9 of the 17”'))).toBe(true);
    expect(base.some((text) => text.startsWith('4 (format MLX'))).toBe(true);
  });

  it('period: downloads without "30-day", trending stars without their period', () => {
    const problems = planted((issue) => {
      issue.tools[0]!.figure = '12,345 downloads';
      issue.analysis = [{ kicker: '', headline: 'A repository draws stars', paragraphs: ['The repository lab/x drew 532 stars.'], claims: [{ kind: 'metric', sourceId: 'gh-trending-daily', itemId: 'lab/x', at: issue.publishedAt, metric: 'starsInPeriod', value: 532, printed: ['532'] }] }];
    });
    expect(problems.filter((p) => p.rule === 'period').map((p) => p.where)).toEqual(expect.arrayContaining(['tools[0].figure', 'analysis[0]', 'markdown']));
  });

  it('repeat: the same figure twice in a piece', () => {
    const claim: Claim = { kind: 'count', sourceId: 'hf-models', at: 0, top: 30, field: 'task', value: 'text-generation', count: 12, printed: ['12', '30'] };
    const problems = planted((issue) => {
      issue.analysis = [{ kicker: '', headline: 'Text generation holds its ground', standfirst: 'Text-generation models take 12 of the top 30 places.', paragraphs: ['Text-generation models account for 12 of the top 30.'], claims: [claim, { ...claim }] }];
    });
    expect(problems.filter((p) => p.rule === 'repeat').length).toBe(2);
  });

  it('start: sentences that start with a digit or a lower-case handle', () => {
    const problems = planted((issue) => {
      issue.lead.paragraphs.push('z-lab/Qwen3-8B-abliterated rose from No. 9 to No. 4.', '12 models are new.');
    });
    expect(problems.filter((p) => p.rule === 'start').map((p) => p.text)).toEqual(['z-lab/Qwen3-8B-abliterated rose from No. 9 to No. 4.', '12 models are new.']);
  });
});
