import type { DBCore, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { BadgeApi } from '@/lib/background/badge';
import type { FetchLike } from '@/lib/background/fetch-source';
import type { AlarmsApi } from '@/lib/background/schedule';
import type { MorningPostDB } from '@/lib/history/db';
import type { LocalStorageArea } from '@/lib/shared/secrets';
import type { SettingsStorage } from '@/lib/shared/settings';

/**
 * A worker the browser stops at a chosen await (issue #9, "crash and
 * concurrency"). Every step the worker awaits that reaches outside it — each
 * IndexedDB operation (through a Dexie DBCore middleware: get, getMany, query,
 * openCursor, count, mutate), each request, each alarms, storage or badge call
 * — is counted. At step `stopAt` the worker dies as the browser kills it: that
 * step never happens and never answers, every IndexedDB transaction not yet
 * committed is aborted (IndexedDB rolls back what a killed context left
 * unfinished), and every later step never answers either, so nothing the dead
 * worker still has queued can touch the database or the browser. Awaits on
 * nothing outside (CompressionStream, plain promises) change no stored state:
 * stopping there leaves what stopping at the next counted step leaves.
 */
export interface Crash {
  /** Steps taken so far (the one that killed the worker included). */
  readonly steps: number;
  readonly dead: boolean;
  /** Resolves when the worker is stopped. */
  readonly stopped: Promise<void>;
  /** The Dexie middleware to `use` on the worker's connection before its first operation. */
  readonly middleware: Middleware<DBCore>;
  fetch(fetch: FetchLike): FetchLike;
  alarms(alarms: AlarmsApi): AlarmsApi;
  storage<Area extends SettingsStorage & LocalStorageArea>(area: Area): Area;
  badge(badge: BadgeApi): BadgeApi;
}

const never = <T>() => new Promise<T>(() => undefined);

export function crashAt(stopAt: number): Crash {
  let steps = 0;
  let dead = false;
  let signalStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (signalStopped = resolve));
  const open = new Set<DBCoreTransaction>();

  function proceed(): boolean {
    if (dead) return false;
    steps++;
    if (steps < stopAt) return true;
    dead = true;
    for (const transaction of open) {
      try {
        transaction.abort();
      } catch {
        // Already committed: IndexedDB keeps it, as a real kill would.
      }
    }
    open.clear();
    signalStopped();
    return false;
  }
  function guard<T>(work: () => Promise<T> | T): Promise<T> {
    return proceed() ? Promise.resolve(work()) : never<T>();
  }

  function table(down: DBCoreTable): DBCoreTable {
    return {
      name: down.name,
      schema: down.schema,
      mutate: (request) => guard(() => down.mutate(request)),
      get: (request) => guard(() => down.get(request)),
      getMany: (request) => guard(() => down.getMany(request)),
      query: (request) => guard(() => down.query(request)),
      openCursor: (request) => guard(() => down.openCursor(request)),
      count: (request) => guard(() => down.count(request)),
    };
  }

  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'crash',
    create: (down) => ({
      ...down,
      transaction(stores, mode, options) {
        const transaction = down.transaction(stores, mode, options);
        const native = transaction as unknown as EventTarget;
        if (!dead && typeof native.addEventListener === 'function') {
          open.add(transaction);
          const finish = () => open.delete(transaction);
          native.addEventListener('complete', finish);
          native.addEventListener('abort', finish);
          native.addEventListener('error', finish);
        }
        return transaction;
      },
      table: (name) => table(down.table(name)),
    }),
  };

  return {
    get steps() {
      return steps;
    },
    get dead() {
      return dead;
    },
    stopped,
    middleware,
    fetch: (fetch) => (url, init) => guard(() => fetch(url, init)),
    alarms: (alarms) => ({
      get: (name) => guard(() => alarms.get(name)),
      create: (name, info) => guard(() => alarms.create(name, info)),
      clear: (name) => guard(() => alarms.clear(name)),
    }),
    storage: <Area extends SettingsStorage & LocalStorageArea>(area: Area) =>
      ({
        get: (keys: string) => guard(() => area.get(keys)),
        set: (items: Record<string, unknown>) => guard(() => area.set(items)),
        remove: (key: string) => guard(() => area.remove(key)),
      }) as unknown as Area,
    badge: (badge) => ({
      setBadgeText: (details) => guard(() => badge.setBadgeText(details)),
      setBadgeBackgroundColor: (details) => guard(() => badge.setBadgeBackgroundColor(details)),
      setBadgeTextColor: (details) => guard(() => badge.setBadgeTextColor?.(details)),
      setTitle: (details) => guard(() => badge.setTitle?.(details)),
    }),
  };
}

/** Every table's rows: one prepared history, copied into a fresh database for each run. */
export type DatabaseDump = Record<string, unknown[]>;

export async function dumpDatabase(db: MorningPostDB): Promise<DatabaseDump> {
  return Object.fromEntries(await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const)));
}

export async function restoreDatabase(db: MorningPostDB, dump: DatabaseDump): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const [name, rows] of Object.entries(dump)) if (rows.length > 0) await db.table(name).bulkAdd(structuredClone(rows));
  });
}
