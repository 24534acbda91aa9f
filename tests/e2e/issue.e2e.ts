import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithRecordings, openReady, type ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { sharedRecordings } from '../support/recordings';
import { badgeText, liveWorker, refreshOnDay, serveDay } from '../support/simulate';

/**
 * The daily issue over simulated days, in Chromium. The worker's clock is
 * moved from outside (Playwright evaluates in the service worker's global
 * scope and shifts `Date.now`); the extension's code is the production build.
 */
const files = sharedRecordings();

describe('the daily issue, published over three simulated days', () => {
  let server: FixtureServer;
  let session: ExtensionSession;
  let close: () => Promise<void>;

  const worker = () => liveWorker(session);
  const refreshOn = (day: number) => refreshOnDay(session, server, files, day);

  beforeAll(async () => {
    ({ server, session, close } = await launchWithRecordings((fixtures) => serveDay(fixtures, files, 0)));
  });
  afterAll(() => close?.());

  it('publishes No. 1 at install and announces it on the badge', async () => {
    await expect.poll(async () => (await worker()).evaluate(badgeText), { timeout: 20_000 }).toBe('1');
  });

  it('publishes one issue each following morning, and the badge counts them', async () => {
    await refreshOn(1);
    await expect.poll(async () => (await worker()).evaluate(badgeText), { timeout: 20_000 }).toBe('2');
    await refreshOn(2);
    await expect.poll(async () => (await worker()).evaluate(badgeText), { timeout: 20_000 }).toBe('3');
    // A second refresh the same morning publishes nothing more.
    await refreshOn(2);
    expect(await (await worker()).evaluate(badgeText)).toBe('3');
  });

  it('the new tab shows the latest issue with every section filled, and opening it clears the badge', async () => {
    const page = await openReady(session, 'chrome://newtab/', { width: 1440, height: 1000 });
    await page.getByText('No. 3', { exact: false }).first().waitFor();
    // Three days of history: the movers are "Since <the first day>" ("This Week" needs six days: lib/issue/prose.ts).
    // The reading section is named for the day of publishing (issue #11): "Weekend Reading" or "<Weekday> Reading".
    for (const section of ['Tools of the Week', "Trending: What's Gaining Momentum", /^Biggest Movers Since /, /^(?:Weekend|Monday|Tuesday|Wednesday|Thursday|Friday) Reading$/]) {
      await page.getByRole('heading', { name: section }).waitFor();
    }
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/Movers appear once/);
    expect(await page.locator('article').count()).toBeGreaterThanOrEqual(3); // the lead and at least two analysis pieces
    expect(await page.locator('.tool').count()).toBe(4);
    expect(await page.locator('svg[role=img]').count()).toBeGreaterThan(0); // sparklines
    await expect.poll(async () => (await worker()).evaluate(badgeText), { timeout: 10_000 }).toBe('');

    // The keyboard: j moves to the first item, j again to the next; ? shows the keys.
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    // What a key does loads with the first key pressed (components/useItemKeys.ts): the move is awaited.
    const second = await page.locator('.tool a[href]:not(.timeline-link)').nth(1).getAttribute('href');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('href')), { timeout: 10_000 }).toBe(second);
    await page.keyboard.press('?');
    await page.locator('dialog.keys-help[open]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('dialog.keys-help[open]').waitFor({ state: 'detached' });

    // The archive reaches the earlier issues.
    await page.getByRole('button', { name: /No\. 2/ }).click();
    await page.getByText('Issue 2 of 3').waitFor();
    await page.getByRole('button', { name: /No\. 1/ }).click();
    await page.getByText('Issue 1 of 3').waitFor();
    expect(page.url()).toMatch(/#\/issue\/1$/);
    await page.close();
  });
});
