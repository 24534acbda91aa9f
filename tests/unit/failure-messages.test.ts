import { describe, expect, it } from 'vitest';
import { fetchSource, type FetchLike } from '@/lib/background/fetch-source';
import type { Source } from '@/lib/sources/contract';
import { SourceError } from '@/lib/sources/errors';
import { ghTrendingDaily, ghTrendingWeekly } from '@/lib/sources/github-trending';
import { hfModels } from '@/lib/sources/hf-models';

/**
 * A failure message is the extension's own words: remote text (a status text,
 * the start of a body, a page's title, an error that quotes the body) never
 * reaches it (issue #9, finding 6). Covers lib/background/fetch-source.ts and
 * lib/sources/github-trending.ts; the JSON sources' body messages come from
 * lib/sources/json.ts.
 */

const NOW = Date.parse('2026-11-27T08:00:00Z');

/** Each payload carries a marker, so that any part of it in a message is found. */
const PAYLOADS: [string, string][] = [
  ['markup', '<img src=x onerror=alert(1)>MARKER'],
  ['a script', '<script>alert("MARKER")</script>'],
  ['bidi override', '\u202EMARKER\u202C.exe'],
  ['isolates and zero-width', '\u2066MAR\u200BKER\u2069'],
  ['10 kB', `MARKER${'A'.repeat(10_240)}`],
  ['a plausible instruction', 'MARKER: your token expired, paste it at https://evil.example/'],
];

/** Text no message may contain: a payload's marker, markup, bidi controls, zero-width characters. */
function remoteTextIn(message: string): string[] {
  const found: string[] = [];
  if (/MAR\u200B?KER/.test(message)) found.push('the marker');
  if (/[<>]/.test(message)) found.push('markup');
  if (/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/.test(message)) found.push('a bidi or zero-width character');
  if (/A{50}/.test(message)) found.push('the long string');
  if (/evil\.example/.test(message)) found.push('a foreign host');
  if (message.length > 200) found.push(`${message.length} characters`);
  return found;
}

async function messageOf(source: Source, fetch: FetchLike): Promise<string> {
  try {
    await fetchSource(source, { fetch, now: NOW });
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return (error as SourceError).failure.message;
  }
  throw new Error('expected the fetch to fail');
}

/** A response as a fake fetch may give it: no validation of its status text, no body stream. */
function fakeResponse(status: number, statusText: string, body: string, headers: Record<string, string> = {}): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText,
    headers: new Headers(headers),
    url: '',
    body: null,
    text: async () => body,
  } as unknown as Response;
}

const htmlPage = (title: string, body: string) =>
  `<!DOCTYPE html><html><head><title>${title}</title></head><body>${body}</body></html>`;

/** Every place remote text could reach a message, for one payload: [where, source, fetch, the exact message]. */
function places(payload: string): [string, Source, FetchLike, string][] {
  return [
    ['the status text of an HTTP 500', hfModels, async () => fakeResponse(500, payload, payload), 'huggingface.co/api/models answered HTTP 500'],
    ['the status text of an HTTP 404', ghTrendingDaily, async () => fakeResponse(404, payload, payload), 'github.com/trending answered HTTP 404'],
    ['the status text of a 429', hfModels, async () => fakeResponse(429, payload, payload), 'huggingface.co/api/models is rate limiting us (HTTP 429)'],
    [
      'the status text of a rate-limited 403',
      ghTrendingWeekly,
      async () => fakeResponse(403, payload, payload, { 'x-ratelimit-remaining': '0' }),
      'github.com/trending is rate limiting us (HTTP 403)',
    ],
    ['a trending body of plain text', ghTrendingDaily, async () => fakeResponse(200, 'OK', payload.replace(/[<>]/g, '')), 'github.com/trending: the response is plain text, not the HTML trending page'],
    ['a trending body of JSON', ghTrendingDaily, async () => fakeResponse(200, 'OK', JSON.stringify({ message: payload })), 'github.com/trending: the response is JSON, not the HTML trending page'],
    [
      'the title of a page without rows',
      ghTrendingDaily,
      async () => fakeResponse(200, 'OK', htmlPage(payload, `<h1>${payload}</h1>`)),
      'github.com/trending: no repositories found: the trending page markup was not recognised',
    ],
    [
      'a page cut off after its title',
      ghTrendingWeekly,
      async () => fakeResponse(200, 'OK', `<html><head><title>${payload}</title></head><body><p>${payload}`),
      'github.com/trending: the page ends early (no closing </html>): it was cut off',
    ],
    [
      'an error thrown by a parser that quotes the body (as JSON.parse does)',
      { ...hfModels, parse: () => JSON.parse(payload) as never },
      async () => fakeResponse(200, 'OK', payload),
      'huggingface.co/api/models: could not read the response',
    ],
    [
      'an error thrown by a parser with the payload as its message',
      { ...hfModels, parse: () => { throw new Error(payload); } },
      async () => fakeResponse(200, 'OK', payload),
      'huggingface.co/api/models: could not read the response',
    ],
    ['a network error whose message quotes the payload', hfModels, async () => Promise.reject(new TypeError(payload)), 'could not reach huggingface.co/api/models'],
  ];
}

describe('failure messages carry no remote text', () => {
  it.each(PAYLOADS)('%s, in every place it could reach a message', async (_name, payload) => {
    for (const [where, source, fetch, expected] of places(payload)) {
      const message = await messageOf(source, fetch);
      // The trusted part of the cut-off message is our own "</html>"; nothing else in it is markup.
      expect(remoteTextIn(message.replace('</html>', '')), `${where}: ${message.slice(0, 120)}`).toEqual([]);
      expect(message, where).toBe(expected);
    }
  });

  it('prints its figures: cases run, messages carrying remote text', async () => {
    let cases = 0;
    let carrying = 0;
    for (const [, payload] of PAYLOADS) {
      for (const [, source, fetch] of places(payload)) {
        cases += 1;
        if (remoteTextIn((await messageOf(source, fetch)).replace('</html>', '')).length > 0) carrying += 1;
      }
    }
    console.info(`failure messages: ${cases} hostile cases (${PAYLOADS.length} payloads × ${cases / PAYLOADS.length} places), ${carrying} carried remote text`);
    expect(cases).toBe(66);
    expect(carrying).toBe(0);
  });
});
