import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { OptionsModel, type WordListField } from '@/lib/models/options';
import { MAX_SETTINGS_WORD_LENGTH, MAX_SETTINGS_WORDS, SYNC_QUOTA_BYTES_PER_ITEM } from '@/lib/shared/limits';
import { loadSettings, saveSettings, SETTINGS_KEY, type SettingsStorage } from '@/lib/shared/settings';
import { testBrowser } from '../support/fake-browser';
import { chromeItemBytes, quotaSync } from '../support/quota-sync';

/**
 * storage.sync's quotas (issue #10: "settings stay within storage.sync's
 * per-item and total quotas, tested at the maximum"). The fake counts as
 * Chrome does (tests/support/quota-sync.ts); the expected byte counts here
 * are worked out by hand in the comments.
 */

const FIELDS: readonly WordListField[] = ['hfTasksInclude', 'hfTasksHide', 'githubLanguages', 'aiKeywords'];

/** A word of 32 copies of one 4-byte character (CJK Extension B, U+20000 onwards), different for each `index`. */
function maximalWord(index: number): string {
  return String.fromCodePoint(0x2_0000 + index).repeat(32);
}

function openModel(storage: SettingsStorage) {
  const browser = testBrowser();
  const model = new OptionsModel({ storage, local: browser.local, onExternalChange: () => () => undefined });
  onTestFinished(() => model[Symbol.dispose]());
  return model;
}

describe('the fake storage.sync counts as Chrome does', () => {
  it.each([
    // key "k" (1 B) + quotes (2 B) + the characters
    ['8,189 × "a": 1 + 2 + 8,189 = 8,192 B', 'a'.repeat(8_189), true],
    ['8,190 × "a": 8,193 B', 'a'.repeat(8_190), false],
    ['2,729 × "€" (3 B each): 1 + 2 + 8,187 = 8,190 B', '€'.repeat(2_729), true],
    ['2,730 × "€": 1 + 2 + 8,190 = 8,193 B', '€'.repeat(2_730), false],
    // JSONWriter writes "<" as \u003C: 6 B, though JSON.stringify would give 1,367 B.
    ['1,364 × "<": 1 + 2 + 6 × 1,364 = 8,187 B', '<'.repeat(1_364), true],
    ['1,365 × "<": 1 + 2 + 6 × 1,365 = 8,193 B', '<'.repeat(1_365), false],
  ])('%s', async (_name, value, fits) => {
    const sync = quotaSync(testBrowser().sync);
    const write = sync.set({ k: value });
    if (fits) await expect(write).resolves.toBeUndefined();
    else await expect(write).rejects.toThrow('QUOTA_BYTES_PER_ITEM quota exceeded');
    expect(await sync.get('k')).toEqual(fits ? { k: value } : {});
  });

  it('would have refused the lists the extension allowed before issue #10 (four lists of 100 words of 60 characters)', async () => {
    const sync = quotaSync(testBrowser().sync);
    // One list alone is 100 × 62 + 99 + 2 = 6,301 B; four are over 25,000.
    const old = Array.from({ length: 100 }, (_, index) => `${index}`.padEnd(60, 'x'));
    await expect(sync.set({ [SETTINGS_KEY]: { version: 3, hfTasks: { include: old, hide: old }, githubLanguages: old, aiKeywords: old } })).rejects.toThrow(
      'QUOTA_BYTES_PER_ITEM quota exceeded',
    );
    expect(chromeItemBytes('list', old)).toBe(4 + 6_301);
  });
});

describe('the settings item at its largest', () => {
  it('every list full of maximal 4-byte words, every other field at its longest: 6,694 B, within 8,192', async () => {
    expect([MAX_SETTINGS_WORDS, MAX_SETTINGS_WORD_LENGTH]).toEqual([12, 32]);
    const sync = quotaSync(testBrowser().sync);
    const lists = [0, 1, 2, 3].map((list) => Array.from({ length: 12 }, (_, word) => maximalWord(list * 12 + word)));
    const saved = await saveSettings(sync, {
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
    // Nothing was cut: every list is stored whole.
    expect(saved.hfTasks).toEqual({ include: lists[0], hide: lists[1] });
    expect(saved.githubLanguages).toEqual(lists[2]);
    expect(saved.aiKeywords).toEqual(lists[3]);
    // By hand: key "settings" 8 B; the JSON with four empty lists 330 B (lib/shared/limits.ts);
    // each full list 12 × (32 × 4 + 2) + 11 + 2 = 1,573 B in place of "[]": 8 + 330 + 4 × 1,571 = 6,622;
    // issue #10's fields, at their longest: ,"theme":"system" 17 B + ,"calm":false 13 B + ,"watchNotifications":false 27 B = 57 B: 6,679;
    // issue #12's ,"editor":false 15 B: 6,694.
    const bytes = (await sync.bytesInUse())[SETTINGS_KEY]!;
    console.info(`settings item at its largest: ${bytes} B of ${SYNC_QUOTA_BYTES_PER_ITEM} (${SYNC_QUOTA_BYTES_PER_ITEM - bytes} B to spare), 0 quota refusals`);
    expect(bytes).toBe(6_694);
    expect(bytes).toBeLessThanOrEqual(8_192);
    expect(sync.refusals).toBe(0);
  });

  it('one word more, or one character more, is refused with a message beside the field, and the full list is kept', async () => {
    const sync = quotaSync(testBrowser().sync);
    const model = openModel(sync);
    await vi.waitFor(() => expect(model.loaded.value).toBe(true));
    const thirteen = Array.from({ length: 13 }, (_, word) => maximalWord(word));
    await model.setWordList('aiKeywords', thirteen.join(', '));
    expect((await loadSettings(sync)).aiKeywords).toEqual(thirteen.slice(0, 12));
    expect(model.errors.value.aiKeywords).toBe(`Not saved: “${maximalWord(12)}” did not fit: a list holds at most 12 words.`);
    expect(model.saved.value).toEqual({ state: 'saved', what: 'Saved 12 words; what was refused is named beside the field.' });

    const longer = `${maximalWord(40)}${String.fromCodePoint(0x2_0000 + 40)}`;
    await model.setWordList('githubLanguages', `Rust, ${longer}`);
    expect((await loadSettings(sync)).githubLanguages).toEqual(['Rust']);
    expect(model.errors.value.githubLanguages).toBe(`Not saved: “${maximalWord(40)}…” is longer than 32 characters.`);
    expect(sync.refusals).toBe(0);
  });
});

/** A small seeded generator (mulberry32), so that every run types the same text. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('no save can fail on quota', () => {
  it('typed lists of every kind, saved through the options model into a storage.sync that enforces the quotas', async () => {
    const sync = quotaSync(testBrowser().sync);
    const model = openModel(sync);
    await vi.waitFor(() => expect(model.loaded.value).toBe(true));
    const random = seeded(10);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    let cases = 0;
    let wiped = 0;
    let wrong = 0;
    let largest = 0;
    for (let run = 0; run < 150; run += 1) {
      // Good words are distinct by construction (each carries its number); bad ones are labelled as such here, not by the code.
      const good: string[] = [];
      const typed: string[] = [];
      const count = Math.floor(random() * 30);
      for (let entry = 0; entry < count; entry += 1) {
        const n = run * 100 + entry;
        const kind = pick(['ascii', 'maximal', 'mixed', 'too-long', 'bad-character', 'invisible', 'huge'] as const);
        if (kind === 'ascii') good.push(`word${n}`);
        else if (kind === 'maximal') good.push(String.fromCodePoint(0x2_0000 + n).repeat(32));
        else if (kind === 'mixed') good.push(`é${n}`.padEnd(32, '語'));
        else if (kind === 'too-long') typed.push(`${n}`.padEnd(33, 'x'));
        else if (kind === 'bad-character') typed.push(`${n}<"\\`);
        else if (kind === 'invisible') typed.push(`w${n}\u200b`);
        else typed.push('𝐀'.repeat(5_000));
        if (kind === 'ascii' || kind === 'maximal' || kind === 'mixed') typed.push(good.at(-1)!);
      }
      const field = pick(FIELDS);
      await model.setWordList(field, typed.join(', '));
      cases += 1;
      const stored = await loadSettings(sync);
      const list = { hfTasksInclude: stored.hfTasks.include, hfTasksHide: stored.hfTasks.hide, githubLanguages: stored.githubLanguages, aiKeywords: stored.aiKeywords }[field];
      if (good.length > 0 && list.length === 0) wiped += 1;
      // The first 12 good words, in the order typed: a refused word takes no place.
      if (JSON.stringify(list) !== JSON.stringify(good.slice(0, 12))) wrong += 1;
      largest = Math.max(largest, (await sync.bytesInUse())[SETTINGS_KEY] ?? 0);
    }
    console.info(`quota suite: ${cases} saves, ${sync.refusals} refused on quota, ${wiped} lists wiped, ${wrong} lists not as typed, largest item ${largest} B of 8,192`);
    expect(sync.refusals).toBe(0);
    expect(wiped).toBe(0);
    expect(wrong).toBe(0);
    expect(model.saved.value.state).toBe('saved');
    expect(largest).toBeLessThanOrEqual(8_192);
  });

  it('a save the browser refuses anyway is said beside the field, and what was stored stays', async () => {
    const browser = testBrowser();
    await browser.sync.set({ [SETTINGS_KEY]: { version: 3, aiKeywords: ['robotics'] } });
    const refusing: SettingsStorage = {
      get: (key) => browser.sync.get(key),
      set: async () => {
        throw new Error('QUOTA_BYTES quota exceeded');
      },
    };
    const model = openModel(refusing);
    await vi.waitFor(() => expect(model.loaded.value).toBe(true));
    await model.setWordList('aiKeywords', 'robotics, bioinformatics');
    expect(model.errors.value.aiKeywords).toBe('Not saved: the browser refused (QUOTA_BYTES quota exceeded). What you typed is kept; try again.');
    expect(model.saved.value).toEqual({ state: 'failed', message: 'Could not save: QUOTA_BYTES quota exceeded' });
    expect(model.settings.value?.aiKeywords).toEqual(['robotics']);
    expect((await loadSettings(browser.sync)).aiKeywords).toEqual(['robotics']);
  });
});

describe('saves one after another', () => {
  it('two lists changed at once are both saved: the second does not write over the first', async () => {
    const sync = testBrowser().sync;
    const model = openModel(sync);
    await vi.waitFor(() => expect(model.loaded.value).toBe(true));
    // Not awaited one by one: the reader leaves one field for the next before the first save is written.
    await Promise.all([
      model.setWordList('hfTasksInclude', 'text-generation'),
      model.setWordList('hfTasksHide', 'text-to-image'),
      model.setWordList('aiKeywords', 'robotics'),
      model.update('sources', (current) => ({ sources: { ...current.sources, 'gh-search': false } })),
      model.update('sources', (current) => ({ sources: { ...current.sources, 'hf-spaces': false } })),
    ]);
    const stored = await loadSettings(sync);
    expect(stored.hfTasks).toEqual({ include: ['text-generation'], hide: ['text-to-image'] });
    expect(stored.aiKeywords).toEqual(['robotics']);
    expect([stored.sources['gh-search'], stored.sources['hf-spaces'], stored.sources['hf-models']]).toEqual([false, false, true]);
  });
});
