// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { KeysHelp } from '@/components/KeysHelp';
import { TrendingList } from '@/components/TrendingList';
import { installShelves } from '@/components/shelves/ShelfViews';
import { handleItemKey } from '@/components/item-keys';
import { shelfViews } from '@/components/useItemKeys';
import { ShelvesModel } from '@/lib/models/shelves';
import type { ListRow } from '@/lib/shared/movement';
import type { ShelfStorage } from '@/lib/shared/saved';
import { testBrowser } from '../../support/fake-browser';

/** The Save and Watch buttons, the Saved view and the keys s and w (issue #10), over the test's own storage.sync. */

afterEach(() => {
  cleanup();
  shelfViews.value = undefined;
});

const T = Date.UTC(2026, 10, 29, 8, 0);

const row = (rank: number, itemId: string): ListRow => ({
  rank,
  itemId,
  metrics: { likes: 10 },
  item: { sourceId: 'hf-models', itemId, name: itemId, url: `https://huggingface.co/${itemId}`, firstSeenAt: 0, lastSeenAt: 0 },
});

function setUp(storage?: ShelfStorage) {
  const sync = testBrowser().sync;
  const model = new ShelvesModel({ storage: storage ?? (sync as unknown as ShelfStorage), now: () => T });
  onTestFinished(() => model[Symbol.dispose]());
  installShelves(shelfViews, model);
  return { sync, model };
}

function Page() {
  return (
    <main>
      <TrendingList rows={[row(1, 'Qwen/Qwen3-8B'), row(2, 'gpt2')]} label="Models" metrics={['likes']} />
      {shelfViews.value?.Saved('panel')}
      {shelfViews.value?.Status()}
    </main>
  );
}

const button = (name: string) => screen.getByRole('button', { name });

describe('Save and Watch on a row, and the Saved view', () => {
  it('the toggles are named for the item, pressed once on a shelf, and the Saved view lists it with its link and a remove button', async () => {
    const { sync } = setUp();
    render(<Page />);
    const empty = (shelf: string) => document.querySelector(`[data-shelf-list=${shelf}] .empty`)?.textContent;
    await waitFor(() => expect(empty('reading')).toBe('Nothing saved yet. Press “Save” on any item, or focus it and press s, to keep it here.'));
    expect(empty('watch')).toBe('Nothing watched yet. Press “Watch” on any item, or focus it and press w: the next issue says when it enters, leaves or climbs a list.');
    expect(button('Save Qwen/Qwen3-8B to the reading list').getAttribute('aria-pressed')).toBe('false');
    expect(button('Watch gpt2').getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(button('Save Qwen/Qwen3-8B to the reading list'));
    await waitFor(() => expect(button('Save Qwen/Qwen3-8B to the reading list').getAttribute('aria-pressed')).toBe('true'));
    expect(await sync.get('r:model:Qwen/Qwen3-8B')).toEqual({ 'r:model:Qwen/Qwen3-8B': { at: T } });
    expect(document.querySelector('[data-shelf-status=done]')?.textContent).toBe('Saved Qwen/Qwen3-8B to the reading list.');

    const entry = document.querySelector('[data-shelf-list=reading] .saved__row')!;
    expect(entry.getAttribute('data-item-id')).toBe('Qwen/Qwen3-8B');
    const link = entry.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://huggingface.co/Qwen/Qwen3-8B');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(entry.textContent).toContain('Model');

    fireEvent.click(button('Remove Qwen/Qwen3-8B from the reading list'));
    await waitFor(() => expect(document.querySelector('[data-shelf-list=reading] .saved__row')).toBeNull());
    expect(button('Save Qwen/Qwen3-8B to the reading list').getAttribute('aria-pressed')).toBe('false');
    expect(document.querySelector('[data-shelf-status=done]')?.textContent).toBe('Removed Qwen/Qwen3-8B from the reading list.');
    expect(await sync.get(null as unknown as string)).toEqual({});
  });

  it('s and w press the focused row’s toggles', async () => {
    setUp();
    render(<Page />);
    const link = screen.getAllByRole('link')[1]!;
    link.focus();
    handleItemKey(new KeyboardEvent('keydown', { key: 'w' }), () => undefined);
    await waitFor(() => expect(button('Watch gpt2').getAttribute('aria-pressed')).toBe('true'));
    handleItemKey(new KeyboardEvent('keydown', { key: 's' }), () => undefined);
    await waitFor(() => expect(button('Save gpt2 to the reading list').getAttribute('aria-pressed')).toBe('true'));
    expect(button('Save Qwen/Qwen3-8B to the reading list').getAttribute('aria-pressed')).toBe('false');
  });

  it('a refusal is shown and spoken, not silent', async () => {
    const sync = testBrowser().sync;
    const refusing: ShelfStorage = { get: (key) => sync.get(key), set: async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')), remove: (key) => sync.remove(key) };
    setUp(refusing);
    render(<Page />);
    fireEvent.click(button('Save gpt2 to the reading list'));
    const refused = document.querySelector<HTMLElement>('[data-shelf-status=refused]')!;
    await waitFor(() => expect(refused.hidden).toBe(false));
    expect(refused.getAttribute('aria-live')).toBe('assertive');
    expect(refused.textContent).toBe('gpt2 was not added to the reading list. The browser refused to save this (its sync storage may be full or unavailable).');
    expect(button('Save gpt2 to the reading list').getAttribute('aria-pressed')).toBe('false');
  });

  it('a row whose id cannot be saved gets no buttons', async () => {
    setUp();
    render(<TrendingList rows={[row(1, 'not a valid/id/at all')]} label="Models" metrics={['likes']} />);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('the keyboard help lists s and w', () => {
    render(<KeysHelp open={false} onClose={() => undefined} />);
    const text = document.querySelector('dialog')!.textContent;
    expect(text).toContain('ssave the item to the reading list, or remove it');
    expect(text).toContain('wwatch the item, or stop watching it');
  });
});
