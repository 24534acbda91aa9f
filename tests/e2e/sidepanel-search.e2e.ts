import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithRecordings, openReady, type ExtensionSession } from '../support/browser';
import { sharedFixture } from '../support/paths';
import { serveRecordings, sharedRecordings } from '../support/recordings';
import { SidePanel } from './pages';

/**
 * The side panel's search in real Chromium over the recorded responses
 * (../shared/fixtures; sharedFixture says so plainly when that folder is
 * absent): type a query, see rows from two sources, filter, sort, clear
 * (issue #10). The exact matching rules are proven by hand-written tables in
 * tests/unit/shared/search.test.ts; here the whole path runs as a reader uses it.
 */

const QUERY = 'qwen';

/** The recorded models' creation dates, read from the recording itself (not through the extension). */
function recordedModelDates(): Map<string, number> {
  const models = JSON.parse(readFileSync(sharedFixture('hf-models-trending.json'), 'utf8')) as { id: string; createdAt?: string }[];
  return new Map(models.flatMap((model) => (model.createdAt ? [[model.id, Date.parse(model.createdAt)] as const] : [])));
}

interface ResultRow {
  id: string;
  source: string;
  rank: number;
}

function results(page: Page): Promise<ResultRow[]> {
  return page.locator('[aria-label="Search results"] .trending__row').evaluateAll((rows) =>
    rows.map((row) => ({
      id: row.getAttribute('data-item-id') ?? '',
      source: row.querySelector('.trending__source')?.textContent ?? '',
      rank: Number(row.querySelector('.trending__rank')?.textContent),
    })),
  );
}

async function countSays(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelector('.search__count')?.textContent === `${n} ${n === 1 ? 'result' : 'results'} across every list`, count, { timeout: 20_000 });
}

describe('the side panel search, in Chromium, over recorded responses', () => {
  let session: ExtensionSession;
  let close: () => Promise<void>;
  let panel: SidePanel;
  /** Each tab's rows before the search: the candidates every check below is made against. */
  const tabRows = new Map<string, string[]>();

  beforeAll(async () => {
    ({ session, close } = await launchWithRecordings((fixtures) => serveRecordings(fixtures, sharedRecordings())));
    panel = new SidePanel(await openReady(session, session.url('sidepanel.html'), { width: 420, height: 900 }));
    for (const [id, tab] of [
      ['hf-models', 'Models'],
      ['hf-datasets', 'Datasets'],
      ['hf-spaces', 'Spaces'],
      ['hf-papers', 'Papers'],
      ['gh-trending-daily', 'GitHub today'],
      ['gh-trending-weekly', 'GitHub week'],
      ['gh-search', 'New repos'],
    ] as const) {
      await panel.select(id);
      await panel.page.waitForFunction(() => document.querySelectorAll('[role=tabpanel] .trending__row').length > 0, undefined, { timeout: 20_000 });
      tabRows.set(tab, await panel.surface.ids());
    }
  });

  afterAll(() => close?.());

  it('types a query, sees rows from two sources, filters by source, sorts by newest, and clears back to the tabs', async () => {
    const page = panel.page;
    const box = page.getByRole('searchbox', { name: 'Search every list' });
    await box.click();
    await page.keyboard.type(QUERY.toUpperCase(), { delay: 20 });

    // Every tab row whose id holds the word must be found, from whichever source (more may match by tag or description).
    const byId = [...tabRows].flatMap(([source, ids]) => ids.filter((id) => id.toLowerCase().includes(QUERY)).map((id) => `${source}: ${id}`));
    const sourcesById = new Set(byId.map((entry) => entry.split(': ')[0]));
    expect(sourcesById.size, 'the recordings have the word in two sources').toBeGreaterThanOrEqual(2);
    await page.waitForFunction(() => document.querySelectorAll('[aria-label="Search results"] .trending__row').length > 0, undefined, { timeout: 20_000 });
    const found = await results(page);
    await countSays(page, found.length);
    const shown = found.map((row) => `${row.source}: ${row.id}`);
    expect(shown).toEqual(expect.arrayContaining(byId));
    // Each result is a row of the tab it names, and the tabs are gone while searching.
    let notInItsTab = 0;
    for (const row of found) if (!tabRows.get(row.source)?.includes(row.id)) notInItsTab += 1;
    expect(notInItsTab).toBe(0);
    expect(new Set(found.map((row) => row.source)).size).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole('tab').count()).toBe(0);
    // Rank order across sources: ranks never go down.
    expect(found.map((row) => row.rank)).toEqual([...found.map((row) => row.rank)].sort((a, b) => a - b));

    // Filter: the source select offers Models with as many rows as the results from Models.
    const fromModels = found.filter((row) => row.source === 'Models');
    const source = page.getByRole('combobox', { name: 'Source' });
    expect(await source.locator('option').allTextContents()).toContain(`Models (${fromModels.length})`);
    await source.selectOption('hf-models');
    await countSays(page, fromModels.length);
    const filtered = await results(page);
    expect(filtered.map((row) => row.id)).toEqual(fromModels.map((row) => row.id));

    // Sort by newest: the recording's dates of the rows shown never go up; undated rows (if any) come last.
    await page.getByRole('combobox', { name: 'Sort' }).selectOption('newest');
    const dates = recordedModelDates();
    // Waits for the order the recording's dates say (fails on the timeout if it never comes).
    const datesById = Object.fromEntries(dates);
    await page.waitForFunction(
      (known) => {
        const shown = [...document.querySelectorAll('[aria-label="Search results"] .trending__row')].map((row) => known[row.getAttribute('data-item-id') ?? ''] ?? -Infinity);
        return shown.every((at, index) => index === 0 || shown[index - 1]! >= at);
      },
      datesById,
      { timeout: 20_000 },
    );
    const newest = (await results(page)).map((row) => dates.get(row.id) ?? Number.NEGATIVE_INFINITY);
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
    expect(newest.length).toBe(fromModels.length);
    // The query stays through the filter and the sort.
    expect(await box.inputValue()).toBe(QUERY.toUpperCase());

    console.info(
      `side panel search e2e: "${QUERY}" found ${found.length} rows from ${new Set(found.map((row) => row.source)).size} sources (${byId.length} by id alone), ${fromModels.length} from Models after the filter; rows not in their tab 0`,
    );

    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByRole('tab').first().waitFor({ timeout: 20_000 });
    // A tab per source, and Saved (the reading list and watchlist, issue #10).
    expect(await page.getByRole('tab').count()).toBe(7 + 1);
    expect(await box.inputValue()).toBe('');
  });
});
