/**
 * A year of history in the loaded extension's own IndexedDB (issue #8): written
 * through the production code — lib/history/write.ts `recordSuccess`,
 * lib/history/retention.ts `pruneIfDue`, lib/background/publish.ts
 * `publishIfDue` — running in an extension page of the session, so that
 * Chromium's real IndexedDB (LevelDB on disk) stores it. Then how big it is:
 * on disk, and as V8 structured clones per table.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { serialize } from 'node:v8';
import type { Page } from 'playwright-core';
import { SOURCES } from '../../lib/sources';
import type { TrendingItem } from '../../lib/sources/contract';
import { SOURCE_IDS, type SourceId } from '../../lib/sources/ids';
import type { ExtensionSession } from '../../tests/support/browser';
import { SHARED_FIXTURES } from '../../tests/support/paths';
import { ownRecordings, sharedRecordings } from '../../tests/support/recordings';
import { CAPTURED_AT, redatedBody } from '../../tests/support/redate';
import { openBenchPage, type PageBench } from './page-bundle';
import type { GrowRequest, GrowResult, TableCounts, TableName, Wire } from './year-builder';

const HOUR_MS = 3_600_000;
/** Days written hourly at the end of the year (scripts/bench/year-builder.ts says why the rest is not). */
export const DENSE_DAYS = 8;
const TABLES: TableName[] = ['snapshots', 'catalog', 'sourceStatus', 'meta', 'issues', 'lists'];

export interface YearOptions {
  /** Days of hourly refreshes; 365 by default. */
  days?: number;
  /** Seed of the churn; the same seed writes the same lists. */
  seed?: number;
  /** Chance per source per hour that a new item enters (0.25 ≈ 6 new items a day in each list). */
  churn?: number;
  /** Days at the end written hourly (before them, one refresh a day): `DENSE_DAYS` by default. */
  denseDays?: number;
  /** Called after each simulated day. */
  onProgress?: (day: number, days: number) => void;
}

/** Bytes on disk of the extension's IndexedDB (Chromium profile, Default/IndexedDB). */
export interface DiskSize {
  /** The LevelDB folder `chrome-extension_<id>_0.indexeddb.leveldb`, all files. */
  leveldbBytes: number;
  /** Of which the write-ahead log (`*.log`, not yet compacted into tables). */
  logBytes: number;
  /** Of which sorted tables (`*.ldb`, Snappy-compressed). */
  tableBytes: number;
  /** The `…indexeddb.blob` folder: values IndexedDB keeps outside LevelDB (Blobs, large values). */
  blobBytes: number;
  /** leveldb + blob. */
  totalBytes: number;
  files: number;
}

export interface TableSize {
  rows: number;
  /** Σ V8 structured-clone size of the rows (what Chromium's IndexedDB serialises before LevelDB compresses). */
  cloneBytes: number;
  /** Bytes held in Blobs inside the rows (stored out of line by Chromium), not in `cloneBytes`. */
  blobBytes: number;
}

export interface YearReport {
  days: number;
  seed: number;
  churn: number;
  /** Where the year ends: the last refresh's time (epoch ms), about when the build started. */
  endAt: number;
  /** Hourly refreshes simulated: the lists churn at each. */
  hours: number;
  /** Of which written through the production path: every one of the last `denseDays` days, one a day before. */
  refreshesWritten: number;
  denseDays: number;
  /** The first refresh of the dense part (epoch ms). */
  denseFrom: number;
  snapshotsWritten: number;
  snapshotsKept: number;
  catalogItems: number;
  /** Items that entered the lists during the year (made by the churn). */
  newItems: number;
  issues: number;
  /** Wall time of the build in the page (the year's writes, prune and publish included). */
  seconds: number;
  /** Of which in recordSuccess / pruneIfDue / publishIfDue. */
  recordSeconds: number;
  pruneSeconds: number;
  publishSeconds: number;
  /** The whole growYear call: waiting for the install refresh, bundling, clearing, writing, measuring. */
  totalSeconds: number;
  tables: Record<TableName, TableSize>;
  /** Σ of the tables' clone bytes. */
  cloneBytes: number;
  /** The extension's IndexedDB on disk right after the last write, the browser still running. */
  diskAfterWrites: DiskSize;
  /**
   * The same once LevelDB's files have stopped changing (unchanged for 5 s, at
   * most 60 s: a compaction that had started has finished), the browser still
   * running. It varies from run to run, 8.8–19.8 MB for a year here: every
   * refresh rewrites each listed item's catalog row (its lastSeenAt), and the
   * old versions stay in level-0 tables until LevelDB compacts them, which it
   * does only once enough level-0 files pile up (closing, idling or reopening
   * the browser does not); the latest writes sit uncompressed in the log.
   */
  disk: DiskSize;
  profileDir: string;
  /** Where the recorded responses came from. */
  recordings: 'shared' | 'own';
}

/**
 * Fill the extension's database with `days` days of hourly refreshes ending now.
 * The worker's install refresh (issue No. 1 and the first lists) is waited for,
 * then every table is cleared, so the database holds the simulated year only.
 */
export async function growYear(session: ExtensionSession, options: YearOptions = {}): Promise<YearReport> {
  const started = performance.now();
  const days = options.days ?? 365;
  const seed = options.seed ?? 42;
  const churn = options.churn ?? 0.25;
  const page = await openBenchPage(session);
  try {
    await waitForInstallRefresh(page);
    await page.evaluate(() => (globalThis as unknown as { __ampBench: PageBench }).__ampBench.clearAll());

    // The last refresh is now: every status's nextAttemptAt is then an hour
    // ahead, so the worker (hourly alarm) finds nothing due meanwhile, and the
    // morning issue of today (if past the morning time) is already out.
    const end = Date.now();
    const first = end - (days * 24 - 1) * HOUR_MS;
    const recordings = existsSync(SHARED_FIXTURES) ? 'shared' : 'own';
    const files = recordings === 'shared' ? sharedRecordings() : ownRecordings();
    const lists = {} as Record<SourceId, TrendingItem[]>;
    const dated = {} as Record<SourceId, boolean>;
    for (const id of SOURCE_IDS) {
      const file = files[id];
      // As if captured at the first refresh (tests/support/redate.ts); the page moves them on a day at a time.
      lists[id] = SOURCES[id].parse(redatedBody(file, readFileSync(file, 'utf8'), first)).items;
      dated[id] = basename(file) in CAPTURED_AT && !file.endsWith('.html');
    }
    const request: GrowRequest = { days, seed, churn, end, lists, dated, denseDays: options.denseDays ?? DENSE_DAYS };

    const onConsole = (message: import('playwright-core').ConsoleMessage) => {
      const match = /^amp-bench day (\d+)$/.exec(message.text());
      if (match) options.onProgress?.(Number(match[1]), days);
    };
    page.on('console', onConsole);
    const result: GrowResult = await page.evaluate(
      (request) =>
        (globalThis as unknown as { __ampBench: PageBench }).__ampBench.growYear(request, (day) => console.debug(`amp-bench day ${day}`)),
      request,
    );
    page.off('console', onConsole);

    const profileDir = await profileDirOf(session);
    const written = indexedDbOnDisk(profileDir, session.extensionId);
    const tables = await tableSizes(page, result.counts);
    return {
      days,
      seed,
      churn,
      endAt: end,
      hours: result.hours,
      refreshesWritten: result.refreshesWritten,
      denseDays: request.denseDays,
      denseFrom: result.denseFrom,
      snapshotsWritten: result.snapshotsWritten,
      snapshotsKept: result.counts.snapshots,
      catalogItems: result.counts.catalog,
      newItems: result.newItems,
      issues: result.counts.issues,
      seconds: result.writeMs / 1000,
      recordSeconds: result.recordMs / 1000,
      pruneSeconds: result.pruneMs / 1000,
      publishSeconds: result.publishMs / 1000,
      totalSeconds: (performance.now() - started) / 1000,
      tables,
      cloneBytes: TABLES.reduce((sum, table) => sum + tables[table].cloneBytes, 0),
      diskAfterWrites: written,
      disk: await settledOnDisk(profileDir, session.extensionId),
      profileDir,
      recordings,
    };
  } finally {
    await page.close();
  }
}

/** The worker refreshes at install: let it finish before the tables are cleared, or its issue lands in the year. */
async function waitForInstallRefresh(page: Page, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await page.evaluate(() => (globalThis as unknown as { __ampBench: PageBench }).__ampBench.installRefreshDone()))) {
    if (Date.now() > until) throw new Error(`the worker's install refresh did not finish within ${timeoutMs / 1000} s`);
    await page.waitForTimeout(200);
  }
  // Its last steps (the badge) do not write; a moment more for any transaction still queued.
  await page.waitForTimeout(500);
}

/** Each table's rows, read back from the page in pages, serialised with V8 as Chromium does. */
async function tableSizes(page: Page, counts: TableCounts): Promise<Record<TableName, TableSize>> {
  const sizes = {} as Record<TableName, TableSize>;
  const PAGE = 500;
  for (const table of TABLES) {
    const size: TableSize = { rows: counts[table], cloneBytes: 0, blobBytes: 0 };
    for (let offset = 0; offset < counts[table]; offset += PAGE) {
      const rows = await page.evaluate(
        ([table, offset, limit]) => (globalThis as unknown as { __ampBench: PageBench }).__ampBench.tableRows(table, offset, limit),
        [table, offset, PAGE] as const,
      );
      for (const row of rows) {
        const blobs = { bytes: 0 };
        size.cloneBytes += serialize(fromWire(row, blobs)).length;
        size.blobBytes += blobs.bytes;
      }
    }
    sizes[table] = size;
  }
  return sizes;
}

/** The value IndexedDB held, rebuilt in Node (scripts/bench/year-builder.ts `toWire`); a Blob's bytes are counted aside. */
function fromWire(value: Wire, blobs: { bytes: number }): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((entry) => fromWire(entry, blobs));
  if ('$undefined' in value) return undefined;
  if ('$number' in value) return Number(value.$number);
  if ('$blob' in value) {
    blobs.bytes += Buffer.from(value.$blob as string, 'base64').length;
    // What the record itself holds for a Blob is a small reference (its uuid, type and size).
    return { blob: true, type: value.type, size: 0 };
  }
  if ('$bytes' in value) {
    const bytes = new Uint8Array(Buffer.from(value.$bytes as string, 'base64'));
    return value.view === 'ArrayBuffer' ? bytes.buffer : bytes;
  }
  if ('$map' in value) return new Map((value.$map as [Wire, Wire][]).map(([k, v]) => [fromWire(k, blobs), fromWire(v, blobs)]));
  if ('$set' in value) return new Set((value.$set as Wire[]).map((entry) => fromWire(entry, blobs)));
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, fromWire(entry, blobs)]));
}

/** The session's profile folder, as Chromium reports it on chrome://version. */
export async function profileDirOf(session: ExtensionSession): Promise<string> {
  const page = await session.context.newPage();
  try {
    await page.goto('chrome://version');
    const path = (await page.textContent('#profile_path'))?.trim();
    if (!path) throw new Error('chrome://version did not show the profile path');
    // The profile path names the profile folder itself (…/Default); the data dir is its parent.
    return path.replace(/\/Default\/?$/, '');
  } finally {
    await page.close();
  }
}

/** Bytes of the extension's IndexedDB in `profileDir` (LevelDB folder and blob folder). */
export function indexedDbOnDisk(profileDir: string, extensionId: string): DiskSize {
  const root = join(profileDir, 'Default', 'IndexedDB', `chrome-extension_${extensionId}_0.indexeddb`);
  const size: DiskSize = { leveldbBytes: 0, logBytes: 0, tableBytes: 0, blobBytes: 0, totalBytes: 0, files: 0 };
  const walk = (dir: string, visit: (file: string, bytes: number) => void) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, visit);
      else if (entry.isFile()) visit(entry.name, statSync(path).size);
    }
  };
  walk(`${root}.leveldb`, (name, bytes) => {
    size.files++;
    size.leveldbBytes += bytes;
    if (name.endsWith('.log')) size.logBytes += bytes;
    if (name.endsWith('.ldb') || name.endsWith('.sst')) size.tableBytes += bytes;
  });
  walk(`${root}.blob`, (_name, bytes) => {
    size.files++;
    size.blobBytes += bytes;
  });
  size.totalBytes = size.leveldbBytes + size.blobBytes;
  return size;
}


/**
 * The extension's IndexedDB once its files have not changed for `quietMs`
 * (LevelDB compacts in the background after writes), or after `maxMs`.
 */
export async function settledOnDisk(profileDir: string, extensionId: string, { quietMs = 5_000, maxMs = 60_000 } = {}): Promise<DiskSize> {
  const started = Date.now();
  let last = JSON.stringify(filesOf(profileDir, extensionId));
  let since = Date.now();
  while (Date.now() - started < maxMs && Date.now() - since < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = JSON.stringify(filesOf(profileDir, extensionId));
    if (now !== last) {
      last = now;
      since = Date.now();
    }
  }
  return indexedDbOnDisk(profileDir, extensionId);
}

function filesOf(profileDir: string, extensionId: string): [string, number][] {
  const dir = join(profileDir, 'Default', 'IndexedDB', `chrome-extension_${extensionId}_0.indexeddb.leveldb`);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((name) => [name, statSync(join(dir, name), { throwIfNoEntry: false })?.size ?? -1]);
}
