import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { launchWithRecordings, openReady, type ExtensionSession } from '../support/browser';
import { sharedRecordings } from '../support/recordings';
import { badgeText, liveWorker, serveDay } from '../support/simulate';

/**
 * Issue #10, in Chromium on the options page: export all data (the download
 * captured), clear it, import the file back; the badge and the new tab follow.
 * The history is the production build's own, from the shared recordings.
 */
const files = sharedRecordings();

describe('export, clear and import all data from the options page', () => {
  let session: ExtensionSession;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ session, close } = await launchWithRecordings((fixtures) => serveDay(fixtures, files, 0)));
  });
  afterAll(() => close?.());

  it('exports a file, clears everything, imports the file: issue No. 1 is back on the new tab and the badge', async () => {
    const worker = () => liveWorker(session);
    await expect.poll(async () => (await worker()).evaluate(badgeText), { timeout: 20_000 }).toBe('1');
    const options = await openReady(session, session.url('options.html'));

    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export all data' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^ai-morning-post-data-\d{4}-\d{2}-\d{2}\.json$/);
    // Saved under its own name, as the reader's downloads would hold it, in this test's own folder.
    const folder = await mkdtemp(join(tmpdir(), 'data-transfer-'));
    onTestFinished(() => rm(folder, { recursive: true, force: true }));
    const path = join(folder, download.suggestedFilename());
    await download.saveAs(path);
    const file = JSON.parse(await readFile(path, 'utf8')) as { format: string; stores: Record<string, unknown[]> };
    expect(file.format).toBe('ai-morning-post-data');
    expect(file.stores.issues).toHaveLength(1);
    const snapshots = file.stores.snapshots!.length;
    expect(snapshots).toBeGreaterThan(0);

    // A new tab left open: it follows the clear live (Dexie's cross-tab change events). Closed before the import, so
    // that it does not mark the imported issue read and the badge's count below is the import's alone.
    const openTab = await openReady(session, 'chrome://newtab/', { width: 1280, height: 900 });
    await openTab.getByText('No. 1', { exact: false }).first().waitFor();

    await options.bringToFront();
    await options.getByRole('button', { name: 'Clear all data' }).click();
    await options.getByRole('button', { name: 'Delete everything' }).click();
    await options.getByText('All data cleared', { exact: false }).waitFor();
    // (The open tab marked No. 1 read, so the badge is already empty here: the import below shows the worker following.)
    await expect.poll(() => openTab.getByText('No. 1', { exact: false }).count(), { timeout: 10_000 }).toBe(0);
    await openTab.close();

    await options.locator('#data-import').setInputFiles(path);
    await options.getByRole('button', { name: 'Replace my data' }).click();
    const note = options.locator('#data-note-import');
    await expect.poll(() => note.textContent(), { timeout: 15_000 }).toMatch(/^Imported ai-morning-post-data-.*: 1 issue, \d+ snapshots, \d+ items\. Your settings are the file's\. Your reading list \(\d+ items?\) and watchlist \(\d+ items?\) are the file's\.$/);
    console.info(`data transfer in Chromium: exported ${snapshots} snapshots and 1 issue, cleared, imported back: ${await note.textContent()}`);
    // The worker follows the settings written by the import (worker.ts `settingsChanged`): the file's issue, unread.
    await expect.poll(async () => (await worker()).evaluate(badgeText), { timeout: 10_000 }).toBe('1');

    const newTab = await openReady(session, 'chrome://newtab/', { width: 1280, height: 900 });
    await newTab.getByText('No. 1', { exact: false }).first().waitFor();
    await newTab.close();

    // A bad file changes nothing and says why, beside the control.
    await options.locator('#data-import').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "ai-morning-post-data", "version": 9') });
    await options.getByRole('button', { name: 'Replace my data' }).click();
    await expect.poll(() => note.textContent(), { timeout: 10_000 }).toMatch(/^Nothing was changed: the file is not JSON/);
    await options.close();
  });
});
