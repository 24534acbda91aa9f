// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { earlyReadsStarted, issueNumberOfHash, renderAfterIssueAnswer, takeEarlyReads } from '@/lib/models/early-read';
import { EARLY_PLANS, startEarlyReads } from '@/lib/models/early-start';
import { recordSuccess } from '@/lib/history/write';
import { SOURCE_IDS } from '@/lib/sources/ids';
import { testDb } from '../support/db';
import { openExisting } from '@/lib/history/plain-read';
import { createSourcesModel } from '@/lib/models/pages';
import type { PageDatabase } from '@/lib/models/page-database';

const at = (pathname: string, hash = '') => ({ pathname, hash });

afterEach(() => vi.unstubAllGlobals());

/** A stand-in for the browsers' own `storage.sync`, holding `stored`. */
function stubStorage(stored: Record<string, unknown>) {
  const get = vi.fn(async (key: string) => (key in stored ? { [key]: stored[key] } : {}));
  // Firefox's `browser` comes first where it exists (lib/browser/storage-api.ts); the unit tests' setup defines one.
  vi.stubGlobal('browser', { storage: { sync: { get, set: vi.fn(), remove: vi.fn() }, local: {}, onChanged: {} } });
  return get;
}

describe("the pages' early reads (entrypoints/first-read.ts → lib/models/early-read.ts)", () => {
  it('reads the issue the address names from the address alone', () => {
    expect(issueNumberOfHash('')).toBeUndefined();
    expect(issueNumberOfHash('#/issue/3')).toBe(3);
    expect(issueNumberOfHash('#/issue/0012')).toBe(12);
    for (const hash of ['#/issue/', '#/issue/3/x', '#/issue/-1', '#/issue/1e3', '#/issue/1234567890', '#issue/3']) expect(issueNumberOfHash(hash), hash).toBeUndefined();
  });

  it('plans, per page, exactly what the page shows first', () => {
    expect(EARLY_PLANS['/newtab.html']).toEqual({ issue: true });
    expect(EARLY_PLANS['/popup.html']).toEqual({ issue: true, lists: ['hf-models'], settings: true });
    expect(EARLY_PLANS['/sidepanel.html']).toEqual({ lists: SOURCE_IDS, settings: true });
  });

  it('hands the page its reads once; nothing when the early script did not run or the page is not planned', async () => {
    const scope = {};
    expect(takeEarlyReads(scope)).toEqual({});
    startEarlyReads(at('/options.html'), scope);
    expect(takeEarlyReads(scope)).toEqual({});
    // The real database name: in this test's fake IndexedDB it does not exist, and must not be created.
    startEarlyReads(at('/newtab.html', '#/issue/2'), scope);
    const reads = takeEarlyReads(scope);
    expect(Object.keys(reads)).toEqual(['issue']);
    expect(takeEarlyReads(scope)).toEqual({});
    expect(await reads.issue).toBeUndefined();
    expect((await indexedDB.databases()).map((database) => database.name)).not.toContain('ai-morning-post');
  });

  it('paints the issue itself only until the page renders, and keeps the answer for the page’s first render', async () => {
    const db = testDb();
    await db.table('issues').bulkAdd([{ number: 1, publishedAt: 10 }]);
    // Answered first: the early script paints, and the page finds the answer ready for its first render.
    const early = {};
    const painted = vi.fn();
    startEarlyReads(at('/newtab.html'), early, db.name, { issue: painted });
    await vi.waitFor(() => expect(painted).toHaveBeenCalledTimes(1));
    expect(painted.mock.calls[0]![0].record).toEqual({ number: 1, publishedAt: 10 });
    const reads = takeEarlyReads(early);
    expect(reads.issueAnswer?.read?.record).toEqual({ number: 1, publishedAt: 10 });
    await renderAfterIssueAnswer(reads);
    expect(reads.pageRenders).toBe(true);
    // Taken before the answer, the page waits for it, and the early script's painter runs first (it was registered
    // first): the page's render adopts what it painted.
    const waiting = {};
    const order: string[] = [];
    startEarlyReads(at('/newtab.html'), waiting, db.name, { issue: () => order.push('early script paints') });
    const taken = takeEarlyReads(waiting);
    expect(taken.issueAnswer).toBeUndefined();
    await renderAfterIssueAnswer(taken).then(() => order.push('page renders'));
    expect(order).toEqual(['early script paints', 'page renders']);
    expect(taken.issueAnswer?.read?.latestNumber).toBe(1);
    // Once the page renders, the document is Preact's: a read answering after that is not painted by the early script.
    const rendered = {};
    const notPainted = vi.fn();
    startEarlyReads(at('/newtab.html'), rendered, db.name, { issue: notPainted });
    const mine = takeEarlyReads(rendered);
    mine.pageRenders = true;
    expect((await mine.issue)?.record).toEqual({ number: 1, publishedAt: 10 });
    await vi.waitFor(() => expect(mine.issueAnswer?.read?.latestNumber).toBe(1));
    expect(notPainted).not.toHaveBeenCalled();
  });

  it('reads the named issue, or the latest, from the database the worker wrote', async () => {
    const db = testDb();
    await db.table('issues').bulkAdd([
      { number: 1, publishedAt: 10 },
      { number: 2, publishedAt: 20 },
    ]);
    const scope = {};
    startEarlyReads(at('/newtab.html', '#/issue/1'), scope, db.name);
    expect((await takeEarlyReads(scope).issue)?.record).toEqual({ number: 1, publishedAt: 10 });
    startEarlyReads(at('/newtab.html'), scope, db.name);
    const latest = await takeEarlyReads(scope).issue;
    expect(latest?.record).toEqual({ number: 2, publishedAt: 20 });
    expect(latest?.latestNumber).toBe(2);
  });

  it('reads the popup’s models list and the stored settings together', async () => {
    const db = testDb();
    const item = { id: 'org/model', name: 'org/model', url: 'https://huggingface.co/org/model', metrics: { likes: 3 } };
    await recordSuccess(db, 'hf-models', { items: [item], dropped: 0 }, 1_000, 2_000);
    const get = stubStorage({ settings: { version: 1, morningTime: '06:30' } });
    const scope = {};
    startEarlyReads(at('/popup.html'), scope, db.name);
    const reads = takeEarlyReads(scope);
    expect((await reads.lists)?.lists.map((list) => list?.rows.map((row) => row.itemId))).toEqual([['org/model']]);
    expect(await reads.settings).toEqual({ settings: { version: 1, morningTime: '06:30' } });
    expect(get).toHaveBeenCalledWith('settings');
    expect((await reads.issue)?.record).toBeUndefined();
  });

  it('a page whose early script has not run reads for itself, with the plain reads it loads then', async () => {
    // lib/models/pages.ts: no early lists, so the first read goes through the on-demand import of lib/history/plain-read.ts.
    const db = testDb();
    const item = { id: 'org/model', name: 'org/model', url: 'https://huggingface.co/org/model', metrics: { likes: 3 } };
    await recordSuccess(db, 'hf-models', { items: [item], dropped: 0 }, 1_000, 2_000);
    // The settings, read by the page itself too (lib/models/settings.ts): none stored, and no change to follow.
    vi.stubGlobal('browser', { storage: { sync: { get: async () => ({}) }, local: {}, onChanged: { addListener: () => undefined, removeListener: () => undefined } } });
    let opened = 0;
    const database: PageDatabase = {
      plain: () => ((opened += 1), openExisting(db.name)),
      opened: () => undefined,
      live: { open: async () => db, after: new Promise(() => undefined) },
    };
    const { firstRead } = createSourcesModel(database, (_source, rows) => [...rows], ['hf-models', 'gh-search'], {});
    const read = (await firstRead) as { lists: ({ rows: { itemId: string }[] } | undefined)[] };
    expect(read.lists.map((list) => list?.rows.map((row) => row.itemId))).toEqual([['org/model'], undefined]);
    expect(opened).toBe(1);
  });

  it('a module that runs before its early script waits for it, bounded by the window load; one that runs after does not wait', async () => {
    const settled = (promise: Promise<void>) => Promise.race([promise.then(() => 'started'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 10))]);
    const notLoaded = () => false;
    // The early script ran first: at once.
    const after = new EventTarget();
    startEarlyReads(at('/newtab.html'), after, 'no-such-db');
    expect(await settled(earlyReadsStarted(after, notLoaded))).toBe('started');
    // The module ran first: it waits, and goes on when the early script starts its reads.
    const before = new EventTarget();
    const waiting = earlyReadsStarted(before, notLoaded);
    expect(await settled(waiting)).toBe('waiting');
    startEarlyReads(at('/newtab.html'), before, 'no-such-db');
    expect(await settled(waiting)).toBe('started');
    expect(takeEarlyReads(before).issue).toBeDefined();
    // The early script never runs: the load event ends the wait, and the page reads for itself (nothing to take).
    const never = new EventTarget();
    const bounded = earlyReadsStarted(never, notLoaded);
    expect(await settled(bounded)).toBe('waiting');
    never.dispatchEvent(new Event('load'));
    expect(await settled(bounded)).toBe('started');
    expect(takeEarlyReads(never)).toEqual({});
    // Already loaded (a module evaluated late): at once.
    expect(await settled(earlyReadsStarted(new EventTarget(), () => true))).toBe('started');
  });
});
