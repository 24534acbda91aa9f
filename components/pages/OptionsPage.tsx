import { useSignal } from '@preact/signals';
import type { OptionsModel } from '@/lib/models/options';
import { parseWordList, REFRESH_INTERVAL_MINUTES, type SettingsChange } from '@/lib/shared/settings';
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
  if (!settings) return <main class="options"><p>Loading your settings…</p></main>;

  const words = (change: (list: string[]) => SettingsChange) => (event: Event) =>
    void model.update(change(parseWordList((event.target as HTMLInputElement).value)));

  return (
    <main class="options">
      <h1 class="options__title">The AI Morning Post — options</h1>
      <p class="options__saved" role="status">
        {saved.state === 'saved' ? saved.what : saved.state === 'failed' ? `Could not save: ${saved.message}` : ''}
      </p>
      <form class="options__form" onSubmit={(event) => event.preventDefault()}>
        <fieldset class="options__group">
          <legend>Refreshing</legend>
          <label class="field">
            <span class="field__label">Refresh the trending lists</span>
            <select
              value={String(settings.refreshIntervalMinutes)}
              onChange={(event) => void model.update({ refreshIntervalMinutes: Number((event.target as HTMLSelectElement).value) })}
            >
              {INTERVAL_CHOICES.map((minutes) => (
                <option key={minutes} value={String(minutes)}>
                  {intervalLabel(minutes)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>

        <fieldset class="options__group">
          <legend>The daily issue</legend>
          <label class="field">
            <span class="field__label">Publish each morning at</span>
            <input
              type="time"
              value={settings.morningTime}
              required
              onChange={(event) => {
                const value = (event.target as HTMLInputElement).value;
                if (value) void model.update({ morningTime: value });
              }}
            />
          </label>
          <label class="check">
            <input type="checkbox" checked={settings.badge} onChange={(event) => void model.update({ badge: (event.target as HTMLInputElement).checked })} />
            Show the number of unread issues on the toolbar icon
          </label>
          <label class="check">
            <input
              type="checkbox"
              checked={settings.notifications}
              onChange={async (event) => {
                const on = (event.target as HTMLInputElement).checked;
                // The permission is asked for here, on the click, and only when turning it on.
                const granted = on ? await requestNotifications().catch(() => false) : true;
                void model.update({ notifications: on && granted }, on && !granted ? 'Notifications were not allowed.' : 'Saved.');
              }}
            />
            Notify me with the headline when a new issue is out
          </label>
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
                onChange={(event) =>
                  void model.update({ sources: { ...settings.sources, [id]: (event.target as HTMLInputElement).checked } })
                }
              />
              {label}
            </label>
          ))}
          <p class="field__hint">A source turned off is neither requested nor shown.</p>
        </fieldset>

        <fieldset class="options__group">
          <legend>Filters</legend>
          <label class="field">
            <span class="field__label">Only these Hugging Face tasks</span>
            <input
              type="text"
              defaultValue={settings.hfTasks.include.join(', ')}
              placeholder="all tasks — e.g. text-generation, image-text-to-text"
              onChange={words((include) => ({ hfTasks: { ...settings.hfTasks, include } }))}
            />
          </label>
          <label class="field">
            <span class="field__label">Hide these Hugging Face tasks</span>
            <input
              type="text"
              defaultValue={settings.hfTasks.hide.join(', ')}
              placeholder="e.g. text-to-image"
              onChange={words((hide) => ({ hfTasks: { ...settings.hfTasks, hide } }))}
            />
          </label>
          <label class="field">
            <span class="field__label">Only GitHub repositories in these languages</span>
            <input
              type="text"
              defaultValue={settings.githubLanguages.join(', ')}
              placeholder="all languages — e.g. Python, Rust"
              onChange={words((githubLanguages) => ({ githubLanguages }))}
            />
          </label>
          <label class="field">
            <span class="field__label">More words that make a trending repository AI/ML</span>
            <input
              type="text"
              defaultValue={settings.aiKeywords.join(', ')}
              placeholder="e.g. robotics, bioinformatics"
              onChange={words((aiKeywords) => ({ aiKeywords }))}
            />
          </label>
          <p class="field__hint">Separate words with commas. Filters apply at once, to every list.</p>
        </fieldset>

        <fieldset class="options__group">
          <legend>GitHub token (optional)</legend>
          <p class="field__hint">
            Anonymous GitHub search allows 10 searches a minute; a token raises that. It is kept on this device only
            (never synced) and sent only to api.github.com. A token with no scopes is enough.
          </p>
          <label class="field">
            <span class="field__label">{model.hasGithubToken.value ? 'Replace the saved token' : 'Personal access token'}</span>
            <input type="password" autoComplete="off" value={token.value} onInput={(event) => (token.value = (event.target as HTMLInputElement).value)} />
          </label>
          <div class="options__buttons">
            <button type="button" onClick={() => void model.setGithubToken(token.value).then(() => (token.value = ''))} disabled={!token.value.trim()}>
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
