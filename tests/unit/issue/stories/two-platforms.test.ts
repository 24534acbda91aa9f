import { describe, expect, it } from 'vitest';
import type { SourceWindow } from '@/lib/issue/inputs';
import type { StoryClaim } from '@/lib/issue/stories';
import { arxivIdsOf, codeRepositoryOf, twoPlatformsDetector } from '@/lib/issue/stories/two-platforms';
import { checkStoryClaims } from '../../../support/oracle/stories';
import { day, factsFor, failing, H, inputsFor, T, type ItemSpec, windowOf } from './support';

// The same work on two platforms, by exact ids (lib/issue/stories/two-platforms.ts).
const PAPERS: Record<number, ItemSpec> = {
  // Featured Thu 26: code at acme/repo (GitHub's list spells it Acme/Repo: the same repository, GitHub ignores case).
  1: { itemId: '2611.01234', publishedAt: '2026-11-26T20:00:00.000Z', codeUrl: 'https://github.com/acme/repo' },
  // Featured Fri 27, no code; named by a model's arxiv tag.
  2: { itemId: '2611.05678', publishedAt: '2026-11-27T20:00:00.000Z' },
  // A similar name is not the same id.
  3: { itemId: '2611.09999', publishedAt: '2026-11-27T20:00:00.000Z', codeUrl: 'https://github.com/acme/repo-v2' },
  // Featured 20 days ago, replayed in today's list: not a paper of the week.
  4: { itemId: '2611.00001', publishedAt: '2026-11-08T20:00:00.000Z', codeUrl: 'https://github.com/old/thing' },
};
const REPOS: Record<number, ItemSpec> = {
  1: { itemId: 'other/llm-tool', description: 'An LLM tool' },
  2: { itemId: 'Acme/Repo', description: 'Code for an AI paper' },
  3: { itemId: 'old/thing', description: 'An AI thing' },
};
const MODELS: Record<number, ItemSpec> = {
  1: { itemId: 'lab/m1' },
  2: { itemId: 'lab/m2', tags: ['arxiv:not-an-id', 'arxiv:2611.05678v2'] },
  3: { itemId: 'lab/m3', tags: ['arxiv:2305.12345'] },
};
const AI = new Set(['other/llm-tool', 'Acme/Repo', 'old/thing']);

const papers = (lists: [number, number[]][], status?: Parameters<typeof windowOf>[3]) =>
  windowOf('hf-papers', PAPERS, lists.map(([at, keys]) => [at, keys, { upvotes: keys.map(() => 10) }]), status);
const detect = (windows: SourceWindow[], extra = {}) => {
  const found = twoPlatformsDetector.detect(factsFor(windows, extra));
  const verdict = checkStoryClaims(found.flatMap((story) => story.claims), inputsFor(windows, extra), { aiRepositories: AI });
  expect(verdict.problems).toEqual([]);
  return found;
};

describe('ids', () => {
  it('reads valid arxiv tags without versions, and a paper\'s code repository from a valid GitHub address only', () => {
    expect([...arxivIdsOf(MODELS[2]!)]).toEqual(['2611.05678']);
    expect([...arxivIdsOf({ tags: undefined })]).toEqual([]);
    expect(codeRepositoryOf({ codeUrl: 'https://github.com/Acme/Repo' })).toBe('acme/repo');
    expect(codeRepositoryOf({ codeUrl: 'https://github.com/settings/tokens' })).toBeUndefined();
    expect(codeRepositoryOf({ codeUrl: 'https://github.com/o/r/../../settings/tokens' })).toBeUndefined();
    expect(codeRepositoryOf({ codeUrl: 'javascript:alert(1)' })).toBeUndefined();
    expect(codeRepositoryOf({})).toBeUndefined();
  });
});

describe('the same work on two platforms', () => {
  it('is told the day a paper of the week\'s repository enters GitHub\'s list, and a top model\'s arxiv tag names a new paper', () => {
    const found = detect([
      papers([[day(1), [1, 4]], [day(0), [1, 2, 3, 4]]]),
      windowOf('gh-trending-weekly', REPOS, [[day(1), [1, 3]], [day(0), [1, 2, 3]]]),
      windowOf('hf-models', MODELS, [[day(1), [1, 2, 3]], [day(0), [1, 3, 2]]]),
    ]);
    console.info('two platforms:', JSON.stringify(found.map((story) => [story.milestone, story.score])));
    expect(found).toEqual([
      {
        kind: 'two-platforms',
        sourceId: 'gh-trending-weekly',
        subject: 'Acme/Repo',
        claims: [{ kind: 'same-work', sourceId: 'gh-trending-weekly', itemId: 'Acme/Repo', at: T, rank: 2, paperId: '2611.01234', paperAt: T, via: 'code', printed: ['2'] }],
        // round(0.9 × (50 + 11 − 2)) = round(53.1).
        score: 53,
        milestone: 'two-platforms:gh-trending-weekly:Acme/Repo:2611.01234',
      },
      {
        kind: 'two-platforms',
        sourceId: 'hf-models',
        subject: 'lab/m2',
        // The model was listed yesterday, but the paper was in no list before today.
        claims: [{ kind: 'same-work', sourceId: 'hf-models', itemId: 'lab/m2', at: T, rank: 3, paperId: '2611.05678', paperAt: T, via: 'arxiv', printed: ['3'] }],
        // 50 + 11 − 3.
        score: 58,
        milestone: 'two-platforms:hf-models:lab/m2:2611.05678',
      },
    ]);
  });

  it('is not told the day after: the repository was listed and the paper known yesterday', () => {
    const found = detect([papers([[day(1), [1, 2]], [day(0), [1, 2]]]), windowOf('gh-trending-weekly', REPOS, [[day(1), [2]], [day(0), [1, 2]]]), windowOf('hf-models', MODELS, [[day(1), [2]], [day(0), [2]]])]);
    expect(found).toEqual([]);
  });

  it('is not told without a day\'s baseline, from a failing or stale source, or from the papers\' source failing', () => {
    const windows = () => [papers([[day(1), [4]], [day(0), [1]]]), windowOf('gh-trending-weekly', REPOS, [[day(1), [1]], [day(0), [2]]])];
    expect(detect(windows())).toHaveLength(1);
    expect(detect([papers([[day(0), [1]]]), windowOf('gh-trending-weekly', REPOS, [[day(0), [2]]])])).toEqual([]);
    expect(detect([papers([[day(1), [4]], [day(0), [1]]], failing), windowOf('gh-trending-weekly', REPOS, [[day(1), [1]], [day(0), [2]]])])).toEqual([]);
    expect(detect([papers([[day(1), [4]], [day(0), [1]]]), windowOf('gh-trending-weekly', REPOS, [[day(1), [1]], [day(0), [2]]], failing)])).toEqual([]);
    expect(detect(windows(), { now: T + 37 * H })).toEqual([]);
  });

  it('never matches by name or an old paper: acme/repo-v2 is not Acme/Repo, a paper of three weeks ago is not of the week', () => {
    const found = detect([papers([[day(1), [3]], [day(0), [3, 4]]]), windowOf('gh-trending-weekly', REPOS, [[day(1), [1]], [day(0), [1, 2, 3]]])]);
    expect(found).toEqual([]);
  });

  describe("the week's most upvoted paper (issue #12)", () => {
    // Five more papers of the week (featured Fri 27), so that "most upvoted" is said of at least five.
    const MORE: Record<number, ItemSpec> = Object.fromEntries([5, 6, 7, 8].map((key) => [key, { itemId: `2611.1000${key}`, publishedAt: '2026-11-27T20:00:00.000Z' }]));
    const upvoted = (today: number[]) =>
      windowOf('hf-papers', { ...PAPERS, ...MORE }, [
        [day(1), [4], { upvotes: [500] }],
        [day(0), [1, 2, 3, 4, 5, 6, 7, 8], { upvotes: today }],
      ]);
    const repos = windowOf('gh-trending-weekly', REPOS, [[day(1), [1, 3]], [day(0), [1, 2, 3]]]);

    it("says so when the paper has more upvotes than every other paper of the week (the old paper's 900 do not count)", () => {
      // Papers 1, 2, 3, 5–8 are of the week: 1 has 40, the next 12. Paper 4 (featured three weeks ago) has 900.
      const found = detect([upvoted([40, 12, 12, 900, 3, 2, 1, 0]), repos]);
      expect(found.map((story) => story.claims[0])).toEqual([
        { kind: 'same-work', sourceId: 'gh-trending-weekly', itemId: 'Acme/Repo', at: T, rank: 2, paperId: '2611.01234', paperAt: T, via: 'code', mostUpvoted: true, printed: ['2'] },
      ]);
    });

    it('does not say so for a tie, for a paper behind another, nor among fewer than five papers of the week', () => {
      const claimOf = (windows: SourceWindow[]) => detect(windows).map((story) => story.claims[0]);
      expect(claimOf([upvoted([40, 40, 12, 900, 3, 2, 1, 0]), repos])[0]).not.toHaveProperty('mostUpvoted');
      expect(claimOf([upvoted([40, 41, 12, 900, 3, 2, 1, 0]), repos])[0]).not.toHaveProperty('mostUpvoted');
      // Papers 1–3 and 5 only: four of the week.
      const four = windowOf('hf-papers', { ...PAPERS, ...MORE }, [[day(1), [4], { upvotes: [500] }], [day(0), [1, 2, 3, 5], { upvotes: [40, 1, 1, 1] }]]);
      expect(claimOf([four, repos])[0]).not.toHaveProperty('mostUpvoted');
    });

    it('the oracle refuses the claim where another paper of the week has as many upvotes, or fewer than five are', () => {
      const windows = [upvoted([40, 40, 12, 900, 3, 2, 1, 0]), repos];
      const claim: StoryClaim = { kind: 'same-work', sourceId: 'gh-trending-weekly', itemId: 'Acme/Repo', at: T, rank: 2, paperId: '2611.01234', paperAt: T, via: 'code', mostUpvoted: true, printed: ['2'] };
      expect(checkStoryClaims([claim], inputsFor(windows), { aiRepositories: AI }).problems).toEqual([
        `same-work claim ${JSON.stringify(claim)}: not the week's most upvoted paper (40 upvotes against 40)`,
      ]);
      const four = windowOf('hf-papers', { ...PAPERS, ...MORE }, [[day(1), [4], { upvotes: [500] }], [day(0), [1, 2, 3, 5], { upvotes: [40, 1, 1, 1] }]]);
      expect(checkStoryClaims([claim], inputsFor([four, repos]), { aiRepositories: AI }).problems).toEqual([
        `same-work claim ${JSON.stringify(claim)}: "most upvoted" of 4 papers of the week (fewer than five)`,
      ]);
    });
  });
});
