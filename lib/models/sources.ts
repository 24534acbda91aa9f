import { action, computed, createModel, signal, type ReadonlySignal } from '@preact/signals';
import type { RowsFilter } from '../shared/hf-filters';
import { linkedRepositoriesOf } from '../shared/links';
import { healthOf, listCheckedAt, type Health } from '../shared/health';
import type { ListsRead } from '../history/plain-read';
import type { SourceStatus } from '../shared/records';
import type { LatestList } from '../history/list-view';
import type { ListRow } from '../shared/movement';
import type { RefreshNowReply } from '../shared/messages';
import type { Settings } from '../shared/settings';
import type { SourceId } from '../sources/ids';
import { SOURCE_INFO, type SourceInfo } from '../sources/info';
import { clockSignal, liveQuerySignal, type LiveSource } from './live-query';
import { errorMessage } from '../shared/error-message';

export interface SourcesModelDeps {
  /** Dexie, for the live lists (lib/models/live-query.ts). */
  live: LiveSource;
  /**
   * The page's first read with the plain IndexedDB API (lib/history/plain-read.ts
   * `readLatestLists`, for `sourceIds`), started by the entrypoint before
   * anything else. Absent: the first lists come from the live query.
   */
  firstRead?: Promise<ListsRead>;
  /** Which sources this page shows, in order. */
  sourceIds: readonly SourceId[];
  /** Asks the background worker to refresh now (lib/browser/runtime.ts in the pages). */
  requestRefresh: () => Promise<RefreshNowReply | undefined>;
  /** The reader's settings; undefined until loaded (lib/models/settings.ts in the pages). */
  settings: ReadonlySignal<Settings | undefined>;
  /**
   * The reader's filters for a list: `visibleRows` (lib/shared/filters.ts), or
   * `visibleHuggingFaceRows` on a page that shows only Hugging Face lists. A
   * promise when the page loads the filters after its first paint (the side
   * panel: the AI/ML rule is not needed for the first tab); nothing is shown
   * until it resolves, so no filtered-out row flashes by.
   */
  visibleRows: RowsFilter | Promise<RowsFilter>;
  now?: () => number;
}

/** One source as a page shows it: its list after the reader's filters, and its health. */
export interface SourceView {
  id: SourceId;
  info: SourceInfo;
  fetchedAt: number | undefined;
  /**
   * When the list was last known current: `fetchedAt`, or later when the source has since answered 304 Not
   * Modified (issue #12, lib/shared/health.ts `listCheckedAt`). What "updated … ago" and staleness say.
   */
  checkedAt: number | undefined;
  /** When the list the rows' movement compares with was taken (lib/history/list-view.ts); the side panel's growth per day runs from it. */
  sinceAt?: number;
  rows: ListRow[];
  /** Rows the filters hid. */
  hidden: number;
  status: SourceStatus | undefined;
  health: Health;
}

/**
 * The live lists and health of a page's sources. Components read it and call
 * its actions; the database is read through one liveQuery that re-runs when
 * the worker stores a snapshot or a status (after a first plain read, when the
 * page gives one).
 */
export const SourcesModel = createModel((deps: SourcesModelDeps) => {
  const firstRead = deps.firstRead;
  // The Dexie reader loads with Dexie itself, after the first paint.
  let read: typeof import('../history/read') | undefined;
  const live: LiveSource = {
    ...deps.live,
    open: async () => {
      const [db, module] = await Promise.all([deps.live.open(), import('../history/read')]);
      read = module;
      return db;
    },
  };
  const query = liveQuerySignal<ListsRead>(
    live,
    async (db) => {
      const [lists, statuses] = await Promise.all([Promise.all(deps.sourceIds.map((id) => read!.latestList(db, id))), db.sourceStatus.bulkGet([...deps.sourceIds])]);
      return { lists, statuses };
    },
    firstRead && (() => firstRead),
  );
  const now = clockSignal(deps.now ?? (() => Date.now()));
  const filter = signal<RowsFilter | undefined>(typeof deps.visibleRows === 'function' ? deps.visibleRows : undefined);
  if (typeof deps.visibleRows !== 'function') void deps.visibleRows.then((loaded) => (filter.value = loaded));
  const refreshing = signal(false);
  const refreshError = signal<string | undefined>(undefined);

  const sources = computed<SourceView[]>(() => {
    const state = query.value;
    // Nothing is shown before the settings are known: a filtered-out item must not flash by.
    const settings = deps.settings.value;
    const visibleRows = filter.value;
    if (state.state !== 'ready' || !settings || !visibleRows) return [];
    // The page's own papers list names repositories as their code: those count as AI/ML (lib/sources/ai-rule.ts).
    const papers = state.value.lists[deps.sourceIds.indexOf('hf-papers')];
    const linked = linkedRepositoriesOf(papers?.rows.map((row) => row.item) ?? []);
    return deps.sourceIds
      .map((id, index): SourceView => {
        const list: LatestList | undefined = state.value.lists[index];
        const status = state.value.statuses[index];
        const rows = list ? visibleRows(id, list.rows, settings, list.fetchedAt, linked) : [];
        const checkedAt = list ? listCheckedAt(status, list.fetchedAt) : undefined;
        return {
          id,
          info: SOURCE_INFO[id],
          fetchedAt: list?.fetchedAt,
          checkedAt,
          ...(list?.sinceAt !== undefined ? { sinceAt: list.sinceAt } : {}),
          rows,
          hidden: (list?.rows.length ?? 0) - rows.length,
          status,
          health: healthOf(status, checkedAt, now.value, settings.refreshIntervalMinutes),
        };
      })
      .filter((view) => settings.sources[view.id]);
  });

  const refreshNow = action(async () => {
    if (refreshing.value) return;
    refreshing.value = true;
    refreshError.value = undefined;
    try {
      await deps.requestRefresh();
    } catch (error) {
      // The worker could not be reached; no stored status says so, so say it here.
      refreshError.value = errorMessage(error);
    } finally {
      refreshing.value = false;
    }
  });

  return {
    sources,
    /** True once the database and the settings have answered: pages set `data-ready` then. */
    loaded: computed(() => query.value.state !== 'loading' && deps.settings.value !== undefined && filter.value !== undefined),
    /** The database itself could not be read (the page says so instead of crashing). */
    storageError: computed(() => (query.value.state === 'error' ? query.value.message : undefined)),
    refreshing: computed(() => refreshing.value),
    refreshError: computed(() => refreshError.value),
    now,
    refreshNow,
  };
});

export type SourcesModel = InstanceType<typeof SourcesModel>;
