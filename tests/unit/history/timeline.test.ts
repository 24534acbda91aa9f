import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { readTimelinePage, timelineState } from '@/lib/models/timeline';
import { dailyPoints, readTimeline, timelineAddress, type TimelineRead } from '@/lib/history/timeline';
import { timelineHref } from '@/lib/shared/timeline-link';
import type { MorningPostDB } from '@/lib/history/db';
import type { CatalogItem, Snapshot } from '@/lib/shared/records';
import type { ItemKind } from '@/lib/shared/saved';
import type { SourceId } from '@/lib/sources/ids';
import { testDb } from '../../support/db';

/**
 * Item timelines (issue #12) read from hand-made histories: every expected
 * value below is written out by hand from the history the test builds.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-11-01T12:00:00Z');

type Entry = Omit<CatalogItem, 'key'> & { key: number };
const entry = (key: number, sourceId: SourceId, itemId: string, firstSeenAt: number, lastSeenAt: number): Entry => ({
  key,
  sourceId,
  itemId,
  name: itemId,
  url: '',
  firstSeenAt,
  lastSeenAt,
});

const snapshot = (sourceId: SourceId, fetchedAt: number, keys: number[], metrics: Snapshot['metrics'] = {}): Snapshot => ({ sourceId, fetchedAt, keys, metrics });

async function seeded(entries: Entry[], snapshots: Snapshot[]): Promise<MorningPostDB> {
  const db = testDb();
  await db.catalog.bulkAdd(entries);
  await db.snapshots.bulkAdd(snapshots);
  return db;
}

async function read(db: MorningPostDB, kind: ItemKind, id: string): Promise<TimelineRead> {
  await db.open();
  return readTimeline(db.backendDB(), kind, id, 'UTC');
}

async function found(db: MorningPostDB, kind: ItemKind, id: string) {
  const answer = await read(db, kind, id);
  if (answer.status !== 'found') throw new Error(`expected a timeline, got ${answer.status}`);
  return answer.timeline;
}

describe('an item’s timeline (lib/history/timeline.ts)', () => {
  it('gives a point per snapshot from its first sighting: its rank and figures, null where it was absent', async () => {
    const db = await seeded(
      [entry(1, 'hf-models', 'lab/alpha', T0, T0 + 3 * DAY), entry(2, 'hf-models', 'lab/beta', T0 - 2 * DAY, T0 + 3 * DAY)],
      [
        // Before alpha was first seen: not read (its key did not exist yet).
        snapshot('hf-models', T0 - DAY, [2], { likes: [5] }),
        snapshot('hf-models', T0, [2, 1], { likes: [50, 7], downloads: [900, null] }),
        snapshot('hf-models', T0 + DAY, [1, 2], { likes: [9, 51] }),
        snapshot('hf-models', T0 + 2 * DAY, [2], { likes: [52] }),
        snapshot('hf-models', T0 + 3 * DAY, [2, 3, 1], { likes: [53, 1, 12], downloads: [1, 2, 3000] }),
        // Another source's snapshot naming the same key is another item: not read.
        snapshot('hf-datasets', T0 + DAY, [1], { likes: [999] }),
      ],
    );
    const timeline = await found(db, 'model', 'lab/alpha');
    expect(timeline.url).toBe('https://huggingface.co/lab/alpha');
    expect(timeline.sources.map((source) => source.sourceId)).toEqual(['hf-models']);
    const [models] = timeline.sources;
    expect(models!.points).toEqual([
      { at: T0, rank: 2, metrics: { likes: 7 } },
      { at: T0 + DAY, rank: 1, metrics: { likes: 9 } },
      { at: T0 + 2 * DAY, rank: null, metrics: {} },
      { at: T0 + 3 * DAY, rank: 3, metrics: { likes: 12, downloads: 3000 } },
    ]);
    expect(models!.metrics).toEqual(['likes', 'downloads']);
    expect(models!.bestRank).toBe(1);
    expect(models!.bestRankAt).toBe(T0 + DAY);
    expect(models!.worstRank).toBe(3);
    expect(models!.daysOnList).toBe(3);
  });

  it('takes the earlier first sighting and the later last one of the catalog and the kept snapshots', async () => {
    // First seen 40 days before the oldest kept snapshot that lists it (thinned away); the catalog's last
    // sighting lags the latest snapshot by two days (it is rewritten only every few days: write.ts).
    const db = await seeded(
      [entry(7, 'hf-spaces', 'lab/space', T0 - 40 * DAY, T0 + 3 * DAY)],
      [snapshot('hf-spaces', T0, [7], { likes: [1] }), snapshot('hf-spaces', T0 + 5 * DAY, [3, 7], { likes: [1, 2] })],
    );
    const timeline = await found(db, 'space', 'lab/space');
    expect(timeline.firstSeenAt).toBe(T0 - 40 * DAY);
    expect(timeline.lastSeenAt).toBe(T0 + 5 * DAY);
    expect(timeline.sources[0]!.bestRank).toBe(1);
    expect(timeline.sources[0]!.bestRankAt).toBe(T0);
  });

  it('counts calendar days, not snapshots, and a best rank reached twice at its first time', async () => {
    const db = await seeded(
      [entry(1, 'hf-papers', '2511.01234', T0, T0)],
      [
        snapshot('hf-papers', T0, [1]),
        snapshot('hf-papers', T0 + HOUR, [9, 1]),
        snapshot('hf-papers', T0 + 2 * HOUR, [1]),
        // The next UTC day: 2026-11-02.
        snapshot('hf-papers', T0 + 13 * HOUR, [9, 8, 1]),
      ],
    );
    const [papers] = (await found(db, 'paper', '2511.01234')).sources;
    expect(papers!.points.map((point) => point.rank)).toEqual([1, 2, 1, 3]);
    expect(papers!.daysOnList).toBe(2);
    expect(papers!.bestRankAt).toBe(T0);
  });

  it('follows a repository through each GitHub list that has seen it, in the lists’ order', async () => {
    const db = await seeded(
      [
        entry(1, 'gh-search', 'acme/agent', T0 + DAY, T0 + DAY),
        entry(2, 'gh-trending-daily', 'acme/agent', T0, T0 + 2 * DAY),
        entry(3, 'gh-trending-daily', 'other/repo', T0, T0 + 2 * DAY),
      ],
      [
        snapshot('gh-trending-daily', T0, [3, 2], { stars: [10, 20] }),
        snapshot('gh-trending-daily', T0 + 2 * DAY, [2, 3], { stars: [30, 11], starsInPeriod: [5, 1] }),
        snapshot('gh-search', T0 + DAY, [1], { stars: [25] }),
        snapshot('gh-trending-weekly', T0 + DAY, [3]),
      ],
    );
    const timeline = await found(db, 'repo', 'acme/agent');
    expect(timeline.url).toBe('https://github.com/acme/agent');
    expect(timeline.sources.map((source) => source.sourceId)).toEqual(['gh-trending-daily', 'gh-search']);
    expect(timeline.sources[0]!.points).toEqual([
      { at: T0, rank: 2, metrics: { stars: 20 } },
      { at: T0 + 2 * DAY, rank: 1, metrics: { stars: 30, starsInPeriod: 5 } },
    ]);
    expect(timeline.sources[1]!.points).toEqual([{ at: T0 + DAY, rank: 1, metrics: { stars: 25 } }]);
    expect(timeline.firstSeenAt).toBe(T0);
    expect(timeline.lastSeenAt).toBe(T0 + 2 * DAY);
    // 11-01 and 11-03 on the daily list, 11-02 in the search.
    expect(timeline.daysOnList).toBe(3);
  });

  it('reads a year of retention-thinned history: one snapshot a day for 358 days, then every hour for a week', async () => {
    const now = Date.parse('2026-11-29T09:00:00Z');
    const snapshots: Snapshot[] = [];
    // Days 365 … 8 ago at noon: absent when the day count is a multiple of 30, else rank (days % 10) + 1.
    for (let days = 365; days >= 8; days -= 1) {
      const listed = days % 30 !== 0;
      snapshots.push(snapshot('hf-models', Date.UTC(2026, 10, 29, 12) - days * DAY, listed ? [50, 51, 52, 53, 54, 55, 56, 57, 58, 59].slice(0, days % 10).concat([1]) : [50], { likes: listed ? [...Array<null>(days % 10).fill(null), days] : [null] }));
    }
    // Every hour of the last week, now included: rank 4.
    for (let hour = 168; hour >= 0; hour -= 1) snapshots.push(snapshot('hf-models', now - hour * HOUR, [50, 51, 52, 1], { likes: [null, null, null, 1000 - hour] }));
    const firstSeenAt = Date.UTC(2025, 10, 29, 12);
    const db = await seeded([entry(1, 'hf-models', 'Qwen/Qwen3-8B', firstSeenAt, now - 2 * DAY)], snapshots);
    const timeline = await found(db, 'model', 'Qwen/Qwen3-8B');
    const [models] = timeline.sources;
    expect(models!.points).toHaveLength(358 + 169);
    expect(timeline.firstSeenAt).toBe(Date.parse('2025-11-29T12:00:00Z'));
    expect(timeline.lastSeenAt).toBe(now);
    // 358 days less the 12 multiples of 30 (30 … 360), and 2026-11-22 … 11-29 from the hourly week.
    expect(timeline.daysOnList).toBe(346 + 8);
    // Rank 1 first on day 350 ago (360 is a multiple of 30: absent).
    expect(models!.bestRank).toBe(1);
    expect(models!.bestRankAt).toBe(Date.parse('2025-12-14T12:00:00Z'));
    expect(models!.points[0]).toEqual({ at: firstSeenAt, rank: 6, metrics: { likes: 365 } });
    expect(models!.points.at(-1)).toEqual({ at: now, rank: 4, metrics: { likes: 1000 } });
    // The table's rows: one a day, 2025-11-29 … 2026-11-29.
    const rows = dailyPoints(models!.points, (at) => new Date(at).toISOString().slice(0, 10));
    expect(rows).toHaveLength(366);
    expect(rows[0]!.day).toBe('2025-11-29');
    expect(rows.at(-1)).toEqual({ day: '2026-11-29', point: { at: now, rank: 4, metrics: { likes: 1000 } } });
    expect(rows.find((row) => row.day === '2026-10-30')!.point.rank).toBeNull(); // 30 days ago
  });

  it('says unknown for a valid item no list has held, and invalid for an id of no valid shape', async () => {
    const db = await seeded([entry(1, 'hf-models', 'lab/alpha', T0, T0)], [snapshot('hf-models', T0, [1])]);
    expect(await read(db, 'model', 'lab/never')).toEqual({ status: 'unknown', kind: 'model', id: 'lab/never' });
    // A model id is not a dataset: the catalog is looked up per kind's sources.
    expect(await read(db, 'dataset', 'lab/alpha')).toEqual({ status: 'unknown', kind: 'dataset', id: 'lab/alpha' });
    for (const [kind, id] of [
      ['model', 'settings/tokens'],
      ['repo', 'settings/tokens'],
      ['model', '../../etc'],
      ['paper', 'javascript:alert(1)'],
      ['user', 'lab/alpha'],
      ['dataset', 'gpt2'],
    ] as [ItemKind, string][]) {
      expect(await read(db, kind, id), `${kind} ${id}`).toEqual({ status: 'invalid' });
    }
  });

  it('leaves out stored figures that are not numbers to draw, and a snapshot with no keys', async () => {
    const db = await seeded(
      [entry(1, 'hf-models', 'lab/alpha', T0, T0)],
      [
        snapshot('hf-models', T0, [1], { likes: [Number.NaN], downloads: [Number.POSITIVE_INFINITY], trendingScore: ['12' as unknown as number] }),
        { sourceId: 'hf-models', fetchedAt: T0 + HOUR } as unknown as Snapshot,
        snapshot('hf-models', T0 + 2 * HOUR, [1], { likes: [1e308] }),
      ],
    );
    const [models] = (await found(db, 'model', 'lab/alpha')).sources;
    expect(models!.points).toEqual([
      { at: T0, rank: 1, metrics: {} },
      { at: T0 + HOUR, rank: null, metrics: {} },
      { at: T0 + 2 * HOUR, rank: 1, metrics: { likes: 1e308 } },
    ]);
  });

  it('reads nothing from a database without the history stores', async () => {
    const name = `empty-${crypto.randomUUID()}`;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    onTestFinished(() => {
      db.close();
      indexedDB.deleteDatabase(name);
    });
    expect(await readTimeline(db, 'model', 'lab/alpha', 'UTC')).toEqual({ status: 'unknown', kind: 'model', id: 'lab/alpha' });
  });
});

describe('the timeline page’s address', () => {
  it('names an item by a known kind and a valid id, and nothing else', () => {
    expect(timelineAddress('?kind=model&id=Qwen/Qwen3-8B')).toEqual({ kind: 'model', id: 'Qwen/Qwen3-8B' });
    expect(timelineAddress('?kind=repo&id=acme%2Fagent')).toEqual({ kind: 'repo', id: 'acme/agent' });
    expect(timelineAddress('?id=2511.01234&kind=paper')).toEqual({ kind: 'paper', id: '2511.01234' });
    for (const search of [
      '',
      '?kind=model',
      '?id=Qwen/Qwen3-8B',
      '?kind=model&id=Qwen/Qwen3-8B&id=other/model',
      '?kind=model&kind=repo&id=Qwen/Qwen3-8B',
      '?kind=toString&id=Qwen/Qwen3-8B',
      '?kind=__proto__&id=x',
      '?kind=repo&id=settings/tokens',
      '?kind=model&id=javascript:alert(1)',
      '?kind=model&id=https://evil.example/x',
      '?kind=model&id=a/b/c',
      '?kind=dataset&id=..%2F..%2Fsettings',
      '?kind=paper&id=2511.01234%0A',
      `?kind=model&id=${'a'.repeat(600)}`,
    ]) {
      expect(timelineAddress(search), search).toBeUndefined();
    }
  });

  it('is built only from a valid id, encoded', () => {
    expect(timelineHref('model', 'Qwen/Qwen3-8B')).toBe('/timeline.html?kind=model&id=Qwen%2FQwen3-8B');
    expect(timelineHref('paper', '2511.01234')).toBe('/timeline.html?kind=paper&id=2511.01234');
    expect(timelineHref('repo', 'settings/tokens')).toBeUndefined();
    expect(timelineHref('model', 'a b')).toBeUndefined();
  });
});

describe('one table row a day (dailyPoints)', () => {
  const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);
  it('starts at the first listing and keeps each day’s last listing, else its last snapshot', () => {
    const points = [
      { at: T0 - DAY, rank: null, metrics: {} },
      { at: T0, rank: 3, metrics: {} },
      { at: T0 + HOUR, rank: 2, metrics: {} },
      { at: T0 + 2 * HOUR, rank: null, metrics: {} },
      { at: T0 + DAY, rank: null, metrics: {} },
      { at: T0 + DAY + HOUR, rank: null, metrics: {} },
      { at: T0 + 2 * DAY, rank: 5, metrics: {} },
    ];
    expect(dailyPoints(points, dayOf)).toEqual([
      { day: '2026-11-01', point: { at: T0 + HOUR, rank: 2, metrics: {} } },
      { day: '2026-11-02', point: { at: T0 + DAY + HOUR, rank: null, metrics: {} } },
      { day: '2026-11-03', point: { at: T0 + 2 * DAY, rank: 5, metrics: {} } },
    ]);
    expect(dailyPoints([{ at: T0, rank: null, metrics: {} }], dayOf)).toEqual([]);
  });
});

describe('the page’s one read (lib/models/timeline.ts)', () => {
  it('opens nothing for an address of no item, says unknown without a database, and closes what it opened', async () => {
    const open = vi.fn(async () => undefined);
    expect(await readTimelinePage('?kind=repo&id=settings/tokens', open, 'UTC')).toEqual({ status: 'invalid' });
    expect(open).not.toHaveBeenCalled();
    expect(await readTimelinePage('?kind=model&id=lab/alpha', open, 'UTC')).toEqual({ status: 'unknown', kind: 'model', id: 'lab/alpha' });

    const db = await seeded([entry(1, 'hf-models', 'lab/alpha', T0, T0)], [snapshot('hf-models', T0, [1])]);
    await db.open();
    const backend = db.backendDB();
    const close = vi.spyOn(backend, 'close');
    const answer = await readTimelinePage('?kind=model&id=lab%2Falpha', async () => backend, 'UTC');
    expect(answer.status).toBe('found');
    expect(close).toHaveBeenCalledOnce();
  });

  it('is loading until the read answers, then the answer; a failed read becomes its message', async () => {
    const state = timelineState(Promise.resolve({ status: 'invalid' }));
    expect(state.value).toEqual({ status: 'loading' });
    await Promise.resolve();
    await Promise.resolve();
    expect(state.value).toEqual({ status: 'invalid' });
    const failed = timelineState(Promise.reject(new Error('The database is gone')));
    await vi.waitFor(() => expect(failed.value).toEqual({ status: 'error', message: 'The database is gone' }));
  });
});
