import type { Alarm, AlarmsApi } from '@/lib/background/schedule';

/**
 * `browser.alarms` on a simulated clock: `delayInMinutes` counts from the
 * simulation's now (WXT's fake and tests/support/fake-browser.ts count from
 * the real one), and `due` hands out alarms in the order the browser fires
 * them — a one-shot alarm goes, a periodic one moves on by its period.
 */
export class ClockAlarms implements AlarmsApi {
  private readonly alarms = new Map<string, Alarm>();
  constructor(private readonly now: () => number) {}

  async create(name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }): Promise<void> {
    const scheduledTime = info.when ?? this.now() + (info.delayInMinutes ?? info.periodInMinutes ?? 0) * 60_000;
    this.alarms.set(name, { name, scheduledTime, ...(info.periodInMinutes === undefined ? {} : { periodInMinutes: info.periodInMinutes }) });
  }

  async get(name: string): Promise<Alarm | undefined> {
    const alarm = this.alarms.get(name);
    return alarm && { ...alarm };
  }

  async clear(name: string): Promise<boolean> {
    return this.alarms.delete(name);
  }

  /** When the next alarm is due; undefined when none is set. */
  earliest(): number | undefined {
    const times = [...this.alarms.values()].map((alarm) => alarm.scheduledTime);
    return times.length > 0 ? Math.min(...times) : undefined;
  }

  /** The earliest alarm scheduled at or before `until`, taken as fired; undefined when none is. */
  fire(until: number): Alarm | undefined {
    const next = [...this.alarms.values()].filter((alarm) => alarm.scheduledTime <= until).sort((a, b) => a.scheduledTime - b.scheduledTime)[0];
    if (!next) return undefined;
    if (next.periodInMinutes) this.alarms.set(next.name, { ...next, scheduledTime: next.scheduledTime + next.periodInMinutes * 60_000 });
    else this.alarms.delete(next.name);
    return { ...next };
  }
}
