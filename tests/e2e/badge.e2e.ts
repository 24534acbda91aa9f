import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithRecordings, openReady, type ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { sharedRecordings } from '../support/recordings';
import { badgeText, liveWorker, morningOfDay, serveDay, setWorkerClock } from '../support/simulate';

/**
 * Issue #10, "Badge", in Chromium with the production build: a page tells the
 * worker it read an issue only when there is something new to say, and the
 * badge counts what was read.
 *
 * The hidden tab is tests/e2e/badge-hidden.e2e.ts, driven with Puppeteer: under
 * Playwright, headless Chromium reports every tab `visible` — a tab behind another
 * (`context.newPage()`; `chrome.tabs.update` to another tab), a minimised window
 * (CDP `Browser.setWindowBounds`), a page frozen and thawed (CDP
 * `Page.setWebLifecycleState`), with focus emulation turned off on a session of
 * our own (`Emulation.setFocusEmulationEnabled`) — each was tried on this
 * machine. The sequences are also proven in tests/unit/read-marker.test.ts with a
 * visibility source the test drives.
 */
const files = sharedRecordings();

/** Runs in the service worker: records every message the pages send it (a listener beside the worker's own). */
function recordMessages(): void {
  const scope = globalThis as unknown as {
    __messages?: unknown[];
    chrome: { runtime: { onMessage: { addListener(listener: (message: unknown) => void): void } } };
  };
  scope.__messages = [];
  scope.chrome.runtime.onMessage.addListener((message) => void scope.__messages!.push(message));
}

/** Runs in the service worker: the issue numbers the pages reported read, in order. */
function issueReadMessages(): number[] {
  const seen = (globalThis as unknown as { __messages?: { type?: string; number?: number }[] }).__messages;
  if (!seen) throw new Error('the service worker restarted: its record of messages is gone');
  return seen.filter((message) => message.type === 'issue-read').map((message) => message.number!);
}

/**
 * The page's read marker (lib/models/read-marker.ts, a chunk loaded after ready) has run: it looked at the issue shown
 * as it started. Seen through the DevTools protocol's list of the page's scripts (extension pages report no resource
 * timing entries).
 */
async function readMarkerLoaded(session: ExtensionSession, page: Page): Promise<void> {
  const cdp = await session.context.newCDPSession(page);
  const scripts: string[] = [];
  cdp.on('Debugger.scriptParsed', (event) => void scripts.push(event.url));
  await cdp.send('Debugger.enable');
  await expect.poll(() => scripts.some((url) => /\/read-marker-[\w-]+\.js$/.test(url)), { timeout: 15_000 }).toBe(true);
  await cdp.detach();
}

describe('the badge counts what was really read', () => {
  let server: FixtureServer;
  let session: ExtensionSession;
  let close: () => Promise<void>;

  const worker = () => liveWorker(session);
  const badge = async () => (await worker()).evaluate(badgeText);

  beforeAll(async () => {
    ({ server, session, close } = await launchWithRecordings((fixtures) => serveDay(fixtures, files, 0)));
  });
  afterAll(() => close?.());

  it('a new tab on an issue already read sends the worker nothing; the next issue is reported once', async () => {
    await expect.poll(badge, { timeout: 20_000 }).toBe('1');
    await (await worker()).evaluate(recordMessages);

    // The first new tab reads No. 1: one message, and the badge clears.
    const first = await openReady(session, 'chrome://newtab/');
    await first.getByText('No. 1', { exact: false }).first().waitFor();
    await expect.poll(badge, { timeout: 10_000 }).toBe('');
    await expect.poll(async () => (await worker()).evaluate(issueReadMessages), { timeout: 10_000 }).toEqual([1]);
    await first.close();

    // A second new tab on No. 1, already read: it looks, and says nothing.
    const second = await openReady(session, 'chrome://newtab/');
    await second.getByText('No. 1', { exact: false }).first().waitFor();
    await readMarkerLoaded(session, second);
    // A popup on No. 1 says nothing either.
    const popup = await openReady(session, session.url('popup.html'), { width: 420, height: 600 });
    await readMarkerLoaded(session, popup);
    await popup.close();

    // The sentinel: No. 2 is published while the second new tab is open. It is reported — once — and the badge clears.
    serveDay(server, files, 1);
    await (await worker()).evaluate(setWorkerClock, morningOfDay(1));
    await second.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(message: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'refresh-now' }),
    );
    await second.getByText('No. 2', { exact: false }).first().waitFor({ timeout: 20_000 });
    await expect.poll(async () => (await worker()).evaluate(issueReadMessages), { timeout: 10_000 }).toEqual([1, 2]);
    await expect.poll(badge, { timeout: 10_000 }).toBe('');
    const messages = await (await worker()).evaluate(issueReadMessages);
    console.info(`badge e2e: 2 new tabs and 1 popup opened, 2 issues published, ${messages.length} issue-read messages (${messages.join(', ')}), 0 for an issue already read`);
    expect(messages).toEqual([1, 2]);
  });
});
