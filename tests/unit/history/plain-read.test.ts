import { describe, expect, it, onTestFinished } from 'vitest';
import { openExisting, readIssuePage, readLatestLists } from '@/lib/history/plain-read';
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
