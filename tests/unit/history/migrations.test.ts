import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it, onTestFinished } from 'vitest';
import { MorningPostDB } from '@/lib/history/db';
import { latestList } from '@/lib/history/read';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '@/lib/history/schema';
import type { CatalogItem, Snapshot, SourceStatus } from '@/lib/shared/records';
import { hfModels } from '@/lib/sources/hf-models';
import { sharedFixture } from '../../support/paths';

const T0 = Date.parse('2026-11-20T07:00:00Z');
const HOUR = 3_600_000;
const models = hfModels.parse(readFileSync(sharedFixture('hf-models-trending.json'), 'utf8')).items;

/** A database name of the running test's own, deleted when the test finishes. */
function testDbName(prefix: string): string {
  const name = `${prefix}-${crypto.randomUUID()}`;
  onTestFinished(() => Dexie.delete(name));
  return name;
}

/**
 * Writes a version-1 database the way version 1's `recordSuccess` did
 * (commit 32ba9f5): one object per entry, items keyed by [sourceId+itemId].
 */
async function writeVersion1(name: string, refreshes: number): Promise<Dexie> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  for (let refresh = 0; refresh < refreshes; refresh++) {
    const at = T0 + refresh * HOUR;
    // Each refresh rotates the list by one place so that ranks differ between snapshots.
    const list = [...models.slice(refresh), ...models.slice(0, refresh)];
    await v1.transaction('rw', ['snapshots', 'items', 'sourceStatus'], async () => {
      await v1.table('snapshots').add({
        sourceId: 'hf-models',
        fetchedAt: at,
        entries: list.map((item, index) => ({ itemId: item.id, rank: index + 1, metrics: item.metrics })),
      });
      await v1.table('items').bulkPut(
        list.map(({ id, metrics: _metrics, ...meta }) => ({ ...meta, sourceId: 'hf-models', itemId: id, firstSeenAt: T0, lastSeenAt: at })),
      );
      await v1.table('sourceStatus').put({ sourceId: 'hf-models', lastSuccessAt: at, consecutiveFailures: 0, nextAttemptAt: at + HOUR });
    });
  }
  return v1;
}

describe('database version 2 (and on to the latest)', () => {
  it('opens a version-1 database and keeps every snapshot, rank, metric and item', async () => {
    const name = testDbName('migrate');
    const v1 = await writeVersion1(name, 3);
    const before = await v1.table('snapshots').toArray();
    v1.close();

    const db = new MorningPostDB(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.tables.map((table) => table.name).sort()).toEqual(['catalog', 'issues', 'lists', 'meta', 'snapshots', 'sourceStatus']);
    expect(await db.catalog.count()).toBe(30);
    const after = await db.snapshots.orderBy('fetchedAt').toArray();
    expect(after).toHaveLength(3);
    const catalog = new Map((await db.catalog.toArray()).map((item) => [item.key, item]));
    after.forEach((snapshot, index) => {
      const old = before[index] as { fetchedAt: number; entries: { itemId: string; rank: number; metrics: Record<string, number> }[] };
      expect(snapshot.fetchedAt).toBe(old.fetchedAt);
      expect(snapshot.keys.map((key) => catalog.get(key)?.itemId)).toEqual(old.entries.map((entry) => entry.itemId));
      expect(snapshot.metrics.likes).toEqual(old.entries.map((entry) => entry.metrics.likes));
      expect(snapshot).not.toHaveProperty('entries');
    });
    // Read from the view the v4 upgrade wrote (the newest list, rotated by two).
    const list = await db.lists.get('hf-models');
    expect(list?.fetchedAt).toBe(T0 + 2 * HOUR);
    expect(list?.rows[0]).toMatchObject({ rank: 1, itemId: models[2]!.id, metrics: models[2]!.metrics });
    expect(list?.rows[0]?.item).toMatchObject({ url: models[2]!.url, firstSeenAt: T0, lastSeenAt: T0 + 2 * HOUR });
    expect(await db.sourceStatus.get('hf-models')).toMatchObject({ lastSuccessAt: T0 + 2 * HOUR });
    db.close();
  });

  it('upgrades while an older page still holds the database open', async () => {
    const name = testDbName('migrate-open');
    const v1 = await writeVersion1(name, 1);
    // A new tab of the old version keeps its connection; Dexie closes it on `versionchange`.
    let closedByUpgrade = false;
    v1.on('versionchange', () => {
      closedByUpgrade = true;
    });
    const db = new MorningPostDB(name);
    await db.open();
    expect(closedByUpgrade).toBe(true);
    expect(await db.snapshots.count()).toBe(1);
    expect((await latestList(db, 'hf-models'))?.rows).toHaveLength(30);
    db.close();
  });
});

/** The 30 recorded models as catalog entries keyed 1–30, first seen at T0, as versions 2 and 3 stored them. */
const modelEntries = (): CatalogItem[] =>
  models.map(({ id, metrics: _metrics, ...meta }, index) => ({ ...meta, key: index + 1, sourceId: 'hf-models', itemId: id, firstSeenAt: T0, lastSeenAt: T0 + HOUR }));

describe('database version 3', () => {
  it('opens a version-2 database and keeps every snapshot, item, status and meta record', async () => {
    const name = testDbName('migrate-v2');
    // Rows as version 2 stored them, written straight into a database declared as v2 (today's recordSuccess
    // also writes v4's views, which v2 has no table for).
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    const keys = models.map((_model, index) => index + 1);
    const likes = models.map((model) => model.metrics.likes ?? null);
    await v2.table('catalog').bulkAdd(modelEntries());
    await v2.table('snapshots').bulkAdd([
      { sourceId: 'hf-models', fetchedAt: T0, keys, metrics: { likes } },
      { sourceId: 'hf-models', fetchedAt: T0 + HOUR, keys: [...keys].reverse(), metrics: { likes: [...likes].reverse() } },
    ] satisfies Snapshot[]);
    await v2.table('sourceStatus').bulkPut([
      { sourceId: 'hf-models', lastAttemptAt: T0 + HOUR, lastSuccessAt: T0 + HOUR, consecutiveFailures: 0, nextAttemptAt: T0 + 2 * HOUR, lastDropped: 0 },
      { sourceId: 'gh-search', lastAttemptAt: T0, lastError: { kind: 'http', status: 500, message: 'api.github.com answered HTTP 500', at: T0 }, consecutiveFailures: 1, nextAttemptAt: T0 + HOUR },
    ] satisfies SourceStatus[]);
    await v2.table('meta').put({ name: 'lastPrunedAt', value: T0 });
    const before = {
      snapshots: await v2.table('snapshots').toArray(),
      catalog: await v2.table('catalog').toArray(),
      sourceStatus: await v2.table('sourceStatus').toArray(),
      meta: await v2.table('meta').toArray(),
    };
    v2.close();

    const db = new MorningPostDB(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect({
      snapshots: await db.snapshots.toArray(),
      catalog: await db.catalog.toArray(),
      sourceStatus: await db.sourceStatus.toArray(),
      meta: await db.meta.toArray(),
    }).toEqual(before);
    expect(await db.issues.count()).toBe(0);
    expect((await latestList(db, 'hf-models'))?.rows[0]?.itemId).toBe(models.at(-1)!.id);
    db.close();
  });
});

describe('database version 4: each source’s latest list, ready to paint (issue #8)', () => {
  // A version-3 history written by hand, and the views worked out by hand from it:
  // hf-models   T0 [a b c] · T0+6h [b a c] · T0+25h [c a (9: no catalog entry) d]
  //             baseline: the last list at or before T0+1h, T0's [a b c]
  //             c 3 → 1 (+2), a 1 → 2 (−1), key 9 has no entry (its row is left out), d new at rank 4.
  // gh-search   T0+2h [x] · T0+12h [y x]: nothing a day old, the oldest only 10 h old: no baseline, no movement.
  // hf-papers   a failure only: no snapshot, no view.
  const entry = (key: number, sourceId: CatalogItem['sourceId'], itemId: string, firstSeenAt: number, lastSeenAt: number): CatalogItem => ({
    key,
    sourceId,
    itemId,
    name: itemId,
    url: `https://example.test/${itemId}`,
    firstSeenAt,
    lastSeenAt,
  });
  const [a, b, c, d] = [entry(1, 'hf-models', 'o/a', T0, T0 + 25 * HOUR), entry(2, 'hf-models', 'o/b', T0, T0 + 6 * HOUR), entry(3, 'hf-models', 'o/c', T0, T0 + 25 * HOUR), entry(4, 'hf-models', 'o/d', T0 + 25 * HOUR, T0 + 25 * HOUR)];
  const [x, y] = [entry(5, 'gh-search', 'p/x', T0 + 2 * HOUR, T0 + 12 * HOUR), entry(6, 'gh-search', 'p/y', T0 + 12 * HOUR, T0 + 12 * HOUR)];
  const snapshots: Snapshot[] = [
    { sourceId: 'hf-models', fetchedAt: T0, keys: [1, 2, 3], metrics: { likes: [10, 20, 30] } },
    { sourceId: 'gh-search', fetchedAt: T0 + 2 * HOUR, keys: [5], metrics: { stars: [7] } },
    { sourceId: 'hf-models', fetchedAt: T0 + 6 * HOUR, keys: [2, 1, 3], metrics: { likes: [21, 11, 31] } },
    { sourceId: 'gh-search', fetchedAt: T0 + 12 * HOUR, keys: [6, 5], metrics: { stars: [3, null] } },
    { sourceId: 'hf-models', fetchedAt: T0 + 25 * HOUR, keys: [3, 1, 9, 4], metrics: { likes: [35, 12, 99, 5] } },
  ];

  async function writeVersion3(name: string): Promise<void> {
    const v3 = new Dexie(name);
    v3.version(3).stores(SCHEMA_V3);
    await v3.table('catalog').bulkAdd([a, b, c, d, x, y]);
    await v3.table('snapshots').bulkAdd(snapshots);
    await v3.table('sourceStatus').put({ sourceId: 'hf-papers', lastAttemptAt: T0, lastError: { kind: 'network', message: 'offline', at: T0 }, consecutiveFailures: 1 } satisfies SourceStatus);
    v3.close();
  }

  it('opens a version-3 database and writes every source’s view from the history already stored', async () => {
    const name = testDbName('migrate-v3');
    await writeVersion3(name);

    const db = new MorningPostDB(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.lists.toArray()).toEqual([
      {
        sourceId: 'gh-search',
        fetchedAt: T0 + 12 * HOUR,
        rows: [
          { rank: 1, itemId: 'p/y', metrics: { stars: 3 }, item: y, change: { key: 6, rank: 1, isNew: false } },
          { rank: 2, itemId: 'p/x', metrics: {}, item: x, change: { key: 5, rank: 2, isNew: false } },
        ],
      },
      {
        sourceId: 'hf-models',
        fetchedAt: T0 + 25 * HOUR,
        sinceAt: T0,
        rows: [
          { rank: 1, itemId: 'o/c', metrics: { likes: 35 }, item: c, change: { key: 3, rank: 1, isNew: false, previousRank: 3, climbed: 2 } },
          { rank: 2, itemId: 'o/a', metrics: { likes: 12 }, item: a, change: { key: 1, rank: 2, isNew: false, previousRank: 1, climbed: -1 } },
          { rank: 4, itemId: 'o/d', metrics: { likes: 5 }, item: d, change: { key: 4, rank: 4, isNew: true } },
        ],
      },
    ]);
    // Nothing else is touched.
    expect(await db.snapshots.count()).toBe(5);
    expect(await db.catalog.toArray()).toEqual([a, b, c, d, x, y]);
    db.close();
  });
});
