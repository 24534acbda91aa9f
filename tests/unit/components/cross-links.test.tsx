// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { signal } from '@preact/signals';
import { act, cleanup, render, screen, waitFor as waitForDefault } from '@testing-library/preact';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { CrossLinkList } from '@/components/CrossLinks';
import { SidePanelPage } from '@/components/pages/SidePanelPage';
import { rowLinks } from '@/components/useItemKeys';
import { recordSuccess } from '@/lib/history/write';
import type { ItemLinks } from '@/lib/models/cross-links';
import { SidePanelSearch } from '@/lib/models/side-panel-search';
import { SourcesModel } from '@/lib/models/sources';
import { visibleRows } from '@/lib/shared/filters';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/shared/settings';
import type { ParsedList, TrendingItem } from '@/lib/sources/contract';
import { SOURCE_IDS } from '@/lib/sources/ids';
import { testDb } from '../../support/db';

// The links across sources (issue #12) as the side panel draws them. Expected texts written by hand.

const waitFor = <T,>(check: () => T) => waitForDefault(check, { timeout: 10_000 });

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.ready;
  // The slot is the page's module state: each test starts without links installed.
  rowLinks.value = undefined;
});

describe('CrossLinkList', () => {
  it('says each link as a word, the id as a link, and where the target trends; the ones left out counted', () => {
    const found: ItemLinks = {
      links: [
        { kind: 'code', target: 'repository', id: 'acme/repo', url: 'https://github.com/acme/repo', ranks: [{ sourceId: 'gh-trending-daily', rank: 3 }, { sourceId: 'gh-trending-weekly', rank: 1 }] },
        { kind: 'base', target: 'model', id: 'meta-llama/Llama-3.1-8B', url: 'https://huggingface.co/meta-llama/Llama-3.1-8B', ranks: [] },
        { kind: 'model', target: 'model', id: 'acme/acme-7b', url: 'https://huggingface.co/acme/acme-7b', ranks: [{ sourceId: 'hf-models', rank: 5 }], via: '2611.01234' },
        { kind: 'space', target: 'space', id: 'fan/demo', url: 'https://huggingface.co/spaces/fan/demo', ranks: [{ sourceId: 'hf-spaces', rank: 2 }] },
      ],
      omitted: 2,
    };
    render(<CrossLinkList found={found} />);
    const list = screen.getByRole('list', { name: 'In other lists' });
    expect([...list.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      'Code: acme/repo — No. 3 in GitHub trending today, No. 1 in GitHub trending this week',
      'Base: meta-llama/Llama-3.1-8B — not listed',
      'Model: acme/acme-7b — No. 5 in Hugging Face models (through paper 2611.01234)',
      'Used by Space: fan/demo — No. 2 in Hugging Face spaces',
      'and 2 more',
    ]);
    expect(screen.getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href'), link.getAttribute('target'), link.getAttribute('rel')])).toEqual([
      ['acme/repo', 'https://github.com/acme/repo', '_blank', 'noopener noreferrer'],
      ['meta-llama/Llama-3.1-8B', 'https://huggingface.co/meta-llama/Llama-3.1-8B', '_blank', 'noopener noreferrer'],
      ['acme/acme-7b', 'https://huggingface.co/acme/acme-7b', '_blank', 'noopener noreferrer'],
      ['fan/demo', 'https://huggingface.co/spaces/fan/demo', '_blank', 'noopener noreferrer'],
    ]);
  });

  it('draws an id as text and a link that is not safe as no link; nothing for no links', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    render(<CrossLinkList found={{ links: [{ kind: 'paper', target: 'paper', id: hostile, url: 'javascript:alert(1)', ranks: [] }], omitted: 0 }} />);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.queryAllByRole('link')).toHaveLength(0);
    expect(screen.getByRole('list').textContent).toBe(`Paper: ${hostile} — not listed`);
    cleanup();
    render(<CrossLinkList found={{ links: [], omitted: 0 }} />);
    render(<CrossLinkList found={undefined} />);
    expect(screen.queryAllByRole('list')).toHaveLength(0);
  });
});

function item(id: string, fields: Partial<TrendingItem> = {}): TrendingItem {
  return { id, name: id, url: `https://huggingface.co/${id}`, metrics: {}, ...fields };
}
const list = (...items: TrendingItem[]): ParsedList => ({ items, dropped: 0 });
const NOW = Date.parse('2026-11-27T07:00:00');

describe('the side panel draws each row its links once it is ready', () => {
  it('a paper its code at No. 2 on GitHub today; the repository its paper; a derivative its base', async () => {
    const db = testDb();
    const settings = signal<Settings | undefined>(DEFAULT_SETTINGS);
    const model = new SourcesModel({ live: { open: async () => db }, sourceIds: SOURCE_IDS, requestRefresh: vi.fn(async () => undefined), now: () => NOW, settings, visibleRows });
    const search = new SidePanelSearch({ sources: model.sources, live: { open: async () => db } });
    onTestFinished(() => model[Symbol.dispose]());
    onTestFinished(() => search[Symbol.dispose]());
    render(<SidePanelPage model={model} search={search} initialTab="hf-papers" />);
    await act(() =>
      recordSuccess(db, 'hf-papers', list(item('2611.01234', { url: 'https://huggingface.co/papers/2611.01234', codeUrl: 'https://github.com/Acme/Repo', metrics: { upvotes: 40 } })), NOW, NOW + 3_600_000),
    );
    await act(() =>
      recordSuccess(
        db,
        'gh-trending-daily',
        // The repository is not AI/ML by its words: it is listed because the paper names it as its code (lib/sources/ai-rule.ts).
        list(item('someone/agent-llm', { url: 'https://github.com/someone/agent-llm', description: 'an LLM agent' }), item('acme/repo', { url: 'https://github.com/acme/repo' })),
        NOW,
        NOW + 3_600_000,
      ),
    );
    await act(() => recordSuccess(db, 'hf-models', list(item('Qwen/Qwen3-8B'), item('unsloth/Qwen3-8B-GGUF', { tags: ['base_model:quantized:Qwen/Qwen3-8B'] })), NOW, NOW + 3_600_000));
    await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
    await waitFor(() => expect(document.querySelector('[data-item-id="2611.01234"] .crosslinks')?.textContent).toBe('Code: acme/repo — No. 2 in GitHub trending today'));
    const code = screen.getByRole('link', { name: 'acme/repo' });
    expect(code.getAttribute('href')).toBe('https://github.com/acme/repo');

    screen.getByRole('tab', { name: /^GitHub today/ }).click();
    await waitFor(() => expect(document.querySelector('[data-item-id="acme/repo"] .crosslinks')?.textContent).toBe('Paper: 2611.01234 — No. 1 in Hugging Face daily papers'));
    expect(document.querySelector('[data-item-id="someone/agent-llm"] .crosslinks')).toBeNull();

    screen.getByRole('tab', { name: /^Models/ }).click();
    await waitFor(() => expect(document.querySelector('[data-item-id="unsloth/Qwen3-8B-GGUF"] .crosslinks')?.textContent).toBe('Base: Qwen/Qwen3-8B — No. 1 in Hugging Face models'));
    expect(document.querySelector('[data-item-id="Qwen/Qwen3-8B"] .crosslinks')?.textContent).toBe('Derivative: unsloth/Qwen3-8B-GGUF — No. 2 in Hugging Face models');
  });
});
