import { computed, createModel, signal } from '@preact/signals';
import type { SourceStatus } from '../shared/records';
import { dayOf, requestRow, type RequestRow } from '../shared/request-counts';
import { SOURCE_IDS, type SourceId } from '../sources/ids';
import { SOURCE_INFO } from '../sources/info';
import { errorMessage } from '../shared/error-message';

export interface RequestCountsDeps {
  /** Every source's stored status, in `SOURCE_IDS` order (entrypoints/options/request-counts.ts reads them with the plain IndexedDB API). */
  read: () => Promise<readonly (SourceStatus | undefined)[]>;
  now: () => number;
  /** The reader's IANA time zone, whose days the worker counts in (lib/shared/time.ts `systemTimeZone`). */
  timeZone: () => string;
}

export interface RequestCountRow extends RequestRow {
  id: SourceId;
  label: string;
}

export type RequestCountsState = { state: 'loading' } | { state: 'ready'; rows: RequestCountRow[] } | { state: 'failed'; message: string };

/**
 * The requests this browser made to each source, per day (issue #12): read
 * once when the options page opens, from the statuses the worker counts into
 * (lib/background/refresh.ts). Every source is listed, the ones turned off and
 * the ones never asked too (with zeros).
 */
export const RequestCountsModel = createModel((deps: RequestCountsDeps) => {
  const state = signal<RequestCountsState>({ state: 'loading' });
  void deps
    .read()
    .then((statuses) => {
      const today = dayOf(deps.now(), deps.timeZone());
      state.value = {
        state: 'ready',
        rows: SOURCE_IDS.map((id, index) => ({ id, label: SOURCE_INFO[id].label, ...requestRow(id, statuses[index]?.requests, today) })),
      };
    })
    .catch((error: unknown) => {
      state.value = { state: 'failed', message: `The counts could not be read (${errorMessage(error)}).` };
    });
  return { state: computed(() => state.value) };
});

export type RequestCountsModel = InstanceType<typeof RequestCountsModel>;
