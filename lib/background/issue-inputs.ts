import type { ListFilters } from '../shared/filters';
import type { MorningPostDB } from '../history/db';
import type { CatalogItem } from '../shared/records';
import { latestSnapshot, snapshotsBetween } from '../history/read';
import { DAY_MS } from '../shared/movement';
import { SOURCE_IDS, type SourceId } from '../sources/ids';
import type { IssueInputs, SourceWindow, WatchEntry } from '../issue/inputs';

/** A week, plus a day so that "a week ago" has a list to compare with. */
export const WINDOW_DAYS = 8;

export interface IssueRequest {
  now: number;
  /** The number the issue will carry. */
  number: number;
  filters: ListFilters;
  enabled: Record<SourceId, boolean>;
  /** The reader's IANA time zone (lib/shared/time.ts `systemTimeZone` in the worker). */
  timeZone: string;
  /** The reader's watched items (read from `storage.sync` before the transaction: lib/browser/watchlist.ts). */
  watchlist?: readonly WatchEntry[];
}

export async function loadIssueInputs(db: MorningPostDB, { now, number, filters, enabled, timeZone, watchlist = [] }: IssueRequest): Promise<IssueInputs> {
  const windows: Partial<Record<SourceId, SourceWindow>> = {};
  await db.transaction('r', db.snapshots, db.catalog, db.sourceStatus, async () => {
    for (const sourceId of SOURCE_IDS) {
      if (!enabled[sourceId]) continue;
      const latest = await latestSnapshot(db, sourceId);
      const status = await db.sourceStatus.get(sourceId);
      if (!latest) {
        windows[sourceId] = { sourceId, snapshots: [], items: new Map(), ...(status ? { status } : {}) };
        continue;
      }
      const snapshots = await snapshotsBetween(db, sourceId, latest.fetchedAt - WINDOW_DAYS * DAY_MS, latest.fetchedAt);
      const keys = [...new Set(snapshots.flatMap((snapshot) => snapshot.keys))];
      const items = new Map<number, CatalogItem>();
      (await db.catalog.bulkGet(keys)).forEach((item, index) => {
        if (item) items.set(keys[index]!, item);
      });
      windows[sourceId] = { sourceId, snapshots, items, ...(status ? { status } : {}) };
    }
  });
  return { now, timeZone, number, windows, filters, enabled, watchlist };
}
