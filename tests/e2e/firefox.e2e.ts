import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxSession } from '../support/firefox';
import { ownRecordings, serveRecordings, SOURCE_ROUTES } from '../support/recordings';
import type { SourceId } from '@/lib/sources/ids';

/**
 * The Firefox build, run (issue #10: "Firefox is built and linted, but no test
 * of the project runs it"): Debian's Firefox ESR installs `.output/firefox-mv3`
 * as a reader would, its background refreshes every source through its own
 * code against recorded responses (this project's own, tests/fixtures), and
 * every page renders from what it stored.
 */
const files = ownRecordings();
const SOURCES = Object.keys(SOURCE_ROUTES) as SourceId[];
const models = JSON.parse(readFileSync(files['hf-models'], 'utf8')) as { id: string }[];

describe('the extension in Firefox ESR', () => {
  let firefox: FirefoxSession;
  const pageErrors: string[] = [];

  const open = async (target: string): Promise<Page> => {
    const page = await firefox.openReady(target);
    page.on('pageerror', (error) => pageErrors.push(`${target}: ${String(error)}`));
    return page;
  };

  beforeAll(async () => {
    firefox = await launchFirefox((fixtures) => serveRecordings(fixtures, files));
  });
  afterAll(() => firefox?.close());

  it('installs, and its background requests each of the seven sources once', async () => {
    await expect.poll(() => SOURCES.map((id) => firefox.fixtures.requestsTo(SOURCE_ROUTES[id].route).length), { timeout: 30_000 }).toEqual(SOURCES.map(() => 1));
  });

  it('the new tab shows issue No. 1 with the recorded models in order', async () => {
    const page = await open('newtab.html');
    await page.waitForSelector('.paper', { timeout: 20_000 });
    await page.waitForSelector('html[data-complete]', { timeout: 20_000 });
    expect(await page.evaluate(() => document.body.innerText)).toContain('NO. 1');
    const ids = await page.$$eval('[data-list=models] .trending__row', (rows) => rows.map((row) => row.getAttribute('data-item-id')));
    expect(ids).toEqual(models.map((model) => model.id));
    await page.close();
  });

  it('the popup, the side panel (Firefox: the sidebar) and the options render from the stored data', async () => {
    for (const [target, text] of [
      ['popup.html', /Top trending models/],
      ['sidepanel.html', /Hugging Face models/],
      ['options.html', /Refresh the trending lists/],
    ] as const) {
      const page = await open(target);
      expect(await page.evaluate(() => document.body.innerText), target).toMatch(text);
      await page.close();
    }
    const popup = await open('popup.html');
    await popup.waitForFunction((count) => document.querySelectorAll('.trending__row').length === count, { timeout: 20_000 }, 5);
    await popup.close();
    expect(pageErrors).toEqual([]);
    console.info(`Firefox: ${(await firefox.browser.version())}, ${firefox.fixtures.requests.length} requests, 4 pages rendered, ${pageErrors.length} page errors`);
  });
});
