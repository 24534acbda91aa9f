import { visibleRows } from '../shared/filters';
import { linkedRepositoriesOf } from '../shared/links';
import { isFailing, listCheckedAt } from '../shared/health';
import type { Claim } from '../shared/issue-types';
import { growthPerDay, seriesOf } from '../shared/growth';
import {
  baselineOf,
  DAY_MS,
  latestOf,
  metricsAt,
  rankIn,
  type ListRow,
} from '../shared/movement';
import type { CatalogItem, Snapshot } from '../shared/records';
import type { MetricName } from '../sources/contract';
import { SOURCE_IDS, type SourceId } from '../sources/ids';
import { familyOf, formatOf, ownerOf } from './classify';
import type { IssueInputs, WatchEntry } from './inputs';
import { formatCount } from './prose';

/**
 * The issue's facts (issue #7): every number and selection the pieces may
 * state, computed from the history with lib/shared/movement, each with the
 * claim that backs it. No words: the pieces (lib/issue/pieces) choose what to
 * say, and lib/issue/prose how to say it.
 */

export const WEEK_MS = 7 * DAY_MS;
/** The "top N" a share or a count speaks of. */
export const TOP = 30;

/** A row of a list, with its catalog key. */
export interface Row extends ListRow {
  key: number;
}

/** A source's latest list after the reader's filters, and the lists it is compared with. */
export interface ListFacts {
  sourceId: SourceId;
  snapshots: readonly Snapshot[];
  items: ReadonlyMap<number, CatalogItem>;
  latest?: Snapshot;
  /** The latest list as the reader sees it (filters applied; source ranks kept). */
  rows: Row[];
  /** Its first `TOP` rows. */
  top: Row[];
  /** The list to compare with for the week: a week back, or as far back as the history goes (at least 20 h). */
  week?: Snapshot;
  /** The list to compare with for the day: a day back, or the oldest at least 20 h old. */
  day?: Snapshot;
  failing: boolean;
  /**
   * When `latest` was last known to be the source's list: its own time, or later when the source has since answered
   * 304 Not Modified (issue #12, lib/shared/health.ts `listCheckedAt`). What staleness is measured from.
   */
  checkedAt?: number;
}

export interface Facts {
  now: number;
  timeZone: string;
  number: number;
  enabled: Record<SourceId, boolean>;
  lists: Record<SourceId, ListFacts>;
  /** GitHub's weekly AI/ML trending repositories, or the daily page when the weekly one has none. */
  repos: SourceId;
  /** The rows of a stored snapshot as the reader sees them. */
  rowsAt(sourceId: SourceId, snapshot: Snapshot): Row[];
  /** The reader's watched items (lib/issue/pieces/watch.ts). */
  watchlist: readonly WatchEntry[];
}

export function factsOf(inputs: IssueInputs): Facts {
  // A repository that a paper of the history names as its code is AI/ML whatever its description says.
  const papers = inputs.enabled['hf-papers'] ? inputs.windows['hf-papers']?.items.values() : undefined;
  const linked = linkedRepositoriesOf(papers ?? []);
  const rowsAt = (sourceId: SourceId, snapshot: Snapshot): Row[] => {
    const window = inputs.windows[sourceId];
    const rows: Row[] = [];
    snapshot.keys.forEach((key, index) => {
      const item = window?.items.get(key);
      if (item) rows.push({ key, rank: index + 1, itemId: item.itemId, metrics: metricsAt(snapshot, index), item });
    });
    return visibleRows(sourceId, rows, inputs.filters, snapshot.fetchedAt, linked) as Row[];
  };
  const lists = {} as Record<SourceId, ListFacts>;
  for (const sourceId of SOURCE_IDS) {
    const window = inputs.enabled[sourceId] ? inputs.windows[sourceId] : undefined;
    const snapshots = window?.snapshots ?? [];
    const latest = latestOf(snapshots);
    const rows = latest ? rowsAt(sourceId, latest) : [];
    const week = baselineOf(snapshots, WEEK_MS);
    const day = baselineOf(snapshots, DAY_MS);
    lists[sourceId] = {
      sourceId,
      snapshots,
      items: window?.items ?? new Map(),
      rows,
      top: rows.slice(0, TOP),
      failing: isFailing(window?.status),
      ...(latest ? { latest, checkedAt: listCheckedAt(window?.status, latest.fetchedAt) } : {}),
      ...(week ? { week } : {}),
      ...(day ? { day } : {}),
    };
  }
  const repos: SourceId = lists['gh-trending-weekly'].rows.length > 0 ? 'gh-trending-weekly' : 'gh-trending-daily';
  return { now: inputs.now, timeZone: inputs.timeZone, number: inputs.number, enabled: inputs.enabled, lists, repos, rowsAt, watchlist: inputs.watchlist ?? [] };
}

// ---------- claims: each records what it prints ----------

export function rankClaim(sourceId: SourceId, row: Row, at: number): Claim {
  return { kind: 'rank', sourceId, itemId: row.itemId, at, rank: row.rank, printed: [String(row.rank)] };
}

export function climbClaim(sourceId: SourceId, itemId: string, fromAt: number, toAt: number, fromRank: number, toRank: number): Claim {
  return { kind: 'climb', sourceId, itemId, fromAt, toAt, fromRank, toRank, printed: [String(fromRank), String(toRank), String(fromRank - toRank)] };
}

export function metricClaim(sourceId: SourceId, row: Row, at: number, metric: MetricName): (Claim & { kind: 'metric' }) | undefined {
  const value = row.metrics[metric];
  return value === undefined ? undefined : { kind: 'metric', sourceId, itemId: row.itemId, at, metric, value, printed: [formatCount(value)] };
}

export type CountField = Extract<Claim, { kind: 'count' }>['field'];

export function countClaim(sourceId: SourceId, at: number, top: number, field: CountField, value: string, count: number): Claim {
  return { kind: 'count', sourceId, at, top, field, value, count, printed: [formatCount(count), String(top)] };
}

// ---------- counting ----------

export interface Count {
  value: string;
  count: number;
  /** Strictly more than any other value: only then may the text say "most" or "more than any other". */
  unique: boolean;
}

/** Counts per value, most frequent first (ties: the value seen first, i.e. the higher-ranked). */
export function tally(values: readonly (string | undefined)[]): Count[] {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== undefined && value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
  const sorted = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
  return sorted.map((entry, index) => ({
    ...entry,
    unique: sorted.every((other, otherIndex) => otherIndex === index || other.count < entry.count),
  }));
}

export const FIELDS: Record<Exclude<CountField, 'hasCode'>, (row: Row) => string | undefined> = {
  task: (row) => row.item.task,
  owner: (row) => ownerOf(row.itemId),
  family: (row) => familyOf(row.item),
  format: (row) => formatOf(row.item),
  language: (row) => row.item.language,
};

export function countsOf(rows: readonly Row[], field: Exclude<CountField, 'hasCode'>): Count[] {
  return tally(rows.map(FIELDS[field]));
}

// ---------- movement ----------

export interface Climb {
  row: Row;
  before: number;
  /** before − rank: places climbed. */
  places: number;
}

/** Rows of `rows` that climbed since `baseline`, largest climb first (ties: higher rank first). */
export function climbsSince(rows: readonly Row[], baseline: Snapshot | undefined): Climb[] {
  if (!baseline) return [];
  const climbs: Climb[] = [];
  for (const row of rows) {
    const before = rankIn(baseline, row.key);
    if (before !== undefined && before > row.rank) climbs.push({ row, before, places: before - row.rank });
  }
  return climbs.sort((a, b) => b.places - a.places || a.row.rank - b.row.rank);
}

/** Rows absent from `baseline`, in rank order; none without a baseline. */
export function newSince(rows: readonly Row[], baseline: Snapshot | undefined): Row[] {
  return baseline ? rows.filter((row) => rankIn(baseline, row.key) === undefined) : [];
}

export interface GrowthFact {
  row: Row;
  perDay: number;
  fromAt: number;
  claim: Claim;
}

/** Growth per day of a metric since the week's baseline, for the top of a list; fastest first. */
export function growthOf(list: ListFacts, metric: MetricName): GrowthFact[] {
  if (!list.latest || !list.week) return [];
  const growth: GrowthFact[] = [];
  for (const row of list.top) {
    const rate = growthPerDay(seriesOf(list.snapshots, row.key, metric), list.week.fetchedAt);
    if (!rate || rate.perDay <= 0) continue;
    growth.push({
      row,
      perDay: rate.perDay,
      fromAt: rate.fromAt,
      claim: { kind: 'growth', sourceId: list.sourceId, itemId: row.itemId, metric, ...rate, printed: [formatCount(rate.perDay)] },
    });
  }
  return growth.sort((a, b) => b.perDay - a.perDay || a.row.rank - b.row.rank);
}

/** The row with the largest value of a metric (ties: the higher-ranked), skipping `skip`. */
export function topBy(rows: readonly Row[], metric: MetricName, skip?: (row: Row) => boolean): Row | undefined {
  let best: Row | undefined;
  for (const row of rows) {
    const value = row.metrics[metric];
    if (value === undefined || skip?.(row)) continue;
    if (!best || value > best.metrics[metric]!) best = row;
  }
  return best;
}

// ---------- shares ----------

export interface ShareFact {
  leaders: Row[];
  part: number;
  whole: number;
  of: number;
  percent: number;
  claim: Claim;
}

/**
 * The share of a metric's sum that the `n` largest take. Undefined when the
 * sum is not a positive finite number (a week with no counted stars says nothing).
 */
export function shareOfLeaders(list: ListFacts, metric: MetricName, n: number): ShareFact | undefined {
  if (!list.latest) return undefined;
  const rows = list.rows.filter((row) => row.metrics[metric] !== undefined);
  const sorted = [...rows].sort((a, b) => b.metrics[metric]! - a.metrics[metric]! || a.rank - b.rank);
  const leaders = sorted.slice(0, n);
  const part = leaders.reduce((sum, row) => sum + row.metrics[metric]!, 0);
  const whole = rows.reduce((sum, row) => sum + row.metrics[metric]!, 0);
  // Beyond MAX_SAFE_INTEGER a sum is no longer exact: no figure rather than a wrong one.
  if (leaders.length < n || !Number.isSafeInteger(whole) || whole <= 0) return undefined;
  // A tie at the edge of the leaders makes "the three" ambiguous: no share then.
  const next = sorted[n];
  if (next && next.metrics[metric] === leaders.at(-1)!.metrics[metric]) return undefined;
  const percent = Math.round((100 * part) / whole);
  return {
    leaders,
    part,
    whole,
    of: rows.length,
    percent,
    claim: { kind: 'share', sourceId: list.sourceId, at: list.latest.fetchedAt, metric, itemIds: leaders.map((row) => row.itemId), part, whole, of: rows.length, percent, printed: [`${percent}%`, formatCount(whole), String(rows.length)] },
  };
}

// ---------- papers ----------

export interface PaperFact {
  key: number;
  item: CatalogItem;
  upvotes: number;
}

/**
 * Every paper of the week, with its latest upvotes, most upvoted first: seen
 * in the daily lists of the week before the latest, and featured on the daily
 * list (`publishedAt`: its `submittedOnDailyAt`) within that week by its own
 * date — an old response replayed today is not "the week's" papers.
 */
export function weekPapers(list: ListFacts): PaperFact[] {
  if (!list.latest) return [];
  const from = list.latest.fetchedAt - WEEK_MS;
  const to = list.latest.fetchedAt + DAY_MS;
  const newest = new Map<number, number>();
  for (const snapshot of list.snapshots) {
    if (snapshot.fetchedAt < list.latest.fetchedAt - WEEK_MS) continue;
    snapshot.keys.forEach((key, index) => {
      const upvotes = snapshot.metrics.upvotes?.[index];
      newest.set(key, typeof upvotes === 'number' && Number.isFinite(upvotes) ? upvotes : 0);
    });
  }
  const papers: PaperFact[] = [];
  for (const [key, upvotes] of newest) {
    const item = list.items.get(key);
    const featured = item?.publishedAt === undefined ? Number.NaN : Date.parse(item.publishedAt);
    if (item && featured >= from && featured <= to) papers.push({ key, item, upvotes });
  }
  return papers.sort((a, b) => b.upvotes - a.upvotes);
}
