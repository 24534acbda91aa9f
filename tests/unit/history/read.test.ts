import { describe, expect, it } from 'vitest';
import { latestList } from '@/lib/history/read';
import type { TrendingItem } from '@/lib/sources/contract';
import { testDb } from '../../support/db';
import { writeHistory } from '../../support/history';

const T0 = Date.UTC(2026, 10, 20, 7, 0);
const H = 3_600_000;
const model = (id: string): TrendingItem => ({ id: `org/${id}`, name: `org/${id}`, url: `https://huggingface.co/org/${id}`, metrics: { likes: 1 } });
const list = (...ids: string[]) => ids.map(model);
const movement = (rows: { itemId: string; change?: { climbed?: number; isNew: boolean } }[]) =>
  rows.map((row) => [row.itemId.slice(4), row.change?.isNew ? 'new' : (row.change?.climbed ?? '–')]);

describe('the lists the pages show carry their movement since the day before', () => {
  it('against the last list a day old: climbs, falls and new entries, worked out by hand', async () => {
    const db = testDb();
    // 07:00 a b c d · 13:00 d a b c (not a day old at the end) · next day 08:00 c a b e
    await writeHistory(db, 'hf-models', [
      { at: T0, items: list('a', 'b', 'c', 'd') },
      { at: T0 + 6 * H, items: list('d', 'a', 'b', 'c') },
      { at: T0 + 25 * H, items: list('c', 'a', 'b', 'e') },
    ]);
    const latest = await latestList(db, 'hf-models');
    // The baseline is the 07:00 list (the last at or before 08:00 − 24 h): c 3 → 1, a 1 → 2, b 2 → 3, e absent.
    expect(latest?.sinceAt).toBe(T0);
    expect(movement(latest!.rows)).toEqual([
      ['c', 2],
      ['a', -1],
      ['b', -1],
      ['e', 'new'],
    ]);
    // The same from the history itself when no view is stored (the fallback of lib/history/read.ts).
    await db.lists.delete('hf-models');
    const joined = await latestList(db, 'hf-models');
    expect(joined?.sinceAt).toBe(T0);
    expect(movement(joined!.rows)).toEqual([
      ['c', 2],
      ['a', -1],
      ['b', -1],
      ['e', 'new'],
    ]);
  });

  it('nothing for a source with no view and no snapshot', async () => {
    const db = testDb();
    await writeHistory(db, 'hf-models', [{ at: T0, items: list('a') }]);
    expect(await latestList(db, 'hf-spaces')).toBeUndefined();
  });

  it('against the oldest list while the history is younger than a day, if it is 20 h old', async () => {
    const db = testDb();
    await writeHistory(db, 'hf-models', [
      { at: T0, items: list('a', 'b') },
      { at: T0 + 20 * H, items: list('b', 'a') },
    ]);
    const latest = await latestList(db, 'hf-models');
    expect(latest?.sinceAt).toBe(T0);
    expect(movement(latest!.rows)).toEqual([
      ['b', 1],
      ['a', -1],
    ]);
  });

  it('with nothing called new or moved when there is no list old enough to compare', async () => {
    const db = testDb();
    await writeHistory(db, 'hf-models', [
      { at: T0, items: list('a', 'b') },
      { at: T0 + 19 * H, items: list('c', 'a') },
    ]);
    const latest = await latestList(db, 'hf-models');
    expect(latest?.sinceAt).toBeUndefined();
    expect(movement(latest!.rows)).toEqual([
      ['c', '–'],
      ['a', '–'],
    ]);
  });
});
