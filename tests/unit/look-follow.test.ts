// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { followLook } from '@/lib/models/look-follow';

/**
 * The new tab's part in the look's mirror (lib/models/look-follow.ts, issue
 * #10): it reads the stored theme and calm mode, puts them on <html> and in
 * localStorage, and follows a change made elsewhere (sync included).
 */

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
  delete document.documentElement.dataset.theme;
  delete document.documentElement.dataset.calm;
});

function stubSync(stored: Record<string, unknown>) {
  const listeners: ((changes: Record<string, unknown>, area: string) => void)[] = [];
  vi.stubGlobal('browser', {
    storage: {
      sync: { get: async (key: string) => (key in stored ? { [key]: stored[key] } : {}) },
      local: {},
      onChanged: { addListener: (listener: (typeof listeners)[number]) => listeners.push(listener), removeListener: (listener: (typeof listeners)[number]) => listeners.splice(listeners.indexOf(listener), 1) },
    },
  });
  return { stored, listeners };
}

const look = () => ({ html: { theme: document.documentElement.dataset.theme, calm: document.documentElement.dataset.calm }, mirror: { theme: localStorage.getItem('theme'), calm: localStorage.getItem('calm') } });

describe('the new tab follows the stored look', () => {
  it('applies and mirrors what is stored, then what another browser syncs; unsubscribes when asked', async () => {
    const sync = stubSync({ settings: { version: 3, theme: 'dark', calm: true } });
    const stop = followLook();
    await vi.waitFor(() => expect(look()).toEqual({ html: { theme: 'dark', calm: 'on' }, mirror: { theme: 'dark', calm: 'on' } }));
    sync.stored.settings = { version: 3, theme: 'light', calm: false };
    for (const listener of sync.listeners) listener({ settings: { newValue: sync.stored.settings } }, 'sync');
    await vi.waitFor(() => expect(look()).toEqual({ html: { theme: 'light', calm: 'off' }, mirror: { theme: 'light', calm: 'off' } }));
    // A change to another key or area is not the settings'.
    sync.stored.settings = { version: 3, theme: 'dark' };
    for (const listener of sync.listeners) listener({ 'r:model:o/m': { newValue: { at: 1 } } }, 'sync');
    for (const listener of sync.listeners) listener({ settings: {} }, 'local');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(look().html).toEqual({ theme: 'light', calm: 'off' });
    stop();
    expect(sync.listeners).toHaveLength(0);
  });

  it.each([
    ['nothing stored (a new profile)', {}],
    ['a theme of another version or hand', { settings: { theme: 'sepia', calm: 'yes' } }],
    ['settings that are not an object', { settings: 'dark' }],
  ])('%s reads as the system theme, calm off', async (_name, stored) => {
    stubSync(stored);
    followLook();
    await vi.waitFor(() => expect(look()).toEqual({ html: { theme: 'system', calm: 'off' }, mirror: { theme: 'system', calm: 'off' } }));
  });
});
