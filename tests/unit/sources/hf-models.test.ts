import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hfModels } from '@/lib/sources/hf-models';
import { SourceError } from '@/lib/sources/errors';
import { OWN_FIXTURES, sharedFixture } from '../../support/paths';

const read = (path: string) => readFileSync(path, 'utf8');

describe('hf-models source over real recorded responses (../shared/fixtures)', () => {
  it('reads all 30 trending models of hf-models-trending.json, in API order', () => {
    const body = read(sharedFixture('hf-models-trending.json'));
    const raw = JSON.parse(body) as { id: string; likes: number; downloads: number; trendingScore: number; pipeline_tag?: string }[];
    const { items, dropped } = hfModels.parse(body);
    expect(items).toHaveLength(30);
    expect(dropped).toBe(0);
    expect(items.map((item) => item.id)).toEqual(raw.map((model) => model.id));
    expect(items[0]).toMatchObject({
      id: 'Qwen/Qwen3.8-27B',
      url: 'https://huggingface.co/Qwen/Qwen3.8-27B',
      task: 'image-text-to-text',
      metrics: { likes: 12099, downloads: 2090699, trendingScore: 2047 },
    });
    // The fixture README: pipeline_tag is absent on 3 rows (GGUF and similar repos).
    expect(items.filter((item) => item.task === undefined)).toHaveLength(3);
    for (const [index, item] of items.entries()) {
      expect(item.metrics).toEqual({ likes: raw[index]!.likes, downloads: raw[index]!.downloads, trendingScore: raw[index]!.trendingScore });
    }
  });

  it('reads the raw default item shape, with library and tags', () => {
    const { items } = hfModels.parse(read(sharedFixture('hf-models-list-raw-sample.json')));
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({
      id: 'deepseek-ai/DeepSeek-V4-Pro',
      library: 'transformers',
      task: 'text-generation',
      createdAt: '2026-04-22T06:04:45.000Z',
    });
    expect(items[0]!.tags).toContain('license:mit');
  });
});

describe('hf-models source over the /api/trending envelope (../shared/fixtures)', () => {
  it('reads the 10 models of hf-api-trending-models.json, in API order, without a trending score', () => {
    const body = read(sharedFixture('hf-api-trending-models.json'));
    const raw = JSON.parse(body) as { recentlyTrending: { repoType: string; repoData: { id: string; likes: number; downloads: number } }[] };
    const { items, dropped } = hfModels.parse(body);
    expect(items).toHaveLength(10);
    expect(dropped).toBe(0);
    expect(items.map((item) => item.id)).toEqual(raw.recentlyTrending.map((entry) => entry.repoData.id));
    // Every field the envelope gives: no trendingScore, tags, library or createdAt (api-facts.md, pitfall 5).
    expect(items[0]).toEqual({
      id: 'Qwen/Qwen3.8-27B',
      name: 'Qwen/Qwen3.8-27B',
      url: 'https://huggingface.co/Qwen/Qwen3.8-27B',
      task: 'image-text-to-text',
      metrics: { likes: 12054, downloads: 2090699 },
    });
    for (const [index, item] of items.entries()) {
      const { likes, downloads } = raw.recentlyTrending[index]!.repoData;
      expect(item.metrics).toEqual({ likes, downloads });
      expect(item.url).toBe(`https://huggingface.co/${item.id}`);
    }
    // The GGUF repo has no pipeline_tag.
    expect(items.find((item) => item.id === 'unsloth/Qwen3.8-27B-GGUF')?.task).toBeUndefined();
  });

  const entry = (repoType: unknown, id: string) => ({ repoType, repoData: { id, likes: 1, downloads: 2, repoType } });

  it('skips the datasets and spaces of a mixed envelope, without counting them as dropped', () => {
    const { items, dropped } = hfModels.parse(
      JSON.stringify({ recentlyTrending: [entry('dataset', 'org/data'), entry('model', 'org/one'), entry('space', 'org/app'), entry('model', 'org/two')] }),
    );
    expect(items.map((item) => item.url)).toEqual(['https://huggingface.co/org/one', 'https://huggingface.co/org/two']);
    expect(dropped).toBe(0);
  });

  it('drops malformed and hostile entries of the envelope and counts them', () => {
    const { items, dropped } = hfModels.parse(
      JSON.stringify({ recentlyTrending: [entry('model', 'org/one'), { repoType: 'model' }, null, entry('model', 'javascript:alert(1)'), entry(undefined, '../x')] }),
    );
    expect(items.map((item) => item.id)).toEqual(['org/one']);
    expect(dropped).toBe(4);
  });

  it.each([
    ['an envelope without a list', '{"recentlyTrending":{"repoType":"model"}}', /expected a JSON list, got an object with "repoType"/],
    ['an empty envelope', '{"recentlyTrending":[]}', /the list is empty/],
    ['an envelope of datasets only', JSON.stringify({ recentlyTrending: [entry('dataset', 'org/data')] }), /the list is empty/],
  ])('rejects %s with a parse error', (_name, body, message) => {
    expect(() => hfModels.parse(body)).toThrow(SourceError);
    expect(() => hfModels.parse(body)).toThrow(message);
  });
});

describe('hf-models source over the project fixture', () => {
  it('keeps legacy ids without an org and rows without a task', () => {
    const { items } = hfModels.parse(read(join(OWN_FIXTURES, 'hf-models-trending-2026-11-26.json')));
    expect(items).toHaveLength(12);
    expect(items.find((item) => item.id === 'gpt2')?.url).toBe('https://huggingface.co/gpt2');
    const gguf = items.find((item) => item.id === 'northwind-ai/Aurora-R1-32B-GGUF');
    expect(gguf?.task).toBeUndefined();
    expect(gguf?.library).toBeUndefined();
  });
});

describe('hf-models source over bad input', () => {
  const model = (fields: Record<string, unknown>) => ({ id: 'org/model', likes: 1, downloads: 2, trendingScore: 3, ...fields });

  it.each([
    ['HTML instead of JSON', '<!doctype html><title>Hugging Face – down</title>', /not JSON \(it is an HTML page\)/],
    ['a truncated body', '[{"id":"Qwen/Qwen3.8-27B","likes":12', /not JSON/],
    ['an error object', '{"error":"Invalid sort parameter"}', /expected a JSON list, got an object with "error"/],
    ['null', 'null', /expected a JSON list, got null/],
    ['an empty list', '[]', /the list is empty/],
    ['a list of the wrong things', '[1, "two", {"name": "x"}]', /none of the 3 entries/],
  ])('rejects %s with a parse error', (_name, body, message) => {
    const error = (() => {
      try {
        hfModels.parse(body);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).failure.kind).toBe('parse');
    expect((error as SourceError).message).toMatch(message);
  });

  it('drops entries that cannot be linked safely and counts them', () => {
    const body = JSON.stringify([
      model({ id: 'good/one' }),
      model({ id: 'javascript:alert(1)' }),
      model({ id: '../../etc/passwd' }),
      model({ id: 'https://evil.example/x' }),
      model({ id: 42 }),
      model({ id: 'good/two' }),
    ]);
    const { items, dropped } = hfModels.parse(body);
    expect(items.map((item) => item.id)).toEqual(['good/one', 'good/two']);
    expect(dropped).toBe(4);
  });

  it('reads drifted metrics as absent rather than wrong', () => {
    const { items } = hfModels.parse(
      JSON.stringify([model({ likes: '1,234', downloads: -5, trendingScore: null, pipeline_tag: null, tags: ['a', 7] })]),
    );
    expect(items[0]!.metrics).toEqual({});
    expect(items[0]!.task).toBeUndefined();
    expect(items[0]!.tags).toEqual(['a']);
  });

  // Written as JSON text, since JSON.stringify cannot write 1e400 or keep 2^53 + 1 apart from 2^53.
  it.each([
    ['1e308 (finite, but a 309-digit figure)', '1e308'],
    ['1e400 (Infinity once parsed)', '1e400'],
    ['-1e400 (-Infinity once parsed)', '-1e400'],
    ['2^53 + 1 (read as 2^53, past the safe integers)', '9007199254740993'],
    ['a fraction', '12.5'],
    ['a negative count', '-1'],
    ['a string of digits', '"12"'],
    ['the string "NaN"', '"NaN"'],
    ['the string "Infinity"', '"Infinity"'],
  ])('reads a count of %s as absent', (_name, literal) => {
    const { items } = hfModels.parse(`[{"id":"org/model","likes":${literal},"downloads":${literal},"trendingScore":3}]`);
    expect(items[0]!.metrics).toEqual({ trendingScore: 3 });
  });

  it.each([
    ['1e308', '1e308'],
    ['1e400', '1e400'],
    ['-1e308', '-1e308'],
    ['the string "Infinity"', '"Infinity"'],
  ])('reads a trending score of %s as absent', (_name, literal) => {
    const { items } = hfModels.parse(`[{"id":"org/model","likes":1,"trendingScore":${literal}}]`);
    expect(items[0]!.metrics).toEqual({ likes: 1 });
  });

  it('keeps the largest safe integer as a count, and zero', () => {
    const { items } = hfModels.parse('[{"id":"org/model","likes":9007199254740991,"downloads":0}]');
    expect(items[0]!.metrics).toEqual({ likes: 9_007_199_254_740_991, downloads: 0 });
  });

  it('stops validating at the 50 items it asked for, and counts the rest as dropped', () => {
    const body = JSON.stringify(Array.from({ length: 1_000 }, (_, index) => model({ id: `org/m${index}` })));
    const { items, dropped } = hfModels.parse(body);
    expect(items).toHaveLength(50);
    expect(items[49]!.id).toBe('org/m49');
    expect(dropped).toBe(950);
  });

  it('keeps the first rank of an id the list repeats', () => {
    const { items, dropped } = hfModels.parse(JSON.stringify([model({ id: 'a/x' }), model({ id: 'b/y' }), model({ id: 'a/x', likes: 99 })]));
    expect(items.map((item) => item.id)).toEqual(['a/x', 'b/y']);
    expect(items[0]!.metrics.likes).toBe(1);
    expect(dropped).toBe(1);
  });

  it('keeps remote text as data, to be rendered as text', () => {
    const { items } = hfModels.parse(JSON.stringify([model({ pipeline_tag: '<img src=x onerror=alert(1)>' })]));
    expect(items[0]!.task).toBe('<img src=x onerror=alert(1)>');
  });
});
