import type { MorningPostDB } from './db';
import { isPacked, packIssue, unpackIssue, type StoredIssue } from './issue-codec';
import type { Issue } from '../shared/issue-types';

/**
 * The `issues` table, and the only code that touches it (issue #8). Records
 * are stored packed (lib/history/issue-codec.ts: the first screen plain, the
 * rest compressed); issues stored whole before that (schema v3) stay readable
 * and are repacked a few at a time by `repackLegacyIssues`.
 *
 * Packing and unpacking await CompressionStream, which is not IndexedDB: a
 * Dexie transaction commits at such an await (Dexie's docs, "Transaction
 * scope": only IndexedDB work may be awaited inside one). So every helper here
 * that packs or unpacks runs outside any transaction and must not be called
 * from inside one; reads are one request each, writes a short transaction of
 * their own.
 */

export interface StoreOptions {
  /**
   * Store only if the latest stored issue is still this number (0: none): a
   * newer issue stored meanwhile, by another wake, makes this one stale.
   */
  follows?: number;
}

/**
 * Packs `issue`, then adds it. False, not an error, when that number is
 * already stored (the table's primary key refuses a second one) or, with
 * `follows`, when another issue was stored meanwhile. A stored issue is never
 * rewritten.
 */
export async function storeIssue(db: MorningPostDB, issue: Issue, options: StoreOptions = {}): Promise<boolean> {
  const record = await packIssue(issue);
  try {
    return await db.transaction('rw', db.issues, async () => {
      if (options.follows !== undefined && ((await latestIssueNumber(db)) ?? 0) !== options.follows) return false;
      await db.issues.add(record);
      return true;
    });
  } catch (error) {
    if (isConstraintError(error)) return false;
    throw error;
  }
}

/**
 * Writes the on-device editor's text into a stored issue (issue #12): `issue` is the stored one with `edited` on
 * the pieces whose edit passed the check (lib/editor/edit.ts), everything else as published. The one rewrite a
 * stored issue gets, and it only adds: the template text stays beside the edited text, the first screen (masthead,
 * headline, standfirst) is the same, and no new Dexie version is needed (the record's shape is the packed one;
 * `edited` is an optional field of its compressed body). False when that issue is no longer stored as it was
 * published (pruned, or another with its number: a cleared database).
 */
export async function storeEditedText(db: MorningPostDB, issue: Issue): Promise<boolean> {
  const record = await packIssue(issue);
  return db.transaction('rw', db.issues, async () => {
    const stored = await db.issues.get(issue.number);
    if (!stored || stored.publishedAt !== issue.publishedAt || !isPacked(stored)) return false;
    await db.issues.put(record);
    return true;
  });
}

/** The newest issue, whole. */
export async function latestIssue(db: MorningPostDB): Promise<Issue | undefined> {
  const record = await db.issues.orderBy('number').last();
  return record && unpackIssue(record);
}

export async function issueByNumber(db: MorningPostDB, number: number): Promise<Issue | undefined> {
  const record = await db.issues.get(number);
  return record && unpackIssue(record);
}

/** Keys only: no record is read. Safe inside a transaction over `issues`. */
export async function latestIssueNumber(db: MorningPostDB): Promise<number | undefined> {
  return (await db.issues.orderBy('number').lastKey()) as number | undefined;
}

/**
 * The newest issue's number and time, read from the record's top level without
 * decompressing anything: all publishing needs to know. Safe inside a
 * transaction over `issues`.
 */
export async function latestIssueHead(db: MorningPostDB): Promise<Pick<Issue, 'number' | 'publishedAt'> | undefined> {
  const record = await db.issues.orderBy('number').last();
  return record && { number: record.number, publishedAt: record.publishedAt };
}

/** How many issues are numbered above `number` (the badge's unread count). Keys only. */
export async function countIssuesAfter(db: MorningPostDB, number: number): Promise<number> {
  return db.issues.where('number').above(number).count();
}

/**
 * Deletes the issues published before `before`, never the latest one (issue
 * #9: the archive was never pruned, so a full disk could not reclaim it; the
 * reader's paper survives whatever is pruned). Keys only: no record is read.
 * Returns how many went.
 */
export async function pruneIssues(db: MorningPostDB, before: number): Promise<number> {
  return db.transaction('rw', db.issues, async () => {
    const latest = await latestIssueNumber(db);
    const old = ((await db.issues.where('publishedAt').below(before).primaryKeys()) as number[]).filter((number) => number !== latest);
    if (old.length > 0) await db.issues.bulkDelete(old);
    return old.length;
  });
}

/** Every issue number stored, oldest first. Keys only. */
export async function issueNumbers(db: MorningPostDB): Promise<number[]> {
  return (await db.issues.orderBy('number').primaryKeys()) as number[];
}

/** meta: every issue numbered at or below this is packed (or was looked at and left; see below). */
export const PACKED_THROUGH = 'issuesPackedThrough';

/** How many records one call reads at most: a year of legacy issues (~30 KB each) is repacked over 19 calls. */
export const REPACK_BATCH = 20;

export interface RepackReport {
  /** Legacy records rewritten packed. */
  repacked: number;
  /** The highest number looked at so far (meta `issuesPackedThrough`). */
  through: number;
}

/**
 * Rewrites issues stored whole (before issue #8) in the packed form, at most
 * `batch` records a call, from the oldest not yet looked at, so that the
 * worker can call it on every wake: once every record is packed a call reads
 * only the issues published since the last one. Records are read in one
 * request, packed outside any transaction, then written in a short one that
 * checks each is still the legacy record it read (a record only ever goes from
 * legacy to packed, never back). A record that cannot be packed is left as it
 * is, still readable, and not tried again.
 */
export async function repackLegacyIssues(db: MorningPostDB, batch: number = REPACK_BATCH): Promise<RepackReport> {
  const from = (await db.meta.get(PACKED_THROUGH))?.value ?? 0;
  const records = await db.issues.where('number').above(from).limit(batch).toArray();
  if (records.length === 0) return { repacked: 0, through: from };
  const through = records[records.length - 1]!.number;
  const packed: StoredIssue[] = [];
  for (const record of records) {
    if (isPacked(record)) continue;
    const repacked = await packIssue(record).catch(() => undefined);
    if (repacked) packed.push(repacked);
  }
  const repacked = await db.transaction('rw', db.issues, db.meta, async () => {
    const current = await db.issues.bulkGet(packed.map((record) => record.number));
    const still = packed.filter((_record, index) => current[index] !== undefined && !isPacked(current[index]));
    await db.issues.bulkPut(still);
    const last = (await db.meta.get(PACKED_THROUGH))?.value ?? 0;
    if (through > last) await db.meta.put({ name: PACKED_THROUGH, value: through });
    return still.length;
  });
  return { repacked, through };
}

function isConstraintError(error: unknown): boolean {
  const named = (value: unknown) => typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'ConstraintError';
  return named(error) || named((error as { inner?: unknown } | null)?.inner);
}
