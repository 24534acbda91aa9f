import * as v from 'valibot';
import { SOURCE_IDS, type SourceId } from '../sources/ids';

/**
 * The reader's settings live in `storage.sync` under one key, with a version
 * so that an older shape is migrated, not misread. Anything unreadable falls
 * back to its default field by field rather than failing. The GitHub token is
 * not here: it stays in `storage.local` (lib/secrets.ts), never synced.
 */
export { SETTINGS_KEY } from './settings-key';
import { SETTINGS_KEY } from './settings-key';
export const SETTINGS_VERSION = 3;

export const REFRESH_INTERVAL_MINUTES = { min: 15, max: 24 * 60, default: 60 } as const;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  refreshIntervalMinutes: number;
  /** Sources to fetch and show; a source turned off is neither requested nor shown. */
  sources: Record<SourceId, boolean>;
  /** Hugging Face pipeline tags: when `include` is not empty only those show; `hide` always hides. */
  hfTasks: { include: string[]; hide: string[] };
  /** GitHub languages to show (empty: all). Matched case-insensitively. */
  githubLanguages: string[];
  /** Words that also make a GitHub repository count as AI/ML (lib/sources/ai-rule.ts). */
  aiKeywords: string[];
  /** When the day's issue is published, local time, `HH:MM` (issue #4: default 07:00). */
  morningTime: string;
  /** Show the count of unread issues on the toolbar icon. */
  badge: boolean;
  /** A system notification with the headline when an issue is published (off by default; asks for the permission). */
  notifications: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  refreshIntervalMinutes: REFRESH_INTERVAL_MINUTES.default,
  sources: Object.fromEntries(SOURCE_IDS.map((id) => [id, true])) as Record<SourceId, boolean>,
  hfTasks: { include: [], hide: [] },
  githubLanguages: [],
  aiKeywords: [],
  morningTime: '07:00',
  badge: true,
  notifications: false,
};

const IntervalSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(REFRESH_INTERVAL_MINUTES.min),
  v.maxValue(REFRESH_INTERVAL_MINUTES.max),
);
/** A short list of short words: anything else is noise from a bad write. */
const WordList = v.pipe(
  v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(60))),
  v.maxLength(100),
  v.transform((words) => [...new Set(words)]),
);

function field<T>(schema: v.GenericSchema<unknown, T>, value: unknown, fallback: T): T {
  const result = v.safeParse(schema, value);
  return result.success ? result.output : fallback;
}

const MorningTime = v.pipe(v.string(), v.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/));

/**
 * Version 1 (issue #2) had only the interval; version 2 (issue #3) added the
 * sources and filters; version 3 (issue #4) the morning time, badge and
 * notifications. Fields a version did not have take their defaults.
 */
function migrate(raw: Record<string, unknown>): Record<string, unknown> {
  const version = typeof raw.version === 'number' ? raw.version : 1;
  if (version < 2) return { refreshIntervalMinutes: raw.refreshIntervalMinutes };
  if (version < 3) {
    const { morningTime: _morningTime, badge: _badge, notifications: _notifications, ...v2 } = raw;
    return v2;
  }
  return raw;
}

export function readSettings(stored: unknown): Settings {
  const raw = migrate(typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {});
  const sources = { ...DEFAULT_SETTINGS.sources };
  if (typeof raw.sources === 'object' && raw.sources !== null) {
    for (const id of SOURCE_IDS) {
      const on = (raw.sources as Record<string, unknown>)[id];
      if (typeof on === 'boolean') sources[id] = on;
    }
  }
  const tasks = (typeof raw.hfTasks === 'object' && raw.hfTasks !== null ? raw.hfTasks : {}) as Record<string, unknown>;
  return {
    version: SETTINGS_VERSION,
    refreshIntervalMinutes: field(IntervalSchema, raw.refreshIntervalMinutes, DEFAULT_SETTINGS.refreshIntervalMinutes),
    sources,
    hfTasks: { include: field(WordList, tasks.include, []), hide: field(WordList, tasks.hide, []) },
    githubLanguages: field(WordList, raw.githubLanguages, []),
    aiKeywords: field(WordList, raw.aiKeywords, []),
    morningTime: field(MorningTime, raw.morningTime, DEFAULT_SETTINGS.morningTime),
    badge: field(v.boolean(), raw.badge, DEFAULT_SETTINGS.badge),
    notifications: field(v.boolean(), raw.notifications, DEFAULT_SETTINGS.notifications),
  };
}

export interface SettingsStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function loadSettings(storage: SettingsStorage): Promise<Settings> {
  return readSettings((await storage.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

export type SettingsChange = Partial<Omit<Settings, 'version'>>;

export async function saveSettings(storage: SettingsStorage, change: SettingsChange): Promise<Settings> {
  const next = readSettings({ ...(await loadSettings(storage)), ...change });
  await storage.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Split what a reader typed ("rust, Go  python") into a word list. */
export function parseWordList(text: string): string[] {
  return [...new Set(text.split(/[,\n]/).map((word) => word.trim()).filter(Boolean))];
}
