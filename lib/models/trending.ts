import { action, computed, createModel, signal } from '@preact/signals';
import type { MorningPostDB, SourceStatus } from '../history/db';
import { latestList, type LatestList } from '../history/read';
import type { RefreshNowReply } from '../messages';
import type { SourceId } from '../sources/ids';
import { clockSignal, liveQuerySignal } from './live-query';

export interface TrendingModelDeps {
  db: MorningPostDB;
  sourceId: SourceId;
  /** Asks the background worker to refresh now (lib/browser/runtime.ts in the pages). */
  requestRefresh: () => Promise<RefreshNowReply | undefined>;
  now?: () => number;
}

/**
 * One source's live list and health for a page: what the lists, the status
 * line and the readiness marker read. Components only read it and call its
 * actions.
 */
export const TrendingModel = createModel((deps: TrendingModelDeps) => {
  const query = liveQuerySignal(async () => {
    const [list, status] = await Promise.all([latestList(deps.db, deps.sourceId), deps.db.sourceStatus.get(deps.sourceId)]);
    return { list, status };
  });
  const refreshing = signal(false);
  const refreshError = signal<string | undefined>(undefined);

  const list = computed<LatestList | undefined>(() =>
    query.value.state === 'ready' ? query.value.value.list : undefined,
  );
  const status = computed<SourceStatus | undefined>(() =>
    query.value.state === 'ready' ? query.value.value.status : undefined,
  );
  /** True once the database has answered, with data or without: pages set `data-ready` then. */
  const loaded = computed(() => query.value.state !== 'loading');
  /** The database itself could not be read (the page shows this instead of crashing). */
  const storageError = computed(() => (query.value.state === 'error' ? query.value.message : undefined));

  const refreshNow = action(async () => {
    if (refreshing.value) return;
    refreshing.value = true;
    refreshError.value = undefined;
    try {
      await deps.requestRefresh();
    } catch (error) {
      // The worker could not be reached; the stored status says nothing about it, so say it here.
      refreshError.value = error instanceof Error ? error.message : String(error);
    } finally {
      refreshing.value = false;
    }
  });

  return {
    list,
    status,
    loaded,
    storageError,
    refreshing: computed(() => refreshing.value),
    refreshError: computed(() => refreshError.value),
    now: clockSignal(deps.now ?? (() => Date.now())),
    refreshNow,
  };
});

export type TrendingModel = InstanceType<typeof TrendingModel>;
