import type { ListFilters } from '../shared/filters';
import type { CatalogItem, Snapshot, SourceStatus } from '../shared/records';
import type { SavedEntry } from '../shared/saved';
import type { SourceId } from '../sources/ids';

/**
 * What composing an issue reads from the history, gathered in one pass so
 * that `composeIssue` stays a pure function of it (no database, no browser
 * API, the clock passed in).
 */
export interface SourceWindow {
  sourceId: SourceId;
  /** Every stored snapshot of the last `WINDOW_DAYS` days, oldest first. */
  snapshots: Snapshot[];
  /** Catalog entries for every key those snapshots hold. */
  items: Map<number, CatalogItem>;
  status?: SourceStatus;
}

export interface IssueInputs {
  now: number;
  /**
   * The reader's IANA time zone ("Europe/Paris"): what "today", "yesterday"
   * and the dateline mean. An input, never read from the machine, so the same
   * inputs give a byte-identical issue anywhere (issue #7).
   */
  timeZone: string;
  /** The number this issue will carry. */
  number: number;
  windows: Partial<Record<SourceId, SourceWindow>>;
  filters: ListFilters;
  /** Sources the reader turned off are not in the issue. */
  enabled: Record<SourceId, boolean>;
  /**
   * The reader's watchlist (lib/shared/saved.ts, read from `storage.sync` by the background): what the watch
   * piece looks for. Absent or empty, the issue has no watch piece.
   */
  watchlist?: readonly WatchEntry[];
}

/** A watched item as the issue needs it: its kind and validated id. */
export type WatchEntry = Pick<SavedEntry, 'kind' | 'id'>;
