// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { signal } from '@preact/signals';
import { waitFor as waitForDefault } from '@testing-library/preact';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { markRead as workerMarkRead, unreadCount } from '@/lib/background/badge';
import { publishIfDue } from '@/lib/background/publish';
import type { MorningPostDB } from '@/lib/history/db';
import { IssueModel } from '@/lib/models/issue';
import type { LiveSource } from '@/lib/models/live-query';
import { markReadWhenSeen, type VisibilitySource } from '@/lib/models/read-marker';
import { LAST_READ } from '@/lib/shared/messages';
import { DEFAULT_SETTINGS } from '@/lib/shared/settings';
import { testDb } from '../support/db';
import { writeWeek } from '../support/issue-history';

/**
 * Issue #10, "Badge": an issue counts as read only when a page showing it is
 * visible, and a page sends the worker nothing when nothing new was read.
 * Every sequence below is written by hand; the expected messages and unread
 * counts are counted by hand from it.
 */

/** fake-indexeddb under a loaded machine: well past the slowest wait, well within the test's 30 s. */
const waitFor = <T,>(check: () => T) => waitForDefault(check, { timeout: 10_000 });

/** A tab whose visibility the test sets, as the browser does when tabs are switched. */
class FakeVisibility implements VisibilitySource {
  visibilityState: DocumentVisibilityState;
  private readonly listeners = new Set<() => void>();
  constructor(initial: DocumentVisibilityState) {
    this.visibilityState = initial;
  }
  addEventListener(_type: 'visibilitychange', listener: () => void) {
    this.listeners.add(listener);
  }
  removeEventListener(_type: 'visibilitychange', listener: () => void) {
    this.listeners.delete(listener);
  }
  set(state: DocumentVisibilityState) {
    this.visibilityState = state;
    for (const listener of this.listeners) listener();
  }
  get listening() {
    return this.listeners.size;
  }
}

/**
 * The worker, faked by counting: each message is recorded, then handled by the
 * worker's own `markRead` on the test's database (so the badge's count is real).
 * `opens` counts the page's reads of the read state: zero means nothing was even started.
 */
function harness(db: MorningPostDB, initial: DocumentVisibilityState, shownFirst?: number) {
  const messages: number[] = [];
  let opens = 0;
  let failNext = false;
  const live: LiveSource = {
    open: async () => {
      opens += 1;
      return db;
    },
  };
  const shown = signal<{ number: number } | undefined>(shownFirst === undefined ? undefined : { number: shownFirst });
  const visibility = new FakeVisibility(initial);
  const stop = markReadWhenSeen({
    shown,
    visibility,
    live,
    markRead: async (number) => {
      messages.push(number);
      await countIfAlreadyRead(db, number);
      if (failNext) {
        failNext = false;
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }
      await workerMarkRead(db, number);
    },
  });
  onTestFinished(stop);
  return {
    messages,
    /** The page moves to issue `number` (a new one published, or the reader paging). */
    show: (number: number) => (shown.value = { number }),
    visibility,
    stop,
    opens: () => opens,
    failOnce: () => (failNext = true),
  };
}

/** Issues 1..count in the database, numbered as the worker numbers them. */
async function publishIssues(db: MorningPostDB, count: number) {
  const start = new Date(2026, 10, 20, 6, 0).getTime();
  const day = 24 * 3_600_000;
  await writeWeek(db, start, count + 1, 1);
  for (let n = 1; n <= count; n += 1) expect((await publishIfDue(db, start + n * day + 2 * 3_600_000, DEFAULT_SETTINGS))?.number).toBe(n);
}

const summary = { sequences: 0, messages: 0, messagesForReadIssues: 0 };

/** A message for an issue the database already counted as read woke the worker for nothing (issue #10). */
async function countIfAlreadyRead(db: MorningPostDB, number: number) {
  const lastRead = (await db.meta.get(LAST_READ))?.value ?? 0;
  if (number <= lastRead) summary.messagesForReadIssues += 1;
}

afterAll(() => {
  console.info(`read-marker: ${summary.sequences} hand-written sequences, ${summary.messages} messages sent, ${summary.messagesForReadIssues} for an issue already read`);
  expect(summary.messagesForReadIssues).toBe(0);
});

describe('markReadWhenSeen: the badge counts what was really read', () => {
  it('hidden → published → visible: a background tab marks the new issue read only when it is brought to front', async () => {
    const db = testDb();
    await publishIssues(db, 1);
    await workerMarkRead(db, 1);
    const page = harness(db, 'hidden', 1);
    // No. 2 is published while the tab is behind another: the page moves to it, and says nothing.
    await publishIfDue(db, new Date(2026, 10, 22, 8, 0).getTime(), DEFAULT_SETTINGS);
    page.show(2);
    expect(page.opens()).toBe(0);
    expect(page.messages).toEqual([]);
    expect(await unreadCount(db)).toBe(1);
    // The reader switches to the tab.
    page.visibility.set('visible');
    await waitFor(() => expect(page.messages).toEqual([2]));
    await waitFor(async () => expect(await unreadCount(db)).toBe(0));
    // Switching away and back again says nothing more.
    page.visibility.set('hidden');
    page.visibility.set('visible');
    expect(page.messages).toEqual([2]);
    summary.sequences += 1;
    summary.messages += page.messages.length;
  });

  it('two issues published while hidden: only the one still shown is reported, once', async () => {
    const db = testDb();
    await publishIssues(db, 3);
    await workerMarkRead(db, 1);
    const page = harness(db, 'hidden', 1);
    page.show(2);
    page.show(3);
    expect(page.opens()).toBe(0);
    expect(await unreadCount(db)).toBe(2);
    page.visibility.set('visible');
    await waitFor(() => expect(page.messages).toEqual([3]));
    await waitFor(async () => expect(await unreadCount(db)).toBe(0));
    summary.sequences += 1;
    summary.messages += page.messages.length;
  });

  it('a hidden page that no longer shows the new issue when it becomes visible does not mark it read', async () => {
    const db = testDb();
    await publishIssues(db, 2);
    await workerMarkRead(db, 1);
    const page = harness(db, 'hidden', 2);
    // Before the reader looks, the page is back on No. 1 (its address names it): No. 2 was never seen.
    page.show(1);
    page.visibility.set('visible');
    // No. 1 is already read: nothing to send. The sentinel: No. 2 shown while visible is reported, and is the only message.
    page.show(2);
    await waitFor(() => expect(page.messages).toEqual([2]));
    expect(await unreadCount(db)).toBe(0);
    summary.sequences += 1;
    summary.messages += page.messages.length;
  });

  it('visible on an issue already read (by an earlier new tab): no message at all', async () => {
    const db = testDb();
    await publishIssues(db, 3);
    await workerMarkRead(db, 3);
    const page = harness(db, 'visible', 3);
    // The read state was read (the page looked), and nothing was sent.
    await waitFor(() => expect(page.opens()).toBe(1));
    // The archive, all read: nothing either.
    page.show(2);
    page.show(1);
    page.visibility.set('hidden');
    page.visibility.set('visible');
    // The sentinel: No. 4 arrives while the page is visible — the one message.
    await publishIfDue(db, new Date(2026, 10, 24, 8, 0).getTime(), DEFAULT_SETTINGS);
    page.show(4);
    await waitFor(() => expect(page.messages).toEqual([4]));
    expect(await unreadCount(db)).toBe(0);
    summary.sequences += 1;
    summary.messages += page.messages.length;
  });

  it('another page read the issue while this one was hidden: this one sends nothing when shown', async () => {
    const db = testDb();
    await publishIssues(db, 2);
    await workerMarkRead(db, 1);
    const page = harness(db, 'hidden', 2);
    // A second new tab, in front, reported No. 2.
    await workerMarkRead(db, 2);
    page.visibility.set('visible');
    await waitFor(() => expect(page.opens()).toBe(1));
    page.show(1);
    await publishIfDue(db, new Date(2026, 10, 23, 8, 0).getTime(), DEFAULT_SETTINGS);
    page.show(3);
    await waitFor(() => expect(page.messages).toEqual([3]));
    summary.sequences += 1;
    summary.messages += page.messages.length;
  });

  it('archive pages: reading an older issue marks it read, never the latest', async () => {
    const db = testDb();
    await publishIssues(db, 4);
    await workerMarkRead(db, 1);
    expect(await unreadCount(db)).toBe(3);
    const page = harness(db, 'visible', 2);
    await waitFor(() => expect(page.messages).toEqual([2]));
    // Issues 3 and 4 are still unread.
    await waitFor(async () => expect(await unreadCount(db)).toBe(2));
    page.show(3);
    await waitFor(() => expect(page.messages).toEqual([2, 3]));
    await waitFor(async () => expect(await unreadCount(db)).toBe(1));
    // Back to No. 1 and 2: nothing to say.
    page.show(1);
    page.show(2);
    page.show(4);
    await waitFor(() => expect(page.messages).toEqual([2, 3, 4]));
    await waitFor(async () => expect(await unreadCount(db)).toBe(0));
    summary.sequences += 1;
    summary.messages += page.messages.length;
  });

  it('a message the worker did not receive is sent again at the next chance', async () => {
    const db = testDb();
    await publishIssues(db, 2);
    await workerMarkRead(db, 1);
    const page = harness(db, 'visible', 1);
    page.failOnce();
    page.show(2);
    await waitFor(() => expect(page.messages).toEqual([2]));
    expect(await unreadCount(db)).toBe(1);
    // The reader comes back to the tab: the page tries again.
    page.visibility.set('hidden');
    page.visibility.set('visible');
    await waitFor(() => expect(page.messages).toEqual([2, 2]));
    await waitFor(async () => expect(await unreadCount(db)).toBe(0));
    summary.sequences += 1;
    summary.messages += page.messages.length;
  });

  it('stopped (the page closed): it listens no more and says nothing', async () => {
    const db = testDb();
    await publishIssues(db, 2);
    const page = harness(db, 'hidden', 2);
    expect(page.visibility.listening).toBe(1);
    page.stop();
    expect(page.visibility.listening).toBe(0);
    page.visibility.set('visible');
    page.show(1);
    expect(page.opens()).toBe(0);
    expect(page.messages).toEqual([]);
    summary.sequences += 1;
  });
});

describe('IssueModel: the page marks read through its visibility', () => {
  it('a new tab open in the background while the next issue is published: the badge counts it until the tab is in front', async () => {
    const db = testDb();
    await publishIssues(db, 1);
    const messages: number[] = [];
    const visibility = new FakeVisibility('visible');
    const model = new IssueModel({
      live: { open: async () => db },
      visibility,
      markRead: async (number) => {
        messages.push(number);
        await countIfAlreadyRead(db, number);
        await workerMarkRead(db, number);
      },
    });
    onTestFinished(() => model[Symbol.dispose]());
    await waitFor(() => expect(messages).toEqual([1]));
    // The reader opens another tab in front of it; No. 2 is published.
    visibility.set('hidden');
    await publishIfDue(db, new Date(2026, 10, 22, 8, 0).getTime(), DEFAULT_SETTINGS);
    await waitFor(() => expect(model.issue.value?.number).toBe(2));
    expect(messages).toEqual([1]);
    expect(await unreadCount(db)).toBe(1);
    visibility.set('visible');
    await waitFor(() => expect(messages).toEqual([1, 2]));
    await waitFor(async () => expect(await unreadCount(db)).toBe(0));
    // A closed page stops listening (once the marker's promise settles).
    model[Symbol.dispose]();
    await waitFor(() => expect(visibility.listening).toBe(0));
    summary.sequences += 1;
    summary.messages += messages.length;
  });
});
