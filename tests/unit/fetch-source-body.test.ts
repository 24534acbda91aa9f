import { describe, expect, it } from 'vitest';
import { fetchSource, type FetchLike } from '@/lib/background/fetch-source';
import { refreshSources } from '@/lib/background/refresh';
import { latestList } from '@/lib/history/read';
import type { ParsedList, Source } from '@/lib/sources/contract';
import { SourceError, type SourceFailure } from '@/lib/sources/errors';
import { hfModels } from '@/lib/sources/hf-models';
import { MAX_BODY_BYTES } from '@/lib/shared/limits';
import { testDb } from '../support/db';

/**
 * The response body is read as a stream, at most 5 MB of it, within the time
 * budget (issue #9, "Limits in one place": body ≤ 5 MB read as a stream).
 */

const NOW = Date.parse('2026-11-27T08:00:00Z');
/** 5 MB, written out: the limit the issue names. */
const FIVE_MB = 5_242_880;

/** A source that keeps the body it was given, so a test can read what fetchSource decoded. */
function echoSource(): Source & { bodies: string[] } {
  const bodies: string[] = [];
  return {
    id: 'hf-models',
    label: 'echo',
    limit: 1,
    bodies,
    request: () => ({ url: 'https://huggingface.co/api/models?limit=1' }),
    parse: (body): ParsedList => {
      bodies.push(body);
      return { items: [{ id: 'o/r', name: 'o/r', url: 'https://huggingface.co/o/r', metrics: {} }], dropped: 0 };
    },
  };
}

/** A stream of the given chunks, each a byte array. */
function chunked(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
}

const streamed =
  (stream: () => ReadableStream<Uint8Array>): FetchLike =>
  async () =>
    new Response(stream(), { status: 200 });

async function failureOf(source: Source, fetch: FetchLike, timeoutMs?: number): Promise<SourceFailure> {
  try {
    await fetchSource(source, { fetch, now: NOW, ...(timeoutMs ? { timeoutMs } : {}) });
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return (error as SourceError).failure;
  }
  throw new Error('expected the fetch to fail');
}

describe('the body is decoded as a stream', () => {
  // é = C3 A9, € = E2 82 AC, 全 = E5 85 A8, 🚀 = F0 9F 9A 80: 2, 3, 3 and 4 bytes.
  const text = '["é", "€", "全", "🚀"]';
  const bytes = [
    0x5b, 0x22, 0xc3, 0xa9, 0x22, 0x2c, 0x20, 0x22, 0xe2, 0x82, 0xac, 0x22, 0x2c, 0x20, 0x22, 0xe5, 0x85, 0xa8, 0x22, 0x2c, 0x20,
    0x22, 0xf0, 0x9f, 0x9a, 0x80, 0x22, 0x5d,
  ];

  it.each<[string, number[][]]>([
    ['one chunk', [bytes]],
    ['one byte per chunk: every multi-byte character split at each of its bytes', bytes.map((byte) => [byte])],
    // Cut inside é (after C3), inside € (after E2 82), inside 🚀 (after F0 9F 9A).
    ['chunks cut inside é, € and 🚀', [bytes.slice(0, 3), bytes.slice(3, 10), bytes.slice(10, 25), bytes.slice(25)]],
    ['empty chunks in between', [[], bytes.slice(0, 23), [], bytes.slice(23), []]],
  ])('%s decodes to the same text', async (_name, chunks) => {
    const source = echoSource();
    await fetchSource(source, { now: NOW, fetch: streamed(() => chunked(chunks.map((chunk) => Uint8Array.from(chunk)))) });
    expect(source.bodies).toEqual([text]);
  });

  it('drops a byte-order mark and reads an invalid byte as U+FFFD, as Response.text() does', async () => {
    const source = echoSource();
    // EF BB BF (BOM) "a" FF "b"
    const chunks = [[0xef, 0xbb], [0xbf, 0x61, 0xff], [0x62]].map((chunk) => Uint8Array.from(chunk));
    await fetchSource(source, { now: NOW, fetch: streamed(() => chunked(chunks)) });
    expect(source.bodies).toEqual(['a\uFFFDb']);
  });

  it('reads a response that has no body stream (a fake) through its text()', async () => {
    const source = echoSource();
    const bare = { ok: true, status: 200, statusText: '', headers: new Headers(), url: '', body: null, text: async () => '[1]' };
    await fetchSource(source, { now: NOW, fetch: async () => bare as unknown as Response });
    expect(source.bodies).toEqual(['[1]']);
  });
});

describe('the body is at most 5 MB', () => {
  it('MAX_BODY_BYTES is 5 MB', () => expect(MAX_BODY_BYTES).toBe(FIVE_MB));

  it('reads a body of exactly 5 MB, in 64 kB chunks', async () => {
    const source = echoSource();
    const chunk = new Uint8Array(65_536).fill(0x20);
    // 80 × 65,536 = 5,242,880
    await fetchSource(source, { now: NOW, fetch: streamed(() => chunked(Array.from({ length: 80 }, () => chunk))) });
    expect(source.bodies[0]).toHaveLength(FIVE_MB);
  });

  it('refuses a body of 5 MB and one byte as a parse error that says so, without parsing it', async () => {
    const source = echoSource();
    const chunk = new Uint8Array(65_536).fill(0x20);
    const chunks = [...Array.from({ length: 80 }, () => chunk), Uint8Array.of(0x20)];
    const failure = await failureOf(source, streamed(() => chunked(chunks)));
    expect(failure).toEqual({ kind: 'parse', message: 'huggingface.co/api/models: the response was larger than 5 MB, the most the extension reads' });
    expect(source.bodies).toEqual([]);
  });

  it('stops reading a 100 MB body a chunk past 5 MB and cancels the stream', async () => {
    let pulled = 0;
    let cancelled = false;
    const hundredMb = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= 100 * 1_048_576) return controller.close();
          pulled += 65_536;
          controller.enqueue(new Uint8Array(65_536));
        },
        cancel() {
          cancelled = true;
        },
      });
    const failure = await failureOf(echoSource(), streamed(hundredMb));
    console.info(`body limit: a 100 MB body read to ${pulled.toLocaleString('en')} bytes, then cancelled (${cancelled})`);
    expect(failure.kind).toBe('parse');
    expect(failure.message).toMatch(/larger than 5 MB/);
    expect(cancelled).toBe(true);
    // 5 MB, the chunk that crossed it, and at most two the stream queued ahead.
    expect(pulled).toBeLessThanOrEqual(FIVE_MB + 3 * 65_536);
  });

  it('refuses a body over 5 MB that arrives without a stream, counting its UTF-8 bytes', async () => {
    // 1,747,627 × "€" (3 bytes each) = 5,242,881 bytes in only 1,747,627 characters.
    const euros = '€'.repeat(1_747_627);
    const bare = { ok: true, status: 200, statusText: '', headers: new Headers(), url: '', body: null, text: async () => euros };
    const failure = await failureOf(echoSource(), async () => bare as unknown as Response);
    expect(failure).toMatchObject({ kind: 'parse', message: expect.stringMatching(/larger than 5 MB/) });
    // One "€" less is 5,242,878 bytes: read.
    const source = echoSource();
    const under = { ...bare, text: async () => euros.slice(1) };
    await fetchSource(source, { now: NOW, fetch: async () => under as unknown as Response });
    expect(source.bodies[0]).toHaveLength(1_747_626);
  });

  it('keeps the last good list when the next answer is larger than 5 MB (refresh)', async () => {
    const db = testDb();
    const good = JSON.stringify([{ id: 'org/model', likes: 1, downloads: 2, trendingScore: 3 }]);
    let body = good;
    let now = NOW;
    const deps = {
      db,
      fetch: (async () => new Response(body, { status: 200 })) satisfies FetchLike,
      now: () => now,
      random: () => 0.5,
      sources: [hfModels],
      intervalMinutes: 60,
    };
    await refreshSources(deps, 'install');
    body = `[${' '.repeat(FIVE_MB)}]`;
    now += 3_600_000;
    const [outcome] = await refreshSources(deps, 'alarm');
    expect(outcome).toMatchObject({ result: 'failed', failure: { kind: 'parse', message: expect.stringMatching(/larger than 5 MB/) } });
    const list = await latestList(db, 'hf-models');
    expect(list?.fetchedAt).toBe(NOW);
    expect(list?.rows.map((row) => row.itemId)).toEqual(['org/model']);
  });
});

describe('the time budget covers reading the body', () => {
  /** A body that sends one byte every 5 ms and never ends; `cancelled` tells whether the reader let it go. */
  function trickle(): { stream: ReadableStream<Uint8Array>; state: { cancelled: boolean; sent: number } } {
    const state = { cancelled: false, sent: 0 };
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        state.sent += 1;
        controller.enqueue(Uint8Array.of(0x20));
      },
      cancel() {
        state.cancelled = true;
      },
    });
    return { stream, state };
  }

  it('cuts a body that trickles forever at the budget, even when the fetch ignores the abort signal', async () => {
    const { stream, state } = trickle();
    const failure = await failureOf(echoSource(), async () => new Response(stream, { status: 200 }), 100);
    expect(failure).toEqual({ kind: 'timeout', message: 'huggingface.co/api/models stopped sending before the end' });
    expect(state.cancelled).toBe(true);
  });

  it('reads the abort of a fetch that errors its body stream on timeout (as browsers do) as a timeout', async () => {
    const fetch: FetchLike = async (_url, init) => {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(Uint8Array.of(0x5b));
          init?.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
        },
      });
      return new Response(stream, { status: 200 });
    };
    const failure = await failureOf(echoSource(), fetch, 50);
    expect(failure.kind).toBe('timeout');
  });
});
