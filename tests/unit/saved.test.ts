import { describe, expect, it } from 'vitest';
import {
  addToShelf,
  MAX_WATCH_ENTRIES,
  parseSavedKey,
  readShelves,
  removeFromShelf,
  savedItemUrl,
  savedTitle,
  savedValue,
  type ShelfStorage,
} from '@/lib/shared/saved';
import { testBrowser } from '../support/fake-browser';
import { quotaSync } from '../support/quota-sync';

/**
 * The reading list and watchlist in storage.sync (lib/shared/saved.ts; issue
 * #10 "Saving and watching", issue #12 "Sync without a server"). Byte counts
 * are worked out by hand in the comments; the store counts as Chrome does.
 */

/** storage.sync with Chrome's quotas, in the shape the shelves take. */
function quotaShelves() {
  const area = testBrowser().sync;
  const sync = quotaSync(area);
  const storage: ShelfStorage = {
    get: () => area.get(null),
    set: (items) => sync.set(items),
    remove: (key) => area.remove(key),
  };
  return { area, sync, storage };
}

const NOW = Date.UTC(2026, 10, 29, 7, 0); // 1,764,399,600,000: 13 digits

describe('keys', () => {
  it.each([
    ['r:model:Qwen/Qwen3-8B', { shelf: 'reading', kind: 'model', id: 'Qwen/Qwen3-8B' }],
    ['w:repo:vllm-project/vllm', { shelf: 'watch', kind: 'repo', id: 'vllm-project/vllm' }],
    ['r:paper:2511.01234', { shelf: 'reading', kind: 'paper', id: '2511.01234' }],
    ['w:space:mteb/leaderboard', { shelf: 'watch', kind: 'space', id: 'mteb/leaderboard' }],
    ['r:dataset:HuggingFaceFW/fineweb', { shelf: 'reading', kind: 'dataset', id: 'HuggingFaceFW/fineweb' }],
  ])('%s names its entry', (key, expected) => {
    expect(parseSavedKey(key)).toEqual(expected);
  });

  it.each([
    'settings',
    'x:model:Qwen/Qwen3-8B', // no such shelf
    'r:user:Qwen', // no such kind
    'r:model:', // no id
    'r:repo:login/oauth', // a GitHub page, not a repository
    'r:model:settings/tokens', // a Hugging Face route
    'r:repo:owner/repo/../../settings', // more than owner/repo
    'r:paper:0612.12345', // before arXiv's 2007 scheme
    'r:dataset:wikitext', // datasets are namespaced
    'w:model:a--b/c', // `--` is refused by the Hub
    'r:model:Qwen/Qwen3-8B\u200b', // an invisible character in the id
  ])('%s is not an entry', (key) => {
    expect(parseSavedKey(key)).toBeUndefined();
  });

  it('links come from the validated id', () => {
    expect(savedItemUrl('model', 'Qwen/Qwen3-8B')).toBe('https://huggingface.co/Qwen/Qwen3-8B');
    expect(savedItemUrl('dataset', 'HuggingFaceFW/fineweb')).toBe('https://huggingface.co/datasets/HuggingFaceFW/fineweb');
    expect(savedItemUrl('space', 'mteb/leaderboard')).toBe('https://huggingface.co/spaces/mteb/leaderboard');
    expect(savedItemUrl('paper', '2511.01234')).toBe('https://huggingface.co/papers/2511.01234');
    expect(savedItemUrl('repo', 'vllm-project/vllm')).toBe('https://github.com/vllm-project/vllm');
    expect(() => savedItemUrl('repo', 'login/oauth')).toThrow();
  });
});

describe('titles', () => {
  it('a title equal to its id is not stored twice; others are', () => {
    expect(savedValue({ id: 'Qwen/Qwen3-8B', title: 'Qwen/Qwen3-8B', savedAt: NOW })).toEqual({ at: NOW });
    expect(savedValue({ id: '2511.01234', title: 'Attention Is Enough', savedAt: NOW })).toEqual({ t: 'Attention Is Enough', at: NOW });
  });

  it('invisible characters go; an empty title falls back to the id', () => {
    expect(savedTitle('Re\u200bad\u202eme', 'o/r')).toBe('Readme');
    expect(savedTitle('\u200b \u200b', 'o/r')).toBe('o/r');
  });

  it.each([
    // 20 × "<" is 20 × 6 = 120 B in Chrome's JSON: kept whole. 21 would be 126 B: cut.
    ['<'.repeat(20), 20],
    ['a'.repeat(120), 80], // 80 characters first (cleanText's cut, with its "…")
    ['<'.repeat(40), 20], // cut to ≤ 120 B: 19 "<" (114 B) and the 3-byte "…"
  ])('a title is kept within 120 bytes of JSON', (raw, maxCharacters) => {
    const title = savedTitle(raw, 'o/r');
    const bytes = new TextEncoder().encode(JSON.stringify(title).replace(/</g, '\\u003C')).length - 2;
    expect(bytes).toBeLessThanOrEqual(120);
    expect([...title].length).toBeLessThanOrEqual(maxCharacters);
    expect(title.length).toBeGreaterThan(0);
  });

  it('cut exactly: 19 "<" and "…" is 19 × 6 + 3 = 117 B; 20 and "…" would be 123 B', () => {
    expect(savedTitle('<'.repeat(40), 'o/r')).toBe(`${'<'.repeat(19)}…`);
  });
});

describe('reading back what storage.sync holds', () => {
  it('newest first, ties by id; other keys and hostile values ignored or repaired', () => {
    const shelves = readShelves({
      settings: { version: 3 },
      'r:model:b/one': { t: 'One', at: 2_000 },
      'r:model:a/two': { t: 'Two', at: 2_000 },
      'r:repo:o/newest': { at: 3_000 },
      'r:repo:login/oauth': { t: 'Sign in', at: 9_000 },
      'r:paper:2511.01234': { t: 42, at: 'yesterday' },
      'w:space:s/p': 'not an object',
      'w:model:m/x': { t: 'X\u200b', at: 1.5e300 },
    });
    expect(shelves.reading.map((entry) => [entry.kind, entry.id, entry.title, entry.savedAt])).toEqual([
      ['repo', 'o/newest', 'o/newest', 3_000],
      ['model', 'a/two', 'Two', 2_000],
      ['model', 'b/one', 'One', 2_000],
      ['paper', '2511.01234', '2511.01234', 0],
    ]);
    expect(shelves.watch.map((entry) => [entry.kind, entry.id, entry.title, entry.savedAt])).toEqual([
      ['model', 'm/x', 'X', 0],
      ['space', 's/p', 's/p', 0],
    ]);
  });

  it('a watchlist longer than its bound of 60, as two browsers’ adds merge, is read whole up to 90; beyond that (written elsewhere) its newest 90', () => {
    const merged: Record<string, unknown> = {};
    for (let index = 0; index < MAX_WATCH_ENTRIES + 5; index += 1) merged[`w:repo:o/r${index}`] = { at: 1_000 + index };
    const watch = readShelves(merged).watch;
    expect(watch).toHaveLength(65);
    expect(watch[0]!.id).toBe('o/r64');
    expect(watch[64]!.id).toBe('o/r0');

    const overfull: Record<string, unknown> = {};
    for (let index = 0; index < 100; index += 1) overfull[`w:repo:o/r${index}`] = { at: 1_000 + index };
    const cut = readShelves(overfull).watch;
    expect(cut).toHaveLength(90);
    expect(cut[0]!.id).toBe('o/r99');
    expect(cut[89]!.id).toBe('o/r10');
  });
});

describe('writing', () => {
  // Both shelves at their bounds beside the largest settings, counted as Chrome counts (69,694 B of 102,400):
  // tests/unit/shelves.test.ts, through the model the pages use.
  it('a refused write (the browser says the quota is spent) is reported, never thrown', async () => {
    const storage: ShelfStorage = {
      get: async () => ({}),
      set: async () => {
        throw new Error('QUOTA_BYTES quota exceeded');
      },
      remove: async () => {
        throw new Error('sync unavailable');
      },
    };
    expect(await addToShelf(storage, { shelf: 'reading', kind: 'repo', id: 'o/r', title: 'R' }, NOW)).toMatchObject({ ok: false, reason: 'storage' });
    expect(await removeFromShelf(storage, 'reading', 'repo', 'o/r')).toMatchObject({ ok: false, reason: 'storage' });
  });

  it('an id that fails the validators is refused before anything is written', async () => {
    const { storage, area } = quotaShelves();
    expect(await addToShelf(storage, { shelf: 'reading', kind: 'repo', id: 'login/oauth', title: 'x' }, NOW)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await area.get(null)).toEqual({});
  });

  it('removal takes the one key, and two entries written apart (two browsers) both stay', async () => {
    const { storage } = quotaShelves();
    await addToShelf(storage, { shelf: 'reading', kind: 'repo', id: 'o/a', title: 'A' }, NOW);
    await addToShelf(storage, { shelf: 'reading', kind: 'model', id: 'o/b', title: 'B' }, NOW + 1);
    await addToShelf(storage, { shelf: 'watch', kind: 'repo', id: 'o/a', title: 'A' }, NOW + 2);
    expect(await removeFromShelf(storage, 'reading', 'repo', 'o/a')).toEqual({ ok: true });
    const shelves = readShelves(await storage.get(null));
    expect(shelves.reading.map((entry) => entry.id)).toEqual(['o/b']);
    expect(shelves.watch.map((entry) => entry.id)).toEqual(['o/a']);
  });
});
