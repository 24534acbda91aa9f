import { sourceInfoOf, type SidePanelSearch } from '@/lib/models/side-panel-search';
import type { Facet, FacetOption, SearchSort } from '@/lib/shared/search';
import type { ListRow } from '@/lib/shared/movement';
import type { SourceId } from '@/lib/sources/ids';
import { useEffect, useRef } from 'preact/hooks';
import { TrendingList } from './TrendingList';
import { isPageKey } from './useItemKeys';

const FACET_LABEL: Record<Facet, string> = { source: 'Source', task: 'Task', library: 'Library', language: 'Language' };
const FACET_ANY: Record<Facet, string> = { source: 'All sources', task: 'Any task', library: 'Any library', language: 'Any language' };
const SORT_LABEL: Record<SearchSort, string> = { rank: 'Rank', growth: 'Growth per day', newest: 'Newest' };

function optionText(facet: Facet, option: FacetOption): string {
  const name = facet === 'source' ? (sourceInfoOf(option.value as SourceId)?.tab ?? option.value) : option.value;
  return `${name} (${option.count})`;
}

/**
 * The side panel's search box, filters and sort (issue #10), in a search
 * landmark. Each filter offers only the values in the current lists, with
 * how many rows each would show.
 */
export function SearchControls({ search }: { search: SidePanelSearch }) {
  const box = useRef<HTMLInputElement>(null);
  // "/ searches" (issue #10, keyboard): from anywhere but a field, as j and k are (components/useItemKeys.ts `isPageKey`).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || !isPageKey(event)) return;
      event.preventDefault();
      box.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const options = search.options.value;
  const filters = search.filters.value;
  return (
    // A form with role="search" rather than <search>: the landmark every screen reader and axe know (WAI-ARIA 1.2).
    <form class="search" role="search" onSubmit={(event) => event.preventDefault()}>
        <label class="search__label" for="search-query">
          Search every list
        </label>
        <div class="search__row">
          <input
            ref={box}
            id="search-query"
            class="search__input"
            type="search"
            autocomplete="off"
            spellcheck={false}
            maxLength={200}
            placeholder="name, task, library, language, tag  ( / )"
            value={search.query.value}
            onInput={(event) => search.setQuery(event.currentTarget.value)}
          />
          {search.active.value ? (
            // The button goes with the query: the focus goes back to the box, not to the page (issue #10, keyboard).
            <button
              type="button"
              class="search__clear"
              onClick={() => {
                search.clear();
                box.current?.focus();
              }}
            >
              Clear
            </button>
          ) : null}
        </div>
        <div class="search__filters">
          {(Object.keys(FACET_LABEL) as Facet[]).map((facet) => (
            <label class="search__filter" key={facet}>
              <span>{FACET_LABEL[facet]}</span>
              <select value={filters[facet] ?? ''} onChange={(event) => search.setFilter(facet, event.currentTarget.value)}>
                <option value="">{FACET_ANY[facet]}</option>
                {options[facet].map((option) => (
                  <option key={option.value} value={option.value}>
                    {optionText(facet, option)}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <label class="search__filter">
            <span>Sort</span>
            <select value={search.sort.value} onChange={(event) => search.setSort(event.currentTarget.value as SearchSort)}>
              {(Object.keys(SORT_LABEL) as SearchSort[]).map((sort) => (
                <option key={sort} value={sort}>
                  {SORT_LABEL[sort]}
                </option>
              ))}
            </select>
          </label>
        </div>
    </form>
  );
}

const sourceTab = (row: ListRow) => sourceInfoOf(row.item.sourceId).tab;
const sourceMetrics = (row: ListRow) => sourceInfoOf(row.item.sourceId).metrics;
const describedSource = (row: ListRow) => sourceInfoOf(row.item.sourceId).family !== 'huggingface';

/** The count of results, spoken when it changes (a polite live region). */
export function SearchCount({ search }: { search: SidePanelSearch }) {
  const count = search.results.value.length;
  return (
    <p class="search__count" aria-live="polite" aria-atomic="true">
      {search.active.value ? `${count} ${count === 1 ? 'result' : 'results'} across every list` : ''}
    </p>
  );
}

/** One list of every source's rows that match, each naming its source. */
export function SearchResults({ search }: { search: SidePanelSearch }) {
  const rows = search.results.value.map((candidate) => candidate.row);
  return (
    <section class="section search__results" aria-label="Search results">
      {rows.length > 0 ? (
        <TrendingList rows={rows} label="Search results" metrics={sourceMetrics} descriptions={describedSource} sourceOf={sourceTab} />
      ) : (
        <p class="empty">Nothing in the lists matches. Try fewer words, or clear a filter.</p>
      )}
    </section>
  );
}
