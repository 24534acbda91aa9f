import { describe, expect, it } from 'vitest';
import { shortName } from '@/lib/issue/classify';
import {
  climbClaim,
  climbsSince,
  countClaim,
  countsOf,
  factsOf,
  growthOf,
  metricClaim,
  newSince,
  rankClaim,
  shareOfLeaders,
  tally,
  topBy,
  weekPapers,
  type ListFacts,
  type Row,
} from '@/lib/issue/facts';
import type { IssueInputs, SourceWindow } from '@/lib/issue/inputs';
import { entries, movers, reading } from '@/lib/issue/sections';
import type { CatalogItem, Snapshot } from '@/lib/shared/records';
import { DEFAULT_SETTINGS } from '@/lib/shared/settings';
import type { MetricName } from '@/lib/sources/contract';
import type { SourceId } from '@/lib/sources/ids';
import { handInputs } from '../../support/hand-inputs';

// Hand-built rows and snapshots; every expected value is a literal worked out by hand
// (the arithmetic is in the comments), never computed by lib/issue/facts or its helpers.
const H = 3_600_000;
const D = 24 * H;
const T = Date.UTC(2026, 10, 28, 6, 0); // Sat 28 Nov 2026, 06:00 UTC

function item(sourceId: SourceId, key: number, itemId: string, extra: Partial<CatalogItem> = {}): CatalogItem {
  return { key, sourceId, itemId, name: itemId, url: `https://example.com/${itemId}`, firstSeenAt: T - 30 * D, lastSeenAt: T, ...extra };
}

function snap(sourceId: SourceId, fetchedAt: number, keys: number[], metrics: Snapshot['metrics'] = {}): Snapshot {
  return { sourceId, fetchedAt, keys, metrics };
}

function win(sourceId: SourceId, snapshots: Snapshot[], items: CatalogItem[], status?: SourceWindow['status']): SourceWindow {
  return { sourceId, snapshots, items: new Map(items.map((entry) => [entry.key!, entry])), ...(status ? { status } : {}) };
}

const inputsOf = (windows: SourceWindow[], extra: Partial<IssueInputs> = {}): IssueInputs => handInputs(windows, T, extra);

/** A row at `rank` for the pure functions; its item id is `m<key>` unless given. */
function row(key: number, rank: number, metrics: Partial<Record<MetricName, number>> = {}, extra: Partial<CatalogItem> = {}): Row {
  const itemId = extra.itemId ?? `org/m${key}`;
  return { key, rank, itemId, metrics, item: item('hf-models', key, itemId, extra) };
}

/** Rows in rank order from a list of keys: rank = index + 1. */
const rowsOf = (keys: number[]): Row[] => keys.map((key, index) => row(key, index + 1));

function listOf(rows: Row[], latest: Snapshot | undefined, extra: Partial<ListFacts> = {}): ListFacts {
  return { sourceId: 'gh-trending-weekly', snapshots: latest ? [latest] : [], items: new Map(), rows, top: rows.slice(0, 30), failing: false, ...(latest ? { latest } : {}), ...extra };
}

describe('tally: counts per value, most frequent first', () => {
  it('leaves out undefined and empty values, and calls only a strict leader unique', () => {
    // a ×3, b ×2, c ×1; undefined and '' are not values.
    expect(tally(['a', 'b', 'a', undefined, '', 'c', 'b', 'a'])).toEqual([
      { value: 'a', count: 3, unique: true },
      { value: 'b', count: 2, unique: false },
      { value: 'c', count: 1, unique: false },
    ]);
  });

  it('breaks ties by the value seen first, and a tie at the top is not unique', () => {
    // x ×2 (seen first), y ×2, z ×1.
    expect(tally(['x', 'y', 'y', 'x', 'z'])).toEqual([
      { value: 'x', count: 2, unique: false },
      { value: 'y', count: 2, unique: false },
      { value: 'z', count: 1, unique: false },
    ]);
    expect(tally(['z', 'y', 'y'])).toEqual([
      { value: 'y', count: 2, unique: true },
      { value: 'z', count: 1, unique: false },
    ]);
    expect(tally(['solo'])).toEqual([{ value: 'solo', count: 1, unique: true }]);
    expect(tally([])).toEqual([]);
    expect(tally([undefined, ''])).toEqual([]);
  });
});

describe('countsOf: each field read from the row', () => {
  const rows = [
    row(1, 1, {}, { itemId: 'unsloth/Qwen3-8B-GGUF', task: 'text-generation', language: 'Python' }),
    row(2, 2, {}, { itemId: 'bartowski/Qwen3-8B-GGUF', task: 'text-generation', language: 'Rust' }),
    row(3, 3, {}, { itemId: 'unsloth/Llama-3.1-8B-MLX', task: 'text-to-speech', language: 'Python' }),
    row(4, 4, {}, { itemId: 'solo', task: 'text-generation', tags: ['base_model:Qwen/Qwen3-8B', 'mlx'] }),
  ];

  it('task, language, owner, family and format', () => {
    expect(countsOf(rows, 'task').map(({ value, count }) => [value, count])).toEqual([
      ['text-generation', 3],
      ['text-to-speech', 1],
    ]);
    expect(countsOf(rows, 'language').map(({ value, count }) => [value, count])).toEqual([
      ['Python', 2],
      ['Rust', 1],
    ]);
    // "solo" has no owner (no slash).
    expect(countsOf(rows, 'owner').map(({ value, count }) => [value, count])).toEqual([
      ['unsloth', 2],
      ['bartowski', 1],
    ]);
    // Rows 1, 2 by name and row 4 by its base_model tag build on Qwen3-8B; row 3 on Llama-3.1-8B.
    expect(countsOf(rows, 'family').map(({ value, count }) => [value, count])).toEqual([
      ['Qwen3-8B', 3],
      ['Llama-3.1-8B', 1],
    ]);
    // GGUF twice by name; MLX by name (row 3) and by tag (row 4).
    expect(countsOf(rows, 'format').map(({ value, count }) => [value, count])).toEqual([
      ['GGUF', 2],
      ['MLX', 2],
    ]);
  });

  it('family: a base_model tag wins over the name, but not a quantized, finetune, adapter or merge one', () => {
    for (const kind of ['quantized', 'finetune', 'adapter', 'merge']) {
      const tagged = row(9, 1, {}, { itemId: 'someone/Llama-3-8B-tuned', tags: [`base_model:${kind}:meta/Gemma-2-9B`, 'base_model:Qwen/Qwen3-4B'] });
      expect(countsOf([tagged], 'family')[0]?.value, kind).toBe('Qwen3-4B');
    }
    // Only a kind-specific tag: the name decides.
    const named = row(9, 1, {}, { itemId: 'someone/Llama-3-8B-tuned', tags: ['base_model:quantized:meta/Gemma-2-9B'] });
    expect(countsOf([named], 'family')[0]?.value).toBe('Llama-3-8B');
    expect(countsOf([row(9, 1, {}, { itemId: 'someone/plain-model' })], 'family')).toEqual([]);
    // The base_model tag is found among other tags, and read without an organisation too.
    expect(countsOf([row(9, 1, {}, { itemId: 'x/y', tags: ['gguf', 'base_model:Qwen/Qwen3-4B'] })], 'family')[0]?.value).toBe('Qwen3-4B');
    expect(countsOf([row(9, 1, {}, { itemId: 'x/y', tags: ['base_model:Qwen3-4B'] })], 'family')[0]?.value).toBe('Qwen3-4B');
  });

  it('owner: nothing before a leading slash; short names keep what follows the first slash', () => {
    expect(countsOf([row(1, 1, {}, { itemId: '/lead' })], 'owner')).toEqual([]);
    expect(shortName('Qwen/Qwen3.8-27B')).toBe('Qwen3.8-27B');
    expect(shortName('/lead')).toBe('lead');
    expect(shortName('plain')).toBe('plain');
  });
});

describe('claims: what each prints', () => {
  const r = row(3, 12, { likes: 12099, trendingScore: 0 });

  it('rank, climb, metric and count', () => {
    expect(rankClaim('hf-models', r, T)).toEqual({ kind: 'rank', sourceId: 'hf-models', itemId: 'org/m3', at: T, rank: 12, printed: ['12'] });
    // From No. 9 to No. 2: 7 places.
    expect(climbClaim('hf-spaces', 'a/b', T - D, T, 9, 2)).toEqual({
      kind: 'climb',
      sourceId: 'hf-spaces',
      itemId: 'a/b',
      fromAt: T - D,
      toAt: T,
      fromRank: 9,
      toRank: 2,
      printed: ['9', '2', '7'],
    });
    expect(metricClaim('hf-models', r, T, 'likes')).toEqual({ kind: 'metric', sourceId: 'hf-models', itemId: 'org/m3', at: T, metric: 'likes', value: 12099, printed: ['12,099'] });
    // A zero is a value; an absent metric is not.
    expect(metricClaim('hf-models', r, T, 'trendingScore')?.printed).toEqual(['0']);
    expect(metricClaim('hf-models', r, T, 'downloads')).toBeUndefined();
    expect(countClaim('hf-models', T, 30, 'task', 'text-generation', 1234)).toEqual({
      kind: 'count',
      sourceId: 'hf-models',
      at: T,
      top: 30,
      field: 'task',
      value: 'text-generation',
      count: 1234,
      printed: ['1,234', '30'],
    });
  });
});

describe('movement of rows against a baseline', () => {
  // Baseline: keys 1..10 at ranks 1..10. Latest: 6 3 5 1 11 2 9 8 4.
  const baseline = snap('hf-models', T - D, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const rows = rowsOf([6, 3, 5, 1, 11, 2, 9, 8, 4]);

  it('climbs: largest first, ties by rank; no fall, no standstill, no new entry', () => {
    // key 6: No. 6 → No. 1 = 5; key 3: 3 → 2 = 1; key 5: 5 → 3 = 2; key 9: 9 → 7 = 2;
    // key 8 stays at 8; keys 1, 2, 4 fell; key 11 is new.
    expect(climbsSince(rows, baseline).map(({ row: r, before, places }) => [r.key, before, r.rank, places])).toEqual([
      [6, 6, 1, 5],
      [5, 5, 3, 2],
      [9, 9, 7, 2],
      [3, 3, 2, 1],
    ]);
    expect(climbsSince(rows, undefined)).toEqual([]);
    // Rows handed over out of rank order: ties still go by rank.
    expect(climbsSince([...rows].reverse(), baseline).map(({ row: r }) => r.key)).toEqual([6, 5, 9, 3]);
  });

  it('new entries: rows absent from the baseline, in rank order; none without one', () => {
    expect(newSince(rows, baseline).map((r) => r.key)).toEqual([11]);
    expect(newSince(rowsOf([12, 1, 13]), baseline).map((r) => r.key)).toEqual([12, 13]);
    expect(newSince(rows, undefined)).toEqual([]);
  });
});

describe('topBy: the largest value of a metric', () => {
  const rows = [row(1, 1, { stars: 5 }), row(2, 2, { stars: 9 }), row(3, 3), row(4, 4, { stars: 9 }), row(5, 5, { stars: 3 })];

  it('ties go to the higher-ranked; skipped and unvalued rows are passed over', () => {
    expect(topBy(rows, 'stars')?.key).toBe(2);
    expect(topBy(rows, 'stars', (r) => r.key === 2)?.key).toBe(4);
    expect(topBy(rows, 'stars', (r) => r.key !== 5)?.key).toBe(5);
    expect(topBy(rows, 'likes')).toBeUndefined();
    expect(topBy([], 'stars')).toBeUndefined();
  });
});

describe('shareOfLeaders: what the n largest take of the sum', () => {
  const latest = snap('gh-trending-weekly', T, []);

  it('sorts by the metric (ties by rank), sums over rows that carry it, rounds the percent', () => {
    // starsInPeriod by rank: 300, 500, —, 50, 200, 100. Sorted: 500 (No. 2), 300 (No. 1), 200 (No. 5), 100, 50.
    // Part 500 + 300 + 200 = 1000; whole 1000 + 100 + 50 = 1150 over 5 rows; 100 × 1000 / 1150 = 86.96 → 87.
    const rows = [
      row(1, 1, { starsInPeriod: 300 }),
      row(2, 2, { starsInPeriod: 500 }),
      row(3, 3),
      row(4, 4, { starsInPeriod: 50 }),
      row(5, 5, { starsInPeriod: 200 }),
      row(6, 6, { starsInPeriod: 100 }),
    ];
    const share = shareOfLeaders(listOf(rows, latest), 'starsInPeriod', 3)!;
    expect(share.leaders.map((r) => r.key)).toEqual([2, 1, 5]);
    // Equal values out of rank order: the higher-ranked first.
    const level = [row(3, 3, { starsInPeriod: 9 }), row(2, 2, { starsInPeriod: 9 }), row(1, 1, { starsInPeriod: 9 })];
    expect(shareOfLeaders(listOf(level, latest), 'starsInPeriod', 3)?.leaders.map((r) => r.key)).toEqual([1, 2, 3]);
    expect([share.part, share.whole, share.of, share.percent]).toEqual([1000, 1150, 5, 87]);
    expect(share.claim).toEqual({
      kind: 'share',
      sourceId: 'gh-trending-weekly',
      at: T,
      metric: 'starsInPeriod',
      itemIds: ['org/m2', 'org/m1', 'org/m5'],
      part: 1000,
      whole: 1150,
      of: 5,
      percent: 87,
      printed: ['87%', '1,150', '5'],
    });
  });

  it('equal values inside the leaders go by rank; a tie at the edge gives no share', () => {
    // 200 (No. 1), 300 (No. 2), 200 (No. 3), 100: leaders 300, 200 (No. 1), 200 (No. 3); next 100 differs.
    // Part 700 of 800: 87.5 → 88.
    const inside = shareOfLeaders(listOf([row(1, 1, { starsInPeriod: 200 }), row(2, 2, { starsInPeriod: 300 }), row(3, 3, { starsInPeriod: 200 }), row(4, 4, { starsInPeriod: 100 })], latest), 'starsInPeriod', 3);
    expect(inside?.leaders.map((r) => r.key)).toEqual([2, 1, 3]);
    expect(inside?.percent).toBe(88);
    // 300, 200, 100, 100: the third and the fourth are level.
    const edge = [row(1, 1, { starsInPeriod: 300 }), row(2, 2, { starsInPeriod: 200 }), row(3, 3, { starsInPeriod: 100 }), row(4, 4, { starsInPeriod: 100 })];
    expect(shareOfLeaders(listOf(edge, latest), 'starsInPeriod', 3)).toBeUndefined();
    // The same four with n = 2: 300 + 200 of 700 = 71.4 → 71.
    expect(shareOfLeaders(listOf(edge, latest), 'starsInPeriod', 2)?.percent).toBe(71);
  });

  it('says nothing with fewer rows than leaders, a zero sum or no latest list', () => {
    const two = [row(1, 1, { starsInPeriod: 5 }), row(2, 2, { starsInPeriod: 4 })];
    expect(shareOfLeaders(listOf(two, latest), 'starsInPeriod', 3)).toBeUndefined();
    // Exactly three rows: all of it, 100%.
    expect(shareOfLeaders(listOf([...two, row(3, 3, { starsInPeriod: 1 })], latest), 'starsInPeriod', 3)?.percent).toBe(100);
    const zeros = [row(1, 1, { starsInPeriod: 0 }), row(2, 2, { starsInPeriod: 0 }), row(3, 3, { starsInPeriod: 0 }), row(4, 4, { starsInPeriod: 0 })];
    expect(shareOfLeaders(listOf(zeros, latest), 'starsInPeriod', 1)).toBeUndefined();
    // All four as the leaders: nothing after them to tie with, and still a zero sum.
    expect(shareOfLeaders(listOf(zeros, latest), 'starsInPeriod', 4)).toBeUndefined();
    const huge = [row(1, 1, { starsInPeriod: Number.MAX_VALUE }), row(2, 2, { starsInPeriod: Number.MAX_VALUE }), row(3, 3, { starsInPeriod: 1 })];
    expect(shareOfLeaders(listOf(huge, latest), 'starsInPeriod', 1)).toBeUndefined();
    expect(shareOfLeaders(listOf(two, undefined), 'starsInPeriod', 1)).toBeUndefined();
  });
});

describe('growthOf: growth per day since the week’s baseline, for the top of a list', () => {
  // hf-models: T−8 d (before the window), T−7 d (the week's baseline), T−3 d, T.
  const models = [1, 2, 3, 4, 5, 6].map((key) => item('hf-models', key, `org/m${key}`));
  const snapshots = [
    snap('hf-models', T - 8 * D, [1], { likes: [0] }),
    snap('hf-models', T - 7 * D, [1, 2, 3, 4, 6], { likes: [100, 50, 10, 7, 0] }),
    snap('hf-models', T - 3 * D, [2, 1, 3, 4], { likes: [80, 130, 20, null] }),
    snap('hf-models', T, [2, 1, 3, 4, 5, 6], { likes: [120, 170, 10, 9, 40, 140] }),
  ];

  it('fastest first, ties by rank; no rate for no gain, a rounded zero or a single point', () => {
    const growth = growthOf(factsOf(inputsOf([win('hf-models', snapshots, models)])).lists['hf-models'], 'likes');
    // key 6: 0 → 140 over 7 days = 20 a day; key 2: 50 → 120 = 10; key 1: 100 → 170 = 10 (from the
    // baseline, not from T−8 d, where 0 → 170 over 8 days would be 21); key 3: 10 → 10 = 0;
    // key 4: 7 → 9 over 7 days = 0.29 → 0; key 5: one point.
    expect(growth.map((g) => [g.row.itemId, g.row.rank, g.perDay, g.fromAt])).toEqual([
      ['org/m6', 6, 20, T - 7 * D],
      ['org/m2', 1, 10, T - 7 * D],
      ['org/m1', 2, 10, T - 7 * D],
    ]);
    expect(growth[0]!.claim).toEqual({
      kind: 'growth',
      sourceId: 'hf-models',
      itemId: 'org/m6',
      metric: 'likes',
      fromAt: T - 7 * D,
      toAt: T,
      fromValue: 0,
      toValue: 140,
      perDay: 20,
      printed: ['20'],
    });
  });

  it('falls: no rate; a first day: nothing', () => {
    const falling = [snap('hf-models', T - 2 * D, [1], { likes: [90] }), snap('hf-models', T, [1], { likes: [30] })];
    expect(growthOf(factsOf(inputsOf([win('hf-models', falling, models)])).lists['hf-models'], 'likes')).toEqual([]);
    const first = [snap('hf-models', T, [1], { likes: [30] })];
    expect(growthOf(factsOf(inputsOf([win('hf-models', first, models)])).lists['hf-models'], 'likes')).toEqual([]);
  });
});

describe('weekPapers: the week’s papers, by their latest upvotes', () => {
  const iso = (at: number) => new Date(at).toISOString();
  // Window: latest at T; from T − 7 d to T + 1 d, by each paper's own date.
  const items = [
    item('hf-papers', 1, '2611.00001', { publishedAt: iso(T - 7 * D) }), // on the lower edge: in
    item('hf-papers', 2, '2611.00002', { publishedAt: iso(T - 2 * D) }),
    item('hf-papers', 3, '2611.00003', { publishedAt: '2026-11-10T00:00:00.000Z' }), // 18 days old: out
    item('hf-papers', 4, '2611.00004', { publishedAt: iso(T) }),
    item('hf-papers', 5, '2611.00005', { publishedAt: iso(T + D) }), // on the upper edge: in
    item('hf-papers', 6, '2611.00006', { publishedAt: iso(T - 3 * D) }), // only in a list older than the week
    item('hf-papers', 7, '2611.00007'), // no date: out
    item('hf-papers', 8, '2611.00008', { publishedAt: iso(T - 7 * D - 1) }), // 1 ms too old
    item('hf-papers', 9, '2611.00009', { publishedAt: iso(T + D + 1) }), // 1 ms too new
    item('hf-papers', 10, '2611.00010', { publishedAt: iso(T - D) }),
  ];
  const snapshots = [
    snap('hf-papers', T - 7 * D - 1, [6], { upvotes: [999] }),
    snap('hf-papers', T - 7 * D, [10], { upvotes: [5] }),
    snap('hf-papers', T - 6 * D, [1, 2, 3], { upvotes: [10, 20, 30] }),
    snap('hf-papers', T, [2, 4, 5, 7, 8, 9], { upvotes: [25, null, 40, 50, 60, 70] }),
  ];

  it('keeps the papers featured within the week, each with its newest upvotes (absent: 0), most upvoted first', () => {
    const list = factsOf(inputsOf([win('hf-papers', snapshots, items)])).lists['hf-papers'];
    // key 5: 40; key 2: 25 (its newest, not 20); key 1: 10; key 10: 5 (a list exactly a week old counts); key 4: 0.
    expect(weekPapers(list).map((paper) => [paper.key, paper.upvotes])).toEqual([
      [5, 40],
      [2, 25],
      [1, 10],
      [10, 5],
      [4, 0],
    ]);
    expect(weekPapers(factsOf(inputsOf([])).lists['hf-papers'])).toEqual([]);
    // A list without upvotes, a NaN, and a key the catalog does not hold (11).
    const bare = [snap('hf-papers', T - D, [2]), snap('hf-papers', T, [1, 11], { upvotes: [Number.NaN, 7] })];
    expect(weekPapers(factsOf(inputsOf([win('hf-papers', bare, items)])).lists['hf-papers']).map((paper) => [paper.key, paper.upvotes])).toEqual([
      [2, 0],
      [1, 0],
    ]);
  });
});

describe('factsOf: each list as the reader sees it', () => {
  it('keeps the source ranks, leaves out rows without a catalog item, and cuts the top at 30', () => {
    const keys = Array.from({ length: 33 }, (_, index) => index + 1);
    const items = keys.filter((key) => key !== 2).map((key) => item('hf-models', key, `org/m${key}`, { task: key === 3 ? 'text-to-speech' : 'text-generation' }));
    const facts = factsOf(inputsOf([win('hf-models', [snap('hf-models', T, keys, { likes: keys.map((key) => key * 10) })], items)]));
    const list = facts.lists['hf-models'];
    // 33 keys, key 2 has no item: 32 rows; ranks 1, 3, 4, … 33; the top is its first 30 (ranks 1, 3 … 31).
    expect(list.rows).toHaveLength(32);
    expect(list.rows.slice(0, 3).map((r) => [r.key, r.rank, r.itemId, r.metrics])).toEqual([
      [1, 1, 'org/m1', { likes: 10 }],
      [3, 3, 'org/m3', { likes: 30 }],
      [4, 4, 'org/m4', { likes: 40 }],
    ]);
    expect(list.top).toHaveLength(30);
    expect(list.top.at(-1)?.rank).toBe(31);
    expect(list.failing).toBe(false);
    // One list: no baseline of any kind.
    expect('week' in list || 'day' in list).toBe(false);
    expect(list.latest?.fetchedAt).toBe(T);
    expect([facts.now, facts.timeZone, facts.number]).toEqual([T + 60_000, 'UTC', 7]);
    // The reader's task filter drops rows but keeps the ranks.
    const hidden = factsOf(inputsOf([win('hf-models', [snap('hf-models', T, keys)], items)], { filters: { ...DEFAULT_SETTINGS, hfTasks: { include: [], hide: ['text-generation'] } } }));
    expect(hidden.lists['hf-models'].rows.map((r) => [r.key, r.rank])).toEqual([[3, 3]]);
  });

  it('a week back and a day back as baselines; a source turned off is empty; a failing one says so', () => {
    const snapshots = [snap('hf-models', T - 8 * D, [1]), snap('hf-models', T - 7 * D, [1]), snap('hf-models', T - D - H, [1]), snap('hf-models', T - H, [1]), snap('hf-models', T, [1])];
    const window = win('hf-models', snapshots, [item('hf-models', 1, 'org/m1')], { sourceId: 'hf-models', consecutiveFailures: 1, lastSuccessAt: T, lastError: { kind: 'network', message: 'down', at: T + 1 } as never });
    const list = factsOf(inputsOf([window])).lists['hf-models'];
    expect(list.week?.fetchedAt).toBe(T - 7 * D);
    expect(list.day?.fetchedAt).toBe(T - D - H);
    expect(list.failing).toBe(true);
    const off = factsOf(inputsOf([window], { enabled: { ...DEFAULT_SETTINGS.sources, 'hf-models': false } })).lists['hf-models'];
    expect([off.rows, off.top, off.snapshots, off.items.size, 'latest' in off]).toEqual([[], [], [], 0, false]);
    expect(factsOf(inputsOf([])).lists['gh-search'].rows).toEqual([]);
  });

  it('repositories: the weekly page when it has rows, else the daily one; a paper’s code repository counts as AI/ML', () => {
    const repo = (key: number, itemId: string) => item('gh-trending-weekly', key, itemId, { description: 'A garden planner' });
    const weekly = win('gh-trending-weekly', [snap('gh-trending-weekly', T, [1, 2])], [repo(1, 'acme/garden'), repo(2, 'acme/planner')]);
    const daily = win('gh-trending-daily', [snap('gh-trending-daily', T, [1])], [{ ...repo(1, 'acme/llm-server'), sourceId: 'gh-trending-daily', description: 'An LLM server' }]);
    // Neither weekly repository is AI/ML by its text: the daily page is used.
    expect(factsOf(inputsOf([weekly, daily])).repos).toBe('gh-trending-daily');
    // A paper of the history links acme/garden as its code: it counts, and the weekly page has a row.
    const papers = win('hf-papers', [snap('hf-papers', T, [1])], [item('hf-papers', 1, '2611.00001', { codeUrl: 'https://github.com/Acme/Garden' })]);
    const linked = factsOf(inputsOf([weekly, daily, papers]));
    expect(linked.repos).toBe('gh-trending-weekly');
    expect(linked.lists['gh-trending-weekly'].rows.map((r) => r.itemId)).toEqual(['acme/garden']);
    // With the papers turned off, their links do not count.
    const off = factsOf(inputsOf([weekly, daily, papers], { enabled: { ...DEFAULT_SETTINGS.sources, 'hf-papers': false } }));
    expect(off.repos).toBe('gh-trending-daily');
    // rowsAt reads any stored snapshot through the same filters.
    expect(linked.rowsAt('gh-trending-daily', snap('gh-trending-daily', T - D, [1, 5])).map((r) => [r.itemId, r.rank])).toEqual([['acme/llm-server', 1]]);
    // A source without a window has no rows to read.
    expect(linked.rowsAt('hf-spaces', snap('hf-spaces', T, [1, 2]))).toEqual([]);
  });
});

// ---------- the fixed sections, from the facts ----------

const W = T - 7 * D; // Sat 21 Nov, 06:00: a week back
const iso = (at: number) => new Date(at).toISOString();

// Tools of the week: tests/unit/issue/tools.test.ts (issue #11, chosen by the week's gains).

describe('trending lists', () => {
  it('against the week: climbed, new, unmoved; chips; descriptions for repositories only', () => {
    const models = win('hf-models', [snap('hf-models', W, [1, 2, 3]), snap('hf-models', T, [3, 2, 4], { likes: [7, 8, 9] })], [
      item('hf-models', 1, 'org/one', { task: 'text-generation' }),
      item('hf-models', 2, 'org/two', { library: 'diffusers', description: 'Two' }),
      item('hf-models', 3, 'org/three', { task: 'text-to-speech', description: 'Three' }),
      item('hf-models', 4, 'org/four', { task: 'ocr' }),
    ]);
    const weekly = win('gh-trending-weekly', [snap('gh-trending-weekly', T, [1, 2])], [
      item('gh-trending-weekly', 1, 'acme/llm-a', { language: 'Python', description: 'An LLM kit   for builders' }),
      item('gh-trending-weekly', 2, 'acme/llm-b'),
    ]);
    const spaces = win('hf-spaces', [snap('hf-spaces', T, [1])], [item('hf-spaces', 1, 'studio/x', { sdk: 'gradio' })]);
    const facts = factsOf(inputsOf([models, weekly, spaces]));
    expect(entries(facts, 'hf-models')).toEqual([
      // 3 → 1: climbed 2. Stayed at 2: no climb. Key 4: new.
      { sourceId: 'hf-models', itemId: 'org/three', rank: 1, name: 'org/three', url: 'https://example.com/org/three', chip: 'text-to-speech', metrics: { likes: 7 }, climbed: 2, isNew: false },
      { sourceId: 'hf-models', itemId: 'org/two', rank: 2, name: 'org/two', url: 'https://example.com/org/two', metrics: { likes: 8 }, isNew: false },
      { sourceId: 'hf-models', itemId: 'org/four', rank: 3, name: 'org/four', url: 'https://example.com/org/four', chip: 'ocr', metrics: { likes: 9 }, isNew: true },
    ]);
    expect(entries(facts, 'gh-trending-weekly')).toEqual([
      { sourceId: 'gh-trending-weekly', itemId: 'acme/llm-a', rank: 1, name: 'acme/llm-a', url: 'https://example.com/acme/llm-a', description: 'An LLM kit for builders.', chip: 'Python', metrics: {}, isNew: false },
      { sourceId: 'gh-trending-weekly', itemId: 'acme/llm-b', rank: 2, name: 'acme/llm-b', url: 'https://example.com/acme/llm-b', metrics: {}, isNew: false },
    ]);
    expect(entries(facts, 'hf-spaces')[0]?.chip).toBe('gradio');
    expect(entries(facts, 'hf-datasets')).toEqual([]);
  });

  it('the top 30 models and 15 of the other lists', () => {
    const keys = Array.from({ length: 40 }, (_, index) => index + 1);
    const models = win('hf-models', [snap('hf-models', T, keys)], keys.map((key) => item('hf-models', key, `org/m${key}`)));
    const datasets = win('hf-datasets', [snap('hf-datasets', T, keys)], keys.map((key) => item('hf-datasets', key, `org/d${key}`)));
    const facts = factsOf(inputsOf([models, datasets]));
    expect(entries(facts, 'hf-models')).toHaveLength(30);
    expect(entries(facts, 'hf-datasets')).toHaveLength(15);
    expect(entries(facts, 'hf-datasets').at(-1)?.rank).toBe(15);
  });
});

describe('movers', () => {
  // A week back 1…8, 10, 11, 12; Tuesday (4 days back) 6 1 2 3 4 5 7 8; this morning at 04:00 1 6; today
  // 6 1 5 7 9 3 8 10 11 14 13.
  const keys = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
  const models = win(
    'hf-models',
    [
      snap('hf-models', W, [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12], { likes: [50, 0, 0, 0, 0, 100, 0, 0, 0, 0, 0] }),
      snap('hf-models', T - 4 * D, [6, 1, 2, 3, 4, 5, 7, 8], { likes: [400, 60, 0, 0, 0, 0, 0, 0] }),
      snap('hf-models', T - 2 * H, [1, 6]),
      snap('hf-models', T, [6, 1, 5, 7, 9, 3, 8, 10, 11, 14, 13], { likes: [800, 120, 0, 0, 0, 0, 0, 0, 0, 0, 0] }),
    ],
    keys.map((key) => item('hf-models', key, `org/m${key}`)),
  );

  it('climbs of 3 places or more, largest first, then new entries down to No. 10 by rank; growth fastest first', () => {
    const moved = movers(factsOf(inputsOf([models])));
    expect(moved.heading).toBe('Biggest Movers This Week');
    expect(moved.sinceAt).toBe(W);
    // key 6: 6 → 1 (5); key 7: 7 → 4 (3); key 5: 5 → 3 (2, too few); key 8: 8 → 7; keys 10, 11: one place;
    // key 9 new at No. 5, key 14 new at No. 10; key 13 new at No. 11 (too low). Sparklines: one rank a day
    // (Sat 21, Tue 24, Sat 28, the day's last list).
    expect(moved.climbers).toEqual([
      { sourceId: 'hf-models', itemId: 'org/m6', name: 'org/m6', url: 'https://example.com/org/m6', rank: 1, isNew: false, climbed: 5, sinceAt: W, sparkline: [6, 1, 1], sparklineOf: 'rank', claim: { kind: 'climb', sourceId: 'hf-models', itemId: 'org/m6', fromAt: W, toAt: T, fromRank: 6, toRank: 1, printed: ['6', '1', '5'] } },
      { sourceId: 'hf-models', itemId: 'org/m7', name: 'org/m7', url: 'https://example.com/org/m7', rank: 4, isNew: false, climbed: 3, sinceAt: W, sparkline: [7, 7, 4], sparklineOf: 'rank', claim: { kind: 'climb', sourceId: 'hf-models', itemId: 'org/m7', fromAt: W, toAt: T, fromRank: 7, toRank: 4, printed: ['7', '4', '3'] } },
      { sourceId: 'hf-models', itemId: 'org/m9', name: 'org/m9', url: 'https://example.com/org/m9', rank: 5, isNew: true, sinceAt: W, sparkline: [5], sparklineOf: 'rank', claim: { kind: 'rank', sourceId: 'hf-models', itemId: 'org/m9', at: T, rank: 5, printed: ['5'] } },
      { sourceId: 'hf-models', itemId: 'org/m14', name: 'org/m14', url: 'https://example.com/org/m14', rank: 10, isNew: true, sinceAt: W, sparkline: [10], sparklineOf: 'rank', claim: { kind: 'rank', sourceId: 'hf-models', itemId: 'org/m14', at: T, rank: 10, printed: ['10'] } },
    ]);
    // key 6: 100 → 800 likes over 7 days = 100 a day; key 1: 50 → 120 = 10 a day.
    expect(moved.growth.map((mover) => [mover.itemId, mover.rank, mover.perDay, mover.metric, mover.sinceAt, mover.sparkline, mover.sparklineOf, mover.isNew])).toEqual([
      ['org/m6', 1, 100, 'likes', W, [100, 400, 800], 'likes', false],
      ['org/m1', 2, 10, 'likes', W, [50, 60, 120], 'likes', false],
    ]);
    expect(moved.growth[0]?.claim).toMatchObject({ kind: 'growth', perDay: 100, printed: ['100'] });
  });

  it('at most six of each; nothing and no date on the first day', () => {
    // A week back 1…20; today 20 down to 1: keys 20…11 climbed 19, 17 … 1 places; those of 3 or more: 20 … 12.
    const many = Array.from({ length: 20 }, (_, index) => index + 1);
    const flipped = win('hf-models', [snap('hf-models', W, many), snap('hf-models', T, [...many].reverse())], many.map((key) => item('hf-models', key, `org/m${key}`)));
    expect(movers(factsOf(inputsOf([flipped]))).climbers.map((mover) => mover.climbed)).toEqual([19, 17, 15, 13, 11, 9]);
    const first = movers(factsOf(inputsOf([win('hf-models', [snap('hf-models', T, [1])], [item('hf-models', 1, 'org/m1')])])));
    expect(first).toStrictEqual({ heading: 'Biggest Movers', climbers: [], growth: [] });
  });
});

describe('movers across sources', () => {
  it('sorted together: climbs largest first, then new entries by rank; growth fastest first, three a source, six in all', () => {
    const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, index) => `${prefix}/m${index + 1}`);
    const list = (sourceId: SourceId, before: number[], after: number[], likes?: [number[], number[]]) =>
      win(
        sourceId,
        [snap(sourceId, W, before, likes ? { likes: likes[0] } : {}), snap(sourceId, T, after, likes ? { likes: likes[1] } : {})],
        ids(sourceId, 30).map((itemId, index) => item(sourceId, index + 1, itemId)),
      );
    // Models: key 5 climbs 8 → 5 (3); key 30 new at No. 4; key 20 climbs 20 → 11 (9), below No. 10 but a climb.
    // Likes a week apart: keys 1, 2, 3 and 6 grow by 70, 140, 210, 280 (10, 20, 30, 40 a day); keys 30 and 5 have one point.
    const keys = [1, 2, 3, 4, 6, 7, 8, 5, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
    const models = list('hf-models', keys, [1, 2, 3, 30, 5, 6, 7, 8, 9, 10, 20, 11], [[0, 0, 0, 0, 0], [70, 140, 210, 0, 0, 280]]);
    // Spaces: key 3 climbs 8 → 2 (6); key 9 new at No. 1. Likes: keys 1, 2, 3 grow by 35, 350, 700 (5, 50, 100 a day).
    const spaces = list('hf-spaces', [1, 2, 4, 5, 6, 7, 8, 3], [9, 3, 1, 2], [[0, 0, 0, 0, 0, 0, 0, 0], [0, 700, 35, 350]]);
    // Datasets: key 2 new at No. 1.
    const datasets = list('hf-datasets', [1], [2, 1]);
    const moved = movers(factsOf(inputsOf([models, spaces, datasets])));
    expect(moved.climbers.map((mover) => [mover.itemId, mover.climbed ?? 'new', mover.rank])).toEqual([
      ['hf-models/m20', 9, 11],
      ['hf-spaces/m3', 6, 2],
      ['hf-models/m5', 3, 5],
      // Two new at No. 1: in the order of the sources (models, datasets, Spaces).
      ['hf-datasets/m2', 'new', 1],
      ['hf-spaces/m9', 'new', 1],
      ['hf-models/m30', 'new', 4],
    ]);
    // Models 40, 30, 20 (not 10: three a source); Spaces 100, 50, 5: the six fastest of those.
    expect(moved.growth.map((mover) => [mover.itemId, mover.perDay])).toEqual([
      ['hf-spaces/m3', 100],
      ['hf-spaces/m2', 50],
      ['hf-models/m6', 40],
      ['hf-models/m3', 30],
      ['hf-models/m2', 20],
      ['hf-spaces/m1', 5],
    ]);
  });

  it('six growth movers at most; equal growth by rank', () => {
    const list = (sourceId: SourceId, metric: 'likes' | 'stars', gains: number[], prefix: string = sourceId) =>
      win(
        sourceId,
        [snap(sourceId, W, gains.map((_, index) => index + 1), { [metric]: gains.map(() => 0) }), snap(sourceId, T, gains.map((_, index) => index + 1), { [metric]: gains })],
        gains.map((_, index) => item(sourceId, index + 1, `${prefix}/r${index + 1}`)),
      );
    // Gains over 7 days: models 70, 140, 210 (10, 20, 30 a day); Spaces 140, 70, 70 (20, 10, 10); daily stars 7 (1).
    const moved = movers(factsOf(inputsOf([list('hf-models', 'likes', [70, 140, 210]), list('hf-spaces', 'likes', [140, 70, 70]), list('gh-trending-daily', 'stars', [7], 'acme-llm')])));
    expect(moved.growth).toHaveLength(6);
    // Seven in all. 20 a day twice: Spaces No. 1 before models No. 2; 10 a day three times: ranks 1 (models),
    // 2, 3 (Spaces); the 1 a day is the seventh.
    expect(moved.growth.map((mover) => [mover.itemId, mover.perDay])).toEqual([
      ['hf-models/r3', 30],
      ['hf-spaces/r1', 20],
      ['hf-models/r2', 20],
      ['hf-models/r1', 10],
      ['hf-spaces/r2', 10],
      ['hf-spaces/r3', 10],
    ]);
  });

  it('a growth sparkline leaves out the days the metric was not sent', () => {
    const models = win(
      'hf-models',
      [snap('hf-models', W, [1], { likes: [10] }), snap('hf-models', T - 3 * D, [1]), snap('hf-models', T, [1], { likes: [80] })],
      [item('hf-models', 1, 'org/m1')],
    );
    expect(movers(factsOf(inputsOf([models]))).growth.map((mover) => mover.sparkline)).toEqual([[10, 80]]);
  });
});

describe('reading', () => {
  it('the five most upvoted papers of the week, with their code, authors and summary when they have them', () => {
    const items = [1, 2, 3, 4, 5, 6].map((key) =>
      item('hf-papers', key, `2611.0000${key}`, {
        name: `Paper ${'ABCDEF'[key - 1]}`,
        publishedAt: iso(T - key * H),
        ...(key === 2 ? { codeUrl: 'https://github.com/lab/code', authors: ['Ada', 'Alan'], description: 'We   scale things' } : {}),
      }),
    );
    // Upvotes 10, 60, 30, 40, 50, 20: by upvotes 2, 5, 4, 3, 6 (key 1 is the sixth).
    const papers = win('hf-papers', [snap('hf-papers', T, [1, 2, 3, 4, 5, 6], { upvotes: [10, 60, 30, 40, 50, 20] })], items);
    const read = reading(factsOf(inputsOf([papers])));
    expect(read.map((paper) => [paper.arxivId, paper.upvotes])).toEqual([
      ['2611.00002', 60],
      ['2611.00005', 50],
      ['2611.00004', 40],
      ['2611.00003', 30],
      ['2611.00006', 20],
    ]);
    expect(read[0]).toEqual({ arxivId: '2611.00002', title: 'Paper B', url: 'https://example.com/2611.00002', codeUrl: 'https://github.com/lab/code', authors: ['Ada', 'Alan'], upvotes: 60, summary: 'We scale things.' });
    expect(read[1]).toEqual({ arxivId: '2611.00005', title: 'Paper E', url: 'https://example.com/2611.00005', authors: [], upvotes: 50 });
  });
});
