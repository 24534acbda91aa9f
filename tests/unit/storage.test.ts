import { afterAll, describe, expect, it, vi } from 'vitest';
import type { RefreshTrigger } from '@/lib/background/refresh';
import { createWorker } from '@/lib/background/worker';
import type { MorningPostDB } from '@/lib/history/db';
import { issueNumbers, pruneIssues } from '@/lib/history/issues';
import { DEFAULT_RETENTION, pruneIfDue, QUOTA_RETENTION } from '@/lib/history/retention';
import type { SourceOutcome } from '@/lib/shared/messages';
import { SETTINGS_KEY } from '@/lib/shared/settings';
import { SOURCES } from '@/lib/sources';
import { SOURCE_IDS, type SourceId } from '@/lib/sources/ids';
import { RecordingBadge } from '../support/badge';
import { testDb } from '../support/db';
import { testBrowser, type OwnBrowser } from '../support/fake-browser';
import { inconsistencies } from '../support/invariants';
import { ownFetch } from '../support/own-fetch';
import { diskThatFills } from '../support/quota';

/**
 * Storage (issue #9): issues are pruned too (a year kept), and a full disk is
 * met by thinning the history and the archive (lib/history/retention.ts
 * QUOTA_RETENTION), never losing the latest issue or any source's last good
 * list. The disk is tests/support/quota.ts: once full, every write is refused
 * with QuotaExceededError until something is deleted.
 */
const DAY = 24 * 3_600_000;
const T = Date.parse('2026-11-27T07:00:00Z');
const ZONE = 'UTC';

describe('the archive', () => {
  it('keeps a year of issues; older ones go at the daily prune, never the latest', async () => {
    const db = testDb();
    expect(DEFAULT_RETENTION.issueDays).toBe(365);
    // Issue records only need their number and time here: the table's keys are all pruning reads.
    const published = [T - 400 * DAY, T - 366 * DAY, T - 364 * DAY, T - 10 * DAY, T - DAY];
    await db.issues.bulkAdd(published.map((publishedAt, index) => ({ number: index + 1, publishedAt }) as never));
    expect(await pruneIfDue(db, T, DEFAULT_RETENTION, ZONE)).toMatchObject({ deletedIssues: 2 });
    expect(await issueNumbers(db)).toEqual([3, 4, 5]);
  });

  it('never deletes the latest issue, however old', async () => {
    const db = testDb();
    await db.issues.bulkAdd([{ number: 1, publishedAt: T - 500 * DAY } as never, { number: 2, publishedAt: T - 400 * DAY } as never]);
    expect(await pruneIssues(db, T - 365 * DAY)).toBe(1);
    expect(await issueNumbers(db)).toEqual([2]);
    expect(await pruneIssues(db, T)).toBe(0);
    expect(await issueNumbers(db)).toEqual([2]);
  });

  it('the quota levels: three months, then only what the issue reads', () => {
    expect(QUOTA_RETENTION).toEqual([
      { denseDays: 1, keepDays: 90, fullDetailDays: 30, issueDays: 90, keepViews: true },
      { denseDays: 1, keepDays: 8, fullDetailDays: 30, issueDays: 7, keepViews: true },
    ]);
  });
});

interface Wake {
  /** Days before T (0: T itself, the wake that meets the full disk). */
  daysAgo: number;
  trigger: RefreshTrigger;
  /** Sources the reader has turned off for this wake. */
  off?: SourceId[];
}

interface QuotaCase {
  name: string;
  history: Wake[];
  /** The disk fills before the last wake: every table, or only these; `stuck`: deleting frees nothing. */
  fill: { tables?: string[]; stuck?: boolean };
  last: Wake;
  /** Issue numbers after it, by hand. */
  issues: number[];
  /** What the last wake's refresh did for every source it asked. */
  outcome: 'stored' | 'storage failure';
}

const CASES: QuotaCase[] = [
  {
    name: 'a refresh meets a full disk; history and issues older than three months make room',
    history: [{ daysAgo: 120, trigger: 'install' }, { daysAgo: 100, trigger: 'morning' }, { daysAgo: 1, trigger: 'morning' }],
    fill: {},
    last: { daysAgo: 0, trigger: 'morning' },
    // No. 1 and No. 2 (120 and 100 days old) made room; No. 3 stays; No. 4 is today's.
    issues: [3, 4],
    outcome: 'stored',
  },
  {
    name: 'publishing meets a full disk; old issues make room',
    history: [{ daysAgo: 120, trigger: 'install' }, { daysAgo: 100, trigger: 'morning' }, { daysAgo: 1, trigger: 'morning' }],
    fill: { tables: ['issues'] },
    last: { daysAgo: 0, trigger: 'morning' },
    issues: [3, 4],
    outcome: 'stored',
  },
  {
    name: 'the only issue left to delete is the latest, 110 days old (the browser closed since)',
    history: [{ daysAgo: 120, trigger: 'install' }, { daysAgo: 110, trigger: 'morning' }],
    fill: {},
    last: { daysAgo: 0, trigger: 'morning' },
    issues: [2, 3],
    outcome: 'stored',
  },
  {
    name: 'a source turned off 100 days ago keeps its last list',
    history: [{ daysAgo: 120, trigger: 'install' }, { daysAgo: 100, trigger: 'morning', off: ['hf-spaces'] }, { daysAgo: 1, trigger: 'morning', off: ['hf-spaces'] }],
    fill: {},
    last: { daysAgo: 0, trigger: 'morning', off: ['hf-spaces'] },
    issues: [3, 4],
    outcome: 'stored',
  },
  {
    name: 'a young database: nothing to delete, every write refused',
    history: [{ daysAgo: 1, trigger: 'install' }],
    fill: {},
    last: { daysAgo: 0, trigger: 'morning' },
    issues: [1],
    outcome: 'storage failure',
  },
  {
    name: 'the disk stays full whatever is deleted: both levels tried, the paper kept',
    history: [{ daysAgo: 120, trigger: 'install' }, { daysAgo: 30, trigger: 'morning' }, { daysAgo: 1, trigger: 'morning' }],
    fill: { stuck: true },
    last: { daysAgo: 0, trigger: 'morning' },
    // The second level keeps a week of issues: No. 2 (30 days) goes with No. 1; No. 3, the latest, stays.
    issues: [3],
    outcome: 'storage failure',
  },
];

const tally = { cases: 0, refused: 0, latestIssuesLost: 0, listsLost: 0, inconsistent: 0 };
afterAll(() => {
  console.info(
    `storage: ${tally.cases} quota cases, ${tally.refused} writes refused for quota, ${tally.latestIssuesLost} latest issues lost, ${tally.listsLost} last good lists lost, ${tally.inconsistent} inconsistent databases`,
  );
  expect(tally).toMatchObject({ latestIssuesLost: 0, listsLost: 0, inconsistent: 0 });
});

async function wake(db: MorningPostDB, browser: OwnBrowser, { daysAgo, trigger, off = [] }: Wake): Promise<SourceOutcome[]> {
  await browser.sync.set({ [SETTINGS_KEY]: { version: 3, sources: Object.fromEntries(SOURCE_IDS.map((id) => [id, !off.includes(id)])) } });
  const at = T - daysAgo * DAY;
  const worker = createWorker({ db, fetch: ownFetch().fetch, now: () => at, random: () => 0.5, sources: Object.values(SOURCES), alarms: browser.alarms, settings: browser.sync, local: browser.local, action: new RecordingBadge(), timeZone: () => ZONE });
  return worker.wake(trigger);
}

/** What the reader sees: the latest issue, whole, and each source's list. */
async function paper(db: MorningPostDB) {
  return { latest: await db.issues.orderBy('number').last(), lists: new Map((await db.lists.toArray()).map((list) => [list.sourceId, list])) };
}

describe('a full disk', () => {
  it.each(CASES)('$name', async (quota) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = testDb();
    const disk = diskThatFills();
    db.use(disk.middleware);
    const browser = testBrowser();
    for (const step of quota.history) await wake(db, browser, step);
    const before = await paper(db);

    disk.fill(quota.fill);
    const outcomes = await wake(db, browser, quota.last);
    tally.cases++;
    tally.refused += disk.refused;
    expect(disk.refused).toBeGreaterThan(0);
    const after = await paper(db);

    // The latest issue: the same record, or a newer issue.
    const latestLost = !after.latest || after.latest.number < before.latest!.number || (after.latest.number === before.latest!.number && JSON.stringify(after.latest) !== JSON.stringify(before.latest));
    if (latestLost) tally.latestIssuesLost++;
    // Every source's last good list: still there, as it was or newer.
    const listsLost = [...before.lists.values()].filter((list) => {
      const now = after.lists.get(list.sourceId);
      return !now || now.fetchedAt < list.fetchedAt || now.rows.length === 0;
    });
    tally.listsLost += listsLost.length;
    const problems = await inconsistencies(db, ZONE);
    if (problems.length > 0) tally.inconsistent++;

    expect(latestLost).toBe(false);
    expect(listsLost.map((list) => list.sourceId)).toEqual([]);
    expect(problems).toEqual([]);
    expect(await issueNumbers(db)).toEqual(quota.issues);
    const asked = outcomes.filter((outcome) => outcome.result !== 'skipped');
    expect(asked.length).toBeGreaterThan(0);
    if (quota.outcome === 'stored') expect(asked.map((outcome) => outcome.result)).toEqual(asked.map(() => 'stored'));
    else expect(asked.map((outcome) => outcome.result === 'failed' && outcome.failure.kind)).toEqual(asked.map(() => 'storage'));
  });
});
