import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_PATH } from '../support/browser';
import { FixtureServer } from '../support/fixture-server';
import { CHROME_BUILD } from '../support/paths';
import { sharedRecordings } from '../support/recordings';
import { asRead } from '../support/text';
import { badgeText, morningOfDay, serveDay, setWorkerClock } from '../support/simulate';

/**
 * Issue #10, "Badge": a new tab left open in a background tab while the next
 * issue is published must not mark it read; it does when the reader brings the
 * tab to the front. Driven with Puppeteer rather than Playwright: under
 * Playwright every tab of headless Chromium reports `visible` (its focus
 * emulation; tests/e2e/badge.e2e.ts lists what was tried), while through
 * Puppeteer a tab behind another is `hidden` and a tab brought to the front is
 * `visible` again, with the browser's own `visibilitychange` — which the test
 * checks in the page before relying on it.
 */
const files = sharedRecordings();

const visibility = (page: Page) => page.evaluate(() => document.visibilityState);
/** The number in the paper's ear ("No. 2"), the issue the page shows. */
const issueNumberShown = (page: Page) => page.evaluate(() => document.querySelector('.issue__number')?.textContent ?? undefined).then((text) => (text === undefined ? text : asRead(text)));

describe('a new tab in the background does not read the next issue', () => {
  let server: FixtureServer;
  let browser: Browser;
  let profile: string;
  let worker: WebWorker;
  let extensionId: string;

  const badge = () => worker.evaluate(badgeText);
  const open = async (url: string): Promise<Page> => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForSelector('html[data-ready]', { timeout: 15_000 });
    return page;
  };

  beforeAll(async () => {
    server = await FixtureServer.start();
    serveDay(server, files, 0);
    profile = mkdtempSync(join(tmpdir(), 'amp-profile-'));
    browser = await puppeteer.launch({
      executablePath: CHROME_PATH,
      headless: true,
      userDataDir: profile,
      enableExtensions: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--disable-extensions-except=${CHROME_BUILD}`,
        `--load-extension=${CHROME_BUILD}`,
        ...server.chromiumArgs(),
      ],
    });
    const target = await browser.waitForTarget((candidate) => candidate.type() === 'service_worker' && candidate.url().startsWith('chrome-extension://'), { timeout: 15_000 });
    extensionId = new URL(target.url()).host;
    worker = (await target.worker())!;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('reads No. 1 while in front, keeps No. 2 unread while behind another tab, and reads it when brought back', async () => {
    await expect.poll(badge, { timeout: 30_000 }).toBe('1');
    const newTab = await open('chrome://newtab/');
    expect(await visibility(newTab)).toBe('visible');
    await expect.poll(() => issueNumberShown(newTab), { timeout: 15_000 }).toBe('No. 1');
    await expect.poll(badge, { timeout: 15_000 }).toBe('');

    // Another tab in front: the new tab is hidden, as the browser says.
    const panel = await open(`chrome-extension://${extensionId}/sidepanel.html`);
    await expect.poll(() => visibility(newTab), { timeout: 5_000 }).toBe('hidden');
    await newTab.evaluate(() => {
      (globalThis as unknown as { __visibilityChanges: string[] }).__visibilityChanges = [];
      document.addEventListener('visibilitychange', () => (globalThis as unknown as { __visibilityChanges: string[] }).__visibilityChanges.push(document.visibilityState));
    });

    // The next morning's issue, published while the new tab is behind.
    serveDay(server, files, 1);
    await worker.evaluate(setWorkerClock, morningOfDay(1));
    await panel.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(message: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'refresh-now' }),
    );
    await expect.poll(badge, { timeout: 30_000 }).toBe('1');
    // The hidden tab shows No. 2 (its live query followed the archive) and still has not marked it read.
    await expect.poll(() => issueNumberShown(newTab), { timeout: 20_000 }).toBe('No. 2');
    expect(await visibility(newTab)).toBe('hidden');
    expect(await badge()).toBe('1');

    // Brought to the front, it is visible, and the issue it shows is read.
    await newTab.bringToFront();
    await expect.poll(() => visibility(newTab), { timeout: 5_000 }).toBe('visible');
    expect(await newTab.evaluate(() => (globalThis as unknown as { __visibilityChanges: string[] }).__visibilityChanges)).toContain('visible');
    await expect.poll(badge, { timeout: 15_000 }).toBe('');
    console.info('badge, hidden tab: No. 2 published behind another tab — badge "1" while hidden, "" once the tab was brought to the front');
  });
});
