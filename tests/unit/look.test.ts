// @vitest-environment happy-dom
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { lookOf, mirrorLook, type LookStore } from '@/lib/shared/look';
import { lookScriptSource } from '@/lib/shared/look-script';
import { DEFAULT_SETTINGS, readSettings, saveSettings, SETTINGS_KEY } from '@/lib/shared/settings';
import { testBrowser } from '../support/fake-browser';
import { PROJECT_ROOT as ROOT } from '../support/paths';

/**
 * Issue #10's theme and calm mode: the settings' two fields, the look they
 * give, its mirror in localStorage (lib/shared/look.ts) and the script that
 * puts the mirror on <html> before the first paint (/look.js, emitted from lib/shared/look-script.ts).
 */

/** /look.js as wxt.config.ts emits it. */
const LOOK_SCRIPT = lookScriptSource();

/** A localStorage of its own for each test, counting writes. */
function memoryStore(initial: Record<string, string> = {}): LookStore & { items: Map<string, string>; writes: number } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    writes: 0,
    getItem: (key) => items.get(key) ?? null,
    setItem(key, value) {
      this.writes++;
      items.set(key, value);
    },
  };
}

afterEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
  delete document.documentElement.dataset.calm;
  globalThis.onstorage = null;
});

describe('the settings: theme and calm mode', () => {
  it('default to the system theme and calm mode off, also for settings stored before they existed', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ theme: 'system', calm: false });
    expect(readSettings({ version: 3, refreshIntervalMinutes: 30 })).toMatchObject({ theme: 'system', calm: false, refreshIntervalMinutes: 30 });
    expect(readSettings(undefined)).toMatchObject({ theme: 'system', calm: false });
  });

  it.each([
    [{ theme: 'light' }, 'light'],
    [{ theme: 'dark' }, 'dark'],
    [{ theme: 'system' }, 'system'],
    [{ theme: 'Dark' }, 'system'],
    [{ theme: 'sepia' }, 'system'],
    [{ theme: 1 }, 'system'],
    [{ theme: null }, 'system'],
  ])('reads %j as the theme %j', (stored, theme) => {
    expect(readSettings({ version: 3, ...stored }).theme).toBe(theme);
  });

  it.each([
    [{ calm: true }, true],
    [{ calm: false }, false],
    [{ calm: 'true' }, false],
    [{ calm: 1 }, false],
  ])('reads %j as calm mode %j', (stored, calm) => {
    expect(readSettings({ version: 3, ...stored }).calm).toBe(calm);
  });

  it('a bad theme costs no other field, and a saved theme and calm mode are stored under the settings key', async () => {
    expect(readSettings({ version: 3, theme: 'sepia', calm: true, morningTime: '06:15' })).toMatchObject({ theme: 'system', calm: true, morningTime: '06:15' });
    const browser = testBrowser();
    await saveSettings(browser.sync, { theme: 'dark', calm: true });
    const stored = (await browser.sync.get(SETTINGS_KEY))[SETTINGS_KEY] as Record<string, unknown>;
    expect(stored).toMatchObject({ theme: 'dark', calm: true });
  });
});

describe('the look and its mirror', () => {
  it.each([
    [{ theme: 'system', calm: false }, { theme: 'system', calm: 'off', editor: 'on' }],
    [{ theme: 'light', calm: false }, { theme: 'light', calm: 'off', editor: 'on' }],
    [{ theme: 'dark', calm: true }, { theme: 'dark', calm: 'on', editor: 'on' }],
    [{ theme: 'system', calm: true }, { theme: 'system', calm: 'on', editor: 'on' }],
    // The on-device editor turned off (issue #12): the pages show the template text.
    [{ theme: 'system', calm: false, editor: false }, { theme: 'system', calm: 'off', editor: 'off' }],
    [{ theme: 'dark', calm: true, editor: true }, { theme: 'dark', calm: 'on', editor: 'on' }],
  ] as const)('%j looks like %j', (settings, look) => {
    expect(lookOf(settings)).toEqual(look);
  });

  it('puts the look on <html> and writes the mirror only where it differs', () => {
    const store = memoryStore();
    const root = { dataset: {} as DOMStringMap };
    expect(mirrorLook({ theme: 'dark', calm: false }, root, store)).toBe(3);
    expect({ ...root.dataset }).toEqual({ theme: 'dark', calm: 'off', editor: 'on' });
    expect(Object.fromEntries(store.items)).toEqual({ theme: 'dark', calm: 'off', editor: 'on' });
    // The same again: nothing written.
    expect(mirrorLook({ theme: 'dark', calm: false }, root, store)).toBe(0);
    // Back to the system's theme: written too, so that an open page following the mirror goes back.
    expect(mirrorLook({ theme: 'system', calm: false }, root, store)).toBe(1);
    expect(Object.fromEntries(store.items)).toEqual({ theme: 'system', calm: 'off', editor: 'on' });
    // The editor turned off (issue #12): one key, and every open page shows the template text.
    expect(mirrorLook({ theme: 'system', calm: false, editor: false }, root, store)).toBe(1);
    expect(store.writes).toBe(5);
    expect({ ...root.dataset }).toEqual({ theme: 'system', calm: 'off', editor: 'off' });
  });

  it('without a store, or with one that refuses, the page still takes the look', () => {
    const root = { dataset: {} as DOMStringMap };
    expect(mirrorLook({ theme: 'light', calm: true }, root, undefined)).toBe(0);
    expect({ ...root.dataset }).toEqual({ theme: 'light', calm: 'on', editor: 'on' });
    const refusing: LookStore = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
    const other = { dataset: {} as DOMStringMap };
    expect(mirrorLook({ theme: 'dark', calm: false }, other, refusing)).toBe(0);
    expect({ ...other.dataset }).toEqual({ theme: 'dark', calm: 'off', editor: 'on' });
  });
});

describe('/look.js, the script in each page’s head', () => {
  /** Runs the file as the page would: a classic script, globals and all. */
  const runLookScript = () => new Function(LOOK_SCRIPT)();

  it('puts the mirror written by another page on <html>, and follows it when another page changes it', () => {
    mirrorLook({ theme: 'dark', calm: true }, { dataset: {} }, localStorage);
    runLookScript();
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(document.documentElement.dataset.calm).toBe('on');
    // Another page saves the system theme and calm mode off: the storage event reaches this one.
    mirrorLook({ theme: 'system', calm: false }, { dataset: {} }, localStorage);
    expect(document.documentElement.dataset.theme).toBe('dark');
    // The browser calls `onstorage` on the storage event (happy-dom does not dispatch it to a handler set by a
    // script: called here as the browser would; tests/e2e/look.e2e.ts has the real event, between two tabs).
    expect(typeof globalThis.onstorage).toBe('function');
    (globalThis.onstorage as () => void)();
    expect(document.documentElement.dataset.theme).toBe('system');
    expect(document.documentElement.dataset.calm).toBe('off');
  });

  it('with no mirror yet (a new profile) sets nothing: the system theme, calm mode off', () => {
    runLookScript();
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(document.documentElement.dataset.calm).toBeUndefined();
  });

  it('is one statement of at most 140 bytes gzipped (it counts in the new tab’s budget, tests/e2e/budgets.e2e.ts)', () => {
    const bytes = gzipSync(Buffer.from(LOOK_SCRIPT), { level: 9 }).length;
    console.info(`look.js: ${Buffer.byteLength(LOOK_SCRIPT)} B, ${bytes} B gzip -9`);
    expect(bytes).toBeLessThanOrEqual(140);
  });

  it('copies every key of localStorage: nothing but lib/browser/look.ts may use it', () => {
    const users: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(?:ts|tsx|js)$/.test(name) && /\blocalStorage\b/.test(readFileSync(path, 'utf8'))) users.push(relative(ROOT, path));
      }
    };
    for (const dir of ['lib', 'components', 'entrypoints']) walk(join(ROOT, dir));
    // lib/shared/look.ts only names it in its comments and types; the ones that reach it are lib/browser/look.ts
    // (writes the mirror) and lib/shared/look-script.ts (/look.js: reads it).
    expect(users.sort()).toEqual(['lib/browser/look.ts', 'lib/shared/look-script.ts', 'lib/shared/look.ts']);
  });
});
