import type { SourceId } from '../sources/ids';
import type { CatalogItem, Snapshot } from '../shared/records';
import { baselineOf, DAY_MS, metricsAt, rankChanges, type ListRow } from '../shared/movement';

export interface LatestList {
  sourceId: SourceId;
  fetchedAt: number;
  rows: ListRow[];
  /** When the list its rows' `change` compares with was taken (a day back, or the oldest at least 20 h old). */
  sinceAt?: number;
}

/**
 * The newest snapshot of a source joined with its catalog entries, each row
 * with its movement since the day's baseline (lib/shared/movement, as the
 * issue computes it). Pure. Since schema v4 (issue #8) the worker computes it
 * with each snapshot and stores it in `lists` (write.ts), where both readers
 * get it whole; the joins that compute it from the history (list-join.ts over
 * Dexie, plain-read.ts over a v3 database) remain for the upgrade, retention
 * and a database not yet upgraded.
 *
 * `candidate` is the baseline `baselineOf` may choose: the last snapshot a
 * day before the latest, else the oldest there is. `items[i]` is the catalog
 * entry of `latest.keys[i]` (a missing one drops its row).
 */
export function listView(
  sourceId: SourceId,
  latest: Snapshot,
  candidate: Snapshot | undefined,
  items: readonly (CatalogItem | undefined)[],
): LatestList {
  const baseline = baselineOf(candidate && candidate.fetchedAt < latest.fetchedAt ? [candidate, latest] : [latest], DAY_MS);
  const changes = rankChanges(latest, baseline);
  const rows: ListRow[] = [];
  latest.keys.forEach((_key, index) => {
    const item = items[index];
    if (item) rows.push({ rank: index + 1, itemId: item.itemId, metrics: metricsAt(latest, index), item, change: changes[index]! });
  });
  return { sourceId, fetchedAt: latest.fetchedAt, rows, ...(baseline ? { sinceAt: baseline.fetchedAt } : {}) };
}
