import type { LocalStorageArea } from '../shared/secrets';

/**
 * The extension's storage API through each browser's own promise-based object
 * — Firefox's `browser.storage`, Chrome's `chrome.storage` (promises in
 * Manifest V3) — rather than webextension-polyfill: the popup and the side
 * panel wait for the settings before they are ready, and the polyfill would be
 * 3 KB gzip more of JavaScript before that (issue #8). Looked up on use, so
 * that importing this module touches no extension API.
 */
export interface StorageApi {
  sync: LocalStorageArea;
  local: LocalStorageArea;
  onChanged: {
    addListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
    removeListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
  };
}

export function storageApi(): StorageApi {
  const scope = globalThis as { browser?: { storage?: StorageApi }; chrome?: { storage?: StorageApi } };
  const api = scope.browser?.storage ?? scope.chrome?.storage;
  if (!api) throw new Error('The extension storage API is not available on this page.');
  return api;
}

/** A storage area, looked up on each call. */
export function storageArea(name: 'sync' | 'local'): LocalStorageArea {
  return {
    get: (key) => storageApi()[name].get(key),
    set: (items) => storageApi()[name].set(items),
    remove: (key) => storageApi()[name].remove(key),
  };
}
