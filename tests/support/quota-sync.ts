import type { SettingsStorage } from '@/lib/shared/settings';
import type { FakeStorageArea } from './fake-browser';

/**
 * `storage.sync` with Chrome's quotas enforced, written from Chromium's
 * extensions/browser/api/storage/settings_storage_quota_enforcer.cc, not from
 * the extension's limits: an item costs the bytes of its key plus those of
 * the JSON base::JSONWriter writes for its value (UTF-8), and a set beyond a
 * quota throws the browser's own message ("QUOTA_BYTES_PER_ITEM quota
 * exceeded") and stores nothing. The numbers are Chrome's documented ones.
 */
export const CHROME_SYNC = { QUOTA_BYTES: 102_400, QUOTA_BYTES_PER_ITEM: 8_192, MAX_ITEMS: 512 } as const;

const utf8 = new TextEncoder();

/**
 * The JSON base::JSONWriter writes: like JSON.stringify, except that it also
 * escapes `<` (as \u003C), U+2028 and U+2029 (base/json/string_escape.cc),
 * each 6 bytes where the character alone would be 1 or 3.
 */
export function chromeJsonBytes(value: unknown): number {
  const json = JSON.stringify(value).replace(/</g, '\\u003C').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return utf8.encode(json).length;
}

export function chromeItemBytes(key: string, value: unknown): number {
  return utf8.encode(key).length + chromeJsonBytes(value);
}

export interface QuotaSync extends SettingsStorage {
  /** Every item's bytes as Chrome counts them (`getBytesInUse` for each key). */
  bytesInUse(): Promise<Record<string, number>>;
  /** Sets refused on quota so far. */
  readonly refusals: number;
}

export function quotaSync(area: FakeStorageArea): QuotaSync {
  let refusals = 0;
  const sizes = async (): Promise<Map<string, number>> => {
    const items = await area.get(null);
    return new Map(Object.entries(items).map(([key, value]) => [key, chromeItemBytes(key, value)]));
  };
  return {
    get: (key) => area.get(key),
    async set(items) {
      const next = await sizes();
      for (const [key, value] of Object.entries(items)) {
        next.set(key, chromeItemBytes(key, value));
        if (next.get(key)! > CHROME_SYNC.QUOTA_BYTES_PER_ITEM) {
          refusals += 1;
          throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        }
      }
      const total = [...next.values()].reduce((sum, bytes) => sum + bytes, 0);
      if (total > CHROME_SYNC.QUOTA_BYTES) {
        refusals += 1;
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      if (next.size > CHROME_SYNC.MAX_ITEMS) {
        refusals += 1;
        throw new Error('MAX_ITEMS quota exceeded');
      }
      await area.set(items);
    },
    async bytesInUse() {
      return Object.fromEntries(await sizes());
    },
    get refusals() {
      return refusals;
    },
  };
}
