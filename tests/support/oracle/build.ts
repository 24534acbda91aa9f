import type { IssueInputs, SourceWindow } from '@/lib/issue/inputs';
import type { CatalogItem, Snapshot } from '@/lib/shared/records';
import { DEFAULT_SETTINGS } from '@/lib/shared/settings';
import type { MetricName } from '@/lib/sources/contract';
import { SOURCE_IDS, type SourceId } from '@/lib/sources/ids';

/**
 * Small hand-made histories, built in memory as `IssueInputs`: each stored
 * list is written as the rows it holds, top first, so a test reads like the
 * table it checks.
 */

export interface ItemSpec {
  id: string;
  task?: string;
  language?: string;
  description?: string;
  tags?: string[];
  createdAt?: string;
}

export interface ListSpec {
  at: number;
  /** Item ids, top first (rank = index + 1), each with its metrics then. */
  rows: [id: string, metrics?: Partial<Record<MetricName, number>>][];
}

export function inputsOf(options: {
  now: number;
  timeZone: string;
  items: ItemSpec[];
  lists: Partial<Record<SourceId, ListSpec[]>>;
}): IssueInputs {
  const windows: IssueInputs['windows'] = {};
  const enabled = Object.fromEntries(SOURCE_IDS.map((id) => [id, false])) as Record<SourceId, boolean>;
  let nextKey = 1;
  for (const [sourceId, lists] of Object.entries(options.lists) as [SourceId, ListSpec[]][]) {
    enabled[sourceId] = true;
    const keys = new Map<string, number>();
    const items = new Map<number, CatalogItem>();
    const keyOf = (id: string): number => {
      let key = keys.get(id);
      if (key === undefined) {
        const spec = options.items.find((item) => item.id === id);
        if (!spec) throw new Error(`${id} is not among the items`);
        key = nextKey++;
        keys.set(id, key);
        const host = sourceId.startsWith('gh-') ? 'https://github.com' : 'https://huggingface.co';
        items.set(key, {
          key,
          sourceId,
          itemId: id,
          name: id,
          url: `${host}/${id}`,
          ...(spec.task ? { task: spec.task } : {}),
          ...(spec.language ? { language: spec.language } : {}),
          ...(spec.description ? { description: spec.description } : {}),
          ...(spec.tags ? { tags: spec.tags } : {}),
          ...(spec.createdAt ? { createdAt: spec.createdAt } : {}),
          firstSeenAt: 0,
          lastSeenAt: 0,
        });
      }
      return key;
    };
    const snapshots: Snapshot[] = lists.map((list) => {
      const metricNames = [...new Set(list.rows.flatMap(([, metrics]) => Object.keys(metrics ?? {}) as MetricName[]))];
      return {
        sourceId,
        fetchedAt: list.at,
        keys: list.rows.map(([id]) => keyOf(id)),
        metrics: Object.fromEntries(metricNames.map((name) => [name, list.rows.map(([, metrics]) => metrics?.[name] ?? null)])),
      };
    });
    for (const item of items.values()) {
      const seen = snapshots.filter((snapshot) => snapshot.keys.includes(item.key!)).map((snapshot) => snapshot.fetchedAt);
      item.firstSeenAt = Math.min(...seen);
      item.lastSeenAt = Math.max(...seen);
    }
    const window: SourceWindow = { sourceId, snapshots, items, status: { sourceId, lastSuccessAt: lists.at(-1)?.at ?? 0, consecutiveFailures: 0 } };
    windows[sourceId] = window;
  }
  return { now: options.now, timeZone: options.timeZone, number: 2, windows, filters: DEFAULT_SETTINGS, enabled };
}

/** Text of a story, headline to last paragraph. */
export function textOf(story: { headline: string; standfirst?: string; paragraphs: string[] }): string {
  return [story.headline, story.standfirst ?? '', ...story.paragraphs].join('\n');
}
