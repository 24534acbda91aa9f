import { describe, expect, it } from 'vitest';
import { overtakesBaseDetector } from '@/lib/issue/stories/overtakes-base';
import { checkStoryClaims } from '../../../support/oracle/stories';
import { day, factsFor, failing, inputsFor, T, type ItemSpec, windowOf } from './support';

// A derivative out-downloading its base (lib/issue/stories/overtakes-base.ts).
const BASE = 'Qwen/Qwen3-8B';
const items: Record<number, ItemSpec> = {
  1: { itemId: BASE },
  2: { itemId: 'unsloth/Qwen3-8B-GGUF', tags: [`base_model:${BASE}`, `base_model:quantized:${BASE}`] },
  3: { itemId: 'lab/Other' },
};

describe('a derivative out-downloading its base', () => {
  it('is told the day the GGUF passes the base: 15,000 against 10,000, yesterday 9,000 against 9,500', () => {
    const window = windowOf('hf-models', items, [
      [day(1), [1, 2, 3], { downloads: [9500, 9000, 50] }],
      [day(0), [2, 1, 3], { downloads: [15000, 10000, 60] }],
    ]);
    const found = overtakesBaseDetector.detect(factsFor([window]));
    expect(checkStoryClaims(found.flatMap((story) => story.claims), inputsFor([window]), { aiRepositories: new Set() }).problems).toEqual([]);
    console.info('overtakes base:', JSON.stringify(found.map((story) => [story.milestone, story.score])));
    expect(found).toEqual([
      {
        kind: 'overtakes-base',
        sourceId: 'hf-models',
        subject: 'unsloth/Qwen3-8B-GGUF',
        claims: [
          { kind: 'metric', sourceId: 'hf-models', itemId: 'unsloth/Qwen3-8B-GGUF', at: T, metric: 'downloads', value: 15000, printed: ['15,000'] },
          { kind: 'metric', sourceId: 'hf-models', itemId: BASE, at: T, metric: 'downloads', value: 10000, printed: ['10,000'] },
          { kind: 'metric', sourceId: 'hf-models', itemId: 'unsloth/Qwen3-8B-GGUF', at: day(1), metric: 'downloads', value: 9000, printed: ['9,000'] },
          { kind: 'metric', sourceId: 'hf-models', itemId: BASE, at: day(1), metric: 'downloads', value: 9500, printed: ['9,500'] },
        ],
        // Ratio 1.5: 45 + min(20, round(10 × 0.5)) = 45 + 5.
        score: 50,
        milestone: `overtakes-base:hf-models:unsloth/Qwen3-8B-GGUF:${BASE}`,
      },
    ]);
  });

  it('is not told when it was already ahead yesterday, when the base is under 1,000, or when the base is not listed', () => {
    const ahead = [[day(1), [1, 2], { downloads: [9000, 9500] }], [day(0), [2, 1], { downloads: [15000, 10000] }]] as const;
    const small = [[day(1), [1, 2], { downloads: [900, 800] }], [day(0), [2, 1], { downloads: [990, 980] }]] as const;
    const alone = [[day(1), [2, 3], { downloads: [9000, 1] }], [day(0), [2, 3], { downloads: [15000, 1] }]] as const;
    for (const lists of [ahead, small, alone]) {
      expect(overtakesBaseDetector.detect(factsFor([windowOf('hf-models', items, lists.map(([at, keys, metrics]) => [at, [...keys], { downloads: [...metrics.downloads] }]))]))).toEqual([]);
    }
  });

  it('is not told from a failing source, nor without yesterday\'s list', () => {
    const lists: [number, number[], { downloads: number[] }][] = [[day(1), [1, 2], { downloads: [9500, 9000] }], [day(0), [2, 1], { downloads: [15000, 10000] }]];
    expect(overtakesBaseDetector.detect(factsFor([windowOf('hf-models', items, lists)]))).toHaveLength(1);
    expect(overtakesBaseDetector.detect(factsFor([windowOf('hf-models', items, lists, failing)]))).toEqual([]);
    expect(overtakesBaseDetector.detect(factsFor([windowOf('hf-models', items, lists.slice(1))]))).toEqual([]);
  });
});
