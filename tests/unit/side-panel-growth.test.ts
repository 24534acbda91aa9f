import { describe, expect, it } from 'vitest';
import { GROWTH_METRIC } from '@/lib/shared/growth';
import { growthOfRows } from '@/lib/models/side-panel-search';
import type { ListRow } from '@/lib/shared/movement';
import type { CatalogItem, Snapshot } from '@/lib/shared/records';
import { candidateKey } from '@/lib/shared/search';

const H = 3_600_000;
const T = Date.UTC(2026, 10, 27, 7);
const row = (key: number | undefined, itemId: string, rank: number): ListRow => ({
  rank,
  itemId,
  metrics: {},
  item: { key, sourceId: 'gh-trending-daily', itemId, name: itemId, url: `https://github.com/${itemId}`, firstSeenAt: 0, lastSeenAt: 0 } as CatalogItem,
});
const snap = (fetchedAt: number, keys: number[], stars: (number | null)[]): Snapshot => ({ sourceId: 'gh-trending-daily', fetchedAt, keys, metrics: { stars } });

// Keys 1–5; every figure below is worked out by hand.
const ROWS = [row(1, 'a/one', 1), row(2, 'b/two', 2), row(3, 'c/three', 3), row(4, 'd/four', 4), row(undefined, 'e/no-key', 5)];

describe('growthOfRows', () => {
  it('reads the source’s running total (stars for GitHub, likes for models, upvotes for papers)', () => {
    expect([GROWTH_METRIC['gh-trending-daily'], GROWTH_METRIC['hf-models'], GROWTH_METRIC['hf-papers']]).toEqual(['stars', 'likes', 'upvotes']);
  });

  it('gives per day between the baseline and the latest list, leaving out rows with no figure', () => {
    // Two days apart. a: 100 → 300 = +100/day. b: 50 → 40 = −5/day. c: not in the baseline (new). d: no stars now.
    const baseline = snap(T - 48 * H, [2, 1, 4], [50, 100, 7]);
    const latest = snap(T, [1, 2, 3, 4, 5], [300, 40, 9, null, 1]);
    const growth = growthOfRows('gh-trending-daily', ROWS, { sourceId: 'gh-trending-daily', latest, baseline });
    expect(Object.fromEntries(growth)).toEqual({
      [candidateKey('gh-trending-daily', 'a/one')]: 100,
      [candidateKey('gh-trending-daily', 'b/two')]: -5,
    });
  });

  it('says nothing over less than 20 hours, or without a baseline', () => {
    const latest = snap(T, [1], [300]);
    expect(growthOfRows('gh-trending-daily', ROWS, { sourceId: 'gh-trending-daily', latest, baseline: snap(T - 19 * H, [1], [100]) }).size).toBe(0);
    expect(growthOfRows('gh-trending-daily', ROWS, { sourceId: 'gh-trending-daily', latest, baseline: undefined }).size).toBe(0);
    expect(growthOfRows('gh-trending-daily', ROWS, undefined).size).toBe(0);
    // At 20 hours it counts as one day (the days count at least one): 100 → 300 is +200.
    expect([...growthOfRows('gh-trending-daily', ROWS, { sourceId: 'gh-trending-daily', latest, baseline: snap(T - 20 * H, [1], [100]) }).values()]).toEqual([200]);
  });
});
