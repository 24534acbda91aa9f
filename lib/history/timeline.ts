import type { MetricName } from '../sources/contract';
import type { SourceId } from '../sources/ids';
import type { CatalogItem, Snapshot } from '../shared/records';
import { dayIn } from '../shared/movement';
import { isSavedItemId, savedItemUrl, sourcesOfKind, type ItemKind } from '../shared/saved';
import { SOURCE_INFO } from '../sources/info';
import { STORES, SNAPSHOTS_BY_SOURCE_AND_TIME } from './stores';

/**
 * An item's timeline (issue #12, "Item timelines"): its rank and each figure
 * in every snapshot of the kept history of each source it can be listed in,
 * with its first and last sighting, best rank and days on a list.
 *
 * Read with the plain IndexedDB API, like the pages' first reads
 * (lib/history/plain-read.ts), not with Dexie: the timeline page paints from
 * this read, and Dexie alone is 33 KB gzip, more than the page's whole budget
 * of JavaScript before it is ready (tests/e2e/budgets.e2e.ts, issue #8). A
 * Dexie database hands its connection over with `db.backendDB()` (the
 * benchmark and the tests do).
 *
 * One read-only transaction of two rounds: the item's catalog entry in each
 * source (the unique `[sourceId+itemId]` index), then every snapshot of those
 * sources from its first sighting on (`[sourceId+fetchedAt]`): a snapshot
 * older than the entry cannot hold its key, which the catalog hands out when
 * the item is first seen (lib/history/write.ts), so the rest of a year of an
 * item that is new this week is not read at all.
 */

/** One snapshot of a source, as the item stood in it. */
export interface TimelinePoint {
  at: number;
  /** 1 for the top; null when the item was not in the list that time. */
  rank: number | null;
  /** The item's figures that time (finite values only); empty when it was not listed. */
  metrics: Partial<Record<MetricName, number>>;
}

export interface SourceTimeline {
  sourceId: SourceId;
  /** The item's name as this source last gave it (remote text: rendered as text). */
  name: string;
  /** Every snapshot from the item's first sighting in this source on, oldest first. */
  points: TimelinePoint[];
  /** The first and last time this source listed the item (catalog and snapshots: whichever says earlier / later). */
  firstSeenAt: number;
  lastSeenAt: number;
  /** Its best rank in the kept history (undefined: listed in no kept snapshot), and when it first held it. */
  bestRank?: number;
  bestRankAt?: number;
  /** Calendar days (the reader's time zone) on which at least one kept snapshot listed it. */
  daysOnList: number;
  /** The figures this source gave for it: the source's own order (lib/sources/info.ts, most telling first), then any other. */
  metrics: MetricName[];
  /** The longest list it was ranked in (for the rank axis). */
  worstRank: number;
}

export interface ItemTimeline {
  kind: ItemKind;
  id: string;
  /** Built from the validated id (lib/shared/links.ts), never from stored data. */
  url: string;
  name: string;
  /** Each source that has seen the item, in the order of lib/sources/ids.ts. */
  sources: SourceTimeline[];
  firstSeenAt: number;
  lastSeenAt: number;
  /** Days on any of its lists. */
  daysOnList: number;
}

export type TimelineRead =
  | { status: 'found'; timeline: ItemTimeline }
  /** The address names no item of a known kind with a valid id. */
  | { status: 'invalid' }
  /** A valid item that no kept list has held (or no database yet). */
  | { status: 'unknown'; kind: ItemKind; id: string };

/** Catalog: the unique `&[sourceId+itemId]` index (schema.ts, v2 onwards). */
const CATALOG_BY_SOURCE_AND_ITEM = '[sourceId+itemId]';

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed.'));
  });
}

/** A stored figure as a number to draw, or undefined (null, missing, NaN, ±Infinity: issue #9). */
function figure(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function inSourceOrder(sourceId: SourceId, names: readonly MetricName[]): MetricName[] {
  const order: readonly MetricName[] = SOURCE_INFO[sourceId]?.metrics ?? [];
  return [...order.filter((name) => names.includes(name)), ...names.filter((name) => !order.includes(name))];
}

/**
 * The timeline of one source from its catalog entry and its snapshots (any
 * order); pure. `dayOf` names a time's calendar day (the reader's).
 */
export function sourceTimeline(entry: CatalogItem, snapshots: readonly Snapshot[], dayOf: (at: number) => string): SourceTimeline {
  const key = entry.key;
  const ordered = [...snapshots].filter((snapshot) => snapshot.sourceId === entry.sourceId).sort((a, b) => a.fetchedAt - b.fetchedAt);
  const points: TimelinePoint[] = [];
  const metricNames: MetricName[] = [];
  const days = new Set<string>();
  let bestRank: number | undefined;
  let bestRankAt: number | undefined;
  let firstListed: number | undefined;
  let lastListed: number | undefined;
  let worstRank = 1;
  for (const snapshot of ordered) {
    const index = key === undefined || !Array.isArray(snapshot.keys) ? -1 : snapshot.keys.indexOf(key);
    if (index < 0) {
      points.push({ at: snapshot.fetchedAt, rank: null, metrics: {} });
      continue;
    }
    const rank = index + 1;
    const metrics: Partial<Record<MetricName, number>> = {};
    for (const [name, column] of Object.entries(snapshot.metrics ?? {}) as [MetricName, (number | null)[] | undefined][]) {
      const value = figure(Array.isArray(column) ? column[index] : undefined);
      if (value === undefined) continue;
      metrics[name] = value;
      if (!metricNames.includes(name)) metricNames.push(name);
    }
    points.push({ at: snapshot.fetchedAt, rank, metrics });
    days.add(dayOf(snapshot.fetchedAt));
    firstListed ??= snapshot.fetchedAt;
    lastListed = snapshot.fetchedAt;
    worstRank = Math.max(worstRank, rank);
    if (bestRank === undefined || rank < bestRank) {
      bestRank = rank;
      bestRankAt = snapshot.fetchedAt;
    }
  }
  // The catalog's first sighting is exact (set once, when the item is first written); its last lags by up to
  // the sighting step (write.ts SIGHTING_STEP_MS), and a thinned history may have lost either end's snapshot.
  const firstSeenAt = Math.min(entry.firstSeenAt, firstListed ?? entry.firstSeenAt);
  const lastSeenAt = Math.max(entry.lastSeenAt, lastListed ?? entry.lastSeenAt);
  return {
    sourceId: entry.sourceId,
    name: entry.name || entry.itemId,
    points,
    firstSeenAt,
    lastSeenAt,
    ...(bestRank !== undefined ? { bestRank, bestRankAt: bestRankAt! } : {}),
    daysOnList: days.size,
    metrics: inSourceOrder(entry.sourceId, metricNames),
    worstRank,
  };
}

/** The item's timeline from each of its sources' entries and snapshots; pure. Undefined when no source knows it. */
export function itemTimeline(
  kind: ItemKind,
  id: string,
  found: readonly { entry: CatalogItem; snapshots: readonly Snapshot[] }[],
  dayOf: (at: number) => string,
): ItemTimeline | undefined {
  const sources = found.map(({ entry, snapshots }) => sourceTimeline(entry, snapshots, dayOf));
  if (sources.length === 0) return undefined;
  const days = new Set<string>();
  for (const source of sources) for (const point of source.points) if (point.rank !== null) days.add(dayOf(point.at));
  return {
    kind,
    id,
    url: savedItemUrl(kind, id),
    name: sources[0]!.name,
    sources,
    firstSeenAt: Math.min(...sources.map((source) => source.firstSeenAt)),
    lastSeenAt: Math.max(...sources.map((source) => source.lastSeenAt)),
    daysOnList: days.size,
  };
}

/**
 * Reads item (`kind`, `id`)'s timeline from an open database: one read-only
 * transaction. `timeZone` names the reader's days (days on a list).
 */
export async function readTimeline(db: IDBDatabase, kind: ItemKind, id: string, timeZone: string): Promise<TimelineRead> {
  if (!isSavedItemId(kind, id)) return { status: 'invalid' };
  if (!db.objectStoreNames.contains(STORES.catalog) || !db.objectStoreNames.contains(STORES.snapshots)) return { status: 'unknown', kind, id };
  const tx = db.transaction([STORES.catalog, STORES.snapshots], 'readonly');
  const byItem = tx.objectStore(STORES.catalog).index(CATALOG_BY_SOURCE_AND_ITEM);
  const byTime = tx.objectStore(STORES.snapshots).index(SNAPSHOTS_BY_SOURCE_AND_TIME);
  const entries = await Promise.all(sourcesOfKind(kind).map((sourceId) => result(byItem.get([sourceId, id])) as Promise<CatalogItem | undefined>));
  const known = entries.filter((entry): entry is CatalogItem => entry !== undefined);
  const found = await Promise.all(
    known.map(async (entry) => {
      const from = Number.isFinite(entry.firstSeenAt) ? entry.firstSeenAt : -Infinity;
      const snapshots = (await result(byTime.getAll(IDBKeyRange.bound([entry.sourceId, from], [entry.sourceId, Infinity])))) as Snapshot[];
      return { entry, snapshots };
    }),
  );
  const timeline = itemTimeline(kind, id, found, (at) => dayIn(at, timeZone));
  return timeline ? { status: 'found', timeline } : { status: 'unknown', kind, id };
}

/** The item a timeline address names (`?kind=model&id=Qwen/Qwen3-8B`), validated; undefined for anything else. */
export function timelineAddress(search: string): { kind: ItemKind; id: string } | undefined {
  if (typeof search !== 'string' || search.length > 512) return undefined;
  const params = new URLSearchParams(search);
  const kinds = params.getAll('kind');
  const ids = params.getAll('id');
  if (kinds.length !== 1 || ids.length !== 1) return undefined;
  const kind = kinds[0] as ItemKind;
  const id = ids[0]!;
  return isSavedItemId(kind, id) ? { kind, id } : undefined;
}

/**
 * One point for each calendar day from the item's first listing on (a year
 * of dense and daily history as one row a day, for the table): the day's last
 * point that lists the item, else its last point. Retention keeps the last
 * snapshot of each older day (retention.ts), so old and recent rows mean
 * nearly the same.
 */
export function dailyPoints(points: readonly TimelinePoint[], dayOf: (at: number) => string): { day: string; point: TimelinePoint }[] {
  const firstListed = points.findIndex((point) => point.rank !== null);
  if (firstListed < 0) return [];
  const rows: { day: string; point: TimelinePoint }[] = [];
  for (const point of points.slice(firstListed)) {
    const day = dayOf(point.at);
    const last = rows[rows.length - 1];
    // A day's row is its last listing, else its last snapshot: a day on the list reads as one in the table.
    if (last?.day === day) {
      if (point.rank !== null || last.point.rank === null) last.point = point;
    } else rows.push({ day, point });
  }
  return rows;
}
