import { afterAll, describe, expect, it } from 'vitest';
import { isIssueDue, morningOf, nextIssueMorning, nextMorningAfter } from '@/lib/background/publish';
import { FRESH_MS, type RefreshTrigger } from '@/lib/background/refresh';
import { MORNING_ALARM, RETRY_ALARM } from '@/lib/background/schedule';
import { createWorker } from '@/lib/background/worker';
import { dayIn } from '@/lib/shared/movement';
import { SETTINGS_KEY } from '@/lib/shared/settings';
import { SOURCES, type Source } from '@/lib/sources';
import { hfModels } from '@/lib/sources/hf-models';
import { SOURCE_IDS } from '@/lib/sources/ids';
import { RecordingBadge } from '../support/badge';
import { ClockAlarms } from '../support/clock-alarms';
import { testDb } from '../support/db';
import { testBrowser } from '../support/fake-browser';
import { ownFetch } from '../support/own-fetch';

/**
 * Scheduling (issue #9, finding 10): one issue per local calendar day whatever
 * the install time or changes to the morning time; a wake fetches only the
 * sources that are due; in three time zones and across the clocks' changes.
 * Every expected time is written out by hand, in UTC, from the zone's offset
 * that day:
 * - America/Los_Angeles: PST −8, PDT −7; 2026-03-08 02:00 → 03:00, 2026-11-01 02:00 → 01:00.
 * - Asia/Kolkata: +5:30 all year.
 * - Pacific/Chatham: +12:45, +13:45 in summer; 2026-04-05 03:45 → 02:45, 2026-09-27 02:45 → 03:45.
 */
const LA = 'America/Los_Angeles';
const KOLKATA = 'Asia/Kolkata';
const CHATHAM = 'Pacific/Chatham';
const utc = (iso: string) => Date.parse(iso);
const MINUTE = 60_000;

describe('the morning time, on the reader’s clock', () => {
  it.each<[string, string, string, string, string]>([
    ['LA, an ordinary day', LA, '2026-11-27T20:00:00Z', '07:00', '2026-11-27T15:00:00Z'],
    ['LA, the day before spring forward', LA, '2026-03-07T20:00:00Z', '02:30', '2026-03-07T10:30:00Z'],
    ['LA, 02:30 does not exist on the spring-forward day: the end of the skipped hour, 03:00 PDT', LA, '2026-03-08T20:00:00Z', '02:30', '2026-03-08T10:00:00Z'],
    ['LA, the day after spring forward', LA, '2026-03-09T20:00:00Z', '02:30', '2026-03-09T09:30:00Z'],
    ['LA, 01:30 comes twice on the fall-back day: the first, PDT', LA, '2026-11-01T20:00:00Z', '01:30', '2026-11-01T08:30:00Z'],
    ['LA, the day after fall back', LA, '2026-11-02T20:00:00Z', '01:30', '2026-11-02T09:30:00Z'],
    ['Kolkata', KOLKATA, '2026-11-27T12:00:00Z', '07:00', '2026-11-27T01:30:00Z'],
    ['Kolkata, just after its midnight (still the 26th in UTC)', KOLKATA, '2026-11-26T18:40:00Z', '07:00', '2026-11-27T01:30:00Z'],
    ['Chatham, summer (+13:45): 12:00Z is already the 28th there', CHATHAM, '2026-11-27T12:00:00Z', '07:00', '2026-11-27T17:15:00Z'],
    ['Chatham, 03:00 skipped on 27 September: 03:45 CHADT', CHATHAM, '2026-09-27T01:00:00Z', '03:00', '2026-09-26T14:00:00Z'],
    ['Chatham, 03:00 twice on 5 April: the first, CHADT', CHATHAM, '2026-04-05T01:00:00Z', '03:00', '2026-04-04T13:15:00Z'],
  ])('%s', (_name, zone, now, morningTime, expected) => {
    expect(morningOf(utc(now), morningTime, zone)).toBe(utc(expected));
  });

  it('the next morning: today’s when still ahead, else tomorrow’s, across a change of the clocks', () => {
    expect(nextMorningAfter(utc('2026-03-08T09:00:00Z'), '02:30', LA)).toBe(utc('2026-03-08T10:00:00Z'));
    expect(nextMorningAfter(utc('2026-03-08T10:00:00Z'), '02:30', LA)).toBe(utc('2026-03-09T09:30:00Z'));
    expect(nextMorningAfter(utc('2026-03-07T10:30:00Z'), '02:30', LA)).toBe(utc('2026-03-08T10:00:00Z'));
    // After the first 01:30 of the fall-back day, the next is the next day's, not the repeated one an hour on.
    expect(nextMorningAfter(utc('2026-11-01T08:30:00Z'), '01:30', LA)).toBe(utc('2026-11-02T09:30:00Z'));
    expect(nextMorningAfter(utc('2026-11-27T02:00:00Z'), '07:00', KOLKATA)).toBe(utc('2026-11-28T01:30:00Z'));
  });

  it('the morning alarm skips a day that already has its issue (installed before the morning time)', () => {
    const installedAt = utc('2026-11-27T00:30:00Z'); // 06:00 IST
    expect(nextIssueMorning(installedAt, '07:00', undefined, KOLKATA)).toBe(utc('2026-11-27T01:30:00Z'));
    expect(nextIssueMorning(installedAt, '07:00', { publishedAt: installedAt }, KOLKATA)).toBe(utc('2026-11-28T01:30:00Z'));
    expect(nextIssueMorning(utc('2026-11-27T02:00:00Z'), '07:00', { publishedAt: utc('2026-11-27T01:30:00Z') }, KOLKATA)).toBe(utc('2026-11-28T01:30:00Z'));
  });
});

describe('an issue is due', () => {
  it.each<[string, string, string | undefined, string, string, boolean]>([
    ['on the first refresh ever, whatever the time', KOLKATA, undefined, '2026-11-27T00:30:00Z', '07:00', true],
    ['not at the morning time of the install day (No. 1 at 06:00 IST)', KOLKATA, '2026-11-27T00:30:00Z', '2026-11-27T01:30:00Z', '07:00', false],
    ['the next day at the morning time', KOLKATA, '2026-11-27T00:30:00Z', '2026-11-28T01:30:00Z', '07:00', true],
    ['not a minute before it', KOLKATA, '2026-11-27T00:30:00Z', '2026-11-28T01:29:00Z', '07:00', false],
    ['not again that day after the morning time was moved later', KOLKATA, '2026-11-28T01:30:00Z', '2026-11-28T04:00:00Z', '09:00', false],
    ['not again that day after the morning time was moved earlier', KOLKATA, '2026-11-28T03:30:00Z', '2026-11-28T05:00:00Z', '06:00', false],
    ['the next day in Chatham, though the same day in UTC', CHATHAM, '2026-11-27T10:00:00Z', '2026-11-27T17:15:00Z', '07:00', true],
    ['not at the repeated 01:30 of the fall-back day', LA, '2026-11-01T08:30:00Z', '2026-11-01T09:30:00Z', '01:30', false],
    ['on the spring-forward day at the end of the skipped hour', LA, '2026-03-07T10:30:00Z', '2026-03-08T10:00:00Z', '02:30', true],
    ['not in the last minute before it', LA, '2026-03-07T10:30:00Z', '2026-03-08T09:59:00Z', '02:30', false],
  ])('%s', (_name, zone, last, now, morningTime, due) => {
    expect(isIssueDue(utc(now), last === undefined ? undefined : { publishedAt: utc(last) }, morningTime, zone)).toBe(due);
  });
});

interface Simulation {
  zone: string;
  install: string;
  until: string;
  morningTime: string;
  /** The reader moves the morning time, at these times. */
  changes?: { at: string; morningTime: string }[];
  /** Every issue's time, in order, by hand. */
  published: string[];
}

const TRIGGER: Record<string, RefreshTrigger> = { refresh: 'alarm', morning: 'morning', retry: 'retry' };
const figures = { simulations: 0, days: 0, wakes: 0, requests: 0, perDay: [] as number[] };
afterAll(() => {
  console.info(
    `scheduling: ${figures.simulations} simulations, ${figures.days} local days simulated in ${LA}, ${KOLKATA} and ${CHATHAM} (4 clock changes), ${figures.wakes} wakes, ${figures.requests} requests; issues per day: min ${Math.min(...figures.perDay)}, max ${Math.max(...figures.perDay)}`,
  );
  expect(new Set(figures.perDay)).toEqual(new Set([1]));
});

/**
 * The browser open from install to `until`: every alarm fires when it is due
 * (the periodic refresh every 6 hours, the morning alarm, the watchdog), and
 * the reader's changes are made at their times.
 */
async function simulate(simulation: Simulation, sources: Source[] = [hfModels]) {
  const db = testDb();
  const browser = testBrowser();
  let now = utc(simulation.install);
  const alarms = new ClockAlarms(() => now);
  const counting = ownFetch();
  let morningTime = simulation.morningTime;
  const saveSettings = () => browser.sync.set({ [SETTINGS_KEY]: { version: 3, refreshIntervalMinutes: 360, morningTime } });
  await saveSettings();
  const worker = createWorker({ db, fetch: counting.fetch, now: () => now, random: () => 0.5, sources, alarms, settings: browser.sync, local: browser.local, action: new RecordingBadge(), timeZone: () => simulation.zone });
  await worker.wake('install');
  let wakes = 1;
  const changes = [...(simulation.changes ?? [])].map((change) => ({ at: utc(change.at), morningTime: change.morningTime }));
  const until = utc(simulation.until);
  for (;;) {
    const alarmAt = alarms.earliest() ?? Infinity;
    const changeAt = changes[0]?.at ?? Infinity;
    if (Math.min(alarmAt, changeAt) > until) break;
    if (changeAt <= alarmAt) {
      now = changeAt;
      morningTime = changes.shift()!.morningTime;
      await saveSettings();
      await worker.settingsChanged();
      continue;
    }
    const alarm = alarms.fire(alarmAt)!;
    now = Math.max(now, alarm.scheduledTime);
    await worker.wake(TRIGGER[alarm.name]!);
    wakes++;
  }
  const issues = await db.issues.orderBy('number').toArray();
  const days = new Set<string>();
  for (let at = utc(simulation.install); at <= until; at += 30 * MINUTE) days.add(dayIn(at, simulation.zone));
  const perDay = [...days].map((day) => issues.filter((issue) => dayIn(issue.publishedAt, simulation.zone) === day).length);
  figures.simulations++;
  figures.days += days.size;
  figures.wakes += wakes;
  figures.requests += counting.total();
  figures.perDay.push(...perDay);
  return { issues: issues.map((issue) => new Date(issue.publishedAt).toISOString()), numbers: issues.map((issue) => issue.number), perDay, alarms, counting };
}

const iso = (value: string) => new Date(utc(value)).toISOString();

describe('one issue per local day, the browser open throughout', () => {
  it.each<[string, Simulation]>([
    [
      'Los Angeles, morning time 02:30, across spring forward (02:30 skipped on 8 March)',
      { zone: LA, install: '2026-03-07T04:00:00Z', until: '2026-03-10T20:00:00Z', morningTime: '02:30', published: ['2026-03-07T04:00:00Z', '2026-03-07T10:30:00Z', '2026-03-08T10:00:00Z', '2026-03-09T09:30:00Z', '2026-03-10T09:30:00Z'] },
    ],
    [
      'Los Angeles, morning time 01:30, across fall back (01:30 twice on 1 November)',
      { zone: LA, install: '2026-10-30T19:00:00Z', until: '2026-11-03T20:00:00Z', morningTime: '01:30', published: ['2026-10-30T19:00:00Z', '2026-10-31T08:30:00Z', '2026-11-01T08:30:00Z', '2026-11-02T09:30:00Z', '2026-11-03T09:30:00Z'] },
    ],
    [
      'Kolkata, installed at 06:00 before the 07:00 morning time: No. 1 at install, none at 07:00',
      { zone: KOLKATA, install: '2026-11-27T00:30:00Z', until: '2026-11-30T06:30:00Z', morningTime: '07:00', published: ['2026-11-27T00:30:00Z', '2026-11-28T01:30:00Z', '2026-11-29T01:30:00Z', '2026-11-30T01:30:00Z'] },
    ],
    [
      'Chatham, morning time 03:00, across the start of summer time (03:00 skipped on 27 September)',
      { zone: CHATHAM, install: '2026-09-24T23:15:00Z', until: '2026-09-27T23:00:00Z', morningTime: '03:00', published: ['2026-09-24T23:15:00Z', '2026-09-25T14:15:00Z', '2026-09-26T14:00:00Z', '2026-09-27T13:15:00Z'] },
    ],
    [
      'Chatham, morning time 03:00, across the end of summer time (03:00 twice on 5 April)',
      { zone: CHATHAM, install: '2026-04-02T22:15:00Z', until: '2026-04-05T23:00:00Z', morningTime: '03:00', published: ['2026-04-02T22:15:00Z', '2026-04-03T13:15:00Z', '2026-04-04T13:15:00Z', '2026-04-05T14:15:00Z'] },
    ],
    [
      'Kolkata, the morning time moved later after the day’s issue, then earlier after the next, then earlier before the next',
      {
        zone: KOLKATA,
        install: '2026-11-27T09:30:00Z',
        until: '2026-11-30T12:00:00Z',
        morningTime: '07:00',
        changes: [
          { at: '2026-11-28T02:30:00Z', morningTime: '09:00' }, // 08:00 IST, after the 07:00 issue: nothing more that day
          { at: '2026-11-29T04:30:00Z', morningTime: '06:00' }, // 10:00 IST, after the 09:00 issue: nothing more that day
          { at: '2026-11-29T23:30:00Z', morningTime: '05:30' }, // 05:00 IST on the 30th, before the 06:00 issue
        ],
        published: ['2026-11-27T09:30:00Z', '2026-11-28T01:30:00Z', '2026-11-29T03:30:00Z', '2026-11-30T00:00:00Z'],
      },
    ],
  ])('%s', async (_name, simulation) => {
    const result = await simulate(simulation);
    expect(result.issues).toEqual(simulation.published.map(iso));
    expect(result.numbers).toEqual(simulation.published.map((_time, index) => index + 1));
    expect(new Set(result.perDay)).toEqual(new Set([1]));
  });

  // Installed at any time of day, morning time 07:00: No. 1 at install, then one each morning at 07:00.
  it.each<[string, string, string[]]>([
    ['LA, 00:00 PST', LA, '2026-11-27T08:00:00Z'],
    ['LA, 06:59 PST', LA, '2026-11-27T14:59:00Z'],
    ['LA, 07:00 PST', LA, '2026-11-27T15:00:00Z'],
    ['LA, 07:01 PST', LA, '2026-11-27T15:01:00Z'],
    ['LA, 23:59 PST', LA, '2026-11-28T07:59:00Z'],
    ['Kolkata, 00:00 IST', KOLKATA, '2026-11-26T18:30:00Z'],
    ['Kolkata, 06:59 IST', KOLKATA, '2026-11-27T01:29:00Z'],
    ['Kolkata, 07:01 IST', KOLKATA, '2026-11-27T01:31:00Z'],
    ['Kolkata, 23:59 IST', KOLKATA, '2026-11-27T18:29:00Z'],
  ].map(([name, zone, install]) => [name!, zone!, [install!]]))('installed at %s', async (_name, zone, [install]) => {
    // The install day (local) and the next two mornings at 07:00 local.
    const installDay = dayIn(utc(install!), zone);
    const [year, month, day] = installDay.split('-').map(Number) as [number, number, number];
    const sevenAm = (daysLater: number) => Date.UTC(year, month - 1, day + daysLater, 7) - (zone === LA ? -8 : 5.5) * 60 * MINUTE;
    const result = await simulate({ zone, install: install!, until: new Date(sevenAm(2) + 60 * MINUTE).toISOString(), morningTime: '07:00', published: [] });
    expect(result.issues).toEqual([install!, new Date(sevenAm(1)).toISOString(), new Date(sevenAm(2)).toISOString()].map(iso));
  });
});

describe('a wake fetches only the sources that are due', () => {
  const at = (iso: string) => utc(iso);

  async function sevenSources(zone: string) {
    const db = testDb();
    const browser = testBrowser();
    let now = 0;
    const alarms = new ClockAlarms(() => now);
    const counting = ownFetch();
    const worker = createWorker({
      db,
      fetch: counting.fetch,
      now: () => now,
      random: () => 0.5,
      sources: Object.values(SOURCES),
      alarms,
      settings: browser.sync,
      local: browser.local,
      action: new RecordingBadge(),
      timeZone: () => zone,
    });
    const wake = async (trigger: RefreshTrigger, time: number) => {
      now = time;
      const before = counting.total();
      await worker.wake(trigger);
      return counting.total() - before;
    };
    const setInterval = (minutes: number) => browser.sync.set({ [SETTINGS_KEY]: { version: 3, refreshIntervalMinutes: minutes } });
    return { db, alarms, counting, wake, setInterval };
  }

  it('start-up at 06:55 and the morning alarm at 07:00 fetch each source once; the issue is published at 07:00', async () => {
    const { db, alarms, counting, wake } = await sevenSources(KOLKATA);
    expect(await wake('install', at('2026-11-27T09:30:00Z'))).toBe(7); // 15:00 IST
    // The browser closed overnight; opened at 06:55 IST.
    expect(await wake('startup', at('2026-11-28T01:25:00Z'))).toBe(7);
    expect((await alarms.get(MORNING_ALARM))?.scheduledTime).toBe(at('2026-11-28T01:30:00Z'));
    expect(await wake('morning', at('2026-11-28T01:30:00Z'))).toBe(0);
    expect(counting.requests).toEqual(Object.fromEntries(SOURCE_IDS.map((id) => [id, 2])));
    expect((await db.issues.orderBy('number').toArray()).map((issue) => [issue.number, issue.publishedAt])).toEqual([
      [1, at('2026-11-27T09:30:00Z')],
      [2, at('2026-11-28T01:30:00Z')],
    ]);
  });

  it(`the morning wake fetches a list older than ${FRESH_MS / MINUTE} minutes, though not due, and not a fresher one`, async () => {
    expect(FRESH_MS).toBe(30 * MINUTE);
    const { db, wake } = await sevenSources(KOLKATA);
    await wake('install', at('2026-11-27T09:30:00Z'));
    // Refreshed at 06:20 IST: due again at 07:20; 40 minutes old at 07:00.
    expect(await wake('startup', at('2026-11-28T00:50:00Z'))).toBe(7);
    expect(await wake('morning', at('2026-11-28T01:30:00Z'))).toBe(7);
    // The next morning, refreshed at 06:45 IST: 15 minutes old at 07:00.
    expect(await wake('alarm', at('2026-11-29T01:15:00Z'))).toBe(7);
    expect(await wake('morning', at('2026-11-29T01:30:00Z'))).toBe(0);
    expect(await db.issues.count()).toBe(3);
  });

  it('the morning wake fetches only the stale sources when some are fresh', async () => {
    const { counting, wake, setInterval } = await sevenSources(LA);
    await setInterval(24 * 60);
    // Installed at 15:00 PST; two sources failed then, and kept failing overnight.
    counting.offline.add('hf-models').add('gh-search');
    await wake('install', at('2026-11-27T23:00:00Z'));
    counting.offline.clear();
    // Their back-off brings them back at 06:50 PST; the other five are not due until 15:00.
    expect(await wake('retry', at('2026-11-28T14:50:00Z'))).toBe(2);
    // At 07:00 the five stored yesterday are stale for the issue; the two from 06:50 are fresh.
    expect(await wake('morning', at('2026-11-28T15:00:00Z'))).toBe(5);
    expect(counting.requests).toEqual({ 'hf-models': 2, 'gh-search': 2, 'hf-datasets': 2, 'hf-spaces': 2, 'hf-papers': 2, 'gh-trending-daily': 2, 'gh-trending-weekly': 2 });
  });

  it('a wake the watchdog brings after a finished run fetches nothing', async () => {
    const { alarms, wake } = await sevenSources(LA);
    await wake('install', at('2026-11-27T23:00:00Z'));
    expect(await alarms.get(RETRY_ALARM)).toBeUndefined();
    expect(await wake('retry', at('2026-11-27T23:02:00Z'))).toBe(0);
    expect(await wake('startup', at('2026-11-27T23:30:00Z'))).toBe(0);
  });
});
