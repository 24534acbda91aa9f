import type { IssuePageRead, ListsRead } from '../history/plain-read';

/**
 * A page's first reads, started by its early script (entrypoints/first-read.ts
 * for the popup and side panel, entrypoints/first-screen.ts for the new tab)
 * — a small classic script each page runs `async` from its `<head>` — so that
 * opening IndexedDB and asking for the settings overlap the loading of the
 * page's modules instead of following them (issue #8). The page's module
 * takes them over (`takeEarlyReads`); if the early script has not run by then,
 * the page reads for itself. The reads themselves are in
 * lib/models/early-start.ts, which the pages' modules do not import: they load
 * the plain reads only in that rare case (lib/models/page-database.ts).
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

/** Where the early script leaves its reads for the page (lib/models/early-start.ts). */
export const EARLY_READS = '__aiMorningPostFirstReads';
export type EarlyScope = { [EARLY_READS]?: EarlyReads };

/** `#/issue/3` opens issue No. 3 of the archive; no hash, the latest. */
export function issueNumberOfHash(hash: string): number | undefined {
  const number = /^#\/issue\/(\d{1,9})$/.exec(hash)?.[1];
  return number === undefined ? undefined : Number(number);
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

/**
 * Resolves once the page's early script has started its reads — at once when
 * it has. A page's module usually runs after its early script, a small file
 * that starts first; on a busy machine it may run before. It then waits for
 * the script rather than reading for itself: the reads are the same, and the
 * plain reads (lib/history/plain-read.ts) stay out of what the page loads
 * before it is ready (tests/e2e/budgets.e2e.ts). The window's `load` event,
 * which waits for every async script, bounds the wait: a page whose early
 * script did not run at all reads for itself after it.
 */
export function earlyReadsStarted(scope: Pick<EventTarget, 'addEventListener'> & object = globalThis, loaded = () => document.readyState === 'complete'): Promise<void> {
  if (EARLY_READS in scope || loaded()) return Promise.resolve();
  return new Promise((resolve) => {
    scope.addEventListener(EARLY_READS, () => resolve(), { once: true });
    scope.addEventListener('load', () => resolve(), { once: true });
  });
}

/** The early reads, taken once; empty when the early script has not run (the page then reads for itself). */
export function takeEarlyReads(scope: object = globalThis): EarlyReads {
  const early = scope as EarlyScope;
  const reads = early[EARLY_READS] ?? {};
  delete early[EARLY_READS];
  return reads;
}
