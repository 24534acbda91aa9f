import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { launchWithRecordings, openReady, type ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { SOURCE_ROUTES, sharedRecordings } from '../support/recordings';
import { badgeText, liveWorker, refreshOnDay, serveDay } from '../support/simulate';
import type { SourceId } from '@/lib/sources/ids';

/**
 * Issue #10, "How it will be checked": "export then import into a fresh
 * profile". Two browsers with profiles of their own: the first publishes two
 * issues over two simulated days and the reader changes a setting; its file
 * is imported into a second, fresh profile whose sources all fail, so that
 * everything it then shows came from the file.
 */
const files = sharedRecordings();

describe('export from one profile, import into a fresh one', () => {
  let first: { server: FixtureServer; session: ExtensionSession; close(): Promise<void> };
  let fresh: { server: FixtureServer; session: ExtensionSession; close(): Promise<void> };

  beforeAll(async () => {
    first = await launchWithRecordings((fixtures) => serveDay(fixtures, files, 0));
    fresh = await launchWithRecordings((fixtures) => {
      for (const id of Object.keys(SOURCE_ROUTES) as SourceId[]) fixtures.respond(SOURCE_ROUTES[id].route, { status: 503, body: 'Service Unavailable' });
    });
  });
  afterAll(async () => {
    await first?.close();
    await fresh?.close();
  });

  it('the fresh profile shows the first one’s issues, archive, lists and settings', async () => {
    // The first profile: No. 1 at install, No. 2 the next morning; the reader picks a 6-hour refresh.
    await expect.poll(async () => (await liveWorker(first.session)).evaluate(badgeText), { timeout: 20_000 }).toBe('1');
    await refreshOnDay(first.session, first.server, files, 1);
    await expect.poll(async () => (await liveWorker(first.session)).evaluate(badgeText), { timeout: 20_000 }).toBe('2');
    const options = await openReady(first.session, first.session.url('options.html'));
    await options.getByLabel('Refresh the trending lists').selectOption('360');
    await options.getByText('Saved.').waitFor();
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export all data' }).click()]);
    const folder = await mkdtemp(join(tmpdir(), 'data-fresh-'));
    onTestFinished(() => rm(folder, { recursive: true, force: true }));
    const path = join(folder, download.suggestedFilename());
    await download.saveAs(path);
    const file = JSON.parse(await readFile(path, 'utf8')) as { stores: Record<string, unknown[]> };
    expect(file.stores.issues).toHaveLength(2);
    await options.close();

    // The fresh profile: every source failed at install, so it has no issue of its own.
    const emptyTab = await openReady(fresh.session, 'chrome://newtab/', { width: 1280, height: 900 });
    await expect.poll(() => emptyTab.getByText('No. 1', { exact: false }).count(), { timeout: 5_000 }).toBe(0);
    await emptyTab.close();
    const freshOptions = await openReady(fresh.session, fresh.session.url('options.html'));
    expect(await freshOptions.getByLabel('Refresh the trending lists').inputValue()).toBe('60');
    await freshOptions.locator('#data-import').setInputFiles(path);
    await freshOptions.getByRole('button', { name: 'Replace my data' }).click();
    const note = freshOptions.locator('#data-note-import');
    await expect.poll(() => note.textContent(), { timeout: 15_000 }).toMatch(/^Imported ai-morning-post-data-.*: 2 issues, \d+ snapshots, \d+ items\./);
    // The settings are the file's, on the page and for the worker.
    await freshOptions.reload();
    await freshOptions.waitForSelector('html[data-ready]');
    expect(await freshOptions.getByLabel('Refresh the trending lists').inputValue()).toBe('360');
    await freshOptions.close();

    // Its new tab shows No. 2, and the archive leads back to No. 1.
    const tab = await openReady(fresh.session, 'chrome://newtab/', { width: 1280, height: 900 });
    await tab.getByText('No. 2', { exact: false }).first().waitFor({ timeout: 15_000 });
    const modelsOnTab = await tab.locator('[data-list=models] .trending__row').count();
    expect(modelsOnTab).toBeGreaterThan(0);
    await tab.getByRole('button', { name: /Previous issue/ }).click();
    await tab.getByText('Issue 1 of 2', { exact: false }).waitFor({ timeout: 10_000 });
    await tab.close();

    // Its side panel shows the first profile's lists, though every one of its own requests failed.
    const panel = await openReady(fresh.session, fresh.session.url('sidepanel.html'), { width: 400, height: 900 });
    await expect.poll(() => panel.locator('.trending__row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await panel.close();
    console.info(`fresh profile: imported 2 issues, ${file.stores.snapshots!.length} snapshots; new tab No. 2 with ${modelsOnTab} model rows, archive to No. 1, interval 360 min`);
  });
});
