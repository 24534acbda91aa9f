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

/**
 * GitHub's search for new AI repositories asks for repositories created in the
 * last 30 days (lib/sources/github-search.ts), but a response may not honour
 * the query (an older recording, a cached page): each row's own `createdAt` is
 * checked against the time its list was fetched, and the AI/ML rule applies as
 * it does to the trending pages. A row without a creation date is not "new".
 */
export const NEW_REPOSITORY_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether the item was created within `NEW_REPOSITORY_DAYS` before `at` (a little clock skew ahead is allowed). */
export function isNewAt(item: { createdAt?: string }, at: number, days = NEW_REPOSITORY_DAYS): boolean {
  const created = item.createdAt === undefined ? Number.NaN : Date.parse(item.createdAt);
  return Number.isFinite(created) && created >= at - days * DAY_MS && created <= at + DAY_MS;
}

/**
 * The rows of a list the reader sees. `fetchedAt` is when the list was
 * fetched: the search results' window is checked against it (never against
 * the request's own query).
 */
export function visibleRows(
  sourceId: SourceId,
  rows: readonly ListRow[],
  filters: ListFilters,
  fetchedAt?: number,
  /** Lower-cased `owner/repo` of the repositories Hugging Face links (papers' code): AI/ML by that alone. */
  linkedRepositories?: ReadonlySet<string>,
): ListRow[] {
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
      if (sourceId === 'gh-search' && (fetchedAt === undefined || !isNewAt(row.item, fetchedAt))) return false;
      return isAiRepository(
        { name: row.item.name, ...(row.item.description ? { description: row.item.description } : {}), ...(row.item.tags ? { tags: row.item.tags } : {}) },
        filters.aiKeywords,
        linkedRepositories,
      );
    });
  }
  return [...rows];
}

/** The GitHub repositories that items link as their code (papers' `githubRepo`), lower-cased `owner/repo`. */
export function linkedRepositoriesOf(items: Iterable<{ codeUrl?: string }>): Set<string> {
  const linked = new Set<string>();
  for (const item of items) {
    const match = item.codeUrl ? /^https:\/\/github\.com\/([^/]+\/[^/]+)$/.exec(item.codeUrl) : null;
    if (match) linked.add(match[1]!.toLowerCase());
  }
  return linked;
}
