// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor as waitForDefault } from '@testing-library/preact';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { OptionsPage } from '@/components/pages/OptionsPage';
import { OptionsModel } from '@/lib/models/options';
import { loadSettings, SETTINGS_KEY, type SettingsStorage } from '@/lib/shared/settings';
import { testBrowser } from '../../support/fake-browser';

/** Past testing-library's default second, which a loaded machine can exceed; within the test's 30 s (vitest.config.ts). */
const waitFor = <T,>(check: () => T) => waitForDefault(check, { timeout: 10_000 });

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.ready;
});

async function mount(storage?: SettingsStorage) {
  const browser = testBrowser();
  const sync = storage ?? browser.sync;
  const model = new OptionsModel({ storage: sync, local: browser.local, onExternalChange: () => () => undefined });
  onTestFinished(() => model[Symbol.dispose]());
  render(<OptionsPage model={model} requestNotifications={async () => false} />);
  await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
  return { sync, browser };
}

/** The error a field names in its `aria-describedby`, as a screen reader would reach it. */
function describedError(field: HTMLElement): string | undefined {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)).find((element) => element?.classList.contains('field__error'))?.textContent ?? undefined;
}

function type(field: HTMLElement, text: string) {
  (field as HTMLInputElement).value = text;
  fireEvent.change(field);
}

describe('OptionsPage: each field validated, its error beside it', () => {
  it('a word list with one bad word saves the others, names the bad one beside the field and keeps the text typed', async () => {
    const { sync } = await mount();
    const keywords = screen.getByLabelText('More words that make a trending repository AI/ML');
    expect(keywords.getAttribute('aria-invalid')).toBeNull();
    type(keywords, 'robotics, a<b, bioinformatics');
    await waitFor(() => expect(keywords.getAttribute('aria-invalid')).toBe('true'));
    expect(describedError(keywords)).toBe(
      "Not saved: “a<b” has “<”, which a word here cannot hold (letters, digits, spaces and - . _ + # ' * / ( ) only).",
    );
    expect(keywords.getAttribute('aria-describedby')).toContain('options-words-hint');
    expect((keywords as HTMLInputElement).value).toBe('robotics, a<b, bioinformatics');
    expect(screen.getByRole('status').textContent).toBe('Saved 2 words; what was refused is named beside the field.');
    expect((await loadSettings(sync)).aiKeywords).toEqual(['robotics', 'bioinformatics']);
    // Another field is untouched by this one's error.
    expect(screen.getByLabelText('Only GitHub repositories in these languages').getAttribute('aria-invalid')).toBeNull();

    // Corrected: the error goes, and "Saved." is said.
    type(keywords, 'robotics, ab, bioinformatics');
    await waitFor(() => expect(keywords.getAttribute('aria-invalid')).toBeNull());
    expect(describedError(keywords)).toBeUndefined();
    expect(screen.getByRole('status').textContent).toBe('Saved.');
    expect((await loadSettings(sync)).aiKeywords).toEqual(['robotics', 'ab', 'bioinformatics']);
  });

  it('a save the browser refuses is said beside the field; the text typed stays and nothing stored changes', async () => {
    const browser = testBrowser();
    await browser.sync.set({ [SETTINGS_KEY]: { version: 3, githubLanguages: ['Rust'] } });
    const refusing: SettingsStorage = {
      get: (key) => browser.sync.get(key),
      set: async () => {
        throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      },
    };
    await mount(refusing);
    const languages = screen.getByLabelText('Only GitHub repositories in these languages');
    expect((languages as HTMLInputElement).value).toBe('Rust');
    type(languages, 'Rust, Go');
    await waitFor(() => expect(languages.getAttribute('aria-invalid')).toBe('true'));
    expect(describedError(languages)).toBe('Not saved: the browser refused (QUOTA_BYTES_PER_ITEM quota exceeded). What you typed is kept; try again.');
    expect((languages as HTMLInputElement).value).toBe('Rust, Go');
    expect(screen.getByRole('status').textContent).toBe('Could not save: QUOTA_BYTES_PER_ITEM quota exceeded');
    expect((await loadSettings(browser.sync)).githubLanguages).toEqual(['Rust']);
  });

  it('a morning time that is not a time is refused beside its field, and nothing is saved', async () => {
    const { sync } = await mount();
    const time = screen.getByLabelText('Publish each morning at');
    type(time, '');
    await waitFor(() => expect(time.getAttribute('aria-invalid')).toBe('true'));
    expect(describedError(time)).toBe('Enter a time of day as hours and minutes, such as 07:00.');
    expect(screen.getByRole('status').textContent).toBe('Nothing was saved: a field needs a correction (see beside it).');
    expect(await sync.get(SETTINGS_KEY)).toEqual({});
    type(time, '06:45');
    await waitFor(() => expect(time.getAttribute('aria-invalid')).toBeNull());
    expect((await loadSettings(sync)).morningTime).toBe('06:45');
    expect(screen.getByRole('status').textContent).toBe('Saved.');
  });

  it('a token that is not a token is refused beside the token field, and stays typed', async () => {
    const { browser } = await mount();
    const token = screen.getByLabelText('Personal access token');
    fireEvent.input(token, { target: { value: 'hunter2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save token' }));
    await waitFor(() => expect(token.getAttribute('aria-invalid')).toBe('true'));
    expect(describedError(token)).toBe('That does not look like a GitHub token (ghp_… or github_pat_…).');
    expect((token as HTMLInputElement).value).toBe('hunter2');
    expect(await browser.local.get(null)).toEqual({});
  });
});
