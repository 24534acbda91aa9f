import { openExisting, readIssuePage, type IssuePageRead } from './plain-read';
import { DB_NAME } from './stores';

/**
 * The hand-over between the new tab's early script (entrypoints/first-read.ts,
 * a classic script that runs while the page's modules are still loading) and
 * its module: one promise on the window, under this name.
 */
const EARLY_READ = '__aiMorningPostFirstRead';

type EarlyScope = { [EARLY_READ]?: Promise<IssuePageRead | undefined> };

/** `#/issue/3` opens issue No. 3 of the archive; no hash, the latest. */
export function issueNumberOfHash(hash: string): number | undefined {
  const number = /^#\/issue\/(\d{1,9})$/.exec(hash)?.[1];
  return number === undefined ? undefined : Number(number);
}

/** Starts the read of the issue the page's address names (undefined: the database does not exist yet). */
export function startEarlyIssueRead(hash: string, scope: object = globalThis, name: string = DB_NAME): void {
  const read = openExisting(name).then(async (db) => {
    if (!db) return undefined;
    try {
      return await readIssuePage(db, issueNumberOfHash(hash));
    } finally {
      db.close();
    }
  });
  // Whoever takes it handles a rejection; until then it must not be reported as unhandled.
  read.catch(() => undefined);
  (scope as EarlyScope)[EARLY_READ] = read;
}

/** The early read for `hash`, taken once; undefined when the early script has not run (the page then reads itself). */
export function takeEarlyIssueRead(scope: object = globalThis): Promise<IssuePageRead | undefined> | undefined {
  const early = scope as EarlyScope;
  const read = early[EARLY_READ];
  delete early[EARLY_READ];
  return read;
}
