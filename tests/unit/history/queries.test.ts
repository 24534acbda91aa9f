import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MorningPostDB } from '@/lib/history/db';
import { DAY_MS, newEntries, rankChanges, series, snapshotAtOrBefore } from '@/lib/history/queries';
import { hfModels } from '@/lib/sources/hf-models';
import { freshDb } from '../../support/db';
import { moveTo, withMetric, writeHistory } from '../../support/history';
import { OWN_FIXTURES, sharedFixture } from '../../support/paths';

const T0 = Date.parse('2026-11-20T07:00:00Z');
const recorded = hfModels.parse(readFileSync(sharedFixture('hf-models-trending.json'), 'utf8')).items;
const owned = hfModels.parse(readFileSync(join(OWN_FIXTURES, 'hf-models-trending-2026-11-26.json'), 'utf8')).items;

let db: MorningPostDB;
afterEach(async () => {
  await db?.delete();
});

describe('history queries', () => {
  it('gives an item series of a metric over a window, only where it appears', async () => {
    db = freshDb();
    const id = recorded[5]!.id;
    await writeHistory(db, 'hf-models', [
      { at: T0, items: withMetric(recorded, id, 'likes', 100) },
      { at: T0 + DAY_MS, items: withMetric(moveTo(recorded, id, 2), id, 'likes', 150) },
      { at: T0 + 2 * DAY_MS, items: owned }, // not in the list that day
      { at: T0 + 3 * DAY_MS, items: withMetric(moveTo(recorded, id, 0), id, 'likes', 260) },
    ]);
    expect(await series(db, 'hf-models', id, 'likes', T0, T0 + 3 * DAY_MS)).toEqual([
      { at: T0, rank: 6, value: 100 },
      { at: T0 + DAY_MS, rank: 3, value: 150 },
      { at: T0 + 3 * DAY_MS, rank: 1, value: 260 },
    ]);
    expect(await series(db, 'hf-models', id, 'likes', T0 + DAY_MS, T0 + 2 * DAY_MS)).toHaveLength(1);
    expect(await series(db, 'hf-models', 'no/such-model', 'likes', T0, T0 + 3 * DAY_MS)).toEqual([]);
    // A metric the source did not send reads as absent, not zero.
    expect((await series(db, 'hf-models', id, 'stars', T0, T0))[0]).toEqual({ at: T0, rank: 6 });
  });

  it('computes rank changes over 1 and 7 days against the list as it stood then', async () => {
    db = freshDb();
    const climber = recorded[20]!.id; // rank 21
    const faller = recorded[0]!.id; // rank 1
    const refreshes = [];
    for (let day = 0; day <= 7; day++) {
      // The climber rises three places a day; everything else keeps its order.
      let items = moveTo(recorded, climber, Math.max(0, 20 - 3 * day));
      if (day === 7) items = moveTo(items, faller, 9);
      refreshes.push({ at: T0 + day * DAY_MS, items });
    }
    await writeHistory(db, 'hf-models', refreshes);

    const week = await rankChanges(db, 'hf-models', 7 * DAY_MS);
    expect(week?.baselineAt).toBe(T0);
    expect(week?.rows.find((row) => row.itemId === climber)).toEqual({ itemId: climber, rank: 1, previousRank: 21, climbed: 20, isNew: false });
    expect(week?.rows.find((row) => row.itemId === faller)).toMatchObject({ rank: 10, previousRank: 1, climbed: -9 });

    const day = await rankChanges(db, 'hf-models', DAY_MS);
    expect(day?.baselineAt).toBe(T0 + 6 * DAY_MS);
    expect(day?.rows.find((row) => row.itemId === climber)).toMatchObject({ rank: 1, previousRank: 3, climbed: 2 });
  });

  it('names new entries, and none when the history does not reach back far enough', async () => {
    db = freshDb();
    await writeHistory(db, 'hf-models', [{ at: T0, items: recorded.slice(0, 25) }]);
    // One day of history only: the comparison a day back has no baseline, so nothing is "new".
    expect(await newEntries(db, 'hf-models', DAY_MS)).toEqual([]);
    expect((await rankChanges(db, 'hf-models', DAY_MS))?.baselineAt).toBeUndefined();

    await writeHistory(db, 'hf-models', [{ at: T0 + DAY_MS, items: [...recorded.slice(25), ...recorded.slice(0, 25)] }]);
    const fresh = await newEntries(db, 'hf-models', DAY_MS);
    expect(fresh.map((row) => row.itemId)).toEqual(recorded.slice(25).map((item) => item.id));
    expect(fresh.map((row) => row.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(fresh.every((row) => row.previousRank === undefined && row.climbed === undefined)).toBe(true);
  });

  it('finds the list as it stood at a time', async () => {
    db = freshDb();
    await writeHistory(db, 'hf-models', [
      { at: T0, items: recorded },
      { at: T0 + DAY_MS, items: owned },
    ]);
    expect((await snapshotAtOrBefore(db, 'hf-models', T0 + DAY_MS - 1))?.fetchedAt).toBe(T0);
    expect((await snapshotAtOrBefore(db, 'hf-models', T0 + DAY_MS))?.fetchedAt).toBe(T0 + DAY_MS);
    expect(await snapshotAtOrBefore(db, 'hf-models', T0 - 1)).toBeUndefined();
    expect(await snapshotAtOrBefore(db, 'hf-datasets', T0 + DAY_MS)).toBeUndefined();
  });
});
