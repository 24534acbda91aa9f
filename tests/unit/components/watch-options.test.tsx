// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor as waitForDefault } from '@testing-library/preact';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { OptionsPage } from '@/components/pages/OptionsPage';
import { OptionsModel } from '@/lib/models/options';
import { loadSettings } from '@/lib/shared/settings';
import { testBrowser } from '../../support/fake-browser';

const waitFor = <T,>(check: () => T) => waitForDefault(check, { timeout: 10_000 });

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.ready;
});

async function mount(grant: boolean) {
  const browser = testBrowser();
  const model = new OptionsModel({ storage: browser.sync, local: browser.local, onExternalChange: () => () => undefined });
  onTestFinished(() => model[Symbol.dispose]());
  const requestNotifications = vi.fn(async () => grant);
  render(<OptionsPage model={model} requestNotifications={requestNotifications} />);
  await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
  return { sync: browser.sync, requestNotifications, box: screen.getByLabelText('Notify me when a watched item moves') as HTMLInputElement };
}

describe('OptionsPage: the watch notification switch (issue #10)', () => {
  it('asks for the permission on the click and saves the switch on when it is granted; off asks nothing', async () => {
    const { sync, requestNotifications, box } = await mount(true);
    expect(box.checked).toBe(false);
    box.checked = true;
    fireEvent.change(box);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    expect(requestNotifications).toHaveBeenCalledTimes(1);
    expect((await loadSettings(sync)).watchNotifications).toBe(true);
    // The issue's own notification is a separate switch.
    expect((await loadSettings(sync)).notifications).toBe(false);
    box.checked = false;
    fireEvent.change(box);
    await waitFor(async () => expect((await loadSettings(sync)).watchNotifications).toBe(false));
    expect(requestNotifications).toHaveBeenCalledTimes(1);
  });

  it('stays off, and says so, when the browser refuses the permission', async () => {
    const { sync, box } = await mount(false);
    box.checked = true;
    fireEvent.change(box);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Notifications were not allowed.'));
    expect((await loadSettings(sync)).watchNotifications).toBe(false);
    await waitFor(() => expect(box.checked).toBe(false));
  });
});
