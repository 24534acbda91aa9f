import { readFileSync } from 'node:fs';
import type { IssueInputs, SourceWindow } from '../../lib/issue/inputs';
import type { CatalogItem, Snapshot } from '../../lib/shared/records';
import { DEFAULT_SETTINGS } from '../../lib/shared/settings';
import { SOURCES } from '../../lib/sources';
import type { TrendingItem } from '../../lib/sources/contract';
import { SOURCE_IDS, type SourceId } from '../../lib/sources/ids';
import { dayList } from './issue-history';
import { sharedRecordings } from './recordings';
import { shiftDates, shiftFor } from './redate';

/**
 * An issue's inputs built in memory, without a database: a week of history
 * over the real recordings (tests/support/issue-history.ts `dayList`), one
 * snapshot a day per source. For tests that compose the same inputs in
 * several processes, and as JSON (`inputsToJson`/`inputsFromJson`).
 */
export function weekInputs(start: number, days: number, timeZone: string): IssueInputs {
  const files = sharedRecordings();
  const windows: Partial<Record<SourceId, SourceWindow>> = {};
  let now = start;
  for (const sourceId of SOURCE_IDS) {
    // As if captured on the last day (tests/support/redate.ts).
    const base = shiftDates(SOURCES[sourceId].parse(readFileSync(files[sourceId], 'utf8')).items, shiftFor(files[sourceId], start + (days - 1) * 86_400_000));
    const keys = new Map<string, number>();
    const items = new Map<number, CatalogItem>();
    const snapshots: Snapshot[] = [];
    for (let day = 0; day < days; day++) {
      const at = start + day * 86_400_000;
      now = Math.max(now, at + 60_000);
      const list: TrendingItem[] = dayList(base, day, sourceId);
      const snapshot: Snapshot = { sourceId, fetchedAt: at, keys: [], metrics: {} };
      list.forEach((entry, index) => {
        let key = keys.get(entry.id);
        if (key === undefined) {
          key = keys.size + 1;
          keys.set(entry.id, key);
        }
        const { id, metrics, ...meta } = entry;
        items.set(key, { ...meta, key, sourceId, itemId: id, firstSeenAt: items.get(key)?.firstSeenAt ?? at, lastSeenAt: at });
        snapshot.keys.push(key);
        for (const [name, value] of Object.entries(metrics) as [keyof typeof metrics, number][]) {
          (snapshot.metrics[name] ??= new Array(list.length).fill(null))[index] = value;
        }
      });
      snapshots.push(snapshot);
    }
    windows[sourceId] = { sourceId, snapshots, items, status: { sourceId, consecutiveFailures: 0, lastSuccessAt: snapshots.at(-1)!.fetchedAt } };
  }
  return { now, timeZone, number: days, windows, filters: DEFAULT_SETTINGS, enabled: DEFAULT_SETTINGS.sources };
}

export function inputsToJson(inputs: IssueInputs): string {
  return JSON.stringify(inputs, (_key, value: unknown) => (value instanceof Map ? { __map: [...value] } : value));
}

export function inputsFromJson(json: string): IssueInputs {
  return JSON.parse(json, (_key, value: unknown) =>
    value && typeof value === 'object' && '__map' in value ? new Map((value as { __map: [unknown, unknown][] }).__map) : value,
  ) as IssueInputs;
}
