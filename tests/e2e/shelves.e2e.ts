import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithRecordings, openReady, type ExtensionSession } from '../support/browser';
import { serveRecordings, sharedRecordings } from '../support/recordings';
import { awaitFirstIssue } from '../support/simulate';

/**
 * Issue #10, "Saving and watching", in Chromium over the recorded lists: save
 * from the side panel with the mouse and with `s`, watch with `w`, see both on
 * the new tab, remove one and watch the open new tab follow, and carry the
 * lists through export → clear → import on the options page.
 */

interface Row {
  id: string;
  name: string;
}

/** The side panel's first rows of the open tab, as the reader sees them (id and name). */
async function firstRows(page: Page, count: number): Promise<Row[]> {
  await page.locator('.tabs__panel .trending__row .shelf-button').first().waitFor({ timeout: 20_000 });
  const rows = await page.locator('.tabs__panel .trending__row').evaluateAll((items) =>
    items.map((item) => ({ id: item.getAttribute('data-item-id') ?? '', name: item.querySelector('.trending__link')?.textContent ?? '' })),
  );
  return rows.slice(0, count);
}

function pressed(page: Page, label: string) {
  return page.getByRole('button', { name: label, exact: true }).first().getAttribute('aria-pressed');
}

async function savedIds(page: Page, shelf: 'reading' | 'watch'): Promise<string[]> {
  return page.locator(`[data-shelf-list=${shelf}] .saved__row`).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-item-id') ?? ''));
}

describe('saving and watching, in Chromium (issue #10)', () => {
  let session: ExtensionSession;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ session, close } = await launchWithRecordings((fixtures) => serveRecordings(fixtures, sharedRecordings())));
    await awaitFirstIssue(session);
  });
  afterAll(() => close?.());

  it('saves with the mouse and with s, watches with w, shows both shelves on the new tab, removes live, and round-trips through the data file', async () => {
    const panel = await openReady(session, session.url('sidepanel.html'), { width: 420, height: 900 });
    const [first, second, third] = await firstRows(panel, 3);
    expect(first && second && third).toBeTruthy();

    // The mouse: the first row's Save.
    const saveFirst = `Save ${first!.name} to the reading list`;
    expect(await pressed(panel, saveFirst)).toBe('false');
    await panel.getByRole('button', { name: saveFirst, exact: true }).first().click();
    await expect.poll(() => pressed(panel, saveFirst)).toBe('true');
    await expect.poll(() => panel.locator('[data-shelf-status=done]').textContent()).toBe(`Saved ${first!.name} to the reading list.`);

    // The keyboard: j to the second row's link, s saves it; w watches the third.
    await panel.locator('body').focus();
    await panel.keyboard.press('j');
    await panel.keyboard.press('j');
    await expect.poll(() => panel.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-item-id'))).toBe(second!.id);
    await panel.keyboard.press('s');
    await expect.poll(() => pressed(panel, `Save ${second!.name} to the reading list`)).toBe('true');
    await panel.keyboard.press('j');
    await panel.keyboard.press('w');
    await expect.poll(() => pressed(panel, `Watch ${third!.name}`)).toBe('true');
    await expect.poll(() => panel.locator('[data-shelf-status=done]').textContent()).toBe(`Watching ${third!.name}: added to the watchlist.`);
    // s on the third saves it; s again takes it off, and says so.
    await panel.keyboard.press('s');
    await expect.poll(() => panel.locator('[data-shelf-status=done]').textContent()).toBe(`Saved ${third!.name} to the reading list.`);
    await panel.keyboard.press('s');
    await expect.poll(() => panel.locator('[data-shelf-status=done]').textContent()).toBe(`Removed ${third!.name} from the reading list.`);

    // The Saved tab: newest first, each a link to its page in a new tab.
    await panel.locator('#tab-saved').click();
    await expect.poll(() => savedIds(panel, 'reading')).toEqual([second!.id, first!.id]);
    expect(await savedIds(panel, 'watch')).toEqual([third!.id]);
    const link = panel.locator('[data-shelf-list=reading] .saved__row').last().locator('a');
    expect(await link.getAttribute('href')).toBe(`https://huggingface.co/${first!.id}`);
    expect(await link.getAttribute('target')).toBe('_blank');

    // The new tab, loaded after it is ready: the reading list and the watchlist.
    const newTab = await openReady(session, 'chrome://newtab/', { width: 1280, height: 900 });
    await newTab.locator('.saved-section [data-shelf-list=reading] .saved__row').first().waitFor({ timeout: 20_000 });
    expect(await savedIds(newTab, 'reading')).toEqual([second!.id, first!.id]);
    expect(await savedIds(newTab, 'watch')).toEqual([third!.id]);
    // The issue's own row of the first model shows it saved.
    const issueRow = newTab.locator(`.issue [data-item-id="${first!.id}"] button[data-shelf=reading]`).first();
    if ((await issueRow.count()) > 0) expect(await issueRow.getAttribute('aria-pressed')).toBe('true');

    // Removed in the side panel: the open new tab follows (storage.onChanged), with no reload.
    await panel.bringToFront();
    await panel.getByRole('button', { name: `Remove ${second!.name} from the reading list`, exact: true }).click();
    await expect.poll(() => savedIds(panel, 'reading')).toEqual([first!.id]);
    await expect.poll(() => savedIds(newTab, 'reading'), { timeout: 10_000 }).toEqual([first!.id]);
    await newTab.close();

    // Export → clear → import: the lists go with the file and come back.
    const options = await openReady(session, session.url('options.html'));
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export all data' }).click()]);
    const folder = await mkdtemp(join(tmpdir(), 'shelves-'));
    onTestFinished(() => rm(folder, { recursive: true, force: true }));
    const path = join(folder, download.suggestedFilename());
    await download.saveAs(path);
    const file = JSON.parse(await readFile(path, 'utf8')) as { shelves: { reading: { id: string }[]; watch: { id: string }[] } };
    expect(file.shelves.reading.map((entry) => entry.id)).toEqual([first!.id]);
    expect(file.shelves.watch.map((entry) => entry.id)).toEqual([third!.id]);

    await options.getByRole('button', { name: 'Clear all data' }).click();
    await options.getByRole('button', { name: 'Delete everything' }).click();
    await options.getByText('All data cleared', { exact: false }).waitFor();
    await expect.poll(() => savedIds(panel, 'reading')).toEqual([]);
    expect(await panel.locator('[data-shelf-list=reading] .empty').textContent()).toMatch(/^Nothing saved yet\. Press “Save” on any item/);

    await options.locator('#data-import').setInputFiles(path);
    await options.getByRole('button', { name: 'Replace my data' }).click();
    await expect
      .poll(() => options.locator('#data-note-import').textContent(), { timeout: 15_000 })
      .toMatch(/Your reading list \(1 item\) and watchlist \(1 item\) are the file's\.$/);
    await expect.poll(() => savedIds(panel, 'reading')).toEqual([first!.id]);
    expect(await savedIds(panel, 'watch')).toEqual([third!.id]);
    console.info(`shelves e2e: saved ${first!.id} (mouse) and ${second!.id} (s), watched ${third!.id} (w), removed one; the new tab followed live; export → clear → import brought back 1 + 1`);
    await options.close();
    await panel.close();
  });
});
