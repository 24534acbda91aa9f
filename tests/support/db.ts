import { MorningPostDB } from '@/lib/history/db';

/** A fresh database over fake-indexeddb (tests/unit/setup.ts), one per test. */
export function freshDb(): MorningPostDB {
  return new MorningPostDB(`test-${crypto.randomUUID()}`);
}
