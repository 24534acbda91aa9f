import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceId } from '@/lib/sources/ids';
import { launchWithRecordings, openReady, type ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { sharedRecordings, SOURCE_ROUTES } from '../support/recordings';
import { shiftedRecording } from '../support/shifted';

/**
 * The daily issue over simulated days, in Chromium. The worker's clock is
 * moved from outside (Playwright evaluates in the service worker's global
 * scope and shifts `Date.now`); the extension's code is the production build.
 */
const files = sharedRecordings();

function serveDay(server: FixtureServer, day: number) {
  for (const [id, file] of Object.entries(files) as [SourceId, string][]) {
    server.respond(SOURCE_ROUTES[id].route, { body: shiftedRecording(id, file, day), headers: { 'content-type': SOURCE_ROUTES[id].contentType } });
  }
}

/** Runs in the service worker: moves its clock to `target` (epoch ms), keeping it ticking. */
function setWorkerClock(target: number): void {
  const realNow = (globalThis as unknown as { __realNow?: () => number }).__realNow ?? Date.now.bind(Date);
  (globalThis as unknown as { __realNow: () => number }).__realNow = realNow;
  const offset = target - realNow();
  Date.now = () => realNow() + offset;
}

function badgeText(): Promise<string> {
  return (globalThis as unknown as { chrome: { action: { getBadgeText(details: object): Promise<string> } } }).chrome.action.getBadgeText({});
}

describe('the daily issue, published over three simulated days', () => {
  let server: FixtureServer;
  let session: ExtensionSession;
  let close: () => Promise<void>;

  /** The live service worker (the browser may have restarted it since the last call). */
  const worker = async () => session.context.serviceWorkers()[0] ?? (await session.context.waitForEvent('serviceworker'));

  /** Next morning after install, day `day`, 08:00 local: past the default 07:00 publishing time. */
  const morning = (day: number) => {
    const date = new Date();
    date.setDate(date.getDate() + day);
    date.setHours(8, 0, 0, 0);
    return date.getTime();
  };

  async function refreshOn(day: number): Promise<void> {
    serveDay(server, day);
    await (await worker()).evaluate(setWorkerClock, morning(day));
    const page = await openReady(session, session.url('sidepanel.html'), { width: 420, height: 800 });
    // The real message a page sends for "Refresh now".
    await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'refresh-now' }));
    await page.close();
  }

  beforeAll(async () => {
    ({ server, session, close } = await launchWithRecordings((fixtures) => serveDay(fixtures, 0)));
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
    for (const section of ['Tools of the Week', "Trending: What's Gaining Momentum", 'Biggest Movers This Week', 'Weekend Reading']) {
      await page.getByRole('heading', { name: section }).waitFor();
    }
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/Movers appear once/);
    expect(await page.locator('article').count()).toBeGreaterThanOrEqual(3); // the lead and at least two analysis pieces
    expect(await page.locator('.tool').count()).toBe(4);
    expect(await page.locator('svg[role=img]').count()).toBeGreaterThan(0); // sparklines
    await expect.poll(async () => (await worker()).evaluate(badgeText), { timeout: 10_000 }).toBe('');

    // The archive reaches the earlier issues.
    await page.getByRole('button', { name: /No\. 2/ }).click();
    await page.getByText('Issue 2 of 3').waitFor();
    await page.getByRole('button', { name: /No\. 1/ }).click();
    await page.getByText('Issue 1 of 3').waitFor();
    expect(page.url()).toMatch(/#\/issue\/1$/);
    await page.close();
  });
});
