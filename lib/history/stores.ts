/**
 * The database's name and the raw names Dexie gives its stores and indexes
 * (schema.ts): Dexie names a compound index `[a+b]` with key path `['a', 'b']`.
 * The pages' first read (plain-read.ts) uses the plain IndexedDB API with
 * these names, so that the first paint does not wait for Dexie to load.
 */
export const DB_NAME = 'ai-morning-post';

export const STORES = {
  snapshots: 'snapshots',
  catalog: 'catalog',
  sourceStatus: 'sourceStatus',
  issues: 'issues',
  /** v4 onwards (issue #8): each source's latest list, ready to paint (lib/history/list-view.ts `LatestList`). */
  lists: 'lists',
} as const;

/** snapshots: `[sourceId+fetchedAt]` (schema.ts, v2 onwards). */
export const SNAPSHOTS_BY_SOURCE_AND_TIME = '[sourceId+fetchedAt]';
