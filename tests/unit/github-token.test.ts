import { describe, expect, it } from 'vitest';
import { fetchSource, GITHUB_TOKEN_HOST, type FetchLike } from '@/lib/background/fetch-source';
import { refreshSources } from '@/lib/background/refresh';
import type { RequestContext, Source } from '@/lib/sources/contract';
import { SourceError, type SourceFailure } from '@/lib/sources/errors';
import { githubSearch } from '@/lib/sources/github-search';
import { ghTrendingDaily } from '@/lib/sources/github-trending';
import { SOURCE_IDS, SOURCES } from '@/lib/sources';
import { testDb } from '../support/db';

/**
 * The reader's GitHub token goes to https://api.github.com and nowhere else,
 * and a request carrying it follows no redirect (issue #9, finding 7 and
 * "Manifest": the token goes only to api.github.com, with redirects refused).
 * Every answer must come from the host asked for.
 */

const NOW = Date.parse('2026-11-27T08:00:00Z');
/** A token of the classic shape (ghp_ and 36 characters), as the options page accepts. */
const TOKEN = 'ghp_R4nd0mT0k3nF0rT3st1ngOnly0123456789';

interface Seen {
  url: string;
  headers: Headers;
  redirect: RequestRedirect | undefined;
}

/** A fetch that records every request (URL, headers, redirect mode) and answers 503, so nothing is parsed. */
function recordingFetch(): { fetch: FetchLike; seen: Seen[] } {
  const seen: Seen[] = [];
  const fetch: FetchLike = async (url, init) => {
    seen.push({ url, headers: new Headers(init?.headers), redirect: init?.redirect });
    return new Response('', { status: 503 });
  };
  return { fetch, seen };
}

/** Everything a request says, as one string: where a token would show wherever it was put. */
function requestText(request: Seen): string {
  return `${request.url}\n${[...request.headers].map(([name, value]) => `${name}: ${value}`).join('\n')}`;
}

async function failureOf(source: Source, fetch: FetchLike, githubToken?: string): Promise<SourceFailure> {
  try {
    await fetchSource(source, { fetch, now: NOW, ...(githubToken !== undefined ? { githubToken } : {}) });
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return (error as SourceError).failure;
  }
  throw new Error('expected the fetch to fail');
}

/** A source asking for `url`: stands for a source that would try to send the token elsewhere. */
const sourceAt = (url: string): Source => ({ ...githubSearch, request: () => ({ url }) });

describe('the GitHub token', () => {
  it('goes with gh-search only, of the seven sources, refusing redirects there', async () => {
    const { fetch, seen } = recordingFetch();
    for (const id of SOURCE_IDS) {
      await fetchSource(SOURCES[id], { fetch, now: NOW, githubToken: TOKEN }).catch(() => undefined);
    }
    expect(seen).toHaveLength(7);
    const carrying = seen.filter((request) => requestText(request).includes(TOKEN));
    console.info(`token: ${seen.length} requests of ${SOURCE_IDS.length} sources, ${carrying.length} carried the token (${carrying.map((request) => new URL(request.url).host).join(', ')})`);
    expect(carrying.map((request) => request.url)).toEqual([githubSearch.request({ now: NOW }).url]);
    const [search] = carrying;
    expect(search!.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(search!.redirect).toBe('error');
    // The other six: no authorization header at all, redirects followed as fetch does by default.
    for (const request of seen.filter((other) => other !== search)) {
      expect(request.headers.has('authorization'), request.url).toBe(false);
      expect(request.redirect, request.url).toBeUndefined();
    }
    // Nor does the token ever go into a URL, gh-search's included.
    expect(seen.filter((request) => request.url.includes(TOKEN))).toEqual([]);
  });

  it('goes with gh-search only when the worker refreshes all seven (refresh passes it to fetchSource)', async () => {
    const { fetch, seen } = recordingFetch();
    await refreshSources(
      { db: testDb(), fetch, now: () => NOW, random: () => 0.5, sources: Object.values(SOURCES), intervalMinutes: 60, githubToken: TOKEN },
      'manual',
    );
    expect(seen).toHaveLength(7);
    expect(seen.filter((request) => requestText(request).includes(TOKEN)).map((request) => new URL(request.url).host)).toEqual(['api.github.com']);
  });

  it('is not sent when the reader gave none, an empty one or one that is not a token', async () => {
    for (const token of [undefined, '', '   ', 'ghp_short', `${TOKEN}\r\nx-evil: 1`]) {
      const { fetch, seen } = recordingFetch();
      await failureOf(githubSearch, fetch, token);
      expect(seen[0]!.headers.has('authorization'), JSON.stringify(token)).toBe(false);
      expect(seen[0]!.redirect).toBeUndefined();
    }
  });

  it('is sent trimmed, as the options page stores it', async () => {
    const { fetch, seen } = recordingFetch();
    await failureOf(githubSearch, fetch, ` ${TOKEN}\n`);
    expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it.each([
    ['plain http', 'http://api.github.com/search/repositories', false],
    ['a longer host that starts with it', 'https://api.github.com.evil.example/search', false],
    ['a host that ends with it', 'https://evil-api.github.com/search', false],
    ['github.com itself', 'https://github.com/trending', false],
    ['another port', 'https://api.github.com:8443/search/repositories', false],
    ['user info before the host', 'https://x@api.github.com/search/repositories', false],
    ['the host in the query only', 'https://evil.example/?api.github.com', false],
    ['the host in the path only', 'https://evil.example/api.github.com/search', false],
    ['the API host in capitals (the same host)', 'https://API.GITHUB.COM/search/repositories', true],
    ['the API host with its explicit default port (the same URL)', 'https://api.github.com:443/search/repositories', true],
    ['the API host', 'https://api.github.com/search/repositories', true],
  ])('with a URL of %s: sent %s', async (_name, url, sent) => {
    const { fetch, seen } = recordingFetch();
    await failureOf(sourceAt(url), fetch, TOKEN);
    expect(requestText(seen[0]!).includes(TOKEN)).toBe(sent);
    expect(seen[0]!.redirect).toBe(sent ? 'error' : undefined);
  });

  it('only ever goes to the one host it is for', () => expect(GITHUB_TOKEN_HOST).toBe('api.github.com'));

  it('is no longer in a source’s request context (sources never see it)', () => {
    // @ts-expect-error — RequestContext has no githubToken: a source cannot be given the token.
    const context: RequestContext = { now: NOW, githubToken: TOKEN };
    for (const id of SOURCE_IDS) expect(JSON.stringify(SOURCES[id].request(context))).not.toContain(TOKEN);
  });
});

describe('redirects', () => {
  /** A server that redirects every request to `location`; the fake follows it unless told `redirect: 'error'`, as fetch does. */
  function redirectingTo(location: string): { fetch: FetchLike; requested: string[] } {
    const requested: string[] = [];
    const fetch: FetchLike = async (url, init) => {
      requested.push(url);
      if (init?.redirect === 'error') throw new TypeError('Failed to fetch');
      requested.push(location);
      const response = new Response('<html><body></body></html>', { status: 200 });
      Object.defineProperty(response, 'url', { value: location });
      return response;
    };
    return { fetch, requested };
  }

  it('a request carrying the token is refused a redirect, and the failure says why it may have failed', async () => {
    const { fetch, requested } = redirectingTo('https://evil.example/collect');
    const failure = await failureOf(githubSearch, fetch, TOKEN);
    expect(failure).toEqual({
      kind: 'network',
      message: 'could not reach api.github.com/search/repositories, or it answered with a redirect, which a request carrying the GitHub token never follows',
    });
    expect(requested.map((url) => new URL(url).host)).toEqual(['api.github.com']);
  });

  it.each([
    ['another host', 'https://evil.example/trending'],
    ['a look-alike host', 'https://github.com.evil.example/trending'],
    ['the same host over http', 'http://github.com/trending'],
    ['the same host on another port', 'https://github.com:8443/trending'],
    ['a URL that is not one', 'not a url'],
  ])('an answer that came from %s is not read', async (_name, finalUrl) => {
    const { fetch } = redirectingTo(finalUrl);
    const failure = await failureOf(ghTrendingDaily, fetch);
    expect(failure).toEqual({ kind: 'http', message: 'github.com/trending redirected to another site, which the extension does not read' });
  });

  it('an answer from the same host on another path is read (and judged by the parser)', async () => {
    const { fetch } = redirectingTo('https://github.com/login?return_to=%2Ftrending');
    const failure = await failureOf(ghTrendingDaily, fetch);
    expect(failure).toEqual({ kind: 'parse', message: 'github.com/trending: no repositories found: the trending page markup was not recognised' });
  });
});
