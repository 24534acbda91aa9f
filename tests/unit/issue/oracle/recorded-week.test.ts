import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeIssue as composeRaw } from '@/lib/issue/compose';
import { factsOf } from '@/lib/issue/facts';
import { starsPiece } from '@/lib/issue/pieces/stars';
import type { Claim, Issue } from '@/lib/shared/issue-types';
import type { IssueInputs } from '@/lib/issue/inputs';
import { loadIssueInputs } from '@/lib/background/issue-inputs';
import { DEFAULT_SETTINGS } from '@/lib/shared/settings';
import { testDb } from '../../../support/db';
import { writeWeek } from '../../../support/issue-history';
import { sharedFixture } from '../../../support/paths';
import { familyOf, formatOf, ownerOf } from '../../../support/oracle/classify';
import { asRead, checkIssue } from '../../../support/oracle/check';
import { AI_REPOSITORIES, DAY7_MODEL_COUNTS, DAY7_MODELS, DAY7_WEEKLY, GH_WEEKLY_FIXTURE, HF_MODELS_FIXTURE } from '../../../support/oracle/recorded-tables';

/** The composed issue as a reader reads it: its non-breaking spaces as spaces (they are tested in tests/unit/issue/lists.test.ts). */
const composeIssue = (inputs: Parameters<typeof composeRaw>[0]) => asRead(composeRaw(inputs));

/**
 * The 8-day history of tests/support/issue-history.ts over the real
 * recordings, written through the production path and read back with
 * loadIssueInputs; the issue's figures are checked against the hand-counted
 * tables of tests/support/oracle/recorded-tables.ts and by the checker.
 */
const START = Date.UTC(2026, 10, 20, 6, 0); // Friday 20 November 2026, 06:00 UTC
const LAST = START + 7 * 24 * 3_600_000 + 18 * 3_600_000; // day 7, 4th refresh: Saturday 28 November 00:00 UTC
const NOW = LAST + 60_000;

async function composed(timeZone: string): Promise<{ issue: Issue; inputs: IssueInputs }> {
  const db = testDb();
  expect(await writeWeek(db, START, 8)).toBe(LAST);
  const inputs = await loadIssueInputs(db, { now: NOW, number: 9, filters: DEFAULT_SETTINGS, enabled: DEFAULT_SETTINGS.sources, timeZone });
  return { issue: composeIssue(inputs), inputs };
}

const countClaims = (issue: Issue): Extract<Claim, { kind: 'count' }>[] =>
  [issue.lead, ...issue.analysis].flatMap((story) => story.claims).filter((claim): claim is Extract<Claim, { kind: 'count' }> => claim.kind === 'count');

describe('the hand-checked tables of the recordings', () => {
  it('are the recording: ids and tasks in API order', () => {
    const json = JSON.parse(readFileSync(sharedFixture('hf-models-trending.json'), 'utf8')) as { id: string; pipeline_tag?: string }[];
    expect(json.map((model) => [model.id, model.pipeline_tag])).toEqual(HF_MODELS_FIXTURE.map(([, id, task]) => [id, task]));
  });

  it('agree with the oracle classifiers row by row', () => {
    for (const [, id, , family, format] of HF_MODELS_FIXTURE) {
      expect([id, familyOf({ itemId: id }), formatOf({ itemId: id })]).toEqual([id, family, format]);
    }
  });

  it('count what the rows say (the hand counts, recounted)', () => {
    const rows = DAY7_MODELS.map((entry) => HF_MODELS_FIXTURE[(typeof entry === 'number' ? entry : 30) - 1]!);
    const tally = (values: (string | undefined)[]) => {
      const counts: Record<string, number> = {};
      for (const value of values) if (value !== undefined) counts[value] = (counts[value] ?? 0) + 1;
      return counts;
    };
    expect(rows).toHaveLength(30);
    expect(tally(rows.map(([, , task]) => task))).toEqual(DAY7_MODEL_COUNTS.task);
    expect(Object.fromEntries(Object.entries(tally(rows.map(([, id]) => ownerOf(id)))).filter(([, n]) => n >= 2))).toEqual(DAY7_MODEL_COUNTS.owner);
    expect(Object.fromEntries(Object.entries(tally(rows.map(([, , , family]) => family))).filter(([, n]) => n >= 2))).toEqual(DAY7_MODEL_COUNTS.family);
    expect(tally(rows.map(([, , , , format]) => format))).toEqual(DAY7_MODEL_COUNTS.format);
    expect(GH_WEEKLY_FIXTURE.filter(([, , ai]) => ai)).toHaveLength(15);
  });
});

describe.each(['UTC', 'America/Los_Angeles'])('the issue of day 7 of the recorded week, read in %s', (timeZone) => {
  it('passes every check of the oracle', { timeout: 60_000 }, async () => {
    const { issue, inputs } = await composed(timeZone);
    const verdict = checkIssue(issue, inputs, { aiRepositories: AI_REPOSITORIES });
    expect(verdict.problems).toEqual([]);
    expect(verdict.checked).toBeGreaterThan(300);
  });

  it('counts what the hand-counted tables count', { timeout: 60_000 }, async () => {
    const { issue } = await composed(timeZone);
    const claims = countClaims(issue).filter((claim) => claim.at === LAST);
    expect(claims.length).toBeGreaterThanOrEqual(8);
    for (const claim of claims) {
      const expected =
        claim.field === 'language'
          ? (DAY7_WEEKLY.languages as Record<string, number>)[claim.value]
          : claim.field === 'hasCode'
            ? 7 // the 10 most upvoted on day 7 are fixture rows 1–10 (upvotes + (25 − index) × 49); rows 1, 3–8 link code
            : (DAY7_MODEL_COUNTS[claim.field as 'task' | 'owner' | 'family' | 'format'] as Record<string, number>)[claim.value];
      expect([claim.field, claim.value, claim.count]).toEqual([claim.field, claim.value, expected]);
      expect(claim.top).toBe(claim.field === 'language' ? DAY7_WEEKLY.aiRows : claim.field === 'hasCode' ? 10 : 30);
    }
    // The most common of each, as the lead and the family piece name them.
    const named = (field: string) => claims.find((claim) => claim.field === field)?.value;
    expect([named('task'), named('owner'), named('family'), named('format'), named('language')]).toEqual(['image-text-to-text', 'unsloth', 'Qwen3.8-27B', 'GGUF', 'TypeScript']);
  });

  it('states the lead, the stars share and the tools the tables give', { timeout: 60_000 }, async () => {
    const { issue, inputs } = await composed(timeZone);
    console.info(`front page, ${timeZone}: ${[issue.lead, ...issue.analysis].map((story) => `${story.kicker}: ${story.headline}`).join(' | ')}`);
    // Day 6 → day 7: z-lab's model climbed from No. 6 to No. 1 (the only climb); no newcomer since day 6.
    expect(issue.lead.headline).toBe('Qwen3.8-27B-DFlash2 climbs 5 places to No. 1 on Hugging Face');
    expect(issue.lead.paragraphs[0]).toMatch(/^Since yesterday, z-lab\/Qwen3\.8-27B-DFlash2 rose from No\. 6 to No\. 1, the largest climb in the top 30\./);
    expect(issue.lead.standfirst).toMatch(/^Image-text-to-text models take 11 of the top 30 places; no model is new since yesterday\.$/);
    const text = issue.lead.paragraphs.join(' ');
    expect(text).toMatch(/unsloth has 4 models in the list, more than any other/);
    // Qwen3.8-27B's 18 of the top 30 are the family piece's: said once, there, not again in the lead.
    expect(text).not.toMatch(/build on/);
    expect(issue.analysis.map((story) => story.headline)).toContain('Qwen3.8-27B and its derivatives hold 18 of the top 30');

    // The stars piece is written (its score, half of 51 = 26, is below the four the front page prints: it is left off today).
    const starsStory = starsPiece.write(factsOf(inputs))!;
    const share = starsStory.claims.find((claim) => claim.kind === 'share');
    expect(share).toMatchObject({ itemIds: DAY7_WEEKLY.leaders, part: DAY7_WEEKLY.starsPart, whole: DAY7_WEEKLY.starsWhole, of: DAY7_WEEKLY.aiRows, percent: DAY7_WEEKLY.percent });
    expect(starsStory.headline).toBe('Three repositories take 51% of the AI stars on GitHub this week');
    expect(starsPiece.score(starsStory)).toBe(26);

    // Tools (issue #11): among the first 8 rows of each latest list, the largest gain since the week's baseline (day 0's
    // last refresh, 7 days before day 7's). Likes grow by (30 − index) × 7 a day by fixture index: of the models' first 8
    // (fixture rows 21, 1, three newcomers, 2, 3, 4) Qwen/Qwen3.8-27B (index 0) gained 30 × 7 × 7 = 1,470; the newcomers,
    // copies of row 30, gained nothing. Spaces: (25 − index) × 7 a day; of the first 8 (rows 21, 1, newcomers, 2, 3, 4)
    // Sneak-Moose/Pro-Realism-Edit-Studio (index 0) gained 25 × 49 = 1,225. (mteb/leaderboard, the most liked of all time,
    // is No. 22 of the list: not a pick any more.) The weekly page's most starred of its first 8 AI/ML rows is
    // Hmbown/DeepSeek-TUI, as before. The search recording's bkingfilm/lapian-notes (index 0 of 12, created 6 days before
    // the capture) gained 12 × 7 × 7 = 588 stars.
    expect(issue.tools.map((tool) => [tool.sourceId, tool.itemId, tool.figure])).toEqual([
      ['hf-models', 'Qwen/Qwen3.8-27B', '+1,470 likes this week'],
      ['hf-spaces', 'Sneak-Moose/Pro-Realism-Edit-Studio', '+1,225 likes this week'],
      ['gh-trending-weekly', 'Hmbown/DeepSeek-TUI', '21,668 stars this week'],
      ['gh-search', 'bkingfilm/lapian-notes', '+588 stars this week'],
    ]);
    // Described by what they are: the model and the Space from their data (the recording has no tags: the name gives
    // the size; the table of accounts the maker), the repositories by their own descriptions.
    expect(issue.tools.map((tool) => tool.description)).toEqual([
      'A 27B image-text-to-text model by Qwen, a lab.',
      'A Gradio Space by Sneak-Moose.',
      'Coding agent for DeepSeek models that runs in your terminal.',
      expect.stringMatching(/^拉片笔记/),
    ]);
    expect(issue.tools[0]!.claims?.map((claim) => (claim.kind === 'attribute' ? [claim.field, claim.value] : claim.kind))).toEqual([
      ['size', '27B'],
      ['task', 'image-text-to-text'],
      ['role', 'lab'],
    ]);
  });

  it('lists the movers the history gives, in the order of their figures', { timeout: 60_000 }, async () => {
    const { issue } = await composed(timeZone);
    // Against day 0 (a week back): each list's 21st entry climbed 20 places to No. 1; the newest copy is new at No. 3.
    expect(issue.movers.climbers.map((mover) => [mover.sourceId, mover.rank, mover.climbed ?? 'new'])).toEqual([
      ['hf-models', 1, 20],
      ['hf-datasets', 1, 20],
      ['hf-spaces', 1, 20],
      ['hf-models', 3, 'new'],
      ['hf-datasets', 3, 'new'],
      ['hf-spaces', 3, 'new'],
    ]);
    // Growth per day (30 − index) × 7 for models, (25 − index) × 7 for spaces.
    expect(issue.movers.growth.map((mover) => [mover.itemId, mover.perDay])).toEqual([
      ['Qwen/Qwen3.8-27B', 210],
      ['unsloth/Qwen3.8-27B-GGUF', 203],
      ['orcarouter/Qwen3.8-27B-Uncensored-MLX', 196],
      ['Sneak-Moose/Pro-Realism-Edit-Studio', 175],
      ['smolagents/hf-realtime-voice', 168],
      ['kulkas2pintu/wan555', 161],
    ]);
    expect(issue.trending.repositories.every((entry) => AI_REPOSITORIES.has(entry.itemId))).toBe(true);
    expect(issue.trending.repositories.map((entry) => entry.itemId)).not.toContain('CloakHQ/CloakBrowser');
  });
});
