import { describe, expect, it, vi } from 'vitest';
import { testDb } from '../support/db';
import { testBrowser, type OwnBrowser } from '../support/fake-browser';
import { handIssue } from '../support/hand-issue';
import type { MorningPostDB } from '@/lib/history/db';
import { packIssue } from '@/lib/history/issue-codec';
import { latestIssue, storeIssue } from '@/lib/history/issues';
import { clearAllData, dataFileName, dataFileText, exportData, importData, type DataDeps } from '@/lib/history/transfer';
import { recordSuccess } from '@/lib/history/write';
import { LAST_READ } from '@/lib/shared/messages';
import { saveSettings, SETTINGS_KEY } from '@/lib/shared/settings';

/**
 * Issue #10: "export all data … to a JSON file and import it back — validated,
 * a bad file changes nothing and says why; clear all data". The data is written
 * by the production write paths (recordSuccess, storeIssue, saveSettings); the
 * checks read hand-chosen fields back, never the transfer code's own output.
 */

const HOUR = 3_600_000;
const T = Date.UTC(2026, 10, 27, 6, 0);

async function populate(db: MorningPostDB, browser: OwnBrowser): Promise<void> {
  await recordSuccess(
    db,
    'hf-models',
    {
      items: [
        { id: 'Qwen/Qwen3.8-27B', name: 'Qwen 3.8', url: 'https://huggingface.co/Qwen/Qwen3.8-27B', task: 'text-generation', tags: ['llm', 'qwen'], metrics: { likes: 100 } },
        { id: 'gpt2', name: 'gpt2', url: 'https://huggingface.co/gpt2', metrics: { likes: 3 } },
      ],
      dropped: 0,
    },
    T,
    T + HOUR,
  );
  await recordSuccess(
    db,
    'hf-models',
    {
      items: [
        { id: 'gpt2', name: 'gpt2', url: 'https://huggingface.co/gpt2', metrics: { likes: 5 } },
        { id: 'Qwen/Qwen3.8-27B', name: 'Qwen 3.8', url: 'https://huggingface.co/Qwen/Qwen3.8-27B', task: 'text-generation', tags: ['llm', 'qwen'], metrics: { likes: 120 } },
      ],
      dropped: 0,
    },
    T + 25 * HOUR,
    T + 26 * HOUR,
  );
  await recordSuccess(
    db,
    'gh-trending-daily',
    { items: [{ id: 'octo/agent', name: 'octo/agent', url: 'https://github.com/octo/agent', language: 'Python', metrics: { stars: 9683, starsInPeriod: 50 } }], dropped: 0 },
    T + 25 * HOUR,
    T + 26 * HOUR,
  );
  expect(await storeIssue(db, handIssue())).toBe(true);
  expect(await storeIssue(db, handIssue({ number: 8, publishedAt: T + 24 * HOUR }))).toBe(true);
  await db.meta.put({ name: LAST_READ, value: 7 });
  await saveSettings(browser.sync, { refreshIntervalMinutes: 120, githubLanguages: ['Rust'] });
  await browser.local.set({ githubToken: 'ghp_secret123' });
}

function deps(db: MorningPostDB, browser: OwnBrowser): DataDeps {
  return { db, settings: browser.sync, local: browser.local };
}

async function counts(db: MorningPostDB) {
  return {
    snapshots: await db.snapshots.count(),
    catalog: await db.catalog.count(),
    sourceStatus: await db.sourceStatus.count(),
    meta: await db.meta.count(),
    issues: await db.issues.count(),
    lists: await db.lists.count(),
  };
}

async function exported(db: MorningPostDB, browser: OwnBrowser): Promise<string> {
  return dataFileText(await exportData(deps(db, browser), new Date(T + 30 * HOUR)));
}

const textFile = (text: string) => [new TextEncoder().encode(text).length, async () => text] as const;

describe('export all data, import it back (issue #10)', () => {
  it('names the file by the day', () => {
    expect(dataFileName(new Date(2026, 0, 5, 23, 59))).toBe('ai-morning-post-data-2026-01-05.json');
  });

  it('export → clear → import gives back the same records, settings and lists; the token is never in the file', async () => {
    const db = testDb();
    const browser = testBrowser();
    await populate(db, browser);
    const bodiesBefore = (await db.issues.orderBy('number').toArray()).map((record) => Array.from((record as { body: Uint8Array }).body));
    const qwenBefore = await db.catalog.where('[sourceId+itemId]').equals(['hf-models', 'Qwen/Qwen3.8-27B']).first();
    const listsBefore = await db.lists.toArray();
    const text = await exported(db, browser);
    expect(text).not.toContain('ghp_secret123');
    const file = JSON.parse(text) as Record<string, unknown>;
    expect([file.format, file.version, file.schemaVersion]).toEqual(['ai-morning-post-data', 1, 4]);

    await clearAllData(deps(db, browser));
    expect(await counts(db)).toEqual({ snapshots: 0, catalog: 0, sourceStatus: 0, meta: 0, issues: 0, lists: 0 });

    const summary = await importData(deps(db, browser), ...textFile(text));
    expect(summary).toEqual({ snapshots: 3, catalog: 3, issues: 2 });
    // Three snapshots, three catalog items, two statuses, one meta fact, two issues, two lists: counted by hand from `populate`.
    expect(await counts(db)).toEqual({ snapshots: 3, catalog: 3, sourceStatus: 2, meta: 1, issues: 2, lists: 2 });
    const qwen = await db.catalog.where('[sourceId+itemId]').equals(['hf-models', 'Qwen/Qwen3.8-27B']).first();
    // lastSeenAt is T: a sighting within write.ts's SIGHTING_STEP_MS of the last one leaves the entry as it is.
    expect([qwen?.name, qwen?.task, qwen?.tags, qwen?.firstSeenAt, qwen?.lastSeenAt]).toEqual(['Qwen 3.8', 'text-generation', ['llm', 'qwen'], T, T]);
    expect(qwen).toEqual(qwenBefore);
    const models = await db.lists.get('hf-models');
    expect(models?.rows.map((row) => [row.rank, row.itemId, row.metrics.likes])).toEqual([
      [1, 'gpt2', 5],
      [2, 'Qwen/Qwen3.8-27B', 120],
    ]);
    expect(models?.sinceAt).toBe(T);
    // The lists are rebuilt from the imported history: the same as the worker wrote them.
    expect(await db.lists.toArray()).toEqual(listsBefore);
    expect((await db.meta.get(LAST_READ))?.value).toBe(7);
    expect((await db.sourceStatus.get('gh-trending-daily'))?.lastSuccessAt).toBe(T + 25 * HOUR);
    const latest = await latestIssue(db);
    expect([latest?.number, latest?.lead.headline, latest?.trending.models[0]?.url]).toEqual([8, 'Qwen3.8-27B holds No. 1', 'https://huggingface.co/Qwen/Qwen3.8-27B']);
    const bodiesAfter = (await db.issues.orderBy('number').toArray()).map((record) => Array.from((record as { body: Uint8Array }).body));
    expect(bodiesAfter).toEqual(bodiesBefore);
    const settings = (await browser.sync.get(SETTINGS_KEY))[SETTINGS_KEY] as { refreshIntervalMinutes: number; githubLanguages: string[] };
    expect([settings.refreshIntervalMinutes, settings.githubLanguages]).toEqual([120, ['Rust']]);
    console.info(`data round trip: 3 snapshots, 3 items, 2 issues, 2 lists back; bytes of ${bodiesAfter.length} issue bodies identical; 0 rows lost`);
  });

  it('clear all data empties every store, removes the settings (defaults apply) and the token', async () => {
    const db = testDb();
    const browser = testBrowser();
    await populate(db, browser);
    await clearAllData(deps(db, browser));
    expect(await counts(db)).toEqual({ snapshots: 0, catalog: 0, sourceStatus: 0, meta: 0, issues: 0, lists: 0 });
    expect(await browser.sync.get(SETTINGS_KEY)).toEqual({});
    expect(await browser.local.get('githubToken')).toEqual({});
  });

  it('clear with no settings ever saved writes the defaults, so the worker sees a change and puts the badge right', async () => {
    const db = testDb();
    const browser = testBrowser();
    await clearAllData(deps(db, browser));
    const settings = (await browser.sync.get(SETTINGS_KEY))[SETTINGS_KEY] as { refreshIntervalMinutes: number; badge: boolean };
    expect([settings.refreshIntervalMinutes, settings.badge]).toEqual([60, true]);
  });

  it('a file over 50 MB is refused before it is read', async () => {
    const db = testDb();
    const browser = testBrowser();
    const read = vi.fn(async () => '{}');
    await expect(importData(deps(db, browser), 60 * 1024 * 1024, read)).rejects.toThrow('Nothing was changed: the file is 60 MB; a data file of this extension is at most 50 MB.');
    expect(read).not.toHaveBeenCalled();
  });
});

type Edit = (file: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Each bad file: a text (or an edit of a good export) and the reason the page must give. */
const BAD_FILES: { name: string; text?: (good: string) => string; edit?: Edit; why: RegExp }[] = [
  { name: 'empty file', text: () => '', why: /^Nothing was changed: the file is empty\.$/ },
  { name: 'only white space', text: () => ' \n ', why: /the file is empty/ },
  { name: 'not JSON', text: () => 'Dear reader,', why: /the file is not JSON/ },
  { name: 'truncated', text: (good) => good.slice(0, Math.floor(good.length / 2)), why: /the file is not JSON \(it may be cut short/ },
  { name: 'JSON but not an object', text: () => '[1,2,3]', why: /this is not a data file of The AI Morning Post/ },
  { name: 'wrong format', edit: (file) => (file.format = 'someone-elses-data'), why: /this is not a data file of The AI Morning Post/ },
  { name: 'wrong version', edit: (file) => (file.version = 2), why: /version 2 of the data format .*reads version 1/ },
  { name: 'older schema', edit: (file) => (file.schemaVersion = 3), why: /schema 3\); this extension reads version 1 \(schema 4\)/ },
  { name: 'snapshot keys of the wrong shape', edit: (file) => (file.stores.snapshots[0].keys = 'x'), why: /a record that is not as this extension stores it \(stores › snapshots › 0 › keys/ },
  { name: 'unknown key in a catalog record', edit: (file) => (file.stores.catalog[0].onclick = 'x'), why: /stores › catalog › 0 › onclick/ },
  { name: 'missing store', edit: (file) => delete file.stores.issues, why: /stores › issues/ },
  { name: 'hostile id', edit: (file) => (file.stores.catalog[0].itemId = 'javascript:alert(1)'), why: /catalog record 1 has an id that is not a hf-models id/ },
  { name: 'path-like id', edit: (file) => (file.stores.catalog[0].itemId = '../../etc/passwd'), why: /has an id that is not a hf-models id/ },
  { name: 'hostile link', edit: (file) => (file.stores.catalog[0].url = 'javascript:alert(1)'), why: /has a link that is not its item's own page/ },
  { name: 'another site as the link', edit: (file) => (file.stores.catalog[0].url = 'https://evil.example/Qwen/Qwen3.8-27B'), why: /has a link that is not its item's own page/ },
  { name: 'huge string', edit: (file) => (file.stores.catalog[0].description = 'A'.repeat(1_000_000)), why: /stores › catalog › 0 › description/ },
  { name: 'bidi control in a name', edit: (file) => (file.stores.catalog[0].name = 'Qwen\u202Egnp.exe'), why: /has a text or date this extension would not have stored/ },
  { name: 'a time in the year 5138', edit: (file) => (file.stores.snapshots[0].fetchedAt = 1e14), why: /stores › snapshots › 0 › fetchedAt/ },
  { name: 'a negative count', edit: (file) => (file.stores.sourceStatus[0].consecutiveFailures = -1), why: /stores › sourceStatus › 0 › consecutiveFailures/ },
  { name: 'snapshot naming a missing item', edit: (file) => file.stores.snapshots[0].keys.push(999), why: /snapshot 1 names an item \(key 999\) that is not in its source's catalog/ },
  { name: 'metric column out of step', edit: (file) => file.stores.snapshots[0].metrics.likes.push(1), why: /snapshot 1: its likes column does not match its rows/ },
  { name: 'two catalog records under one key', edit: (file) => (file.stores.catalog[1].key = file.stores.catalog[0].key), why: /repeats the key/ },
  { name: 'issue body not base64', edit: (file) => (file.stores.issues[0].body = '!!!'), why: /stores › issues › 0 › body/ },
  { name: 'issue body corrupt', edit: (file) => (file.stores.issues[0].body = btoa('not deflate at all')), why: /issue 7 cannot be read/ },
  { name: "issue body of another number", edit: (file) => (file.stores.issues[0].body = file.stores.issues[1].body), why: /issue 7 cannot be read/ },
  { name: 'settings out of range', edit: (file) => (file.settings.refreshIntervalMinutes = 3), why: /the settings in the file are not valid settings/ },
  { name: 'settings with an unknown field', edit: (file) => (file.settings.evil = true), why: /the settings in the file are not valid settings/ },
  { name: 'meta with a hostile name', edit: (file) => (file.stores.meta[0].name = '__proto__'), why: /stores › meta › 0 › name/ },
];

describe('a bad file changes nothing and says why (issue #10)', () => {
  it('refuses every file of the table, leaving the database, the settings and the token as they were', async () => {
    const db = testDb();
    const browser = testBrowser();
    await populate(db, browser);
    const good = await exported(db, browser);
    const before = await counts(db);
    const settingsBefore = await browser.sync.get(SETTINGS_KEY);
    let refused = 0;
    let changed = 0;
    const crashes: string[] = [];
    for (const bad of BAD_FILES) {
      let text = bad.text ? bad.text(good) : good;
      if (bad.edit) {
        const file = JSON.parse(good);
        bad.edit(file);
        text = JSON.stringify(file);
      }
      const error = await importData(deps(db, browser), ...textFile(text)).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      if (!(error instanceof Error) || error.name !== 'DataFileError') {
        crashes.push(`${bad.name}: ${String(error)}`);
        continue;
      }
      expect(error.message, bad.name).toMatch(bad.why);
      expect(error.message, bad.name).toMatch(/^Nothing was changed: /);
      refused += 1;
      const now = await counts(db);
      if (JSON.stringify(now) !== JSON.stringify(before) || JSON.stringify(await browser.sync.get(SETTINGS_KEY)) !== JSON.stringify(settingsBefore)) changed += 1;
    }
    console.info(`data import, bad files: ${BAD_FILES.length} cases, ${refused} refused with their reason, ${crashes.length} crashes, ${changed} changed the data`);
    expect(crashes).toEqual([]);
    expect(changed).toBe(0);
    expect(refused).toBe(BAD_FILES.length);
    // Still the data that was there: the latest issue and the token.
    expect((await latestIssue(db))?.number).toBe(8);
    expect((await browser.local.get('githubToken')).githubToken).toBe('ghp_secret123');
  });

  it('the good export itself is accepted (the table is not refusing everything)', async () => {
    const db = testDb();
    const browser = testBrowser();
    await populate(db, browser);
    const good = await exported(db, browser);
    await expect(importData(deps(db, browser), ...textFile(good))).resolves.toEqual({ snapshots: 3, catalog: 3, issues: 2 });
  });

  it('an issue packed well but holding a hostile link or invisible characters is refused, and nothing changes', async () => {
    const db = testDb();
    const browser = testBrowser();
    await populate(db, browser);
    const good = JSON.parse(await exported(db, browser));
    const base = handIssue();
    const hostile = [
      { name: 'javascript: link', issue: handIssue({ tools: [{ ...base.tools[0]!, url: 'javascript:alert(1)' }] }), why: /issue 7 holds a link that is not safe\.$/ },
      { name: 'bidi override in a paragraph', issue: handIssue({ lead: { ...base.lead, paragraphs: ['Qwen\u202Egnp.exe'] } }), why: /issue 7 holds invisible characters\.$/ },
      { name: 'a 20,000-character paragraph', issue: handIssue({ lead: { ...base.lead, paragraphs: ['A'.repeat(20_000)] } }), why: /issue 7 holds a text longer than 10000 characters\.$/ },
    ];
    let refused = 0;
    for (const { name, issue, why } of hostile) {
      const packed = await packIssue(issue);
      let binary = '';
      for (const byte of packed.body) binary += String.fromCharCode(byte);
      const file = structuredClone(good);
      file.stores.issues[0] = { ...packed, body: btoa(binary) };
      await expect(importData(deps(db, browser), ...textFile(JSON.stringify(file))), name).rejects.toThrow(why);
      refused += 1;
    }
    console.info(`data import, hostile issues: ${hostile.length} cases, ${refused} refused, 0 written`);
    expect(await counts(db)).toEqual({ snapshots: 3, catalog: 3, sourceStatus: 2, meta: 1, issues: 2, lists: 2 });
  });

  it('a write the browser refuses half-way (the last store, after every clear) rolls back: all or nothing', async () => {
    const db = testDb();
    const browser = testBrowser();
    await populate(db, browser);
    const good = await exported(db, browser);
    const before = await counts(db);
    vi.spyOn(db.lists, 'put').mockImplementation(() => Promise.reject(new Error('QuotaExceededError: the disk is full')) as never);
    await expect(importData(deps(db, browser), ...textFile(good))).rejects.toThrow(
      "Nothing was changed: the browser refused to store the file's data (QuotaExceededError: the disk is full).",
    );
    expect(await counts(db)).toEqual(before);
    expect((await latestIssue(db))?.number).toBe(8);
  });
});
