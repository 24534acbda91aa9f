import { browser } from 'wxt/browser';
import { loadSettings, SETTINGS_KEY, type SettingsStorage } from '../shared/settings';

export const syncSettingsStorage: SettingsStorage = browser.storage.sync;
export const localStorageArea = browser.storage.local;
export { loadSettings as loadSettingsFrom };

/** Calls `listener` when the settings change in any context; returns an unsubscribe. */
export function onSettingsChange(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
