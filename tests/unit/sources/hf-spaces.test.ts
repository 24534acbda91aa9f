import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hfSpaces } from '@/lib/sources/hf-spaces';
import { SourceError } from '@/lib/sources/errors';
import { OWN_FIXTURES, sharedFixture } from '../../support/paths';

const read = (path: string) => readFileSync(path, 'utf8');

function parseFailure(body: string): SourceError {
  try {
    hfSpaces.parse(body);
  } catch (caught) {
    expect(caught).toBeInstanceOf(SourceError);
    expect((caught as SourceError).failure.kind).toBe('parse');
    return caught as SourceError;
  }
  throw new Error('expected a parse error');
}

describe('hf-spaces source', () => {
  it('asks for 50 spaces by trending score, as JSON', () => {
    const request = hfSpaces.request({ now: Date.parse('2026-11-27T07:00:00Z') });
    expect(request.url).toBe('https://huggingface.co/api/spaces?sort=trendingScore&limit=50');
    expect(request.headers).toEqual({ accept: 'application/json' });
    expect(hfSpaces.id).toBe('hf-spaces');
    expect(hfSpaces.label).toBe('Hugging Face spaces');
  });
});

describe('hf-spaces source over the real recorded response (../shared/fixtures)', () => {
  type RawSpace = { id: string; likes: number; trendingScore: number; sdk: string; tags: string[]; createdAt: string };
  const body = () => read(sharedFixture('hf-spaces-trending.json'));

  it('reads all 25 trending spaces of hf-spaces-trending.json, in API order', () => {
    const raw = JSON.parse(body()) as RawSpace[];
    const { items, dropped } = hfSpaces.parse(body());
    expect(items).toHaveLength(25);
    expect(dropped).toBe(0);
    expect(items.map((item) => item.id)).toEqual(raw.map((space) => space.id));
    // Every field of the first item; `_id` and `private` are not carried.
    expect(items[0]).toEqual({
      id: 'Sneak-Moose/Pro-Realism-Edit-Studio',
      name: 'Sneak-Moose/Pro-Realism-Edit-Studio',
      url: 'https://huggingface.co/spaces/Sneak-Moose/Pro-Realism-Edit-Studio',
      sdk: 'gradio',
      tags: ['gradio', 'region:us'],
      createdAt: '2026-05-28T01:22:40.000Z',
      metrics: { likes: 552, trendingScore: 126 },
    });
    for (const [index, item] of items.entries()) {
      expect(item.metrics).toEqual({ likes: raw[index]!.likes, trendingScore: raw[index]!.trendingScore });
      expect(item.sdk).toBe(raw[index]!.sdk);
      expect(item.createdAt).toBe(raw[index]!.createdAt);
    }
    // The recording: 21 gradio and 4 docker spaces.
    expect(items.filter((item) => item.sdk === 'docker')).toHaveLength(4);
  });

  it('links every space under /spaces/ (api-facts.md, pitfall 3)', () => {
    for (const item of hfSpaces.parse(body()).items) {
      expect(item.url).toBe(`https://huggingface.co/spaces/${item.id}`);
    }
  });
});

describe('hf-spaces source over the project fixture', () => {
  it('reads every SDK the Hub offers', () => {
    const { items, dropped } = hfSpaces.parse(read(join(OWN_FIXTURES, 'hf-spaces-trending-2026-11-26.json')));
    expect(items).toHaveLength(6);
    expect(dropped).toBe(0);
    expect(items.map((item) => item.sdk)).toEqual(['gradio', 'gradio', 'docker', 'static', 'streamlit', 'docker']);
    expect(items[1]).toEqual({
      id: 'pixelfoundry/Canvas-XL-Turbo-Demo',
      name: 'pixelfoundry/Canvas-XL-Turbo-Demo',
      url: 'https://huggingface.co/spaces/pixelfoundry/Canvas-XL-Turbo-Demo',
      sdk: 'gradio',
      tags: ['gradio', 'mcp-server', 'region:us'],
      createdAt: '2026-11-09T08:14:00.000Z',
      metrics: { likes: 1204, trendingScore: 266 },
    });
  });
});

describe('hf-spaces source over bad input', () => {
  const space = (fields: Record<string, unknown>) => ({ id: 'org/app', likes: 1, trendingScore: 2, sdk: 'gradio', ...fields });

  it.each([
    ['HTML instead of JSON', '<!doctype html><title>Hugging Face – down</title>', /not JSON/],
    ['a truncated body', '[{"id":"org/app","likes":1', /not JSON/],
    ['an object instead of a list', '{"error":"Invalid sort parameter"}', /expected a JSON list, got an object with "error"/],
    ['an empty list', '[]', /the list is empty/],
    ['a list of the wrong things', '[1, "two", {"name": "x"}]', /none of the 3 entries/],
  ])('rejects %s with a parse error', (_name, body, message) => {
    expect(parseFailure(body).message).toMatch(message);
  });

  it('drops entries that cannot be linked safely and counts them', () => {
    const { items, dropped } = hfSpaces.parse(
      JSON.stringify([
        space({ id: 'javascript:alert(1)' }),
        space({ id: 'good/one' }),
        space({ id: '../x' }),
        space({ id: 'https://evil.example' }),
        space({ id: 'a/b/c' }),
        space({ id: 'good/two' }),
      ]),
    );
    expect(items.map((item) => item.url)).toEqual(['https://huggingface.co/spaces/good/one', 'https://huggingface.co/spaces/good/two']);
    expect(dropped).toBe(4);
  });

  it('reads drifted fields as absent rather than wrong', () => {
    const { items } = hfSpaces.parse(
      JSON.stringify([space({ likes: -1, trendingScore: '126', sdk: { name: 'gradio' }, tags: [null, 'gradio'], createdAt: 17 })]),
    );
    expect(items[0]).toEqual({
      id: 'org/app',
      name: 'org/app',
      url: 'https://huggingface.co/spaces/org/app',
      tags: ['gradio'],
      metrics: {},
    });
  });

  it("reads a Space's models when the response lists them (issue #12): valid model ids only, each once, at most 20", () => {
    const models = ['Qwen/Qwen3-8B', 'gpt2', 'Qwen/Qwen3-8B', 'settings/x', '../../logout', 'javascript:alert(1)', 7, null, 'a/b/c', ` spaced/id`, ...Array.from({ length: 30 }, (_, index) => `m/n${index}`)];
    const { items } = hfSpaces.parse(JSON.stringify([space({ models }), space({ id: 'org/none' }), space({ id: 'org/bad', models: 'Qwen/Qwen3-8B' }), space({ id: 'org/empty', models: ['settings/x'] })]));
    // 'Qwen/Qwen3-8B', 'gpt2', then m/n0 … m/n17: 20 in all.
    expect(items[0]!.models).toEqual(['Qwen/Qwen3-8B', 'gpt2', ...Array.from({ length: 18 }, (_, index) => `m/n${index}`)]);
    for (const item of items.slice(1)) expect(item).not.toHaveProperty('models');
  });

  it('keeps markup in remote text as plain text', () => {
    const { items } = hfSpaces.parse(JSON.stringify([space({ sdk: '<script>alert(1)</script>' })]));
    expect(items[0]!.sdk).toBe('<script>alert(1)</script>');
  });
});
