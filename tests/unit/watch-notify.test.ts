import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { FetchLike } from '@/lib/background/fetch-source';
import { createWorker } from '@/lib/background/worker';
import { issueOfNotification } from '@/lib/browser/notifications';
import { issueByNumber } from '@/lib/history/issues';
import type { Issue } from '@/lib/shared/issue-types';
import { addToShelf, readShelves } from '@/lib/shared/saved';
import { SETTINGS_KEY } from '@/lib/shared/settings';
import { hfModels } from '@/lib/sources/hf-models';
import { RecordingBadge } from '../support/badge';
import { testDb } from '../support/db';
import { testBrowser } from '../support/fake-browser';
import { sharedFixture } from '../support/paths';

/**
 * The watchlist through the worker (issue #10): read from storage.sync before
 * the issue is composed, told in the issue's watch piece, and notified only
 * when the reader turned watch notifications on and the piece exists.
 *
 * Hugging Face's recorded trending models (30). On Friday 27 at 15:00 (install)
 * the list is served without its 5th model, Qwen/… at index 4; on Saturday 28
 * at 12:00 (21 h later: a day baseline is at least 20 h old) the whole list.
 * The 5th model has then entered at No. 5.
 */
const FRIDAY = Date.parse('2026-11-27T15:00:00Z');
const SATURDAY = Date.parse('2026-11-28T12:00:00Z');
const models = JSON.parse(readFileSync(sharedFixture('hf-models-trending.json'), 'utf8')) as { id: string; likes: number }[];
const FIFTH = models[4]!;

function setup(settings: Record<string, unknown>) {
  const db = testDb();
  const browser = testBrowser();
  let now = FRIDAY;
  const fetch: FetchLike = async () => new Response(JSON.stringify(now < SATURDAY ? models.filter((model) => model !== FIFTH) : models), { status: 200 });
  const notify = vi.fn(async (_issue: Issue) => undefined);
  const notifyWatch = vi.fn(async (_issue: Issue) => undefined);
  const worker = createWorker({
    db,
    fetch,
    now: () => now,
    random: () => 0.5,
    sources: [hfModels],
    alarms: browser.alarms,
    settings: browser.sync,
    local: browser.local,
    action: new RecordingBadge(),
    notify,
    notifyWatch,
    timeZone: () => 'UTC',
    watchlist: async () => readShelves(await browser.sync.get(null)).watch,
  });
  const run = async (watched: string[]) => {
    await browser.sync.set({ [SETTINGS_KEY]: { version: 3, sources: { 'hf-models': true }, ...settings } });
    for (const id of watched) expect(await addToShelf(browser.sync, { shelf: 'watch', kind: 'model', id, title: id }, FRIDAY)).toEqual({ ok: true });
    await worker.wake('install');
    now = SATURDAY;
    await worker.wake('alarm');
    return (await issueByNumber(db, 2))!;
  };
  return { run, notify, notifyWatch };
}

describe('watch notifications', () => {
  it('the worker reads the watchlist from storage.sync and the second issue tells the entry', async () => {
    const { run } = setup({});
    const issue = await run([FIFTH.id]);
    console.info(`watched ${FIFTH.id}: ${issue.watch?.paragraphs[0]}`);
    // Read with its non-breaking spaces ("No. 5", "514 likes": issue #11) as spaces.
    expect(issue.watch?.paragraphs.map((paragraph) => paragraph.replaceAll('\u00a0', ' '))).toEqual([`New on Hugging Face's trending models since yesterday: ${FIFTH.id}, at No. 5, with ${FIFTH.likes.toLocaleString('en-US')} likes.`]);
  });

  it('notifies when switched on and the piece exists, once, with the issue', async () => {
    const { run, notifyWatch, notify } = setup({ watchNotifications: true });
    await run([FIFTH.id]);
    expect(notifyWatch).toHaveBeenCalledTimes(1);
    expect(notifyWatch.mock.calls[0]![0]).toMatchObject({ number: 2, watch: { kicker: 'Your Watchlist' } });
    // The issue notification is a setting of its own (off here).
    expect(notify).not.toHaveBeenCalled();
  });

  it('does not notify when switched off, though the piece exists', async () => {
    const { run, notifyWatch } = setup({ watchNotifications: false, notifications: true });
    const issue = await run([FIFTH.id]);
    expect(issue.watch).toBeDefined();
    expect(notifyWatch).not.toHaveBeenCalled();
  });

  it('does not notify when switched on but nothing watched moved', async () => {
    // models[0] is No. 1 on both days.
    const { run, notifyWatch } = setup({ watchNotifications: true });
    const issue = await run([models[0]!.id]);
    expect(issue.watch).toBeUndefined();
    expect(notifyWatch).not.toHaveBeenCalled();
  });

  it('a notification names the issue it opens', () => {
    expect(['issue-12', 'watch-3', 'watch-', 'other-2', 'watch-1e3'].map(issueOfNotification)).toEqual([12, 3, undefined, undefined, undefined]);
  });
});
