import { describe, expect, it, onTestFinished } from 'vitest';
import { clearAllData, dataFileText, exportData, importData, type DataDeps } from '@/lib/history/transfer';
import { ShelvesModel } from '@/lib/models/shelves';
import { addToShelf, readShelves, removeFromShelf, type ItemKind, type Shelf } from '@/lib/shared/saved';
import { testDb } from '../support/db';
import { testBrowser } from '../support/fake-browser';
import { CHROME_SYNC, chromeItemBytes } from '../support/quota-sync';
import { syncService, type SyncedBrowser } from '../support/sync-pair';

/**
 * Issue #12, "Sync without a server": the reading list and watchlist follow
 * the reader across browsers through `storage.sync`, and two browsers editing
 * at once merge without losing an entry. Two browsers, each with its own
 * quota-enforcing `storage.sync`, edit through the production functions
 * (lib/shared/saved.ts, lib/models/shelves.ts, lib/history/transfer.ts) and
 * meet through a stand-in for sync (tests/support/sync-pair.ts). Every
 * expected shelf is written out by hand.
 */

const T = Date.UTC(2026, 10, 29, 8, 0);

async function save(browser: SyncedBrowser, shelf: Shelf, kind: ItemKind, id: string, at: number, title = id) {
  const result = await addToShelf(browser.storage, { shelf, kind, id, title }, at);
  expect(result).toEqual({ ok: true });
}

/** What a page shows of a shelf: kind:id, newest first. */
async function shelfOf(browser: SyncedBrowser, shelf: Shelf): Promise<string[]> {
  return readShelves(await browser.area.get(null))[shelf].map((entry) => `${entry.kind}:${entry.id}`);
}

describe('two browsers editing the shelves at once', () => {
  it('adds on both sides before a sync: both browsers end with every entry, in one order', async () => {
    const service = syncService();
    const laptop = service.browser('laptop');
    const desktop = service.browser('desktop');
    await save(laptop, 'reading', 'model', 'Qwen/Qwen3-8B', T + 1);
    await save(laptop, 'watch', 'repo', 'octo/agent', T + 2);
    await save(desktop, 'reading', 'paper', '2511.01234', T + 3);
    await save(desktop, 'reading', 'dataset', 'HuggingFaceFW/fineweb', T + 4);

    await service.sync(laptop, desktop);

    for (const browser of [laptop, desktop]) {
      expect(await shelfOf(browser, 'reading')).toEqual(['dataset:HuggingFaceFW/fineweb', 'paper:2511.01234', 'model:Qwen/Qwen3-8B']);
      expect(await shelfOf(browser, 'watch')).toEqual(['repo:octo/agent']);
    }
  });

  it('the same item saved on both is one entry, with the time of the save that reached sync last', async () => {
    const service = syncService();
    const laptop = service.browser('laptop');
    const desktop = service.browser('desktop');
    await save(laptop, 'reading', 'model', 'Qwen/Qwen3-8B', T + 10, 'Qwen3-8B');
    await save(desktop, 'reading', 'model', 'Qwen/Qwen3-8B', T + 20, 'Qwen/Qwen3-8B');

    await service.sync(desktop, laptop);

    for (const browser of [laptop, desktop]) {
      const reading = readShelves(await browser.area.get(null)).reading;
      expect(reading.map((entry) => [entry.id, entry.title, entry.savedAt])).toEqual([['Qwen/Qwen3-8B', 'Qwen3-8B', T + 10]]);
    }
  });

  it('a removal on one and an add on the other: the removed entry goes, the added one stays on both', async () => {
    const service = syncService();
    const laptop = service.browser('laptop');
    const desktop = service.browser('desktop');
    await save(laptop, 'reading', 'model', 'Qwen/Qwen3-8B', T + 1);
    await save(laptop, 'reading', 'repo', 'octo/agent', T + 2);
    await service.sync(laptop, desktop);
    expect(await shelfOf(desktop, 'reading')).toEqual(['repo:octo/agent', 'model:Qwen/Qwen3-8B']);

    expect(await removeFromShelf(desktop.storage, 'reading', 'model', 'Qwen/Qwen3-8B')).toEqual({ ok: true });
    await save(laptop, 'reading', 'space', 'mteb/leaderboard', T + 3);
    await service.sync(laptop, desktop);

    for (const browser of [laptop, desktop]) expect(await shelfOf(browser, 'reading')).toEqual(['space:mteb/leaderboard', 'repo:octo/agent']);
  });

  it.each([
    ['the save reaches sync after the removal', 'remove-first', ['model:Qwen/Qwen3-8B']],
    ['the removal reaches sync after the save', 'save-first', []],
  ] as const)('an entry removed on one browser and saved again on the other: %s, so that edit holds on both', async (_, order, expected) => {
    const service = syncService();
    const laptop = service.browser('laptop');
    const desktop = service.browser('desktop');
    await save(laptop, 'watch', 'model', 'Qwen/Qwen3-8B', T + 1);
    await service.sync(laptop, desktop);

    await removeFromShelf(laptop.storage, 'watch', 'model', 'Qwen/Qwen3-8B');
    await save(desktop, 'watch', 'model', 'Qwen/Qwen3-8B', T + 5);
    if (order === 'remove-first') await service.sync(laptop, desktop);
    else await service.sync(desktop, laptop);

    for (const browser of [laptop, desktop]) expect(await shelfOf(browser, 'watch')).toEqual(expected);
  });

  it('both browsers near a full shelf each add 5: the merged 125 are all shown on both, the next add is refused, and storage.sync still has room', async () => {
    const service = syncService();
    const laptop = service.browser('laptop');
    const desktop = service.browser('desktop');
    // 115 shared entries, then 5 more on each side before they meet: each side stays at its bound of 120.
    for (let index = 0; index < 115; index += 1) await save(laptop, 'reading', 'repo', `shared/r${index}`, T + index);
    await service.sync(laptop, desktop);
    for (let index = 0; index < 5; index += 1) {
      await save(laptop, 'reading', 'repo', `laptop/r${index}`, T + 1_000 + index);
      await save(desktop, 'reading', 'repo', `desktop/r${index}`, T + 2_000 + index);
    }
    expect(await shelfOf(laptop, 'reading')).toHaveLength(120);

    await service.sync(laptop, desktop);

    for (const browser of [laptop, desktop]) {
      const reading = await shelfOf(browser, 'reading');
      expect(reading).toHaveLength(125);
      // Newest first: the desktop's five (T+2004…T+2000), the laptop's five, then the shared ones down to r0.
      expect(reading.slice(0, 6)).toEqual(['repo:desktop/r4', 'repo:desktop/r3', 'repo:desktop/r2', 'repo:desktop/r1', 'repo:desktop/r0', 'repo:laptop/r4']);
      expect(reading.at(-1)).toBe('repo:shared/r0');
      const full = await addToShelf(browser.storage, { shelf: 'reading', kind: 'repo', id: 'late/r', title: 'late/r' }, T + 3_000);
      expect(full).toMatchObject({ ok: false, reason: 'full' });
      const stored = await browser.area.get(null);
      const bytes = Object.entries(stored).reduce((sum, [key, value]) => sum + chromeItemBytes(key, value), 0);
      expect(Object.keys(stored)).toHaveLength(125);
      expect(bytes).toBeLessThan(CHROME_SYNC.QUOTA_BYTES);
    }
  });

  it('a change that sync brings reaches the other browser’s open page (storage.onChanged → the shelves model)', async () => {
    const service = syncService();
    const laptop = service.browser('laptop');
    const desktop = service.browser('desktop');
    const listeners = new Set<() => void>();
    desktop.onChanged(() => listeners.forEach((listener) => listener()));
    const model = new ShelvesModel({
      storage: desktop.storage,
      now: () => T,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    });
    onTestFinished(() => model[Symbol.dispose]());
    await expect.poll(() => model.loaded.value).toBe(true);
    expect(model.shelves.value.reading).toEqual([]);

    await save(laptop, 'reading', 'model', 'Qwen/Qwen3-8B', T + 1, 'Qwen3-8B');
    await service.sync(laptop, desktop);
    await expect.poll(() => model.shelves.value.reading.map((entry) => entry.title)).toEqual(['Qwen3-8B']);
  });

  it('importing a data file with both shelves full on one browser is 2 writes (storage.sync allows 120 a minute), and the other browser gets all 180', async () => {
    const service = syncService();
    const laptop = service.browser('laptop');
    const desktop = service.browser('desktop');
    // The desktop already holds a full watchlist of its own, which the import replaces.
    for (let index = 0; index < 60; index += 1) await save(laptop, 'watch', 'repo', `old/w${index}`, T + index);
    await service.sync(laptop, desktop);

    const source = testBrowser();
    const items: Record<string, unknown> = {};
    for (let index = 0; index < 120; index += 1) items[`r:repo:fresh/r${index}`] = { at: T + 10_000 + index };
    for (let index = 0; index < 60; index += 1) items[`w:repo:fresh/w${index}`] = { at: T + 20_000 + index };
    await source.sync.set(items);
    const file = await exportData({ db: testDb(), settings: source.sync, local: source.local, shelves: source.sync }, new Date(T));
    const text = dataFileText(file);

    const before = desktop.writes;
    const deps: DataDeps = { db: testDb(), settings: testBrowser().sync, local: testBrowser().local, shelves: desktop.storage };
    const summary = await importData(deps, text.length, async () => text);
    expect(summary.shelves).toEqual({ reading: 120, watch: 60 });
    expect(desktop.writes - before).toBe(2);

    await service.sync(desktop, laptop);
    for (const browser of [laptop, desktop]) {
      const shelves = readShelves(await browser.area.get(null));
      expect([shelves.reading.length, shelves.watch.length]).toEqual([120, 60]);
      expect(shelves.watch[0]!.id).toBe('fresh/w59');
      expect(shelves.watch.some((entry) => entry.id.startsWith('old/'))).toBe(false);
    }

    // Clearing all data on one browser empties both shelves on the other too, in one write.
    const clearBefore = laptop.writes;
    await clearAllData({ db: testDb(), settings: testBrowser().sync, local: testBrowser().local, shelves: laptop.storage });
    expect(laptop.writes - clearBefore).toBe(1);
    await service.sync(laptop, desktop);
    expect(readShelves(await desktop.area.get(null))).toEqual({ reading: [], watch: [] });
  });
});
