import { describe, expect, it } from 'vitest';
import type { SourceWindow } from '@/lib/issue/inputs';
import { repoThemeDetector, themesOf } from '@/lib/issue/stories/repo-theme';
import { checkStoryClaims } from '../../../support/oracle/stories';
import { day, factsFor, failing, H, inputsFor, T, type ItemSpec, windowOf } from './support';

// A theme among the week's GitHub repositories against last week (lib/issue/stories/repo-theme.ts).
const REPOS: Record<number, ItemSpec> = {
  1: { itemId: 'a1/agent-kit', description: 'An AI agent framework', language: 'Python' },
  2: { itemId: 'a2/crew', description: 'Multi-agent LLM workflows', language: 'Python' },
  3: { itemId: 'a3/mcp-hub', description: 'MCP servers for LLM apps', language: 'TypeScript' },
  4: { itemId: 'a4/swarm', description: 'Agentic AI swarms', language: 'Python' },
  5: { itemId: 'a5/browser-use', description: 'Let AI agents use the browser', language: 'Python' },
  6: { itemId: 'a6/planner', description: 'LLM agents that plan', language: 'Python' },
  // Not agents: words inside others ("reagent", "agentry") and other themes.
  11: { itemId: 'b1/reagent-ml', description: 'Machine learning for chemistry reagents', language: 'Python' },
  12: { itemId: 'b2/eval', description: 'LLM evaluation suite', language: 'Python' },
  13: { itemId: 'b3/notebooks', description: 'Deep learning notebooks', language: 'Python' },
  14: { itemId: 'b4/vision', description: 'Computer vision models', language: 'Python' },
  15: { itemId: 'b5/datasets', description: 'AI datasets', language: 'Python' },
  16: { itemId: 'b6/tokenizer', description: 'A fast LLM tokenizer', language: 'Python' },
  17: { itemId: 'b7/bench', description: 'Benchmarks for machine learning', language: 'Python' },
};
const AI = new Set(Object.values(REPOS).map((item) => item.itemId));

/** A weekly page of 8: the agent repositories given, then others. */
const page = (agents: number[]) => [...agents, 11, 12, 13, 14, 15, 16, 17].slice(0, 8);
const window = (lists: [number, number[]][], status?: Parameters<typeof windowOf>[3]) => windowOf('gh-trending-weekly', REPOS, lists, status);

const detect = (source: SourceWindow, extra = {}) => {
  const found = repoThemeDetector.detect(factsFor([source], extra));
  const verdict = checkStoryClaims(found.flatMap((story) => story.claims), inputsFor([source], extra), { aiRepositories: AI });
  expect(verdict.problems).toEqual([]);
  return found;
};

describe('themesOf', () => {
  it('matches whole words and phrases of the name, description and topics, then the language', () => {
    expect(themesOf({ itemId: 'x/y', description: 'Multi-agent RAG over a vector database', language: 'Python' })).toEqual(['agents', 'rag', 'language:Python']);
    expect(themesOf({ itemId: 'x/reagent', description: 'Chemistry reagents, fragrant' })).toEqual([]);
    expect(themesOf({ itemId: 'x/y', tags: ['fine-tuning', 'text-to-speech'] })).toEqual(['fine-tuning', 'speech']);
    expect(themesOf({ itemId: 'x/vllm-serve', description: undefined, tags: undefined })).toEqual(['inference']);
    expect(themesOf({ itemId: 'x/y', description: `${'a '.repeat(5000)}agent` })).toEqual([]);
    expect(themesOf({ itemId: 'x/<script>', description: '<img onerror=alert(1)> agent', language: '  ' })).toEqual(['agents']);
  });
});

describe('a theme among the week\'s repositories', () => {
  it('is told when agents go from 1 of 8 a week ago (and 2 yesterday) to 5 of 8 today', () => {
    const found = detect(window([[day(7), page([1])], [day(1), page([1, 2])], [day(0), page([1, 2, 3, 4, 5])]]));
    console.info('repo theme:', JSON.stringify(found.map((story) => [story.milestone, story.score])));
    expect(found).toEqual([
      {
        kind: 'repo-theme',
        sourceId: 'gh-trending-weekly',
        subject: 'agents',
        claims: [
          { kind: 'theme-count', sourceId: 'gh-trending-weekly', at: T, of: 8, theme: 'agents', itemIds: ['a1/agent-kit', 'a2/crew', 'a3/mcp-hub', 'a4/swarm', 'a5/browser-use'], printed: ['5', '8'] },
          { kind: 'theme-count', sourceId: 'gh-trending-weekly', at: day(7), of: 8, theme: 'agents', itemIds: ['a1/agent-kit'], printed: ['1', '8'] },
        ],
        // round(0.9 × (35 + 5 × 4)) = round(49.5).
        score: 50,
        milestone: 'repo-theme:gh-trending-weekly:agents:5',
      },
    ]);
  });

  it('is not told just below: 4 against 2 (up 2), 7 against 4 (not doubled), 3 against 0 (under 4)', () => {
    const more = { ...REPOS, 7: { itemId: 'a7/x', description: 'AI agent' } };
    expect(detect(window([[day(7), page([1, 2])], [day(1), page([1, 2])], [day(0), page([1, 2, 3, 4])]]))).toEqual([]);
    expect(detect(windowOf('gh-trending-weekly', more, [[day(7), page([1, 2, 3, 4])], [day(1), page([1, 2, 3, 4])], [day(0), page([1, 2, 3, 4, 5, 6, 7])]]))).toEqual([]);
    expect(detect(window([[day(7), page([])], [day(1), page([])], [day(0), page([1, 2, 3])]]))).toEqual([]);
  });

  it('says nothing with less than six days of history, and only on the day the theme first rises', () => {
    expect(detect(window([[day(5), page([1])], [day(1), page([1])], [day(0), page([1, 2, 3, 4, 5])]]))).toEqual([]);
    // Yesterday (Fri 27) already 5 against Sat 20's 1: told then, not again today.
    expect(detect(window([[day(8), page([1])], [day(7), page([1])], [day(1), page([1, 2, 3, 4, 5])], [day(0), page([1, 2, 3, 4, 5, 6])]]))).toEqual([]);
  });

  it('is not told from a failing source or a stale list', () => {
    const lists: [number, number[]][] = [[day(7), page([1])], [day(1), page([1, 2])], [day(0), page([1, 2, 3, 4, 5])]];
    expect(detect(window(lists, failing))).toEqual([]);
    expect(detect(window(lists), { now: T + 37 * H })).toEqual([]);
  });

  it('counts a language as a theme: Rust from 0 to 4 of 8', () => {
    const rust = { ...REPOS, 13: { ...REPOS[13]!, language: 'Rust' }, 14: { ...REPOS[14]!, language: 'Rust' }, 15: { ...REPOS[15]!, language: 'Rust' }, 16: { ...REPOS[16]!, language: 'Rust' } };
    const found = detect(windowOf('gh-trending-weekly', rust, [[day(7), [11, 12, 17, 1]], [day(1), [11, 12, 17, 1]], [day(0), [11, 12, 13, 14, 15, 16, 17, 1]]]));
    expect(found.map((story) => [story.subject, story.score, story.claims.map((claim) => claim.printed)])).toEqual([
      // round(0.9 × (35 + 5 × 4)).
      ['language:Rust', 50, [['4', '8'], ['0', '4']]],
    ]);
  });
});
