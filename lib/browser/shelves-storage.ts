import { changesShelves, type ShelfStorage } from '../shared/saved';
import { storageApi } from './storage-api';

/**
 * The reading list and watchlist's storage: `storage.sync` through the
 * browser's own promise API (lib/browser/storage-api.ts: no polyfill on the
 * pages), looked up on each call so that importing this touches no extension
 * API. The shape of what is stored is lib/shared/saved.ts's.
 */
export const syncShelfStorage: ShelfStorage = {
  // `get(null)`: every item, as readShelves reads them (the area's own type names one key at a time). Called as a
  // method of the area: Chrome's are bound to it ("Illegal invocation" otherwise).
  get: (key) => storageApi().sync.get(key as unknown as string),
  set: (items) => storageApi().sync.set(items),
  remove: (key) => storageApi().sync.remove(key),
};

/**
 * Calls `listener` when an entry of either shelf changes in `storage.sync`, from
 * any context: this page, another tab, the worker, or sync bringing another
 * browser's change. Returns the unsubscribe.
 */
export function onShelvesChange(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName === 'sync' && changesShelves(changes)) listener();
  };
  storageApi().onChanged.addListener(handler);
  return () => storageApi().onChanged.removeListener(handler);
}
