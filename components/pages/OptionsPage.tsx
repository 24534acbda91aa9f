import type { OptionsModel } from '@/lib/models/options';
import { REFRESH_INTERVAL_MINUTES } from '@/lib/settings';
import { useReadyMarker } from '../useReadyMarker';

const INTERVAL_CHOICES = [15, 30, 60, 120, 180, 360, 720, 1440].filter(
  (minutes) => minutes >= REFRESH_INTERVAL_MINUTES.min && minutes <= REFRESH_INTERVAL_MINUTES.max,
);

function intervalLabel(minutes: number): string {
  if (minutes < 60) return `Every ${minutes} minutes`;
  const hours = minutes / 60;
  return hours === 1 ? 'Every hour' : `Every ${hours} hours`;
}

export function OptionsPage({ model }: { model: OptionsModel }) {
  const settings = model.settings.value;
  useReadyMarker(model.loaded.value);
  return (
    <main class="options">
      <h1 class="options__title">The AI Morning Post — options</h1>
      {settings ? (
        <form class="options__form" onSubmit={(event) => event.preventDefault()}>
          <label class="field">
            <span class="field__label">Refresh the trending lists</span>
            <select
              value={String(settings.refreshIntervalMinutes)}
              onChange={(event) =>
                void model.update({ refreshIntervalMinutes: Number((event.target as HTMLSelectElement).value) })
              }
            >
              {INTERVAL_CHOICES.map((minutes) => (
                <option key={minutes} value={String(minutes)}>
                  {intervalLabel(minutes)}
                </option>
              ))}
            </select>
          </label>
          <p class="options__saved" role="status">
            {model.saved.value === 'saved' ? 'Saved.' : model.saved.value === 'failed' ? 'Could not save.' : ''}
          </p>
        </form>
      ) : (
        <p>Loading your settings…</p>
      )}
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
