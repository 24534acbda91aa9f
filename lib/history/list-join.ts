import Dexie, { type EntityTable } from 'dexie';
import type { SourceId } from '../sources/ids';
import type { CatalogItem, Snapshot } from '../shared/records';
import { DAY_MS } from '../shared/movement';
import { listView, type LatestList } from './list-view';

/**
 * A source's view (lib/history/list-view.ts) joined from the history itself,
 * over Dexie tables: the newest snapshot, its catalog entries and its baseline
 * candidate. Since schema v4 the worker writes the view with each snapshot
 * (write.ts, issue #8); this join computes it where there is none to read —
 * the v3→v4 upgrade, retention when it deleted or thinned what a view shows,
 * and `latestList` for a source with no view. It takes the tables rather than
 * the database so that the upgrade, which has only its transaction's tables,
 * can call it (and so that schema.ts need not import db.ts).
 */
export async function joinLatestList(
  snapshots: EntityTable<Snapshot, 'id'>,
  catalog: EntityTable<CatalogItem, 'key'>,
  sourceId: SourceId,
): Promise<LatestList | undefined> {
  const latest = await newestSnapshotAtOrBefore(snapshots, sourceId, Dexie.maxKey);
  if (!latest) return undefined;
  const [candidate, items] = await Promise.all([baselineCandidate(snapshots, sourceId, latest.fetchedAt), catalog.bulkGet(latest.keys)]);
  return listView(sourceId, latest, candidate, items);
}

/**
 * The baseline `listView` may compare a list taken at `latestAt` with: the
 * last snapshot a day before it, else the oldest there is.
 */
export async function baselineCandidate(snapshots: EntityTable<Snapshot, 'id'>, sourceId: SourceId, latestAt: number): Promise<Snapshot | undefined> {
  return (
    (await newestSnapshotAtOrBefore(snapshots, sourceId, latestAt - DAY_MS)) ??
    snapshots.where('[sourceId+fetchedAt]').between([sourceId, Dexie.minKey], [sourceId, Dexie.maxKey]).first()
  );
}

/** The newest snapshot of a source taken at or before `at` (`Dexie.maxKey`: the newest of all). */
export function newestSnapshotAtOrBefore(snapshots: EntityTable<Snapshot, 'id'>, sourceId: SourceId, at: number | typeof Dexie.maxKey): Promise<Snapshot | undefined> {
  return snapshots.where('[sourceId+fetchedAt]').between([sourceId, Dexie.minKey], [sourceId, at], true, true).last();
}
