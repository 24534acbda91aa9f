import { useSignal, type ReadonlySignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import type { OptionsField, OptionsModel, WordListField } from '@/lib/models/options';
import type { DataControl, DataStatus, DataTransferModel } from '@/lib/models/data-transfer';
import { MAX_SETTINGS_WORD_LENGTH, MAX_SETTINGS_WORDS } from '@/lib/shared/limits';
import { REFRESH_INTERVAL_MINUTES, THEMES, type Settings, type Theme } from '@/lib/shared/settings';
import type { RequestCountsModel } from '@/lib/models/request-counts';
import type { ModelAvailability } from '@/lib/shared/language-model';
import { Guard, PageFailed } from '../Guard';
import { RequestCounts } from '../RequestCounts';
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
/**
 * A switch for a notification (the new issue's, the watchlist's): the permission is asked for here, on the click,
 * and only when turning it on; refused, the switch stays off and the page says so.
 */
function NotificationSwitch({
  model,
  request,
  field,
  on,
  error,
  children,
}: {
  model: OptionsModel;
  request: () => Promise<boolean>;
  field: 'notifications' | 'watchNotifications';
  on: boolean;
  error: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <>
      <label class="check">
        <input
          type="checkbox"
          checked={on}
          {...invalidProps(field, error)}
          onChange={async (event) => {
            const wanted = (event.target as HTMLInputElement).checked;
            const granted = wanted ? await request().catch(() => false) : true;
            void model.update(field, { [field]: wanted && granted }, wanted && !granted ? 'Notifications were not allowed.' : 'Saved.');
          }}
        />
        {children}
      </label>
      <FieldError field={field} error={error} />
    </>
  );
}

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
  /** The "Your data" section: export, import, clear (issue #10). */
  data?: DataTransferModel;
  /** The requests made to each source, per day (issue #12): loaded after the page is ready, so at first none. */
  requests?: ReadonlySignal<RequestCountsModel | undefined>;
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

function OptionsForm({ model, data, requests, requestNotifications }: OptionsPageProps) {
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
        <LookFields model={model} settings={settings} errors={errors} />
        <EditorFields model={model} settings={settings} errors={errors} />
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
          <NotificationSwitch model={model} request={requestNotifications} field="notifications" on={settings.notifications} error={errors.notifications}>
            Notify me with the headline when a new issue is out
          </NotificationSwitch>
          <NotificationSwitch model={model} request={requestNotifications} field="watchNotifications" on={settings.watchNotifications} error={errors.watchNotifications}>
            Notify me when a watched item moves
          </NotificationSwitch>
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
      {requests?.value ? (
        <Guard name="The requests to the sources" fallback={<section class="options__data"><h2>Requests to the sources</h2><PageFailed /></section>}>
          <RequestCounts model={requests.value} />
        </Guard>
      ) : null}
      {data ? (
        <Guard name="Your data" fallback={<section class="options__data"><h2>Your data</h2><PageFailed /></section>}>
          <DataSection data={data} />
        </Guard>
      ) : null}
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

/**
 * What a data control says beside itself: busy, done, or why it failed. A live
 * region, so it is read out; not role=status, which stays the page's one save line.
 */
function DataNote({ control, status }: { control: DataControl; status: DataStatus }) {
  const text = status.state === 'busy' ? 'Working…' : status.state === 'done' || status.state === 'failed' ? status.message : '';
  return (
    <p class="data__note" id={`data-note-${control}`} aria-live="polite" data-state={status.state}>
      {text}
    </p>
  );
}

/** A stable ref, so the confirm step's first button takes the focus when it appears, not on every render. */
const focusOnMount = (button: HTMLButtonElement | null) => button?.focus();

/**
 * Export all data, import it back, clear it (issue #10). Import and clear
 * replace or delete everything, so each asks first, in the page (a confirm
 * step the keyboard and screen readers reach like any other control).
 */
function DataSection({ data }: { data: DataTransferModel }) {
  const status = data.status.value;
  const pending = data.pending.value;
  const busy = Object.values(status).some((one) => one.state === 'busy');
  return (
    <section class="options__data" aria-labelledby="data-title">
      <h2 id="data-title">Your data</h2>
      <p class="field__hint">
        Everything this extension keeps in this browser — settings, your reading list and watchlist, the archive of issues
        and the history of the trending lists — in one JSON file. The GitHub token is a secret: it is never exported.
      </p>
      <div class="data__control">
        <button type="button" disabled={busy} aria-describedby="data-note-export" onClick={() => void data.exportAll()}>
          Export all data
        </button>
        <DataNote control="export" status={status.export} />
      </div>
      <div class="data__control">
        <label class="field__label" for="data-import">
          Import a data file (it replaces all your data and settings)
        </label>
        <input
          id="data-import"
          type="file"
          accept="application/json,.json"
          disabled={busy}
          aria-describedby="data-note-import"
          onChange={(event) => {
            const input = event.target as HTMLInputElement;
            const file = input.files?.[0];
            data.chooseFile(file ? { name: file.name, size: file.size, text: () => file.text() } : undefined);
            // Choosing the same file again after a cancel must fire again.
            input.value = '';
          }}
        />
        <DataNote control="import" status={status.import} />
      </div>
      <div class="data__control">
        <button type="button" class="data__danger" disabled={busy} aria-describedby="data-note-clear" onClick={() => data.askClear()}>
          Clear all data
        </button>
        <DataNote control="clear" status={status.clear} />
      </div>
      {pending ? (
        <div class="data__confirm" role="alertdialog" aria-labelledby="data-confirm-text">
          <p id="data-confirm-text">
            {pending.kind === 'import'
              ? `Replace all your data and settings with those in ${pending.file.name}? What is stored now is deleted. The file is checked first: a bad file changes nothing.`
              : 'Delete all your data — the archive, the history, the settings and the GitHub token? This cannot be undone; export first to keep a copy.'}
          </p>
          <div class="options__buttons">
            <button type="button" ref={focusOnMount} onClick={() => void data.confirm()}>
              {pending.kind === 'import' ? 'Replace my data' : 'Delete everything'}
            </button>
            <button type="button" onClick={() => data.cancel()}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

// ————— The on-device editor (issue #12) —————

/** What the browser's built-in model is, in the reader's words. */
const MODEL_STATUS: Record<ModelAvailability, string> = {
  available: 'Ready: this browser’s built-in model is on this device.',
  downloading: 'Downloading: the browser is fetching its built-in model; until it is ready the issue keeps the Post’s own text.',
  downloadable: 'Not downloaded: the browser offers a built-in model but has not downloaded it, and the Post never starts that download. The issue keeps the Post’s own text.',
  unavailable: 'Not available in this browser: the issue keeps the Post’s own text.',
};

/**
 * The editor's switch and what the browser's model is. The hint says what the editor may and may not do, so
 * that the reader knows what the "edited" mark on a piece means.
 */
function EditorFields({ model, settings, errors }: { model: OptionsModel; settings: Settings; errors: Partial<Record<OptionsField, string>> }) {
  const status = model.modelAvailability.value;
  return (
    <fieldset class="options__group">
      <legend>On-device editor</legend>
      <div class="field">
        <label class="check">
          <input
            type="checkbox"
            checked={settings.editor}
            {...invalidProps('editor', errors.editor, 'options-editor-hint options-editor-status')}
            onChange={(event) => void model.setEditor((event.target as HTMLInputElement).checked)}
          />
          Let the on-device model edit the issue
        </label>
        <p class="field__hint" id="options-editor-hint">
          Where the browser has a built-in language model, it rewrites the lead and the analysis as newspaper prose,
          on this device. A sentence whose figure, name or superlative is not in the issue’s facts is left out, and
          if too little is left the Post’s own text stands. Edited pieces are marked; turning this off shows the
          Post’s own text again at once.
        </p>
        <p class="field__hint" id="options-editor-status" aria-live="polite">
          {status ? MODEL_STATUS[status] : 'Asking the browser about its built-in model…'}
        </p>
      </div>
      <FieldError field="editor" error={errors.editor} />
    </fieldset>
  );
}

// ————— The look: theme and calm mode (issue #10) —————

const THEME_LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/**
 * The theme, as three radio buttons in a group named by its label, and calm
 * mode, as a switch; each with its error beside it. A change is saved at once
 * and applied to every open page (lib/shared/look.ts).
 */
function LookFields({ model, settings, errors }: { model: OptionsModel; settings: Settings; errors: Partial<Record<OptionsField, string>> }) {
  return (
    <fieldset class="options__group">
      <legend>Appearance</legend>
      <div class="field" role="radiogroup" aria-labelledby="options-theme-label" {...invalidProps('theme', errors.theme, 'options-theme-hint')}>
        <span class="field__label" id="options-theme-label">
          Theme
        </span>
        <div class="choices">
          {THEMES.map((theme) => (
            <label class="check" key={theme}>
              <input
                type="radio"
                name="theme"
                value={theme}
                checked={settings.theme === theme}
                onChange={(event) => void model.setTheme((event.target as HTMLInputElement).value)}
              />
              {THEME_LABELS[theme]}
            </label>
          ))}
        </div>
        <p class="field__hint" id="options-theme-hint">
          System follows the light or dark setting of your device. Every page of the extension takes the theme.
        </p>
      </div>
      <FieldError field="theme" error={errors.theme} />
      <div class="field">
        <label class="check">
          <input
            type="checkbox"
            checked={settings.calm}
            {...invalidProps('calm', errors.calm, 'options-calm-hint')}
            onChange={(event) => void model.setCalm((event.target as HTMLInputElement).checked)}
          />
          Calm mode
        </label>
        <p class="field__hint" id="options-calm-hint">
          The new tab shows the masthead and the headline, and the rest of the issue when you ask for it.
        </p>
      </div>
      <FieldError field="calm" error={errors.calm} />
    </fieldset>
  );
}
