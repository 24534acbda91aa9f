import * as v from 'valibot';
import type { RequestContext, Source, TrendingItem } from './contract';
import { parseError } from './errors';
import { count, nameableKeys, optionalText, parseJsonList, strings, tagList } from './json';
import { githubRepoUrl, isGithubRepoFullName } from '../shared/links';
import { SOURCE_INFO } from './info';

/**
 * New AI repositories on GitHub, from the search API:
 * `GET https://api.github.com/search/repositories?q=…&sort=stars&order=desc`
 * → `{total_count, incomplete_results, items[]}` (api-facts.md). Search allows
 * 10 requests a minute anonymously, 30 with a token.
 */
export const GITHUB_SEARCH_PER_PAGE = 30;
/** "New" means created within this many days of `context.now`. */
export const GITHUB_SEARCH_WINDOW_DAYS = 30;
export const GITHUB_SEARCH_MIN_STARS = 50;
/** GitHub rejects a `q` over 256 characters or with more than 5 AND/OR/NOT operators (api-facts.md). */
export const GITHUB_SEARCH_MAX_QUERY_LENGTH = 256;
export const GITHUB_SEARCH_MAX_OPERATORS = 5;

/**
 * What makes a repository "AI". GitHub does not OR qualifiers: `topic:llm OR
 * topic:ai` is a 422 "Logical operators only apply to text, not to qualifiers",
 * and repeated `topic:` qualifiers are ANDed (secondary: third-party probes of
 * the live API, 2026). So the terms are bare keywords ORed together and scoped
 * with `in:name,description,topics`, the form those probes saw work alongside
 * `created:` and `stars:`. Four ORs stay within the five-operator budget; the
 * five terms are GitHub's most used AI topics, and `ai` also matches the
 * `ai-agents`, `generative-ai`… family, `llm` the `llm-*` one.
 */
export const GITHUB_AI_TERMS = ['ai', 'llm', 'artificial-intelligence', 'machine-learning', 'deep-learning'] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The search `q`: AI repositories created in the last 30 days (UTC dates) with more than 50 stars. */
export function githubSearchQuery(now: number): string {
  const since = new Date(now - GITHUB_SEARCH_WINDOW_DAYS * DAY_MS).toISOString().slice(0, 10);
  return `${GITHUB_AI_TERMS.join(' OR ')} in:name,description,topics created:>${since} stars:>${GITHUB_SEARCH_MIN_STARS}`;
}

const RepositorySchema = v.object({
  // Every link is built from it (lib/links.ts); `html_url` from the response is never used.
  full_name: v.pipe(v.string(), v.check(isGithubRepoFullName, 'not a GitHub owner/repo')),
  description: optionalText,
  language: optionalText,
  topics: tagList,
  created_at: optionalText,
  stargazers_count: count,
  forks_count: count,
});

/**
 * The `items` list of a search result. `incomplete_results: true` (the search
 * timed out, api-facts.md) still carries valid items, so it is not checked.
 */
function searchItems(json: unknown): unknown {
  if (Array.isArray(json)) throw parseError('expected a GitHub search result object, got a JSON list');
  if (typeof json !== 'object' || json === null) {
    throw parseError(`expected a GitHub search result object, got ${json === null ? 'null' : `a ${typeof json}`}`);
  }
  if (!('items' in json) || !Array.isArray(json.items)) {
    // Only keys of the extension's own vocabulary are named: never remote text (issue #9, finding 6).
    const keys = nameableKeys(json);
    throw parseError(`the GitHub search result has no "items" list${keys.length ? ` (it has ${keys.join(', ')})` : ''}`);
  }
  return json.items;
}

export const githubSearch: Source = {
  id: 'gh-search',
  label: SOURCE_INFO['gh-search'].label,
  limit: GITHUB_SEARCH_PER_PAGE,
  request: ({ now }: RequestContext) => {
    const params = new URLSearchParams({
      q: githubSearchQuery(now),
      sort: 'stars',
      order: 'desc',
      per_page: String(GITHUB_SEARCH_PER_PAGE),
    });
    const headers: Record<string, string> = {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
    };
    // The reader's token, when they gave one, is added by fetchSource (lib/background/fetch-source.ts),
    // which sends it to https://api.github.com only; it raises search to 30/min.
    return { url: `https://api.github.com/search/repositories?${params.toString()}`, headers };
  },
  parse: (body) =>
    parseJsonList(
      body,
      RepositorySchema,
      (repo): TrendingItem => {
        const item: TrendingItem = {
          id: repo.full_name,
          name: repo.full_name,
          url: githubRepoUrl(repo.full_name),
          metrics: {},
        };
        const description = repo.description?.replace(/\s+/g, ' ').trim();
        if (description) item.description = description;
        if (repo.language) item.language = repo.language;
        const topics = strings(repo.topics);
        if (topics?.length) item.tags = topics;
        if (repo.created_at) item.createdAt = repo.created_at;
        if (repo.stargazers_count !== undefined) item.metrics.stars = repo.stargazers_count;
        if (repo.forks_count !== undefined) item.metrics.forks = repo.forks_count;
        return item;
      },
      { pick: searchItems, limit: GITHUB_SEARCH_PER_PAGE },
    ),
};
