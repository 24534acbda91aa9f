import { SOURCE_IDS, type SourceId } from '../sources/ids';
import {
  githubRepoUrl,
  huggingFacePaperUrl,
  huggingFaceUrl,
  isArxivId,
  isGithubRepoFullName,
  isHuggingFaceRepoId,
} from './links';
import { cleanText } from './text';

/**
 * The reader's reading list and watchlist (issue #10, "Saving and watching").
 *
 * They live in `storage.sync`, one item per entry, so that issue #12 can let
 * them follow the reader across browsers: two browsers that each add an entry
 * write different keys, and sync merges keys, so neither entry is lost; a
 * removal is the key's removal. The key names the entry, the value carries
 * only what the key cannot:
 *
 *   key    `r:model:Qwen/Qwen3-8B`  (shelf `r` reading list or `w` watchlist, kind, id)
 *   value  `{"t":"Qwen3-8B","at":1764400000000}`  (title, when saved: epoch ms)
 *
 * An entry is an item, not a row of one list: a repository is the same entry
 * whether it was saved from GitHub's daily, weekly or search list, and a
 * watched repository is looked for in all three.
 *
 * Everything read back is checked as remote input (another browser, another
 * version, a hand-edited profile may have written it): a key of another shape
 * or an id that fails the link validators is ignored, the title is cleaned
 * again, and each shelf keeps at most its bound, newest first.
 */

export const ITEM_KINDS = ['model', 'dataset', 'space', 'paper', 'repo'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const KIND_OF_SOURCE: Record<SourceId, ItemKind> = {
  'hf-models': 'model',
  'hf-datasets': 'dataset',
  'hf-spaces': 'space',
  'hf-papers': 'paper',
  'gh-trending-daily': 'repo',
  'gh-trending-weekly': 'repo',
  'gh-search': 'repo',
};

/** The sources whose lists an item of this kind can appear in. */
export function sourcesOfKind(kind: ItemKind): SourceId[] {
  return SOURCE_IDS.filter((source) => KIND_OF_SOURCE[source] === kind);
}

export const SHELVES = ['reading', 'watch'] as const;
export type Shelf = (typeof SHELVES)[number];
const SHELF_PREFIX: Record<Shelf, string> = { reading: 'r', watch: 'w' };

export interface SavedEntry {
  shelf: Shelf;
  kind: ItemKind;
  /** The source's own id, validated: `org/name`, `owner/repo`, an arXiv id. */
  id: string;
  /** What the reader saw it called; the id when nothing else is known. */
  title: string;
  /** Epoch ms. */
  savedAt: number;
}

// ————— Bounds (chrome.storage.sync docs: 102,400 B in all, 8,192 B an item, 512 items) —————
//
// An entry's bytes, as Chrome counts them (key + JSON value, UTF-8; tests/support/quota-sync.ts):
//   key, at most:    `r:dataset:` 10 B + a Hugging Face id of 96 + 1 + 96 = 203 B
//                    (a GitHub full name is at most 39 + 1 + 100 = 140 B; an arXiv id 16 B)
//   value, at most:  `{"t":"` 6 + title ≤ MAX_SAVED_TITLE_BYTES 120 + `","at":` 7 + 13 digits + `}` 1 = 147 B
//   one entry:       ≤ 350 B
// Both shelves full: (120 + 60) × 350 = 63,000 B, plus the settings item at its largest (6,694 B,
// lib/shared/limits.ts) = 69,694 B of 102,400, and 181 items of 512.
// tests/unit/saved.test.ts fills both shelves with the longest entries in a quota-enforcing store.
//
// Merged by sync (issue #12, "two browsers editing at once merge without losing an entry"): each browser
// refuses an add at a shelf's bound, but two browsers can each add up to it before they sync, so a merged
// shelf can be longer than its bound. It is shown whole up to half again the bound (MERGED_SHELF_ENTRIES):
// (180 + 90) × 350 = 94,500 B + the settings 6,694 B = 101,194 B of 102,400, and 271 items of 512.
// tests/unit/sync-merge.test.ts merges two browsers' shelves through a stand-in for sync.

/** At most this many entries on the reading list. */
export const MAX_READING_ENTRIES = 120;
/** At most this many watched items: each is looked for in every issue. */
export const MAX_WATCH_ENTRIES = 60;
export const MAX_SHELF_ENTRIES: Record<Shelf, number> = { reading: MAX_READING_ENTRIES, watch: MAX_WATCH_ENTRIES };
/**
 * How many entries of a shelf are read back, and a data file may hold: the bound and half again, for what two
 * browsers' adds merge into (above). An add is refused from the bound on, so a merged shelf only shrinks.
 */
export const MERGED_SHELF_ENTRIES: Record<Shelf, number> = { reading: MAX_READING_ENTRIES * 1.5, watch: MAX_WATCH_ENTRIES * 1.5 };
/** A title's bytes in the stored JSON (escapes included), at most. */
export const MAX_SAVED_TITLE_BYTES = 120;
export const MAX_SAVED_ENTRY_BYTES = 350;

const utf8 = new TextEncoder();

/** The bytes `storage.sync` counts for a string in a JSON value: Chrome's JSONWriter also escapes `<`, U+2028, U+2029. */
export function syncJsonBytes(value: unknown): number {
  const json = JSON.stringify(value).replace(/[<\u2028\u2029]/g, '\\u0000');
  return utf8.encode(json).length;
}

/** A title cleaned of invisible characters and cut (with "…") until its JSON is at most MAX_SAVED_TITLE_BYTES. */
export function savedTitle(raw: string, id: string): string {
  let title = cleanText(typeof raw === 'string' ? raw : '', 80);
  // At most 80 rounds, each one character shorter (cleanText's "…" included), on at most 80 characters.
  for (let length = [...title].length - 1; syncJsonBytes(title) - 2 > MAX_SAVED_TITLE_BYTES && length >= 1; length -= 1) {
    title = cleanText(title, length);
  }
  return title === '' ? id : title;
}

const VALIDATORS: Record<ItemKind, (id: string) => boolean> = {
  model: (id) => isHuggingFaceRepoId(id, 'model'),
  dataset: (id) => isHuggingFaceRepoId(id, 'dataset'),
  space: (id) => isHuggingFaceRepoId(id, 'space'),
  paper: isArxivId,
  repo: isGithubRepoFullName,
};

export function isSavedItemId(kind: ItemKind, id: string): boolean {
  return (ITEM_KINDS as readonly string[]).includes(kind) && VALIDATORS[kind](id);
}

/** The item's page, built from its validated id (lib/shared/links.ts). */
export function savedItemUrl(kind: ItemKind, id: string): string {
  if (kind === 'paper') return huggingFacePaperUrl(id);
  if (kind === 'repo') return githubRepoUrl(id);
  return huggingFaceUrl(kind, id);
}

export function savedKey(shelf: Shelf, kind: ItemKind, id: string): string {
  return `${SHELF_PREFIX[shelf]}:${kind}:${id}`;
}

const KEY = /^([rw]):(model|dataset|space|paper|repo):(.+)$/s;

/** The shelf, kind and id a key names, or undefined for any other key (the settings, a malformed entry). */
export function parseSavedKey(key: string): { shelf: Shelf; kind: ItemKind; id: string } | undefined {
  const match = KEY.exec(key);
  if (!match) return undefined;
  const kind = match[2] as ItemKind;
  const id = match[3]!;
  if (!isSavedItemId(kind, id)) return undefined;
  return { shelf: match[1] === 'r' ? 'reading' : 'watch', kind, id };
}

/** What is stored under an entry's key. */
export function savedValue(entry: Pick<SavedEntry, 'title' | 'savedAt' | 'id'>): { t?: string; at: number } {
  const title = savedTitle(entry.title, entry.id);
  return title === entry.id ? { at: Math.trunc(entry.savedAt) } : { t: title, at: Math.trunc(entry.savedAt) };
}

/** A stored value read back; anything unreadable gives the id as title and time 0 (it sorts last). */
function readValue(id: string, value: unknown): { title: string; savedAt: number } {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const at = record.at;
  const savedAt = typeof at === 'number' && Number.isSafeInteger(at) && at > 0 ? at : 0;
  return { title: typeof record.t === 'string' ? savedTitle(record.t, id) : id, savedAt };
}

export type Shelves = Record<Shelf, SavedEntry[]>;

/**
 * Both shelves from everything `storage.sync` holds (`get(null)`): entries of
 * a valid key only, newest first (ties by id, so two browsers show one
 * order), each shelf cut to what a merge can make of it (MERGED_SHELF_ENTRIES:
 * more only from a profile written elsewhere, whose oldest entries are not read).
 */
export function readShelves(items: Record<string, unknown>): Shelves {
  const shelves: Shelves = { reading: [], watch: [] };
  for (const [key, value] of Object.entries(items)) {
    const parsed = parseSavedKey(key);
    if (!parsed) continue;
    shelves[parsed.shelf].push({ ...parsed, ...readValue(parsed.id, value) });
  }
  for (const shelf of SHELVES) {
    shelves[shelf].sort((a, b) => b.savedAt - a.savedAt || (a.kind + a.id < b.kind + b.id ? -1 : 1));
    shelves[shelf] = shelves[shelf].slice(0, MERGED_SHELF_ENTRIES[shelf]);
  }
  return shelves;
}

/** The storage the shelves need: `storage.sync`, or a stand-in in tests. */
export interface ShelfStorage {
  get(key: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  /** Several keys in one call: `storage.sync` allows 120 writes a minute (chrome.storage docs, MAX_WRITE_OPERATIONS_PER_MINUTE). */
  remove(keys: string | string[]): Promise<void>;
}

export type SaveResult = { ok: true } | { ok: false; reason: 'invalid' | 'full' | 'storage'; message: string };

/**
 * Puts an item on a shelf (saving again only moves it to the top). Refused,
 * and said why, when the id is not valid, when the shelf is full, or when the
 * browser refuses the write (quota, sync errors); nothing else is touched.
 */
export async function addToShelf(
  storage: ShelfStorage,
  entry: Omit<SavedEntry, 'savedAt'>,
  now: number,
): Promise<SaveResult> {
  if (!isSavedItemId(entry.kind, entry.id)) return { ok: false, reason: 'invalid', message: 'This item has no id that can be saved.' };
  const key = savedKey(entry.shelf, entry.kind, entry.id);
  try {
    const items = await storage.get(null);
    const onShelf = readShelves(items)[entry.shelf];
    const already = onShelf.some((saved) => saved.kind === entry.kind && saved.id === entry.id);
    if (!already && onShelf.length >= MAX_SHELF_ENTRIES[entry.shelf]) {
      const what = entry.shelf === 'reading' ? 'The reading list' : 'The watchlist';
      return { ok: false, reason: 'full', message: `${what} is full (${MAX_SHELF_ENTRIES[entry.shelf]} items): remove one first.` };
    }
    await storage.set({ [key]: savedValue({ ...entry, savedAt: now }) });
    return { ok: true };
  } catch {
    return { ok: false, reason: 'storage', message: 'The browser refused to save this (its sync storage may be full or unavailable).' };
  }
}

export async function removeFromShelf(storage: ShelfStorage, shelf: Shelf, kind: ItemKind, id: string): Promise<SaveResult> {
  try {
    await storage.remove(savedKey(shelf, kind, id));
    return { ok: true };
  } catch {
    return { ok: false, reason: 'storage', message: 'The browser refused to change this list.' };
  }
}

/** True when a `storage.onChanged` change touches a shelf. */
export function changesShelves(changes: Record<string, unknown>): boolean {
  return Object.keys(changes).some((key) => parseSavedKey(key) !== undefined);
}
