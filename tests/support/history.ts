import type { MorningPostDB } from '@/lib/history/db';
import { recordSuccess } from '@/lib/history/write';
import type { ParsedList, TrendingItem } from '@/lib/sources/contract';
import type { SourceId } from '@/lib/sources/ids';

/**
 * Writes a history through the production write path: one `recordSuccess` per
 * refresh, as the worker would after each good response.
 */
export async function writeHistory(
  db: MorningPostDB,
  sourceId: SourceId,
  refreshes: { at: number; items: TrendingItem[] }[],
): Promise<void> {
  for (const { at, items } of refreshes) {
    const list: ParsedList = { items, dropped: 0 };
    await recordSuccess(db, sourceId, list, at, at + 3_600_000);
  }
}

/** The list with `id` moved to 0-based position `to`. */
export function moveTo(items: TrendingItem[], id: string, to: number): TrendingItem[] {
  const moving = items.find((item) => item.id === id);
  if (!moving) throw new Error(`${id} is not in the list`);
  const rest = items.filter((item) => item.id !== id);
  return [...rest.slice(0, to), moving, ...rest.slice(to)];
}

/** The same list with one metric of one item changed. */
export function withMetric(items: TrendingItem[], id: string, metric: keyof TrendingItem['metrics'], value: number): TrendingItem[] {
  return items.map((item) => (item.id === id ? { ...item, metrics: { ...item.metrics, [metric]: value } } : item));
}
