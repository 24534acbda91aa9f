import type { ListRow } from './movement';
import { isAiRepository } from '../sources/ai-rule';
import type { SourceId } from '../sources/ids';
import { SOURCE_INFO } from '../sources/info';
import type { Settings } from './settings';

/**
 * The reader's filters, applied in one place to every list a page shows:
 * Hugging Face tasks to include or hide, GitHub languages, and the AI/ML rule
 * for GitHub's trending pages (which cover all of software). Ranks stay the
 * source's own, so a filtered list can read 1, 2, 5…
 */
export type ListFilters = Pick<Settings, 'hfTasks' | 'githubLanguages' | 'aiKeywords'>;

export function visibleRows(sourceId: SourceId, rows: readonly ListRow[], filters: ListFilters): ListRow[] {
  const family = SOURCE_INFO[sourceId].family;
  if (family === 'huggingface') {
    const include = new Set(filters.hfTasks.include.map((task) => task.toLowerCase()));
    const hide = new Set(filters.hfTasks.hide.map((task) => task.toLowerCase()));
    if (include.size === 0 && hide.size === 0) return [...rows];
    return rows.filter((row) => {
      const task = row.item.task?.toLowerCase();
      if (task && hide.has(task)) return false;
      return include.size === 0 || (task !== undefined && include.has(task));
    });
  }
  if (family === 'github') {
    const languages = new Set(filters.githubLanguages.map((language) => language.toLowerCase()));
    return rows.filter((row) => {
      if (languages.size > 0 && !languages.has(row.item.language?.toLowerCase() ?? '')) return false;
      // Search results are AI repositories by their query; trending pages need the rule.
      if (sourceId === 'gh-search') return true;
      return isAiRepository({ name: row.item.name, ...(row.item.description ? { description: row.item.description } : {}), ...(row.item.tags ? { tags: row.item.tags } : {}) }, filters.aiKeywords);
    });
  }
  return [...rows];
}
