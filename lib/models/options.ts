import { action, computed, createModel, effect, signal } from '@preact/signals';
import { loadGithubToken, saveGithubToken, type LocalStorageArea } from '../shared/secrets';
import {
  loadSettings,
  MORNING_TIME_PATTERN,
  REFRESH_INTERVAL_MINUTES,
  saveSettings,
  type Settings,
  type SettingsChange,
  type SettingsStorage,
  THEMES,
  type Theme,
} from '../shared/settings';
import { checkWordList } from '../shared/word-list';
import { SOURCE_IDS, type SourceId } from '../sources/ids';
import { SOURCE_INFO } from '../sources/info';
import { errorMessage } from '../shared/error-message';
import type { ModelAvailability } from '../shared/language-model';

export interface OptionsModelDeps {
  storage: SettingsStorage;
  /** `storage.local`, for the GitHub token. */
  local: LocalStorageArea;
  /** Subscribe to changes made elsewhere (another options tab, sync); returns an unsubscribe. */
  onExternalChange: (listener: () => void) => () => void;
  /**
   * Called with the settings each time they are read or saved: the page puts
   * their theme on itself and in the mirror the other pages paint their first
   * frame with (lib/browser/look.ts, issue #10).
   */
  onSettings?: (settings: Settings) => void;
  /**
   * Whether the browser's built-in language model is ready for the on-device editor (issue #12;
   * lib/browser/language-model.ts `languageModelAvailability`). Absent: the page does not say.
   */
  modelAvailability?: () => Promise<ModelAvailability>;
}

/** A source the reader can turn on or off, by the name they know it by. */
export interface SourceChoice {
  id: SourceId;
  label: string;
}

/** Every source, in the order the reader sees them (the page reads this, never lib/sources). */
const SOURCE_CHOICES: readonly SourceChoice[] = SOURCE_IDS.map((id) => ({ id, label: SOURCE_INFO[id].label }));

export type SaveState = { state: 'idle' } | { state: 'saved'; what: string } | { state: 'failed'; message: string };

/** The fields of the form, each with its own error beside it. */
export type OptionsField =
  | 'refreshIntervalMinutes'
  | 'morningTime'
  | 'badge'
  | 'notifications'
  | 'watchNotifications'
  | 'sources'
  | 'hfTasksInclude'
  | 'hfTasksHide'
  | 'githubLanguages'
  | 'aiKeywords'
  | 'githubToken'
  // The look (issue #10): theme and calm mode.
  | 'theme'
  | 'calm'
  // The on-device editor (issue #12).
  | 'editor';

export type WordListField = 'hfTasksInclude' | 'hfTasksHide' | 'githubLanguages' | 'aiKeywords';

/** Where a word list is saved, given the settings as they stand. */
function wordListChange(field: WordListField, words: string[], settings: Settings): SettingsChange {
  switch (field) {
    case 'hfTasksInclude':
      return { hfTasks: { ...settings.hfTasks, include: words } };
    case 'hfTasksHide':
      return { hfTasks: { ...settings.hfTasks, hide: words } };
    case 'githubLanguages':
      return { githubLanguages: words };
    case 'aiKeywords':
      return { aiKeywords: words };
  }
}

function wordCount(count: number): string {
  return count === 1 ? '1 word' : `${count} words`;
}

export const OptionsModel = createModel((deps: OptionsModelDeps) => {
  const settings = signal<Settings | undefined>(undefined);
  // Every value the page holds is also the page's look (`onSettings`).
  effect(() => {
    const value = settings.value;
    if (value) deps.onSettings?.(value);
  });
  const hasToken = signal(false);
  const saved = signal<SaveState>({ state: 'idle' });
  const errors = signal<Partial<Record<OptionsField, string>>>({});
  const load = async () => {
    const [next, token] = await Promise.all([loadSettings(deps.storage), loadGithubToken(deps.local)]);
    settings.value = next;
    hasToken.value = token !== undefined;
  };
  effect(() => {
    void load();
    return deps.onExternalChange(() => void load());
  });
  const setError = (field: OptionsField, message: string | undefined) => {
    const { [field]: _previous, ...others } = errors.value;
    errors.value = message === undefined ? others : { ...others, [field]: message };
  };
  /** A field the page could not read as a value: nothing is saved, and the field says why. */
  const refuse = (field: OptionsField, message: string) => {
    setError(field, message);
    saved.value = { state: 'failed', message: 'Nothing was saved: a field needs a correction (see beside it).' };
  };
  /**
   * Saves one field's change. The browser may still refuse (storage.sync's
   * quotas, a full disk): then the field says so and the page keeps what the
   * reader typed, so that nothing is lost but the save.
   *
   * Saves are queued, one after another: each reads the stored settings and
   * writes them back, and two at once (a list changed, then the next one
   * before the first was written) would write one over the other. A change
   * may be a function of the settings as they are when its turn comes.
   */
  let queue: Promise<unknown> = Promise.resolve();
  const save = (field: OptionsField, change: SettingsChange | ((current: Settings) => SettingsChange), what: string, refused?: string): Promise<boolean> => {
    const run = async (): Promise<boolean> => {
      try {
        const resolved = typeof change === 'function' ? change(await loadSettings(deps.storage)) : change;
        settings.value = await saveSettings(deps.storage, resolved);
        setError(field, refused);
        saved.value = { state: 'saved', what };
        return true;
      } catch (error) {
        setError(field, `Not saved: the browser refused (${errorMessage(error)}). What you typed is kept; try again.`);
        saved.value = { state: 'failed', message: `Could not save: ${errorMessage(error)}` };
        return false;
      }
    };
    const result = queue.then(run);
    queue = result;
    return result;
  };
  const update = action(async (field: OptionsField, change: SettingsChange | ((current: Settings) => SettingsChange), what: string = 'Saved.') => {
    await save(field, change, what);
  });
  const setRefreshInterval = action(async (text: string) => {
    const minutes = Number(text);
    if (!Number.isInteger(minutes) || minutes < REFRESH_INTERVAL_MINUTES.min || minutes > REFRESH_INTERVAL_MINUTES.max) {
      refuse('refreshIntervalMinutes', `Choose an interval from ${REFRESH_INTERVAL_MINUTES.min} minutes to ${REFRESH_INTERVAL_MINUTES.max / 60} hours.`);
      return;
    }
    await save('refreshIntervalMinutes', { refreshIntervalMinutes: minutes }, 'Saved.');
  });
  const setMorningTime = action(async (text: string) => {
    if (!MORNING_TIME_PATTERN.test(text)) {
      refuse('morningTime', 'Enter a time of day as hours and minutes, such as 07:00.');
      return;
    }
    await save('morningTime', { morningTime: text }, 'Saved.');
  });
  /**
   * Saves what the reader typed in a word list: the words that pass are saved,
   * each refused word is named beside the field, and the list is never wiped
   * by one bad word (issue #10). "Saved." is said only of what was saved.
   */
  const setWordList = action(async (field: WordListField, text: string) => {
    const { words, refused } = checkWordList(text);
    const note = refused.length > 0 ? `Not saved: ${refused.join(' ')}` : undefined;
    const what =
      refused.length === 0
        ? 'Saved.'
        : words.length === 0
          ? 'Saved an empty list; what was refused is named beside the field.'
          : `Saved ${wordCount(words.length)}; what was refused is named beside the field.`;
    await save(field, (current) => wordListChange(field, words, current), what, note);
  });
  const setGithubToken = action(async (token: string) => {
    try {
      await saveGithubToken(deps.local, token);
      hasToken.value = token.trim() !== '';
      setError('githubToken', undefined);
      saved.value = { state: 'saved', what: token.trim() ? 'Token saved on this device.' : 'Token removed.' };
      return true;
    } catch (error) {
      setError('githubToken', errorMessage(error));
      saved.value = { state: 'failed', message: `Could not save: ${errorMessage(error)}` };
      return false;
    }
  });
  // ————— The look (issue #10) —————
  /** The theme, from the choice's value: one of THEMES, else refused beside the field and nothing saved. */
  const setTheme = action(async (value: string) => {
    if (!(THEMES as readonly string[]).includes(value)) {
      refuse('theme', 'Choose the system’s theme, light or dark.');
      return;
    }
    await save('theme', { theme: value as Theme }, 'Saved.');
  });
  const setCalm = action(async (on: boolean) => {
    await save('calm', { calm: on }, 'Saved.');
  });
  // ————— The on-device editor (issue #12) —————
  const setEditor = action(async (on: boolean) => {
    await save('editor', { editor: on }, on ? 'Saved: the built-in model edits the next issue where it is ready.' : 'Saved: the pages show the Post’s own text.');
  });
  const modelAvailability = signal<ModelAvailability | undefined>(undefined);
  effect(() => {
    let live = true;
    void deps.modelAvailability?.().then(
      (state) => live && (modelAvailability.value = state),
      () => live && (modelAvailability.value = 'unavailable'),
    );
    return () => {
      live = false;
    };
  });
  return {
    settings: computed(() => settings.value),
    hasGithubToken: computed(() => hasToken.value),
    loaded: computed(() => settings.value !== undefined),
    saved: computed(() => saved.value),
    /** Each field's error, in the extension's words, shown beside it. */
    errors: computed(() => errors.value),
    sourceChoices: computed(() => SOURCE_CHOICES),
    update,
    setRefreshInterval,
    setMorningTime,
    setWordList,
    setGithubToken,
    setTheme,
    setCalm,
    setEditor,
    /** The built-in model's state, once asked (undefined before, or where the page does not ask). */
    modelAvailability: computed(() => modelAvailability.value),
  };
});

export type OptionsModel = InstanceType<typeof OptionsModel>;
