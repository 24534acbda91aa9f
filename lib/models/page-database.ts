import { markIssueRead } from '../browser/runtime';
import { NO_ISSUE_PAGE } from '../history/page-reads';
import type { EarlyReads } from './early-read';
import { IssueModel, type IssueModelDeps } from './issue';
import { sharedOpen, type LiveSource } from './live-query';

/**
 * How a page reads the database, wired to the real browser: one plain
 * IndexedDB connection for the first paint, opened on first use, and Dexie,
 * loaded once the page is ready (`ready`), for the live queries. One per page.
 */
export interface PageDatabase {
  plain: () => Promise<IDBDatabase | undefined>;
  /** The plain connection if one was opened (the new tab's early script usually spares the page its own). */
  opened: () => Promise<IDBDatabase | undefined> | undefined;
  live: LiveSource;
}

/**
 * The plain reads, for a page whose early script has not run by the time its
 * module does (rare: the early script is small and starts first). Loaded only
 * then, so that the pages do not carry them before they are ready (issue #8;
 * tests/e2e/budgets.e2e.ts).
 */
export const plainReads = () => import('../history/plain-read');

export function pageDatabase(ready: Promise<unknown>): PageDatabase {
  let plain: Promise<IDBDatabase | undefined> | undefined;
  return {
    plain: () => (plain ??= plainReads().then((reads) => reads.openExisting())),
    opened: () => plain,
    live: { open: sharedOpen(async () => new (await import('../history/db')).MorningPostDB()), after: ready },
  };
}

/** Closes the plain connection, if any, once the first reads are done: Dexie's own takes over. */
export function closeAfter(database: PageDatabase, reads: readonly Promise<unknown>[]): void {
  void Promise.allSettled(reads).then(() => database.opened()?.then((db) => db?.close(), () => undefined));
}

/**
 * A page's issue model. Its first read is `early.issue` when the page's early
 * script started one (lib/models/early-read.ts), else one started now; when
 * that read has already answered (`early.issueAnswer`), the model starts with
 * the answer.
 */
export function createIssueModel(
  database: PageDatabase,
  options: Omit<IssueModelDeps, 'live' | 'firstRead' | 'firstAnswer' | 'markRead' | 'visibility'> = {},
  early: Pick<EarlyReads, 'issue' | 'issueAnswer'> = {},
): { model: IssueModel; firstRead: Promise<unknown> } {
  const firstRead = early.issue
    ? early.issue.then((read) => read ?? NO_ISSUE_PAGE)
    : Promise.all([database.plain(), plainReads()]).then(([db, reads]) => (db ? reads.readIssuePage(db, options.initialNumber) : NO_ISSUE_PAGE));
  const answer = early.issueAnswer && (early.issueAnswer.read ?? NO_ISSUE_PAGE);
  return { model: new IssueModel({ ...options, live: database.live, firstRead, ...(answer ? { firstAnswer: answer } : {}), markRead: markIssueRead, visibility: document }), firstRead };
}
