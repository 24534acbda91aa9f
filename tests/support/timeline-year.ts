import type { Page } from 'playwright-core';

/**
 * A year of one repository's history in all three GitHub lists (issue #12, item timelines), written straight into
 * the built extension's IndexedDB from one of its pages, in the shape retention leaves it
 * (lib/history/retention.ts): one snapshot a day at noon UTC for days 365 … 8 ago, then every hour of the last
 * week. Each snapshot is the size of that list's real latest snapshot, its other items and figures copied from
 * it. The repository is the first of GitHub's daily list; it enters the weekly list 300 days ago and the search
 * 120 days ago, and each list drops it for a stretch, so that a timeline has starts, gaps and three lines.
 * Used by the benchmark (scripts/bench-timeline.ts) and the preview (scripts/preview.ts); the end-to-end test
 * writes its own smaller, hand-checked year (tests/e2e/timeline.e2e.ts).
 */

export const TIMELINE_YEAR_SOURCES = ['gh-trending-daily', 'gh-trending-weekly', 'gh-search'] as const;

export interface TimelineYear {
  /** The repository's `owner/repo`. */
  id: string;
  snapshots: Record<string, number>;
  keysPerSnapshot: Record<string, number>;
  metrics: Record<string, string[]>;
  seconds: number;
}

/** `wholeYear`: every list holds it from 365 days ago (the benchmark's worst case: every snapshot is read). */
export async function seedTimelineYear(page: Page, options: { wholeYear?: boolean } = {}): Promise<TimelineYear> {
  // tsx keeps function names with a helper (`__name`) that the page does not have: a no-op of the same name.
  await page.evaluate('globalThis.__name = (target) => target');
  return page.evaluate(async ({ sources, wholeYear }) => {
    const HOUR = 3_600_000;
    const DAY = 24 * HOUR;
    const started = performance.now();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('ai-morning-post');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const done = <T,>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((request.onsuccess = () => resolve(request.result)), (request.onerror = () => reject(request.error))));
    type Snapshot = { sourceId: string; fetchedAt: number; keys: number[]; metrics: Record<string, (number | null)[]> };
    type Entry = { key?: number; sourceId: string; itemId: string; firstSeenAt: number; lastSeenAt: number };
    const tx = db.transaction(['catalog', 'snapshots'], 'readwrite');
    const catalog = tx.objectStore('catalog');
    const snapshots = tx.objectStore('snapshots');
    const latestOf = async (sourceId: string) =>
      (await done(snapshots.index('[sourceId+fetchedAt]').openCursor(IDBKeyRange.bound([sourceId, -Infinity], [sourceId, Infinity]), 'prev')))?.value as Snapshot | undefined;
    const daily = (await latestOf(sources[0]))!;
    const first = (await done(catalog.get(daily.keys[0]!))) as Entry;
    const now = Date.now();
    const noonToday = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate(), 12);
    const report = { id: first.itemId, snapshots: {} as Record<string, number>, keysPerSnapshot: {} as Record<string, number>, metrics: {} as Record<string, string[]>, seconds: 0 };
    // Per list: the day it first lists the repository, and a stretch of days it leaves it out.
    const plans = [
      { from: 365, gap: [210, 196] },
      { from: wholeYear ? 365 : 300, gap: [150, 141] },
      { from: wholeYear ? 365 : 120, gap: [40, 33] },
    ];
    for (const [index, sourceId] of sources.entries()) {
      const plan = plans[index]!;
      const latest = (await latestOf(sourceId)) ?? daily;
      let entry = (await done(catalog.index('[sourceId+itemId]').get([sourceId, first.itemId]))) as Entry | undefined;
      if (!entry) {
        const { key: _key, ...rest } = first;
        entry = { ...rest, sourceId };
        entry.key = (await done(catalog.add(entry))) as number;
      }
      await done(catalog.put({ ...entry, firstSeenAt: noonToday - plan.from * DAY }));
      const others = latest.keys.filter((key) => key !== entry!.key);
      const columns = Object.entries(latest.metrics);
      // A smooth climb and fall: ranks 1 … 15 over a few weeks, each list a little apart.
      const rankOn = (days: number) => 1 + Math.round(7 + 7 * Math.sin((days + index * 25) / 23));
      const figure = (name: string, days: number) =>
        Math.round(name === 'stars' ? 2_000 + (365 - days) * 31 : name === 'forks' ? 120 + (365 - days) * 3 : name === 'starsInPeriod' ? 60 + 50 * Math.cos((days + index * 25) / 23) : 0);
      const write = (fetchedAt: number, days: number) => {
        const absent = days > plan.from || (days <= plan.gap[0]! && days >= plan.gap[1]!);
        const at = absent ? -1 : Math.min(rankOn(days) - 1, others.length);
        const keys = at < 0 ? others : [...others.slice(0, at), entry!.key!, ...others.slice(at)];
        const metrics: Record<string, (number | null)[]> = {};
        for (const [name, column] of columns) {
          const rest = column.filter((_, position) => latest.keys[position] !== entry!.key);
          metrics[name] = at < 0 ? rest : [...rest.slice(0, at), figure(name, days), ...rest.slice(at)];
        }
        snapshots.add({ sourceId, fetchedAt, keys, metrics });
      };
      let count = 0;
      for (let days = 365; days >= 8; days -= 1, count += 1) write(noonToday - days * DAY, days);
      for (let hour = 168; hour >= 1; hour -= 1, count += 1) write(now - hour * HOUR, hour / 24);
      report.snapshots[sourceId] = count;
      report.keysPerSnapshot[sourceId] = others.length + 1;
      report.metrics[sourceId] = columns.map(([name]) => name);
    }
    await new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error))));
    db.close();
    report.seconds = (performance.now() - started) / 1000;
    return report;
  }, { sources: TIMELINE_YEAR_SOURCES, wholeYear: options.wholeYear ?? false });
}
