// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { KeysHelp } from '@/components/KeysHelp';
import { IssueView } from '@/components/issue/IssueView';
import { TrendingList } from '@/components/TrendingList';
import { installShelves } from '@/components/shelves/ShelfViews';
import { handleItemKey } from '@/components/item-keys';
import { shelfViews } from '@/components/useItemKeys';
import { ShelvesModel } from '@/lib/models/shelves';
import type { Claim, Issue, Mover } from '@/lib/shared/issue-types';
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
    const link = screen.getByRole('link', { name: 'gpt2' });
    link.focus();
    handleItemKey(new KeyboardEvent('keydown', { key: 'w' }), () => undefined);
    await waitFor(() => expect(button('Watch gpt2').getAttribute('aria-pressed')).toBe('true'));
    handleItemKey(new KeyboardEvent('keydown', { key: 's' }), () => undefined);
    await waitFor(() => expect(button('Save gpt2 to the reading list').getAttribute('aria-pressed')).toBe('true'));
    expect(button('Save Qwen/Qwen3-8B to the reading list').getAttribute('aria-pressed')).toBe('false');
  });

  it('each row links its timeline (issue #12) by its validated id, in a new tab; j does not stop on it', async () => {
    setUp();
    render(<Page />);
    const timeline = screen.getByRole('link', { name: 'Timeline of Qwen/Qwen3-8B' });
    expect(timeline.getAttribute('href')).toBe('/timeline.html?kind=model&id=Qwen%2FQwen3-8B');
    expect(timeline.getAttribute('target')).toBe('_blank');
    expect(timeline.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByRole('link', { name: 'Timeline of gpt2' }).getAttribute('href')).toBe('/timeline.html?kind=model&id=gpt2');
    document.querySelector<HTMLAnchorElement>('.trending__link[href="https://huggingface.co/Qwen/Qwen3-8B"]')!.focus();
    handleItemKey(new KeyboardEvent('keydown', { key: 'j' }), () => undefined);
    expect(document.activeElement?.textContent).toBe('gpt2');
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

// An issue with only the sections under test: two Tools of the Week and two movers (names and ids from ../shared/fixtures, set by hand).
const claim = (itemId: string): Claim => ({ kind: 'rank', sourceId: 'hf-models', itemId, at: T, rank: 1, printed: ['1'] });
const mover = (rank: number, itemId: string, extra: Partial<Mover> = {}): Mover => ({
  sourceId: 'hf-models',
  itemId,
  name: itemId,
  url: `https://huggingface.co/${itemId}`,
  rank,
  isNew: false,
  sinceAt: T - 86_400_000,
  sparkline: [5, rank],
  sparklineOf: 'rank',
  claim: claim(itemId),
  ...extra,
});
const ISSUE: Issue = {
  number: 7,
  publishedAt: T,
  masthead: { name: 'The AI Morning Post', tagline: 'Tagline', dateline: 'Sunday, November 29, 2026', sources: [] },
  lead: { kicker: 'Lead', headline: 'Lead', paragraphs: [], claims: [] },
  analysis: [],
  tools: [
    { kind: 'space', sourceId: 'hf-spaces', itemId: 'smolagents/hf-realtime-voice', name: 'smolagents/hf-realtime-voice', url: 'https://huggingface.co/spaces/smolagents/hf-realtime-voice', description: 'Realtime voice agent demo', figure: '377 likes', claim: claim('smolagents/hf-realtime-voice') },
    { kind: 'repository', sourceId: 'gh-trending-weekly', itemId: 'Hmbown/DeepSeek-TUI', name: 'Hmbown/DeepSeek-TUI', url: 'https://github.com/Hmbown/DeepSeek-TUI', description: 'Coding agent', figure: '+20,835 stars this week', claim: claim('Hmbown/DeepSeek-TUI') },
  ],
  trending: { models: [], datasets: [], repositories: [], spaces: [] },
  movers: {
    sinceAt: T - 86_400_000,
    climbers: [mover(8, 'Lightricks/LTX-2.5', { climbed: 13 })],
    growth: [mover(1, 'Qwen/Qwen3.8-27B', { perDay: 1155, metric: 'likes', sparklineOf: 'likes', sparkline: [4012, 12099] })],
  },
  reading: [],
};

describe('Save and Watch on the new tab’s Tools of the Week and Biggest Movers', () => {
  const pressed = (name: string) => button(name).getAttribute('aria-pressed');

  it('every tool card and every mover has both toggles, named for its item', () => {
    setUp();
    render(<IssueView issue={ISSUE} />);
    const names = (selector: string) => [...document.querySelectorAll(`${selector} button[data-shelf]`)].map((b) => `${b.closest('li')!.getAttribute('data-item-id')} | ${b.getAttribute('aria-label')} | ${b.getAttribute('aria-pressed')}`);
    expect(names('[data-section=tools] .tool')).toEqual([
      'smolagents/hf-realtime-voice | Save smolagents/hf-realtime-voice to the reading list | false',
      'smolagents/hf-realtime-voice | Watch smolagents/hf-realtime-voice | false',
      'Hmbown/DeepSeek-TUI | Save Hmbown/DeepSeek-TUI to the reading list | false',
      'Hmbown/DeepSeek-TUI | Watch Hmbown/DeepSeek-TUI | false',
    ]);
    expect(names('[data-section=movers] .mover')).toEqual([
      'Lightricks/LTX-2.5 | Save Lightricks/LTX-2.5 to the reading list | false',
      'Lightricks/LTX-2.5 | Watch Lightricks/LTX-2.5 | false',
      'Qwen/Qwen3.8-27B | Save Qwen/Qwen3.8-27B to the reading list | false',
      'Qwen/Qwen3.8-27B | Watch Qwen/Qwen3.8-27B | false',
    ]);
  });

  it('j reaches the tools and the movers, and s and w press the focused one’s toggles, stored under its kind', async () => {
    const { sync } = setUp();
    render(<IssueView issue={ISSUE} />);
    const key = (k: string) => handleItemKey(new KeyboardEvent('keydown', { key: k }), () => undefined);
    // Document order: the two tools, then the climber, then the growth mover.
    const visited: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      key('j');
      visited.push((document.activeElement as HTMLAnchorElement).getAttribute('href'));
    }
    expect(visited).toEqual([
      'https://huggingface.co/spaces/smolagents/hf-realtime-voice',
      'https://github.com/Hmbown/DeepSeek-TUI',
      'https://huggingface.co/Lightricks/LTX-2.5',
      'https://huggingface.co/Qwen/Qwen3.8-27B',
    ]);
    key('w');
    await waitFor(() => expect(pressed('Watch Qwen/Qwen3.8-27B')).toBe('true'));
    expect(pressed('Save Qwen/Qwen3.8-27B to the reading list')).toBe('false');
    expect(pressed('Watch Lightricks/LTX-2.5')).toBe('false');

    key('k');
    key('k');
    key('s');
    await waitFor(() => expect(pressed('Save Hmbown/DeepSeek-TUI to the reading list')).toBe('true'));
    expect(pressed('Watch Hmbown/DeepSeek-TUI')).toBe('false');
    expect(await sync.get(null as unknown as string)).toEqual({ 'w:model:Qwen/Qwen3.8-27B': { at: T }, 'r:repo:Hmbown/DeepSeek-TUI': { at: T } });

    // Pressed again, from the card's own button: off the shelf.
    button('Save Hmbown/DeepSeek-TUI to the reading list').focus();
    key('s');
    await waitFor(() => expect(pressed('Save Hmbown/DeepSeek-TUI to the reading list')).toBe('false'));
  });
});
