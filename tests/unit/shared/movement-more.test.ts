import { describe, expect, it } from 'vitest';
import type { Snapshot } from '@/lib/shared/records';
import { growthPerDay, seriesOf } from '@/lib/shared/growth';
import { baselineOf, dailySnapshots, dayIn, KNOWN_DAYS_MAX, latestOf, metricsAt, rankChanges, rankIn } from '@/lib/shared/movement';

// More hand-made cases for lib/shared/movement, each aimed at an edge the first table
// (movement.test.ts) leaves open. Expected values are literals worked out by hand.
const T0 = Date.UTC(2026, 10, 20, 7, 0); // Fri 20 Nov 2026, 07:00 UTC
const H = 3_600_000;
const D = 24 * H;
const snap = (fetchedAt: number, keys: number[], metrics: Snapshot['metrics'] = {}): Snapshot => ({ sourceId: 'hf-models', fetchedAt, keys, metrics });

describe('movement, the edges', () => {
  it('latest: the newest of the list; nothing for no list', () => {
    expect(latestOf(undefined)).toBeUndefined();
    expect(latestOf([])).toBeUndefined();
    expect(latestOf([snap(T0, [1]), snap(T0 + D, [2])])?.fetchedAt).toBe(T0 + D);
    expect(baselineOf(undefined, D)).toBeUndefined();
  });

  it('baseline: the last list at or before the target, exactly on it included', () => {
    const lists = [snap(T0, [1]), snap(T0 + D, [1]), snap(T0 + D + 2 * H, [1]), snap(T0 + D + 3 * H, [1]), snap(T0 + 2 * D, [1])];
    // Target T0 + 2 d − 1 d + 2 h of slack = T0 + 1 d 2 h: the list taken exactly then, not the one an hour later.
    expect(baselineOf(lists, D)?.fetchedAt).toBe(T0 + D + 2 * H);
    // Target T0 + 2 d − 47 h + 2 h = T0 + 3 h: only T0 is at or before it.
    expect(baselineOf(lists, 47 * H)?.fetchedAt).toBe(T0);
  });

  it('rank: the first of a list is No. 1', () => {
    const list = snap(T0, [7, 8, 9]);
    expect(rankIn(list, 7)).toBe(1);
    expect(rankIn(list, 9)).toBe(3);
    expect(rankIn(list, 1)).toBeUndefined();
  });

  it('rank changes: a standstill climbs 0; the first of the baseline has rank 1', () => {
    expect(rankChanges(snap(T0 + D, [7, 9, 8]), snap(T0, [7, 8, 9]))).toEqual([
      { key: 7, rank: 1, previousRank: 1, climbed: 0, isNew: false },
      { key: 9, rank: 2, previousRank: 3, climbed: 1, isNew: false },
      { key: 8, rank: 3, previousRank: 2, climbed: -1, isNew: false },
    ]);
  });

  it('series: a metric not sent at all, and non-finite values, leave the value out', () => {
    const lists = [snap(T0, [1, 2]), snap(T0 + D, [2, 1], { likes: [Number.NaN, Infinity] }), snap(T0 + 2 * D, [1], { likes: [-Infinity] }), snap(T0 + 3 * D, [1], { likes: [null] })];
    const points = seriesOf(lists, 1, 'likes');
    expect(points).toEqual([
      { at: T0, rank: 1 },
      { at: T0 + D, rank: 2 },
      { at: T0 + 2 * D, rank: 1 },
      { at: T0 + 3 * D, rank: 1 },
    ]);
    expect(points.some((point) => 'value' in point)).toBe(false);
    expect(seriesOf(lists, 2, 'likes').some((point) => 'value' in point)).toBe(false);
  });

  it('metrics: null and undefined are absent, zero and negatives are values', () => {
    const list = snap(T0, [1, 2], { likes: [null, 0], downloads: [-3] });
    expect(metricsAt(list, 0)).toStrictEqual({ downloads: -3 });
    expect(metricsAt(list, 1)).toStrictEqual({ likes: 0 });
  });

  it('growth: from `since` on only; none for no point, one point, or 19 hours away from the epoch', () => {
    const points = [
      { at: T0, rank: 1, value: 0 },
      { at: T0 + D, rank: 1, value: 100 },
      { at: T0 + 3 * D, rank: 1, value: 160 },
    ];
    // All: 0 → 160 over 3 days = 53.3 → 53. From T0 + 1 d: 100 → 160 over 2 days = 30.
    expect(growthPerDay(points)?.perDay).toBe(53);
    expect(growthPerDay(points, T0 + D)).toEqual({ fromAt: T0 + D, toAt: T0 + 3 * D, fromValue: 100, toValue: 160, perDay: 30 });
    // `since` on the last point leaves that one point: nothing.
    expect(growthPerDay(points, T0 + 3 * D)).toBeUndefined();
    expect(growthPerDay([])).toBeUndefined();
    expect(growthPerDay([{ at: T0, rank: 1, value: 5 }])).toBeUndefined();
    // 19 h apart, far from time zero: too short.
    expect(growthPerDay([{ at: T0, rank: 1, value: 1 }, { at: T0 + 19 * H, rank: 1, value: 100 }])).toBeUndefined();
    // Points without a value are passed over: 10 → 40 over 3 days = 10.
    expect(growthPerDay([{ at: T0, rank: 1, value: 10 }, { at: T0 + D, rank: 1 }, { at: T0 + 3 * D, rank: 1, value: 40 }, { at: T0 + 4 * D, rank: 1 }])?.perDay).toBe(10);
    // A negative rate is a rate: 40 → 10 over 2 days = −15.
    expect(growthPerDay([{ at: T0, rank: 1, value: 40 }, { at: T0 + 2 * D, rank: 1, value: 10 }])?.perDay).toBe(-15);
    // Beyond a double: no rate.
    expect(growthPerDay([{ at: T0, rank: 1, value: -Number.MAX_VALUE }, { at: T0 + D, rank: 1, value: Number.MAX_VALUE }])).toBeUndefined();
  });

  it('days: the same day in two time zones, each list the last of its day', () => {
    // 06:00 and 22:00 UTC on the 20th: one day in UTC; in Tokyo (15:00 on the 20th, 07:00 on the 21st) two.
    const lists = [snap(Date.UTC(2026, 10, 20, 6), [1]), snap(Date.UTC(2026, 10, 20, 22), [2])];
    expect(dailySnapshots(lists, 0, 'UTC').map((s) => s.keys[0])).toEqual([2]);
    expect(dailySnapshots(lists, 0, 'Asia/Tokyo').map((s) => s.keys[0])).toEqual([1, 2]);
    // `from` exactly on a list keeps it.
    expect(dailySnapshots(lists, Date.UTC(2026, 10, 20, 22), 'Asia/Tokyo').map((s) => s.keys[0])).toEqual([2]);
    expect(dayIn(Date.UTC(2026, 10, 20, 22), 'UTC')).toBe('2026-11-20');
    expect(dayIn(Date.UTC(2026, 10, 20, 22), 'Asia/Tokyo')).toBe('2026-11-21');
  });

  it('days remembered (issue #8): per time zone, the same answer asked again, and right after the memory is emptied', () => {
    const at = Date.UTC(2026, 10, 20, 22);
    // Asked in one zone first, then another: a remembered day is never another zone's.
    expect([dayIn(at, 'America/Los_Angeles'), dayIn(at, 'Asia/Tokyo'), dayIn(at, 'America/Los_Angeles'), dayIn(at, 'Asia/Tokyo')]).toEqual([
      '2026-11-20',
      '2026-11-21',
      '2026-11-20',
      '2026-11-21',
    ]);
    // More times than it keeps, an hour apart (Kolkata, +05:30 all year): each still its own day, before and after emptying.
    const zone = 'Asia/Kolkata';
    const start = Date.UTC(2020, 0, 1, 0, 0);
    for (let hour = 0; hour <= KNOWN_DAYS_MAX + 24; hour += 1) {
      const time = start + hour * H;
      const expected = new Date(time + 5.5 * H).toISOString().slice(0, 10);
      if (dayIn(time, zone) !== expected || dayIn(time, zone) !== expected) throw new Error(`${new Date(time).toISOString()} in ${zone}: not ${expected}`);
    }
    expect(dayIn(start + 18.5 * H, zone)).toBe('2020-01-02');
    expect(dayIn(start + 18.5 * H - 1, zone)).toBe('2020-01-01');
  });
});
