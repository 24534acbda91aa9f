import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, readSettings, saveSettings, SETTINGS_KEY } from '@/lib/settings';

describe('settings', () => {
  it('defaults when nothing is stored', async () => {
    expect(await loadSettings(fakeBrowser.storage.sync)).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    [{ refreshIntervalMinutes: 30 }, 30],
    [{ refreshIntervalMinutes: 5 }, 60], // below 15 minutes
    [{ refreshIntervalMinutes: 10_000 }, 60], // above 24 hours
    [{ refreshIntervalMinutes: '30' }, 60],
    [{ refreshIntervalMinutes: 22.5 }, 60],
    ['garbage', 60],
    [null, 60],
  ])('reads %j as an interval of %i minutes', (stored, minutes) => {
    expect(readSettings(stored)).toEqual({ version: 1, refreshIntervalMinutes: minutes });
  });

  it('saves a change under one versioned key', async () => {
    await saveSettings(fakeBrowser.storage.sync, { refreshIntervalMinutes: 120 });
    expect(await fakeBrowser.storage.sync.get(SETTINGS_KEY)).toEqual({
      [SETTINGS_KEY]: { version: 1, refreshIntervalMinutes: 120 },
    });
  });
});
