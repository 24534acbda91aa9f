// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor as waitForDefault } from '@testing-library/preact';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { NewTabPage } from '@/components/pages/NewTabPage';
import type { MorningPostDB } from '@/lib/history/db';
import { recordFailure } from '@/lib/history/write';
import { IssueModel } from '@/lib/models/issue';
import { openExisting, readIssuePage } from '@/lib/history/plain-read';
import { publishIfDue } from '@/lib/background/publish';
import { DEFAULT_SETTINGS } from '@/lib/shared/settings';
import { testDb } from '../../support/db';
import { writeWeek } from '../../support/issue-history';

const START = new Date(2026, 10, 20, 6, 0).getTime();
/**
 * fake-indexeddb under a loaded machine can take more than testing-library's default second:
 * 10 s, well past the slowest wait measured (under a second), and within the test's 30 s
 * (vitest.config.ts) so that a wait that fails says what it waited for.
 */
const waitFor = <T,>(check: () => T) => waitForDefault(check, { timeout: 10_000 });
const DAY = 24 * 3_600_000;

// The document is the file's (happy-dom): each test leaves it empty. The
// database and the model are each test's own (testDb, mount).
afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.ready;
  delete document.documentElement.dataset.firstScreen;
  delete document.documentElement.dataset.complete;
  vi.unstubAllGlobals();
});

function mount(db: MorningPostDB, extra: Partial<ConstructorParameters<typeof IssueModel>[0]> = {}) {
  const markRead = vi.fn(async (_number: number) => undefined);
  const copyText = vi.fn(async (_text: string) => undefined);
  const onShow = vi.fn();
  const model = new IssueModel({ live: { open: async () => db }, markRead, copyText, onShow, now: () => START, ...extra });
  // Disposed before the database is deleted (onTestFinished runs last-registered first).
  onTestFinished(() => model[Symbol.dispose]());
  render(<NewTabPage model={model} />);
  return { markRead, copyText, onShow };
}

describe('NewTabPage', () => {
  it('says the first edition is on its way while there is no issue, and names a failing source', async () => {
    const db = testDb();
    mount(db);
    await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
    expect(screen.getByRole('status').textContent).toMatch(/first edition is on its way/);
    await act(async () => {
      await recordFailure(db, 'hf-models', { kind: 'network', message: 'could not reach huggingface.co/api/models (offline)' }, START, START + 60_000);
    });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/could not reach huggingface\.co/));
  });

  it('shows the issue as soon as it is published, marks it read, pages through the archive and exports it', async () => {
    const db = testDb();
    await writeWeek(db, START, 2, 2);
    const { markRead, copyText, onShow } = mount(db);
    await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
    await act(async () => {
      await publishIfDue(db, START + DAY + 13 * 3_600_000, DEFAULT_SETTINGS);
    });
    await waitFor(() => expect(screen.getByText('Issue 1 of 1')).toBeTruthy());
    // Read once the whole issue is decoded (the first screen comes before it).
    await waitFor(() => expect(markRead).toHaveBeenLastCalledWith(1));
    await act(async () => {
      await publishIfDue(db, START + 2 * DAY + 2 * 3_600_000, DEFAULT_SETTINGS);
    });
    // A newer issue arrives while the page is open: the page moves to it.
    await waitFor(() => expect(screen.getByText('Issue 2 of 2')).toBeTruthy());
    await waitFor(() => expect(markRead).toHaveBeenLastCalledWith(2));

    fireEvent.click(screen.getByRole('button', { name: /No\.\u00a01/ }));
    await waitFor(() => expect(screen.getByText('Issue 1 of 2')).toBeTruthy());
    expect(onShow).toHaveBeenCalledWith(1);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/The AI Morning Post/);

    fireEvent.click(screen.getByRole('button', { name: /Copy as Markdown/ }));
    await waitFor(() => expect(copyText).toHaveBeenCalledTimes(1));
    expect(copyText.mock.calls[0]![0]).toMatch(/^# The AI Morning Post — No\.\u00a01/);
    await waitFor(() => expect(screen.getByText('Copied as Markdown.')).toBeTruthy());
  });

  it('moves through the items with j and k, and shows the keys with ?', async () => {
    const db = testDb();
    await writeWeek(db, START, 2, 2);
    await publishIfDue(db, START + DAY, DEFAULT_SETTINGS);
    mount(db);
    await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
    expect(screen.getByText('Issue 1 of 1')).toBeTruthy();
    // The items' own links: not a row's Timeline link (issue #12), which comes with Save and Watch once the page is ready.
    const links = [...document.querySelectorAll<HTMLAnchorElement>('.tool a[href]:not(.timeline-link), .trending__row .trending__link[href]')].filter((link) => !link.closest('details'));
    const press = (key: string, target: Element = document.body) => fireEvent.keyDown(target, { key });
    // What a key does loads with the first key pressed (components/useItemKeys.ts): each move is awaited.
    press('j');
    await waitFor(() => expect(document.activeElement).toBe(links[0]));
    press('j');
    press('j');
    await waitFor(() => expect(document.activeElement).toBe(links[2]));
    press('k');
    await waitFor(() => expect(document.activeElement).toBe(links[1]));
    // Typing in a field is typing, not navigating.
    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    press('j', field);
    expect(document.activeElement).toBe(field);
    field.remove();
    press('?');
    await waitFor(() => expect(document.querySelector('dialog.keys-help')?.hasAttribute('open')).toBe(true));
  });

  it('opens the issue the URL names', async () => {
    const db = testDb();
    await writeWeek(db, START, 2, 2);
    // Three days, three issues: one a local calendar day (issue #9, finding 10).
    await publishIfDue(db, START + DAY, DEFAULT_SETTINGS);
    await publishIfDue(db, START + 2 * DAY + 2 * 3_600_000, DEFAULT_SETTINGS);
    await publishIfDue(db, START + 3 * DAY + 2 * 3_600_000, DEFAULT_SETTINGS);
    mount(db, { initialNumber: 1 });
    await waitFor(() => expect(screen.getByText('Issue 1 of 3')).toBeTruthy());
  });

  it('paints the first screen from the plain read before Dexie loads, then adds the rest below it without replacing it', async () => {
    const db = testDb();
    await writeWeek(db, START, 2, 2);
    await publishIfDue(db, START + DAY, DEFAULT_SETTINGS);
    const plain = await openExisting(db.name);
    onTestFinished(() => plain?.close());
    const open = vi.fn(async () => db);
    // What the first-screen mark saw, taken the moment it is set.
    const seen: { headline: Element | null; sections: number; opened: number }[] = [];
    const observer = new MutationObserver(() => {
      if (document.documentElement.dataset.firstScreen && seen.length === 0) {
        seen.push({ headline: document.querySelector('.story--lead .story__headline'), sections: document.querySelectorAll('.issue-section').length, opened: open.mock.calls.length });
      }
    });
    observer.observe(document.documentElement, { attributes: true });
    onTestFinished(() => observer.disconnect());
    let ready = () => undefined as void;
    const after = new Promise<void>((resolve) => (ready = resolve));
    mount(db, { live: { open, after }, firstRead: readIssuePage(plain!) });
    await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headline?.textContent).toBeTruthy();
    // The first screen came before the rest of the issue, and before Dexie was asked for.
    expect(seen[0]!.sections).toBe(0);
    expect(seen[0]!.opened).toBe(0);
    expect(document.querySelectorAll('.issue-section').length).toBeGreaterThan(3);
    // The same element, still in the document: the rest was added, the first screen not redrawn.
    expect(seen[0]!.headline!.isConnected).toBe(true);
    expect(document.querySelector('.story--lead .story__headline')).toBe(seen[0]!.headline);
    expect(open).not.toHaveBeenCalled();
    ready();
    await waitFor(() => expect(open).toHaveBeenCalled());
  });

  it('keeps the first screen and says which stored issue it cannot read, rather than blanking the page, when a record is corrupt', async () => {
    const db = testDb();
    await writeWeek(db, START, 2, 2);
    await publishIfDue(db, START + DAY, DEFAULT_SETTINGS);
    // The stored record keeps its first screen; its compressed body is cut to garbage.
    const stored = (await db.table('issues').get(1)) as { body: Uint8Array };
    await db.table('issues').put({ ...stored, body: new Uint8Array([120, 156, 1, 2, 3]) });
    mount(db);
    await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
    expect(screen.getByRole('alert').textContent).toMatch(/Could not read issue No\. 1/);
    // The record's first screen still stands above the error: masthead and the lead's headline.
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/The AI Morning Post/);
    const stored1 = stored as unknown as { front: { lead: { headline: string } } };
    expect(document.querySelector('.story--lead .story__headline')?.textContent).toBe(stored1.front.lead.headline);
    expect(document.querySelectorAll('.issue-section')).toHaveLength(0);
  });
  it('adds the rows folded under "The whole list" once ready and idle, and at once when the reader opens a list first', async () => {
    const db = testDb();
    await writeWeek(db, START, 2, 2);
    await publishIfDue(db, START + DAY, DEFAULT_SETTINGS);
    // Idle time is the test's to give.
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    // What the ready mark saw, taken the moment it is set.
    const atReady: { folded: number; shown: number }[] = [];
    const observer = new MutationObserver(() => {
      if (document.documentElement.dataset.ready && atReady.length === 0) {
        atReady.push({ folded: document.querySelectorAll('details.trending-more li').length, shown: document.querySelectorAll('.trending-grid .trending__row').length });
      }
    });
    observer.observe(document.documentElement, { attributes: true });
    onTestFinished(() => observer.disconnect());
    mount(db);
    await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
    // Ready with every list's first eight rows and none of the folded ones.
    expect(atReady).toEqual([{ folded: 0, shown: expect.any(Number) }]);
    expect(atReady[0]!.shown).toBeGreaterThanOrEqual(8);
    const lists = [...document.querySelectorAll<HTMLDetailsElement>('details.trending-more')];
    expect(lists.length).toBeGreaterThan(0);
    // The reader opens the first list before the page was idle: its rows come at once, the others' not yet.
    lists[0]!.open = true;
    fireEvent(lists[0]!, new Event('toggle'));
    await waitFor(() => expect(lists[0]!.querySelectorAll('li').length).toBeGreaterThan(0));
    expect(lists.slice(1).map((list) => list.querySelectorAll('li').length)).toEqual(lists.slice(1).map(() => 0));
    expect(document.documentElement.dataset.complete).toBeUndefined();
    // Idle: every folded row is in, and the page says so.
    await waitFor(() => expect(idle.length).toBeGreaterThan(0));
    act(() => idle.splice(0).forEach((callback) => callback()));
    await waitFor(() => expect(document.documentElement.dataset.complete).toBe('true'));
    for (const list of lists) {
      // "The whole list (30)": 30 rows in all, eight above the fold.
      const total = Number(/\((\d+)\)/.exec(list.querySelector('summary')!.textContent!)![1]);
      expect(list.querySelectorAll('li')).toHaveLength(total - 8);
    }
  });
});
