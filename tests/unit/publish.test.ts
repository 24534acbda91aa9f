import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { BADGE_BACKGROUND } from '@/lib/background/badge';
import type { FetchLike } from '@/lib/background/fetch-source';
import type { MorningPostDB } from '@/lib/history/db';
import { isPacked } from '@/lib/history/issue-codec';
import { issueByNumber, issueNumbers, PACKED_THROUGH } from '@/lib/history/issues';
import type { Issue } from '@/lib/shared/issue-types';
import { isIssueDue, morningOf, nextMorningAfter } from '@/lib/background/publish';
import { MORNING_ALARM } from '@/lib/background/schedule';
import { SETTINGS_KEY } from '@/lib/shared/settings';
import { SOURCES } from '@/lib/sources';
import { createWorker } from '@/lib/background/worker';
import { RecordingBadge } from '../support/badge';
import { testDb } from '../support/db';
import { testBrowser } from '../support/fake-browser';
import { sharedRecordings, SOURCE_ROUTES } from '../support/recordings';

/** Local times, so the tests mean the same in every time zone. */
const at = (day: number, hours: number, minutes = 0) => new Date(2026, 10, day, hours, minutes).getTime();

describe('when an issue is due', () => {
  it.each<[string, number, number | undefined, boolean]>([
    ['the first refresh ever', at(27, 15), undefined, true],
    ['later the same day', at(27, 18), at(27, 15), false],
    ['the next day before the morning time', at(28, 6, 59), at(27, 15), false],
    ['the next day at the morning time', at(28, 7), at(27, 15), true],
    ['the next day, after the browser was closed through the morning', at(28, 13), at(27, 15), true],
    ['three days later', at(30, 9), at(27, 15), true],
    ['after this morning’s issue', at(28, 9), at(28, 7, 1), false],
  ])('%s', (_name, now, lastPublishedAt, due) => {
    expect(isIssueDue(now, lastPublishedAt === undefined ? undefined : { publishedAt: lastPublishedAt }, '07:00')).toBe(due);
  });

  it('finds the morning time today and the next one', () => {
    expect(morningOf(at(27, 15), '07:00')).toBe(at(27, 7));
    expect(nextMorningAfter(at(27, 6), '07:00')).toBe(at(27, 7));
    expect(nextMorningAfter(at(27, 7), '07:00')).toBe(at(28, 7));
    expect(nextMorningAfter(at(30, 23, 59), '06:30')).toBe(new Date(2026, 11, 1, 6, 30).getTime());
  });
});

const bodies = Object.fromEntries(Object.entries(sharedRecordings()).map(([id, file]) => [SOURCE_ROUTES[id as keyof typeof SOURCE_ROUTES].route, readFileSync(file, 'utf8')]));
const recorded: FetchLike = async (url) => {
  const { host, pathname, search } = new URL(url);
  const body = bodies[`${host}${pathname}${search}`] ?? bodies[`${host}${pathname}`];
  return body === undefined ? new Response('', { status: 404 }) : new Response(body, { status: 200 });
};

function setup(start: number) {
  const db = testDb();
  const browser = testBrowser();
  let now = start;
  const badge = new RecordingBadge();
  const notify = vi.fn(async (_issue: Issue) => undefined);
  const worker = createWorker({
    db,
    fetch: recorded,
    now: () => now,
    random: () => 0.5,
    sources: Object.values(SOURCES),
    alarms: browser.alarms,
    settings: browser.sync,
    local: browser.local,
    action: badge,
    notify,
  });
  return { worker, badge, notify, set: (time: number) => (now = time), db, browser };
}

const numbers = (db: MorningPostDB) => issueNumbers(db);

describe('publishing', () => {
  it('publishes No. 1 at install, at once, and the badge says so until it is read', async () => {
    const { worker, badge, db } = setup(at(27, 15));
    await worker.wake('install');
    expect(await numbers(db)).toEqual([1]);
    expect(badge).toMatchObject({ text: '1', background: BADGE_BACKGROUND, color: '#ffffff' });
    expect(badge.title).toMatch(/1 new issue/);
    const issue = (await issueByNumber(db, 1))!;
    expect(issue.publishedAt).toBe(at(27, 15));
    expect(issue.lead.headline).not.toBe('');
    await worker.issueRead(1);
    expect(badge.text).toBe('');
  });

  it('publishes one issue a day at the morning time, numbered without gaps, and never rewrites one', async () => {
    const { worker, badge, set, db, browser } = setup(at(27, 15));
    await worker.wake('install');
    const first = await issueByNumber(db, 1);
    set(at(27, 18));
    await worker.wake('manual');
    expect(await numbers(db)).toEqual([1]);
    expect(await browser.alarms.get(MORNING_ALARM)).toMatchObject({ scheduledTime: at(28, 7) });

    set(at(28, 7));
    await Promise.all([worker.wake('morning'), worker.wake('alarm'), worker.wake('manual')]);
    expect(await numbers(db)).toEqual([1, 2]);
    expect(badge.text).toBe('2');
    expect(await browser.alarms.get(MORNING_ALARM)).toMatchObject({ scheduledTime: at(29, 7) });

    // Closed through three mornings: one catch-up issue, not three.
    set(at(31, 12));
    await worker.wake('startup');
    await worker.wake('alarm');
    expect(await numbers(db)).toEqual([1, 2, 3]);
    expect(await issueByNumber(db, 1)).toEqual(first);
    await worker.issueRead(2);
    expect(badge.text).toBe('1');
    // Paging back to an older issue does not make newer ones unread.
    await worker.issueRead(1);
    expect(badge.text).toBe('1');
  });

  it('follows a changed morning time, and counts no issue when the badge is off', async () => {
    const { worker, badge, set, db, browser } = setup(at(27, 15));
    await worker.wake('install');
    await browser.sync.set({ [SETTINGS_KEY]: { version: 3, morningTime: '05:45', badge: false } });
    await worker.settingsChanged();
    expect(await browser.alarms.get(MORNING_ALARM)).toMatchObject({ scheduledTime: at(28, 5, 45) });
    expect(badge.text).toBe('');
    set(at(28, 5, 45));
    await worker.wake('morning');
    expect(await numbers(db)).toEqual([1, 2]);
    expect(badge.text).toBe('');
  });

  it('notifies only when the reader turned notifications on', async () => {
    const { worker, notify, set, browser } = setup(at(27, 15));
    await worker.wake('install');
    expect(notify).not.toHaveBeenCalled();
    await browser.sync.set({ [SETTINGS_KEY]: { version: 3, notifications: true } });
    set(at(28, 8));
    await worker.wake('alarm');
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify.mock.calls[0]![0]).toMatchObject({ number: 2 });
  });

  it('repacks an issue stored whole before issue #8 on a later wake, and it reads the same', async () => {
    const { worker, set, db } = setup(at(27, 15));
    await worker.wake('install');
    const first = (await issueByNumber(db, 1))!;
    // The database as schema v3 left it: the issue whole, and no repacking done yet.
    await db.issues.put(structuredClone(first));
    await db.meta.delete(PACKED_THROUGH);
    expect(isPacked(await db.issues.get(1))).toBe(false);
    set(at(27, 18));
    await worker.wake('alarm');
    expect(await numbers(db)).toEqual([1]);
    expect(isPacked(await db.issues.get(1))).toBe(true);
    expect(await issueByNumber(db, 1)).toStrictEqual(first);
  });

  it('publishes nothing before any list has been stored', async () => {
    const db = testDb();
    const browser = testBrowser();
    const badge = new RecordingBadge();
    const worker = createWorker({
      db,
      fetch: async () => Promise.reject(new TypeError('offline')),
      now: () => at(27, 15),
      random: () => 0.5,
      sources: Object.values(SOURCES),
      alarms: browser.alarms,
      settings: browser.sync,
      local: browser.local,
      action: badge,
    });
    await worker.wake('install');
    expect(await issueNumbers(db)).toEqual([]);
    expect(badge.text).toBe('');
  });
});

