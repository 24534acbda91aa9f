import * as v from 'valibot';

/**
 * Settings live in `storage.sync` under one key, versioned so that a later
 * shape can migrate an older one. Anything unreadable falls back to defaults
 * field by field rather than failing.
 */
export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

export const REFRESH_INTERVAL_MINUTES = { min: 15, max: 24 * 60, default: 60 } as const;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  refreshIntervalMinutes: number;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  refreshIntervalMinutes: REFRESH_INTERVAL_MINUTES.default,
};

const IntervalSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(REFRESH_INTERVAL_MINUTES.min),
  v.maxValue(REFRESH_INTERVAL_MINUTES.max),
);

export function readSettings(stored: unknown): Settings {
  const raw = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const interval = v.safeParse(IntervalSchema, raw.refreshIntervalMinutes);
  return {
    version: SETTINGS_VERSION,
    refreshIntervalMinutes: interval.success ? interval.output : DEFAULT_SETTINGS.refreshIntervalMinutes,
  };
}

export interface SettingsStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function loadSettings(storage: SettingsStorage): Promise<Settings> {
  return readSettings((await storage.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

export async function saveSettings(storage: SettingsStorage, change: Partial<Omit<Settings, 'version'>>): Promise<Settings> {
  const next = readSettings({ ...(await loadSettings(storage)), ...change });
  await storage.set({ [SETTINGS_KEY]: next });
  return next;
}
