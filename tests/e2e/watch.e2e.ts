import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithRecordings, openReady, type ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { sharedRecordings } from '../support/recordings';
import { asRead } from '../support/text';
import { liveWorker, morningOfDay, serveDay, setWorkerClock } from '../support/simulate';

/**
 * Issue #10, "Saving and watching", the news part, in Chromium with the
 * production build: items put on the watchlist in storage.sync (as the side
 * panel's `w` does: one key per entry, lib/shared/saved.ts) are looked for in
 * the next issue, and the new tab shows what moved in a piece of its own.
 *
 * The recordings are served as they were at install (day 0), then as two days
 * later (tests/support/shifted.ts: the 21st entry of each JSON list climbs three
 * places a day, so it stands at No. 21 − 6 = 15 on day 2). Day 2, not day 1:
 * the issue compares with a list at least 20 hours old, which day 1's 08:00 is
 * not when the test starts after noon.
 */
const files = sharedRecordings();
const climberOf = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { id: string }[])[20]!.id;
const MODEL = climberOf(files['hf-models']);
const DATASET = climberOf(files['hf-datasets']);

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs in the service worker: writes entries to storage.sync. */
function syncSet(items: Record<string, unknown>): Promise<void> {
  return (globalThis as unknown as { chrome: { storage: { sync: { set(items: object): Promise<void> } } } }).chrome.storage.sync.set(items);
}

describe('the watch piece on the new tab', () => {
  let server: FixtureServer;
  let session: ExtensionSession;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ server, session, close } = await launchWithRecordings((fixtures) => serveDay(fixtures, files, 0)));
  });
  afterAll(() => close?.());

  it('tells the climbs of a watched model and dataset in the next issue, and nothing of a watched repository that did not move', async () => {
    const first = await openReady(session, 'chrome://newtab/');
    await first.getByText('No. 1', { exact: false }).first().waitFor({ timeout: 20_000 });
    expect(await first.locator('.story--watch').count()).toBe(0);

    const worker = await liveWorker(session);
    // The watchlist is newest first: the model, saved last, is told first.
    const saved = Date.now();
    await worker.evaluate(syncSet, {
      [`w:model:${MODEL}`]: { t: MODEL, at: saved + 2 },
      [`w:dataset:${DATASET}`]: { at: saved + 1 },
      'w:repo:nobody-here/not-listed': { at: saved },
    });
    serveDay(server, files, 2);
    await worker.evaluate(setWorkerClock, morningOfDay(2));
    await first.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(message: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'refresh-now' }),
    );
    await first.close();

    const page = await openReady(session, 'chrome://newtab/');
    await page.getByText('No. 2', { exact: false }).first().waitFor({ timeout: 20_000 });
    const piece = page.locator('.story--watch');
    await piece.waitFor();
    expect(await piece.locator('.story__kicker').textContent()).toBe('Your Watchlist');
    const paragraphs = (await piece.locator('.story__body p').allTextContents()).map(asRead);
    console.info(`watch e2e: ${paragraphs.length} paragraphs:\n${paragraphs.join('\n')}`);
    expect(paragraphs).toHaveLength(2);
    // Likes (shifted.ts adds (list length − index) × day × 7): the model 190 recorded + (30 − 20) × 2 × 7 = 330;
    // the dataset 1,010 recorded + (25 − 20) × 2 × 7 = 1,080. "since <the install's weekday>": two days back.
    // No sentence opens with the name, a lower-case handle (issue #11).
    expect(paragraphs[0]).toMatch(new RegExp(`^On Hugging Face's trending models, ${escape(MODEL)} climbed from No\\. 21 to No\\. 15 since [A-Z][a-z]+day; its likes went from 190 to 330\\.$`));
    expect(paragraphs[1]).toMatch(new RegExp(`^On Hugging Face's trending datasets, ${escape(DATASET)} climbed from No\\. 21 to No\\. 15 since [A-Z][a-z]+day; its likes went from 1,010 to 1,080\\.$`));
    expect(await piece.getByText('nobody-here').count()).toBe(0);

    // The page with the piece, light and dark: axe-core (WCAG 2.1 A/AA and best practices, as tests/e2e/a11y.e2e.ts) finds nothing.
    await page.evaluate(AXE_SOURCE);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const violations = await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
        return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      });
      console.info(`watch e2e: axe on the new tab with the watch piece (${scheme}): ${violations.length} violations`);
      expect(violations).toEqual([]);
    }
    await page.close();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
