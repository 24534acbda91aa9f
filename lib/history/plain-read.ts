import type { SourceId } from '../sources/ids';
import type { CatalogItem, Snapshot, SourceStatus } from '../shared/records';
import type { Issue } from '../shared/issue-types';
import { DAY_MS } from '../shared/movement';
import type { StoredIssue } from './issue-codec';
import { listView, type LatestList } from './list-view';
import { DB_NAME, SNAPSHOTS_BY_SOURCE_AND_TIME, STORES } from './stores';
import { NO_ISSUE_PAGE, noLists, type IssuePageRead, type ListsRead } from './page-reads';

export type { IssuePageRead, ListsRead };

/**
 * The pages' first read, with the plain IndexedDB API: no Dexie. Dexie is
 * 33 KB gzip of JavaScript the browser would load, parse and run before the
 * first paint (issue #8: the new tab's first screen as fast as a blank page);
 * one transaction of plain gets answers what a page shows first, and Dexie's
 * live queries take over after the page is ready (lib/models/live-query.ts).
 *
 * Read-only, and it never creates the database: before the worker's first
 * write there is nothing to show, and a database created here (at version 1,
 * with no stores) would stand in the way of Dexie's own schema.
 */

/** Opens the database if it exists; undefined when it does not. The connection closes itself when the worker upgrades. */
export function openExisting(name: string = DB_NAME, factory: IDBFactory = indexedDB): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name);
    // An upgrade from version 0 means the database does not exist: abort, so that none is created.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = (event) => {
      if (request.error?.name === 'AbortError') {
        event.preventDefault();
        resolve(undefined);
      } else reject(request.error ?? new Error(`Could not open the database ${name}.`));
    };
    // Another connection is upgrading: the live query (Dexie) will open it when that is done.
    request.onblocked = () => resolve(undefined);
  });
}

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed.'));
  });
}

/** The value at the first position of a cursor over `range` in `direction` (`prev`: the last). */
function firstValue<T>(source: IDBObjectStore | IDBIndex, range: IDBKeyRange | null, direction: IDBCursorDirection): Promise<T | undefined> {
  return result(source.openCursor(range, direction)).then((cursor) => (cursor ? (cursor.value as T) : undefined));
}

function has(db: IDBDatabase, ...stores: string[]): boolean {
  return stores.every((store) => db.objectStoreNames.contains(store));
}



/** The issue a page shows first (number `number`, else the latest), the latest number, and every source's status: one transaction. */
export async function readIssuePage(db: IDBDatabase, number?: number): Promise<IssuePageRead> {
  if (!has(db, STORES.issues, STORES.sourceStatus)) return NO_ISSUE_PAGE;
  const tx = db.transaction([STORES.issues, STORES.sourceStatus], 'readonly');
  const issues = tx.objectStore(STORES.issues);
  const [latest, asked, statuses] = await Promise.all([
    firstValue<StoredIssue | Issue>(issues, null, 'prev'),
    number === undefined ? Promise.resolve(undefined) : result(issues.get(number)) as Promise<StoredIssue | Issue | undefined>,
    result(tx.objectStore(STORES.sourceStatus).getAll()) as Promise<SourceStatus[]>,
  ]);
  return { record: asked ?? latest, latestNumber: latest?.number, statuses };
}



/**
 * Each source's latest list (as lib/history/read.ts `latestList` gives it) and
 * status, in `sourceIds` order: one transaction of one get per source on the
 * views the worker writes with each snapshot (`lists`, schema v4, issue #8).
 * From v4 on every source with a snapshot has a view (the upgrade, the write
 * and retention keep it so), so a missing one means nothing stored yet.
 */
export async function readLatestLists(db: IDBDatabase, sourceIds: readonly SourceId[]): Promise<ListsRead> {
  if (!has(db, STORES.lists, STORES.sourceStatus)) return readJoinedLists(db, sourceIds);
  const tx = db.transaction([STORES.lists, STORES.sourceStatus], 'readonly');
  const views = tx.objectStore(STORES.lists);
  const statusStore = tx.objectStore(STORES.sourceStatus);
  const [lists, statuses] = await Promise.all([
    Promise.all(sourceIds.map((id) => result(views.get(id)) as Promise<LatestList | undefined>)),
    Promise.all(sourceIds.map((id) => result(statusStore.get(id)) as Promise<SourceStatus | undefined>)),
  ]);
  return { lists, statuses };
}

/**
 * The same answer from a database still at v3, which has no views: a page
 * opened before the worker upgraded it. The join `latestList` made before
 * issue #8, over three rounds of reads per source (the latest snapshot; its
 * catalog entries and the one a day old; maybe the oldest).
 */
async function readJoinedLists(db: IDBDatabase, sourceIds: readonly SourceId[]): Promise<ListsRead> {
  if (!has(db, STORES.snapshots, STORES.catalog, STORES.sourceStatus)) return noLists(sourceIds);
  const tx = db.transaction([STORES.snapshots, STORES.catalog, STORES.sourceStatus], 'readonly');
  const bySourceAndTime = tx.objectStore(STORES.snapshots).index(SNAPSHOTS_BY_SOURCE_AND_TIME);
  const catalog = tx.objectStore(STORES.catalog);
  const statusStore = tx.objectStore(STORES.sourceStatus);
  const listOf = async (sourceId: SourceId): Promise<LatestList | undefined> => {
    const all = IDBKeyRange.bound([sourceId, -Infinity], [sourceId, Infinity]);
    const latest = await firstValue<Snapshot>(bySourceAndTime, all, 'prev');
    if (!latest) return undefined;
    // The baseline candidates of `latestList`: the last list a day old, else the oldest there is.
    const [dayOld, items] = await Promise.all([
      firstValue<Snapshot>(bySourceAndTime, IDBKeyRange.bound([sourceId, -Infinity], [sourceId, latest.fetchedAt - DAY_MS]), 'prev'),
      Promise.all(latest.keys.map((key) => result(catalog.get(key)) as Promise<CatalogItem | undefined>)),
    ]);
    const candidate = dayOld ?? (await firstValue<Snapshot>(bySourceAndTime, all, 'next'));
    return listView(sourceId, latest, candidate, items);
  };
  const [lists, statuses] = await Promise.all([
    Promise.all(sourceIds.map(listOf)),
    Promise.all(sourceIds.map((id) => result(statusStore.get(id)) as Promise<SourceStatus | undefined>)),
  ]);
  return { lists, statuses };
}
