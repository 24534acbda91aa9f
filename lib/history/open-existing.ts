import { DB_NAME } from './stores';

/**
 * Opening the database read-only without creating it, for the pages' first
 * reads (lib/history/plain-read.ts) and the timeline page's one read
 * (lib/history/timeline.ts, issue #12). A module of its own: the timeline page
 * imports it, and importing plain-read.ts, a chunk the other pages load on
 * demand, tied the pages' bundles together (the chunk took their shared code,
 * and every page loaded more before it was ready: tests/e2e/budgets.e2e.ts).
 *
 * It never creates the database: before the worker's first write there is
 * nothing to show, and a database created here (at version 1, with no stores)
 * would stand in the way of Dexie's own schema.
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
