import { effect, signal, type ReadonlySignal } from '@preact/signals';
import { computed } from '@preact/signals';
import type { Settings } from '../shared/settings';

/**
 * The reader's settings as a signal, kept current when they change in any
 * context. The storage wrapper (and the extension API with it) is imported on
 * demand, in parallel with the first database read, so it stays off the new
 * tab's first-paint bundle.
 */
export function settingsSignal(): ReadonlySignal<Settings | undefined> {
  const settings = signal<Settings | undefined>(undefined);
  effect(() => {
    let unsubscribe: (() => void) | undefined;
    let disposed = false;
    void import('../browser/settings-storage').then(({ syncSettingsStorage, onSettingsChange, loadSettingsFrom }) => {
      if (disposed) return;
      const load = () => void loadSettingsFrom(syncSettingsStorage).then((value) => (settings.value = value));
      load();
      unsubscribe = onSettingsChange(load);
    });
    return () => {
      disposed = true;
      unsubscribe?.();
    };
  });
  return computed(() => settings.value);
}
