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
    ['a network error', async () => Promise.reject(new TypeError('Failed to fetch')), { kind: 'network' }, /^could not reach huggingface\.co\/api\/models$/],
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
  // NOW = 2026-11-27T08:00:00Z = 1,795,766,400,000 ms; a day later = 1,795,852,800,000 (the longest wait, issue #9).
  const DAY_LATER = 1_795_852_800_000;
  const cases: [string, Record<string, string>, number | undefined][] = [
    ['no header', {}, undefined],
    ['Retry-After 0', { 'retry-after': '0' }, 1_795_766_400_000],
    ['Retry-After 120', { 'retry-after': '120' }, 1_795_766_520_000],
    ['Retry-After with spaces around', { 'retry-after': '  30 ' }, 1_795_766_430_000],
    ['Retry-After a day exactly', { 'retry-after': '86400' }, DAY_LATER],
    ['Retry-After a day and a second', { 'retry-after': '86401' }, DAY_LATER],
    ['Retry-After of 400 digits', { 'retry-after': '9'.repeat(400) }, DAY_LATER],
    ['Retry-After 1e400', { 'retry-after': '1e400' }, DAY_LATER],
    ['Retry-After Infinity', { 'retry-after': 'Infinity' }, DAY_LATER],
    ['Retry-After -5', { 'retry-after': '-5' }, 1_795_766_400_000],
    ['Retry-After -1e400', { 'retry-after': '-1e400' }, 1_795_766_400_000],
    ['Retry-After 1.5 (decimal seconds)', { 'retry-after': '1.5' }, 1_795_766_401_500],
    ['Retry-After that is neither', { 'retry-after': 'soon' }, undefined],
    ['Retry-After 1e (not a number)', { 'retry-after': '1e' }, undefined],
    ['Retry-After as a date 5 minutes ahead', { 'retry-after': 'Fri, 27 Nov 2026 08:05:00 GMT' }, 1_795_766_700_000],
    ['Retry-After as an RFC 850 date', { 'retry-after': 'Friday, 27-Nov-26 08:05:00 GMT' }, 1_795_766_700_000],
    ['Retry-After as a date a day and a second ahead', { 'retry-after': 'Sat, 28 Nov 2026 08:00:01 GMT' }, DAY_LATER],
    ['Retry-After as a date in year 9999', { 'retry-after': 'Fri, 31 Dec 9999 23:59:59 GMT' }, DAY_LATER],
    ['Retry-After as a date a day ago', { 'retry-after': 'Thu, 26 Nov 2026 08:00:00 GMT' }, 1_795_766_400_000],
    ['Retry-After as a date in year 1000', { 'retry-after': 'Sat, 01 Jan 1000 00:00:00 GMT' }, 1_795_766_400_000],
    ['Retry-After as a date past what a Date holds', { 'retry-after': 'Tue, 13 Sep 275761 00:00:00 GMT' }, undefined],
    ['RateLimit t=187', { ratelimit: '"api";r=0;t=187' }, 1_795_766_587_000],
    ['RateLimit t=40 with r left', { ratelimit: '"api";r=12;t=40' }, 1_795_766_440_000],
    ['RateLimit t of 400 digits', { ratelimit: `"api";r=0;t=${'9'.repeat(400)}` }, DAY_LATER],
    ['RateLimit t=-5', { ratelimit: '"api";r=0;t=-5' }, undefined],
    ['an unreadable Retry-After, then RateLimit', { 'retry-after': 'soon', ratelimit: '"api";r=0;t=40' }, 1_795_766_440_000],
    ['Retry-After before RateLimit', { 'retry-after': '10', ratelimit: '"api";r=0;t=40' }, 1_795_766_410_000],
    ['x-ratelimit-reset 10 minutes ahead', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1795767000' }, 1_795_767_000_000],
    ['x-ratelimit-reset a day and 200 s ahead', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1795853000' }, DAY_LATER],
    ['x-ratelimit-reset of 400 digits', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '9'.repeat(400) }, DAY_LATER],
    ['x-ratelimit-reset 1e400', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1e400' }, DAY_LATER],
    ['x-ratelimit-reset -1', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '-1' }, 1_795_766_400_000],
    ['x-ratelimit-reset that is no number', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': 'soon' }, undefined],
    ['x-ratelimit-remaining 0 without a reset', { 'x-ratelimit-remaining': '0' }, undefined],
    ['x-ratelimit-reset with requests left', { 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': '1895000000' }, undefined],
  ];

  it.each(cases)('%s', (_name, headers, expected) => {
    expect(retryAfterFrom(new Headers(headers), NOW)).toBe(expected);
  });

  it('never gives NaN, Infinity or a wait beyond a day, whatever the header', () => {
    const values = [
      ...cases.flatMap(([, headers]) => Object.values(headers)),
      'NaN', '-Infinity', '+Infinity', '1e308', '-0', '0x7fffffff', '.5', '5.', '1_000', '²³', '5\t5', '\u00ff', '9'.repeat(10_000), 'Mon, 01 Jan 0000 00:00:00 GMT',
    ];
    const names = ['retry-after', 'ratelimit', 'x-ratelimit-reset'];
    let results = 0;
    let unbounded = 0;
    for (const name of names) {
      for (const value of values) {
        const headers = new Headers({ 'x-ratelimit-remaining': '0' });
        headers.set(name, name === 'ratelimit' ? `"api";r=0;t=${value}` : value);
        const at = retryAfterFrom(headers, NOW);
        results += 1;
        if (at !== undefined && !(Number.isFinite(at) && at >= NOW && at <= DAY_LATER)) unbounded += 1;
      }
    }
    console.info(`server waits: ${results} header values read, ${unbounded} unbounded (NaN, Infinity, past or beyond a day)`);
    expect(unbounded).toBe(0);
  });

  it('stores a day, not Infinity, from a 429 with a 400-digit Retry-After', async () => {
    const failure = await failureOf(answer(429, '', { 'retry-after': '9'.repeat(400) }));
    expect(failure).toMatchObject({ kind: 'rate-limited', retryAfterAt: DAY_LATER });
  });
});
