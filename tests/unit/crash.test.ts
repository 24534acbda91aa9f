import Dexie from 'dexie';
import { afterAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { RETRY_ALARM } from '@/lib/background/schedule';
import { createWorker } from '@/lib/background/worker';
import type { RefreshTrigger } from '@/lib/background/refresh';
import { MorningPostDB } from '@/lib/history/db';
import { issueNumbers } from '@/lib/history/issues';
import { dayIn } from '@/lib/shared/movement';
import { systemTimeZone } from '@/lib/shared/time';
import { SOURCES } from '@/lib/sources';
import { SOURCE_IDS } from '@/lib/sources/ids';
import { RecordingBadge } from '../support/badge';
import { crashAt, dumpDatabase, restoreDatabase, type DatabaseDump } from '../support/crash';
import { testBrowser } from '../support/fake-browser';
import { inconsistencies } from '../support/invariants';
import { ownFetch } from '../support/own-fetch';

/**
 * The worker stopped at every await of a refresh and of a publish (issue #9,
 * "crash and concurrency"). For N = 1, 2, 3…, a wake is run until its N-th step
 * reaching outside the worker (tests/support/crash.ts: each IndexedDB operation,
 * request, alarms, storage or badge call), where the browser kills it; the
 * database must then be consistent (tests/support/invariants.ts), and a new
 * worker on the same database — woken by the retry alarm the dead one left, or
 * by the browser's next start-up — must complete the work. N grows until a run
 * completes without being stopped. The stop points are spread over several
 * tests (every `CHUNKS`-th point each), so that none runs long.
 */
const CHUNKS = 10;
const MINUTE = 60_000;
const sources = Object.values(SOURCES);
const zone = systemTimeZone();
/** Local times, so the scenarios mean the same in every time zone. */
const at = (day: number, hours: number, minutes = 0) => new Date(2026, 10, day, hours, minutes).getTime();

interface Scenario {
  name: string;
  /** The history before the wake, written by the worker itself through whole wakes. */
  history: { trigger: RefreshTrigger; at: number }[];
  trigger: RefreshTrigger;
  at: number;
  /** What the next wake must have achieved, beyond consistency. */
  done(db: MorningPostDB): Promise<string[]>;
}

const everySourceStoredSince = async (db: MorningPostDB, since: number) =>
  (await db.sourceStatus.bulkGet([...SOURCE_IDS]))
    .map((status, index) => ((status?.lastSuccessAt ?? -Infinity) >= since ? undefined : `${SOURCE_IDS[index]} not refreshed`))
    .filter((problem): problem is string => problem !== undefined);

const SCENARIOS: Scenario[] = [
  {
    name: 'the install wake: seven first refreshes and issue No. 1',
    history: [],
    trigger: 'install',
    at: at(27, 15),
    async done(db) {
      const numbers = await issueNumbers(db);
      return [...(await everySourceStoredSince(db, at(27, 15))), ...(JSON.stringify(numbers) === '[1]' ? [] : [`issues ${numbers.join(', ')}`])];
    },
  },
  {
    name: 'a morning wake: seven refreshes, a prune that deletes, and issue No. 3',
    // Nine days back, two refreshes on one day (the prune keeps the day's last), then yesterday morning.
    history: [
      { trigger: 'install', at: at(18, 15) },
      { trigger: 'alarm', at: at(18, 18) },
      { trigger: 'morning', at: at(26, 7) },
    ],
    trigger: 'morning',
    at: at(27, 7),
    async done(db) {
      const numbers = await issueNumbers(db);
      const latest = await db.issues.get(3);
      return [
        ...(await everySourceStoredSince(db, at(27, 7))),
        ...(JSON.stringify(numbers) === '[1,2,3]' ? [] : [`issues ${numbers.join(', ')}`]),
        ...(latest && dayIn(latest.publishedAt, zone) === dayIn(at(27, 7), zone) ? [] : ['No. 3 not published that morning']),
        ...(((await db.meta.get('lastPrunedAt'))?.value ?? 0) >= at(27, 7) ? [] : ['the history was not thinned that morning']),
      ];
    },
  },
];

const figures = new Map<string, { tried: number; inconsistent: number; unfinished: number; total?: number }>();
afterAll(() => {
  for (const [name, figure] of figures) {
    console.info(`crash — ${name}: ${figure.tried} stop points tried (a full run takes ${figure.total ?? '?'} steps), ${figure.inconsistent} left an inconsistent database, ${figure.unfinished} next wakes did not complete the work`);
  }
  const all = [...figures.values()];
  expect(all.reduce((sum, figure) => sum + figure.inconsistent + figure.unfinished, 0)).toBe(0);
});

/** The scenario's history, written once per test by whole wakes, and kept as rows to copy for every stop point. */
async function history(scenario: Scenario): Promise<DatabaseDump> {
  const name = `crash-history-${crypto.randomUUID()}`;
  onTestFinished(() => Dexie.delete(name));
  const db = new MorningPostDB(name);
  const browser = testBrowser();
  for (const wake of scenario.history) {
    const worker = createWorker({ db, fetch: ownFetch().fetch, now: () => wake.at, random: () => 0.5, sources, alarms: browser.alarms, settings: browser.sync, local: browser.local, action: new RecordingBadge() });
    await worker.wake(wake.trigger);
  }
  const dump = await dumpDatabase(db);
  db.close();
  return dump;
}

/** Runs the scenario's wake stopped at step `stopAt`; returns whether it was stopped, its steps, and every problem found. */
async function stopAt(scenario: Scenario, before: DatabaseDump, stopAtStep: number) {
  const name = `crash-${crypto.randomUUID()}`;
  onTestFinished(() => Dexie.delete(name));
  const db = new MorningPostDB(name);
  await restoreDatabase(db, before);

  const crash = crashAt(stopAtStep);
  const dying = new MorningPostDB(name);
  dying.use(crash.middleware);
  const browser = testBrowser();
  let watchdogSet = false;
  const alarms = {
    get: browser.alarms.get.bind(browser.alarms),
    clear: browser.alarms.clear.bind(browser.alarms),
    async create(alarm: string, info: { when?: number }) {
      await browser.alarms.create(alarm, info);
      if (alarm === RETRY_ALARM) watchdogSet = true;
    },
  };
  const worker = createWorker({
    db: dying,
    fetch: crash.fetch(ownFetch().fetch),
    now: () => scenario.at,
    random: () => 0.5,
    sources,
    alarms: crash.alarms(alarms),
    settings: crash.storage(browser.sync),
    local: crash.storage(browser.local),
    action: crash.badge(new RecordingBadge()),
  });
  const completed = await Promise.race([worker.wake(scenario.trigger).then(() => true), crash.stopped.then(() => false)]);
  // Let the aborted transactions' events settle before another connection reads.
  await new Promise((resolve) => setTimeout(resolve, 0));

  const problems = (await inconsistencies(db, zone)).map((problem) => `after the stop: ${problem}`);
  const retry = await browser.alarms.get(RETRY_ALARM);
  // The watchdog is cleared only at the very end of a wake; stopped before the work was done, an alarm must remain.
  if (watchdogSet && !retry && (await scenario.done(db)).length > 0) problems.push('after the stop: the work is unfinished and no alarm is left to wake a worker to finish it');

  // The next worker: woken by the retry alarm the dead one left, else by the browser's next start-up.
  const wakeAt = retry ? Math.max(retry.scheduledTime, scenario.at) : scenario.at + 2 * MINUTE;
  const next = createWorker({ db, fetch: ownFetch().fetch, now: () => wakeAt, random: () => 0.5, sources, alarms: browser.alarms, settings: browser.sync, local: browser.local, action: new RecordingBadge() });
  await next.wake(retry ? 'retry' : 'startup');
  const unfinished = [...(await inconsistencies(db, zone)), ...(await scenario.done(db))].map((problem) => `after the next wake: ${problem}`);
  db.close();
  dying.close();
  return { completed, steps: crash.steps, problems, unfinished };
}

describe.each(SCENARIOS)('the worker stopped at every await of $name', (scenario) => {
  it.each(Array.from({ length: CHUNKS }, (_, chunk) => chunk))(`stop points ≡ %i (mod ${CHUNKS}): a consistent database, and the next wake completes the work`, async (chunk) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const before = await history(scenario);
    const figure = figures.get(scenario.name) ?? { tried: 0, inconsistent: 0, unfinished: 0 };
    figures.set(scenario.name, figure);
    const failures: string[] = [];
    for (let point = chunk + 1; ; point += CHUNKS) {
      const result = await stopAt(scenario, before, point);
      if (result.completed) {
        // A run that was never stopped: its steps are the scenario's whole length.
        figure.total = result.steps;
        break;
      }
      figure.tried++;
      if (result.problems.length > 0) figure.inconsistent++;
      if (result.unfinished.length > 0) figure.unfinished++;
      failures.push(...[...result.problems, ...result.unfinished].map((problem) => `stopped at step ${point}: ${problem}`));
    }
    expect(failures).toEqual([]);
  });
});
