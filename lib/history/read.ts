import Dexie from 'dexie';
import type { SourceId } from '../sources/ids';
import type { MorningPostDB } from './db';
import type { Snapshot } from '../shared/records';
import type { LatestList } from './list-view';
import { joinLatestList, newestSnapshotAtOrBefore } from './list-join';

export type { LatestList } from './list-view';

/**
 * A source's latest list as the pages show it: the view the worker wrote with
 * the snapshot (`lists`, schema v4, issue #8), one get. Inside a live query
 * that get is what Dexie watches, and the worker rewrites the view at every
 * refresh, so the query re-runs then. Without a view — a source never stored —
 * it is the join (list-join.ts), which answers undefined for a source with no
 * snapshot and makes the live query watch that source's snapshots too.
 */
export async function latestList(db: MorningPostDB, sourceId: SourceId): Promise<LatestList | undefined> {
  return (await db.lists.get(sourceId)) ?? joinLatestList(db.snapshots, db.catalog, sourceId);
}

export function latestSnapshot(db: MorningPostDB, sourceId: SourceId): Promise<Snapshot | undefined> {
  return newestSnapshotAtOrBefore(db.snapshots, sourceId, Dexie.maxKey);
}

/** A source's snapshots taken between `from` and `to` (both included), oldest first. */
export function snapshotsBetween(db: MorningPostDB, sourceId: SourceId, from: number, to: number): Promise<Snapshot[]> {
  return db.snapshots.where('[sourceId+fetchedAt]').between([sourceId, from], [sourceId, to], true, true).toArray();
}

/** The newest snapshot taken at or before `at`: the list as it stood then. */
export function snapshotAtOrBefore(db: MorningPostDB, sourceId: SourceId, at: number): Promise<Snapshot | undefined> {
  return newestSnapshotAtOrBefore(db.snapshots, sourceId, at);
}
