import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import type { OptionsField, OptionsModel, WordListField } from '@/lib/models/options';
import { MAX_SETTINGS_WORD_LENGTH, MAX_SETTINGS_WORDS } from '@/lib/shared/limits';
import { REFRESH_INTERVAL_MINUTES } from '@/lib/shared/settings';
import { Guard, PageFailed } from '../Guard';
import { useReadyMarker } from '../useReadyMarker';

const INTERVAL_CHOICES = [15, 30, 60, 120, 180, 360, 720, 1440].filter(
  (minutes) => minutes >= REFRESH_INTERVAL_MINUTES.min && minutes <= REFRESH_INTERVAL_MINUTES.max,
);

function intervalLabel(minutes: number): string {
  if (minutes < 60) return `Every ${minutes} minutes`;
  const hours = minutes / 60;
  return hours === 1 ? 'Every hour' : `Every ${hours} hours`;
}

/** The id of a field's error line, which the field names in `aria-describedby`. */
function errorId(field: OptionsField): string {
  return `options-error-${field}`;
}

/** What a field with an error carries: it is marked invalid and described by the error beside it. */
function invalidProps(field: OptionsField, error: string | undefined, hintId?: string) {
  return {
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': [hintId, error ? errorId(field) : undefined].filter(Boolean).join(' ') || undefined,
  };
}

/** A field's error, beside it; empty (and hidden) when the field is fine. */
function FieldError({ field, error }: { field: OptionsField; error: string | undefined }) {
  return (
    <p class="field__error" id={errorId(field)}>
      {error ?? ''}
    </p>
  );
}

interface WordListInputProps {
  model: OptionsModel;
  field: WordListField;
  label: ComponentChildren;
  words: string[];
  placeholder: string;
  error: string | undefined;
}

/** A word list typed as text: uncontrolled, so what the reader typed stays there whatever was refused or failed. */
function WordListInput({ model, field, label, words, placeholder, error }: WordListInputProps) {
  return (
    <div class="field">
      <label class="field__label" for={`options-${field}`}>
        {label}
      </label>
      <input
        id={`options-${field}`}
        type="text"
        defaultValue={words.join(', ')}
        placeholder={placeholder}
        {...invalidProps(field, error, 'options-words-hint')}
        onChange={(event) => void model.setWordList(field, (event.target as HTMLInputElement).value)}
      />
      <FieldError field={field} error={error} />
    </div>
  );
}

export interface OptionsPageProps {
  model: OptionsModel;
  requestNotifications: () => Promise<boolean>;
}

export function OptionsPage(props: OptionsPageProps) {
  // A page that throws shows its title and a notice, never a blank page (issue #9).
  return (
    <Guard
      name="The options page"
      fallback={
        <main class="options">
          <h1 class="options__title">The AI Morning Post — options</h1>
          <PageFailed />
        </main>
      }
    >
      <OptionsForm {...props} />
    </Guard>
  );
}

function OptionsForm({ model, requestNotifications }: OptionsPageProps) {
  const settings = model.settings.value;
  const token = useSignal('');
  useReadyMarker(model.loaded.value);
  const saved = model.saved.value;
  const errors = model.errors.value;
  if (!settings) return <main class="options"><p>Loading your settings…</p></main>;

  return (
    <main class="options">
      <h1 class="options__title">The AI Morning Post — options</h1>
      <p class="options__saved" role="status" data-state={saved.state}>
        {saved.state === 'saved' ? saved.what : saved.state === 'failed' ? saved.message : ''}
      </p>
      <form class="options__form" onSubmit={(event) => event.preventDefault()}>
        <fieldset class="options__group">
          <legend>Refreshing</legend>
          <label class="field">
            <span class="field__label">Refresh the trending lists</span>
            <select
              value={String(settings.refreshIntervalMinutes)}
              {...invalidProps('refreshIntervalMinutes', errors.refreshIntervalMinutes)}
              onChange={(event) => void model.setRefreshInterval((event.target as HTMLSelectElement).value)}
            >
              {INTERVAL_CHOICES.map((minutes) => (
                <option key={minutes} value={String(minutes)}>
                  {intervalLabel(minutes)}
                </option>
              ))}
            </select>
          </label>
          <FieldError field="refreshIntervalMinutes" error={errors.refreshIntervalMinutes} />
        </fieldset>

        <fieldset class="options__group">
          <legend>The daily issue</legend>
          <label class="field">
            <span class="field__label">Publish each morning at</span>
            <input
              type="time"
              defaultValue={settings.morningTime}
              required
              {...invalidProps('morningTime', errors.morningTime)}
              onChange={(event) => void model.setMorningTime((event.target as HTMLInputElement).value)}
            />
          </label>
          <FieldError field="morningTime" error={errors.morningTime} />
          <label class="check">
            <input
              type="checkbox"
              checked={settings.badge}
              {...invalidProps('badge', errors.badge)}
              onChange={(event) => void model.update('badge', { badge: (event.target as HTMLInputElement).checked })}
            />
            Show the number of unread issues on the toolbar icon
          </label>
          <FieldError field="badge" error={errors.badge} />
          <label class="check">
            <input
              type="checkbox"
              checked={settings.notifications}
              {...invalidProps('notifications', errors.notifications)}
              onChange={async (event) => {
                const on = (event.target as HTMLInputElement).checked;
                // The permission is asked for here, on the click, and only when turning it on.
                const granted = on ? await requestNotifications().catch(() => false) : true;
                void model.update('notifications', { notifications: on && granted }, on && !granted ? 'Notifications were not allowed.' : 'Saved.');
              }}
            />
            Notify me with the headline when a new issue is out
          </label>
          <FieldError field="notifications" error={errors.notifications} />
          <p class="field__hint">
            If the browser is closed at that time, the issue comes out at the first refresh after it. The first issue is
            published as soon as the extension is installed.
          </p>
        </fieldset>

        <fieldset class="options__group">
          <legend>Sources</legend>
          {model.sourceChoices.value.map(({ id, label }) => (
            <label class="check" key={id}>
              <input
                type="checkbox"
                checked={settings.sources[id]}
                {...invalidProps('sources', errors.sources)}
                onChange={(event) => {
                  // Applied to the sources as stored when its turn to save comes, so that quick clicks do not undo each other.
                  const on = (event.target as HTMLInputElement).checked;
                  void model.update('sources', (current) => ({ sources: { ...current.sources, [id]: on } }));
                }}
              />
              {label}
            </label>
          ))}
          <FieldError field="sources" error={errors.sources} />
          <p class="field__hint">A source turned off is neither requested nor shown.</p>
        </fieldset>

        <fieldset class="options__group">
          <legend>Filters</legend>
          <WordListInput
            model={model}
            field="hfTasksInclude"
            label="Only these Hugging Face tasks"
            words={settings.hfTasks.include}
            placeholder="all tasks — e.g. text-generation, image-text-to-text"
            error={errors.hfTasksInclude}
          />
          <WordListInput
            model={model}
            field="hfTasksHide"
            label="Hide these Hugging Face tasks"
            words={settings.hfTasks.hide}
            placeholder="e.g. text-to-image"
            error={errors.hfTasksHide}
          />
          <WordListInput
            model={model}
            field="githubLanguages"
            label="Only GitHub repositories in these languages"
            words={settings.githubLanguages}
            placeholder="all languages — e.g. Python, Rust"
            error={errors.githubLanguages}
          />
          <WordListInput
            model={model}
            field="aiKeywords"
            label="More words that make a trending repository AI/ML"
            words={settings.aiKeywords}
            placeholder="e.g. robotics, bioinformatics"
            error={errors.aiKeywords}
          />
          <p class="field__hint" id="options-words-hint">
            Separate words with commas: up to {MAX_SETTINGS_WORDS} in each list, each of at most {MAX_SETTINGS_WORD_LENGTH}{' '}
            characters (letters, digits, spaces and the marks - . _ + # ' * / ( and ), so that your settings fit the browser's sync
            storage. Filters apply at once, to every list.
          </p>
        </fieldset>

        <fieldset class="options__group">
          <legend>GitHub token (optional)</legend>
          <p class="field__hint">
            Anonymous GitHub search allows 10 searches a minute; a token raises that. It is kept on this device only
            (never synced) and sent only to api.github.com. A token with no scopes is enough.
          </p>
          <label class="field">
            <span class="field__label">{model.hasGithubToken.value ? 'Replace the saved token' : 'Personal access token'}</span>
            <input
              type="password"
              autoComplete="off"
              value={token.value}
              {...invalidProps('githubToken', errors.githubToken)}
              onInput={(event) => (token.value = (event.target as HTMLInputElement).value)}
            />
          </label>
          <FieldError field="githubToken" error={errors.githubToken} />
          <div class="options__buttons">
            <button type="button" onClick={() => void model.setGithubToken(token.value).then((saved) => saved && (token.value = ''))} disabled={!token.value.trim()}>
              Save token
            </button>
            {model.hasGithubToken.value ? (
              <button type="button" onClick={() => void model.setGithubToken('')}>
                Remove token
              </button>
            ) : null}
          </div>
        </fieldset>
      </form>
      <section class="options__privacy">
        <h2>Privacy</h2>
        <p>
          The extension asks Hugging Face and GitHub for their public trending lists and keeps them in this browser.
          It sends no analytics, uses no account and has no server of its own.
        </p>
      </section>
    </main>
  );
}
