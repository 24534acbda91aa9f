import { factsOf, type Facts } from '@/lib/issue/facts';
import type { IssueInputs, SourceWindow } from '@/lib/issue/inputs';
import type { CatalogItem, Snapshot, SourceStatus } from '@/lib/shared/records';
import type { MetricName } from '@/lib/sources/contract';
import type { SourceId } from '@/lib/sources/ids';
import { handInputs } from '../../../support/hand-inputs';

// Hand-made histories for the story detectors: one list a day at 06:00 UTC, the latest on Sat 28 Nov 2026.
export const H = 3_600_000;
export const D = 24 * H;
export const T = Date.UTC(2026, 10, 28, 6, 0);
/** `day(n)`: the list n days before the latest. */
export const day = (n: number) => T - n * D;

export type ItemSpec = Omit<Partial<CatalogItem>, 'metrics'> & { itemId: string };

/** A window from item specs and lists given as [at, keys in rank order, metric columns in that order]. */
export function windowOf(
  sourceId: SourceId,
  items: Record<number, ItemSpec>,
  lists: [number, number[], Partial<Record<MetricName, (number | null)[]>>?][],
  status?: SourceStatus,
): SourceWindow {
  const catalog = new Map<number, CatalogItem>();
  for (const [key, spec] of Object.entries(items)) {
    catalog.set(Number(key), { key: Number(key), sourceId, name: spec.itemId, url: `https://example.com/${spec.itemId}`, task: 'text-generation', firstSeenAt: T - 30 * D, lastSeenAt: T, ...spec });
  }
  const snapshots: Snapshot[] = lists.map(([at, keys, metrics]) => ({ sourceId, fetchedAt: at, keys, metrics: metrics ?? {} }));
  return { sourceId, snapshots, items: catalog, ...(status ? { status } : {}) };
}

export function inputsFor(windows: SourceWindow[], extra: Partial<IssueInputs> = {}): IssueInputs {
  return handInputs(windows, T, extra);
}

export function factsFor(windows: SourceWindow[], extra: Partial<IssueInputs> = {}): Facts {
  return factsOf(inputsFor(windows, extra));
}

/** Items 1…n named `lab/m<key>`. */
export function models(n: number, overrides: Record<number, Partial<ItemSpec>> = {}): Record<number, ItemSpec> {
  const items: Record<number, ItemSpec> = {};
  for (let key = 1; key <= n; key++) items[key] = { itemId: `lab/m${key}`, ...overrides[key] };
  return items;
}

export const failing: SourceStatus = { sourceId: 'hf-models', lastSuccessAt: T, lastError: { kind: 'network', message: 'offline', at: T + 1000 } as SourceStatus['lastError'] & object, consecutiveFailures: 1 };
