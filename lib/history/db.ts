import Dexie, { type EntityTable, type Table } from 'dexie';
import type { MetricName, TrendingItem } from '../sources/contract';
import type { SourceFailure } from '../sources/errors';
import type { SourceId } from '../sources/ids';

export const DB_NAME = 'ai-morning-post';

/** One refresh of one source: the rank and metrics of every item, in list order. */
export interface Snapshot {
  id?: number;
  sourceId: SourceId;
  /** Epoch ms when the response arrived. */
  fetchedAt: number;
  entries: SnapshotEntry[];
}

export interface SnapshotEntry {
  itemId: string;
  /** 1-based position in the source's list. */
  rank: number;
  metrics: Partial<Record<MetricName, number>>;
}

/** What an item is (as opposed to how it ranks): kept once, updated on every sighting. */
export interface StoredItem extends Omit<TrendingItem, 'id' | 'metrics'> {
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
}

export class MorningPostDB extends Dexie {
  snapshots!: EntityTable<Snapshot, 'id'>;
  items!: Table<StoredItem, [SourceId, string]>;
  sourceStatus!: EntityTable<SourceStatus, 'sourceId'>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // Version 1. Every later version gets an upgrade and a test that opens a
    // database written by the version before it (engineering.md, habit 6).
    this.version(1).stores({
      snapshots: '++id, [sourceId+fetchedAt], fetchedAt',
      items: '[sourceId+itemId], sourceId, lastSeenAt',
      sourceStatus: 'sourceId',
    });
  }
}
