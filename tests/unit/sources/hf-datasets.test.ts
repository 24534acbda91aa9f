import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hfDatasets } from '@/lib/sources/hf-datasets';
import { SourceError } from '@/lib/sources/errors';
import { OWN_FIXTURES, sharedFixture } from '../../support/paths';

const read = (path: string) => readFileSync(path, 'utf8');

function parseFailure(body: string): SourceError {
  try {
    hfDatasets.parse(body);
  } catch (caught) {
    expect(caught).toBeInstanceOf(SourceError);
    expect((caught as SourceError).failure.kind).toBe('parse');
    return caught as SourceError;
  }
  throw new Error('expected a parse error');
}

describe('hf-datasets source', () => {
  it('asks for 50 datasets by trending score, as JSON', () => {
    const request = hfDatasets.request({ now: Date.parse('2026-11-27T07:00:00Z') });
    expect(request.url).toBe('https://huggingface.co/api/datasets?sort=trendingScore&limit=50');
    expect(request.headers).toEqual({ accept: 'application/json' });
    expect(hfDatasets.id).toBe('hf-datasets');
    expect(hfDatasets.label).toBe('Hugging Face datasets');
  });
});

describe('hf-datasets source over the real recorded response (../shared/fixtures)', () => {
  const body = () => read(sharedFixture('hf-datasets-trending.json'));

  it('reads all 25 trending datasets of hf-datasets-trending.json, in API order', () => {
    const raw = JSON.parse(body()) as { id: string; likes: number; downloads: number; tags: string[] }[];
    const { items, dropped } = hfDatasets.parse(body());
    expect(items).toHaveLength(25);
    expect(dropped).toBe(0);
    expect(items.map((item) => item.id)).toEqual(raw.map((dataset) => dataset.id));
    // Every field of the first item; the recording has no trendingScore or createdAt, so neither appears.
    expect(items[0]).toEqual({
      id: 'datasocial/tiktok-5.6B-videos',
      name: 'datasocial/tiktok-5.6B-videos',
      url: 'https://huggingface.co/datasets/datasocial/tiktok-5.6B-videos',
      tags: ['license:cc-by-nc-4.0', 'size_categories:1B<n<10B', 'format:parquet', 'modality:tabular', 'modality:text'],
      metrics: { likes: 201, downloads: 10532 },
    });
    for (const [index, item] of items.entries()) {
      expect(item.metrics).toEqual({ likes: raw[index]!.likes, downloads: raw[index]!.downloads });
      expect(item.tags).toEqual(raw[index]!.tags);
    }
  });

  it('links every dataset under /datasets/ (api-facts.md, pitfall 3)', () => {
    for (const item of hfDatasets.parse(body()).items) {
      expect(item.url).toBe(`https://huggingface.co/datasets/${item.id}`);
    }
  });

  it('takes the task from the first task_categories: tag, when there is one', () => {
    const { items } = hfDatasets.parse(body());
    expect(items.find((item) => item.id === 'bakrianoo/jabarti-llm-dataset')?.task).toBe('text-generation');
    expect(items.find((item) => item.id === 'ILSVRC/imagenet-1k')?.task).toBe('image-classification');
    // 19 of the 25 recorded rows carry a task_categories: tag among their (truncated) first five tags.
    expect(items.filter((item) => item.task !== undefined)).toHaveLength(19);
    expect(items.find((item) => item.id === 'Anthropic/hh-rlhf')?.task).toBeUndefined();
  });
});

describe('hf-datasets source over the project fixture', () => {
  it('reads the trending score and creation date of the default item shape, and refuses a one-part id', () => {
    const { items, dropped } = hfDatasets.parse(read(join(OWN_FIXTURES, 'hf-datasets-trending-2026-11-26.json')));
    expect(items).toHaveLength(5);
    expect(dropped).toBe(1);
    expect(items[0]).toMatchObject({
      id: 'northwind-ai/Aurora-Reasoning-Traces',
      task: 'text-generation',
      createdAt: '2026-11-17T09:12:00.000Z',
      metrics: { likes: 412, downloads: 20931, trendingScore: 388 },
    });
    // Two task_categories: tags: the first one is the task.
    expect(items.find((item) => item.id === 'bluefin/PodcastSpeech-40k')?.task).toBe('automatic-speech-recognition');
    expect(items.find((item) => item.id === 'tidepool/web-crawl-2026-10')?.task).toBeUndefined();
    // Datasets are listed namespaced; a one-part id is a model's legacy form only (lib/shared/links.ts, issue #9).
    expect(items.find((item) => item.id === 'wikitext-mini')).toBeUndefined();
  });
});

describe('hf-datasets source over bad input', () => {
  const dataset = (fields: Record<string, unknown>) => ({ id: 'org/data', likes: 1, downloads: 2, trendingScore: 3, ...fields });

  it.each([
    ['HTML instead of JSON', '<!doctype html><title>Hugging Face – down</title>', /not JSON/],
    ['a truncated body', '[{"id":"wikimedia/wikipedia","likes":1', /not JSON/],
    ['an object instead of a list', '{"error":"Invalid sort parameter"}', /expected a JSON list, got an object with "error"/],
    ['an empty list', '[]', /the list is empty/],
    ['a list of the wrong things', '[1, "two", {"name": "x"}]', /none of the 3 entries/],
  ])('rejects %s with a parse error', (_name, body, message) => {
    expect(parseFailure(body).message).toMatch(message);
  });

  it('drops entries that cannot be linked safely and counts them', () => {
    const { items, dropped } = hfDatasets.parse(
      JSON.stringify([
        dataset({ id: 'good/one' }),
        dataset({ id: 'javascript:alert(1)' }),
        dataset({ id: '../x' }),
        dataset({ id: 'https://evil.example' }),
        dataset({ id: null }),
        dataset({ id: 'good/two' }),
      ]),
    );
    expect(items.map((item) => item.id)).toEqual(['good/one', 'good/two']);
    expect(items.map((item) => item.url)).toEqual(['https://huggingface.co/datasets/good/one', 'https://huggingface.co/datasets/good/two']);
    expect(dropped).toBe(4);
  });

  it('reads drifted numbers and tags as absent rather than wrong', () => {
    const { items } = hfDatasets.parse(JSON.stringify([dataset({ likes: '1,234', downloads: 1.5, trendingScore: 'hot', tags: 'text' })]));
    expect(items[0]).toEqual({ id: 'org/data', name: 'org/data', url: 'https://huggingface.co/datasets/org/data', metrics: {} });
  });

  it('reads the trending score when the API sends it', () => {
    const { items } = hfDatasets.parse(JSON.stringify([dataset({ createdAt: '2026-11-01T00:00:00.000Z' })]));
    expect(items[0]!.metrics).toEqual({ likes: 1, downloads: 2, trendingScore: 3 });
    expect(items[0]!.createdAt).toBe('2026-11-01T00:00:00.000Z');
  });

  it('gives no task for an empty task_categories: tag and keeps only string tags', () => {
    const { items } = hfDatasets.parse(JSON.stringify([dataset({ tags: ['task_categories:', 7, 'task_categories:translation'] })]));
    expect(items[0]!.task).toBe('translation');
    expect(items[0]!.tags).toEqual(['task_categories:', 'task_categories:translation']);
  });

  it('keeps markup in remote text as plain text', () => {
    const { items } = hfDatasets.parse(JSON.stringify([dataset({ tags: ['task_categories:<img src=x onerror=alert(1)>'] })]));
    expect(items[0]!.task).toBe('<img src=x onerror=alert(1)>');
  });
});
