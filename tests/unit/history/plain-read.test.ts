import Dexie from 'dexie';
import { describe, expect, it, onTestFinished } from 'vitest';
import { MorningPostDB } from '@/lib/history/db';
import type { LatestList } from '@/lib/history/list-view';
import { SCHEMA_V3 } from '@/lib/history/schema';
import type { CatalogItem, SourceStatus } from '@/lib/shared/records';
import { openExisting, readIssuePage, readLatestLists } from '@/lib/history/plain-read';
import { joinLatestList } from '@/lib/history/list-join';
import { latestList } from '@/lib/history/read';
import { recordFailure, recordSuccess } from '@/lib/history/write';
import { SOURCE_IDS } from '@/lib/sources/ids';
import type { TrendingItem } from '@/lib/sources/contract';
import { testDb } from '../../support/db';
import { writeWeek } from '../../support/issue-history';

const HOUR = 3_600_000;
const START = Date.parse('2026-11-20T06:00:00Z');

async function plainOf(name: string): Promise<IDBDatabase> {
  const db = await openExisting(name);
  if (!db) throw new Error(`${name} should exist`);
  onTestFinished(() => db.close());
  return db;
}

const item = (id: string, likes: number): TrendingItem => ({ id, name: id, url: `https://huggingface.co/${id}`, metrics: { likes } });

describe('the pages’ first read, without Dexie (lib/history/plain-read.ts)', () => {
  it('does not create a database that does not exist', async () => {
    const name = `never-written-${crypto.randomUUID()}`;
    expect(await openExisting(name)).toBeUndefined();
    const names = (await indexedDB.databases()).map((database) => database.name);
    expect(names).not.toContain(name);
  });

  it('reads every source’s latest list as the Dexie reader does, row for row, over a recorded week', async () => {
    const db = testDb();
    await writeWeek(db, START, 3, 4);
    await recordFailure(db, 'gh-search', { kind: 'network', message: 'offline' }, START + 80 * HOUR, START + 81 * HOUR);
    const { lists, statuses } = await readLatestLists(await plainOf(db.name), SOURCE_IDS);
    for (const [index, sourceId] of SOURCE_IDS.entries()) {
      expect(lists[index], sourceId).toEqual(await latestList(db, sourceId));
      // Both read the view the worker wrote; it is what the history itself joins to (the hand-checked
      // tables of these views are in write.test.ts and read.test.ts).
      expect(lists[index], sourceId).toEqual(await joinLatestList(db.snapshots, db.catalog, sourceId));
      expect(statuses[index], sourceId).toEqual(await db.sourceStatus.get(sourceId));
    }
    // Not vacuous: the lists have rows and movement.
    expect(lists[0]!.rows.length).toBeGreaterThan(10);
    expect(lists[0]!.sinceAt).toBe(START + 2 * 24 * HOUR - 6 * HOUR);
    expect(statuses[SOURCE_IDS.indexOf('gh-search')]!.consecutiveFailures).toBe(1);
  });

  it('compares with the list a day old, else the oldest one at least 20 hours old, else nothing — hand-checked', async () => {
    const db = testDb();
    // 06:00 [a, b], 12:00 [b, a], next day 03:00 [c, a, b]: a day before 03:00 is nothing; the oldest (21 h old) is the baseline.
    await recordSuccess(db, 'hf-models', { items: [item('a', 1), item('b', 2)], dropped: 0 }, START, START + HOUR);
    const plain = () => plainOf(db.name);
    const first = await readLatestLists(await plain(), ['hf-models']);
    expect(first.lists[0]!.sinceAt).toBeUndefined();
    expect(first.lists[0]!.rows.map((row) => [row.itemId, row.change?.isNew])).toEqual([
      ['a', false],
      ['b', false],
    ]);
    await recordSuccess(db, 'hf-models', { items: [item('b', 3), item('a', 1)], dropped: 0 }, START + 6 * HOUR, START + 7 * HOUR);
    await recordSuccess(db, 'hf-models', { items: [item('c', 9), item('a', 2), item('b', 4)], dropped: 0 }, START + 21 * HOUR, START + 22 * HOUR);
    const later = await readLatestLists(await plain(), ['hf-models', 'hf-spaces']);
    expect(later.lists[0]!.sinceAt).toBe(START);
    expect(later.lists[0]!.rows.map((row) => [row.itemId, row.rank, row.change?.isNew, row.change?.climbed])).toEqual([
      ['c', 1, true, undefined],
      ['a', 2, false, -1],
      ['b', 3, false, -1],
    ]);
    expect(later.lists[1]).toBeUndefined();
    expect(later.statuses[1]).toBeUndefined();
  });

  it('reads each source’s view as the worker stored it: one get per source, no join', async () => {
    const db = testDb();
    // A view with no history behind it: what is read is the stored record, not a join of the snapshots.
    const stored: LatestList = { sourceId: 'gh-search', fetchedAt: START, rows: [] };
    await db.lists.put(stored);
    const read = await readLatestLists(await plainOf(db.name), ['hf-models', 'gh-search']);
    expect(read).toEqual({ lists: [undefined, stored], statuses: [undefined, undefined] });
  });

  it('joins the history of a database still at version 3, and reads the views once the worker has upgraded it', async () => {
    const name = `plain-v3-${crypto.randomUUID()}`;
    onTestFinished(() => Dexie.delete(name));
    // Written by hand as version 3 stored it: 06:00 [a b], 03:00 next day [c a b]; a failure of gh-search.
    const a: CatalogItem = { key: 1, sourceId: 'hf-models', itemId: 'o/a', name: 'o/a', url: 'https://huggingface.co/o/a', firstSeenAt: START, lastSeenAt: START };
    const b: CatalogItem = { ...a, key: 2, itemId: 'o/b', name: 'o/b', url: 'https://huggingface.co/o/b' };
    const c: CatalogItem = { ...a, key: 3, itemId: 'o/c', name: 'o/c', url: 'https://huggingface.co/o/c', firstSeenAt: START + 21 * HOUR, lastSeenAt: START + 21 * HOUR };
    const failing: SourceStatus = { sourceId: 'gh-search', lastAttemptAt: START, lastError: { kind: 'network', message: 'offline', at: START }, consecutiveFailures: 1 };
    const v3 = new Dexie(name);
    v3.version(3).stores(SCHEMA_V3);
    await v3.table('catalog').bulkAdd([a, b, c]);
    await v3.table('snapshots').bulkAdd([
      { sourceId: 'hf-models', fetchedAt: START, keys: [1, 2], metrics: { likes: [1, 2] } },
      { sourceId: 'hf-models', fetchedAt: START + 21 * HOUR, keys: [3, 1, 2], metrics: { likes: [9, 2, 4] } },
    ]);
    await v3.table('sourceStatus').put(failing);
    v3.close();
    // Nothing a day before 03:00; the oldest list (06:00) is 21 h old: c new, a 1 → 2, b 2 → 3.
    const expected = {
      lists: [
        {
          sourceId: 'hf-models',
          fetchedAt: START + 21 * HOUR,
          sinceAt: START,
          rows: [
            { rank: 1, itemId: 'o/c', metrics: { likes: 9 }, item: c, change: { key: 3, rank: 1, isNew: true } },
            { rank: 2, itemId: 'o/a', metrics: { likes: 2 }, item: a, change: { key: 1, rank: 2, isNew: false, previousRank: 1, climbed: -1 } },
            { rank: 3, itemId: 'o/b', metrics: { likes: 4 }, item: b, change: { key: 2, rank: 3, isNew: false, previousRank: 2, climbed: -1 } },
          ],
        },
        undefined,
      ],
      statuses: [undefined, failing],
    };

    const atV3 = await plainOf(name);
    expect(atV3.objectStoreNames.contains('lists')).toBe(false);
    expect(await readLatestLists(atV3, ['hf-models', 'gh-search'])).toEqual(expected);
    // The worker opens it at v4 while the page still holds it: the page's connection closes, the upgrade writes the views.
    const db = new MorningPostDB(name);
    onTestFinished(() => db.close());
    await db.open();
    const atV4 = await plainOf(name);
    expect(atV4.objectStoreNames.contains('lists')).toBe(true);
    expect(await readLatestLists(atV4, ['hf-models', 'gh-search'])).toEqual(expected);
  });

  it('reads the latest issue record, or the one asked for, with the latest number and the statuses', async () => {
    const db = testDb();
    const issue = (number: number) => ({ number, publishedAt: START + number * 24 * HOUR, marker: `issue ${number}` });
    // The records as stored (whatever their format): the reader hands them over untouched.
    await db.table('issues').bulkAdd([issue(1), issue(2), issue(3)]);
    await recordFailure(db, 'hf-papers', { kind: 'network', message: 'offline' }, START, START + HOUR);
    const latest = await readIssuePage(await plainOf(db.name));
    expect(latest.record).toEqual(issue(3));
    expect(latest.latestNumber).toBe(3);
    expect(latest.statuses.map((status) => status.sourceId)).toEqual(['hf-papers']);
    expect((await readIssuePage(await plainOf(db.name), 2)).record).toEqual(issue(2));
    // A number not in the archive: the latest.
    expect((await readIssuePage(await plainOf(db.name), 9)).record).toEqual(issue(3));
  });

  it('answers "nothing yet" from an empty database', async () => {
    const db = testDb();
    await db.open();
    const page = await readIssuePage(await plainOf(db.name));
    expect(page).toEqual({ record: undefined, latestNumber: undefined, statuses: [] });
  });
});
