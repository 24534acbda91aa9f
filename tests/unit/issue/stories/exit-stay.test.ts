import { describe, expect, it } from 'vitest';
import { exitDetector } from '@/lib/issue/stories/exit';
import { stayingPowerDetector } from '@/lib/issue/stories/staying-power';
import { day, factsFor, failing, models, T, windowOf } from './support';

// Exits after a stay (lib/issue/stories/exit.ts) and staying power (lib/issue/stories/staying-power.ts).
const items = models(12);
/** Ranks 1…11 of the keys 1…11 with `key` moved to `rank` (1-based). */
const withAt = (key: number, rank: number): number[] => {
  const keys = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].filter((other) => other !== key);
  keys.splice(rank - 1, 0, key);
  return keys;
};
const without = (key: number): number[] => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((other) => other !== key);

describe('exit after a stay', () => {
  it('is told for an item in the top 10 yesterday, gone today, after four days on the list', () => {
    // Mon 23: m3 absent. Tue 24 … Fri 27: m3 at No. 6, 5, 4, 4. Sat 28: gone.
    const lists: [number, number[]][] = [
      [day(5), without(3)],
      [day(4), withAt(3, 6)],
      [day(3), withAt(3, 5)],
      [day(2), withAt(3, 4)],
      [day(1), withAt(3, 4)],
      [day(0), without(3)],
    ];
    const found = exitDetector.detect(factsFor([windowOf('hf-models', items, lists)]));
    console.info('exit:', JSON.stringify(found.map((story) => [story.milestone, story.score])));
    expect(found).toEqual([
      {
        kind: 'exit',
        sourceId: 'hf-models',
        subject: 'lab/m3',
        claims: [
          { kind: 'left', sourceId: 'hf-models', itemId: 'lab/m3', sinceAt: day(1), at: T, rank: 4, printed: ['4'] },
          { kind: 'days-on-list', sourceId: 'hf-models', itemId: 'lab/m3', beforeAt: day(5), fromAt: day(4), toAt: day(1), days: 4, atLeast: false, peak: 4, printed: ['4', '4'] },
        ],
        // 30 + 2 × 4 + (11 − 4) = 30 + 8 + 7.
        score: 45,
        milestone: `exit:hf-models:lab/m3:${T}`,
      },
    ]);
  });

  it('says "at least" when the stay reaches the window\'s first day', () => {
    const lists: [number, number[]][] = [[day(3), withAt(3, 1)], [day(2), withAt(3, 2)], [day(1), withAt(3, 2)], [day(0), without(3)]];
    const [story] = exitDetector.detect(factsFor([windowOf('hf-models', items, lists)]));
    expect(story!.claims[1]).toEqual({ kind: 'days-on-list', sourceId: 'hf-models', itemId: 'lab/m3', fromAt: day(3), toAt: day(1), days: 3, atLeast: true, peak: 1, printed: ['3', '1'] });
    // 30 + 2 × 3 + (11 − 1).
    expect(story!.score).toBe(46);
  });

  it('is not told for a short stay, a low rank, an item still listed, or a failing source', () => {
    const short: [number, number[]][] = [[day(3), without(3)], [day(2), withAt(3, 2)], [day(1), withAt(3, 2)], [day(0), without(3)]];
    const low: [number, number[]][] = [[day(3), withAt(3, 11)], [day(2), withAt(3, 11)], [day(1), withAt(3, 11)], [day(0), without(3)]];
    const dropped: [number, number[]][] = [[day(3), withAt(3, 2)], [day(2), withAt(3, 2)], [day(1), withAt(3, 2)], [day(0), withAt(3, 11)]];
    const gone: [number, number[]][] = [[day(3), withAt(3, 2)], [day(2), withAt(3, 2)], [day(1), withAt(3, 2)], [day(0), without(3)]];
    expect(exitDetector.detect(factsFor([windowOf('hf-models', items, short)]))).toEqual([]);
    expect(exitDetector.detect(factsFor([windowOf('hf-models', items, low)]))).toEqual([]);
    expect(exitDetector.detect(factsFor([windowOf('hf-models', items, dropped)]))).toEqual([]);
    expect(exitDetector.detect(factsFor([windowOf('hf-models', items, gone)]))).toHaveLength(1);
    expect(exitDetector.detect(factsFor([windowOf('hf-models', items, gone, failing)]))).toEqual([]);
  });
});

describe('staying power', () => {
  // Fri 20: m12 absent; Sat 21 … Sat 28: m12 listed, ranks below.
  const stay = (ranks: number[]): [number, number[]][] => [
    [day(ranks.length), without(12)],
    ...ranks.map((rank, index): [number, number[]] => {
      const keys = without(12);
      keys.splice(rank - 1, 0, 12);
      return [day(ranks.length - 1 - index), keys];
    }),
  ];

  it('is told on the seventh day in a row, for an item in the top 10', () => {
    const found = stayingPowerDetector.detect(factsFor([windowOf('hf-models', items, stay([9, 6, 2, 3, 3, 4, 3]))]));
    console.info('staying power:', JSON.stringify(found.map((story) => [story.milestone, story.score])));
    expect(found).toEqual([
      {
        kind: 'staying-power',
        sourceId: 'hf-models',
        subject: 'lab/m12',
        claims: [{ kind: 'days-on-list', sourceId: 'hf-models', itemId: 'lab/m12', beforeAt: day(7), fromAt: day(6), toAt: T, days: 7, atLeast: false, peak: 2, printed: ['7', '2'] }],
        // 30 + 10 × 0 + (11 − 2).
        score: 39,
        milestone: 'staying-power:hf-models:lab/m12:7',
      },
    ]);
  });

  it('is not told on the sixth or eighth day, below the top 10, or with an unknown start', () => {
    expect(stayingPowerDetector.detect(factsFor([windowOf('hf-models', items, stay([3, 3, 3, 3, 3, 3]))]))).toEqual([]);
    expect(stayingPowerDetector.detect(factsFor([windowOf('hf-models', items, stay([3, 3, 3, 3, 3, 3, 3, 3]))]))).toEqual([]);
    expect(stayingPowerDetector.detect(factsFor([windowOf('hf-models', items, stay([3, 3, 3, 3, 3, 3, 11]))]))).toEqual([]);
    expect(stayingPowerDetector.detect(factsFor([windowOf('hf-models', items, stay([3, 3, 3, 3, 3, 3, 3]).slice(1))]))).toEqual([]);
  });
});
