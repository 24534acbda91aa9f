import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { mirrorLookHere } from '../browser/look';
import { loadSettingsFrom, onSettingsChange, syncSettingsStorage } from '../browser/settings-storage';
import { readSettings, SETTINGS_KEY, type Settings } from '../shared/settings';

/**
 * The reader's settings as a signal, kept current when they change in any
 * context. Read at once, beside the first database read: the popup and the
 * side panel filter their lists by them before they are ready. `first` is the
 * stored value when the page's early script already asked for it. (The new
 * tab does not import this: its issue was filtered when it was written.)
 * Each value read also sets the page's theme and the mirror of it that the
 * next page paints its first frame with (lib/browser/look.ts, issue #10).
 */
export function settingsSignal(first?: Promise<Record<string, unknown>>): ReadonlySignal<Settings | undefined> {
  const settings = signal<Settings | undefined>(undefined);
  effect(() => {
    let disposed = false;
    let changed = false;
    const set = (value: Settings) => {
      if (disposed) return;
      settings.value = value;
      mirrorLookHere(value);
    };
    const load = () => void loadSettingsFrom(syncSettingsStorage).then(set);
    // The page's early read (lib/models/early-read.ts) answers first unless a change came in after it was asked.
    if (first) first.then((stored) => changed || set(readSettings(stored[SETTINGS_KEY])), load);
    else load();
    const unsubscribe = onSettingsChange(() => {
      changed = true;
      load();
    });
    return () => {
      disposed = true;
      unsubscribe();
    };
  });
  return computed(() => settings.value);
}
