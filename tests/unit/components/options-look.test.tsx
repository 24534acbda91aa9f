// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor as waitForDefault } from '@testing-library/preact';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { OptionsPage } from '@/components/pages/OptionsPage';
import { mirrorLookHere } from '@/lib/browser/look';
import { OptionsModel } from '@/lib/models/options';
import { loadSettings, SETTINGS_KEY, type SettingsStorage } from '@/lib/shared/settings';
import { testBrowser } from '../../support/fake-browser';

/** The options page's Appearance group (issue #10): the theme and calm mode, saved, mirrored, and refused beside their field. */

const waitFor = <T,>(check: () => T) => waitForDefault(check, { timeout: 10_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
  for (const key of ['ready', 'theme', 'calm']) delete document.documentElement.dataset[key];
});

async function mount(storage?: SettingsStorage) {
  const browser = testBrowser();
  const sync = storage ?? browser.sync;
  const model = new OptionsModel({ storage: sync, local: browser.local, onExternalChange: () => () => undefined, onSettings: mirrorLookHere });
  onTestFinished(() => model[Symbol.dispose]());
  render(<OptionsPage model={model} requestNotifications={async () => false} />);
  await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
  return { sync, browser };
}

function describedError(field: HTMLElement): string | undefined {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)).find((element) => element?.classList.contains('field__error'))?.textContent ?? undefined;
}

describe('OptionsPage: the theme and calm mode', () => {
  it('offers System, Light and Dark in a group named Theme, System first and chosen; the page and the mirror take it on load', async () => {
    await mount();
    const group = screen.getByRole('radiogroup', { name: 'Theme' });
    const radios = [...group.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((radio) => radio.labels?.[0]?.textContent)).toEqual(['System', 'Light', 'Dark']);
    expect(radios.map((radio) => radio.checked)).toEqual([true, false, false]);
    expect((screen.getByLabelText('Calm mode') as HTMLInputElement).checked).toBe(false);
    expect(document.documentElement.dataset.theme).toBe('system');
    expect({ theme: localStorage.getItem('theme'), calm: localStorage.getItem('calm') }).toEqual({ theme: 'system', calm: 'off' });
  });

  it('a theme chosen is saved, put on the page and in the mirror the next page paints with', async () => {
    const { sync } = await mount();
    fireEvent.click(screen.getByLabelText('Dark'));
    await waitFor(async () => expect((await loadSettings(sync)).theme).toBe('dark'));
    await waitFor(() => expect(localStorage.getItem('theme')).toBe('dark'));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(screen.getByRole('status').textContent).toBe('Saved.');
    expect((screen.getByLabelText('Dark') as HTMLInputElement).checked).toBe(true);
  });

  it('calm mode switched on is saved and mirrored; off again, too', async () => {
    const { sync } = await mount();
    const calm = screen.getByLabelText('Calm mode') as HTMLInputElement;
    expect(calm.getAttribute('aria-describedby')).toBe('options-calm-hint');
    fireEvent.click(calm);
    await waitFor(async () => expect((await loadSettings(sync)).calm).toBe(true));
    await waitFor(() => expect(localStorage.getItem('calm')).toBe('on'));
    fireEvent.click(calm);
    await waitFor(async () => expect((await loadSettings(sync)).calm).toBe(false));
    await waitFor(() => expect(localStorage.getItem('calm')).toBe('off'));
  });

  it('a value that is not a theme is refused beside the group, and nothing is saved', async () => {
    const { sync } = await mount();
    const light = screen.getByLabelText('Light') as HTMLInputElement;
    light.value = 'sepia';
    fireEvent.click(light);
    const group = screen.getByRole('radiogroup', { name: 'Theme' });
    await waitFor(() => expect(group.getAttribute('aria-invalid')).toBe('true'));
    expect(describedError(group)).toBe('Choose the system’s theme, light or dark.');
    expect(screen.getByRole('status').textContent).toBe('Nothing was saved: a field needs a correction (see beside it).');
    expect(await sync.get(SETTINGS_KEY)).toEqual({});
    expect(localStorage.getItem('theme')).toBe('system');
  });

  it('a save the browser refuses is said beside calm mode; the stored settings and the mirror stay as they were', async () => {
    const browser = testBrowser();
    const refusing: SettingsStorage = {
      get: (key) => browser.sync.get(key),
      set: async () => {
        throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
      },
    };
    await mount(refusing);
    const calm = screen.getByLabelText('Calm mode');
    fireEvent.click(calm);
    await waitFor(() => expect(calm.getAttribute('aria-invalid')).toBe('true'));
    expect(describedError(calm)).toBe('Not saved: the browser refused (MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded). What you typed is kept; try again.');
    expect((await loadSettings(browser.sync)).calm).toBe(false);
    expect(localStorage.getItem('calm')).toBe('off');
  });
});
