import type { ListRow } from './movement';
import type { SourceId } from '../sources/ids';

/**
 * The side panel's search, filters and sort (issue #10: "search as you type
 * across every source; filters (source, task, library, language) and sort
 * (rank, growth per day, newest)"). Pure: the rows come from the live lists
 * (lib/models/sources.ts), growth per day from lib/shared/movement.ts.
 */

export type SearchSort = 'rank' | 'growth' | 'newest';

/** The facets a reader can narrow by: the source, and three fields of an item. */
export type Facet = 'source' | 'task' | 'library' | 'language';
export const FACETS: readonly Facet[] = ['source', 'task', 'library', 'language'];

/** One chosen value per facet; absent: any. */
export type SearchFilters = Partial<Record<Facet, string>>;

/** A row of one source's list, with where that source stands among the page's sources. */
export interface Candidate {
  row: ListRow;
  sourceId: SourceId;
  /** The source's place in the page's order: ties of rank across sources follow it. */
  sourceIndex: number;
}

export interface FacetOption {
  value: string;
  count: number;
}

/**
 * Text as the search compares it: lower case, compatibility-decomposed, marks
 * stripped, so "Café", "CAFE" and "ｃａｆｅ" are one word (issue #10:
 * case- and accent-insensitive). Lower case first: "İ" lowers to "i" plus a mark.
 */
export function foldText(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}

/** The words of a query, folded; every one must be found in a row. */
export function queryWords(query: string): string[] {
  return foldText(query)
    .split(/\s+/u)
    .filter((word) => word.length > 0);
}

// Rows are new objects with each answer of the live query, so the folded text
// of an old answer goes with its rows.
const foldedRows = new WeakMap<ListRow, string>();

/** What a row is searched by: its id, name, description, task, library, language and tags. */
function searchedText(row: ListRow): string {
  let folded = foldedRows.get(row);
  if (folded === undefined) {
    const item = row.item;
    // One field a line: a word typed is found within a field, never across two.
    folded = foldText([row.itemId, item.name, item.description, item.task, item.library, item.language, ...(Array.isArray(item.tags) ? item.tags : [])].filter((text) => typeof text === 'string').join('\n'));
    foldedRows.set(row, folded);
  }
  return folded;
}

/** True when every word is in the row's searched text (no words: every row). */
export function rowMatches(row: ListRow, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const text = searchedText(row);
  return words.every((word) => text.includes(word));
}

/** A candidate's value for a facet; undefined when it has none. */
export function facetValue(candidate: Candidate, facet: Facet): string | undefined {
  if (facet === 'source') return candidate.sourceId;
  const value = candidate.row.item[facet];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function passes(candidate: Candidate, words: readonly string[], filters: SearchFilters, except?: Facet): boolean {
  for (const facet of FACETS) {
    const chosen = filters[facet];
    if (facet !== except && chosen !== undefined && facetValue(candidate, facet) !== chosen) return false;
  }
  return rowMatches(candidate.row, words);
}

/** The candidates that match every word and every filter, in their given order. */
export function selectCandidates(candidates: readonly Candidate[], words: readonly string[], filters: SearchFilters): Candidate[] {
  return candidates.filter((candidate) => passes(candidate, words, filters));
}

/**
 * The values a facet's select offers, with how many rows each would show: the
 * rows matching the query and the other filters (so a value never leads to an
 * empty list). Most rows first, then by value. The chosen value stays offered
 * (with 0) when a refresh took its last row away, so the select still says it.
 */
export function facetOptions(candidates: readonly Candidate[], words: readonly string[], filters: SearchFilters, facet: Facet): FacetOption[] {
  const counts = new Map<string, number>();
  for (const candidate of candidates) {
    const value = facetValue(candidate, facet);
    if (value !== undefined && passes(candidate, words, filters, facet)) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const chosen = filters[facet];
  if (chosen !== undefined && !counts.has(chosen)) counts.set(chosen, 0);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** The date a row is "newest" by: a paper's publication, else the item's creation; NaN when it has neither. */
export function itemTime(row: ListRow): number {
  const date = row.item.publishedAt ?? row.item.createdAt;
  return date === undefined ? Number.NaN : Date.parse(date);
}

/** Highest first; an absent or non-finite value after every present one. */
function descendingPresentFirst(a: number | undefined, b: number | undefined): number {
  const hasA = a !== undefined && Number.isFinite(a);
  const hasB = b !== undefined && Number.isFinite(b);
  if (hasA && hasB) return b! - a!;
  return hasA ? -1 : hasB ? 1 : 0;
}

/** A key for a row across sources: item ids are only unique within a source. */
export function candidateKey(sourceId: SourceId, itemId: string): string {
  return `${sourceId} ${itemId}`;
}

/**
 * The candidates in the order asked for; a new array. Rank: each source's own
 * order, across sources by rank then the page's source order. Growth: per day
 * (from `growth`, keyed by `candidateKey`), fastest first. Newest: by
 * `itemTime`, latest first. Growth and newest put rows without a figure last,
 * and break ties as rank does.
 */
export function sortCandidates(candidates: readonly Candidate[], sort: SearchSort, growth: ReadonlyMap<string, number> = new Map()): Candidate[] {
  const byRank = (a: Candidate, b: Candidate) => a.row.rank - b.row.rank || a.sourceIndex - b.sourceIndex;
  const first =
    sort === 'growth'
      ? (a: Candidate, b: Candidate) => descendingPresentFirst(growth.get(candidateKey(a.sourceId, a.row.itemId)), growth.get(candidateKey(b.sourceId, b.row.itemId)))
      : sort === 'newest'
        ? (a: Candidate, b: Candidate) => descendingPresentFirst(itemTime(a.row), itemTime(b.row))
        : () => 0;
  return [...candidates].sort((a, b) => first(a, b) || byRank(a, b));
}
