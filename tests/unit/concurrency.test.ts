import Dexie from 'dexie';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import type { RefreshTrigger } from '@/lib/background/refresh';
import { createWorker } from '@/lib/background/worker';
import { MorningPostDB } from '@/lib/history/db';
import { issueNumbers } from '@/lib/history/issues';
import { systemTimeZone } from '@/lib/shared/time';
import { SOURCES } from '@/lib/sources';
import { SOURCE_IDS } from '@/lib/sources/ids';
import { RecordingBadge } from '../support/badge';
import { testBrowser, type OwnBrowser } from '../support/fake-browser';
import { inconsistencies } from '../support/invariants';
import { ownFetch } from '../support/own-fetch';

/**
 * 20 triggers at once — install, start-up, the periodic alarm, a retry, the
 * morning alarm and the reader's "refresh now", mixed — make exactly one
 * request per source (issue #9, "crash and concurrency"): on one worker, whose
 * wakes share one run (lib/background/single-flight.ts), and on two worker
 * instances with their own connections to one database, as when the browser
 * restarts the worker while the old one is finishing; those share nothing but
 * the database (lib/history/claims.ts).
 */
const TRIGGERS: RefreshTrigger[] = ['install', 'startup', 'alarm', 'manual', 'morning', 'retry'];
const twenty = Array.from({ length: 20 }, (_, index) => TRIGGERS[index % TRIGGERS.length]!);
const at = (day: number, hours: number, minutes = 0) => new Date(2026, 10, day, hours, minutes).getTime();
const sources = Object.values(SOURCES);

const figures: { name: string; triggers: number; requests: number[]; issues: number }[] = [];
afterAll(() => {
  const requests = figures.flatMap((figure) => figure.requests);
  console.info(
    `concurrency: ${figures.length} cases of ${twenty.length} concurrent triggers; requests per source min ${Math.min(...requests)}, max ${Math.max(...requests)}; issues published per case: ${[...new Set(figures.map((figure) => figure.issues))].join(', ')}`,
  );
  expect(requests.every((count) => count === 1)).toBe(true);
});

function instance(name: string, browser: OwnBrowser, now: () => number, counting: ReturnType<typeof ownFetch>) {
  const db = new MorningPostDB(name);
  const worker = createWorker({ db, fetch: counting.fetch, now, random: () => 0.5, sources, alarms: browser.alarms, settings: browser.sync, local: browser.local, action: new RecordingBadge() });
  return { db, worker };
}

/** A database of its own, deleted when the test finishes (each instance opens its own connection to it). */
function ownName(): string {
  const name = `concurrency-${crypto.randomUUID()}`;
  onTestFinished(() => Dexie.delete(name));
  return name;
}

/** `hops` turns of the event loop: the triggers arrive spread out, while earlier ones are mid-run. */
const after = (hops: number) => Array.from({ length: hops }).reduce<Promise<void>>((chain) => chain.then(() => new Promise((resolve) => setTimeout(resolve, 0))), Promise.resolve());

interface Case {
  name: string;
  instances: 1 | 2;
  /** Triggers arrive spread over turns of the event loop rather than all in one. */
  spread: boolean;
  /** A day of history before: the sources are due again, an issue exists. */
  secondDay: boolean;
}

const CASES: Case[] = [
  { name: 'one worker, all at once, on a new install', instances: 1, spread: false, secondDay: false },
  { name: 'two workers sharing the database, all at once, on a new install', instances: 2, spread: false, secondDay: false },
  { name: 'two workers sharing the database, spread out, on a new install', instances: 2, spread: true, secondDay: false },
  { name: 'one worker, spread out, the next morning', instances: 1, spread: true, secondDay: true },
  { name: 'two workers sharing the database, all at once, the next morning', instances: 2, spread: false, secondDay: true },
  { name: 'two workers sharing the database, spread out, the next morning', instances: 2, spread: true, secondDay: true },
];

describe('20 concurrent triggers', () => {
  it.each(CASES)('$name: one request per source, one issue', async ({ name, instances, spread, secondDay }) => {
    const database = ownName();
    const browser = testBrowser();
    let now = at(27, 15);
    if (secondDay) {
      const first = instance(database, browser, () => now, ownFetch());
      await first.worker.wake('install');
      first.db.close();
      now = at(28, 7);
    }
    // Each request answers a few turns of the event loop later, so that the other worker's wakes run while it is out.
    const counting = ownFetch({ answerAfterTurns: 5 });
    const workers = Array.from({ length: instances }, () => instance(database, browser, () => now, counting));
    const before = (await issueNumbers(workers[0]!.db)).length;
    await Promise.all(
      twenty.map(async (trigger, index) => {
        if (spread) await after(index % 7);
        return workers[index % instances]!.worker.wake(trigger);
      }),
    );
    const published = (await issueNumbers(workers[0]!.db)).length - before;
    figures.push({ name, triggers: twenty.length, requests: SOURCE_IDS.map((id) => counting.requests[id]), issues: published });
    expect(counting.requests).toEqual(Object.fromEntries(SOURCE_IDS.map((id) => [id, 1])));
    expect(published).toBe(1);
    expect(await inconsistencies(workers[0]!.db, systemTimeZone())).toEqual([]);
    for (const { db } of workers) db.close();
  });
});
