import { describe, expect, it } from 'vitest';
import type { MorningPostDB } from '@/lib/history/db';
import { recordSuccess } from '@/lib/history/write';
import type { ListRow } from '@/lib/shared/movement';
import type { CatalogItem } from '@/lib/shared/records';
import type { TrendingItem } from '@/lib/sources/contract';
import type { SourceId } from '@/lib/sources/ids';
import { Random } from '../../support/random-history';
import { testDb } from '../../support/db';

// recordSuccess finds the catalog entries a list already has in two steps (issue #8): a batch get of the
// keys in the source's previous snapshot, then a lookup of the rest by [sourceId+itemId].
// Whatever path an item takes, the catalog must end as the one lookup by [sourceId+itemId] made it.

const T0 = Date.UTC(2026, 10, 20, 7, 0);
const H = 3_600_000;
const item = (id: string, extra: Partial<TrendingItem> = {}): TrendingItem => ({ id, name: id, url: `https://github.com/${id}`, metrics: { stars: 1 }, ...extra });

/** The catalog as the write before issue #8 left it: every entry looked up by [sourceId+itemId]. */
async function referenceWrite(db: MorningPostDB, sourceId: SourceId, items: TrendingItem[], at: number): Promise<void> {
  await db.transaction('rw', db.catalog, async () => {
    const known = await db.catalog.where('[sourceId+itemId]').anyOf(items.map((entry) => [sourceId, entry.id])).toArray();
    const byId = new Map(known.map((entry) => [entry.itemId, entry]));
    await db.catalog.bulkPut(
      items.map(({ id, metrics: _metrics, ...meta }): CatalogItem => {
        const previous = byId.get(id);
        return { ...meta, sourceId, itemId: id, firstSeenAt: previous?.firstSeenAt ?? at, lastSeenAt: at, ...(previous?.key !== undefined ? { key: previous.key } : {}) };
      }),
    );
  });
}

const catalogOf = async (db: MorningPostDB) => db.catalog.orderBy(':id').toArray();

describe('recordSuccess keeps what is known of each item', () => {
  it('an item back after hours away, not in the previous snapshot, keeps its key and first sighting', async () => {
    const db = testDb();
    const interval = H;
    await recordSuccess(db, 'gh-trending-daily', { items: [item('a/x'), item('a/y')], dropped: 0 }, T0, T0 + interval);
    for (let hour = 1; hour <= 3; hour++) {
      await recordSuccess(db, 'gh-trending-daily', { items: [item('a/y')], dropped: 0 }, T0 + hour * H, T0 + hour * H + interval);
    }
    const before = await db.catalog.where('[sourceId+itemId]').equals(['gh-trending-daily', 'a/x']).first();
    // a/x was last seen 4 h ago: not in the previous snapshot (an hour ago), found by its id.
    await recordSuccess(db, 'gh-trending-daily', { items: [item('a/x', { description: 'back' }), item('a/y')], dropped: 0 }, T0 + 4 * H, T0 + 5 * H);
    const after = await db.catalog.where('[sourceId+itemId]').equals(['gh-trending-daily', 'a/x']).first();
    expect(after).toEqual({ ...before, description: 'back', lastSeenAt: T0 + 4 * H });
    expect(await db.catalog.count()).toBe(2);
  });

  it('the same id in two sources is two entries, each with its own first sighting', async () => {
    const db = testDb();
    // The weekly page stores a/x after the daily one did, within the range the daily page reads next.
    await recordSuccess(db, 'gh-trending-daily', { items: [item('a/x')], dropped: 0 }, T0, T0 + H);
    await recordSuccess(db, 'gh-trending-weekly', { items: [item('b/z')], dropped: 0 }, T0, T0 + H);
    await recordSuccess(db, 'gh-trending-weekly', { items: [item('a/x'), item('b/z')], dropped: 0 }, T0 + 30 * 60_000, T0 + 90 * 60_000);
    await recordSuccess(db, 'gh-trending-daily', { items: [item('a/x')], dropped: 0 }, T0 + H, T0 + 2 * H);
    await recordSuccess(db, 'gh-trending-weekly', { items: [item('a/x')], dropped: 0 }, T0 + 90 * 60_000, T0 + 150 * 60_000);
    const rows = (await catalogOf(db)).map(({ sourceId, itemId, firstSeenAt, lastSeenAt }) => [sourceId, itemId, firstSeenAt, lastSeenAt]);
    // Unchanged and seen again within the sighting step (3 days): each entry stands as first written.
    expect(rows).toEqual([
      ['gh-trending-daily', 'a/x', T0, T0],
      ['gh-trending-weekly', 'b/z', T0, T0],
      ['gh-trending-weekly', 'a/x', T0 + 30 * 60_000, T0 + 30 * 60_000],
    ]);
  });

  it('over random refreshes of three sources (shared ids, gaps, failures, returns), the catalog the one lookup gives', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = new Random(seed);
      const db = testDb();
      const reference = testDb();
      const sources: SourceId[] = ['gh-trending-daily', 'gh-trending-weekly', 'hf-models'];
      const pool = Array.from({ length: 40 }, (_, index) => `o${index % 5}/r${index}`);
      let at = T0;
      for (let step = 0; step < 60; step++) {
        // Mostly hourly; now and then minutes apart, or a day or more.
        at += random.next() < 0.8 ? H : random.next() < 0.5 ? 5 * 60_000 : Math.floor(1 + random.next() * 3) * 24 * H;
        const interval = random.next() < 0.7 ? H : 15 * 60_000;
        for (const sourceId of sources) {
          // A source that fails this time stores nothing.
          if (random.next() < 0.2) continue;
          const size = 1 + Math.floor(random.next() * 12);
          const ids = [...new Set(Array.from({ length: size }, () => pool[Math.floor(random.next() * pool.length)]!))];
          const items = ids.map((id) => item(id, { description: `seen at ${at}` }));
          const when = at + Math.floor(random.next() * 60_000);
          await recordSuccess(db, sourceId, { items, dropped: 0 }, when, when + interval);
          await referenceWrite(reference, sourceId, items, when);
        }
      }
      expect(await catalogOf(db), `seed ${seed}`).toEqual(await catalogOf(reference));
    }
  });

  it('rewrites an unchanged entry only once its sighting is 3 days old; a changed one at once', async () => {
    const db = testDb();
    const store = (items: TrendingItem[], at: number) => recordSuccess(db, 'hf-models', { items, dropped: 0 }, at, at + 6 * H);
    const entry = async (id: string) => db.catalog.where('[sourceId+itemId]').equals(['hf-models', id]).first();
    await store([item('o/a', { tags: ['x', 'y'] }), item('o/b')], T0);
    const first = await entry('o/a');
    // Eleven sightings six hours apart (up to 66 h) with the same details: not one write.
    for (let step = 1; step <= 11; step++) await store([item('o/a', { tags: ['x', 'y'] }), item('o/b')], T0 + step * 6 * H);
    expect(await entry('o/a')).toEqual(first);
    expect((await entry('o/b'))?.lastSeenAt).toBe(T0);
    // o/b changes its details at 70 h: rewritten then; o/a at 72 h, its step up.
    await store([item('o/a', { tags: ['x', 'y'] }), item('o/b', { description: 'new' })], T0 + 70 * H);
    expect(await entry('o/b')).toMatchObject({ description: 'new', lastSeenAt: T0 + 70 * H, firstSeenAt: T0 });
    expect((await entry('o/a'))?.lastSeenAt).toBe(T0);
    await store([item('o/a', { tags: ['x', 'y'] }), item('o/b', { description: 'new' })], T0 + 72 * H);
    expect(await entry('o/a')).toEqual({ ...first, lastSeenAt: T0 + 72 * H });
    // The snapshots still name both, in list order, whatever was written.
    const snapshots = await db.snapshots.orderBy('fetchedAt').toArray();
    expect(snapshots).toHaveLength(14);
    expect(snapshots.every((snapshot) => snapshot.keys.join() === `${first!.key},${first!.key! + 1}`)).toBe(true);
  });
});

describe('recordSuccess writes the source’s list as the pages show it (issue #8)', () => {
  const model = (id: string, likes: number, extra: Partial<TrendingItem> = {}): TrendingItem => ({ id, name: id, url: `https://huggingface.co/${id}`, metrics: { likes }, ...extra });
  /** A view as a table: rank, id, likes, movement ('new', places climbed, '–' with nothing to compare), first and last sighting. */
  const table = (rows: ListRow[]) =>
    rows.map((row) => [row.rank, row.itemId, row.metrics.likes, row.change?.isNew ? 'new' : (row.change?.climbed ?? '–'), row.item.firstSeenAt, row.item.lastSeenAt]);

  it('after each refresh: its rows, their movement since the list a day old (else the oldest 20 h old), worked out by hand', async () => {
    const db = testDb();
    const store = (sourceId: SourceId, items: TrendingItem[], at: number) => recordSuccess(db, sourceId, { items, dropped: 0 }, at, at + H);
    const view = async (sourceId: SourceId = 'hf-models') => {
      const stored = await db.lists.get(sourceId);
      // Each row's item is its catalog entry as stored.
      for (const row of stored?.rows ?? []) expect(row.item, row.itemId).toEqual(await db.catalog.get(row.item.key!));
      return stored && { fetchedAt: stored.fetchedAt, sinceAt: stored.sinceAt, rows: table(stored.rows) };
    };

    // 07:00 [a b]: the first list, nothing to compare with.
    await store('hf-models', [model('o/a', 1), model('o/b', 2)], T0);
    await store('gh-search', [model('p/x', 5)], T0 + H);
    expect(await view()).toEqual({ fetchedAt: T0, sinceAt: undefined, rows: [[1, 'o/a', 1, '–', T0, T0], [2, 'o/b', 2, '–', T0, T0]] });

    // 13:00 [b a]: the oldest list is 6 h old, too young to compare with.
    await store('hf-models', [model('o/b', 3), model('o/a', 1)], T0 + 6 * H);
    expect(await view()).toEqual({ fetchedAt: T0 + 6 * H, sinceAt: undefined, rows: [[1, 'o/b', 3, '–', T0, T0], [2, 'o/a', 1, '–', T0, T0]] });

    // 04:00 next day [c a b]: nothing a day old; the oldest (07:00, 21 h) is: c new, a 1 → 2, b 2 → 3.
    await store('hf-models', [model('o/c', 9), model('o/a', 2), model('o/b', 4)], T0 + 21 * H);
    expect(await view()).toEqual({
      fetchedAt: T0 + 21 * H,
      sinceAt: T0,
      rows: [[1, 'o/c', 9, 'new', T0 + 21 * H, T0 + 21 * H], [2, 'o/a', 2, -1, T0, T0], [3, 'o/b', 4, -1, T0, T0]],
    });
    // One row whole: keys 1 and 2 are a and b, 3 is gh-search's x, so c is 4.
    expect((await db.lists.get('hf-models'))?.rows[0]).toEqual({
      rank: 1,
      itemId: 'o/c',
      metrics: { likes: 9 },
      item: { key: 4, sourceId: 'hf-models', itemId: 'o/c', name: 'o/c', url: 'https://huggingface.co/o/c', firstSeenAt: T0 + 21 * H, lastSeenAt: T0 + 21 * H },
      change: { key: 4, rank: 1, isNew: true },
    });

    // 13:00 next day [b c]: the last list at or before 13:00 the day before is that day's 13:00 [b a]: b stays first, c new.
    await store('hf-models', [model('o/b', 5), model('o/c', 10)], T0 + 30 * H);
    const afterThirty = { fetchedAt: T0 + 30 * H, sinceAt: T0 + 6 * H, rows: [[1, 'o/b', 5, 0, T0, T0], [2, 'o/c', 10, 'new', T0 + 21 * H, T0 + 21 * H]] };
    expect(await view()).toEqual(afterThirty);

    // A response stamped 11:00 (a clock set back) is not the latest list: the 13:00 view stands, with c's entry as this write left it.
    await store('hf-models', [model('o/c', 11, { description: 'changed' })], T0 + 28 * H);
    expect(await view()).toEqual({ ...afterThirty, rows: [afterThirty.rows[0], [2, 'o/c', 10, 'new', T0 + 21 * H, T0 + 28 * H]] });
    expect((await db.lists.get('hf-models'))?.rows[1]?.item.description).toBe('changed');

    // 14:00 [a b]: a is back (not in the previous list, found by its id); against 13:00 the day before [b a]: a 2 → 1, b 1 → 2.
    await store('hf-models', [model('o/a', 3), model('o/b', 6)], T0 + 31 * H);
    expect(await view()).toEqual({ fetchedAt: T0 + 31 * H, sinceAt: T0 + 6 * H, rows: [[1, 'o/a', 3, 1, T0, T0], [2, 'o/b', 6, -1, T0, T0]] });

    // The other source's view is its own.
    expect(await view('gh-search')).toEqual({ fetchedAt: T0 + H, sinceAt: undefined, rows: [[1, 'p/x', 5, '–', T0 + H, T0 + H]] });
    expect(await db.lists.count()).toBe(2);
  });
});
