import * as v from 'valibot';
import { SOURCE_IDS, type SourceId } from '../sources/ids';
import { MAX_SETTINGS_WORD_LENGTH, MAX_SETTINGS_WORDS } from './limits';

/**
 * The reader's settings live in `storage.sync` under one key, with a version
 * so that an older shape is migrated, not misread. Anything unreadable falls
 * back to its default field by field rather than failing. The GitHub token is
 * not here: it stays in `storage.local` (lib/secrets.ts), never synced.
 */
export { SETTINGS_KEY } from './settings-key';
import { SETTINGS_KEY, THEMES, type Theme } from './settings-key';
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
  /** The pages' colours: the system's, or always light, or always dark (issue #10). */
  theme: Theme;
  /** Calm mode: the new tab shows the masthead and the headline until the reader asks for the rest (issue #10). */
  calm: boolean;
  /** A system notification when a watched item enters, leaves or climbs a list (issue #10; off by default). */
  watchNotifications: boolean;
  /**
   * Let the browser's built-in language model edit the issue (issue #12, lib/editor): on by default, because it
   * only does anything where the browser already has the model downloaded and ready (it never starts a
   * download), every edited sentence is checked against the facts, edited text is marked as such, and
   * turning it off shows the template text at once (the issue keeps both).
   */
  editor: boolean;
}

export { THEMES, type Theme } from './settings-key';

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
  theme: 'system',
  calm: false,
  watchNotifications: false,
  editor: true,
};

const IntervalSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(REFRESH_INTERVAL_MINUTES.min),
  v.maxValue(REFRESH_INTERVAL_MINUTES.max),
);
function field<T>(schema: v.GenericSchema<unknown, T>, value: unknown, fallback: T): T {
  const result = v.safeParse(schema, value);
  return result.success ? result.output : fallback;
}

/** `HH:MM`, 00:00 to 23:59: what `<input type="time">` gives. */
export const MORNING_TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const MorningTime = v.pipe(v.string(), v.regex(MORNING_TIME_PATTERN));

/**
 * Version 1 (issue #2) had only the interval; version 2 (issue #3) added the
 * sources and filters; version 3 (issue #4) the morning time, badge and
 * notifications. Fields a version did not have take their defaults; that is
 * also how issue #10's theme, calm mode and watch notifications (and issue #12's
 * editor) arrived in version 3 without a migration: absent, they read as their defaults.
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
    hfTasks: { include: storedWordList(tasks.include), hide: storedWordList(tasks.hide) },
    githubLanguages: storedWordList(raw.githubLanguages),
    aiKeywords: storedWordList(raw.aiKeywords),
    morningTime: field(MorningTime, raw.morningTime, DEFAULT_SETTINGS.morningTime),
    badge: field(v.boolean(), raw.badge, DEFAULT_SETTINGS.badge),
    notifications: field(v.boolean(), raw.notifications, DEFAULT_SETTINGS.notifications),
    theme: field(v.picklist(THEMES), raw.theme, DEFAULT_SETTINGS.theme),
    calm: field(v.boolean(), raw.calm, DEFAULT_SETTINGS.calm),
    watchNotifications: field(v.boolean(), raw.watchNotifications, DEFAULT_SETTINGS.watchNotifications),
    editor: field(v.boolean(), raw.editor, DEFAULT_SETTINGS.editor),
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

/**
 * Saves a change and returns what is now stored. A change that leaves the
 * settings as they are writes nothing: `storage.sync` also limits writes
 * (MAX_WRITE_OPERATIONS_PER_MINUTE, 120), and a reader tabbing through the
 * fields should not spend them.
 */
export async function saveSettings(storage: SettingsStorage, change: SettingsChange): Promise<Settings> {
  const current = await loadSettings(storage);
  const next = readSettings({ ...current, ...change });
  if (JSON.stringify(next) !== JSON.stringify(current)) await storage.set({ [SETTINGS_KEY]: next });
  return next;
}

// ————— Word lists (issue #10: "an invalid entry is refused on its own, never wiping a list") —————

/**
 * What a word may hold: letters, marks and digits of any script, single
 * spaces and the punctuation of task and language names (`C++`, `C#`,
 * `Ren'Py`, `Graphviz (DOT)`, `text-to-3d`). None of these is escaped in
 * JSON, which is what lets lib/shared/limits.ts bound the settings' bytes.
 * Commas separate words; invisible characters are refused, never kept.
 * What the reader is told about a refused word is in lib/shared/word-list.ts,
 * which only the options page loads.
 */
export const SETTINGS_WORD = /^[\p{L}\p{M}\p{N} ._+#'*/()-]+$/u;

/** Spaces inside a word count once; around it, not at all. */
export function normalizeWord(word: string): string {
  return word.replace(/\s+/gu, ' ').trim();
}

/** A word that passes: within the length, of allowed characters (the one rule readSettings and the options page share). */
function isSettingsWord(word: string): boolean {
  return [...word].length <= MAX_SETTINGS_WORD_LENGTH && SETTINGS_WORD.test(word);
}

/**
 * A stored list read through the same checks: a word an older version or
 * another device wrote that breaks them is dropped alone, and a list longer
 * than the bound keeps its first words. Anything not a list reads as empty.
 */
function storedWordList(stored: unknown): string[] {
  if (!Array.isArray(stored)) return [];
  const words: string[] = [];
  const seen = new Set<string>();
  for (const entry of stored.slice(0, MAX_SETTINGS_WORDS * 4)) {
    if (typeof entry !== 'string') continue;
    const word = normalizeWord(entry);
    if (word === '' || seen.has(word.toLowerCase()) || !isSettingsWord(word)) continue;
    words.push(word);
    seen.add(word.toLowerCase());
    if (words.length === MAX_SETTINGS_WORDS) break;
  }
  return words;
}
