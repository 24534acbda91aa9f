import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { MorningPostDB } from '@/lib/history/db';
import { DAY_MS } from '@/lib/shared/movement';
import { latestList } from '@/lib/history/read';
import { pruneHistory, pruneIfDue } from '@/lib/history/retention';
import { recordSuccess } from '@/lib/history/write';
import { hfModels } from '@/lib/sources/hf-models';
import { freshDb } from '../../support/db';
import { sharedFixture } from '../../support/paths';

const HOUR = 3_600_000;
const START = Date.parse('2025-11-01T00:30:00Z');
const models = hfModels.parse(readFileSync(sharedFixture('hf-models-trending.json'), 'utf8'));
const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);

let db: MorningPostDB;
afterEach(async () => {
  await db?.delete();
});

describe('retention', () => {
  it('keeps every snapshot of the last 7 days, the last of each day up to a year, nothing older', async () => {
    db = freshDb();
    // 400 days of refreshes every 6 hours, written through the production path.
    const now = START + 400 * DAY_MS;
    for (let at = START; at <= now; at += 6 * HOUR) await recordSuccess(db, 'hf-models', models, at, at + 6 * HOUR);
    const report = await pruneHistory(db, now, { denseDays: 7, keepDays: 365, fullDetailDays: 30 }, utcDay);

    const kept = (await db.snapshots.orderBy('fetchedAt').toArray()).map((snapshot) => snapshot.fetchedAt);
    const dense = kept.filter((at) => at >= now - 7 * DAY_MS);
    const thin = kept.filter((at) => at < now - 7 * DAY_MS);
    expect(dense).toHaveLength(7 * 4 + 1);
    expect(thin.every((at) => at >= now - 365 * DAY_MS)).toBe(true);
    // One a day, the day's last: 18:30 UTC.
    const days = thin.map(utcDay);
    expect(new Set(days).size).toBe(days.length);
    expect(thin.every((at) => new Date(at).getUTCHours() === 18)).toBe(true);
    expect(days.length).toBeGreaterThanOrEqual(357);
    expect(days.length).toBeLessThanOrEqual(359);
    expect(report.deletedSnapshots).toBe(400 * 4 + 1 - kept.length);
    expect((await latestList(db, 'hf-models'))?.fetchedAt).toBe(now);
  });

  it('drops items not seen for a year with their snapshots, and keeps the rest', async () => {
    db = freshDb();
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
    db = freshDb();
    await recordSuccess(db, 'hf-models', models, START, START + HOUR);
    expect(await pruneIfDue(db, START)).toEqual({ deletedSnapshots: 0, deletedItems: 0, thinnedItems: 0 });
    expect(await pruneIfDue(db, START + 23 * HOUR)).toBeUndefined();
    expect(await pruneIfDue(db, START + 25 * HOUR)).toBeDefined();
  });

  it('keeps only the name and link of items not seen for a month, and whole items otherwise', async () => {
    db = freshDb();
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

  it('thins, day by day, exactly the items that went a month unseen since the last prune', async () => {
    db = freshDb();
    const detailed = models.items.map((item) => ({ ...item, tags: ['region:us'] }));
    const first = { items: detailed.slice(0, 10), dropped: 0 };
    const second = { items: detailed.slice(10, 30), dropped: 0 };
    await recordSuccess(db, 'hf-models', first, START, START + HOUR);
    await recordSuccess(db, 'hf-models', second, START + 10 * DAY_MS, START + 10 * DAY_MS + HOUR);
    expect((await pruneIfDue(db, START + 20 * DAY_MS))?.thinnedItems).toBe(0);
    expect((await pruneIfDue(db, START + 31 * DAY_MS))?.thinnedItems).toBe(first.items.length);
    expect((await pruneIfDue(db, START + 35 * DAY_MS))?.thinnedItems).toBe(0);
    // The browser was closed for weeks: the next prune still reaches every item that crossed meanwhile.
    expect((await pruneIfDue(db, START + 60 * DAY_MS))?.thinnedItems).toBe(second.items.length);
    expect((await db.catalog.toArray()).every((item) => item.tags === undefined)).toBe(true);
  });

  it('drops an item that only the thinned snapshots named, and keeps one a kept snapshot names', async () => {
    db = freshDb();
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
});
