import { describe, expect, it } from 'vitest';
import type { Snapshot } from '@/lib/shared/records';
import { growthPerDay, seriesOf } from '@/lib/shared/growth';
import {
  baselineOf,
  dailySnapshots,
  dayIn,
  metricsAt,
  newEntries,
  rankChanges,
  rankIn,
} from '@/lib/shared/movement';

// Hand-made snapshots; every expected value below is worked out by hand from this table.
const T0 = Date.UTC(2026, 10, 20, 7, 0); // Fri 20 Nov 2026, 07:00 UTC
const H = 3_600_000;
const D = 24 * H;
const snap = (fetchedAt: number, keys: number[], likes?: (number | null)[]): Snapshot => ({
  sourceId: 'hf-models',
  fetchedAt,
  keys,
  metrics: likes ? { likes } : {},
});

//            day 0            day 1              day 2 (key 5 absent)   day 3
const week = [
  snap(T0, [1, 2, 3, 4, 5], [10, 20, 30, 40, 50]),
  snap(T0 + D, [5, 1, 2, 3, 4], [80, 11, 21, 31, 41]),
  snap(T0 + 2 * D, [1, 2, 3, 4, 6], [12, 22, 32, 42, 5]),
  snap(T0 + 3 * D, [6, 5, 1, 2, 3], [9, 140, 13, null, 33]),
];

describe('movement: one implementation, checked against a hand-worked table', () => {
  it('series: only the snapshots an item appears in, metric absent (not zero) when not sent', () => {
    expect(seriesOf(week, 5, 'likes')).toEqual([
      { at: T0, rank: 5, value: 50 },
      { at: T0 + D, rank: 1, value: 80 },
      { at: T0 + 3 * D, rank: 2, value: 140 },
    ]);
    expect(seriesOf(week, 2, 'likes').at(-1)).toEqual({ at: T0 + 3 * D, rank: 4 });
    expect(seriesOf(week, 99, 'likes')).toEqual([]);
    expect(seriesOf(week, 1)).toEqual([
      { at: T0, rank: 1 },
      { at: T0 + D, rank: 2 },
      { at: T0 + 2 * D, rank: 1 },
      { at: T0 + 3 * D, rank: 3 },
    ]);
  });

  it('rank changes against a baseline: climbs, falls, new entries; nothing is new without one', () => {
    const latest = week[3]!;
    expect(rankChanges(latest, week[0])).toEqual([
      { key: 6, rank: 1, isNew: true },
      { key: 5, rank: 2, previousRank: 5, climbed: 3, isNew: false },
      { key: 1, rank: 3, previousRank: 1, climbed: -2, isNew: false },
      { key: 2, rank: 4, previousRank: 2, climbed: -2, isNew: false },
      { key: 3, rank: 5, previousRank: 3, climbed: -2, isNew: false },
    ]);
    expect(newEntries(latest, week[0])).toEqual([6]);
    expect(newEntries(latest, week[2])).toEqual([5]);
    expect(newEntries(latest, undefined)).toEqual([]);
    expect(rankChanges(latest, undefined).every((change) => !change.isNew && change.climbed === undefined)).toBe(true);
    expect(rankIn(latest, 3)).toBe(5);
    expect(rankIn(latest, 4)).toBeUndefined();
    expect(rankIn(undefined, 3)).toBeUndefined();
  });

  it('baseline: the last list at or before the window; else the oldest at least 20 h old; else none', () => {
    expect(baselineOf(week, D)?.fetchedAt).toBe(T0 + 2 * D);
    expect(baselineOf(week, 3 * D)?.fetchedAt).toBe(T0);
    // The history is three days old: a week's baseline falls back to the oldest list.
    expect(baselineOf(week, 7 * D)?.fetchedAt).toBe(T0);
    // Two lists 19 h apart: too close to compare.
    expect(baselineOf([snap(T0, [1]), snap(T0 + 19 * H, [1])], D)).toBeUndefined();
    expect(baselineOf([snap(T0, [1]), snap(T0 + 20 * H, [1])], D)?.fetchedAt).toBe(T0);
    expect(baselineOf([snap(T0, [1])], D)).toBeUndefined();
    expect(baselineOf([], D)).toBeUndefined();
    // Refreshes drift: a list 22 h 1 min old still counts as a day back (2 h of slack), one 21 h 59 min old does not.
    expect(baselineOf([snap(T0, [1]), snap(T0 + 3 * H, [1]), snap(T0 + 3 * H + 22 * H + 60_000, [1])], D)?.fetchedAt).toBe(T0 + 3 * H);
    expect(baselineOf([snap(T0, [1]), snap(T0 + 3 * H, [1]), snap(T0 + 3 * H + 22 * H - 60_000, [1])], D)?.fetchedAt).toBe(T0);
  });

  it('growth per day: first to last point carrying the metric, whole days, at least 20 h', () => {
    // Key 5: 50 → 140 over 3 days = 30 a day.
    expect(growthPerDay(seriesOf(week, 5, 'likes'))).toEqual({ fromAt: T0, toAt: T0 + 3 * D, fromValue: 50, toValue: 140, perDay: 30 });
    // From day 1 on: 80 → 140 over 2 days = 30 a day.
    expect(growthPerDay(seriesOf(week, 5, 'likes'), T0 + D)?.perDay).toBe(30);
    // Key 2 has no likes on day 3: 20 → 22 over 2 days = 1 a day.
    expect(growthPerDay(seriesOf(week, 2, 'likes'))?.perDay).toBe(1);
    // Key 6: 5 → 9 over one day; key 1: 10 → 13 over 3 days = 1 a day.
    expect(growthPerDay(seriesOf(week, 6, 'likes'))?.perDay).toBe(4);
    expect(growthPerDay(seriesOf(week, 1, 'likes'))?.perDay).toBe(1);
    // Less than 20 h between the points: no rate.
    expect(growthPerDay([{ at: 0, rank: 1, value: 1 }, { at: 19 * H, rank: 1, value: 100 }])).toBeUndefined();
    // 20 h counts as one day: 100 a day, not 120.
    expect(growthPerDay([{ at: 0, rank: 1, value: 0 }, { at: 20 * H, rank: 1, value: 100 }])?.perDay).toBe(100);
  });

  it('metrics: absent and non-finite values are left out', () => {
    expect(metricsAt(week[3]!, 3)).toEqual({});
    expect(metricsAt(week[3]!, 1)).toEqual({ likes: 140 });
    expect(metricsAt({ ...week[0]!, metrics: { likes: [Number.NaN], stars: [Infinity] } }, 0)).toEqual({});
  });

  it('one point a day in the reader’s time zone, the day’s last list', () => {
    // 23:30 and 01:30 UTC fall on one day in New York (18:30, 20:30) and on two in UTC.
    const late = [snap(Date.UTC(2026, 10, 20, 23, 30), [1]), snap(Date.UTC(2026, 10, 21, 1, 30), [2])];
    expect(dailySnapshots(late, 0, 'UTC').map((s) => s.keys[0])).toEqual([1, 2]);
    expect(dailySnapshots(late, 0, 'America/New_York').map((s) => s.keys[0])).toEqual([2]);
    expect(dayIn(Date.UTC(2026, 10, 21, 1, 30), 'America/New_York')).toBe('2026-11-20');
    expect(dayIn(Date.UTC(2026, 10, 21, 1, 30), 'Asia/Tokyo')).toBe('2026-11-21');
    expect(dailySnapshots(week, T0 + D, 'UTC').map((s) => s.fetchedAt)).toEqual([T0 + D, T0 + 2 * D, T0 + 3 * D]);
  });
});
