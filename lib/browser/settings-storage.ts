import type { LocalStorageArea } from '../shared/secrets';
import { loadSettings, SETTINGS_KEY, type SettingsStorage } from '../shared/settings';
import { storageApi, storageArea } from './storage-api';

/** Where the settings and the token live (lib/browser/storage-api.ts: no polyfill). */
export const syncSettingsStorage: SettingsStorage = storageArea('sync');
export const localStorageArea: LocalStorageArea = storageArea('local');
export { loadSettings as loadSettingsFrom };

/** Calls `listener` when the settings change in any context; returns an unsubscribe. */
export function onSettingsChange(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName === 'sync' && SETTINGS_KEY in changes) listener();
  };
  storageApi().onChanged.addListener(handler);
  return () => storageApi().onChanged.removeListener(handler);
}
