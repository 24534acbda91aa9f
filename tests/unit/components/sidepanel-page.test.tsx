// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signal } from '@preact/signals';
import { act, cleanup, fireEvent, render, screen, waitFor as waitForDefault } from '@testing-library/preact';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { SidePanelPage } from '@/components/pages/SidePanelPage';
import { recordFailure, recordSuccess } from '@/lib/history/write';
import { SidePanelSearch } from '@/lib/models/side-panel-search';
import { SourcesModel } from '@/lib/models/sources';
import type { ParsedList, TrendingItem } from '@/lib/sources/contract';
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
  // The search reads the same database's snapshots for growth per day, as the entrypoint's does.
  const search = new SidePanelSearch({ sources: model.sources, live: { open: async () => db } });
  // Disposed before the database is deleted (onTestFinished runs last-registered first).
  onTestFinished(() => model[Symbol.dispose]());
  onTestFinished(() => search[Symbol.dispose]());
  render(<SidePanelPage model={model} search={search} />);
  return { db, settings };
}

/** An item written by hand for the search tests: only the fields they read. */
function item(id: string, fields: Partial<TrendingItem> = {}): TrendingItem {
  return { id, name: id, url: `https://huggingface.co/${id}`, metrics: {}, ...fields };
}
const list = (...items: TrendingItem[]): ParsedList => ({ items, dropped: 0 });

// Two sources written by hand; "llama" is in a model's name, a model's tags and a repository's description.
const MODELS = list(
  item('meta/Llama-4-Scout', { task: 'text-generation', library: 'transformers', createdAt: '2026-11-01T00:00:00Z', metrics: { likes: 100 } }),
  item('pixel/Canvas-XL', { task: 'text-to-image', library: 'diffusers', createdAt: '2026-11-20T00:00:00Z', metrics: { likes: 50 } }),
  item('quiet/Tiny-Chat', { task: 'text-generation', library: 'transformers', tags: ['llama', 'gguf'], metrics: { likes: 10 } }),
);
const repo = (id: string, fields: Partial<TrendingItem>) => item(id, { url: `https://github.com/${id}`, ...fields });
const REPOS = list(
  repo('ggml-org/llama.cpp', { language: 'C++', description: 'LLM inference in C/C++', createdAt: '2023-03-10T00:00:00Z', metrics: { stars: 90_000 } }),
  repo('huggingface/transformers', { language: 'Python', description: 'Machine learning for text, vision and audio', createdAt: '2018-10-29T00:00:00Z', metrics: { stars: 150_000 } }),
);
const resultNames = () => [...document.querySelectorAll('[aria-label="Search results"] .trending__row')].map((row) => row.getAttribute('data-item-id'));
/** The list's rows (a row's links across sources, issue #12, are list items of their own). */
const rowCount = () => document.querySelectorAll('.trending__row').length;
const searchBox = () => screen.getByRole('searchbox', { name: 'Search every list' }) as HTMLInputElement;

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
      // The reading list and watchlist (issue #10), after the sources.
      'Saved',
    ]);
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    expect(rowCount()).toBe(12);

    fireEvent.keyDown(tabs[0]!, { key: 'End' });
    await waitFor(() => expect(screen.getAllByRole('tab')[7]!.getAttribute('aria-selected')).toBe('true'));
    fireEvent.keyDown(screen.getAllByRole('tab')[7]!, { key: 'ArrowLeft' });
    await waitFor(() => expect(screen.getAllByRole('tab')[6]!.getAttribute('aria-selected')).toBe('true'));
    const panel = screen.getByRole('tabpanel');
    expect(panel.textContent).toContain('rate limiting us (HTTP 403)');
    expect(panel.textContent).toContain('No list yet');
    fireEvent.keyDown(screen.getAllByRole('tab')[6]!, { key: 'ArrowRight' });
    fireEvent.keyDown(screen.getAllByRole('tab')[7]!, { key: 'ArrowRight' });
    await waitFor(() => expect(screen.getAllByRole('tab')[0]!.getAttribute('aria-selected')).toBe('true'));
    // j and k move through the items of the open tab.
    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(document.body, { key: 'j' });
    // What a key does loads with the first key pressed (components/useItemKeys.ts).
    await waitFor(() => expect(document.activeElement?.textContent).toBe(owned.items[1]!.name));
  });

  it('hides the sources the reader turned off, and applies the task filters', async () => {
    const { db, settings } = mount();
    await act(() => recordSuccess(db, 'hf-models', owned, NOW, NOW + 3_600_000));
    await waitFor(() => expect(rowCount()).toBe(12));
    act(() => {
      settings.value = {
        ...DEFAULT_SETTINGS,
        sources: { ...DEFAULT_SETTINGS.sources, 'gh-search': false, 'hf-papers': false },
        hfTasks: { include: [], hide: ['text-generation'] },
      };
    });
    await waitFor(() => expect(screen.getAllByRole('tab')).toHaveLength(5 + 1)); // and Saved
    const textGeneration = owned.items.filter((item) => item.task === 'text-generation').length;
    expect(rowCount()).toBe(12 - textGeneration);
    expect(screen.getByText(new RegExp(`${textGeneration} entries are hidden by your filters`))).toBeTruthy();
  });
});

describe('SidePanelPage search', () => {
  it('searches every source at once, filters by a select offering only present values, sorts, and clears back to the tabs', async () => {
    const { db } = mount();
    await act(() => recordSuccess(db, 'hf-models', MODELS, NOW, NOW + 3_600_000));
    await act(() => recordSuccess(db, 'gh-trending-daily', REPOS, NOW, NOW + 3_600_000));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(3));
    expect(screen.getByRole('search')).toBeTruthy();
    // "/" goes to the box from the page (once the box's effects have run).
    await waitFor(() => {
      fireEvent.keyDown(document.body, { key: '/' });
      expect(document.activeElement).toBe(searchBox());
    });

    fireEvent.input(searchBox(), { target: { value: 'LLAMA' } });
    // From two sources, each row naming its own; the tabs give way to one list.
    await waitFor(() => expect(resultNames()).toEqual(['meta/Llama-4-Scout', 'ggml-org/llama.cpp', 'quiet/Tiny-Chat']));
    expect(screen.queryAllByRole('tab')).toHaveLength(0);
    expect([...document.querySelectorAll('.trending__source')].map((node) => node.textContent)).toEqual(['Models', 'GitHub today', 'Models']);
    expect(document.querySelector('.search__count')?.textContent).toBe('3 results across every list');

    // The source select offers the two sources with rows matching "llama", with their counts; no other.
    const source = screen.getByRole('combobox', { name: 'Source' }) as HTMLSelectElement;
    expect([...source.options].map((option) => option.textContent)).toEqual(['All sources', 'Models (2)', 'GitHub today (1)']);
    const language = screen.getByRole('combobox', { name: 'Language' }) as HTMLSelectElement;
    expect([...language.options].map((option) => option.textContent)).toEqual(['Any language', 'C++ (1)']);
    fireEvent.change(source, { target: { value: 'hf-models' } });
    await waitFor(() => expect(resultNames()).toEqual(['meta/Llama-4-Scout', 'quiet/Tiny-Chat']));
    // Narrowed to the models, no language is left to offer.
    expect([...(screen.getByRole('combobox', { name: 'Language' }) as HTMLSelectElement).options].map((option) => option.textContent)).toEqual(['Any language']);

    fireEvent.change(source, { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort' }), { target: { value: 'newest' } });
    // 2026-11-01, then 2023-03-10; Tiny-Chat has no date and comes last.
    await waitFor(() => expect(resultNames()).toEqual(['meta/Llama-4-Scout', 'ggml-org/llama.cpp', 'quiet/Tiny-Chat']));
    fireEvent.input(searchBox(), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Task' }), { target: { value: 'text-generation' } });
    await waitFor(() => expect(resultNames()).toEqual(['meta/Llama-4-Scout', 'quiet/Tiny-Chat']));

    // Pressed from the keyboard: the focus is on the button, which goes with the query.
    const clear = screen.getByRole('button', { name: 'Clear' });
    clear.focus();
    expect(document.activeElement).toBe(clear);
    fireEvent.click(clear);
    await waitFor(() => expect(screen.getAllByRole('tab')).toHaveLength(7 + 1)); // and Saved
    expect(searchBox().value).toBe('');
    // The focus is back in the box, not lost to the page.
    expect(document.activeElement).toBe(searchBox());
    expect(document.querySelector('.search__count')?.textContent).toBe('');
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });

  it('a refresh that lands while a query is typed updates the results, and keeps the query, the focus and the list', async () => {
    const { db } = mount();
    await act(() => recordSuccess(db, 'hf-models', MODELS, NOW, NOW + 3_600_000));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(3));
    const box = searchBox();
    box.focus();
    fireEvent.input(box, { target: { value: 'text generation' } });
    await waitFor(() => expect(resultNames()).toEqual(['meta/Llama-4-Scout', 'quiet/Tiny-Chat']));
    box.setSelectionRange(4, 4);
    const listBefore = document.querySelector('[aria-label="Search results"] ol');
    const firstRowBefore = document.querySelector('[data-item-id="meta/Llama-4-Scout"]');

    // The worker stores a new list: one more text-generation model, the first one gone.
    await act(() =>
      recordSuccess(db, 'hf-models', list(item('fresh/New-LM', { task: 'text-generation' }), MODELS.items[1]!, MODELS.items[2]!), NOW + 3_600_000, NOW + 7_200_000),
    );
    await waitFor(() => expect(resultNames()).toEqual(['fresh/New-LM', 'quiet/Tiny-Chat']));
    expect(searchBox()).toBe(box);
    expect(document.activeElement).toBe(box);
    expect(box.value).toBe('text generation');
    expect(box.selectionStart).toBe(4);
    // The list is the same element, updated in place (what keeps its scroll position); a row that stayed is too.
    expect(document.querySelector('[aria-label="Search results"] ol')).toBe(listBefore);
    expect(firstRowBefore?.isConnected).toBe(false);
    expect(document.querySelector('[data-item-id="quiet/Tiny-Chat"]')).toBeTruthy();
  });

  it('sorts by growth per day since the list a day back, fastest first, rows without a figure last', async () => {
    const { db } = mount();
    const DAY = 24 * 3_600_000;
    // A day back: likes 100, 50, 10. Now: 130 (+30/day), 110 (+60/day), Tiny-Chat without likes; New-LM is new.
    await act(() => recordSuccess(db, 'hf-models', MODELS, NOW - DAY, NOW));
    const today = list(
      { ...MODELS.items[0]!, metrics: { likes: 130 } },
      { ...MODELS.items[1]!, metrics: { likes: 110 } },
      { ...MODELS.items[2]!, metrics: {} },
      item('fresh/New-LM', { task: 'text-generation', metrics: { likes: 500 } }),
    );
    await act(() => recordSuccess(db, 'hf-models', today, NOW, NOW + 3_600_000));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(4));
    fireEvent.change(screen.getByRole('combobox', { name: 'Source' }), { target: { value: 'hf-models' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort' }), { target: { value: 'growth' } });
    await waitFor(() => expect(resultNames()).toEqual(['pixel/Canvas-XL', 'meta/Llama-4-Scout', 'quiet/Tiny-Chat', 'fresh/New-LM']));
  });
});
