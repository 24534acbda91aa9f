import { markIssueRead } from '../browser/runtime';
import { openExisting, readIssuePage } from '../history/plain-read';
import { IssueModel, type IssueModelDeps } from './issue';
import { sharedOpen, type LiveSource } from './live-query';

/**
 * How a page reads the database, wired to the real browser: one plain
 * IndexedDB connection opened at once for the first paint, and Dexie, loaded
 * once the page is ready (`ready`), for the live queries. One per page.
 */
export interface PageDatabase {
  plain: Promise<IDBDatabase | undefined>;
  live: LiveSource;
}

export function pageDatabase(ready: Promise<unknown>): PageDatabase {
  return {
    plain: openExisting(),
    live: { open: sharedOpen(async () => new (await import('../history/db')).MorningPostDB()), after: ready },
  };
}

/** Closes the plain connection once the first reads are done: Dexie's own takes over. */
export function closeAfter(database: PageDatabase, reads: readonly Promise<unknown>[]): void {
  void Promise.allSettled(reads).then(() => database.plain.then((db) => db?.close(), () => undefined));
}

/** A page's issue model: the first read starts now. */
export function createIssueModel(database: PageDatabase, options: Omit<IssueModelDeps, 'live' | 'firstRead' | 'markRead'> = {}): { model: IssueModel; firstRead: Promise<unknown> } {
  const firstRead = database.plain.then((db) => (db ? readIssuePage(db, options.initialNumber) : { record: undefined, latestNumber: undefined, statuses: [] }));
  return { model: new IssueModel({ ...options, live: database.live, firstRead, markRead: markIssueRead }), firstRead };
}

