import { describe, expect, it } from 'vitest';
import { factsOf } from '@/lib/issue/facts';
import { storiesOf, type StoryClaim } from '@/lib/issue/stories';
import type { SourceWindow } from '@/lib/issue/inputs';
import { GH_AI, github, s1, ties } from '../../../support/oracle/histories';
import { checkStoryClaims } from '../../../support/oracle/stories';
import { day, inputsFor, models, T, type ItemSpec, windowOf } from './support';
import type { IssueInputs } from '@/lib/issue/inputs';

// The claim oracle over the story detectors' claims (tests/support/oracle/stories.ts): every claim found on
// hand-made histories where each kind of story is present checks out, and hand-made wrong claims are rejected.
const oracle = { aiRepositories: new Set<string>() };
const BASE = 'Qwen/Qwen3-8B';
const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const base = (n: number): Record<number, ItemSpec> => models(n, { 12: { firstSeenAt: T, createdAt: '2026-11-26T00:00:00.000Z' }, 13: { tags: [`base_model:${BASE}`] }, 14: { tags: [`base_model:${BASE}`] }, 15: { tags: [`base_model:${BASE}`] }, 16: { tags: [`base_model:${BASE}`] } });

const HISTORIES: Record<string, SourceWindow> = {
  // m1 No. 1 from Thu 26 (m2 on Wed 25): a 3-day streak. m3 and m4 absent on Sat 21, listed from Sun 22: m4 for
  // 7 days today (staying power), m3 for 6 days until yesterday (it left today). m12 debuts at No. 2; m13…m16 are a wave.
  week: windowOf('hf-models', base(16), [
    [day(8), ten],
    [day(7), [1, 2, 5, 6, 7, 8, 9, 10, 11]],
    [day(6), [2, 1, 3, 4, 5, 6, 7, 8, 9, 10]],
    [day(5), [2, 1, 3, 4, 5, 6, 7, 8, 9, 10]],
    [day(4), [2, 1, 3, 4, 5, 6, 7, 8, 9, 10]],
    [day(3), [2, 1, 3, 4, 5, 6, 7, 8, 9, 10]],
    [day(2), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13]],
    [day(1), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13]],
    [day(0), [1, 12, 2, 4, 13, 14, 15, 16, 5, 6, 7, 8, 9, 10]],
  ]),
};

describe('the oracle of story claims', () => {
  const inputs = inputsFor([HISTORIES.week!]);
  const stories = storiesOf(factsOf(inputs));
  const claims = stories.flatMap((story) => story.claims);

  it('accepts every claim the detectors make on a week with a streak, a debut, an exit, a stay and a wave', () => {
    console.info('stories:', JSON.stringify(stories.map((story) => [story.milestone, story.score])));
    expect(stories.map((story) => story.kind).sort()).toEqual(['exit', 'high-debut', 'release-wave', 'staying-power', 'streak-at-one']);
    const verdict = checkStoryClaims(claims, inputs, oracle);
    console.info(`oracle: ${verdict.checked} checks, ${verdict.problems.length} problems`);
    expect(verdict.problems).toEqual([]);
    expect(verdict.checked).toBeGreaterThan(20);
  });

  it('rejects hand-made wrong claims of each kind', () => {
    const wrong: StoryClaim[] = [
      // m1 has been No. 1 for 3 days, not 4 (from Wed 25, when m2 was).
      { kind: 'streak', sourceId: 'hf-models', itemId: 'lab/m1', beforeAt: day(4), fromAt: day(3), toAt: T, days: 4, printed: ['1', '4'] },
      // m12 debuts at No. 2, not No. 1.
      { kind: 'debut', sourceId: 'hf-models', itemId: 'lab/m12', sinceAt: day(8), at: T, rank: 1, firstSeenAt: T, createdAt: '2026-11-26T00:00:00.000Z', printed: ['1'] },
      // m2 was in Thursday's list: no debut.
      { kind: 'debut', sourceId: 'hf-models', itemId: 'lab/m2', sinceAt: day(8), at: T, rank: 3, firstSeenAt: day(30), printed: ['3'] },
      // m3's best rank over its stay was No. 3, not No. 2.
      { kind: 'days-on-list', sourceId: 'hf-models', itemId: 'lab/m3', beforeAt: day(7), fromAt: day(6), toAt: day(1), days: 6, atLeast: false, peak: 2, printed: ['6', '2'] },
      // Five derivatives claimed, but lab/m17 is in no list: there are four.
      { kind: 'derivatives', sourceId: 'hf-models', at: T, top: 14, base: BASE, itemIds: ['lab/m13', 'lab/m14', 'lab/m15', 'lab/m16', 'lab/m17'], sinceAt: day(7), newIds: ['lab/m13', 'lab/m14', 'lab/m15', 'lab/m16'], printed: ['5', '14', '4'] },
    ];
    const verdict = checkStoryClaims(wrong, inputs, oracle);
    console.info('rejected:', verdict.problems.length);
    for (const claim of wrong) expect(verdict.problems.some((problem) => problem.includes(JSON.stringify(claim)))).toBe(true);
  });

  it('accepts every claim the detectors make on the oracle\'s shared histories (s1 in two zones, ties, GitHub)', () => {
    const cases = { 's1 UTC': s1(), 's1 Tokyo': s1('Asia/Tokyo'), ties: ties(), github: github() };
    for (const [name, history] of Object.entries(cases)) {
      const found = storiesOf(factsOf(history));
      const verdict = checkStoryClaims(found.flatMap((story) => story.claims), history, { aiRepositories: GH_AI });
      console.info(`${name}: ${JSON.stringify(found.map((story) => [story.milestone, story.score]))}; ${verdict.checked} checks`);
      expect(verdict.problems).toEqual([]);
    }
  });
});

// ---------- the five later kinds: a sweep, a takeover, an acceleration, the same work twice, a theme ----------

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);
const week = range(1, 7).reverse().map((n) => day(n));

/**
 * Models: a holds No. 1 and No. 4 all week, then No. 1, 2 and 4 today (a sweep); a/one's likes grow 20 a day
 * from 1,000, then 120 today (6×); b/one's arxiv tag names a paper first listed today. Papers: 2611.01234 (code
 * at Acme/Repo) and 2611.05678. GitHub's weekly page: 1 agent repository of 6 a week ago, 5 of 6 today, acme/repo
 * among them, new today.
 */
function five(): IssueInputs {
  const modelItems: Record<number, ItemSpec> = { 1: { itemId: 'a/one' }, 2: { itemId: 'a/two' }, 3: { itemId: 'a/three' }, 4: { itemId: 'b/one', tags: ['arxiv:2611.05678'] }, 5: { itemId: 'c/one' }, 6: { itemId: 'd/one' } };
  const before = [1, 4, 5, 2, 6];
  const hf = windowOf('hf-models', modelItems, [
    ...week.map((at, index): [number, number[], { likes: number[] }] => [at, before, { likes: [1000 + 20 * index, 50, 50, 50, 50] }]),
    [T, [1, 2, 4, 3, 5, 6], { likes: [1240, 50, 50, 50, 50, 50] }],
  ]);
  const papers = windowOf(
    'hf-papers',
    { 1: { itemId: '2611.01234', publishedAt: '2026-11-26T20:00:00.000Z', codeUrl: 'https://github.com/Acme/Repo' }, 2: { itemId: '2611.05678', publishedAt: '2026-11-27T20:00:00.000Z' } },
    [[day(1), [1]], [T, [1, 2]]],
  );
  const repoItems: Record<number, ItemSpec> = {
    1: { itemId: 'a1/agent-kit', description: 'An AI agent framework' },
    2: { itemId: 'a2/crew', description: 'Multi-agent LLM workflows' },
    3: { itemId: 'acme/repo', description: 'Agents that read papers, with AI' },
    4: { itemId: 'a4/swarm', description: 'Agentic AI swarms' },
    5: { itemId: 'a5/browser-use', description: 'Let AI agents use the browser' },
    11: { itemId: 'b1/eval', description: 'LLM evaluation suite' },
    12: { itemId: 'b2/notebooks', description: 'Deep learning notebooks' },
    13: { itemId: 'b3/vision', description: 'Computer vision models' },
    14: { itemId: 'b4/datasets', description: 'AI datasets' },
    15: { itemId: 'b5/tokenizer', description: 'A fast LLM tokenizer' },
  };
  const repos = windowOf('gh-trending-weekly', repoItems, [[day(7), [1, 11, 12, 13, 14, 15]], [day(1), [1, 2, 11, 12, 13, 14]], [T, [1, 2, 3, 4, 5, 11]]]);
  return inputsFor([hf, papers, repos]);
}

/** 30 models: 16 GGUF today, 15 yesterday, 9 a week ago (more than half, reached today). */
function takeover(): IssueInputs {
  const items: Record<number, ItemSpec> = {};
  for (let key = 1; key <= 30; key++) items[key] = { itemId: `lab/m${key}` };
  for (let key = 101; key <= 116; key++) items[key] = { itemId: `q/m${key}-GGUF` };
  const list = (to: number) => [...range(101, to), ...range(1, 30 - (to - 100))];
  return inputsFor([windowOf('hf-models', items, [[day(7), list(109)], [day(1), list(115)], [T, list(116)]])]);
}

const FIVE_AI = { aiRepositories: new Set(['a1/agent-kit', 'a2/crew', 'acme/repo', 'a4/swarm', 'a5/browser-use', 'b1/eval', 'b2/notebooks', 'b3/vision', 'b4/datasets', 'b5/tokenizer']) };

describe('the oracle of the later story claims', () => {
  it('accepts every claim the detectors make on histories with a sweep, a takeover, an acceleration, the same work twice and a theme', () => {
    const kinds = new Set<string>();
    for (const inputs of [five(), takeover()]) {
      const stories = storiesOf(factsOf(inputs));
      console.info('stories:', JSON.stringify(stories.map((story) => [story.milestone, story.score])));
      for (const story of stories) kinds.add(story.kind);
      const verdict = checkStoryClaims(stories.flatMap((story) => story.claims), inputs, FIVE_AI);
      console.info(`oracle: ${verdict.checked} checks, ${verdict.problems.length} problems`);
      expect(verdict.problems).toEqual([]);
    }
    for (const kind of ['lab-sweep', 'derivative-takeover', 'acceleration', 'two-platforms', 'repo-theme']) expect(kinds.has(kind)).toBe(true);
  });

  it('rejects a planted wrong claim of each later kind', () => {
    const agents = ['a1/agent-kit', 'a2/crew', 'acme/repo', 'a4/swarm', 'a5/browser-use'];
    const wrong: [IssueInputs, StoryClaim][] = [
      // a holds No. 1, 2 and 4 today: three of the top 5, not two.
      [five(), { kind: 'owner-count', sourceId: 'hf-models', at: T, top: 5, owner: 'a', itemIds: ['a/one', 'a/two'], printed: ['2', '5'] }],
      // 16 GGUF in the top 30 today, not 15.
      [takeover(), { kind: 'derivative-share', sourceId: 'hf-models', at: T, top: 30, derivative: 'quantisation', itemIds: range(101, 115).map((key) => `q/m${key}-GGUF`), printed: ['15', '30', '50%'] }],
      // 120 against 20 a day is 6 times, not 7.
      [five(), { kind: 'acceleration', sourceId: 'hf-models', itemId: 'a/one', metric: 'likes', fromAt: day(7), midAt: day(1), toAt: T, fromValue: 1000, midValue: 1120, toValue: 1240, earlierPerDay: 20, recentPerDay: 120, times: 7, printed: ['120', '20', '7'] }],
      // acme/repo is the code of 2611.01234; 2611.05678 has none.
      [five(), { kind: 'same-work', sourceId: 'gh-trending-weekly', itemId: 'acme/repo', at: T, rank: 3, paperId: '2611.05678', paperAt: T, via: 'code', printed: ['3'] }],
      // Five agent repositories today, not four.
      [five(), { kind: 'theme-count', sourceId: 'gh-trending-weekly', at: T, of: 6, theme: 'agents', itemIds: agents.slice(0, 4), printed: ['4', '6'] }],
    ];
    for (const [inputs, claim] of wrong) {
      const verdict = checkStoryClaims([claim], inputs, FIVE_AI);
      console.info('rejected:', claim.kind, verdict.problems.length);
      expect(verdict.problems.some((problem) => problem.includes(JSON.stringify(claim)))).toBe(true);
    }
  });
});
