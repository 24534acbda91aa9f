import Dexie from 'dexie';
import type { SourceId } from '../sources/ids';
import type { MorningPostDB } from './db';
import type { Snapshot } from '../shared/records';
import { DAY_MS } from '../shared/movement';
import { listView, type LatestList } from './list-view';

export type { LatestList } from './list-view';

/**
 * The newest snapshot of a source, joined with its catalog entries: what the
 * lists show, each row with its movement since the day's baseline
 * (lib/history/list-view.ts).
 */
export async function latestList(db: MorningPostDB, sourceId: SourceId): Promise<LatestList | undefined> {
  const snapshot = await latestSnapshot(db, sourceId);
  if (!snapshot) return undefined;
  // The two lists `baselineOf` can choose between: the last one a day old, else the oldest there is.
  const candidate = (await snapshotAtOrBefore(db, sourceId, snapshot.fetchedAt - DAY_MS)) ?? (await oldestSnapshot(db, sourceId));
  return listView(sourceId, snapshot, candidate, await db.catalog.bulkGet(snapshot.keys));
}

function oldestSnapshot(db: MorningPostDB, sourceId: SourceId): Promise<Snapshot | undefined> {
  return db.snapshots.where('[sourceId+fetchedAt]').between([sourceId, Dexie.minKey], [sourceId, Dexie.maxKey]).first();
}

export function latestSnapshot(db: MorningPostDB, sourceId: SourceId): Promise<Snapshot | undefined> {
  return db.snapshots
    .where('[sourceId+fetchedAt]')
    .between([sourceId, Dexie.minKey], [sourceId, Dexie.maxKey])
    .last();
}

/** A source's snapshots taken between `from` and `to` (both included), oldest first. */
export function snapshotsBetween(db: MorningPostDB, sourceId: SourceId, from: number, to: number): Promise<Snapshot[]> {
  return db.snapshots.where('[sourceId+fetchedAt]').between([sourceId, from], [sourceId, to], true, true).toArray();
}

/** The newest snapshot taken at or before `at`: the list as it stood then. */
export function snapshotAtOrBefore(db: MorningPostDB, sourceId: SourceId, at: number): Promise<Snapshot | undefined> {
  return db.snapshots.where('[sourceId+fetchedAt]').between([sourceId, Dexie.minKey], [sourceId, at], true, true).last();
}
