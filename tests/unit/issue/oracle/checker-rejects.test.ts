import { describe, expect, it } from 'vitest';
import type { Claim, Issue, Story, Tool } from '@/lib/shared/issue-types';
import { ageWords, familyOf, formatOf, ownerOf } from '../../../support/oracle/classify';
import { checkIssue } from '../../../support/oracle/check';
import { inputsOf } from '../../../support/oracle/build';
import { at, GH_AI, github, S1_DAY, S1_LATEST, S1_NOW, ties, twoLists } from '../../../support/oracle/histories';

/**
 * The oracle can fail: hand-built issues, right and wrong, over the hand-made
 * histories. Each wrong one differs from its right twin by one figure or word,
 * and the checker must name the difference.
 */

function issueWith(parts: { lead: Story; analysis?: Story[]; tools?: Tool[]; repositories?: Issue['trending']['repositories'] }): Issue {
  return {
    number: 2,
    publishedAt: S1_NOW,
    masthead: { name: 'The AI Morning Post', tagline: '', dateline: '', sources: [] },
    lead: parts.lead,
    analysis: parts.analysis ?? [],
    tools: parts.tools ?? [],
    trending: { models: [], datasets: [], repositories: parts.repositories ?? [], spaces: [] },
    movers: { climbers: [], growth: [] },
    reading: [],
  };
}

const climb = (itemId: string, fromAt: number, toAt: number, fromRank: number, toRank: number): Claim => ({
  kind: 'climb',
  sourceId: 'hf-models',
  itemId,
  fromAt,
  toAt,
  fromRank,
  toRank,
  printed: [String(fromRank), String(toRank), String(fromRank - toRank)],
});

describe('the checker rejects a swapped figure', () => {
  // tz/m6 stood at No. 6 on Thursday 26 and is No. 1 on Friday 27.
  const baseline = at('2026-11-26T14:00:00Z');
  const latest = at('2026-11-27T15:00:00Z');
  const inputs = twoLists(baseline, latest, at('2026-11-27T16:30:00Z'), 'UTC');
  const lead = (sentence: string, claim: Claim): Story => ({ kicker: 'Lead', headline: 'm6 leads', paragraphs: [sentence], claims: [claim] });

  it('accepts the right figures', () => {
    const right = issueWith({ lead: lead('Since yesterday, tz/m6 rose from No. 6 to No. 1, the largest climb in the top 8.', climb('tz/m6', baseline, latest, 6, 1)) });
    expect(checkIssue(right, inputs, { aiRepositories: new Set() }).problems).toEqual([]);
  });

  it('rejects "No. 1 to No. 6" in the text, even with a right claim', () => {
    const swapped = issueWith({ lead: lead('Since yesterday, tz/m6 rose from No. 1 to No. 6, the largest climb in the top 8.', climb('tz/m6', baseline, latest, 6, 1)) });
    const { problems } = checkIssue(swapped, inputs, { aiRepositories: new Set() });
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/1 is not tz\/m6's rank in the baseline \(6\)/), expect.stringMatching(/6 is not tz\/m6's rank now \(1\)/)]),
    );
  });

  it('rejects a claim whose from and to are swapped, even when the text agrees with it', () => {
    const swapped = issueWith({ lead: lead('Since yesterday, tz/m6 rose from No. 1 to No. 6, the largest climb in the top 8.', climb('tz/m6', baseline, latest, 1, 6)) });
    const { problems } = checkIssue(swapped, inputs, { aiRepositories: new Set() });
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/fromRank is not the item's rank in the baseline/), expect.stringMatching(/a climb must go up/)]));
  });
});

describe('the checker rejects a false superlative', () => {
  const inputs = ties();
  it('"the largest climb" when another climb is as large', () => {
    // alpha/seven 7 → 1 and bravo/nine 9 → 3: both +6.
    const wrong = issueWith({
      lead: {
        kicker: 'Lead',
        headline: 'seven climbs 6 places to No. 1 on Hugging Face',
        paragraphs: ['Since yesterday, alpha/seven rose from No. 7 to No. 1, the largest climb in the top 10. Also moving up: bravo/nine (No. 9 to No. 3).'],
        claims: [climb('alpha/seven', S1_DAY, S1_LATEST, 7, 1), climb('alpha/seven', S1_DAY, S1_LATEST, 7, 1), climb('bravo/nine', S1_DAY, S1_LATEST, 9, 3)],
      },
    });
    const { problems } = checkIssue(wrong, inputs, { aiRepositories: new Set() });
    expect(problems).toEqual([expect.stringMatching(/"the largest climb": bravo\/nine also climbed 6/)]);
    // Without the superlative, the same issue is right.
    wrong.lead.paragraphs = [wrong.lead.paragraphs[0]!.replace(', the largest climb in the top 10', '')];
    expect(checkIssue(wrong, inputs, { aiRepositories: new Set() }).problems).toEqual([]);
  });

  it('"more than any other author" when another author has as many', () => {
    const count: Claim = { kind: 'count', sourceId: 'hf-models', at: S1_LATEST, top: 10, field: 'owner', value: 'alpha', count: 2, printed: ['2', '10'] };
    const wrong = issueWith({ lead: { kicker: 'Lead', headline: 'alpha leads', paragraphs: ['Of the authors, alpha has 2 models in the list, more than any other.'], claims: [count] } });
    expect(checkIssue(wrong, inputs, { aiRepositories: new Set() }).problems).toEqual([expect.stringMatching(/"more than any other author": bravo has 2/)]);
  });

  it('"Three repositories take N%" naming one that is not among the three largest', () => {
    const inputs = github();
    // The three largest AI/ML weekly rows are deep-learning-course 5,000, llm-router 3,000, vision-tools 1,000 (of 10,000).
    const share = (itemIds: string[], part: number): Claim => ({ kind: 'share', sourceId: 'gh-trending-weekly', at: S1_LATEST, metric: 'starsInPeriod', itemIds, part, whole: 10000, of: 6, percent: Math.round(part / 100), printed: [`${Math.round(part / 100)}%`, '10,000', '6'] });
    const story = (names: string, percent: number, claim: Claim): Story => ({
      kicker: 'Deep Dive',
      headline: `Three repositories take ${percent}% of the AI stars on GitHub this week`,
      paragraphs: [`Between them, ${names} gathered ${percent}% of the 10,000 stars that the 6 AI/ML repositories on GitHub's trending page gained this week.`],
      claims: [claim],
    });
    const lead: Story = { kicker: 'Lead', headline: 'The first edition is on its way', paragraphs: [], claims: [] };
    const right = issueWith({ lead, analysis: [story('big/deep-learning-course, lab/llm-router and lab/vision-tools', 90, share(['big/deep-learning-course', 'lab/llm-router', 'lab/vision-tools'], 9000))] });
    expect(checkIssue(right, inputs, { aiRepositories: GH_AI }).problems).toEqual([]);
    // kit/agent-shell (500) instead of lab/vision-tools (1,000): 85%.
    const wrong = issueWith({ lead, analysis: [story('big/deep-learning-course, lab/llm-router and kit/agent-shell', 85, share(['big/deep-learning-course', 'lab/llm-router', 'kit/agent-shell'], 8500))] });
    const { problems } = checkIssue(wrong, inputs, { aiRepositories: GH_AI });
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/lab\/vision-tools have more than a leader/), expect.stringMatching(/"kit\/agent-shell" is not among the three largest/)]));
  });
});

describe('the checker rejects wrong age words', () => {
  // Thursday 23:00 in Tokyo to Saturday 01:30 there: "since Thursday"; in UTC the same moments are a day apart.
  const baseline = at('2026-11-26T14:00:00Z');
  const latest = at('2026-11-27T15:00:00Z');
  const tokyo = twoLists(baseline, latest, at('2026-11-27T16:30:00Z'), 'Asia/Tokyo');
  const fresh: Claim = { kind: 'new-entries', sourceId: 'hf-models', sinceAt: baseline, at: latest, itemIds: ['tz/m9'], printed: ['1'] };
  const lead = (standfirst: string): Story => ({ kicker: 'Lead', headline: 'm6 leads', standfirst, paragraphs: [], claims: [fresh] });

  it('accepts "since Thursday" in Tokyo', () => {
    expect(ageWords(baseline, at('2026-11-27T16:30:00Z'), 'Asia/Tokyo').since).toBe('Thursday');
    expect(checkIssue(issueWith({ lead: lead('1 model is new since Thursday.') }), tokyo, { aiRepositories: new Set() }).problems).toEqual([]);
  });

  it('rejects "since yesterday" (the UTC words) in Tokyo', () => {
    const { problems } = checkIssue(issueWith({ lead: lead('1 model is new since yesterday.') }), tokyo, { aiRepositories: new Set() });
    expect(problems).toEqual([expect.stringMatching(/"yesterday" does not name a baseline/), expect.stringMatching(/never says "Thursday"/)]);
  });

  it('rejects "this week" and "a week ago" for a comparison a day or two old', () => {
    const { problems } = checkIssue(issueWith({ lead: lead('1 model is new since Thursday, and none this week; a week ago there were none.') }), tokyo, { aiRepositories: new Set() });
    expect(problems).toEqual([expect.stringMatching(/"this week" for a comparison less than 6 days old/), expect.stringMatching(/"a week ago" does not name a baseline/)]);
  });
});

describe('the checker rejects claims not from the data', () => {
  const inputs = github();
  const lead: Story = { kicker: 'Lead', headline: 'The first edition is on its way', paragraphs: [], claims: [] };
  const tool = (itemId: string, stars: number): Tool => ({
    kind: 'repository',
    sourceId: 'gh-search',
    itemId,
    name: itemId,
    url: `https://github.com/${itemId}`,
    description: 'A repository.',
    figure: `${stars.toLocaleString('en-US')} stars in its first weeks`,
    claim: { kind: 'metric', sourceId: 'gh-search', itemId, at: S1_LATEST, metric: 'stars', value: stars, printed: [stars.toLocaleString('en-US')] },
  });
  /** The stars a search result gained from yesterday's list to today's (issue #11: a tool's figure is the week's). */
  const gained = (itemId: string, from: number, to: number, period = 'since yesterday'): Tool => ({
    ...tool(itemId, to),
    figure: `+${(to - from).toLocaleString('en-US')} stars ${period}`,
    claim: { kind: 'gain', sourceId: 'gh-search', itemId, metric: 'stars', fromAt: S1_DAY, toAt: S1_LATEST, fromValue: from, toValue: to, printed: [(to - from).toLocaleString('en-US')] },
  });

  it('a repository created in 2010 called new', () => {
    expect(checkIssue(issueWith({ lead, tools: [gained('fresh/agent-kit', 1200, 1500)] }), inputs, { aiRepositories: GH_AI }).problems).toEqual([]);
    const { problems } = checkIssue(issueWith({ lead, tools: [gained('old/classic-ml', 90000, 90500)] }), inputs, { aiRepositories: GH_AI });
    expect(problems).toEqual([expect.stringMatching(/called new but created 2010-05-01/)]);
  });

  it('a young repository that is not the one that gained the most of the young ones', () => {
    const { problems } = checkIssue(issueWith({ lead, tools: [gained('fresh/rag-lab', 800, 900)] }), inputs, { aiRepositories: GH_AI });
    expect(problems).toEqual([expect.stringMatching(/fresh\/agent-kit gained 300$/)]);
  });

  it('an all-time figure while a first row gained over the week, a period the history does not have, a gain not stored', () => {
    const allTime = checkIssue(issueWith({ lead, tools: [tool('fresh/agent-kit', 1500)] }), inputs, { aiRepositories: GH_AI }).problems;
    expect(allTime).toEqual([expect.stringMatching(/fresh\/agent-kit gained 300, fresh\/rag-lab gained 100 over the week/)]);
    const week = checkIssue(issueWith({ lead, tools: [gained('fresh/agent-kit', 1200, 1500, 'this week')] }), inputs, { aiRepositories: GH_AI }).problems;
    expect(week).toEqual([expect.stringMatching(/the gain's period is "since yesterday"/)]);
    const wrong = checkIssue(issueWith({ lead, tools: [gained('fresh/agent-kit', 1100, 1500)] }), inputs, { aiRepositories: GH_AI }).problems;
    expect(wrong).toEqual([expect.stringMatching(/from\/to values are not the stored ones \(1200, 1500\)/)]);
  });

  it('a repository that is not AI/ML in the trending repositories', () => {
    const entry = (itemId: string, rank: number) => ({ sourceId: 'gh-trending-weekly' as const, itemId, rank, name: itemId, url: `https://github.com/${itemId}`, metrics: {}, isNew: false });
    const { problems } = checkIssue(issueWith({ lead, repositories: [entry('acme/css-grid-kit', 1), entry('lab/llm-router', 2)] }), inputs, { aiRepositories: GH_AI });
    expect(problems).toEqual(['trending repositories: acme/css-grid-kit is not an AI/ML repository']);
  });
});

describe('the oracle classifiers, on hand-written examples', () => {
  it.each([
    ['unsloth/Qwen3.8-27B-GGUF', [], 'unsloth', 'Qwen3.8-27B', 'GGUF'],
    ['mlx-community/Llama4-8B-Instruct-4bit', ['mlx'], 'mlx-community', 'Llama4-8B', 'MLX'],
    ['someone/my-finetune', ['base_model:deepseek-ai/DeepSeek-V4-Pro', 'base_model:finetune:deepseek-ai/DeepSeek-V4-Pro'], 'someone', 'DeepSeek-V4', undefined],
    ['TheBloke/Mistral-7B-AWQ', [], 'TheBloke', 'Mistral-7B', 'AWQ'],
    ['org/gemma3-12b-it-GPTQ', [], 'org', 'gemma3-12b', 'GPTQ'],
    ['Lightricks/LTX-2.5', [], 'Lightricks', 'LTX-2.5', undefined],
    ['superwhisper/s1-mini', [], 'superwhisper', undefined, undefined],
    ['onnx-community/Phi4-mini-ONNX', [], 'onnx-community', 'Phi4', 'ONNX'],
    ['user/model-exl2', [], 'user', undefined, 'EXL2'],
    ['orcarouter/Qwen3.8-27B-Uncensored-FP8', [], 'orcarouter', 'Qwen3.8-27B', 'FP8'],
    ['noslash', [], undefined, undefined, undefined],
  ] as [string, string[], string | undefined, string | undefined, string | undefined][])('%s', (itemId, tags, owner, family, format) => {
    expect([ownerOf(itemId), familyOf({ itemId, tags }), formatOf({ itemId, tags })]).toEqual([owner, family, format]);
  });

  it.each([
    // [baseline, issue, time zone, words]
    ['2026-11-27T01:00:00Z', '2026-11-27T23:00:00Z', 'UTC', 'earlier today'],
    ['2026-11-26T23:59:00Z', '2026-11-27T00:01:00Z', 'UTC', 'yesterday'],
    ['2026-11-26T23:59:00Z', '2026-11-27T00:01:00Z', 'Asia/Tokyo', 'earlier today'],
    ['2026-11-23T12:00:00Z', '2026-11-27T12:00:00Z', 'UTC', 'Monday'],
    ['2026-11-20T12:00:00Z', '2026-11-27T12:00:00Z', 'UTC', 'last Friday'],
    ['2026-11-20T07:00:00Z', '2026-11-27T09:30:00Z', 'America/Los_Angeles', 'Thursday of the week before'],
    ['2026-11-17T12:00:00Z', '2026-11-27T12:00:00Z', 'UTC', 'Tuesday of the week before'],
    ['2026-11-10T12:00:00Z', '2026-11-27T12:00:00Z', 'UTC', 'an older list'],
  ])('%s → %s in %s: "%s"', (baseline, now, timeZone, words) => {
    expect(ageWords(at(baseline), at(now), timeZone).since).toBe(words);
  });
});

describe('the checker rejects context not in the data (issue #11, item 3)', () => {
  // Two models today: Qwen/Qwen3-8B (4,000 downloads) and its GGUF quantisation by unsloth (12,900), with tags.
  const inputs = inputsOf({
    now: S1_NOW,
    timeZone: 'UTC',
    items: [
      { id: 'Qwen/Qwen3-8B', task: 'text-generation', tags: ['license:apache-2.0'] },
      { id: 'unsloth/Qwen3-8B-GGUF', tags: ['gguf', 'base_model:Qwen/Qwen3-8B', 'base_model:quantized:Qwen/Qwen3-8B', 'license:apache-2.0'] },
      { id: 'someone/Qwen3-8B-Chat', task: 'text-generation' },
    ],
    lists: { 'hf-models': [{ at: S1_LATEST, rows: [['Qwen/Qwen3-8B', { downloads: 4000 }], ['unsloth/Qwen3-8B-GGUF', { downloads: 12_900 }], ['someone/Qwen3-8B-Chat', { downloads: 100 }]] }] },
  });
  const attribute = (itemId: string, field: Extract<Claim, { kind: 'attribute' }>['field'], value: string): Claim => ({ kind: 'attribute', sourceId: 'hf-models', itemId, at: S1_LATEST, field, value, printed: [value] });
  const ratio = (value: number): Claim => ({ kind: 'ratio', sourceId: 'hf-models', itemId: 'unsloth/Qwen3-8B-GGUF', baseId: 'Qwen/Qwen3-8B', at: S1_LATEST, metric: 'downloads', value: 12_900, baseValue: 4000, ratio: value, printed: [value.toFixed(1)] });
  const problemsOf = (claims: Claim[]) => checkIssue(issueWith({ lead: { kicker: 'Lead', headline: 'What they are', paragraphs: [], claims } }), inputs, { aiRepositories: new Set() }).problems;
  const gguf = 'unsloth/Qwen3-8B-GGUF';

  it('accepts what the tags and the name say', () => {
    expect(
      problemsOf([
        attribute(gguf, 'size', '8B'),
        attribute(gguf, 'format', 'GGUF'),
        attribute(gguf, 'licence', 'apache-2.0'),
        attribute(gguf, 'base', 'Qwen/Qwen3-8B'),
        attribute(gguf, 'relation', 'quantized'),
        attribute(gguf, 'role', 'quantiser'),
        attribute('Qwen/Qwen3-8B', 'task', 'text-generation'),
        attribute('Qwen/Qwen3-8B', 'role', 'lab'),
        // 12,900 / 4,000 = 3.225.
        ratio(3.2),
      ]),
    ).toEqual([]);
  });

  it.each([
    ['a size the name does not give', attribute(gguf, 'size', '27B'), /the name's words do not give 27B/],
    ['another licence', attribute(gguf, 'licence', 'mit'), /the license tags say \["apache-2\.0"\]/],
    ['another base', attribute(gguf, 'base', 'Qwen/Qwen3-14B'), /the base_model tags name \["Qwen\/Qwen3-8B"\]/],
    ['another relation', attribute(gguf, 'relation', 'finetune'), /relations \["quantized"\]/],
    ['another role', attribute(gguf, 'role', 'lab'), /the oracle reads "quantiser"/],
    ['a role the oracle does not know', attribute('someone/Qwen3-8B-Chat', 'role', 'community'), /does not know someone's role/],
    ['a base of its own', attribute('someone/Qwen3-8B-Chat', 'base', 'Qwen/Qwen3-8B'), /the base_model tags name \[\]/],
    ['a wrong ratio', ratio(3.5), /12900 \/ 4000 is not 3\.5/],
  ])('%s', (_why, claim, message) => {
    // (A size of 27B for "…-8B-…" is reported twice: not the name's words, and the name gives 8B.)
    expect(problemsOf([claim])).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });
});
