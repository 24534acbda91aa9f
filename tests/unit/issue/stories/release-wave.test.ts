import { describe, expect, it } from 'vitest';
import { releaseWaveDetector } from '@/lib/issue/stories/release-wave';
import { baseModelOf } from '@/lib/shared/model-tags';
import { day, factsFor, failing, T, type ItemSpec, windowOf } from './support';

// A release wave (lib/issue/stories/release-wave.ts): a base model's derivatives surging into the top 30.
const BASE = 'Qwen/Qwen3-8B';
const derivative = (itemId: string, relation = 'quantized'): ItemSpec => ({ itemId, tags: [`base_model:${BASE}`, `base_model:${relation}:${BASE}`] });
const items: Record<number, ItemSpec> = {
  1: { itemId: BASE },
  2: derivative('unsloth/Qwen3-8B-GGUF'),
  3: derivative('bartowski/Qwen3-8B-GGUF'),
  4: derivative('mlx-community/Qwen3-8B-4bit'),
  5: derivative('someone/Qwen3-8B-abliterated', 'finetune'),
  6: derivative('other/Qwen3-8B-AWQ'),
  7: { itemId: 'lab/Other' },
  8: { itemId: 'lab/Another' },
  // A merge of two models: it names no one base, so it is not counted (lib/shared/model-tags.ts `baseOf`).
  9: { itemId: 'x/Qwen3-8B-merge', tags: [`base_model:merge:${BASE}`, 'base_model:merge:other/Base-7B'] },
};

describe('the base the wave counts by (the one rule, lib/shared/model-tags.ts)', () => {
  it('reads the one model the base_model tags name, a relation tag alone too; never several, nor the item itself', () => {
    expect(baseModelOf(items[2]!)).toBe(BASE);
    // Since issue #12 a relation tag names the base as the plain tag does (the context read it so already).
    expect(baseModelOf({ itemId: 'x/Qwen3-8B-merge', tags: [`base_model:merge:${BASE}`] })).toBe(BASE);
    expect(baseModelOf(items[9]!)).toBeUndefined();
    expect(baseModelOf({ itemId: BASE, tags: [`base_model:${BASE}`] })).toBeUndefined();
    expect(baseModelOf({ itemId: 'a/b', tags: ['base_model:not a repo'] })).toBeUndefined();
    // One repository in two spellings (the Hub's ids ignore case): one base, the first spelling.
    expect(baseModelOf({ itemId: 'a/b', tags: ['base_model:qwen/qwen3-8b', 'base_model:quantized:Qwen/Qwen3-8B'] })).toBe('qwen/qwen3-8b');
  });
});

describe('release wave', () => {
  it('is told the day five derivatives are in the top 30, four of them new this week, yesterday three', () => {
    const facts = factsFor([
      windowOf('hf-models', items, [
        [day(7), [1, 2, 7, 8]],
        [day(1), [1, 2, 3, 7, 4, 8]],
        [day(0), [1, 5, 2, 3, 7, 4, 6, 9, 8]],
      ]),
    ]);
    const found = releaseWaveDetector.detect(facts);
    console.info('release wave:', JSON.stringify(found.map((story) => [story.milestone, story.score])));
    expect(found).toEqual([
      {
        kind: 'release-wave',
        sourceId: 'hf-models',
        subject: BASE,
        claims: [
          {
            kind: 'derivatives',
            sourceId: 'hf-models',
            at: T,
            // 9 rows listed, all visible: the "top 30" holds 9.
            top: 9,
            base: BASE,
            itemIds: ['someone/Qwen3-8B-abliterated', 'unsloth/Qwen3-8B-GGUF', 'bartowski/Qwen3-8B-GGUF', 'mlx-community/Qwen3-8B-4bit', 'other/Qwen3-8B-AWQ'],
            sinceAt: day(7),
            newIds: ['someone/Qwen3-8B-abliterated', 'bartowski/Qwen3-8B-GGUF', 'mlx-community/Qwen3-8B-4bit', 'other/Qwen3-8B-AWQ'],
            printed: ['5', '9', '4'],
          },
        ],
        // min(95, 40 + 4 × 5).
        score: 60,
        milestone: `release-wave:hf-models:${BASE}:4`,
      },
    ]);
  });

  it('is not told again while the wave stays below the next milestone (yesterday already four)', () => {
    const facts = factsFor([windowOf('hf-models', items, [[day(7), [1, 7, 8]], [day(1), [1, 2, 3, 4, 5, 7]], [day(0), [1, 5, 2, 3, 7, 4, 6]]])]);
    expect(releaseWaveDetector.detect(facts)).toEqual([]);
  });

  it('is not told for a family that was already there a week ago (only two new), nor for three derivatives', () => {
    const standing = factsFor([windowOf('hf-models', items, [[day(7), [1, 2, 3, 4]], [day(1), [1, 2, 3, 4]], [day(0), [1, 2, 3, 4, 5, 6]]])]);
    const three = factsFor([windowOf('hf-models', items, [[day(7), [1, 7]], [day(1), [1, 7]], [day(0), [1, 2, 3, 4, 7]]])]);
    expect(releaseWaveDetector.detect(standing)).toEqual([]);
    expect(releaseWaveDetector.detect(three)).toEqual([]);
  });

  it('is not told without a week of history to call anything new, nor from a failing source', () => {
    const lists: [number, number[]][] = [[day(7), [1, 7, 8]], [day(1), [1, 7, 8]], [day(0), [1, 5, 2, 3, 4, 6]]];
    expect(releaseWaveDetector.detect(factsFor([windowOf('hf-models', items, lists)]))).toHaveLength(1);
    expect(releaseWaveDetector.detect(factsFor([windowOf('hf-models', items, lists.slice(2))]))).toEqual([]);
    expect(releaseWaveDetector.detect(factsFor([windowOf('hf-models', items, lists, failing)]))).toEqual([]);
  });
});
