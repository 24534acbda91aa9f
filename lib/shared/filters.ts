import { visibleHuggingFaceRows, type RowsFilter } from './hf-filters';
import { DAY_MS } from './movement';
import { isAiRepository } from '../sources/ai-rule';
import { SOURCE_INFO } from '../sources/info';

/**
 * The reader's filters, applied in one place to every list a page shows:
 * Hugging Face tasks to include or hide, GitHub languages, and the AI/ML rule
 * for GitHub's trending pages (which cover all of software). Ranks stay the
 * source's own, so a filtered list can read 1, 2, 5…
 */
export type { ListFilters } from './hf-filters';

/**
 * GitHub's search for new AI repositories asks for repositories created in the
 * last 30 days (lib/sources/github-search.ts), but a response may not honour
 * the query (an older recording, a cached page): each row's own `createdAt` is
 * checked against the time its list was fetched, and the AI/ML rule applies as
 * it does to the trending pages. A row without a creation date is not "new".
 */
export const NEW_REPOSITORY_DAYS = 30;

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
export const visibleRows: RowsFilter = (sourceId, rows, filters, fetchedAt, linkedRepositories) => {
  const family = SOURCE_INFO[sourceId].family;
  if (family === 'huggingface') return visibleHuggingFaceRows(sourceId, rows, filters);
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
};

