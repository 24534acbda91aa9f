import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { FetchLike } from '@/lib/background/fetch-source';
import { REFRESH_ALARM, RETRY_ALARM } from '@/lib/background/schedule';
import { SETTINGS_KEY } from '@/lib/shared/settings';
import { hfModels } from '@/lib/sources/hf-models';
import { createWorker, WATCHDOG_MS } from '@/lib/background/worker';
import type { Issue } from '@/lib/shared/issue-types';
import { RecordingBadge } from '../support/badge';
import { testDb } from '../support/db';
import { testBrowser } from '../support/fake-browser';
import { sharedFixture } from '../support/paths';

const T0 = Date.parse('2026-11-27T07:00:00Z');
const recorded = readFileSync(sharedFixture('hf-models-trending.json'), 'utf8');

function setup(respond: FetchLike, start = T0) {
  const db = testDb();
  const browser = testBrowser();
  let now = start;
  const badge = new RecordingBadge();
  const notify = vi.fn(async (_issue: Issue) => undefined);
  const fetch = vi.fn(respond);
  const worker = createWorker({
    db,
    fetch,
    now: () => now,
    random: () => 0.5,
    sources: [hfModels],
    alarms: browser.alarms,
    settings: browser.sync,
    local: browser.local,
    action: badge,
    notify,
  });
  return { worker, fetch, badge, notify, advance: (ms: number) => (now += ms), at: () => now, db, browser };
}

const ok: FetchLike = async () => new Response(recorded, { status: 200 });

describe('the background worker', () => {
  it('on install fetches, stores and sets the hourly alarm', async () => {
    const { worker, fetch, db, browser } = setup(ok);
    await worker.wake('install');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await db.snapshots.count()).toBe(1);
    expect(await browser.alarms.get(REFRESH_ALARM)).toMatchObject({ periodInMinutes: 60 });
    expect(await browser.alarms.get(RETRY_ALARM)).toBeUndefined();
  });

  it('makes one request and one snapshot however many triggers arrive at once', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { worker, fetch, db } = setup(async () => {
      await gate;
      return new Response(recorded, { status: 200 });
    });
    const runs = [worker.wake('startup'), worker.wake('alarm'), worker.wake('manual'), worker.wake('install')];
    release();
    const outcomes = await Promise.all(runs);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await db.snapshots.count()).toBe(1);
    // Every caller is told what the one run did.
    expect(new Set(outcomes)).toHaveProperty('size', 1);
  });

  it('after days closed, start-up and the overdue alarm make one catch-up refresh', async () => {
    const { worker, fetch, advance, db } = setup(ok);
    await worker.wake('install');
    advance(3 * 24 * 3_600_000);
    await Promise.all([worker.wake('startup'), worker.wake('alarm')]);
    await worker.wake('alarm'); // the alarm again, right after: not due
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(await db.snapshots.count()).toBe(2);
  });

  it('does not re-create the alarm on every wake, but follows a changed interval', async () => {
    const { worker, browser } = setup(ok);
    await worker.wake('install');
    const create = vi.spyOn(browser.alarms, 'create');
    await worker.wake('startup');
    await worker.wake('alarm');
    const refreshAlarmsCreated = () => create.mock.calls.filter(([name]) => name === REFRESH_ALARM).length;
    expect(refreshAlarmsCreated()).toBe(0);

    await browser.sync.set({ [SETTINGS_KEY]: { version: 2, refreshIntervalMinutes: 180 } });
    await worker.settingsChanged();
    expect(refreshAlarmsCreated()).toBe(1);
    expect(await browser.alarms.get(REFRESH_ALARM)).toMatchObject({ periodInMinutes: 180 });
  });

  it('sets a retry alarm at the back-off time after a failure, and clears it after a success', async () => {
    let respond: FetchLike = async () => new Response('', { status: 500 });
    const { worker, advance, db, browser } = setup((url, init) => respond(url, init));
    await worker.wake('install');
    const status = await db.sourceStatus.get('hf-models');
    expect(status?.lastError?.message).toMatch(/HTTP 500/);
    expect(await browser.alarms.get(RETRY_ALARM)).toMatchObject({ scheduledTime: status?.nextAttemptAt });

    respond = ok;
    advance(status!.nextAttemptAt! - T0);
    await worker.wake('retry');
    expect(await db.snapshots.count()).toBe(1);
    expect(await browser.alarms.get(RETRY_ALARM)).toBeUndefined();
  });

  it('fetches nothing from a source the reader turned off', async () => {
    const { worker, fetch, browser } = setup(ok);
    await browser.sync.set({ [SETTINGS_KEY]: { version: 2, sources: { 'hf-models': false } } });
    expect(await worker.wake('install')).toEqual([]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('when stopped mid-refresh, leaves a retry alarm that lets the next worker finish the work', async () => {
    // The first worker's request never returns: the browser stops it there.
    const stalled = setup(() => new Promise<Response>(() => undefined));
    const { db, browser } = stalled;
    void stalled.worker.wake('alarm');
    await vi.waitFor(() => expect(stalled.fetch).toHaveBeenCalledTimes(1));
    expect(await browser.alarms.get(RETRY_ALARM)).toMatchObject({ scheduledTime: T0 + WATCHDOG_MS });
    expect(await db.snapshots.count()).toBe(0);

    // The retry alarm wakes a fresh worker (memory gone, same database).
    const fetch = vi.fn(ok);
    const next = createWorker({
      db,
      fetch,
      now: () => T0 + WATCHDOG_MS,
      random: () => 0.5,
      sources: [hfModels],
      alarms: browser.alarms,
      settings: browser.sync,
      local: browser.local,
      action: new RecordingBadge(),
    });
    await next.wake('retry');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await db.snapshots.count()).toBe(1);
    expect(await browser.alarms.get(RETRY_ALARM)).toBeUndefined();
  });
});
