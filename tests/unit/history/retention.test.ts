import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '@/lib/shared/movement';
import type { MorningPostDB } from '@/lib/history/db';
import { latestList, type LatestList } from '@/lib/history/read';
import { DEFAULT_RETENTION, localDay, pruneHistory, pruneIfDue } from '@/lib/history/retention';
import { recordSuccess } from '@/lib/history/write';
import type { TrendingItem } from '@/lib/sources/contract';
import { hfModels } from '@/lib/sources/hf-models';
import { testDb } from '../../support/db';
import { sharedFixture } from '../../support/paths';

const HOUR = 3_600_000;
const START = Date.parse('2025-11-01T00:30:00Z');
const models = hfModels.parse(readFileSync(sharedFixture('hf-models-trending.json'), 'utf8'));
const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);

describe('retention', () => {
  it('keeps every snapshot of the last 7 days, the last of each day up to a year, nothing older', async () => {
    const db = testDb();
    expect(DEFAULT_RETENTION).toMatchObject({ denseDays: 7, keepDays: 365 });
    // 400 days written through the production path: one refresh a day (18:30 UTC)
    // for the first 390, then every 6 hours for the last 10, so the days just
    // past the dense week hold several snapshots each and must be thinned.
    const now = START + 400 * DAY_MS;
    const written: number[] = [];
    for (let day = 0; day < 390; day++) written.push(START + day * DAY_MS + 18 * HOUR);
    for (let at = START + 390 * DAY_MS; at <= now; at += 6 * HOUR) written.push(at);
    // A short list: what is kept depends on the snapshots' times, not their length.
    const list = { items: models.items.slice(0, 5), dropped: 0 };
    for (const at of written) await recordSuccess(db, 'hf-models', list, at, at + 6 * HOUR);
    // The worker's own call: the default policy, the reader's local days.
    const report = await pruneIfDue(db, now);

    const denseFrom = now - 7 * DAY_MS;
    const keepFrom = now - 365 * DAY_MS;
    const kept = (await db.snapshots.orderBy('fetchedAt').toArray()).map((snapshot) => snapshot.fetchedAt);
    const dense = kept.filter((at) => at >= denseFrom);
    const thin = kept.filter((at) => at < denseFrom);
    // Every snapshot of the last 7 days.
    expect(dense).toEqual(written.filter((at) => at >= denseFrom));
    expect(dense).toHaveLength(7 * 4 + 1);
    // Nothing older than a year.
    expect(thin.every((at) => at >= keepFrom)).toBe(true);
    // Before that, one a day, the day's last.
    const lastOfDay = new Map<string, number>();
    for (const at of written.filter((at) => at >= keepFrom && at < denseFrom)) lastOfDay.set(localDay(at), Math.max(at, lastOfDay.get(localDay(at)) ?? at));
    expect(thin).toEqual([...lastOfDay.values()].sort((x, y) => x - y));
    expect(new Set(thin.map(localDay)).size).toBe(thin.length);
    expect(thin.length).toBeGreaterThanOrEqual(357);
    expect(thin.length).toBeLessThanOrEqual(359);
    // The days past the dense week did hold several snapshots, and lost all but one.
    const thinned = written.filter((at) => at >= keepFrom && at < denseFrom && !thin.includes(at));
    expect(thinned.length).toBeGreaterThanOrEqual(8);
    expect(report?.deletedSnapshots).toBe(written.length - kept.length);
    expect((await latestList(db, 'hf-models'))?.fetchedAt).toBe(now);
  });

  it('drops items not seen for a year with their snapshots, and keeps the rest', async () => {
    const db = testDb();
    const old = { items: models.items.slice(0, 3), dropped: 0 };
    const recent = { items: models.items.slice(10, 20), dropped: 0 };
    const now = START + 500 * DAY_MS;
    await recordSuccess(db, 'hf-models', old, START, START + HOUR);
    await recordSuccess(db, 'hf-models', recent, now - DAY_MS, now);
    const report = await pruneHistory(db, now);
    expect(report).toEqual({ deletedSnapshots: 1, deletedItems: 3, thinnedItems: 0 });
    expect((await db.catalog.toArray()).map((item) => item.itemId).sort()).toEqual(recent.items.map((item) => item.id).sort());
    expect((await latestList(db, 'hf-models'))?.rows).toHaveLength(10);
  });

  it('prunes at most once a day', async () => {
    const db = testDb();
    await recordSuccess(db, 'hf-models', models, START, START + HOUR);
    expect(await pruneIfDue(db, START)).toEqual({ deletedSnapshots: 0, deletedItems: 0, thinnedItems: 0, deletedIssues: 0 });
    expect(await pruneIfDue(db, START + 23 * HOUR)).toBeUndefined();
    expect(await pruneIfDue(db, START + 25 * HOUR)).toBeDefined();
  });

  it('keeps only the name and link of items not seen for a month, and whole items otherwise', async () => {
    const db = testDb();
    const withDetail = models.items.map((item) => ({ ...item, description: `About ${item.id}`, authors: ['A. Author'] }));
    const now = START + 100 * DAY_MS;
    await recordSuccess(db, 'hf-models', { items: withDetail.slice(0, 5), dropped: 0 }, now - 40 * DAY_MS, now);
    await recordSuccess(db, 'hf-models', { items: withDetail.slice(5, 10), dropped: 0 }, now - DAY_MS, now);
    const report = await pruneHistory(db, now);
    expect(report.thinnedItems).toBe(5);
    const items = await db.catalog.toArray();
    const stale = items.filter((item) => item.lastSeenAt < now - 30 * DAY_MS);
    expect(stale).toHaveLength(5);
    for (const item of stale) {
      expect(item).not.toHaveProperty('description');
      expect(item).not.toHaveProperty('tags');
      expect(item).not.toHaveProperty('task');
      expect(Object.keys(item).sort()).toEqual(['firstSeenAt', 'itemId', 'key', 'lastSeenAt', 'name', 'sourceId', 'url']);
      expect(item.name).toBe(item.itemId);
      expect(item.url).toMatch(/^https:\/\/huggingface\.co\//);
    }
    expect(items.filter((item) => item.lastSeenAt >= now - 30 * DAY_MS).every((item) => item.description?.startsWith('About'))).toBe(true);
    expect((await pruneHistory(db, now)).thinnedItems).toBe(0);
  });

  it('thins, day by day, exactly the items that went a month and the 3-day sighting step unseen since the last prune', async () => {
    const db = testDb();
    const detailed = models.items.map((item) => ({ ...item, tags: ['region:us'] }));
    const first = { items: detailed.slice(0, 10), dropped: 0 };
    const second = { items: detailed.slice(10, 30), dropped: 0 };
    await recordSuccess(db, 'hf-models', first, START, START + HOUR);
    await recordSuccess(db, 'hf-models', second, START + 10 * DAY_MS, START + 10 * DAY_MS + HOUR);
    expect((await pruneIfDue(db, START + 20 * DAY_MS))?.thinnedItems).toBe(0);
    // 31 days: within the allowance for a lastSeenAt that lags its sighting (lib/history/write.ts SIGHTING_STEP_MS).
    expect((await pruneIfDue(db, START + 31 * DAY_MS))?.thinnedItems).toBe(0);
    expect((await pruneIfDue(db, START + 34 * DAY_MS))?.thinnedItems).toBe(first.items.length);
    expect((await pruneIfDue(db, START + 38 * DAY_MS))?.thinnedItems).toBe(0);
    // The browser was closed for weeks: the next prune still reaches every item that crossed meanwhile.
    expect((await pruneIfDue(db, START + 60 * DAY_MS))?.thinnedItems).toBe(second.items.length);
    expect((await db.catalog.toArray()).every((item) => item.tags === undefined)).toBe(true);
  });

  it('drops an item that only the thinned snapshots named, and keeps one a kept snapshot names', async () => {
    const db = testDb();
    const base = models.items.slice(0, 10);
    const passing = { ...models.items[20]!, id: 'passing/through', name: 'passing/through' };
    const day = START + 2 * HOUR; // 02:30 UTC
    // Morning: the passing item is on the list; evening (the day's last snapshot): it is gone.
    await recordSuccess(db, 'hf-models', { items: [...base, passing], dropped: 0 }, day, day + HOUR);
    await recordSuccess(db, 'hf-models', { items: base, dropped: 0 }, day + 12 * HOUR, day + 13 * HOUR);
    const report = await pruneHistory(db, day + 30 * DAY_MS, undefined, utcDay);
    expect(report.deletedSnapshots).toBe(1);
    expect(report.deletedItems).toBe(1);
    expect((await db.catalog.toArray()).map((item) => item.itemId).sort()).toEqual(base.map((item) => item.id).sort());
  });

  it('never drops an entry a dense snapshot names, though its lastSeenAt lags its last sighting by up to the 3-day step', async () => {
    const db = testDb();
    const T0 = Date.parse('2026-03-02T07:00:00Z');
    const entry = (id: string) => ({ id, name: id, url: `https://huggingface.co/${id}`, metrics: { likes: 1 } });
    // 07:00 [x]; 08:00 [y] (the day's last list before the dense window); 18:00 [x] again, unchanged: x keeps lastSeenAt 07:00.
    await recordSuccess(db, 'hf-models', { items: [entry('o/x')], dropped: 0 }, T0, T0 + HOUR);
    await recordSuccess(db, 'hf-models', { items: [entry('o/y')], dropped: 0 }, T0 + HOUR, T0 + 2 * HOUR);
    await recordSuccess(db, 'hf-models', { items: [entry('o/x')], dropped: 0 }, T0 + 11 * HOUR, T0 + 12 * HOUR);
    expect((await db.catalog.where('[sourceId+itemId]').equals(['hf-models', 'o/x']).first())?.lastSeenAt).toBe(T0);
    // Seven days after 17:30: the 18:00 list is dense, 07:00 and 08:00 are not; of them the day keeps 08:00 [y].
    const now = T0 + 10.5 * HOUR + 7 * DAY_MS;
    const report = await pruneHistory(db, now, undefined, utcDay);
    expect(report.deletedSnapshots).toBe(1);
    expect(report.deletedItems).toBe(0);
    expect((await latestList(db, 'hf-models'))?.rows.map((row) => row.itemId)).toEqual(['o/x']);
    // Four days later, the 18:00 list is thinned too and the day's last: x stays; y, named by nothing kept and
    // last seen more than the step before the dense window, goes.
    const later = await pruneHistory(db, now + 4 * DAY_MS, undefined, utcDay);
    expect(later.deletedItems).toBe(1);
    expect((await db.catalog.toArray()).map((item) => item.itemId)).toEqual(['o/x']);
  });
});

describe('retention keeps each source’s view in step (issue #8)', () => {
  const entry = (id: string, extra: Partial<TrendingItem> = {}): TrendingItem => ({ id, name: id, url: `https://huggingface.co/${id}`, metrics: { likes: 1 }, ...extra });
  const store = (db: MorningPostDB, ids: string[], at: number) => recordSuccess(db, 'hf-models', { items: ids.map((id) => entry(id)), dropped: 0 }, at, at + HOUR);
  const movement = (list: LatestList | undefined) => list?.rows.map((row) => [row.itemId, row.change?.isNew ? 'new' : (row.change?.climbed ?? '–')]);

  it('when a prune deletes the list the view compares with, compares with the one a day old that is left, worked out by hand', async () => {
    const db = testDb();
    const at = (iso: string) => Date.parse(iso);
    // 11-11 20:00 [b a] · 11-12 06:00 [a b] · 11-12 18:00 [b a] · 11-13 13:00 [a b c]
    await store(db, ['o/b', 'o/a'], at('2025-11-11T20:00:00Z'));
    await store(db, ['o/a', 'o/b'], at('2025-11-12T06:00:00Z'));
    await store(db, ['o/b', 'o/a'], at('2025-11-12T18:00:00Z'));
    await store(db, ['o/a', 'o/b', 'o/c'], at('2025-11-13T13:00:00Z'));
    // The last list at or before 11-12 13:00 is 11-12 06:00 [a b]: a and b where they were, c new.
    const before = await db.lists.get('hf-models');
    expect(before?.sinceAt).toBe(at('2025-11-12T06:00:00Z'));
    expect(movement(before)).toEqual([['o/a', 0], ['o/b', 0], ['o/c', 'new']]);
    // Now 11-20 12:00: the dense week starts 11-13 12:00; 11-12 keeps its last list (18:00), so 06:00 goes.
    const report = await pruneHistory(db, at('2025-11-20T12:00:00Z'), undefined, utcDay);
    expect(report.deletedSnapshots).toBe(1);
    // The last list at or before 11-12 13:00 is now 11-11 20:00 [b a]: a 2 → 1, b 1 → 2, c new.
    const after = await db.lists.get('hf-models');
    expect(after?.fetchedAt).toBe(at('2025-11-13T13:00:00Z'));
    expect(after?.sinceAt).toBe(at('2025-11-11T20:00:00Z'));
    expect(movement(after)).toEqual([['o/a', 1], ['o/b', -1], ['o/c', 'new']]);
  });

  it('leaves a view alone when the prune deleted nothing it shows', async () => {
    const db = testDb();
    const T0 = Date.parse('2025-11-12T06:00:00Z');
    // 11-12 06:00 [a b] and 18:00 [b a], then hourly from 11-19 07:00 to 11-20 07:00 [a b c].
    await store(db, ['o/a', 'o/b'], T0);
    await store(db, ['o/b', 'o/a'], T0 + 12 * HOUR);
    for (let hour = 0; hour <= 24; hour++) await store(db, ['o/a', 'o/b', 'o/c'], T0 + 7 * DAY_MS + (1 + hour) * HOUR);
    const before = await db.lists.get('hf-models');
    // The view compares 11-20 07:00 with 11-19 07:00; a prune at 11-20 08:00 (the dense week from 11-13 08:00)
    // deletes only 11-12 06:00, which is neither.
    expect(before?.sinceAt).toBe(T0 + 7 * DAY_MS + HOUR);
    expect((await pruneHistory(db, T0 + 8 * DAY_MS + 2 * HOUR, undefined, utcDay)).deletedSnapshots).toBe(1);
    expect(await db.lists.get('hf-models')).toEqual(before);
  });

  it('thins the items of a view whose source has not succeeded for a month, as it thins the catalog', async () => {
    const db = testDb();
    const now = START + 60 * DAY_MS;
    await recordSuccess(db, 'hf-models', { items: [entry('o/a', { description: 'about a', tags: ['x'] }), entry('o/b', { description: 'about b' })], dropped: 0 }, now - 40 * DAY_MS, now);
    expect((await db.lists.get('hf-models'))?.rows.map((row) => row.item.description)).toEqual(['about a', 'about b']);
    expect((await pruneHistory(db, now)).thinnedItems).toBe(2);
    const rows = (await db.lists.get('hf-models'))?.rows;
    expect(rows?.map((row) => [row.itemId, row.item.name, row.item.url, row.item.description, row.item.tags])).toEqual([
      ['o/a', 'o/a', 'https://huggingface.co/o/a', undefined, undefined],
      ['o/b', 'o/b', 'https://huggingface.co/o/b', undefined, undefined],
    ]);
  });

  it('deletes the view with a source’s last snapshot, older than a year; other sources keep theirs', async () => {
    const db = testDb();
    const now = START + 400 * DAY_MS;
    await store(db, ['o/a'], START);
    await recordSuccess(db, 'gh-search', { items: [entry('p/x')], dropped: 0 }, now - DAY_MS, now);
    expect(await db.lists.count()).toBe(2);
    expect((await pruneHistory(db, now)).deletedSnapshots).toBe(1);
    expect(await db.lists.get('hf-models')).toBeUndefined();
    expect(await latestList(db, 'hf-models')).toBeUndefined();
    expect((await db.lists.get('gh-search'))?.rows.map((row) => row.itemId)).toEqual(['p/x']);
  });
});
