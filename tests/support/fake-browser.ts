import { onTestFinished } from 'vitest';
import type { Alarm, AlarmsApi } from '@/lib/background/schedule';

/**
 * The slices of `browser` the worker is handed (alarms, storage.sync,
 * storage.local), as state of the running test's own. WXT's `fakeBrowser` is
 * one object per test file: a test still running after its timeout would set
 * alarms and settings in the next test's. These are made inside the test and
 * refuse every call once it has finished.
 */
export interface OwnBrowser {
  alarms: FakeAlarms;
  sync: FakeStorageArea;
  local: FakeStorageArea;
}

export function testBrowser(): OwnBrowser {
  const state = { finished: false };
  onTestFinished(() => {
    state.finished = true;
  });
  return { alarms: new FakeAlarms(state), sync: new FakeStorageArea('sync', state), local: new FakeStorageArea('local', state) };
}

function check(state: { finished: boolean }, what: string): void {
  if (state.finished) throw new Error(`${what} was used after its test finished (a test that outlived its timeout?)`);
}

/** `browser.storage.<area>`: values are copied in and out, as the browser does. */
export class FakeStorageArea {
  private readonly items = new Map<string, unknown>();
  constructor(
    private readonly area: string,
    private readonly state: { finished: boolean },
  ) {}

  async get(keys?: string | string[] | Record<string, unknown> | null): Promise<Record<string, unknown>> {
    check(this.state, `storage.${this.area}`);
    const out: Record<string, unknown> = {};
    if (keys === null || keys === undefined) {
      for (const [key, value] of this.items) out[key] = structuredClone(value);
      return out;
    }
    const defaults: Record<string, unknown> = typeof keys === 'string' ? { [keys]: undefined } : Array.isArray(keys) ? Object.fromEntries(keys.map((key) => [key, undefined])) : keys;
    for (const [key, fallback] of Object.entries(defaults)) {
      if (this.items.has(key)) out[key] = structuredClone(this.items.get(key));
      else if (fallback !== undefined) out[key] = fallback;
    }
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    check(this.state, `storage.${this.area}`);
    for (const [key, value] of Object.entries(items)) this.items.set(key, structuredClone(value));
  }

  async remove(keys: string | string[]): Promise<void> {
    check(this.state, `storage.${this.area}`);
    for (const key of typeof keys === 'string' ? [keys] : keys) this.items.delete(key);
  }

  async clear(): Promise<void> {
    check(this.state, `storage.${this.area}`);
    this.items.clear();
  }
}

/** `browser.alarms`: creating an alarm under a taken name replaces it, as in the browser. */
export class FakeAlarms implements AlarmsApi {
  private readonly alarms = new Map<string, Alarm>();
  constructor(private readonly state: { finished: boolean }) {}

  async create(name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }): Promise<void> {
    check(this.state, 'alarms');
    const scheduledTime = info.when ?? Date.now() + (info.delayInMinutes ?? info.periodInMinutes ?? 0) * 60_000;
    this.alarms.set(name, { name, scheduledTime, ...(info.periodInMinutes === undefined ? {} : { periodInMinutes: info.periodInMinutes }) });
  }

  async get(name: string): Promise<Alarm | undefined> {
    check(this.state, 'alarms');
    const alarm = this.alarms.get(name);
    return alarm && { ...alarm };
  }

  async getAll(): Promise<Alarm[]> {
    check(this.state, 'alarms');
    return [...this.alarms.values()].map((alarm) => ({ ...alarm }));
  }

  async clear(name: string): Promise<boolean> {
    check(this.state, 'alarms');
    return this.alarms.delete(name);
  }
}
