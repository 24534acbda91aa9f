import { describe, expect, it } from 'vitest';
import { GITHUB_TOKEN_KEY, loadGithubToken, saveGithubToken } from '@/lib/shared/secrets';
import { DEFAULT_SETTINGS, loadSettings, readSettings, saveSettings, SETTINGS_KEY } from '@/lib/shared/settings';
import { checkWordList, parseWordList } from '@/lib/shared/word-list';
import { testBrowser } from '../support/fake-browser';

describe('settings', () => {
  it('defaults when nothing is stored: every source on, hourly, no filters', async () => {
    const browser = testBrowser();
    const settings = await loadSettings(browser.sync);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(Object.values(settings.sources).every(Boolean)).toBe(true);
    expect(settings.refreshIntervalMinutes).toBe(60);
  });

  it.each([
    [{ version: 3, refreshIntervalMinutes: 30 }, 30],
    [{ version: 2, refreshIntervalMinutes: 15 }, 15],
    [{ version: 2, refreshIntervalMinutes: 1440 }, 1440],
    [{ version: 2, refreshIntervalMinutes: 5 }, 60], // below 15 minutes
    [{ version: 2, refreshIntervalMinutes: 10_000 }, 60], // above 24 hours
    [{ version: 2, refreshIntervalMinutes: '30' }, 60],
    [{ version: 2, refreshIntervalMinutes: 22.5 }, 60],
    ['garbage', 60],
    [null, 60],
  ])('reads %j as an interval of %i minutes', (stored, minutes) => {
    expect(readSettings(stored).refreshIntervalMinutes).toBe(minutes);
  });

  it('migrates version 1 (interval only) to version 2 with defaults for the rest', () => {
    expect(readSettings({ version: 1, refreshIntervalMinutes: 120 })).toEqual({ ...DEFAULT_SETTINGS, refreshIntervalMinutes: 120 });
    // Issue #2 wrote no other fields; a stray one in a v1 record is not trusted.
    expect(readSettings({ version: 1, refreshIntervalMinutes: 120, aiKeywords: ['x'] }).aiKeywords).toEqual([]);
  });

  it('migrates version 2 to version 3: the morning time, badge and notifications take their defaults', () => {
    const v2 = { version: 2, refreshIntervalMinutes: 30, githubLanguages: ['Rust'], morningTime: '05:00' };
    expect(readSettings(v2)).toEqual({ ...DEFAULT_SETTINGS, refreshIntervalMinutes: 30, githubLanguages: ['Rust'] });
    expect(DEFAULT_SETTINGS).toMatchObject({ morningTime: '07:00', badge: true, notifications: false });
  });

  it.each([
    ['06:30', '06:30'],
    ['23:59', '23:59'],
    ['7:00', '07:00'],
    ['24:00', '07:00'],
    ['noon', '07:00'],
  ])('reads the morning time %j as %j', (stored, expected) => {
    expect(readSettings({ version: 3, morningTime: stored }).morningTime).toBe(expected);
  });

  it('reads each field on its own: one bad field does not cost the others', () => {
    const settings = readSettings({
      version: 2,
      refreshIntervalMinutes: 'often',
      sources: { 'gh-search': false, 'hf-spaces': 'no', 'not-a-source': false },
      hfTasks: { include: ['text-generation', 'text-generation', ' '], hide: 'all' },
      githubLanguages: ['Python', 'Rust'],
      aiKeywords: [42],
    });
    expect(settings.refreshIntervalMinutes).toBe(60);
    expect(settings.sources['gh-search']).toBe(false);
    expect(settings.sources['hf-spaces']).toBe(true);
    expect(settings.sources).not.toHaveProperty('not-a-source');
    // A blank word is dropped alone; before issue #10 it emptied the whole list.
    expect(settings.hfTasks).toEqual({ include: ['text-generation'], hide: [] });
    expect(settings.githubLanguages).toEqual(['Python', 'Rust']);
    expect(settings.aiKeywords).toEqual([]);
    expect(readSettings({ version: 2, hfTasks: { include: ['text-generation', 'text-generation'] } }).hfTasks.include).toEqual(['text-generation']);
  });

  it('saves a change under one versioned key in storage.sync', async () => {
    const browser = testBrowser();
    await saveSettings(browser.sync, { refreshIntervalMinutes: 120, aiKeywords: ['robotics'] });
    const stored = (await browser.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
    expect(stored).toEqual({ ...DEFAULT_SETTINGS, refreshIntervalMinutes: 120, aiKeywords: ['robotics'] });
  });

  it('splits typed word lists', () => {
    expect(parseWordList(' rust, Go\npython,, rust ')).toEqual(['rust', 'Go', 'python']);
    expect(parseWordList('')).toEqual([]);
  });

  it('a stored list keeps its good words and drops a bad one alone (an older version allowed 100 words of 60 characters)', () => {
    const sixty = 'a'.repeat(60);
    const old = readSettings({ version: 3, aiKeywords: ['robotics', sixty, 'a<b', 42, 'bio informatics'] });
    expect(old.aiKeywords).toEqual(['robotics', 'bio informatics']);
    const hundred = Array.from({ length: 100 }, (_, index) => `w${index}`);
    expect(readSettings({ version: 3, githubLanguages: hundred }).githubLanguages).toEqual(
      ['w0', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8', 'w9', 'w10', 'w11'],
    );
  });
});

describe('a stored word list, read word by word', () => {
  it.each([
    [['Python', 'Rust'], ['Python', 'Rust']],
    [['  Jupyter   Notebook '], ['Jupyter Notebook']],
    [['Rust', 'rust'], ['Rust']],
    [['ok', 'a\u200bb', 'c<d', '', 7, null, { word: 'x' }], ['ok']],
    [['x'.repeat(33), 'y'.repeat(32)], ['y'.repeat(32)]],
    ['Python', []],
    [{ 0: 'Python', length: 1 }, []],
    [null, []],
  ])('%j reads as %j', (stored, expected) => {
    expect(readSettings({ version: 3, githubLanguages: stored }).githubLanguages).toEqual(expected);
  });
});

/**
 * What the reader types in a word list, what is saved and what is said
 * beside the field: written out by hand (issue #10). The bounds are 12 words
 * of at most 32 characters (lib/shared/limits.ts).
 */
describe('a typed word list: each word checked on its own', () => {
  const thirtyTwo = 'abcdefghijklmnopqrstuvwxyz012345';
  const thirtyThree = `${thirtyTwo}6`;
  const twelve = 'a, b, c, d, e, f, g, h, i, j, k, l';
  const table: { typed: string; saved: string[]; refused: string[] }[] = [
    { typed: '', saved: [], refused: [] },
    { typed: ' , ,\n', saved: [], refused: [] },
    { typed: 'Python, Rust', saved: ['Python', 'Rust'], refused: [] },
    { typed: 'C++, C#, F*, Ren\'Py, Objective-C, Graphviz (DOT), ASP.NET, text-to-3d, 1C Enterprise, x/y, snake_case', saved: ['C++', 'C#', 'F*', "Ren'Py", 'Objective-C', 'Graphviz (DOT)', 'ASP.NET', 'text-to-3d', '1C Enterprise', 'x/y', 'snake_case'], refused: [] },
    { typed: 'Jupyter    Notebook', saved: ['Jupyter Notebook'], refused: [] },
    { typed: 'Rust, rust, RUST', saved: ['Rust'], refused: [] },
    { typed: '機械学習, apprentissage automatique, обучение', saved: ['機械学習', 'apprentissage automatique', 'обучение'], refused: [] },
    { typed: `${thirtyTwo}`, saved: [thirtyTwo], refused: [] },
    { typed: `rust, ${thirtyThree}, go`, saved: ['rust', 'go'], refused: [`“${thirtyTwo}…” is longer than 32 characters.`] },
    { typed: `${'𝐀'.repeat(32)}`, saved: ['𝐀'.repeat(32)], refused: [] },
    { typed: `${'𝐀'.repeat(33)}`, saved: [], refused: [`“${'𝐀'.repeat(32)}…” is longer than 32 characters.`] },
    { typed: 'rust, a<b, go', saved: ['rust', 'go'], refused: ["“a<b” has “<”, which a word here cannot hold (letters, digits, spaces and - . _ + # ' * / ( ) only)."] },
    { typed: 'say "hi"', saved: [], refused: ["“say \"hi\"” has “\"”, which a word here cannot hold (letters, digits, spaces and - . _ + # ' * / ( ) only)."] },
    { typed: 'back\\slash', saved: [], refused: ["“back\\slash” has “\\”, which a word here cannot hold (letters, digits, spaces and - . _ + # ' * / ( ) only)."] },
    { typed: 'zero\u200bwidth, ok', saved: ['ok'], refused: ["“zero\u200bwidth” has an invisible character (U+200B), which a word here cannot hold (letters, digits, spaces and - . _ + # ' * / ( ) only)."] },
    { typed: twelve, saved: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'], refused: [] },
    { typed: `${twelve}, m`, saved: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'], refused: ['“m” did not fit: a list holds at most 12 words.'] },
    { typed: `${twelve}, m, n`, saved: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'], refused: ['“m”, “n” did not fit: a list holds at most 12 words.'] },
    // A refused word takes no place: the twelfth good word is still kept.
    { typed: `a<b, ${twelve}`, saved: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'], refused: ["“a<b” has “<”, which a word here cannot hold (letters, digits, spaces and - . _ + # ' * / ( ) only)."] },
    // A repeated word takes no place either.
    { typed: `a, A, ${twelve}`, saved: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'], refused: [] },
  ];

  it.each(table)('$typed', ({ typed, saved, refused }) => {
    expect(checkWordList(typed)).toEqual({ words: saved, refused });
  });

  it('prints its figures', () => {
    const refusedCases = table.filter((row) => row.refused.length > 0).length;
    // A list of several words wiped by one refused word: the bug of issue #10.
    const wiped = table.filter((row) => row.refused.length > 0 && row.typed.split(',').length > 1 && checkWordList(row.typed).words.length === 0).length;
    console.info(`word lists: ${table.length} typed cases, ${refusedCases} with a refused word, ${wiped} lists wiped by a refused word`);
    expect(wiped).toBe(0);
  });
});

describe('the GitHub token', () => {
  const token = `ghp_${'a1B2'.repeat(9)}`;

  it('is kept in storage.local only, never in storage.sync', async () => {
    const browser = testBrowser();
    await saveGithubToken(browser.local, `  ${token} `);
    expect(await loadGithubToken(browser.local)).toBe(token);
    expect(await browser.sync.get(null)).toEqual({});
  });

  it('refuses what is not a token, and forgets on an empty value', async () => {
    const browser = testBrowser();
    await expect(saveGithubToken(browser.local, 'hunter2')).rejects.toThrow(/does not look like a GitHub token/);
    await saveGithubToken(browser.local, `github_pat_${'x'.repeat(40)}`);
    await saveGithubToken(browser.local, '');
    expect(await browser.local.get(GITHUB_TOKEN_KEY)).toEqual({});
    await browser.local.set({ [GITHUB_TOKEN_KEY]: 'garbage' });
    expect(await loadGithubToken(browser.local)).toBeUndefined();
  });
});
