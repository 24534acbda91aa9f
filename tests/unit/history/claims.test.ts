import { describe, expect, it } from 'vitest';
import { CLAIM_MS, claimSource, releaseClaim } from '@/lib/history/claims';
import { testDb } from '../../support/db';

const T0 = Date.parse('2026-11-27T07:00:00Z');
const never = () => undefined;

describe('a source’s claim', () => {
  it('lets one worker go; another is told to wait until it lapses, 90 s on, or is released', async () => {
    const db = testDb();
    expect(CLAIM_MS).toBe(90_000);
    expect(await claimSource(db, 'hf-models', T0, never)).toEqual({ claimed: true, status: undefined, until: Date.parse('2026-11-27T07:01:30Z') });
    expect(await claimSource(db, 'hf-models', T0 + 1_000, never)).toEqual({ claimed: false, status: undefined, skip: { reason: 'not-due', until: Date.parse('2026-11-27T07:01:30Z') } });
    // Another source is not held by it.
    expect(await claimSource(db, 'hf-spaces', T0 + 1_000, never)).toMatchObject({ claimed: true });
    // Lapsed: a worker stopped mid-refresh never released it.
    expect(await claimSource(db, 'hf-models', Date.parse('2026-11-27T07:01:30Z'), never)).toMatchObject({ claimed: true, until: Date.parse('2026-11-27T07:03:00Z') });
    await releaseClaim(db, 'hf-models', Date.parse('2026-11-27T07:03:00Z'));
    expect(await claimSource(db, 'hf-models', Date.parse('2026-11-27T07:01:40Z'), never)).toMatchObject({ claimed: true });
  });

  it('is not taken when the source is to be skipped, and the skip is said', async () => {
    const db = testDb();
    await db.sourceStatus.put({ sourceId: 'hf-models', consecutiveFailures: 0, lastAttemptAt: T0 });
    const skip = { reason: 'rate-limited' as const, until: T0 + 5 };
    expect(await claimSource(db, 'hf-models', T0, (status) => (status?.lastAttemptAt === T0 ? skip : undefined))).toEqual({
      claimed: false,
      status: { sourceId: 'hf-models', consecutiveFailures: 0, lastAttemptAt: T0 },
      skip,
    });
    expect(await db.meta.count()).toBe(0);
  });

  it('releasing leaves alone a claim another worker took after this one lapsed', async () => {
    const db = testDb();
    const mine = await claimSource(db, 'hf-models', T0, never);
    const theirs = await claimSource(db, 'hf-models', T0 + CLAIM_MS, never);
    await releaseClaim(db, 'hf-models', mine.claimed ? mine.until : 0);
    expect(await claimSource(db, 'hf-models', T0 + CLAIM_MS + 1, never)).toMatchObject({ claimed: false, skip: { until: theirs.claimed ? theirs.until : 0 } });
  });

  it('a claim further ahead than its length (written before the clock was set back) is not honoured', async () => {
    const db = testDb();
    await claimSource(db, 'hf-models', T0 + 24 * 3_600_000, never);
    expect(await claimSource(db, 'hf-models', T0, never)).toMatchObject({ claimed: true, until: T0 + CLAIM_MS });
  });
});
