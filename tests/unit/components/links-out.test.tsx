// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor as waitForDefault } from '@testing-library/preact';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { PopupPage } from '@/components/pages/PopupPage';
import { shelfViews } from '@/components/useItemKeys';
import { SidePanelPage } from '@/components/pages/SidePanelPage';
import type { MorningPostDB } from '@/lib/history/db';
import { recordSuccess } from '@/lib/history/write';
import { IssueModel } from '@/lib/models/issue';
import { visibleRows } from '@/lib/shared/filters';
import { visibleHuggingFaceRows } from '@/lib/shared/hf-filters';
import { SOURCES } from '@/lib/sources';
import { SOURCE_IDS, type SourceId } from '@/lib/sources/ids';
import { testDb } from '../../support/db';
import { testSourcesModel } from '../../support/sources-model';
import { OWN_FIXTURES } from '../../support/paths';

/**
 * Links out of the popup and the side panel open in a new tab (issue #9, finding 7: they loaded inside
 * the panel). Every `https:` link on those pages, on every tab of the side panel, over this project's own
 * recordings of every source, is checked: `target="_blank"` and `rel="noopener noreferrer"`.
 */
const NOW = Date.parse('2026-11-27T07:00:00Z');
/** Past testing-library's default second, which a loaded machine can exceed; within the test's 30 s (vitest.config.ts). */
const waitFor = <T,>(check: () => T) => waitForDefault(check, { timeout: 10_000 });

/** This project's own recordings (tests/fixtures/README.md), one per source family. */
const RECORDINGS: Partial<Record<SourceId, string>> = {
  'hf-models': 'hf-models-trending-2026-11-26.json',
  'hf-datasets': 'hf-datasets-trending-2026-11-26.json',
  'hf-spaces': 'hf-spaces-trending-2026-11-26.json',
  'hf-papers': 'hf-daily-papers-2026-11-26.json',
  'gh-trending-daily': 'github-trending-daily-2021-markup.html',
  'gh-search': 'github-search-2026-11-26.json',
};

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.ready;
  // The side panel loads the rows' Save, Watch and Timeline links into this page-wide slot; the popup never does,
  // so a popup test must not inherit them from a side panel test run before it.
  shelfViews.value = undefined;
});

async function storeRecordings(db: MorningPostDB) {
  for (const [id, file] of Object.entries(RECORDINGS) as [SourceId, string][]) {
    await recordSuccess(db, id, SOURCES[id].parse(readFileSync(join(OWN_FIXTURES, file), 'utf8')), NOW - 60_000, NOW + 3_600_000);
  }
}

const sourcesModel = (db: MorningPostDB, ids: readonly SourceId[], rows: typeof visibleRows) => testSourcesModel(db, ids, rows, NOW);

/** Every link out, and those that would load inside the page. */
function linksOut() {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('a[href]')];
  const wrong = links.filter((link) => link.getAttribute('target') !== '_blank' || link.getAttribute('rel') !== 'noopener noreferrer').map((link) => link.outerHTML);
  return { links, wrong };
}

describe('links out of the popup and the side panel', () => {
  it('every link on every tab of the side panel opens a new tab', async () => {
    const db = testDb();
    await storeRecordings(db);
    render(<SidePanelPage model={sourcesModel(db, SOURCE_IDS, visibleRows)} />);
    await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
    await waitFor(() => expect(screen.getAllByRole('tab')[0]!.getAttribute('data-health')).toBe('ok'));
    const perTab: Record<string, number> = {};
    const wrong: string[] = [];
    for (const [index, id] of SOURCE_IDS.entries()) {
      fireEvent.click(screen.getAllByRole('tab')[index]!);
      await waitFor(() => expect(screen.getByRole('tabpanel').id).toBe(`panel-${id}`));
      const found = linksOut();
      perTab[id] = found.links.length;
      wrong.push(...found.wrong);
    }
    const total = Object.values(perTab).reduce((sum, count) => sum + count, 0);
    console.info(`side panel links: ${total} checked over ${SOURCE_IDS.length} tabs (${JSON.stringify(perTab)}), ${wrong.length} would load inside the panel`);
    expect(wrong).toEqual([]);
    // Every tab with a recording shows links (the weekly trending page has none here), the papers their code links too.
    for (const id of Object.keys(RECORDINGS)) expect(perTab[id], id).toBeGreaterThan(0);
    expect(perTab['gh-trending-weekly']).toBe(0);
    // The rows' Save, Watch and Timeline chunk settles before the test ends: loaded late, it filled the page-wide
    // slot after afterEach emptied it, and the popup test run next counted 10 links for its 5 rows.
    await waitFor(() => expect(shelfViews.value).toBeDefined());
  });

  it('every link in the popup opens a new tab', async () => {
    const db = testDb();
    await storeRecordings(db);
    const paper = new IssueModel({ live: { open: async () => db }, markRead: vi.fn(async () => undefined), now: () => NOW });
    onTestFinished(() => paper[Symbol.dispose]());
    render(<PopupPage paper={paper} model={sourcesModel(db, ['hf-models'], visibleHuggingFaceRows)} openPaper={() => undefined} />);
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(5));
    const { links, wrong } = linksOut();
    console.info(`popup links: ${links.length} checked, ${wrong.length} would load inside the popup`);
    expect(links).toHaveLength(5);
    expect(wrong).toEqual([]);
  });
});
