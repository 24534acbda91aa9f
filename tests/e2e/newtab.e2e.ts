import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithRecordings, openReady, type ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { OWN_FIXTURES, sharedFixture } from '../support/paths';
import { stopServiceWorkers, TrendingSurface } from './pages';

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

  it('shows all 30 models of hf-models-trending.json, in order, linked to their pages', async () => {
    newTab = new TrendingSurface(await openReady(session, 'chrome://newtab/'));
    expect(newTab.page.url()).toBe(session.url('newtab.html'));
    await newTab.waitForRows(30);
    expect(await newTab.ids()).toEqual(recorded.map((model) => model.id));
    const links = await newTab.links();
    expect(links.map((link) => link.name)).toEqual(recorded.map((model) => model.id));
    expect(links.map((link) => link.href)).toEqual(recorded.map((model) => `https://huggingface.co/${model.id}`));
    // First row, as the reader reads it: rank, name, task and figures.
    const first = newTab.rows().first();
    expect(await first.locator('.trending__task').textContent()).toBe('image-text-to-text');
    expect(await first.getAttribute('data-item-id')).toBe('Qwen/Qwen3.8-27B');
    expect(await first.locator('.metric').allTextContents()).toEqual(['2,047 trending', '12.1K likes', '2.1M downloads']);
    expect(await newTab.health().getAttribute('data-health')).toBe('ok');
    expect(await newTab.health().textContent()).toMatch(/Hugging Face models updated .*just now/);
    expect(server.requestsTo(MODELS)).toHaveLength(1);
    expect(await newTab.storedSnapshots()).toEqual([30]);
  });

  it.each([
    ['HTTP 500', { status: 500, body: 'Internal Server Error' }, /huggingface\.co\/api\/models answered HTTP 500/],
    ['a body that is not JSON', { body: '<!doctype html><h1>We are down</h1>', headers: { 'content-type': 'text/html' } }, /the response is not JSON/],
    ['JSON of the wrong shape', { body: '{"error":"Invalid sort"}', headers: { 'content-type': 'application/json' } }, /expected a JSON list, got an object with "error"/],
  ])('after a refresh that gets %s, keeps every row and names the error', async (_name, response, message) => {
    const requestsBefore = server.requestsTo(MODELS).length;
    server.respond(MODELS, response);
    await newTab.refreshNow();
    const text = await newTab.waitForHealthText(message);
    expect(await newTab.health().getAttribute('data-health')).toBe('failing');
    expect(text).toMatch(/Refresh failed at .*Next try .*Showing the last good list\./);
    expect(server.requestsTo(MODELS)).toHaveLength(requestsBefore + 1);
    expect(await newTab.ids()).toEqual(recorded.map((model) => model.id));
    expect(await newTab.storedSnapshots()).toEqual([30]);
  });

  it('with the worker stopped, a later good refresh wakes it and the open page updates live', async () => {
    await stopServiceWorkers(session, newTab.page);
    server.respondWithFile(MODELS, laterFile);
    await newTab.refreshNow();
    await newTab.waitForRows(later.length);
    expect(await newTab.ids()).toEqual(later.map((model) => model.id));
    expect(await newTab.health().getAttribute('data-health')).toBe('ok');
    expect(await newTab.storedSnapshots()).toEqual([30, later.length]);
  });

  it('paints from the database on a fresh new tab, without a request', async () => {
    const requestsBefore = server.requestsTo(MODELS).length;
    const page = await openReady(session, 'chrome://newtab/');
    const again = new TrendingSurface(page);
    expect(await again.ids()).toEqual(later.map((model) => model.id));
    expect(server.requestsTo(MODELS)).toHaveLength(requestsBefore);
    await page.close();
  });
});
