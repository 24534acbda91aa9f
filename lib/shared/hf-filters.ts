import type { ListRow } from './movement';
import type { Settings } from './settings';
import type { SourceId } from '../sources/ids';
import { SOURCE_INFO } from '../sources/info';

/** The reader's filters (lib/shared/filters.ts applies them to every list). */
export type ListFilters = Pick<Settings, 'hfTasks' | 'githubLanguages' | 'aiKeywords'>;

/**
 * A signature every page's list filter has: `visibleRows` (every source), or
 * `visibleHuggingFaceRows` for a page that shows only Hugging Face lists and
 * so need not load the AI/ML rule (the popup: its JavaScript budget).
 */
export type RowsFilter = (sourceId: SourceId, rows: readonly ListRow[], filters: ListFilters, fetchedAt?: number, linkedRepositories?: ReadonlySet<string>) => ListRow[];

/** Hugging Face lists after the reader's task filters: tasks to include, tasks to hide (case-insensitive). */
export function visibleHuggingFaceRows(sourceId: SourceId, rows: readonly ListRow[], filters: ListFilters): ListRow[] {
  // Not for GitHub's lists: they need the AI/ML rule (`visibleRows`), so none of their rows passes here.
  if (SOURCE_INFO[sourceId].family !== 'huggingface') return [];
  const include = new Set(filters.hfTasks.include.map((task) => task.toLowerCase()));
  const hide = new Set(filters.hfTasks.hide.map((task) => task.toLowerCase()));
  if (include.size === 0 && hide.size === 0) return [...rows];
  return rows.filter((row) => {
    const task = row.item.task?.toLowerCase();
    if (task && hide.has(task)) return false;
    return include.size === 0 || (task !== undefined && include.has(task));
  });
}
