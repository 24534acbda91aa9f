import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithRecordings, openReady, type ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { OWN_FIXTURES, sharedFixture } from '../support/paths';
import { asRead } from '../support/text';
import { storedSnapshotSizes, stopServiceWorkers, TrendingSurface } from './pages';

const MODELS = 'huggingface.co/api/models';
const recordedFile = sharedFixture('hf-models-trending.json');
const recorded = JSON.parse(readFileSync(recordedFile, 'utf8')) as { id: string }[];
const laterFile = join(OWN_FIXTURES, 'hf-models-trending-2026-11-26.json');
const later = JSON.parse(readFileSync(laterFile, 'utf8')) as { id: string }[];

describe('the new tab, in Chromium, over recorded Hugging Face responses', () => {
  let server: FixtureServer;
  let session: ExtensionSession;
  let close: () => Promise<void>;
  let newTab: TrendingSurface;

  beforeAll(async () => {
    // Served from the first request on: the worker fetches at install, before any page exists.
    ({ server, session, close } = await launchWithRecordings((fixtures) => fixtures.respondWithFile(MODELS, recordedFile)));
  });

  afterAll(() => close?.());

  it("shows issue No. 1, written from the install refresh, with all 30 models of hf-models-trending.json in order", async () => {
    const page = await openReady(session, 'chrome://newtab/');
    expect(page.url()).toBe(session.url('newtab.html'));
    newTab = new TrendingSurface(page, '[data-list=models]');
    await newTab.waitForRows(30);
    expect(await newTab.ids()).toEqual(recorded.map((model) => model.id));
    const links = await newTab.links();
    expect(links.map((link) => link.name)).toEqual(recorded.map((model) => model.id));
    expect(links.map((link) => link.href)).toEqual(recorded.map((model) => `https://huggingface.co/${model.id}`));
    // First row, as the reader reads it: rank, name, task and figures.
    const first = newTab.rows().first();
    expect(await first.locator('.trending__rank').textContent()).toBe('1');
    expect(await first.locator('.trending__task').textContent()).toBe('image-text-to-text');
    expect((await first.locator('.metric').allTextContents()).map(asRead)).toEqual(['12.1K likes', '2.1M 30-day downloads']);
    await page.getByText('No. 1', { exact: false }).first().waitFor();
    await page.getByRole('heading', { level: 1, name: 'The AI Morning Post' }).waitFor();
    expect(server.requestsTo(MODELS)).toHaveLength(1);
    expect(await storedSnapshotSizes(page, 'hf-models')).toEqual([30]);
  });

  it.each([
    ['HTTP 500', { status: 500, body: 'Internal Server Error' }, /huggingface\.co\/api\/models answered HTTP 500/],
    ['a body that is not JSON', { body: '<!doctype html><h1>We are down</h1>', headers: { 'content-type': 'text/html' } }, /the response is not JSON/],
    ['JSON of the wrong shape', { body: '{"error":"Invalid sort"}', headers: { 'content-type': 'application/json' } }, /expected a JSON list, got an object with "error"/],
  ])('after a refresh that gets %s, keeps every row, names the error and says when it retries', async (_name, response, message) => {
    const requestsBefore = server.requestsTo(MODELS).length;
    server.respond(MODELS, response);
    const panel = new TrendingSurface(await openReady(session, session.url('sidepanel.html'), { width: 420, height: 900 }));
    await panel.refreshNow();
    const text = await panel.waitForHealthText(message);
    expect(text).toMatch(/Refresh failed at .*Next try .*Showing the last good list\./);
    expect(await panel.ids()).toEqual(recorded.map((model) => model.id));
    await panel.page.close();
    // The new tab names the failure beside the issue, which keeps every row.
    await newTab.page.locator('.paper__notice').filter({ hasText: message }).waitFor();
    expect(await newTab.ids()).toEqual(recorded.map((model) => model.id));
    expect(server.requestsTo(MODELS)).toHaveLength(requestsBefore + 1);
    expect(await storedSnapshotSizes(newTab.page, 'hf-models')).toEqual([30]);
  });

  it('with the worker stopped, a later good refresh wakes it; the live lists update, the published issue does not change', async () => {
    await stopServiceWorkers(session, newTab.page);
    server.respondWithFile(MODELS, laterFile);
    const popup = new TrendingSurface(await openReady(session, session.url('popup.html'), { width: 380, height: 600 }));
    await popup.waitForRows(5);
    await popup.refreshNow();
    await popup.page.waitForFunction((id) => document.querySelector('.trending__row')?.getAttribute('data-item-id') === id, later[0]!.id, { timeout: 20_000 });
    expect(await popup.ids()).toEqual(later.slice(0, 5).map((model) => model.id));
    await popup.page.close();
    // The models failure leaves the notice (the other sources, never served here, still fail).
    await newTab.page.waitForFunction(() => !/api\/models/.test(document.querySelector('.paper__notice')?.textContent ?? ''), undefined, { timeout: 20_000 });
    expect(await newTab.ids()).toEqual(recorded.map((model) => model.id));
    expect(await storedSnapshotSizes(newTab.page, 'hf-models')).toEqual([30, later.length]);
  });

  it('keeps the first screen it painted: the same elements, once each, through ready and the folded rows', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    // Installed before the page's own scripts: remembers the first headline and masthead put in the document,
    // whoever put them there (the early script or the page's module), and any page error.
    await page.addInitScript(() => {
      const seen: { headline?: Element; title?: Element; errors: string[] } = { errors: [] };
      (globalThis as unknown as { __firstScreen: typeof seen }).__firstScreen = seen;
      addEventListener('error', (event) => seen.errors.push(String(event.message)));
      new MutationObserver(() => {
        seen.headline ??= document.querySelector('.story--lead .story__headline') ?? undefined;
        seen.title ??= document.querySelector('h1.masthead__title') ?? undefined;
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(session.url('newtab.html'));
    await page.waitForSelector('html[data-complete]', { state: 'attached', timeout: 15_000 });
    const result = await page.evaluate(() => {
      const seen = (globalThis as unknown as { __firstScreen: { headline?: Element; title?: Element; errors: string[] } }).__firstScreen;
      return {
        errors: seen.errors,
        sameHeadline: !!seen.headline && seen.headline === document.querySelector('.story--lead .story__headline') && seen.headline.isConnected,
        sameTitle: !!seen.title && seen.title === document.querySelector('h1.masthead__title') && seen.title.isConnected,
        papers: document.querySelectorAll('.paper').length,
        titles: document.querySelectorAll('h1').length,
        leads: document.querySelectorAll('.story--lead').length,
        folded: document.querySelectorAll('details.trending-more li').length,
      };
    });
    expect(result).toEqual({ errors: [], sameHeadline: true, sameTitle: true, papers: 1, titles: 1, leads: 1, folded: 30 - 8 });
    await page.close();
  });

  it('paints from the database on a fresh new tab, without a request', async () => {
    const requestsBefore = server.requests.length;
    const page = await openReady(session, 'chrome://newtab/');
    expect(await new TrendingSurface(page, '[data-list=models]').ids()).toEqual(recorded.map((model) => model.id));
    expect(server.requests).toHaveLength(requestsBefore);
    await page.close();
  });
});
