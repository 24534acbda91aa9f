import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithRecordings, openReady, type ExtensionSession } from '../support/browser';
import { ownRecordings, serveRecordings } from '../support/recordings';
import { awaitFirstIssue } from '../support/simulate';

/**
 * Issue #12, "a timeline opens after a simulated year", in Chromium: the
 * extension installs and stores its first lists (the project's own
 * recordings, tests/fixtures); a year of history is then written into its own
 * IndexedDB in the shape retention leaves (lib/history/retention.ts: one
 * snapshot a day up to a year, every hour of the last week) for the side
 * panel's first model; its Timeline link opens the page, which shows the
 * chart, a table of one row a day and a first sighting a year ago.
 */

/** axe-core, run as tests/e2e/a11y.e2e.ts runs it (there for the other surfaces): WCAG 2.0/2.1 A and AA, best practices. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
  }, AXE_TAGS);
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Seeded {
  id: string;
  firstSeenAt: number;
}

/**
 * A year of the item's history, written from an extension page with the plain IndexedDB API: days 365 … 8 ago at
 * noon UTC, absent on the days whose count is a multiple of 30 (12 days: 30 … 360), else at rank (days % 10) + 1
 * among the latest list's other items, with `likes` = the day count; then every hour of the last week at rank 4.
 */
async function seedYear(page: Page, id: string, now: number): Promise<Seeded> {
  return page.evaluate(
    async ({ id, now, HOUR, DAY }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('ai-morning-post');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const done = <T,>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((request.onsuccess = () => resolve(request.result)), (request.onerror = () => reject(request.error))));
      const tx = db.transaction(['catalog', 'snapshots'], 'readwrite');
      const catalog = tx.objectStore('catalog');
      const snapshots = tx.objectStore('snapshots');
      const entry = (await done(catalog.index('[sourceId+itemId]').get(['hf-models', id]))) as { key: number; firstSeenAt: number };
      const latest = (await done(snapshots.index('[sourceId+fetchedAt]').openCursor(IDBKeyRange.bound(['hf-models', -Infinity], ['hf-models', Infinity]), 'prev')))!.value as { keys: number[] };
      const others = latest.keys.filter((key) => key !== entry.key);
      const noonToday = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate(), 12);
      const firstSeenAt = noonToday - 365 * DAY;
      for (let days = 365; days >= 8; days -= 1) {
        const listed = days % 30 !== 0;
        const rank = (days % 10) + 1;
        const keys = listed ? [...others.slice(0, rank - 1), entry.key, ...others.slice(rank - 1, 20)] : others.slice(0, 20);
        const likes = keys.map((key) => (key === entry.key ? days : null));
        snapshots.add({ sourceId: 'hf-models', fetchedAt: noonToday - days * DAY, keys, metrics: { likes } });
      }
      for (let hour = 168; hour >= 1; hour -= 1) {
        const keys = [...others.slice(0, 3), entry.key, ...others.slice(3, 20)];
        snapshots.add({ sourceId: 'hf-models', fetchedAt: now - hour * HOUR, keys, metrics: { likes: keys.map((key) => (key === entry.key ? 1000 - hour : null)) } });
      }
      catalog.put({ ...entry, firstSeenAt });
      await new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error))));
      db.close();
      return { id, firstSeenAt };
    },
    { id, now, HOUR, DAY },
  );
}

describe('an item’s timeline after a simulated year, in Chromium (issue #12)', () => {
  let session: ExtensionSession;
  let close: () => Promise<void>;
  /** The side panel's first model, and when it was first seen: a year ago (seedYear). */
  let seeded: Seeded;

  beforeAll(async () => {
    ({ session, close } = await launchWithRecordings((server) => serveRecordings(server, ownRecordings())));
    await awaitFirstIssue(session);
    const panel = await openReady(session, session.url('sidepanel.html'), { width: 420, height: 900 });
    const id = await panel.locator('.tabs__panel .trending__row').first().getAttribute('data-item-id');
    expect(id).toBeTruthy();
    seeded = await seedYear(panel, id!, Date.now());
    await panel.close();
  });
  afterAll(() => close?.());

  it('opens from the side panel’s Timeline link: the chart with its gaps, a table a day, first seen a year ago', async () => {
    const panel = await openReady(session, session.url('sidepanel.html'), { width: 420, height: 900 });
    const firstRow = panel.locator('.tabs__panel .trending__row').first();
    const id = (await firstRow.getAttribute('data-item-id'))!;
    expect(id).toBe(seeded.id);

    const link = panel.getByRole('link', { name: `Timeline of ${await firstRow.locator('.trending__link').textContent()}`, exact: true }).first();
    await link.waitFor({ timeout: 20_000 });
    expect(await link.getAttribute('href')).toBe(`/timeline.html?kind=model&id=${encodeURIComponent(id)}`);
    const [page] = await Promise.all([session.context.waitForEvent('page', { timeout: 15_000 }), link.click()]);
    await page.waitForSelector('html[data-ready]', { timeout: 15_000 });
    // The tables follow the charts' first paint.
    await page.waitForSelector('html[data-complete]', { timeout: 15_000 });

    expect(await page.locator('h1').textContent()).toBe(await firstRow.locator('.trending__link').textContent());
    // The first sighting, as written a year ago (its <time> carries the instant; the text is the reader's format).
    expect(await page.locator('[data-facts=item] time').first().getAttribute('datetime')).toBe(new Date(seeded.firstSeenAt).toISOString());
    const section = page.locator('[data-source=hf-models]');
    // The rank line breaks at each of the 12 absent days: 13 runs, each of more than one point.
    expect(await section.locator('svg[data-chart=rank] polyline').count()).toBe(13);
    expect(await section.locator('svg[data-chart=rank]').getAttribute('aria-label')).toContain('best No. 1');
    expect(await section.locator('svg[data-chart=likes] polyline').count()).toBeGreaterThan(0);
    // One row a day: the 358 daily days and the last week's 8 calendar days (UTC; the hourly week spans 8 dates).
    const rows = section.locator('[data-table=hf-models] tbody tr');
    expect(await rows.count()).toBe(358 + 8);
    expect(await section.locator('[data-table=hf-models] tbody tr.timeline-table__absent').count()).toBe(12);
    expect(await section.locator('[data-table=hf-models] caption').textContent()).toContain('one row a day');
    expect(await section.locator('[data-table=hf-models] thead th').allTextContents()).toEqual(['Day', 'Rank', 'trending', 'likes', '30-day downloads']);
    // The oldest row (last: newest first) is the first sighting, at rank (365 % 10) + 1 = 6 with 365 likes (the
    // seeded snapshots hold no other figure; the install's own snapshot gives the other two columns).
    expect(await rows.last().locator('td').allTextContents()).toEqual(['No. 6', '—', '365', '—']);
    await page.close();
    await panel.close();
  });

  it('is accessible over that year: no axe violation light or dark; Tab reaches the item’s link and the table, which the keys scroll', async () => {
    const page = await openReady(session, session.url(`timeline.html?kind=model&id=${encodeURIComponent(seeded.id)}`), { width: 1280, height: 900 });
    await page.waitForSelector('html[data-complete]', { timeout: 15_000 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page), scheme).toEqual([]);
    }
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Open on Hugging Face');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ table: document.activeElement?.getAttribute('data-table'), outline: getComputedStyle(document.activeElement!).outlineStyle }));
    expect(focused).toEqual({ table: 'hf-models', outline: 'solid' });
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.locator('[data-table=hf-models]').evaluate((box) => box.scrollTop)).toBeGreaterThan(0);
    await page.close();
  });

  it('is linked from the issue’s rows too, once the new tab is ready (the links come with Save and Watch)', async () => {
    const page = await openReady(session, 'chrome://newtab/');
    const links = page.locator('.issue a.timeline-link');
    await links.first().waitFor({ timeout: 20_000 });
    const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(5);
    for (const href of hrefs) expect(href).toMatch(/^\/timeline\.html\?kind=(model|dataset|space|paper|repo)&id=[^&]+$/);
    expect(hrefs).toContain(`/timeline.html?kind=model&id=${encodeURIComponent(seeded.id)}`);
    await page.close();
  });

  it('says plainly when the address names no item, or one with no history', async () => {
    const invalid = await openReady(session, session.url('timeline.html?kind=repo&id=settings/tokens'));
    expect(await invalid.locator('[data-timeline-message=invalid]').textContent()).toContain('names no item');
    await invalid.close();
    const unknown = await openReady(session, session.url('timeline.html?kind=model&id=nobody/never-listed'));
    expect(await unknown.locator('[data-timeline-message=unknown]').textContent()).toBe('nobody/never-listed has not been in any list this browser has kept: it has no history yet.');
    await unknown.close();
  });
});
