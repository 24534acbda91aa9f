import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { onShelvesChange, syncShelfStorage } from '@/lib/browser/shelves-storage';
import { exportData, importData, clearAllData, dataFileText, type DataDeps } from '@/lib/history/transfer';
import { ShelvesModel, itemOfRow, type ShelfItem } from '@/lib/models/shelves';
import { MAX_READING_ENTRIES, MAX_WATCH_ENTRIES, type ShelfStorage } from '@/lib/shared/saved';
import { saveSettings, SETTINGS_KEY } from '@/lib/shared/settings';
import { testDb } from '../support/db';
import { testBrowser, type FakeStorageArea } from '../support/fake-browser';
import { CHROME_SYNC, quotaSync, type QuotaSync } from '../support/quota-sync';

/**
 * The reading list and watchlist (issue #10) as the pages hold them: the
 * storage.sync wrapper, the live model, storage.sync's quotas at the shelves'
 * bounds, and the data file. Expected values are written out by hand.
 */

const T = Date.UTC(2026, 10, 29, 8, 0);
const QWEN: ShelfItem = { kind: 'model', id: 'Qwen/Qwen3-8B', title: 'Qwen/Qwen3-8B' };
const AGENT: ShelfItem = { kind: 'repo', id: 'octo/agent', title: 'octo/agent' };

function shelfStorage(store: QuotaSync | FakeStorageArea): ShelfStorage {
  return store as unknown as ShelfStorage;
}

/** A model over `storage`, with a hand-driven change feed standing in for storage.onChanged. */
function openModel(storage: ShelfStorage, now = () => T) {
  const listeners = new Set<() => void>();
  const model = new ShelvesModel({
    storage,
    now,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  onTestFinished(() => model[Symbol.dispose]());
  return { model, changed: () => listeners.forEach((listener) => listener()), listeners };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('lib/browser/shelves-storage.ts over the browser storage API (no polyfill)', () => {
  function fakeChrome() {
    const sync = testBrowser().sync;
    const listeners = new Set<(changes: Record<string, unknown>, area: string) => void>();
    const storage = { sync, local: testBrowser().local, onChanged: { addListener: (l: never) => listeners.add(l), removeListener: (l: never) => listeners.delete(l) } };
    // Firefox's `browser.storage`, which storageApi() takes first (Chrome's `chrome.storage` has the same shape).
    vi.stubGlobal('browser', { storage });
    onTestFinished(() => {
      vi.unstubAllGlobals();
    });
    return { sync, fire: (changes: Record<string, unknown>, area: string) => listeners.forEach((listener) => listener(changes, area)), listeners };
  }

  it('reads every item with get(null), writes and removes entries', async () => {
    const { sync } = fakeChrome();
    await sync.set({ settings: { version: 3 }, 'r:model:Qwen/Qwen3-8B': { at: T } });
    expect(await syncShelfStorage.get(null)).toEqual({ settings: { version: 3 }, 'r:model:Qwen/Qwen3-8B': { at: T } });
    await syncShelfStorage.set({ 'w:repo:octo/agent': { at: T } });
    await syncShelfStorage.remove('r:model:Qwen/Qwen3-8B');
    expect(Object.keys(await sync.get(null)).sort()).toEqual(['settings', 'w:repo:octo/agent']);
  });

  it('calls back for a change of a shelf entry in sync only; the unsubscribe stops it', () => {
    const { fire, listeners } = fakeChrome();
    const calls: number[] = [];
    const stop = onShelvesChange(() => calls.push(1));
    fire({ settings: {} }, 'sync');
    fire({ 'r:model:Qwen/Qwen3-8B': {} }, 'local');
    fire({ 'r:model:not a valid id': {} }, 'sync');
    expect(calls).toHaveLength(0);
    fire({ 'r:model:Qwen/Qwen3-8B': { newValue: { at: T } } }, 'sync');
    fire({ 'w:paper:2511.01234': { oldValue: { at: T } } }, 'sync');
    expect(calls).toHaveLength(2);
    stop();
    expect(listeners.size).toBe(0);
  });
});

describe('the shelves model (lib/models/shelves.ts)', () => {
  it('save, watch, unsave, unwatch: the shelves, `has` and the notice follow; each action resolves to its SaveResult', async () => {
    const sync = testBrowser().sync;
    const { model } = openModel(shelfStorage(sync));
    await settle();
    expect(model.loaded.value).toBe(true);
    expect(model.shelves.value).toEqual({ reading: [], watch: [] });

    await expect(model.save(QWEN)).resolves.toEqual({ ok: true });
    expect(await sync.get(null)).toEqual({ 'r:model:Qwen/Qwen3-8B': { at: T } });
    expect(model.has('reading', QWEN)).toBe(true);
    expect(model.has('watch', QWEN)).toBe(false);
    expect(model.notice.value).toMatchObject({ text: 'Saved Qwen/Qwen3-8B to the reading list.', refused: false });

    await expect(model.watch(AGENT)).resolves.toEqual({ ok: true });
    expect(model.shelves.value.watch.map((entry) => entry.id)).toEqual(['octo/agent']);
    expect(model.notice.value?.text).toBe('Watching octo/agent: added to the watchlist.');

    await expect(model.toggle('reading', QWEN)).resolves.toEqual({ ok: true });
    expect(model.has('reading', QWEN)).toBe(false);
    expect(model.notice.value?.text).toBe('Removed Qwen/Qwen3-8B from the reading list.');
    await model.unwatch(AGENT);
    expect(model.notice.value?.text).toBe('Removed octo/agent from the watchlist.');
    expect(await sync.get(null)).toEqual({});
  });

  it('is live: a change written by another context (another tab, sync) is read when the change event comes', async () => {
    const sync = testBrowser().sync;
    const { model, changed } = openModel(shelfStorage(sync));
    await settle();
    await sync.set({ 'r:paper:2511.01234': { t: 'A paper', at: T - 1000 }, 'r:model:Qwen/Qwen3-8B': { at: T } });
    expect(model.shelves.value.reading).toEqual([]);
    changed();
    await settle();
    expect(model.shelves.value.reading.map((entry) => `${entry.kind} ${entry.id} ${entry.title}`)).toEqual(['model Qwen/Qwen3-8B Qwen/Qwen3-8B', 'paper 2511.01234 A paper']);
  });

  it('a row names its item by its source: a repository is the same item from any GitHub list', () => {
    expect(itemOfRow('gh-trending-weekly', 'octo/agent', 'octo/agent')).toEqual({ kind: 'repo', id: 'octo/agent', title: 'octo/agent' });
    expect(itemOfRow('gh-search', 'octo/agent', 'octo/agent').kind).toBe('repo');
    expect(itemOfRow('hf-papers', '2511.01234', 'A paper')).toEqual({ kind: 'paper', id: '2511.01234', title: 'A paper' });
  });

  it('a hostile stored key or value is ignored or cleaned, never shown as stored', async () => {
    const sync = testBrowser().sync;
    await sync.set({
      'r:model:../../etc/passwd': { t: 'escape', at: T },
      'r:model:javascript:alert(1)': { t: 'x', at: T },
      'r:unknown:Qwen/Qwen3-8B': { at: T },
      'x:model:Qwen/Qwen3-8B': { at: T },
      'r:repo:octo/agent': { t: 'octo/agent\u202e\u200bgnp.exe', at: 'yesterday' },
      'w:model:Qwen/Qwen3-8B': 'not an object',
    });
    const { model } = openModel(shelfStorage(sync));
    await settle();
    const { reading, watch } = model.shelves.value;
    expect(reading).toEqual([{ shelf: 'reading', kind: 'repo', id: 'octo/agent', title: 'octo/agentgnp.exe', savedAt: 0 }]);
    expect(watch).toEqual([{ shelf: 'watch', kind: 'model', id: 'Qwen/Qwen3-8B', title: 'Qwen/Qwen3-8B', savedAt: 0 }]);
  });

  it('a read the browser refuses is said, not thrown', async () => {
    const storage: ShelfStorage = { get: async () => Promise.reject(new Error('sync is off')), set: async () => undefined, remove: async () => undefined };
    const { model } = openModel(storage);
    await settle();
    expect(model.loadError.value).toBe('The reading list and watchlist could not be read (sync is off).');
  });
});

/** The longest entry: a dataset id of two 96-character parts (10 + 193 = 203 B of key), a title of 20 × "<" (Chrome writes each as \u003C: 120 B). */
function longestId(index: number): string {
  const part = (side: string) => `${side}${String(index).padStart(4, '0')}`.padEnd(96, 'y');
  return `${part('a')}/${part('b')}`;
}
const LONGEST_TITLE = '<'.repeat(20);

async function largestSettings(sync: QuotaSync): Promise<void> {
  const word = (index: number) => String.fromCodePoint(0x2_0000 + index).repeat(32);
  const lists = [0, 1, 2, 3].map((list) => Array.from({ length: 12 }, (_, index) => word(list * 12 + index)));
  await saveSettings(sync, {
    refreshIntervalMinutes: 1440,
    sources: { 'hf-models': false, 'hf-datasets': false, 'hf-spaces': false, 'hf-papers': false, 'gh-trending-daily': false, 'gh-trending-weekly': false, 'gh-search': false },
    hfTasks: { include: lists[0]!, hide: lists[1]! },
    githubLanguages: lists[2]!,
    aiKeywords: lists[3]!,
    morningTime: '23:59',
    badge: false,
    notifications: false,
    theme: 'system',
    calm: false,
    watchNotifications: false,
    editor: false,
  });
}

describe("storage.sync's quotas at the shelves' bounds (Chrome's counting: tests/support/quota-sync.ts)", () => {
  it('both shelves full of the longest entries fit beside the largest settings item; one more is refused, said, and nothing is lost', async () => {
    const sync = quotaSync(testBrowser().sync);
    await largestSettings(sync);
    const { model } = openModel(shelfStorage(sync));
    await settle();
    for (let index = 0; index < MAX_READING_ENTRIES; index += 1) {
      expect(await model.save({ kind: 'dataset', id: longestId(index), title: LONGEST_TITLE })).toEqual({ ok: true });
    }
    for (let index = 0; index < MAX_WATCH_ENTRIES; index += 1) {
      expect(await model.watch({ kind: 'dataset', id: longestId(1000 + index), title: LONGEST_TITLE })).toEqual({ ok: true });
    }
    const bytes = await sync.bytesInUse();
    const entries = Object.entries(bytes).filter(([key]) => key !== SETTINGS_KEY);
    // By hand: key 10 + 96 + 1 + 96 = 203 B; value {"t":" 6 + 120 + ","at": 7 + 13 digits + } 1 = 147 B: 350 B an entry.
    expect(new Set(entries.map(([, size]) => size))).toEqual(new Set([350]));
    const total = Object.values(bytes).reduce((sum, size) => sum + size, 0);
    // 180 × 350 = 63,000 B + the settings item's 6,694 B = 69,694 B, in 181 items.
    expect(entries).toHaveLength(180);
    expect(total).toBe(69_694);
    console.info(`both shelves full of the longest entries + the largest settings item: ${total} B of ${CHROME_SYNC.QUOTA_BYTES} (${CHROME_SYNC.QUOTA_BYTES - total} B to spare), ${entries.length + 1} items of ${CHROME_SYNC.MAX_ITEMS}, ${sync.refusals} quota refusals`);
    expect(sync.refusals).toBe(0);

    const before = JSON.stringify(await sync.get(null as unknown as string));
    await expect(model.save({ kind: 'model', id: 'Qwen/Qwen3-8B', title: 'Qwen3-8B' })).resolves.toEqual({
      ok: false,
      reason: 'full',
      message: 'The reading list is full (120 items): remove one first.',
    });
    expect(model.notice.value).toMatchObject({ text: 'Qwen3-8B was not added to the reading list. The reading list is full (120 items): remove one first.', refused: true });
    await expect(model.watch({ kind: 'model', id: 'Qwen/Qwen3-8B', title: 'Qwen3-8B' })).resolves.toMatchObject({ ok: false, reason: 'full' });
    expect(JSON.stringify(await sync.get(null as unknown as string))).toBe(before);
    expect(model.shelves.value.reading).toHaveLength(120);
    expect(model.shelves.value.watch).toHaveLength(60);
    // Saving again what is already there is not refused: it moves to the top.
    await expect(model.save({ kind: 'dataset', id: longestId(0), title: LONGEST_TITLE })).resolves.toEqual({ ok: true });
  });

  it('a write the browser refuses (sync full of something else) is said, and nothing changes', async () => {
    const sync = quotaSync(testBrowser().sync);
    // Other items, as large as will fit, until fewer than 250 B of the 102,400 are left: the next 350 B entry overflows.
    const sizes = [...Array.from({ length: 13 }, () => 7_980), 4_000, 2_000, 1_000, 500, 250];
    for (const [index, size] of sizes.entries()) await sync.set({ [`other${index}`]: 'a'.repeat(size) }).catch(() => undefined);
    const used = Object.values(await sync.bytesInUse()).reduce((sum, size) => sum + size, 0);
    expect(CHROME_SYNC.QUOTA_BYTES - used).toBeLessThan(350);
    const { model } = openModel(shelfStorage(sync));
    await settle();
    const before = JSON.stringify(await sync.get(null as unknown as string));
    const result = await model.save({ kind: 'dataset', id: longestId(1), title: LONGEST_TITLE });
    expect(result).toEqual({ ok: false, reason: 'storage', message: 'The browser refused to save this (its sync storage may be full or unavailable).' });
    expect(model.notice.value?.refused).toBe(true);
    expect(JSON.stringify(await sync.get(null as unknown as string))).toBe(before);
  });
});

describe('the data file carries the reading list and watchlist (issue #10)', () => {
  function deps(browser: ReturnType<typeof testBrowser>): DataDeps {
    return { db: testDb(), settings: browser.sync, local: browser.local, shelves: shelfStorage(browser.sync) };
  }

  it('export → import into a fresh browser gives both shelves back; clear removes them', async () => {
    const from = testBrowser();
    await from.sync.set({
      'r:model:Qwen/Qwen3-8B': { t: 'Qwen3-8B', at: T },
      'r:paper:2511.01234': { t: 'A paper', at: T - 5 },
      'w:repo:octo/agent': { at: T - 9 },
      'r:model:../bad': { at: T },
    });
    const file = await exportData(deps(from), new Date(T));
    expect(file.shelves).toEqual({
      reading: [
        { kind: 'model', id: 'Qwen/Qwen3-8B', title: 'Qwen3-8B', savedAt: T },
        { kind: 'paper', id: '2511.01234', title: 'A paper', savedAt: T - 5 },
      ],
      watch: [{ kind: 'repo', id: 'octo/agent', title: 'octo/agent', savedAt: T - 9 }],
    });
    const text = dataFileText(file);

    const to = testBrowser();
    await to.sync.set({ 'r:space:someone/old': { at: 1 } });
    const summary = await importData(deps(to), text.length, async () => text);
    expect(summary.shelves).toEqual({ reading: 2, watch: 1 });
    const stored = await to.sync.get(null);
    expect(Object.keys(stored).filter((key) => key !== SETTINGS_KEY).sort()).toEqual(['r:model:Qwen/Qwen3-8B', 'r:paper:2511.01234', 'w:repo:octo/agent']);
    expect(stored['w:repo:octo/agent']).toEqual({ at: T - 9 });

    await clearAllData(deps(to));
    expect(Object.keys(await to.sync.get(null)).filter((key) => key !== SETTINGS_KEY)).toEqual([]);
  });

  it('an older file (no shelves) imports and leaves the reader’s lists as they are', async () => {
    const from = testBrowser();
    const file = await exportData({ db: testDb(), settings: from.sync, local: from.local }, new Date(T));
    expect(file.shelves).toBeUndefined();
    const text = dataFileText(file);
    const to = testBrowser();
    await to.sync.set({ 'r:model:Qwen/Qwen3-8B': { at: T } });
    const summary = await importData(deps(to), text.length, async () => text);
    expect(summary.shelves).toBeUndefined();
    expect(await to.sync.get('r:model:Qwen/Qwen3-8B')).toEqual({ 'r:model:Qwen/Qwen3-8B': { at: T } });
  });

  it.each([
    ['an id that is not its kind’s', { reading: [{ kind: 'model', id: '../../etc', title: 'x', savedAt: T }], watch: [] }, /reading list has an entry whose id is not a model id/],
    ['an unknown kind', { reading: [{ kind: 'song', id: 'a/b', title: 'x', savedAt: T }], watch: [] }, /a record that is not as this extension stores it \(shelves › reading › 0 › kind/],
    ['an entry twice', { reading: [], watch: [{ kind: 'repo', id: 'octo/agent', title: 'octo/agent', savedAt: T }, { kind: 'repo', id: 'octo/agent', title: 'octo/agent', savedAt: T }] }, /watchlist entry 2 \(octo\/agent\) is there twice/],
    ['a title with invisible characters', { reading: [{ kind: 'repo', id: 'octo/agent', title: 'octo\u202eagent', savedAt: T }], watch: [] }, /has a title this extension would not have stored/],
    ['no time', { reading: [{ kind: 'repo', id: 'octo/agent', title: 'octo/agent', savedAt: 0 }], watch: [] }, /has no time it was saved/],
    // 180 is what two browsers' adds can merge into (120 and half again): tests/unit/sync-merge.test.ts.
    ['181 entries on the reading list', { reading: Array.from({ length: 181 }, (_, i) => ({ kind: 'repo', id: `octo/a${i}`, title: `octo/a${i}`, savedAt: T })), watch: [] }, /the reading list has 181 entries; it holds at most 180/],
    ['an extra field', { reading: [{ kind: 'repo', id: 'octo/agent', title: 'octo/agent', savedAt: T, note: 1 }], watch: [] }, /a record that is not as this extension stores it/],
  ])('a file with %s is refused: nothing changes and the reason is said', async (_name, shelves, reason) => {
    const from = testBrowser();
    const file = { ...(await exportData({ db: testDb(), settings: from.sync, local: from.local }, new Date(T))), shelves };
    const text = JSON.stringify(file);
    const to = testBrowser();
    await to.sync.set({ 'r:model:Qwen/Qwen3-8B': { at: T } });
    await saveSettings(to.sync, { refreshIntervalMinutes: 120 });
    const before = JSON.stringify(await to.sync.get(null));
    await expect(importData(deps(to), text.length, async () => text)).rejects.toThrow(reason);
    await expect(importData(deps(to), text.length, async () => text)).rejects.toThrow(/^Nothing was changed: /);
    expect(JSON.stringify(await to.sync.get(null))).toBe(before);
  });
});
