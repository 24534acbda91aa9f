import type { LocalStorageArea } from '../shared/secrets';
import { loadSettings, SETTINGS_KEY, type SettingsStorage } from '../shared/settings';

/**
 * The extension's storage areas, read through each browser's own promise-based
 * API — Firefox's `browser.storage`, Chrome's `chrome.storage` (promises in
 * Manifest V3) — rather than webextension-polyfill: the popup and the side
 * panel wait for the settings before they are ready, and the polyfill would be
 * 3 KB gzip more of JavaScript before that (issue #8). Looked up on use, so
 * that importing this module touches no extension API.
 */
interface StorageApi {
  sync: LocalStorageArea;
  local: LocalStorageArea;
  onChanged: {
    addListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
    removeListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
  };
}

function storageApi(): StorageApi {
  const scope = globalThis as { browser?: { storage?: StorageApi }; chrome?: { storage?: StorageApi } };
  const api = scope.browser?.storage ?? scope.chrome?.storage;
  if (!api) throw new Error('The extension storage API is not available on this page.');
  return api;
}

const area = (name: 'sync' | 'local'): LocalStorageArea => ({
  get: (key) => storageApi()[name].get(key),
  set: (items) => storageApi()[name].set(items),
  remove: (key) => storageApi()[name].remove(key),
});

export const syncSettingsStorage: SettingsStorage = area('sync');
export const localStorageArea: LocalStorageArea = area('local');
export { loadSettings as loadSettingsFrom };

/** Calls `listener` when the settings change in any context; returns an unsubscribe. */
export function onSettingsChange(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName === 'sync' && SETTINGS_KEY in changes) listener();
  };
  storageApi().onChanged.addListener(handler);
  return () => storageApi().onChanged.removeListener(handler);
}
