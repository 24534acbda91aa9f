import type { IssueInputs } from '@/lib/issue/inputs';
import type { CatalogItem, Snapshot } from '@/lib/shared/records';
import type { MetricName } from '@/lib/sources/contract';
import type { SourceId } from '@/lib/sources/ids';

/**
 * The oracle's plain reading of an issue's inputs: which list was stored when,
 * who stood where in it. Written here from the record types alone (nothing
 * from lib/shared/movement, lib/shared/filters or lib/issue).
 */

export const DAY = 24 * 60 * 60 * 1000;

export interface OracleRow {
  rank: number;
  itemId: string;
  item: CatalogItem;
  value(metric: MetricName): number | undefined;
}

/** What the oracle knows that the issue must agree with: which GitHub trending rows are AI/ML (a hand-checked table). */
export interface Oracle {
  aiRepositories: ReadonlySet<string>;
}

export function snapshotsOf(inputs: IssueInputs, sourceId: SourceId): Snapshot[] {
  return inputs.enabled[sourceId] ? (inputs.windows[sourceId]?.snapshots ?? []) : [];
}

export function latestSnapshot(inputs: IssueInputs, sourceId: SourceId): Snapshot | undefined {
  const snapshots = snapshotsOf(inputs, sourceId);
  return snapshots[snapshots.length - 1];
}

export function snapshotAt(inputs: IssueInputs, sourceId: SourceId, at: number): Snapshot | undefined {
  return snapshotsOf(inputs, sourceId).find((snapshot) => snapshot.fetchedAt === at);
}

export function itemOf(inputs: IssueInputs, sourceId: SourceId, key: number): CatalogItem | undefined {
  return inputs.windows[sourceId]?.items.get(key);
}

export function findItem(inputs: IssueInputs, sourceId: SourceId, itemId: string): { key: number; item: CatalogItem } | undefined {
  for (const [key, item] of inputs.windows[sourceId]?.items ?? []) if (item.itemId === itemId) return { key, item };
  return undefined;
}

/** The source's own rank (1-based) of an item in a stored list; undefined when absent. */
export function rankIn(inputs: IssueInputs, sourceId: SourceId, snapshot: Snapshot | undefined, itemId: string): number | undefined {
  if (!snapshot) return undefined;
  for (let index = 0; index < snapshot.keys.length; index++) {
    if (itemOf(inputs, sourceId, snapshot.keys[index]!)?.itemId === itemId) return index + 1;
  }
  return undefined;
}

export function valueIn(inputs: IssueInputs, sourceId: SourceId, snapshot: Snapshot | undefined, itemId: string, metric: MetricName): number | undefined {
  const rank = rankIn(inputs, sourceId, snapshot, itemId);
  if (rank === undefined || !snapshot) return undefined;
  const value = snapshot.metrics[metric]?.[rank - 1];
  return typeof value === 'number' ? value : undefined;
}

/**
 * A stored list as the reader is shown it: every row, except that GitHub's
 * trending pages keep only the repositories the oracle's table calls AI/ML,
 * and the reader's task/language filters drop rows. Source ranks are kept.
 */
export function visibleRows(inputs: IssueInputs, sourceId: SourceId, snapshot: Snapshot | undefined, oracle: Oracle): OracleRow[] {
  if (!snapshot) return [];
  const include = inputs.filters.hfTasks.include.map((task) => task.toLowerCase());
  const hide = inputs.filters.hfTasks.hide.map((task) => task.toLowerCase());
  const languages = inputs.filters.githubLanguages.map((language) => language.toLowerCase());
  const rows: OracleRow[] = [];
  snapshot.keys.forEach((key, index) => {
    const item = itemOf(inputs, sourceId, key);
    if (!item) return;
    if (sourceId.startsWith('hf-') && sourceId !== 'hf-papers') {
      const task = item.task?.toLowerCase();
      if (task !== undefined && hide.includes(task)) return;
      if (include.length > 0 && (task === undefined || !include.includes(task))) return;
    }
    if (sourceId.startsWith('gh-')) {
      if (languages.length > 0 && !languages.includes(item.language?.toLowerCase() ?? '')) return;
      if (sourceId !== 'gh-search' && !oracle.aiRepositories.has(item.itemId)) return;
    }
    rows.push({
      rank: index + 1,
      itemId: item.itemId,
      item,
      value: (metric) => {
        const value = snapshot.metrics[metric]?.[index];
        return typeof value === 'number' ? value : undefined;
      },
    });
  });
  return rows;
}

/** The item whose display name is `name` (a story names items by name). */
export function itemNamed(inputs: IssueInputs, sourceId: SourceId, name: string): CatalogItem | undefined {
  for (const item of inputs.windows[sourceId]?.items.values() ?? []) if (item.name === name) return item;
  return undefined;
}

/** Created within 30 days before the time it was seen: what "new repository" / "first weeks" may describe. */
export function isYoung(item: CatalogItem, seenAt: number): boolean {
  if (!item.createdAt) return false;
  const created = Date.parse(item.createdAt);
  return Number.isFinite(created) && created <= seenAt && seenAt - created <= 30 * DAY;
}
