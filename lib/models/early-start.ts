import { storageArea } from '../browser/storage-api';
import { openExisting, readIssuePage, readLatestLists, type IssuePageRead } from '../history/plain-read';
import { DB_NAME } from '../history/stores';
import { SETTINGS_KEY } from '../shared/settings-key';
import { SOURCE_IDS, type SourceId } from '../sources/ids';
import { EARLY_READS, issueNumberOfHash, type EarlyReads, type EarlyScope } from './early-read';

/**
 * The pages' early reads, started by their early scripts
 * (entrypoints/first-read.ts, entrypoints/first-screen.ts) and handed to the
 * page's module through lib/models/early-read.ts. A module of its own so that
 * the pages' modules, which import early-read.ts, do not carry the plain
 * IndexedDB reads (lib/history/plain-read.ts) before they are ready.
 */

/** What each page shows first. */
export const EARLY_PLANS: Record<string, { issue?: boolean; lists?: readonly SourceId[]; settings?: boolean }> = {
  '/newtab.html': { issue: true },
  '/popup.html': { issue: true, lists: ['hf-models'], settings: true },
  '/sidepanel.html': { lists: SOURCE_IDS, settings: true },
};

/** What the early script paints itself when a read answers before the page's modules have taken it. */
export interface EarlyPainters {
  issue?: (read: IssuePageRead) => void;
}

/** Starts the reads the page at `location` paints from. */
export function startEarlyReads(
  location: { pathname: string; hash: string },
  scope: object = globalThis,
  name: string = DB_NAME,
  painters: EarlyPainters = {},
): void {
  const plan = EARLY_PLANS[location.pathname];
  if (!plan) return;
  const reads: EarlyReads = {};
  if (plan.issue || plan.lists) {
    const db = openExisting(name);
    if (plan.issue) reads.issue = db.then((open) => (open ? readIssuePage(open, issueNumberOfHash(location.hash)) : undefined));
    if (plan.lists) {
      const ids = plan.lists;
      reads.lists = db.then((open) => (open ? readLatestLists(open, ids) : undefined));
    }
    void Promise.allSettled([reads.issue, reads.lists]).then(() => db.then((open) => open?.close(), () => undefined));
  }
  if (reads.issue) {
    const paint = painters.issue;
    void reads.issue.then(
      (read) => {
        reads.issueAnswer = { read };
        // Only while the page has not rendered: from then on the DOM is Preact's.
        if (read && paint && !reads.pageRenders) paint(read);
      },
      () => undefined,
    );
  }
  if (plan.settings) reads.settings = storageArea('sync').get(SETTINGS_KEY);
  // Whoever takes them handles a rejection; until then none must be reported as unhandled.
  for (const read of [reads.issue, reads.lists, reads.settings]) read?.catch(() => undefined);
  (scope as EarlyScope)[EARLY_READS] = reads;
  // A page whose module ran first is waiting for these (lib/models/early-read.ts `earlyReadsStarted`).
  (scope as Partial<EventTarget>).dispatchEvent?.(new Event(EARLY_READS));
}

