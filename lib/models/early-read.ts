import { storageArea } from '../browser/storage-api';
import { openExisting, readIssuePage, readLatestLists, type IssuePageRead, type ListsRead } from '../history/plain-read';
import { DB_NAME } from '../history/stores';
import { SETTINGS_KEY } from '../shared/settings-key';
import { SOURCE_IDS, type SourceId } from '../sources/ids';

/**
 * A page's first reads, started by its early script (entrypoints/first-read.ts
 * for the popup and side panel, entrypoints/first-screen.ts for the new tab)
 * — a small classic script each page runs `async` from its `<head>` — so that
 * opening IndexedDB and asking for the settings overlap the loading of the
 * page's modules instead of following them (issue #8). The page's module
 * takes them over (`takeEarlyReads`); if the early script has not run by then,
 * the page reads for itself.
 */
export interface EarlyReads {
  issue?: Promise<IssuePageRead | undefined>;
  /**
   * The issue read's answer once it has come (`read` undefined: no database
   * yet). A page that takes the reads after it renders its first frame from it
   * at once — over the first screen the early script may have painted from the
   * same answer (`EarlyPainters.issue`).
   */
  issueAnswer?: { read: IssuePageRead | undefined };
  /** Set by the page when it renders (`renderAfterIssueAnswer`): from then on the document is Preact's, and the early script paints nothing. */
  pageRenders?: boolean;
  lists?: Promise<ListsRead | undefined>;
  /** What `storage.sync` holds under the settings key, unchecked: the page validates it (lib/shared/settings.ts). */
  settings?: Promise<Record<string, unknown>>;
}

/** What each page shows first. */
export const EARLY_PLANS: Record<string, { issue?: boolean; lists?: readonly SourceId[]; settings?: boolean }> = {
  '/newtab.html': { issue: true },
  '/popup.html': { issue: true, lists: ['hf-models'], settings: true },
  '/sidepanel.html': { lists: SOURCE_IDS, settings: true },
};

const EARLY_READS = '__aiMorningPostFirstReads';
type EarlyScope = { [EARLY_READS]?: EarlyReads };

/** `#/issue/3` opens issue No. 3 of the archive; no hash, the latest. */
export function issueNumberOfHash(hash: string): number | undefined {
  const number = /^#\/issue\/(\d{1,9})$/.exec(hash)?.[1];
  return number === undefined ? undefined : Number(number);
}

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
}

/**
 * Resolves once the early issue read has answered (at once when there is
 * none), and records that the page renders from then on. The page's first
 * render waits for it: it then renders the issue in one go (over the first
 * screen the early script may have painted from the same answer, which runs
 * first: its handler was registered first) instead of an empty page and then
 * the issue a few tasks later (issue #8: measured 8–12 ms later).
 */
export async function renderAfterIssueAnswer(reads: EarlyReads): Promise<void> {
  if (reads.issue) await reads.issue.catch(() => undefined);
  reads.pageRenders = true;
}

/** The early reads, taken once; empty when the early script has not run (the page then reads for itself). */
export function takeEarlyReads(scope: object = globalThis): EarlyReads {
  const early = scope as EarlyScope;
  const reads = early[EARLY_READS] ?? {};
  delete early[EARLY_READS];
  return reads;
}
