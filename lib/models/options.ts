import { action, computed, createModel, effect, signal } from '@preact/signals';
import { loadSettings, saveSettings, type Settings, type SettingsStorage } from '../settings';

export interface OptionsModelDeps {
  storage: SettingsStorage;
  /** Subscribe to changes made elsewhere (another options tab, sync); returns an unsubscribe. */
  onExternalChange: (listener: () => void) => () => void;
}

export const OptionsModel = createModel((deps: OptionsModelDeps) => {
  const settings = signal<Settings | undefined>(undefined);
  const saved = signal<'idle' | 'saved' | 'failed'>('idle');
  const load = () => loadSettings(deps.storage).then((value) => (settings.value = value));
  effect(() => {
    void load();
    return deps.onExternalChange(() => void load());
  });
  const update = action(async (change: Partial<Omit<Settings, 'version'>>) => {
    try {
      settings.value = await saveSettings(deps.storage, change);
      saved.value = 'saved';
    } catch {
      saved.value = 'failed';
    }
  });
  return {
    settings: computed(() => settings.value),
    loaded: computed(() => settings.value !== undefined),
    saved: computed(() => saved.value),
    update,
  };
});

export type OptionsModel = InstanceType<typeof OptionsModel>;
