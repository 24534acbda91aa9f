import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it, onTestFinished } from 'vitest';
import { MorningPostDB } from '@/lib/history/db';
import { latestList } from '@/lib/history/read';
import { SCHEMA_V1, SCHEMA_V2 } from '@/lib/history/schema';
import { recordFailure, recordSuccess } from '@/lib/history/write';
import type { MorningPostDB as DB } from '@/lib/history/db';
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
    expect(db.verno).toBe(3);
    expect(db.tables.map((table) => table.name).sort()).toEqual(['catalog', 'issues', 'meta', 'snapshots', 'sourceStatus']);
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
    const list = await latestList(db, 'hf-models');
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

describe('database version 3', () => {
  it('opens a version-2 database and keeps every snapshot, item, status and meta record', async () => {
    const name = testDbName('migrate-v2');
    // Written by the version-2 code path: the same write functions, on a database declared as v2.
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    const write = v2 as unknown as DB;
    await recordSuccess(write, 'hf-models', { items: models, dropped: 0 }, T0, T0 + HOUR);
    await recordSuccess(write, 'hf-models', { items: [...models].reverse(), dropped: 0 }, T0 + HOUR, T0 + 2 * HOUR);
    await recordFailure(write, 'gh-search', { kind: 'http', status: 500, message: 'api.github.com answered HTTP 500' }, T0, T0 + HOUR);
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
    expect(db.verno).toBe(3);
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
