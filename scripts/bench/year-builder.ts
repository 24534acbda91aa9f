/**
 * Runs inside an extension page (bundled by scripts/bench/page-bundle.ts, called
 * by scripts/bench/year.ts): grows a year of hourly history in the extension's
 * own IndexedDB through the production write path, with Chromium's real
 * IndexedDB underneath. Nothing here touches Node; everything it needs comes in
 * as plain data.
 */
import { morningOf, publishIfDue } from '../../lib/background/publish';
import { MorningPostDB } from '../../lib/history/db';
import { DEFAULT_RETENTION, pruneIfDue } from '../../lib/history/retention';
import { recordSuccess } from '../../lib/history/write';
import { DAY_MS, HOUR_MS } from '../../lib/shared/movement';
import { DEFAULT_SETTINGS } from '../../lib/shared/settings';
import type { TrendingItem } from '../../lib/sources/contract';
import { SOURCE_IDS, type SourceId } from '../../lib/sources/ids';

export interface GrowRequest {
  days: number;
  seed: number;
  /** Chance per source per hour that a new item enters the list. */
  churn: number;
  /** The last refresh's time (epoch ms): the simulated year ends here. */
  end: number;
  /**
   * Each source's recorded list, parsed in Node by its production parser; the
   * dated ones (`dated[id]`) read as captured at the first refresh, and are moved
   * on a day at a time, as tests/support/redate.ts serves a recording "as if
   * captured" that day.
   */
  lists: Record<SourceId, TrendingItem[]>;
  dated: Record<SourceId, boolean>;
  /** Days at the end written hourly; before them one refresh a day (see growYear). */
  denseDays: number;
}

export interface GrowResult {
  /** Hourly refreshes simulated (the lists churn at each). */
  hours: number;
  /** Of which written through the production path. */
  refreshesWritten: number;
  snapshotsWritten: number;
  /** Every refresh from here on is written. */
  denseFrom: number;
  newItems: number;
  /** Wall time of the build in the page. */
  writeMs: number;
  /** Of which in recordSuccess, pruneIfDue and publishIfDue. */
  recordMs: number;
  pruneMs: number;
  publishMs: number;
  counts: TableCounts;
}

export interface TableCounts {
  snapshots: number;
  catalog: number;
  sourceStatus: number;
  meta: number;
  issues: number;
  /** Each source's latest list, ready to paint (schema v4, issue #8). */
  lists: number;
}

let open: MorningPostDB | undefined;
/** One connection per page, opened like the worker's (the same name and schema, lib/history/db.ts). */
export function database(): MorningPostDB {
  open ??= new MorningPostDB();
  return open;
}

export async function counts(db = database()): Promise<TableCounts> {
  return {
    snapshots: await db.snapshots.count(),
    catalog: await db.catalog.count(),
    sourceStatus: await db.sourceStatus.count(),
    meta: await db.meta.count(),
    issues: await db.issues.count(),
    lists: await db.lists.count(),
  };
}

/** The install refresh's outcome is gone: every table emptied in one transaction. */
export async function clearAll(db = database()): Promise<void> {
  await db.transaction('rw', [db.snapshots, db.catalog, db.sourceStatus, db.meta, db.issues, db.lists], async () => {
    await Promise.all([db.snapshots.clear(), db.catalog.clear(), db.sourceStatus.clear(), db.meta.clear(), db.issues.clear(), db.lists.clear()]);
  });
}

/**
 * True once the worker's install refresh has finished writing: every source has
 * a status, retention has run, and the issue is out (or cannot be: no list
 * stored). Its last step, the badge, does not touch the database.
 */
export async function installRefreshDone(db = database()): Promise<boolean> {
  const c = await counts(db);
  const pruned = (await db.meta.get('lastPrunedAt')) !== undefined;
  return c.sourceStatus >= SOURCE_IDS.length && pruned && (c.issues > 0 || c.snapshots === 0);
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/** An item's ISO date fields moved by `shiftMs` (as tests/support/redate.ts moves a recording's). */
function shifted(item: TrendingItem, shiftMs: number): TrendingItem {
  if (shiftMs === 0) return item;
  const copy = { ...item } as Record<string, unknown>;
  for (const [key, value] of Object.entries(copy)) {
    if (typeof value === 'string' && ISO.test(value)) copy[key] = new Date(Date.parse(value) + shiftMs).toISOString();
  }
  return copy as unknown as TrendingItem;
}

/**
 * The year: for each hour, every source's list churns as scripts/bench-history.ts
 * always did (neighbours swap, metrics grow, now and then a new item enters at a
 * random place, modelled on the recorded item there). A refresh that is written
 * runs the worker's steps after a refresh (lib/background/worker.ts): the seven
 * `recordSuccess` writes at once, each in its own transaction (refreshSources
 * runs the sources in parallel), then `pruneIfDue`, then `publishIfDue`.
 *
 * Not every refresh is written. 61,320 production writes took 14.5 minutes in
 * fake-indexeddb and would take 15–30 in Chromium's IndexedDB on this 2-core
 * machine: each recordSuccess is a transaction of ~45 requests (a catalog row
 * rewritten per item: its lastSeenAt moves), 15–30 ms for the seven sources.
 * What is written, and why the database ends the same in kind:
 * - The last `denseDays` days (8: retention's dense week and the day before
 *   it), every refresh, every step. They start on an hour the hourly year
 *   prunes at (pruneIfDue runs every 24 h from the first refresh), so the
 *   prunes fall as they would: the final dense week is exactly the hourly
 *   year's, the day before it thinned to its last list, and the last issues —
 *   the one the new tab shows — are composed from the history the worker
 *   would have.
 * - Before that, one refresh a day: the morning one, which publishes that
 *   day's issue (and the very first, which publishes No. 1). Retention keeps
 *   one list a day of those days (the last) and deletes the other 23, with
 *   every item only they named; only that morning's issue ever read them.
 *   Here the kept list is the morning's rather than the evening's, and those
 *   issues are composed from one list a day (baselines a day and a week back,
 *   one sparkline point a day, growth between first and last sighting) rather
 *   than 24: the same sections and the same sizes. The lists still churn every
 *   hour in between, so each day's list is what 24 hours of churn made.
 * - pruneIfDue runs where it has something to do: at the first refresh of
 *   the dense part, and once that part's first day leaves retention's dense
 *   week. Before, in the sparse past, there is nothing to delete (one list a
 *   day is what retention keeps of those days, and every item is named by
 *   one), and in the dense part's first week every list is younger than a
 *   week: those prunes would delete nothing, yet each reads every thinned list
 *   (2–4 s at a year). What they would thin (items not seen for 30 days) the
 *   next prune thins: a prune reads every item gone stale since the last one,
 *   or all of them when there was none.
 * 365 days: 8,760 hourly refreshes simulated, 550 written (3,850 snapshots), all of them kept:
 * per source one list for each of 358 days and 192 hourly ones, the shape retention leaves of the hourly year.
 */
export async function growYear(request: GrowRequest, onProgress?: (day: number) => void): Promise<GrowResult> {
  const db = database();
  const { days, churn, end, dated } = request;
  // The same deterministic generator as before (a seed gives the same history).
  let seed = request.seed;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const base = request.lists;
  const lists = { ...base };
  const hours = days * 24;
  const first = end - (hours - 1) * HOUR_MS;
  // Whole days before the end, so that the dense part starts on a prune hour of the hourly year.
  const denseHours = Math.min(hours, request.denseDays * 24);
  const denseFrom = end - (denseHours - 1) * HOUR_MS;
  const firstDense = hours - denseHours;
  const pruneFrom = denseFrom + DEFAULT_RETENTION.denseDays * DAY_MS;
  let fresh = 0;
  let written = 0;
  let recordMs = 0;
  let pruneMs = 0;
  let publishMs = 0;
  const began = performance.now();
  for (let hour = 0; hour < hours; hour++) {
    const at = first + hour * HOUR_MS;
    const day = Math.floor(hour / 24);
    for (const id of SOURCE_IDS) {
      const items = lists[id].map((item) => ({ ...item, metrics: { ...item.metrics } }));
      for (let i = 0; i < items.length - 1; i++) if (random() < 0.15) [items[i], items[i + 1]] = [items[i + 1]!, items[i]!];
      for (const item of items) for (const key of Object.keys(item.metrics) as (keyof typeof item.metrics)[]) item.metrics[key]! += Math.floor(random() * 40);
      if (random() < churn) {
        const index = Math.floor(random() * items.length);
        const template = base[id][index % base[id].length]!;
        items[index] = { ...template, metrics: { ...template.metrics }, id: `${template.id}-v${++fresh}`, name: `${template.name}-v${fresh}` };
      }
      lists[id] = items;
    }
    if (hour % 24 === 23) onProgress?.(day + 1);
    const dense = at >= denseFrom;
    // The very first refresh (the install's) publishes issue No. 1.
    if (!dense && hour !== 0 && !isPublishHour(at)) continue;
    written++;
    let mark = performance.now();
    await Promise.all(
      SOURCE_IDS.map((id) => {
        const served = dated[id] ? lists[id].map((item) => shifted(item, day * DAY_MS)) : lists[id];
        return recordSuccess(db, id, { items: served, dropped: 0 }, at, at + HOUR_MS);
      }),
    );
    recordMs += performance.now() - mark;
    if (hour === firstDense || at >= pruneFrom) {
      mark = performance.now();
      await pruneIfDue(db, at);
      pruneMs += performance.now() - mark;
    }
    mark = performance.now();
    await publishIfDue(db, at, DEFAULT_SETTINGS);
    publishMs += performance.now() - mark;
  }
  const writeMs = performance.now() - began;
  return {
    hours,
    refreshesWritten: written,
    snapshotsWritten: written * SOURCE_IDS.length,
    denseFrom,
    newItems: fresh,
    writeMs,
    recordMs,
    pruneMs,
    publishMs,
    counts: await counts(db),
  };
}

/** The first hourly refresh at or after the day's morning time: the one that publishes the day's issue. */
function isPublishHour(at: number): boolean {
  const morning = morningOf(at, DEFAULT_SETTINGS.morningTime);
  return at >= morning && at - HOUR_MS < morning;
}

export type TableName = keyof TableCounts;

/**
 * A value made safe to send to Node through CDP (JSON-like): bytes as base64,
 * blobs as their bytes, maps and sets as entries, so that Node can rebuild
 * what IndexedDB stored and serialise it with V8 (scripts/bench/year.ts).
 */
export type Wire = null | boolean | number | string | Wire[] | { [key: string]: Wire };

async function toWire(value: unknown): Promise<Wire> {
  if (value === undefined) return { $undefined: true };
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $number: String(value) };
  if (value instanceof Blob) return { $blob: base64(new Uint8Array(await value.arrayBuffer())), type: value.type };
  if (value instanceof ArrayBuffer) return { $bytes: base64(new Uint8Array(value)), view: 'ArrayBuffer' };
  if (ArrayBuffer.isView(value)) return { $bytes: base64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)), view: value.constructor.name };
  if (value instanceof Map) return { $map: await Promise.all([...value].map(async ([k, v]) => [await toWire(k), await toWire(v)] as Wire)) };
  if (value instanceof Set) return { $set: await Promise.all([...value].map(toWire)) };
  if (Array.isArray(value)) return Promise.all(value.map(toWire));
  const out: Record<string, Wire> = {};
  for (const [key, entry] of Object.entries(value as object)) out[key] = await toWire(entry);
  return out;
}

function base64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** Rows `offset`…`offset + limit` of a table in primary-key order, as sent over the wire. */
export async function tableRows(table: TableName, offset: number, limit: number): Promise<Wire[]> {
  const rows = await database().table(table).offset(offset).limit(limit).toArray();
  return Promise.all(rows.map(toWire));
}
