// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signal } from '@preact/signals';
import { act, cleanup, fireEvent, render, screen, waitFor as waitForDefault } from '@testing-library/preact';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { SidePanelPage } from '@/components/pages/SidePanelPage';
import { recordFailure, recordSuccess } from '@/lib/history/write';
import { SourcesModel } from '@/lib/models/sources';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/shared/settings';
import { visibleRows } from '@/lib/shared/filters';
import { SOURCE_IDS } from '@/lib/sources/ids';
import { hfModels } from '@/lib/sources/hf-models';
import { testDb } from '../../support/db';
import { OWN_FIXTURES } from '../../support/paths';

const owned = hfModels.parse(readFileSync(join(OWN_FIXTURES, 'hf-models-trending-2026-11-26.json'), 'utf8'));
const NOW = Date.parse('2026-11-27T07:00:00');
/** Past testing-library's default second, which a loaded machine can exceed; within the test's 30 s (vitest.config.ts). */
const waitFor = <T,>(check: () => T) => waitForDefault(check, { timeout: 10_000 });

// The document is the file's (happy-dom): each test leaves it empty. The
// database and the model are each test's own (mount).
afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.ready;
});

function mount(settings = signal<Settings | undefined>(DEFAULT_SETTINGS)) {
  const db = testDb();
  const model = new SourcesModel({ live: { open: async () => db }, sourceIds: SOURCE_IDS, requestRefresh: vi.fn(async () => undefined), now: () => NOW, settings, visibleRows });
  // Disposed before the database is deleted (onTestFinished runs last-registered first).
  onTestFinished(() => model[Symbol.dispose]());
  render(<SidePanelPage model={model} />);
  return { db, settings };
}

describe('SidePanelPage', () => {
  it('has a tab per source, each naming its health, and arrow keys move between them', async () => {
    const { db } = mount();
    await act(() => recordSuccess(db, 'hf-models', owned, NOW, NOW + 3_600_000));
    await act(async () => {
      await recordFailure(db, 'gh-search', { kind: 'rate-limited', status: 403, message: 'api.github.com/search/repositories is rate limiting us (HTTP 403)' }, NOW, NOW + 600_000);
    });
    await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
    // The list and the failure reach the page through liveQuery, a moment after they are written.
    await waitFor(() => expect(screen.getAllByRole('tab')[6]!.textContent).toBe('New repos, failing'));
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual([
      'Models, up to date',
      'Datasets, waiting',
      'Spaces, waiting',
      'Papers, waiting',
      'GitHub today, waiting',
      'GitHub week, waiting',
      'New repos, failing',
    ]);
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    expect(screen.getAllByRole('listitem')).toHaveLength(12);

    fireEvent.keyDown(tabs[0]!, { key: 'End' });
    await waitFor(() => expect(screen.getAllByRole('tab')[6]!.getAttribute('aria-selected')).toBe('true'));
    const panel = screen.getByRole('tabpanel');
    expect(panel.textContent).toContain('rate limiting us (HTTP 403)');
    expect(panel.textContent).toContain('No list yet');
    fireEvent.keyDown(screen.getAllByRole('tab')[6]!, { key: 'ArrowRight' });
    await waitFor(() => expect(screen.getAllByRole('tab')[0]!.getAttribute('aria-selected')).toBe('true'));
    // j and k move through the items of the open tab.
    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(document.activeElement?.textContent).toBe(owned.items[1]!.name);
  });

  it('hides the sources the reader turned off, and applies the task filters', async () => {
    const { db, settings } = mount();
    await act(() => recordSuccess(db, 'hf-models', owned, NOW, NOW + 3_600_000));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(12));
    act(() => {
      settings.value = {
        ...DEFAULT_SETTINGS,
        sources: { ...DEFAULT_SETTINGS.sources, 'gh-search': false, 'hf-papers': false },
        hfTasks: { include: [], hide: ['text-generation'] },
      };
    });
    await waitFor(() => expect(screen.getAllByRole('tab')).toHaveLength(5));
    const textGeneration = owned.items.filter((item) => item.task === 'text-generation').length;
    expect(screen.getAllByRole('listitem')).toHaveLength(12 - textGeneration);
    expect(screen.getByText(new RegExp(`${textGeneration} entries are hidden by your filters`))).toBeTruthy();
  });
});
