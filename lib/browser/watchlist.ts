import { browser } from 'wxt/browser';
import { readShelves, type SavedEntry } from '../shared/saved';

/**
 * The reader's watchlist as the background reads it before composing an issue:
 * every key of `storage.sync`, read through lib/shared/saved.ts (which checks
 * each entry as remote input and keeps at most its bound).
 */
export async function readWatchlist(): Promise<Pick<SavedEntry, 'kind' | 'id'>[]> {
  return readShelves(await browser.storage.sync.get(null)).watch.map(({ kind, id }) => ({ kind, id }));
}
