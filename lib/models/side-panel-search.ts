import { action, computed, createModel, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { MorningPostDB } from '../history/db';
import { GROWTH_METRIC, growthPerDay, seriesOf } from '../shared/growth';
import type { ListRow } from '../shared/movement';
import type { Snapshot } from '../shared/records';
import {
  candidateKey,
  FACETS,
  facetOptions,
  queryWords,
  selectCandidates,
  sortCandidates,
  type Candidate,
  type Facet,
  type FacetOption,
  type SearchFilters,
  type SearchSort,
} from '../shared/search';
import type { SourceId } from '../sources/ids';
import { SOURCE_INFO, type SourceInfo } from '../sources/info';
import { subscribeLive, type LiveSource } from './live-query';
import type { SourceView } from './sources';


/** What a result row shows of its source: its tab's name, its metrics, whether its descriptions are shown. */
export function sourceInfoOf(sourceId: SourceId): SourceInfo {
  return SOURCE_INFO[sourceId];
}

/** A source's latest snapshot and the one its rows' movement compares with. */
export interface GrowthSnapshots {
  sourceId: SourceId;
  latest: Snapshot | undefined;
  baseline: Snapshot | undefined;
}

/**
 * Growth per day of each row's `GROWTH_METRIC` between the baseline and the
 * latest snapshot, by `candidateKey`; rows with no figure (new today, no
 * baseline, the metric missing, under 20 h apart) are left out. The one
 * implementation is lib/shared/movement.ts `growthPerDay`.
 */
export function growthOfRows(sourceId: SourceId, rows: readonly ListRow[], snapshots: GrowthSnapshots | undefined): Map<string, number> {
  const growth = new Map<string, number>();
  if (!snapshots?.latest || !snapshots.baseline) return growth;
  const pair = [snapshots.baseline, snapshots.latest];
  for (const row of rows) {
    if (row.item.key === undefined) continue;
    const rate = growthPerDay(seriesOf(pair, row.item.key, GROWTH_METRIC[sourceId]));
    if (rate) growth.set(candidateKey(sourceId, row.itemId), rate.perDay);
  }
  return growth;
}

function isSearchable(row: ListRow): boolean {
  const item = row.item as ListRow['item'] | null | undefined;
  return typeof row.itemId === 'string' && typeof item === 'object' && item !== null && typeof item.name === 'string';
}

export interface SidePanelSearchDeps {
  /** The live lists (lib/models/sources.ts): results follow each refresh. */
  sources: ReadonlySignal<SourceView[]>;
  /** Dexie, for the snapshots growth per day compares; read only while that sort is chosen. Absent: no growth figures. */
  live?: LiveSource;
}

/**
 * The side panel's query, filters and sort, and the combined result list they
 * give across every source (issue #10). The results are computed from the
 * live lists, so a refresh that lands while the reader types changes them and
 * nothing else: the query, the filters and the sort stay.
 */
export const SidePanelSearch = createModel((deps: SidePanelSearchDeps) => {
  const query = signal('');
  const filters = signal<SearchFilters>({});
  const sort = signal<SearchSort>('rank');
  const snapshots = signal<readonly GrowthSnapshots[]>([]);

  // The snapshots are read only while the growth sort is chosen: most readers never ask, and Dexie loads on demand.
  const baselines = computed(() => (sort.value === 'growth' ? deps.sources.value.map((view) => [view.id, view.sinceAt] as const) : undefined));
  const baselinesKey = computed(() => JSON.stringify(baselines.value ?? null));
  effect(() => {
    const wanted = baselines.peek();
    const live = deps.live;
    void baselinesKey.value;
    if (!wanted || !live) return;
    return subscribeLive(
      live,
      async (db: MorningPostDB) => {
        const read = await import('../history/read');
        return Promise.all(
          wanted.map(async ([sourceId, sinceAt]): Promise<GrowthSnapshots> => {
            const [latest, baseline] = await Promise.all([read.latestSnapshot(db, sourceId), sinceAt === undefined ? undefined : read.snapshotAtOrBefore(db, sourceId, sinceAt)]);
            return { sourceId, latest, baseline };
          }),
        );
      },
      (state) => {
        if (state.state === 'ready') snapshots.value = state.value;
      },
    );
  });

  // A stored row of another shape (no item: issue #9) is left out here; its tab's list shows the notice for it,
  // and the search box still works over every other row.
  const candidates = computed<Candidate[]>(() =>
    deps.sources.value.flatMap((view, sourceIndex) =>
      view.rows.flatMap((row): Candidate[] => (isSearchable(row) ? [{ row, sourceId: view.id, sourceIndex }] : [])),
    ),
  );
  const words = computed(() => queryWords(query.value));
  const growth = computed(() => {
    const byKey = new Map<string, number>();
    if (sort.value !== 'growth') return byKey;
    for (const view of deps.sources.value) {
      for (const [key, perDay] of growthOfRows(view.id, view.rows, snapshots.value.find((entry) => entry.sourceId === view.id))) byKey.set(key, perDay);
    }
    return byKey;
  });
  const results = computed(() => sortCandidates(selectCandidates(candidates.value, words.value, filters.value), sort.value, growth.value));
  const options = computed(() => {
    const byFacet = {} as Record<Facet, FacetOption[]>;
    for (const facet of FACETS) byFacet[facet] = facetOptions(candidates.value, words.value, filters.value, facet);
    return byFacet;
  });

  return {
    query: computed(() => query.value),
    filters: computed(() => filters.value),
    sort: computed(() => sort.value),
    /** A query or a filter is set: the panel shows the combined results instead of the tabs. */
    active: computed(() => words.value.length > 0 || FACETS.some((facet) => filters.value[facet] !== undefined)),
    results,
    options,
    growth,
    setQuery: action((text: string) => (query.value = text)),
    setFilter: action((facet: Facet, value: string | undefined) => {
      const next = { ...filters.value };
      if (value === undefined || value === '') delete next[facet];
      else next[facet] = value;
      filters.value = next;
    }),
    setSort: action((next: SearchSort) => (sort.value = next)),
    clear: action(() => {
      query.value = '';
      filters.value = {};
    }),
  };
});

export type SidePanelSearch = InstanceType<typeof SidePanelSearch>;
