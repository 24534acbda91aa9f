import { onTestFinished } from 'vitest';
import { MorningPostDB } from '@/lib/history/db';

/** A fresh database over fake-indexeddb (tests/unit/setup.ts), one per test. */
export function freshDb(): MorningPostDB {
  return new MorningPostDB(`test-${crypto.randomUUID()}`);
}

/**
 * The running test's own database: fresh, and deleted when the test finishes,
 * whether it passed, failed or timed out. Call it inside the test (never at
 * module level or in `beforeAll`), so that a test still running after its
 * timeout can only write into its own, deleted, database and never into the
 * next test's.
 */
export function testDb(): MorningPostDB {
  const db = freshDb();
  onTestFinished(() => db.delete());
  return db;
}
