import type { ShelfStorage } from '@/lib/shared/saved';
import { testBrowser, type FakeStorageArea } from './fake-browser';
import { quotaSync } from './quota-sync';

/**
 * A stand-in for the browser's sync of `storage.sync` between the reader's
 * browsers, as Chrome's extension settings sync behaves (chrome.storage docs,
 * "storage.sync"; components/sync's last-writer-wins for extension settings):
 *
 * - a write is kept locally at once (within the local quotas, quota-sync.ts)
 *   and queued for the sync server, key by key;
 * - `sync()` sends each browser's queued changes in the order they were made;
 *   the server keeps, per key, the last change that reached it (a removal too);
 * - each browser then takes the keys other browsers changed since it last
 *   synced, written as the browser writes what sync brings (no local quota
 *   refuses them), and hears of them through `storage.onChanged`.
 *
 * Nothing here knows what a shelf is: the merge the tests check is what the
 * shelves' key design (lib/shared/saved.ts, one key per entry) gets from a sync
 * that merges keys.
 */

type Change = { value: unknown } | { removed: true };
type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => void;

export interface SyncedBrowser {
  /** `storage.sync` of this browser, as lib/shared/saved.ts uses it. */
  storage: ShelfStorage;
  /** The local area itself, for reading what is stored. */
  area: FakeStorageArea;
  /** Writes (`set` and `remove` calls) this browser made: `storage.sync` allows 120 a minute. */
  readonly writes: number;
  /** `storage.onChanged` for changes sync brings from other browsers. */
  onChanged(listener: Listener): void;
}

export interface SyncService {
  browser(name: string): SyncedBrowser;
  /** One round: every browser sends its queued changes, in the order given, then every browser takes the others'. */
  sync(...order: SyncedBrowser[]): Promise<void>;
}

export function syncService(): SyncService {
  const server = new Map<string, { change: Change; version: number; from: string }>();
  let version = 0;
  const clients = new Map<SyncedBrowser, { name: string; pending: Map<string, Change>; seen: number; listeners: Set<Listener>; area: FakeStorageArea }>();

  return {
    browser(name) {
      const area = testBrowser().sync;
      const quota = quotaSync(area);
      const pending = new Map<string, Change>();
      const listeners = new Set<Listener>();
      let writes = 0;
      const browser: SyncedBrowser = {
        area,
        storage: {
          get: (key) => area.get(key),
          async set(items) {
            writes += 1;
            await quota.set(items);
            // A key changed twice before a sync is sent once, as its last value (a Map keeps its first place).
            for (const [key, value] of Object.entries(items)) {
              pending.delete(key);
              pending.set(key, { value: structuredClone(value) });
            }
          },
          async remove(keys) {
            writes += 1;
            const list = typeof keys === 'string' ? [keys] : keys;
            await area.remove(list);
            for (const key of list) {
              pending.delete(key);
              pending.set(key, { removed: true });
            }
          },
        },
        get writes() {
          return writes;
        },
        onChanged: (listener) => void listeners.add(listener),
      };
      clients.set(browser, { name, pending, seen: 0, listeners, area });
      return browser;
    },

    async sync(...order) {
      for (const browser of order) {
        const client = clients.get(browser)!;
        for (const [key, change] of client.pending) server.set(key, { change, version: ++version, from: client.name });
        client.pending.clear();
      }
      for (const browser of order) {
        const client = clients.get(browser)!;
        const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
        const before = await client.area.get(null);
        for (const [key, entry] of server) {
          if (entry.version <= client.seen || entry.from === client.name) continue;
          if ('removed' in entry.change) {
            if (key in before) {
              await client.area.remove(key);
              changes[key] = { oldValue: before[key] };
            }
          } else {
            await client.area.set({ [key]: structuredClone(entry.change.value) });
            changes[key] = { ...(key in before ? { oldValue: before[key] } : {}), newValue: entry.change.value };
          }
        }
        client.seen = version;
        if (Object.keys(changes).length > 0) client.listeners.forEach((listener) => listener(changes));
      }
    },
  };
}
