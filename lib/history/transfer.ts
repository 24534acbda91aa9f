import * as v from 'valibot';
import type { MorningPostDB } from './db';
import { isPacked, packIssue, unpackIssue, ISSUE_FORMAT, type StoredIssue } from './issue-codec';
import { joinLatestList } from './list-join';
import { STORES } from './stores';
import type { CatalogItem, MetaRecord, Snapshot, SourceStatus } from '../shared/records';
import { readSettings, SETTINGS_KEY, type Settings } from '../shared/settings';
import { GITHUB_TOKEN_KEY, type LocalStorageArea } from '../shared/secrets';
import { boundItem } from '../sources/bound';
import { SOURCE_IDS, type SourceId } from '../sources/ids';
import { githubRepoUrl, huggingFacePaperUrl, huggingFaceUrl, isArxivId, isGithubRepoFullName, isHuggingFaceRepoId, isSafeLink } from '../shared/links';
import { INVISIBLE } from '../shared/invisible';
import { cleanText } from '../shared/text';
import {
  MAX_COUNT,
  MAX_DATA_FILE_BYTES,
  MAX_DATA_RECORDS,
  MAX_ID_LENGTH,
  MAX_ISSUE_BODY_BYTES,
  MAX_ISSUE_STRING_LENGTH,
  MAX_ITEM_YEAR,
  MAX_SCORE,
  MAX_SNAPSHOT_ROWS,
} from '../shared/limits';
import { errorMessage } from '../shared/error-message';
import {
  ITEM_KINDS,
  MAX_READING_ENTRIES,
  MERGED_SHELF_ENTRIES,
  MAX_WATCH_ENTRIES,
  readShelves,
  SHELVES,
  savedKey,
  savedValue,
  type ItemKind,
  type SavedEntry,
  type Shelf,
  type ShelfStorage,
} from '../shared/saved';

/**
 * "Export all data … to a JSON file and import it back — validated, a bad
 * file changes nothing and says why; clear all data" (issue #10).
 *
 * The file holds the settings (storage.sync) and the database's stores as
 * stored: snapshots, catalog, sourceStatus, meta, and the archive (`issues`)
 * as packed records (issue-codec.ts) whose compressed `body` is base64, so that
 * each record comes back byte for byte. An issue stored whole before issue #8
 * is packed on export. `lists` is not in the file: it is derived from the
 * snapshots and catalog (schema v4), and import rebuilds it with the join the
 * upgrade uses (list-join.ts), so an imported list can only be one the
 * imported history makes. The GitHub token is a secret and is never exported.
 *
 * A file is remote input (engineering.md): import validates all of it before
 * anything is written — format, version, every record's shape and keys, ids
 * by the validators of lib/shared/links.ts, text by lib/shared/text.ts (a text
 * that cleaning would change is refused, not silently changed), numbers within
 * lib/shared/limits.ts — and then replaces the database in one transaction
 * over every store: all or nothing.
 */

export const DATA_FORMAT = 'ai-morning-post-data';
export const DATA_VERSION = 1;
/** The database version whose records the file holds (schema.ts, SCHEMA_V4). */
export const DATA_SCHEMA_VERSION = 4;
export const TOKEN_NOTE = 'The GitHub token is a secret kept on this device: it is never exported, and importing leaves it as it is.';

export interface DataFile {
  format: typeof DATA_FORMAT;
  version: typeof DATA_VERSION;
  schemaVersion: typeof DATA_SCHEMA_VERSION;
  exportedAt: string;
  note: string;
  settings: Settings;
  stores: {
    snapshots: Snapshot[];
    catalog: CatalogItem[];
    sourceStatus: SourceStatus[];
    meta: MetaRecord[];
    issues: ExportedIssue[];
  };
  /**
   * The reading list and watchlist (storage.sync, lib/shared/saved.ts), newest
   * first. Absent from files written before issue #10: importing one of those
   * leaves the reader's lists as they are.
   */
  shelves?: ExportedShelves;
}

/** One saved item as the file holds it. */
export interface ExportedEntry {
  kind: ItemKind;
  id: string;
  title: string;
  savedAt: number;
}
export type ExportedShelves = Record<Shelf, ExportedEntry[]>;

/** A packed issue record with its body as base64. */
export type ExportedIssue = Omit<StoredIssue, 'body'> & { body: string };

/** The settings area: what import and clear write to (storage.sync). */
export type SettingsArea = Pick<LocalStorageArea, 'get' | 'set' | 'remove'>;

export interface DataDeps {
  db: MorningPostDB;
  settings: SettingsArea;
  /** storage.local, where the GitHub token is (lib/shared/secrets.ts); cleared by `clearAllData` only. */
  local: Pick<LocalStorageArea, 'remove'>;
  /** storage.sync as the reading list and watchlist read it (lib/browser/shelves-storage.ts). Absent: they are left out and left alone. */
  shelves?: ShelfStorage;
}

/** A file that cannot be imported; `message` says why, in the reader's words. */
export class DataFileError extends Error {
  override name = 'DataFileError';
}

/** `ai-morning-post-data-YYYY-MM-DD.json`, the reader's own calendar day. */
export function dataFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `ai-morning-post-data-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

// ————— Export —————

export async function exportData(deps: DataDeps, now: Date): Promise<DataFile> {
  const { db } = deps;
  const stored = await deps.settings.get(SETTINGS_KEY);
  // One read transaction: the stores are read as one consistent moment.
  const [snapshots, catalog, sourceStatus, meta, issueRecords] = await db.transaction(
    'r',
    [db.snapshots, db.catalog, db.sourceStatus, db.meta, db.issues],
    () => Promise.all([db.snapshots.toArray(), db.catalog.toArray(), db.sourceStatus.toArray(), db.meta.toArray(), db.issues.toArray()]),
  );
  // Packing awaits CompressionStream: outside the transaction (issues.ts).
  const issues: ExportedIssue[] = [];
  for (const record of issueRecords) {
    const packed = isPacked(record) ? record : await packIssue(record);
    issues.push({ ...packed, body: toBase64(packed.body) });
  }
  const file: DataFile = {
    format: DATA_FORMAT,
    version: DATA_VERSION,
    schemaVersion: DATA_SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    note: TOKEN_NOTE,
    settings: readSettings(stored[SETTINGS_KEY]),
    stores: { snapshots, catalog, sourceStatus, meta, issues },
  };
  if (deps.shelves) {
    // As the pages read them: entries of a valid key only, each shelf within its bound (readShelves).
    const shelves = readShelves(await deps.shelves.get(null));
    const exported = (entries: SavedEntry[]) => entries.map(({ kind, id, title, savedAt }) => ({ kind, id, title, savedAt }));
    file.shelves = { reading: exported(shelves.reading), watch: exported(shelves.watch) };
  }
  return file;
}

/** Every key of storage.sync that is a shelf's entry, or looks like one (a malformed entry too): what import and clear replace. */
async function shelfKeys(storage: ShelfStorage): Promise<string[]> {
  return Object.keys(await storage.get(null)).filter((key) => SHELF_KEY.test(key));
}
const SHELF_KEY = /^[rw]:(?:model|dataset|space|paper|repo):/;

/**
 * Empties both shelves in one `remove`, then writes `shelves` when given, in one `set`: two of the 120 writes a
 * minute `storage.sync` allows (chrome.storage docs, MAX_WRITE_OPERATIONS_PER_MINUTE), where a remove per key
 * spent up to 270 and was refused past the 120th.
 */
async function replaceShelves(storage: ShelfStorage, shelves: ExportedShelves | undefined): Promise<void> {
  const keys = await shelfKeys(storage);
  if (keys.length > 0) await storage.remove(keys);
  if (!shelves) return;
  const items: Record<string, unknown> = {};
  for (const shelf of SHELVES) for (const entry of shelves[shelf]) items[savedKey(shelf, entry.kind, entry.id)] = savedValue(entry);
  if (Object.keys(items).length > 0) await storage.set(items);
}

export function dataFileText(file: DataFile): string {
  return JSON.stringify(file);
}

// ————— Import —————

export interface ImportSummary {
  snapshots: number;
  catalog: number;
  issues: number;
  /** The reading list and watchlist's entries imported; absent when the file has none (an older file: the reader's are kept). */
  shelves?: Record<Shelf, number>;
}

/**
 * Validates the whole file, then replaces the data. Rejects with a
 * `DataFileError` saying why, having written nothing, when the file is not
 * one this version can read. `size` is the file's size in bytes, checked
 * before `read` is called, so a huge file is never read.
 */
export async function importData(deps: DataDeps, size: number, read: () => Promise<string>): Promise<ImportSummary> {
  const data = await validateDataFile(size, read);
  const { db } = deps;
  try {
    await db.transaction('rw', [db.snapshots, db.catalog, db.sourceStatus, db.meta, db.issues, db.lists], async () => {
      await Promise.all([db.snapshots.clear(), db.catalog.clear(), db.sourceStatus.clear(), db.meta.clear(), db.issues.clear(), db.lists.clear()]);
      await db.catalog.bulkAdd(data.catalog);
      await db.snapshots.bulkAdd(data.snapshots);
      await db.sourceStatus.bulkAdd(data.sourceStatus);
      await db.meta.bulkAdd(data.meta);
      await db.issues.bulkAdd(data.issues);
      for (const sourceId of SOURCE_IDS) {
        const view = await joinLatestList(db.snapshots, db.catalog, sourceId);
        if (view) await db.lists.put(view);
      }
    });
  } catch (error) {
    throw new DataFileError(`Nothing was changed: the browser refused to store the file's data (${errorMessage(error)}).`);
  }
  try {
    // Removed, then written: the write is then always a change, which the worker follows (entrypoints/background.ts,
    // worker.ts `settingsChanged`) to put the badge in step with the new archive, even when the settings are the same.
    await deps.settings.remove(SETTINGS_KEY);
    await deps.settings.set({ [SETTINGS_KEY]: data.settings });
  } catch (error) {
    throw new DataFileError(`The history and archive were imported, but the browser refused the settings (${errorMessage(error)}); they are as they were.`);
  }
  const summary: ImportSummary = { snapshots: data.snapshots.length, catalog: data.catalog.length, issues: data.issues.length };
  if (data.shelves && deps.shelves) {
    try {
      await replaceShelves(deps.shelves, data.shelves);
    } catch (error) {
      throw new DataFileError(`The history, archive and settings were imported, but the browser refused the reading list and watchlist (${errorMessage(error)}).`);
    }
    summary.shelves = { reading: data.shelves.reading.length, watch: data.shelves.watch.length };
  }
  return summary;
}

/** Deletes every record of every store and the settings (back to their defaults) and the GitHub token. */
export async function clearAllData(deps: DataDeps): Promise<void> {
  const { db } = deps;
  await db.transaction('rw', [db.snapshots, db.catalog, db.sourceStatus, db.meta, db.issues, db.lists], () =>
    Promise.all([db.snapshots.clear(), db.catalog.clear(), db.sourceStatus.clear(), db.meta.clear(), db.issues.clear(), db.lists.clear()]),
  );
  // Always a change the worker sees (worker.ts `settingsChanged` updates the badge): stored settings are removed
  // (their defaults apply); settings never stored are written as their defaults.
  const stored = (await deps.settings.get(SETTINGS_KEY))[SETTINGS_KEY];
  if (stored === undefined) await deps.settings.set({ [SETTINGS_KEY]: readSettings(undefined) });
  else await deps.settings.remove(SETTINGS_KEY);
  await deps.local.remove(GITHUB_TOKEN_KEY);
  if (deps.shelves) await replaceShelves(deps.shelves, undefined);
}

interface ValidData {
  settings: Settings;
  shelves?: ExportedShelves;
  snapshots: Snapshot[];
  catalog: CatalogItem[];
  sourceStatus: SourceStatus[];
  meta: MetaRecord[];
  issues: StoredIssue[];
}

const refuse = (why: string): never => {
  throw new DataFileError(`Nothing was changed: ${why}`);
};

/** Every check, nothing written. Exported for the tests' table of bad files. */
export async function validateDataFile(size: number, read: () => Promise<string>): Promise<ValidData> {
  if (!(size > 0)) refuse('the file is empty.');
  if (size > MAX_DATA_FILE_BYTES) refuse(`the file is ${megabytes(size)} MB; a data file of this extension is at most ${megabytes(MAX_DATA_FILE_BYTES)} MB.`);
  const text = await read();
  if (text.trim() === '') refuse('the file is empty.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    refuse('the file is not JSON (it may be cut short, or another kind of file).');
  }
  const head = v.safeParse(HeadSchema, json);
  if (!head.success) refuse(`this is not a data file of The AI Morning Post (expected "format": "${DATA_FORMAT}").`);
  const top = json as Record<string, unknown>;
  if (top.version !== DATA_VERSION || top.schemaVersion !== DATA_SCHEMA_VERSION) {
    refuse(`the file is version ${String(top.version)} of the data format (schema ${String(top.schemaVersion)}); this extension reads version ${DATA_VERSION} (schema ${DATA_SCHEMA_VERSION}).`);
  }
  const whole = v.safeParse(FileSchema, json);
  if (!whole.success) refuse(`the file has a record that is not as this extension stores it (${issuePath(whole.issues[0])}).`);
  const file = json as v.InferOutput<typeof FileSchema>;

  const settings = readSettings(file.settings);
  if (JSON.stringify(settings) !== JSON.stringify(file.settings)) refuse('the settings in the file are not valid settings (a field is out of range or unknown).');

  const catalogKeys = new Map<number, SourceId>();
  for (const [index, item] of file.stores.catalog.entries()) {
    const where = `catalog record ${index + 1}`;
    if (catalogKeys.has(item.key)) refuse(`${where} repeats the key ${item.key}.`);
    checkCatalogItem(item as CatalogItem, where);
    catalogKeys.set(item.key, item.sourceId);
  }
  const seenPairs = new Set<string>();
  for (const item of file.stores.catalog) {
    const pair = `${item.sourceId} ${item.itemId}`;
    if (seenPairs.has(pair)) refuse(`the catalog holds ${item.itemId} twice.`);
    seenPairs.add(pair);
  }
  const snapshotIds = new Set<number>();
  for (const [index, snapshot] of file.stores.snapshots.entries()) {
    const where = `snapshot ${index + 1}`;
    if (snapshotIds.has(snapshot.id)) refuse(`${where} repeats the id ${snapshot.id}.`);
    snapshotIds.add(snapshot.id);
    for (const key of snapshot.keys) if (catalogKeys.get(key) !== snapshot.sourceId) refuse(`${where} names an item (key ${key}) that is not in its source's catalog.`);
    for (const [name, column] of Object.entries(snapshot.metrics)) {
      if (column && column.length !== snapshot.keys.length) refuse(`${where}: its ${name} column does not match its rows.`);
    }
  }
  const statusSources = new Set<string>();
  for (const status of file.stores.sourceStatus) {
    if (statusSources.has(status.sourceId)) refuse(`the status of ${status.sourceId} is there twice.`);
    statusSources.add(status.sourceId);
    if (status.lastError && cleanText(status.lastError.message, 500) !== status.lastError.message) refuse(`the status of ${status.sourceId} has a message with characters this extension never stores.`);
  }
  const metaNames = new Set<string>();
  for (const record of file.stores.meta) {
    if (metaNames.has(record.name)) refuse(`the database fact "${record.name}" is there twice.`);
    metaNames.add(record.name);
  }

  const shelves = file.shelves ? checkShelves(file.shelves as ExportedShelves) : undefined;

  const issues: StoredIssue[] = [];
  const numbers = new Set<number>();
  for (const exported of file.stores.issues) {
    const where = `issue ${exported.number}`;
    if (numbers.has(exported.number)) refuse(`${where} is there twice.`);
    numbers.add(exported.number);
    const body = fromBase64(exported.body);
    if (!body) refuse(`${where} has a body that is not base64.`);
    const record = { ...(exported as unknown as StoredIssue), body: body! };
    let issue: unknown;
    try {
      // Checksum, shape and belonging to its record (issue-codec.ts).
      issue = await unpackIssue(record);
    } catch (error) {
      refuse(`${where} cannot be read (${errorMessage(error)}).`);
    }
    const bad = badString(issue, '');
    if (bad) refuse(`${where} holds ${bad}.`);
    issues.push(record);
  }
  return {
    settings,
    ...(shelves ? { shelves } : {}),
    snapshots: file.stores.snapshots as Snapshot[],
    catalog: file.stores.catalog as CatalogItem[],
    sourceStatus: file.stores.sourceStatus as SourceStatus[],
    meta: file.stores.meta,
    issues,
  };
}

/**
 * The file's reading list and watchlist, held to what the pages would read
 * back (lib/shared/saved.ts `readShelves`): each entry's key valid (its id
 * one of its kind's), its title as stored (cleaned and within its bytes), its
 * time a real one, no entry twice, each shelf within its bound.
 */
function checkShelves(shelves: ExportedShelves): ExportedShelves {
  const NAME: Record<Shelf, string> = { reading: 'reading list', watch: 'watchlist' };
  for (const shelf of SHELVES) {
    const entries = shelves[shelf];
    // As many as the pages read back: a shelf two browsers' edits merged may be longer than an add allows.
    if (entries.length > MERGED_SHELF_ENTRIES[shelf]) refuse(`the ${NAME[shelf]} has ${entries.length} entries; it holds at most ${MERGED_SHELF_ENTRIES[shelf]}.`);
    const items: Record<string, unknown> = {};
    for (const [index, entry] of entries.entries()) {
      const where = `${NAME[shelf]} entry ${index + 1}`;
      const key = savedKey(shelf, entry.kind, entry.id);
      if (key in items) refuse(`${where} (${entry.id}) is there twice.`);
      const value = savedValue(entry);
      if ((value.t ?? entry.id) !== entry.title) refuse(`${where} (${entry.id}) has a title this extension would not have stored.`);
      if (entry.savedAt < 1) refuse(`${where} (${entry.id}) has no time it was saved.`);
      items[key] = value;
    }
    const read = readShelves(items)[shelf];
    if (read.length !== entries.length) {
      const kept = new Set(read.map((entry) => savedKey(shelf, entry.kind, entry.id)));
      const bad = entries.find((entry) => !kept.has(savedKey(shelf, entry.kind, entry.id)));
      refuse(`the ${NAME[shelf]} has an entry whose id is not a ${bad?.kind ?? 'valid'} id (${String(bad?.id).slice(0, 100)}).`);
    }
  }
  return shelves;
}

/** The canonical link of an item, built by lib/shared/links.ts from its validated id; undefined when the id is not one of its source's. */
export function canonicalItemUrl(sourceId: SourceId, itemId: string): string | undefined {
  switch (sourceId) {
    case 'hf-models':
      return isHuggingFaceRepoId(itemId, 'model') ? huggingFaceUrl('model', itemId) : undefined;
    case 'hf-datasets':
      return isHuggingFaceRepoId(itemId, 'dataset') ? huggingFaceUrl('dataset', itemId) : undefined;
    case 'hf-spaces':
      return isHuggingFaceRepoId(itemId, 'space') ? huggingFaceUrl('space', itemId) : undefined;
    case 'hf-papers':
      return isArxivId(itemId) ? huggingFacePaperUrl(itemId) : undefined;
    case 'gh-trending-daily':
    case 'gh-trending-weekly':
    case 'gh-search':
      return isGithubRepoFullName(itemId) ? githubRepoUrl(itemId) : undefined;
  }
}

/** An item as the worker stores it: its id its source's, its link the one built from it, every field as lib/sources/bound.ts leaves it. */
function checkCatalogItem(item: CatalogItem, where: string): void {
  const url = canonicalItemUrl(item.sourceId, item.itemId);
  if (!url) refuse(`${where} has an id that is not a ${item.sourceId} id.`);
  if (item.url !== url) refuse(`${where} has a link that is not its item's own page.`);
  const { key: _key, sourceId: _sourceId, itemId, firstSeenAt: _first, lastSeenAt: _last, ...fields } = item;
  const bounded = boundItem({ ...fields, id: itemId, metrics: {} } as Parameters<typeof boundItem>[0]);
  const { id: _id, metrics: _metrics, ...boundFields } = bounded ?? { id: '', metrics: {} };
  if (!bounded || canonicalJson(boundFields) !== canonicalJson(fields)) refuse(`${where} (${itemId}) has a text or date this extension would not have stored.`);
}

/** The first string of an issue that is too long, invisible-laden or a link that is not safe; '' when none. */
function badString(value: unknown, key: string): string {
  if (typeof value === 'string') {
    if (value.length > MAX_ISSUE_STRING_LENGTH) return `a text longer than ${MAX_ISSUE_STRING_LENGTH} characters`;
    INVISIBLE.lastIndex = 0;
    if (INVISIBLE.test(value)) return 'invisible characters';
    if ((key === 'url' || key === 'codeUrl') && value !== '' && !isSafeLink(value)) return 'a link that is not safe';
    return '';
  }
  if (Array.isArray(value)) {
    for (const element of value) {
      const bad = badString(element, key);
      if (bad) return bad;
    }
    return '';
  }
  if (typeof value === 'object' && value !== null) {
    for (const [name, element] of Object.entries(value)) {
      const bad = badString(element, name);
      if (bad) return bad;
    }
  }
  return '';
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, element: unknown) =>
    typeof element === 'object' && element !== null && !Array.isArray(element)
      ? Object.fromEntries(Object.entries(element).sort(([a], [b]) => (a < b ? -1 : 1)))
      : element,
  );
}

// ————— Schemas: every key named, every number bounded —————

/** Epoch ms from 1970 to the end of MAX_ITEM_YEAR. */
const Time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Date.UTC(MAX_ITEM_YEAR + 1, 0, 1)));
const Key = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_COUNT));
const Source = v.picklist(SOURCE_IDS);
const Records = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.maxLength(MAX_DATA_RECORDS));
const MetricValue = v.nullable(v.pipe(v.number(), v.finite(), v.minValue(-MAX_SCORE), v.maxValue(MAX_SCORE)));
const Column = v.optional(v.pipe(v.array(MetricValue), v.maxLength(MAX_SNAPSHOT_ROWS)));
const Str = (max: number) => v.pipe(v.string(), v.maxLength(max));

const HeadSchema = v.object({ format: v.literal(DATA_FORMAT) });

const SnapshotSchema = v.strictObject({
  id: Key,
  sourceId: Source,
  fetchedAt: Time,
  keys: v.pipe(v.array(Key), v.maxLength(MAX_SNAPSHOT_ROWS)),
  metrics: v.strictObject({
    likes: Column,
    downloads: Column,
    trendingScore: Column,
    stars: Column,
    forks: Column,
    starsInPeriod: Column,
    upvotes: Column,
  }),
});

const CatalogSchema = v.strictObject({
  key: Key,
  sourceId: Source,
  itemId: Str(MAX_ID_LENGTH),
  firstSeenAt: Time,
  lastSeenAt: Time,
  // Each text is then held to what lib/sources/bound.ts keeps (checkCatalogItem).
  name: Str(1000),
  url: Str(1000),
  description: v.optional(Str(1000)),
  task: v.optional(Str(1000)),
  library: v.optional(Str(1000)),
  sdk: v.optional(Str(1000)),
  language: v.optional(Str(1000)),
  tags: v.optional(v.pipe(v.array(Str(1000)), v.maxLength(1000))),
  authors: v.optional(v.pipe(v.array(Str(1000)), v.maxLength(1000))),
  models: v.optional(v.pipe(v.array(Str(1000)), v.maxLength(1000))),
  codeUrl: v.optional(Str(1000)),
  createdAt: v.optional(Str(100)),
  publishedAt: v.optional(Str(100)),
});

const StatusSchema = v.strictObject({
  sourceId: Source,
  lastAttemptAt: v.optional(Time),
  lastSuccessAt: v.optional(Time),
  lastError: v.optional(
    v.strictObject({
      kind: v.picklist(['network', 'timeout', 'http', 'rate-limited', 'parse', 'storage']),
      message: Str(500),
      status: v.optional(v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(599))),
      retryAfterAt: v.optional(Time),
      at: Time,
    }),
  ),
  consecutiveFailures: Count,
  nextAttemptAt: v.optional(Time),
  notBefore: v.optional(Time),
  lastDropped: v.optional(Count),
  // Issue #12 (a polite client): read bounded again wherever they are used (lib/shared/validators.ts, request-counts.ts).
  validators: v.optional(v.strictObject({ url: Str(2048), listAt: Time, etag: v.optional(Str(256)), lastModified: v.optional(Str(256)) })),
  requests: v.optional(v.pipe(v.array(v.strictObject({ day: Str(10), count: Count })), v.maxLength(31))),
});

const MetaSchema = v.strictObject({
  name: v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/)),
  value: v.pipe(v.number(), v.finite(), v.minValue(-Number.MAX_SAFE_INTEGER), v.maxValue(Number.MAX_SAFE_INTEGER)),
});

/** Base64 of at most MAX_ISSUE_BODY_BYTES. The front is checked for shape by `unpackIssue`, and for text by `badString`. */
const IssueSchema = v.strictObject({
  number: Key,
  publishedAt: Time,
  front: v.looseObject({ number: Key, publishedAt: Time }),
  body: v.pipe(v.string(), v.maxLength(Math.ceil(MAX_ISSUE_BODY_BYTES / 3) * 4), v.regex(/^[A-Za-z0-9+/]*={0,2}$/)),
  v: v.literal(ISSUE_FORMAT),
});

const EntrySchema = v.strictObject({
  kind: v.picklist(ITEM_KINDS),
  id: Str(MAX_ID_LENGTH),
  title: Str(1000),
  savedAt: Time,
});

const ShelvesSchema = v.strictObject({
  // Bounded here too, so that a huge list is refused before each entry is checked.
  reading: v.pipe(v.array(EntrySchema), v.maxLength(MAX_READING_ENTRIES * 10)),
  watch: v.pipe(v.array(EntrySchema), v.maxLength(MAX_WATCH_ENTRIES * 10)),
});

const FileSchema = v.strictObject({
  format: v.literal(DATA_FORMAT),
  version: v.literal(DATA_VERSION),
  schemaVersion: v.literal(DATA_SCHEMA_VERSION),
  exportedAt: Str(64),
  note: Str(1000),
  settings: v.record(v.string(), v.unknown()),
  stores: v.strictObject({
    snapshots: Records(SnapshotSchema),
    catalog: Records(CatalogSchema),
    sourceStatus: Records(StatusSchema),
    meta: Records(MetaSchema),
    issues: Records(IssueSchema),
  }),
  shelves: v.optional(ShelvesSchema),
});

function issuePath(issue: v.BaseIssue<unknown> | undefined): string {
  if (!issue) return 'unknown';
  const path = (issue.path ?? []).map((step) => String((step as { key: unknown }).key)).join(' › ');
  return `${path || 'the file'}: ${issue.message}`.slice(0, 300);
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0);
}

// ————— Base64, without Node's Buffer (the options page runs it) —————

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array | undefined {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/** For the tests: the store names a file carries (lists are rebuilt, never carried). */
export const CARRIED_STORES = [STORES.snapshots, STORES.catalog, STORES.sourceStatus, 'meta', STORES.issues] as const;
