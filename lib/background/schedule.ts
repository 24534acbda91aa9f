import { phasedRefreshAt } from '../shared/jitter';

/**
 * The alarms that wake the worker. Created only when missing or changed:
 * re-creating an alarm on every wake resets its timer, so a worker woken more
 * often than the interval would never refresh (engineering.md, "alarms
 * duplicated or lost on every wake").
 */
export const REFRESH_ALARM = 'refresh';
export const RETRY_ALARM = 'retry';
export const MORNING_ALARM = 'morning';

export interface Alarm {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

/** The slice of `browser.alarms` the scheduler uses; tests pass WXT's fake browser. */
export interface AlarmsApi {
  get(name: string): Promise<Alarm | undefined>;
  create(name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }): unknown;
  clear(name: string): Promise<boolean>;
}

/**
 * Returns true when it had to create (or re-create) the alarm. Given the install's refresh offset
 * (lib/shared/jitter.ts), the alarm first fires on the install's phase, then every interval: installs do not call
 * at the same minute (issue #12). An alarm that already has the interval is left as it is, whatever its phase.
 */
export async function ensureRefreshAlarm(alarms: AlarmsApi, intervalMinutes: number, now?: number, jitterSeconds?: number): Promise<boolean> {
  const existing = await alarms.get(REFRESH_ALARM);
  if (existing?.periodInMinutes === intervalMinutes) return false;
  if (now !== undefined && jitterSeconds !== undefined) {
    await alarms.create(REFRESH_ALARM, { when: phasedRefreshAt(now, intervalMinutes, jitterSeconds), periodInMinutes: intervalMinutes });
  } else {
    await alarms.create(REFRESH_ALARM, { delayInMinutes: intervalMinutes, periodInMinutes: intervalMinutes });
  }
  return true;
}

/**
 * A one-shot alarm for the earliest retry of a failing source, when that comes
 * before the next periodic refresh; cleared when nothing is failing.
 */
export async function scheduleRetry(alarms: AlarmsApi, retryAt: number | undefined): Promise<void> {
  const existing = await alarms.get(RETRY_ALARM);
  if (retryAt === undefined) {
    if (existing) await alarms.clear(RETRY_ALARM);
    return;
  }
  const periodic = await alarms.get(REFRESH_ALARM);
  if (periodic && periodic.scheduledTime <= retryAt) {
    if (existing) await alarms.clear(RETRY_ALARM);
    return;
  }
  if (existing?.scheduledTime === retryAt) return;
  await alarms.create(RETRY_ALARM, { when: retryAt });
}

/**
 * A one-shot alarm at the next morning time: it wakes the worker to refresh
 * and publish the day's issue. Re-created only when it is missing or points
 * at another time (the reader changed the morning time, or it has fired).
 */
export async function ensureMorningAlarm(alarms: AlarmsApi, nextMorning: number): Promise<boolean> {
  const existing = await alarms.get(MORNING_ALARM);
  if (existing?.scheduledTime === nextMorning) return false;
  await alarms.create(MORNING_ALARM, { when: nextMorning });
  return true;
}
