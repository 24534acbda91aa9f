import { action, computed, createModel, effect, signal } from '@preact/signals';
import { loadGithubToken, saveGithubToken, type LocalStorageArea } from '../shared/secrets';
import { loadSettings, saveSettings, type Settings, type SettingsChange, type SettingsStorage } from '../shared/settings';
import { SOURCE_IDS, type SourceId } from '../sources/ids';
import { SOURCE_INFO } from '../sources/info';
import { errorMessage } from '../shared/error-message';

export interface OptionsModelDeps {
  storage: SettingsStorage;
  /** `storage.local`, for the GitHub token. */
  local: LocalStorageArea;
  /** Subscribe to changes made elsewhere (another options tab, sync); returns an unsubscribe. */
  onExternalChange: (listener: () => void) => () => void;
}

/** A source the reader can turn on or off, by the name they know it by. */
export interface SourceChoice {
  id: SourceId;
  label: string;
}

/** Every source, in the order the reader sees them (the page reads this, never lib/sources). */
const SOURCE_CHOICES: readonly SourceChoice[] = SOURCE_IDS.map((id) => ({ id, label: SOURCE_INFO[id].label }));

export type SaveState = { state: 'idle' } | { state: 'saved'; what: string } | { state: 'failed'; message: string };

export const OptionsModel = createModel((deps: OptionsModelDeps) => {
  const settings = signal<Settings | undefined>(undefined);
  const hasToken = signal(false);
  const saved = signal<SaveState>({ state: 'idle' });
  const load = async () => {
    const [next, token] = await Promise.all([loadSettings(deps.storage), loadGithubToken(deps.local)]);
    settings.value = next;
    hasToken.value = token !== undefined;
  };
  effect(() => {
    void load();
    return deps.onExternalChange(() => void load());
  });
  const update = action(async (change: SettingsChange, what: string = 'Saved.') => {
    try {
      settings.value = await saveSettings(deps.storage, change);
      saved.value = { state: 'saved', what };
    } catch (error) {
      saved.value = { state: 'failed', message: errorMessage(error) };
    }
  });
  const setGithubToken = action(async (token: string) => {
    try {
      await saveGithubToken(deps.local, token);
      hasToken.value = token.trim() !== '';
      saved.value = { state: 'saved', what: token.trim() ? 'Token saved on this device.' : 'Token removed.' };
    } catch (error) {
      saved.value = { state: 'failed', message: errorMessage(error) };
    }
  });
  return {
    settings: computed(() => settings.value),
    hasGithubToken: computed(() => hasToken.value),
    loaded: computed(() => settings.value !== undefined),
    saved: computed(() => saved.value),
    sourceChoices: computed(() => SOURCE_CHOICES),
    update,
    setGithubToken,
  };
});

export type OptionsModel = InstanceType<typeof OptionsModel>;
