import type { MetricName, TrendingItem } from '../sources/contract';
import type { SourceFailure } from '../sources/errors';
import type { SourceId } from '../sources/ids';

/**
 * What the history stores, as plain types: read by every floor (the issue's
 * composition, the models, the views) without importing the database itself.
 */

/**
 * One refresh of one source, stored densely: a year of hourly refreshes must
 * stay a few MB (issue #3). Items are referred to by their catalog key, in
 * rank order (rank = index + 1); each metric is a column aligned with `keys`,
 * `null` where the source did not send it for that item.
 */
export interface Snapshot {
  id?: number;
  sourceId: SourceId;
  /** Epoch ms when the response arrived. */
  fetchedAt: number;
  keys: number[];
  metrics: Partial<Record<MetricName, (number | null)[]>>;
}

/** What an item is (as opposed to how it ranks): kept once per source, updated on every sighting. */
export interface CatalogItem extends Omit<TrendingItem, 'id' | 'metrics'> {
  /** Auto-incremented; what snapshots store. */
  key?: number;
  sourceId: SourceId;
  itemId: string;
  firstSeenAt: number;
  lastSeenAt: number;
}

/** A source's health, read by every surface and by the scheduler on wake (memory is only a cache). */
export interface SourceStatus {
  sourceId: SourceId;
  lastAttemptAt?: number;
  lastSuccessAt?: number;
  /** The most recent failure; cleared by the next success. */
  lastError?: SourceFailure & { at: number };
  consecutiveFailures: number;
  /** When the scheduler will try this source again (success: next interval; failure: back-off). */
  nextAttemptAt?: number;
  /** The server asked us not to call before this (Retry-After, rate limits); nothing overrides it. */
  notBefore?: number;
  /** Entries of the last good response that failed validation and were left out. */
  lastDropped?: number;
  /**
   * The validators the last good (200) response sent, for the URL it answered (issue #12, a polite client):
   * sent back as If-None-Match / If-Modified-Since on the next request for that URL while the list taken then
   * (`listAt`) is still the latest stored. Read bounded (lib/shared/validators.ts).
   */
  validators?: StoredValidators;
  /** Requests made to the source per local day, newest first, a few days kept (issue #12, lib/shared/request-counts.ts). */
  requests?: DayCount[];
}

export interface StoredValidators {
  url: string;
  /** The `fetchedAt` of the list the response was stored as; a 304 keeps that list. */
  listAt: number;
  etag?: string;
  lastModified?: string;
}

export interface DayCount {
  /** `YYYY-MM-DD`, the reader's calendar day (lib/shared/movement.ts `dayIn`). */
  day: string;
  count: number;
}

/** Small facts about the database itself, e.g. when history was last thinned. */
export interface MetaRecord {
  name: string;
  value: number;
}
