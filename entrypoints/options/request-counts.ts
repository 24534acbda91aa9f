import { RequestCountsModel } from '@/lib/models/request-counts';
import type { SourceStatus } from '@/lib/shared/records';
import { DB_NAME, STORES } from '@/lib/history/stores';
import { SOURCE_IDS } from '@/lib/sources/ids';
import { systemTimeZone } from '@/lib/shared/time';

/**
 * The requests made to each source (issue #12), for the options page: one read-only transaction over the
 * statuses with the plain IndexedDB API — no Dexie, and not the pages' reader of the history (lib/history/
 * plain-read.ts), whose chunk the options page does not otherwise load. The database is never created here (an
 * upgrade from nothing is aborted) and the connection is let go at once.
 */
export function requestCountsModel(): RequestCountsModel {
  return new RequestCountsModel({ read: readStatuses, now: () => Date.now(), timeZone: systemTimeZone });
}

function readStatuses(): Promise<(SourceStatus | undefined)[]> {
  return new Promise((resolve, reject) => {
    const none = () => resolve(SOURCE_IDS.map(() => undefined));
    const request = indexedDB.open(DB_NAME);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onblocked = none;
    request.onerror = (event) => {
      if (request.error?.name !== 'AbortError') return reject(request.error ?? new Error('The database could not be opened.'));
      event.preventDefault();
      none();
    };
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(STORES.sourceStatus)) {
        db.close();
        return none();
      }
      const tx = db.transaction(STORES.sourceStatus, 'readonly');
      const store = tx.objectStore(STORES.sourceStatus);
      const statuses: (SourceStatus | undefined)[] = [];
      SOURCE_IDS.forEach((id, index) => {
        const get = store.get(id);
        get.onsuccess = () => (statuses[index] = get.result as SourceStatus | undefined);
      });
      tx.oncomplete = () => {
        db.close();
        resolve(statuses);
      };
      tx.onerror = tx.onabort = () => {
        db.close();
        reject(tx.error ?? new Error('The statuses could not be read.'));
      };
    };
  });
}
