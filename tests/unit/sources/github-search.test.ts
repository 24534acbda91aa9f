import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  GITHUB_SEARCH_MAX_OPERATORS,
  GITHUB_SEARCH_MAX_QUERY_LENGTH,
  githubSearch,
  githubSearchQuery,
} from '@/lib/sources/github-search';
import { SourceError } from '@/lib/sources/errors';
import { OWN_FIXTURES, sharedFixture } from '../../support/paths';

const read = (path: string) => readFileSync(path, 'utf8');
const NOW = Date.parse('2026-11-27T07:00:00Z');

function parseFailure(body: string): SourceError {
  try {
    githubSearch.parse(body);
  } catch (caught) {
    expect(caught).toBeInstanceOf(SourceError);
    expect((caught as SourceError).failure.kind).toBe('parse');
    return caught as SourceError;
  }
  throw new Error('expected a parse error');
}

const queryOf = (url: string) => new URL(url).searchParams.get('q') ?? '';
const operators = (q: string) => q.split(/\s+/).filter((word) => word === 'AND' || word === 'OR' || word === 'NOT');

describe('gh-search request', () => {
  it('is the new-AI-repositories search, by stars, 30 a page', () => {
    const request = githubSearch.request({ now: NOW });
    const url = new URL(request.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://api.github.com/search/repositories');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: 'ai OR llm OR artificial-intelligence OR machine-learning OR deep-learning in:name,description,topics created:>2026-10-28 stars:>50',
      sort: 'stars',
      order: 'desc',
      per_page: '30',
    });
    // Encoded as GitHub's own examples are (compare the recorded fixture's query).
    expect(request.url).toContain('created%3A%3E2026-10-28+stars%3A%3E50');
    expect(githubSearch.id).toBe('gh-search');
    expect(githubSearch.label).toBe('New AI repositories on GitHub');
  });

  it('keeps q within GitHub’s limits: 256 characters, 5 operators, no operator between qualifiers', () => {
    const q = queryOf(githubSearch.request({ now: NOW }).url);
    expect(q.length).toBeLessThanOrEqual(GITHUB_SEARCH_MAX_QUERY_LENGTH);
    expect(GITHUB_SEARCH_MAX_QUERY_LENGTH).toBe(256);
    expect(operators(q).length).toBeLessThanOrEqual(GITHUB_SEARCH_MAX_OPERATORS);
    expect(GITHUB_SEARCH_MAX_OPERATORS).toBe(5);
    // `topic:a OR topic:b` is a 422: OR may only join bare words.
    const words = q.split(/\s+/);
    words.forEach((word, index) => {
      if (word !== 'OR') return;
      expect(words[index - 1]).not.toContain(':');
      expect(words[index + 1]).not.toContain(':');
    });
  });

  it.each([
    ['2026-11-27T07:00:00Z', '2026-10-28'],
    ['2026-03-01T00:00:00Z', '2026-01-30'],
    ['2027-01-15T23:59:59Z', '2026-12-16'],
    ['2028-03-30T12:00:00Z', '2028-02-29'],
  ])('dates "new" from context.now (%s → created after %s)', (now, since) => {
    const q = queryOf(githubSearch.request({ now: Date.parse(now) }).url);
    expect(q).toContain(`created:>${since} `);
    expect(githubSearchQuery(Date.parse(now))).toBe(q);
  });

  it('sends the API version headers and no token by default', () => {
    expect(githubSearch.request({ now: NOW }).headers).toEqual({
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
    });
  });

  it('builds a request without credentials: the token is added by fetchSource, for api.github.com only', () => {
    // The token's own tests: tests/unit/github-token.test.ts (issue #9, finding 7).
    const { url, headers } = githubSearch.request({ now: NOW });
    expect(new URL(url).host).toBe('api.github.com');
    expect(Object.keys(headers ?? {}).map((name) => name.toLowerCase())).not.toContain('authorization');
  });
});

describe('gh-search source over the real recorded response (../shared/fixtures)', () => {
  type RawRepo = { full_name: string; stargazers_count: number; forks_count: number };
  const body = () => read(sharedFixture('github-search-topic-ai.json'));

  it('reads all 12 repositories of github-search-topic-ai.json, in the order GitHub ranked them', () => {
    const raw = JSON.parse(body()) as { total_count: number; items: RawRepo[] };
    const { items, dropped } = githubSearch.parse(body());
    expect(raw.total_count).toBe(12);
    expect(items).toHaveLength(12);
    expect(dropped).toBe(0);
    expect(items.map((item) => item.id)).toEqual(raw.items.map((repo) => repo.full_name));
    for (const [index, item] of items.entries()) {
      expect(item.metrics).toEqual({ stars: raw.items[index]!.stargazers_count, forks: raw.items[index]!.forks_count });
    }
    // sort=stars&order=desc
    const stars = items.map((item) => item.metrics.stars!);
    expect(stars).toEqual([...stars].sort((a, b) => b - a));
  });

  it('reads every field of the first repository', () => {
    expect(githubSearch.parse(body()).items[0]).toEqual({
      id: 'bkingfilm/lapian-notes',
      name: 'bkingfilm/lapian-notes',
      url: 'https://github.com/bkingfilm/lapian-notes',
      description: '拉片笔记:把电影变成 AI 辅助的拉片笔记 - 本地抽帧/剧情泳道时间轴/结构树/情绪曲线/段落深拆',
      language: 'TypeScript',
      tags: ['ai', 'film-analysis', 'filmmaking', 'react', 'screenwriting', 'vite'],
      createdAt: '2026-07-08T06:06:31Z',
      metrics: { stars: 308, forks: 40 },
    });
  });

  it('links every repository as https://github.com/{owner}/{repo}', () => {
    for (const item of githubSearch.parse(body()).items) {
      expect(item.url).toBe(`https://github.com/${item.id}`);
    }
  });
});

describe('gh-search source over the project fixture', () => {
  it('reads repositories without a description, language or topics', () => {
    const { items, dropped } = githubSearch.parse(read(join(OWN_FIXTURES, 'github-search-2026-11-26.json')));
    expect(items).toHaveLength(6);
    expect(dropped).toBe(0);
    expect(items.map((item) => item.id)).toEqual([
      'northwind-ai/aurora-r1',
      'lumen-ai/lumen-coder-cli',
      'kestrel-research/chartqa-pro',
      'marisol-dev/prompt-ledger',
      'quietlab/awesome-local-llm',
      'tidepool/embed-bench',
    ]);
    const byId = (id: string) => items.find((item) => item.id === id)!;
    expect(byId('marisol-dev/prompt-ledger').description).toBeUndefined();
    expect(byId('quietlab/awesome-local-llm').language).toBeUndefined();
    expect(byId('tidepool/embed-bench')).toEqual({
      id: 'tidepool/embed-bench',
      name: 'tidepool/embed-bench',
      url: 'https://github.com/tidepool/embed-bench',
      description: 'Fast embedding benchmarks for retrieval-augmented generation.',
      language: 'Go',
      createdAt: '2026-11-21T23:58:01Z',
      metrics: { stars: 88, forks: 6 },
    });
  });
});

describe('gh-search source over bad input', () => {
  const repo = (fields: Record<string, unknown>) => ({
    full_name: 'org/repo',
    html_url: 'https://github.com/org/repo',
    description: 'A repository.',
    language: 'Python',
    stargazers_count: 100,
    forks_count: 10,
    topics: ['llm'],
    created_at: '2026-11-20T10:00:00Z',
    ...fields,
  });
  const result = (items: unknown, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ total_count: Array.isArray(items) ? items.length : 0, incomplete_results: false, items, ...extra });

  it.each([
    ['HTML instead of JSON', '<!doctype html><title>GitHub</title>', /not JSON/],
    ['a truncated body', '{"total_count":12,"incomplete_results":false,"items":[{"full_name":"a/b"', /not JSON/],
    ['a list instead of the search object', JSON.stringify([repo({})]), /expected a GitHub search result object, got a JSON list/],
    ['an empty list', '[]', /got a JSON list/],
    ['null', 'null', /got null/],
    ['an error object without items', '{"message":"Validation Failed","errors":[]}', /no "items" list \(it has "errors", "message"\)/],
    ['items that are not a list', '{"total_count":1,"items":{"full_name":"a/b"}}', /no "items" list/],
    ['no results', result([]), /the list is empty/],
    ['items of the wrong shape', result([1, 'a/b', { name: 'x' }]), /none of the 3 entries/],
  ])('rejects %s with a parse error', (_name, body, message) => {
    expect(parseFailure(body).message).toMatch(message);
  });

  it('still reads the items of an incomplete (timed-out) search', () => {
    const { items } = githubSearch.parse(result([repo({})], { incomplete_results: true }));
    expect(items.map((item) => item.id)).toEqual(['org/repo']);
  });

  it('drops repositories whose name cannot be linked safely and counts them', () => {
    const { items, dropped } = githubSearch.parse(
      result([
        repo({ full_name: 'javascript:alert(1)' }),
        repo({ full_name: 'good/one' }),
        repo({ full_name: '../x' }),
        repo({ full_name: 'https://evil.example' }),
        repo({ full_name: 'a/b/c' }),
        repo({ full_name: undefined }),
        repo({ full_name: 'good/two' }),
      ]),
    );
    expect(items.map((item) => item.url)).toEqual(['https://github.com/good/one', 'https://github.com/good/two']);
    expect(dropped).toBe(5);
  });

  it('builds the link from full_name, never from html_url', () => {
    const { items } = githubSearch.parse(result([repo({ html_url: 'javascript:alert(1)' }), repo({ full_name: 'b/c', html_url: 'https://evil.example/b/c' })]));
    expect(items.map((item) => item.url)).toEqual(['https://github.com/org/repo', 'https://github.com/b/c']);
  });

  it('reads drifted fields as absent rather than wrong', () => {
    const { items } = githubSearch.parse(
      result([repo({ stargazers_count: '1,430', forks_count: -1, description: null, language: null, topics: 'llm', created_at: 0 })]),
    );
    expect(items[0]).toEqual({ id: 'org/repo', name: 'org/repo', url: 'https://github.com/org/repo', metrics: {} });
  });

  it('keeps markup in descriptions as plain text, on one line', () => {
    const { items } = githubSearch.parse(result([repo({ description: '  <img src=x onerror=alert(1)>\n&amp; more ' })]));
    expect(items[0]!.description).toBe('<img src=x onerror=alert(1)> &amp; more');
  });
});
