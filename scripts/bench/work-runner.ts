/**
 * Runs inside an extension page (bundled by scripts/bench/page-bundle.ts, called
 * by scripts/bench/work.ts), over the history scripts/bench/year.ts grew in the
 * extension's IndexedDB: how long the worker's daily and hourly work takes there.
 */
import { loadIssueInputs } from '../../lib/background/issue-inputs';
import { composeIssue } from '../../lib/issue/compose';
import { factsOf } from '../../lib/issue/facts';
import { movers } from '../../lib/issue/sections';
import type { LatestList } from '../../lib/history/list-view';
import { recordSuccess } from '../../lib/history/write';
import type { CatalogItem, SourceStatus } from '../../lib/shared/records';
import { HOUR_MS } from '../../lib/shared/movement';
import { DEFAULT_SETTINGS } from '../../lib/shared/settings';
import { systemTimeZone } from '../../lib/shared/time';
import { SOURCES } from '../../lib/sources';
import { SOURCE_IDS, type SourceId } from '../../lib/sources/ids';
import { database } from './year-builder';

export interface IssueSamples {
  /** Per run, in ms. */
  loadInputs: number[];
  compose: number[];
  facts: number[];
  movers: number[];
  /** What one load read: snapshots and catalog items over all sources. */
  snapshotsRead: number;
  itemsRead: number;
  number: number;
  timeZone: string;
}

/**
 * `warmup + runs` times: read the issue's inputs as publishIfDue does
 * (lib/background/issue-inputs.ts), compose the issue, and on the same inputs
 * the facts and the movers alone (lib/issue/sections.ts `movers`, given facts).
 * The warm-up runs are returned too; the caller tells them apart.
 */
export async function measureIssue(runs: number): Promise<IssueSamples> {
  const db = database();
  const samples: IssueSamples = { loadInputs: [], compose: [], facts: [], movers: [], snapshotsRead: 0, itemsRead: 0, number: 0, timeZone: systemTimeZone() };
  // Opened before any timing, as the worker's is when it publishes (it has just stored the lists).
  samples.number = ((await db.issues.orderBy('number').lastKey()) as number | undefined ?? 0) + 1;
  for (let run = 0; run < runs; run++) {
    const now = Date.now();
    let mark = performance.now();
    const inputs = await loadIssueInputs(db, {
      now,
      number: samples.number,
      filters: DEFAULT_SETTINGS,
      enabled: DEFAULT_SETTINGS.sources,
      timeZone: samples.timeZone,
    });
    samples.loadInputs.push(performance.now() - mark);
    mark = performance.now();
    composeIssue(inputs);
    samples.compose.push(performance.now() - mark);
    mark = performance.now();
    const facts = factsOf(inputs);
    samples.facts.push(performance.now() - mark);
    mark = performance.now();
    movers(facts);
    samples.movers.push(performance.now() - mark);
    const windows = Object.values(inputs.windows);
    samples.snapshotsRead = windows.reduce((sum, window) => sum + window.snapshots.length, 0);
    samples.itemsRead = windows.reduce((sum, window) => sum + window.items.size, 0);
  }
  return samples;
}

export interface RefreshSamples {
  sources: Record<SourceId, { items: number; bytes: number; parse: number[]; store: number[] }>;
}

/**
 * `runs` times, each source in turn: parse its recorded response text with its
 * production parser, then store the list with `recordSuccess` into the year's
 * database — the refresh's work once the response has arrived
 * (lib/background/refresh.ts). Afterwards the database is put back as it was:
 * the snapshots written here are deleted, the catalog rows, statuses and views
 * they touched restored, so the year stays what growYear made.
 */
export async function measureRefresh(texts: Record<SourceId, string>, ids: [SourceId, string][], runs: number): Promise<RefreshSamples> {
  const db = database();
  // Opened, and what the runs will touch read, before any timing: a worker has its database open before a response
  // arrives (it reads the sources' statuses first), and the parsers must meet the texts first in the runs.
  const before = await rememberTouched(db, ids);
  const result = { sources: {} } as RefreshSamples;
  for (const id of SOURCE_IDS) result.sources[id] = { items: 0, bytes: texts[id].length, parse: [], store: [] };
  try {
    for (let run = 0; run < runs; run++) {
      for (const id of SOURCE_IDS) {
        const samples = result.sources[id];
        let mark = performance.now();
        const list = SOURCES[id].parse(texts[id]);
        samples.parse.push(performance.now() - mark);
        samples.items = list.items.length;
        const at = Date.now();
        mark = performance.now();
        await recordSuccess(db, id, list, at, at + HOUR_MS);
        samples.store.push(performance.now() - mark);
      }
    }
  } finally {
    await restore(db, before);
  }
  return result;
}

interface Touched {
  lastSnapshotId: number;
  statuses: SourceStatus[];
  /** Every source's view (`lists`): recordSuccess rewrites the view with the snapshot (issue #8). */
  lists: LatestList[];
  /** The catalog rows the recorded lists name, as they were (absent: not in the catalog). */
  rows: CatalogItem[];
  ids: [SourceId, string][];
}

/** `ids`: every [source, item id] the recorded responses hold (parsed in Node, so that the page's parsers stay cold). */
async function rememberTouched(db: ReturnType<typeof database>, ids: [SourceId, string][]): Promise<Touched> {
  return db.transaction('r', [db.snapshots, db.catalog, db.sourceStatus, db.lists], async () => ({
    lastSnapshotId: ((await db.snapshots.orderBy(':id').lastKey()) as number | undefined) ?? 0,
    statuses: (await db.sourceStatus.toArray()),
    lists: await db.lists.toArray(),
    rows: await db.catalog.where('[sourceId+itemId]').anyOf(ids).toArray(),
    ids,
  }));
}

async function restore(db: ReturnType<typeof database>, before: Touched): Promise<void> {
  await db.transaction('rw', [db.snapshots, db.catalog, db.sourceStatus, db.lists], async () => {
    await db.snapshots.where(':id').above(before.lastSnapshotId).delete();
    const now = await db.catalog.where('[sourceId+itemId]').anyOf(before.ids).toArray();
    const kept = new Set(before.rows.map((row) => row.key));
    await db.catalog.bulkDelete(now.filter((row) => !kept.has(row.key)).map((row) => row.key!));
    await db.catalog.bulkPut(before.rows);
    await db.sourceStatus.clear();
    await db.sourceStatus.bulkPut(before.statuses);
    await db.lists.clear();
    await db.lists.bulkPut(before.lists);
  });
}
