import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { FetchLike } from '@/lib/background/fetch-source';
import { refreshSources, type RefreshDeps } from '@/lib/background/refresh';
import { RETRY_ALARM, type AlarmsApi } from '@/lib/background/schedule';
import { createWorker, UNFINISHED_WAKES_KEY, watchdogDelayMs, type WorkerDeps } from '@/lib/background/worker';
import type { MorningPostDB } from '@/lib/history/db';
import { issueNumbers } from '@/lib/history/issues';
import { latestList } from '@/lib/history/read';
import type { SourceStatus } from '@/lib/shared/records';
import { hfDatasets } from '@/lib/sources/hf-datasets';
import { hfModels } from '@/lib/sources/hf-models';
import { RecordingBadge } from '../support/badge';
import { testDb } from '../support/db';
import { testBrowser, type OwnBrowser } from '../support/fake-browser';
import { ownRecordings } from '../support/recordings';

/**
 * Failures as data (issue #9, finding 9): a database error is a failure of its
 * own kind, recording a failure never rejects the wake, every wake catches and
 * logs, the rest of a wake runs after a failed step, and the watchdog backs off.
 */
const T0 = Date.parse('2026-11-27T07:00:00Z');
const MINUTE = 60_000;
const files = ownRecordings();
const bodies = { 'hf-models': readFileSync(files['hf-models'], 'utf8'), 'hf-datasets': readFileSync(files['hf-datasets'], 'utf8') };
const recorded: FetchLike = async (url) => new Response(url.includes('/api/datasets') ? bodies['hf-datasets'] : bodies['hf-models'], { status: 200 });

const tally = { wakes: 0, rejected: 0, unhandled: 0 };
const onUnhandled = () => tally.unhandled++;
process.on('unhandledRejection', onUnhandled);
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  console.info(`failing wakes: ${tally.wakes} wakes run against failing steps, ${tally.rejected} rejected, ${tally.unhandled} unhandled rejections`);
  expect(tally).toMatchObject({ rejected: 0, unhandled: 0 });
});

/** Runs a wake as the entrypoint does (`void worker.wake(...)`), and counts whether it settles as a rejection. */
async function wake(worker: ReturnType<typeof createWorker>, trigger: Parameters<ReturnType<typeof createWorker>['wake']>[0]) {
  tally.wakes++;
  try {
    return await worker.wake(trigger);
  } catch (error) {
    tally.rejected++;
    throw error;
  }
}

function workerOn(db: MorningPostDB, browser: OwnBrowser, fetch: FetchLike, now: () => number, overrides: Partial<WorkerDeps> = {}) {
  const badge = new RecordingBadge();
  const worker = createWorker({
    db,
    fetch,
    now,
    random: () => 0.5,
    sources: [hfModels, hfDatasets],
    alarms: browser.alarms,
    settings: browser.sync,
    local: browser.local,
    action: badge,
    ...overrides,
  });
  return { worker, badge };
}

describe('a database error while storing a good list', () => {
  function refreshDeps(db: MorningPostDB, at = T0): RefreshDeps {
    return { db, fetch: recorded, now: () => at, random: () => 0.5, sources: [hfModels], intervalMinutes: 60 };
  }

  it('is recorded as a storage failure in the extension’s words, not as the source’s network failure', async () => {
    const db = testDb();
    await refreshSources(refreshDeps(db), 'install');
    const before = await latestList(db, 'hf-models');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(db.snapshots, 'add').mockRejectedValue(new DOMException('LevelDB: corruption in /home/x/.config', 'UnknownError'));
    const [outcome] = await refreshSources(refreshDeps(db, T0 + 60 * MINUTE), 'manual');
    expect(outcome).toMatchObject({ result: 'failed', failure: { kind: 'storage' } });
    const status = await db.sourceStatus.get('hf-models');
    expect(status?.lastError).toMatchObject({ kind: 'storage', message: "the browser's database could not save the new list (UnknownError), so the last good one is shown" });
    // The browser's own text (a path, here) is not repeated to the reader.
    expect(status?.lastError?.message).not.toContain('LevelDB');
    expect(await latestList(db, 'hf-models')).toEqual(before);
  });

  it('says the storage is full when making room did not help', async () => {
    const db = testDb();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(db.snapshots, 'add').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const [outcome] = await refreshSources(refreshDeps(db), 'install');
    expect(outcome).toMatchObject({ result: 'failed', failure: { kind: 'storage', message: expect.stringMatching(/^the browser's storage for the extension is full/) } });
  });

  it('when recording the failure throws too, the refresh resolves and says what failed', async () => {
    const db = testDb();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(db.sourceStatus, 'put').mockRejectedValue(new DOMException('disk gone', 'UnknownError'));
    const deps = { ...refreshDeps(db), fetch: async () => Promise.reject(new TypeError('Failed to fetch')) };
    const [outcome] = await refreshSources(deps, 'install');
    expect(outcome).toMatchObject({ result: 'failed', failure: { kind: 'network' } });
    expect(logged.mock.calls.some(([text]) => /could not record that hf-models failed \(network\)/.test(String(text)))).toBe(true);
  });
});

describe('a wake', () => {
  it('still thins the history, publishes and sets the badge when a source failed and its failure could not be recorded', async () => {
    const db = testDb();
    const browser = testBrowser();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const put = db.sourceStatus.put.bind(db.sourceStatus);
    // Every failure record is refused; a success's status is written.
    vi.spyOn(db.sourceStatus, 'put').mockImplementation((status, key) =>
      (status as SourceStatus).lastError ? (Promise.reject(new DOMException('disk gone', 'UnknownError')) as unknown as ReturnType<typeof put>) : put(status, key),
    );
    const fetch: FetchLike = async (url, init) => (url.includes('/api/datasets') ? Promise.reject(new TypeError('Failed to fetch')) : recorded(url, init));
    const { worker, badge } = workerOn(db, browser, fetch, () => T0);
    const outcomes = await wake(worker, 'install');
    expect(outcomes.map((outcome) => [outcome.sourceId, outcome.result])).toEqual([
      ['hf-models', 'stored'],
      ['hf-datasets', 'failed'],
    ]);
    expect(await db.meta.get('lastPrunedAt')).toEqual({ name: 'lastPrunedAt', value: T0 });
    expect(await issueNumbers(db)).toEqual([1]);
    expect(badge.text).toBe('1');
  });

  it('resolves when every step throws, synchronously or not, and logs each', async () => {
    const db = testDb();
    db.close({ disableAutoOpen: true });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken = (what: string) => () => {
      throw new Error(`${what} is broken`);
    };
    const rejecting = (what: string) => () => Promise.reject(new Error(`${what} is broken`));
    const alarms: AlarmsApi = { get: rejecting('alarms.get'), create: broken('alarms.create'), clear: rejecting('alarms.clear') };
    const storage = { get: rejecting('storage.get'), set: broken('storage.set'), remove: rejecting('storage.remove') };
    const action = { setBadgeText: broken('badge'), setBadgeBackgroundColor: rejecting('badge') };
    const worker = createWorker({ db, fetch: rejecting('fetch'), now: () => T0, random: () => 0.5, sources: [hfModels, hfDatasets], alarms, settings: storage, local: storage, action });
    expect(await wake(worker, 'alarm')).toEqual([]);
    // The settings cannot be read: nothing that depends on them runs, and each step that did run said why it failed.
    expect(logged.mock.calls.map(([text]) => String(text))).toEqual([
      expect.stringMatching(/reading the settings failed \(alarm wake\)/),
      expect.stringMatching(/reading the watchdog count failed/),
      expect.stringMatching(/setting the watchdog alarm failed/),
      expect.stringMatching(/thinning the history failed/),
    ]);
  });

  it('resolves when every step but reading the settings throws, and reports each source as a storage failure', async () => {
    const db = testDb();
    db.close({ disableAutoOpen: true });
    const browser = testBrowser();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const rejecting = (what: string) => () => Promise.reject(new Error(`${what} is broken`));
    const alarms: AlarmsApi = { get: rejecting('alarms.get'), create: rejecting('alarms.create'), clear: rejecting('alarms.clear') };
    const action = { setBadgeText: rejecting('badge'), setBadgeBackgroundColor: rejecting('badge') };
    const local = { get: rejecting('storage.get'), set: rejecting('storage.set'), remove: rejecting('storage.remove') };
    const worker = createWorker({ db, fetch: recorded, now: () => T0, random: () => 0.5, sources: [hfModels, hfDatasets], alarms, settings: browser.sync, local, action });
    const outcomes = await wake(worker, 'manual');
    expect(outcomes).toMatchObject([
      { sourceId: 'hf-models', result: 'failed', failure: { kind: 'storage' } },
      { sourceId: 'hf-datasets', result: 'failed', failure: { kind: 'storage' } },
    ]);
    const steps = logged.mock.calls.map(([text]) => String(text).match(/: (.*) failed \(manual wake\)/)?.[1]).filter(Boolean);
    expect(steps).toEqual([
      'reading the watchdog count',
      'setting the watchdog alarm',
      'setting the alarms',
      'reading the GitHub token',
      'thinning the history',
      'publishing the issue',
      'updating the badge',
      'setting the retry alarm',
    ]);
  });
});

describe('the watchdog', () => {
  it('backs off: 2, 4, 8… minutes, capped at the refresh interval, over wakes the browser stops; a clean wake resets it', async () => {
    const db = testDb();
    const browser = testBrowser();
    let at = T0;
    const delays: number[] = [];
    // Each wake's requests never answer: the browser stops the worker there, and the watchdog wakes a new one.
    for (let wakeNumber = 0; wakeNumber < 8; wakeNumber++) {
      const stalled = vi.fn<FetchLike>(() => new Promise<Response>(() => undefined));
      const { worker } = workerOn(db, browser, stalled, () => at);
      void worker.wake(wakeNumber === 0 ? 'install' : 'retry');
      await vi.waitFor(() => expect(stalled).toHaveBeenCalled());
      const alarm = await browser.alarms.get(RETRY_ALARM);
      delays.push((alarm!.scheduledTime - at) / MINUTE);
      at = alarm!.scheduledTime;
    }
    expect(delays).toEqual([2, 4, 8, 16, 32, 60, 60, 60]);
    expect(await browser.local.get(UNFINISHED_WAKES_KEY)).toEqual({ [UNFINISHED_WAKES_KEY]: 8 });

    // The ninth wake finishes: the count goes, and the next stopped wake starts again at 2 minutes.
    const { worker } = workerOn(db, browser, recorded, () => at);
    expect(await wake(worker, 'retry')).toMatchObject([{ result: 'stored' }, { result: 'stored' }]);
    expect(await browser.local.get(UNFINISHED_WAKES_KEY)).toEqual({});
    expect(await browser.alarms.get(RETRY_ALARM)).toBeUndefined();
    at += 60 * MINUTE;
    const stalled = vi.fn<FetchLike>(() => new Promise<Response>(() => undefined));
    void workerOn(db, browser, stalled, () => at).worker.wake('alarm');
    await vi.waitFor(() => expect(stalled).toHaveBeenCalled());
    expect((await browser.alarms.get(RETRY_ALARM))?.scheduledTime).toBe(at + 2 * MINUTE);
  });

  it('backs off over wakes that finish but keep failing (a broken database)', async () => {
    const db = testDb();
    db.close({ disableAutoOpen: true });
    const browser = testBrowser();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let at = T0;
    const delays: number[] = [];
    for (let wakeNumber = 0; wakeNumber < 6; wakeNumber++) {
      const { worker } = workerOn(db, browser, recorded, () => at);
      await wake(worker, 'retry');
      const alarm = await browser.alarms.get(RETRY_ALARM);
      delays.push((alarm!.scheduledTime - at) / MINUTE);
      at = alarm!.scheduledTime;
    }
    expect(delays).toEqual([2, 4, 8, 16, 32, 60]);
  });

  it('delay table, by hand', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((unfinished) => watchdogDelayMs(unfinished, 60) / MINUTE)).toEqual([2, 4, 8, 16, 32, 60, 60, 60]);
    expect([0, 1, 2, 3].map((unfinished) => watchdogDelayMs(unfinished, 15) / MINUTE)).toEqual([2, 4, 8, 15]);
    expect([0, 5, 9, 10].map((unfinished) => watchdogDelayMs(unfinished, 1440) / MINUTE)).toEqual([2, 64, 1024, 1440]);
  });
});
