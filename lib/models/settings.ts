import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { loadSettingsFrom, onSettingsChange, syncSettingsStorage } from '../browser/settings-storage';
import type { Settings } from '../shared/settings';

/**
 * The reader's settings as a signal, kept current when they change in any
 * context. Read at once, beside the first database read: the popup and the
 * side panel filter their lists by them before they are ready. (The new tab
 * does not import this: its issue was filtered when it was written.)
 */
export function settingsSignal(): ReadonlySignal<Settings | undefined> {
  const settings = signal<Settings | undefined>(undefined);
  effect(() => {
    let disposed = false;
    const load = () =>
      void loadSettingsFrom(syncSettingsStorage).then((value) => {
        if (!disposed) settings.value = value;
      });
    load();
    const unsubscribe = onSettingsChange(load);
    return () => {
      disposed = true;
      unsubscribe();
    };
  });
  return computed(() => settings.value);
}
