import { describe, expect, it } from 'vitest';
import { fetchSource, retryAfterFrom, type FetchLike } from '@/lib/background/fetch-source';
import { hfModels } from '@/lib/sources/hf-models';
import { SourceError, type SourceFailure } from '@/lib/sources/errors';

const NOW = Date.parse('2026-11-27T08:00:00Z');
const GOOD = JSON.stringify([{ id: 'org/model', likes: 1, downloads: 2, trendingScore: 3 }]);

const answer =
  (status: number, body = '', headers: Record<string, string> = {}): FetchLike =>
  async () =>
    new Response(status === 204 ? null : body, { status, headers });

async function failureOf(fetch: FetchLike, timeoutMs?: number): Promise<SourceFailure> {
  try {
    await fetchSource(hfModels, { fetch, now: NOW, ...(timeoutMs ? { timeoutMs } : {}) });
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return (error as SourceError).failure;
  }
  throw new Error('expected the fetch to fail');
}

describe('fetchSource', () => {
  it('requests the source URL without cookies and parses a good answer', async () => {
    const seen: { url: string; init?: RequestInit }[] = [];
    const list = await fetchSource(hfModels, {
      now: NOW,
      fetch: async (url, init) => {
        seen.push({ url, init });
        return new Response(GOOD, { status: 200 });
      },
    });
    expect(list.items.map((item) => item.id)).toEqual(['org/model']);
    expect(seen[0]!.url).toBe('https://huggingface.co/api/models?sort=trendingScore&limit=50');
    expect(seen[0]!.init?.credentials).toBe('omit');
    expect(seen[0]!.init?.signal).toBeInstanceOf(AbortSignal);
  });

  // A table of faults: each names its kind and the place that failed, and none escapes as anything but a SourceError.
  it.each<[string, FetchLike, Partial<SourceFailure>, RegExp]>([
    ['HTTP 500', answer(500, 'oops'), { kind: 'http', status: 500 }, /huggingface\.co\/api\/models answered HTTP 500/],
    ['HTTP 404', answer(404), { kind: 'http', status: 404 }, /HTTP 404/],
    ['HTTP 503 with Retry-After seconds', answer(503, '', { 'retry-after': '120' }), { kind: 'http', status: 503, retryAfterAt: NOW + 120_000 }, /HTTP 503/],
    ['429 with Retry-After seconds', answer(429, '', { 'retry-after': '30' }), { kind: 'rate-limited', status: 429, retryAfterAt: NOW + 30_000 }, /rate limiting/],
    [
      '429 with Retry-After as a date',
      answer(429, '', { 'retry-after': 'Fri, 27 Nov 2026 08:05:00 GMT' }),
      { kind: 'rate-limited', retryAfterAt: Date.parse('2026-11-27T08:05:00Z') },
      /rate limiting/,
    ],
    [
      "429 with Hugging Face's RateLimit header",
      answer(429, '', { ratelimit: '"api";r=0;t=187', 'ratelimit-policy': '"fixed window";"api";q=500;w=300' }),
      { kind: 'rate-limited', retryAfterAt: NOW + 187_000 },
      /rate limiting/,
    ],
    [
      '403 with x-ratelimit-remaining: 0',
      answer(403, '{}', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 600) }),
      { kind: 'rate-limited', status: 403, retryAfterAt: NOW + 600_000 },
      /rate limiting/,
    ],
    ['403 without a rate limit', answer(403, 'forbidden'), { kind: 'http', status: 403 }, /HTTP 403/],
    ['a network error', async () => Promise.reject(new TypeError('Failed to fetch')), { kind: 'network' }, /could not reach huggingface\.co.*Failed to fetch/],
    ['a body that is not JSON', answer(200, '<html>maintenance</html>'), { kind: 'parse' }, /huggingface\.co\/api\/models: the response is not JSON/],
    ['a truncated body', answer(200, GOOD.slice(0, 20)), { kind: 'parse' }, /not JSON/],
    ['JSON of the wrong shape', answer(200, '{"models":[]}'), { kind: 'parse' }, /expected a JSON list/],
    ['an empty 204', answer(204), { kind: 'parse' }, /not JSON/],
  ])('%s', async (_name, fetch, expected, message) => {
    const failure = await failureOf(fetch);
    expect(failure).toMatchObject(expected);
    expect(failure.message).toMatch(message);
  });

  it('gives up after its time budget with a timeout', async () => {
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const failure = await failureOf(hanging, 20);
    expect(failure).toMatchObject({ kind: 'timeout' });
    expect(failure.message).toMatch(/did not answer in time/);
  });

  it('reports a body cut off while reading as a network failure', async () => {
    const cut: FetchLike = async () => {
      const stream = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('[{"id":'));
          controller.error(new TypeError('network connection lost'));
        },
      });
      return new Response(stream, { status: 200 });
    };
    const failure = await failureOf(cut);
    expect(failure.kind).toBe('network');
    expect(failure.message).toMatch(/cut off/);
  });
});

describe('retryAfterFrom', () => {
  it.each<[Record<string, string>, number | undefined]>([
    [{}, undefined],
    [{ 'retry-after': '0' }, NOW],
    [{ 'retry-after': 'soon' }, undefined],
    // A date in the past means "now", not a time before it.
    [{ 'retry-after': 'Thu, 26 Nov 2026 08:00:00 GMT' }, NOW],
    [{ ratelimit: '"api";r=12;t=40' }, NOW + 40_000],
    [{ 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': '1895000000' }, undefined],
  ])('%j → %s', (headers, expected) => {
    expect(retryAfterFrom(new Headers(headers), NOW)).toBe(expected);
  });
});
