import type { MorningPostDB } from './db';
import type { SourceStatus } from '../shared/records';
import type { SourceId } from '../sources/ids';

/**
 * A source's refresh claimed in the database, so that two workers sharing it
 * make one request between them (issue #9, "20 concurrent triggers make one
 * request per source"). One worker's own wakes already share a run
 * (lib/background/single-flight.ts); a second worker over the same database —
 * the browser restarted the background while the first was still finishing,
 * or Firefox's background page beside a stale one — does not share memory, only
 * the database. IndexedDB runs read-write transactions over the same store one
 * at a time, so reading the status, deciding and claiming in one transaction
 * lets exactly one of them go.
 *
 * A claim is a `meta` record (`claim:<source>`, value: when it lapses). It
 * lapses on its own: a worker stopped mid-refresh never releases its claim, and
 * the next wake — at the earliest the watchdog, two minutes on
 * (lib/background/worker.ts) — must find it gone. A refresh takes at most the
 * request's time budget (20 s, lib/background/fetch-source.ts) plus parsing and
 * one write.
 */
export const CLAIM_MS = 90_000;

const claimName = (sourceId: SourceId) => `claim:${sourceId}`;

export type ClaimResult<Skip> =
  | { claimed: true; status: SourceStatus | undefined; until: number }
  | { claimed: false; status: SourceStatus | undefined; skip: Skip | { reason: 'not-due'; until: number } };

/**
 * Reads the source's status and, unless `skipReason` says to skip it or
 * another worker holds an unlapsed claim, claims it until `now + CLAIM_MS`.
 * Another's claim reads as "not due" until it lapses: the source is being
 * refreshed right now.
 */
export async function claimSource<Skip>(
  db: MorningPostDB,
  sourceId: SourceId,
  now: number,
  skipReason: (status: SourceStatus | undefined) => Skip | undefined,
): Promise<ClaimResult<Skip>> {
  return db.transaction('rw', [db.sourceStatus, db.meta], async () => {
    const [status, claim] = await Promise.all([db.sourceStatus.get(sourceId), db.meta.get(claimName(sourceId))]);
    const skip = skipReason(status);
    if (skip !== undefined) return { claimed: false, status, skip };
    // A claim further off than its own length was written by a clock since set back: it is not honoured.
    if (claim && claim.value > now && claim.value <= now + CLAIM_MS) {
      return { claimed: false, status, skip: { reason: 'not-due', until: claim.value } };
    }
    const until = now + CLAIM_MS;
    await db.meta.put({ name: claimName(sourceId), value: until });
    return { claimed: true, status, until };
  });
}

/** Lets go of a claim this worker holds (one that lapsed and was taken by another worker is left alone). */
export async function releaseClaim(db: MorningPostDB, sourceId: SourceId, until: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    if ((await db.meta.get(claimName(sourceId)))?.value === until) await db.meta.delete(claimName(sourceId));
  });
}
