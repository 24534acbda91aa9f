import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceId } from '@/lib/sources/ids';
import { launchWithRecordings, openReady, type ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { ownRecordings, SOURCE_ROUTES } from '../support/recordings';
import { redatedBody } from '../support/redate';
import { SidePanel } from './pages';

/**
 * Issue #12, "a polite client", as it will be checked: the built extension in
 * Chromium against a stand-in that sends an ETag and a Last-Modified with
 * every list and answers 304 to a matching If-None-Match. The second refresh
 * is conditional, the 304s keep every list (the side panel still shows every
 * row, healthy), and the options page counts the requests the stand-in saw.
 * The recordings are the project's own (tests/fixtures), held out from the
 * unit tests of this feature.
 */
const SOURCES = Object.keys(SOURCE_ROUTES) as SourceId[];
const etagOf = (id: SourceId) => `W/"polite-${id}"`;
const LAST_MODIFIED = 'Fri, 27 Nov 2026 06:55:00 GMT';

function serveWithValidators(server: FixtureServer): void {
  const files = ownRecordings();
  for (const id of SOURCES) {
    const { route, contentType } = SOURCE_ROUTES[id];
    server.respond(route, {
      body: redatedBody(files[id], readFileSync(files[id], 'utf8'), Date.now()),
      headers: { 'content-type': contentType, etag: etagOf(id), 'last-modified': LAST_MODIFIED },
      conditional: true,
    });
  }
}

describe('a polite client, in Chromium, against a stand-in that sends validators', () => {
  let server: FixtureServer;
  let session: ExtensionSession;
  let close: () => Promise<void>;
  let panel: SidePanel;
  const shown: Partial<Record<SourceId, string[]>> = {};

  beforeAll(async () => {
    ({ server, session, close } = await launchWithRecordings(serveWithValidators));
    panel = new SidePanel(await openReady(session, session.url('sidepanel.html'), { width: 420, height: 900 }));
  });

  afterAll(() => close?.());

  it('asks unconditionally at install, then conditionally; every 304 keeps its list', async () => {
    for (const id of SOURCES) {
      await panel.select(id);
      await panel.page.waitForFunction(() => document.querySelectorAll('.trending__row').length > 0, undefined, { timeout: 20_000 });
      shown[id] = await panel.surface.ids();
      expect(shown[id]!.length, id).toBeGreaterThan(0);
    }
    for (const id of SOURCES) {
      const requests = server.requestsTo(SOURCE_ROUTES[id].route);
      expect(requests, id).toHaveLength(1);
      expect(requests[0]!.ifNoneMatch, id).toBeUndefined();
      expect(requests[0]!.status, id).toBe(200);
    }

    await panel.surface.refreshNow();

    for (const id of SOURCES) {
      const requests = server.requestsTo(SOURCE_ROUTES[id].route);
      expect(requests, id).toHaveLength(2);
      expect(requests[1], id).toMatchObject({ ifNoneMatch: etagOf(id), ifModifiedSince: LAST_MODIFIED, status: 304 });
      await panel.select(id);
      expect(await panel.surface.ids(), id).toEqual(shown[id]);
      expect(await panel.surface.health().getAttribute('data-health'), id).toBe('ok');
    }
    // Nothing new was stored: one snapshot per source, the install's.
    const snapshots = await panel.page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('ai-morning-post');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('snapshots').objectStore('snapshots').count();
            count.onsuccess = () => {
              resolve(count.result);
              open.result.close();
            };
            count.onerror = () => reject(count.error);
          };
        }),
    );
    expect(snapshots).toBe(SOURCES.length);
  });

  it('the options page shows the requests made to each source today, as the stand-in counted them', async () => {
    const options = await openReady(session, session.url('options.html'));
    const table = options.getByRole('table', { name: 'Requests per source and day' });
    await table.waitFor({ timeout: 10_000 });
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ source: tr.getAttribute('data-source'), cells: [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '') })),
    );
    expect(rows.map((row) => row.source)).toEqual(SOURCES);
    for (const row of rows) {
      const seen = server.requestsTo(SOURCE_ROUTES[row.source as SourceId].route).length;
      // Source, today, yesterday, the 7-day average, the daily limit.
      expect(row.cells[1], row.source!).toBe(String(seen));
      expect(row.cells[4], row.source!).toMatch(/^(?:120|144)$/);
    }
    expect(await table.locator('thead th').allTextContents()).toEqual(['Source', 'Today', 'Yesterday', 'Average a day, last 7 days', 'Daily limit']);
    await options.close();
  });
});
