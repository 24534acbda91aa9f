import Dexie from 'dexie';
import { describe, expect, it, onTestFinished } from 'vitest';
import { publishIfDue } from '@/lib/background/publish';
import { MorningPostDB } from '@/lib/history/db';
import { firstScreenOf, isPacked, type IssueRecord } from '@/lib/history/issue-codec';
import {
  countIssuesAfter,
  issueByNumber,
  issueNumbers,
  latestIssue,
  latestIssueHead,
  latestIssueNumber,
  PACKED_THROUGH,
  repackLegacyIssues,
  storeIssue,
} from '@/lib/history/issues';
import { SCHEMA_V3 } from '@/lib/history/schema';
import type { Issue } from '@/lib/shared/issue-types';
import { DEFAULT_SETTINGS } from '@/lib/shared/settings';
import { testDb } from '../../support/db';
import { handIssue } from '../../support/hand-issue';
import { writeWeek } from '../../support/issue-history';

const DAY = 86_400_000;
const T = Date.UTC(2026, 10, 28, 7, 0);
/** Issue `number`, published `number` days after T, with a headline of its own. */
const issueNo = (number: number): Issue => {
  const hand = handIssue();
  return { ...hand, number, publishedAt: T + number * DAY, lead: { ...hand.lead, headline: `Headline of No. ${number}` } };
};
/** As schema v3 stored an issue before issue #8: the Issue itself, straight into the table. */
const storeWhole = (db: MorningPostDB, issue: Issue) => db.issues.add(structuredClone(issue));
const raw = async (db: MorningPostDB, number: number) => (await db.issues.get(number)) as IssueRecord;

describe('storing issues', () => {
  it('stores an issue packed, once: the same number again is refused, not an error, and the first stays', async () => {
    const db = testDb();
    const first = issueNo(1);
    expect(await storeIssue(db, first)).toBe(true);
    expect(isPacked(await raw(db, 1))).toBe(true);
    expect(await storeIssue(db, { ...first, lead: { ...first.lead, headline: 'Another' } })).toBe(false);
    expect(await issueByNumber(db, 1)).toStrictEqual(first);

    // Two at once: the primary key lets one in.
    const second = issueNo(2);
    expect((await Promise.all([storeIssue(db, second), storeIssue(db, second), storeIssue(db, second)])).sort()).toEqual([false, false, true]);
    expect(await issueNumbers(db)).toEqual([1, 2]);
  });

  it('with `follows`, stores only after the issue it was composed after', async () => {
    const db = testDb();
    expect(await storeIssue(db, issueNo(1), { follows: 1 })).toBe(false);
    expect(await storeIssue(db, issueNo(1), { follows: 0 })).toBe(true);
    expect(await storeIssue(db, issueNo(2), { follows: 0 })).toBe(false);
    expect(await storeIssue(db, issueNo(3), { follows: 1 })).toBe(true);
    expect(await issueNumbers(db)).toEqual([1, 3]);
  });

  it('reads the latest, by number, the latest number and the unread count', async () => {
    const db = testDb();
    expect([await latestIssue(db), await latestIssueNumber(db), await latestIssueHead(db), await issueByNumber(db, 1), await countIssuesAfter(db, 0)]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      0,
    ]);
    for (const number of [3, 1, 2]) await storeIssue(db, issueNo(number));
    expect(await latestIssue(db)).toStrictEqual(issueNo(3));
    expect(await issueByNumber(db, 2)).toStrictEqual(issueNo(2));
    expect(await issueByNumber(db, 4)).toBeUndefined();
    expect(await latestIssueNumber(db)).toBe(3);
    expect(await latestIssueHead(db)).toEqual({ number: 3, publishedAt: T + 3 * DAY });
    expect([await countIssuesAfter(db, 0), await countIssuesAfter(db, 1), await countIssuesAfter(db, 3)]).toEqual([3, 2, 0]);
  });
});

describe('issues stored whole before issue #8', () => {
  it('read as they are, beside packed ones', async () => {
    const db = testDb();
    await storeWhole(db, issueNo(1));
    await storeWhole(db, issueNo(2));
    await storeIssue(db, issueNo(3));
    expect(isPacked(await raw(db, 2))).toBe(false);
    expect(await issueByNumber(db, 1)).toStrictEqual(issueNo(1));
    expect(await issueByNumber(db, 3)).toStrictEqual(issueNo(3));
    expect(await latestIssue(db)).toStrictEqual(issueNo(3));
    expect(firstScreenOf(await raw(db, 2))).toStrictEqual({
      number: 2,
      publishedAt: T + 2 * DAY,
      timeZone: 'Europe/Berlin',
      masthead: issueNo(2).masthead,
      lead: { kicker: 'Lead', headline: 'Headline of No. 2', standfirst: 'A week at the top of the models list.' },
      // The popup's movers, from issueNo's: its one climber and its one grower.
      teaser: [
        { sourceId: 'hf-models', itemId: 'Qwen/Qwen3.8-27B', name: 'Qwen/Qwen3.8-27B', rank: 1, isNew: false, climbed: 20 },
        { sourceId: 'gh-trending-weekly', itemId: 'octo/agent', name: 'octo/agent', rank: 1, isNew: false, perDay: 172, metric: 'stars' },
      ],
    });
    // Whole or packed, the first screen is the same.
    await storeIssue(db, issueNo(4));
    await storeWhole(db, { ...issueNo(4), number: 5 });
    expect({ ...firstScreenOf(await raw(db, 5)), number: 4 }).toStrictEqual(firstScreenOf(await raw(db, 4)));
    // Publishing only reads a record's top level: a whole latest issue is enough to know when the next is due.
    expect(await latestIssueHead(db)).toEqual({ number: 5, publishedAt: T + 4 * DAY });
  });

  it('read from a database written by schema v3, whose upgrade to v4 leaves the issues as they are', async () => {
    const name = `v3-${crypto.randomUUID()}`;
    onTestFinished(() => Dexie.delete(name));
    const v3 = new Dexie(name);
    v3.version(3).stores(SCHEMA_V3);
    await v3.table('issues').add(issueNo(1));
    v3.close();

    const db = new MorningPostDB(name);
    onTestFinished(() => db.close());
    expect(await latestIssue(db)).toStrictEqual(issueNo(1));
    expect(db.verno).toBe(4);
    // A new issue beside it is packed; the old one is repacked the next time the worker asks.
    expect(await storeIssue(db, issueNo(2), { follows: 1 })).toBe(true);
    expect(await repackLegacyIssues(db)).toEqual({ repacked: 1, through: 2 });
    expect(isPacked(await raw(db, 1))).toBe(true);
    expect(await issueByNumber(db, 1)).toStrictEqual(issueNo(1));
  });

  it('are repacked a batch a call, oldest first, until every one is packed; then a call reads only newer issues', async () => {
    const db = testDb();
    for (const number of [1, 2, 3, 4, 5]) await storeWhole(db, issueNo(number));
    await storeIssue(db, issueNo(6));
    const packed = async () => {
      const flags: boolean[] = [];
      for (const number of await issueNumbers(db)) flags.push(isPacked(await raw(db, number)));
      return flags;
    };

    expect(await repackLegacyIssues(db, 2)).toEqual({ repacked: 2, through: 2 });
    expect(await packed()).toEqual([true, true, false, false, false, true]);
    expect(await repackLegacyIssues(db, 2)).toEqual({ repacked: 2, through: 4 });
    expect(await repackLegacyIssues(db, 2)).toEqual({ repacked: 1, through: 6 });
    expect(await packed()).toEqual([true, true, true, true, true, true]);
    for (const number of [1, 2, 3, 4, 5, 6]) expect(await issueByNumber(db, number)).toStrictEqual(issueNo(number));
    expect((await db.meta.get(PACKED_THROUGH))?.value).toBe(6);

    expect(await repackLegacyIssues(db, 2)).toEqual({ repacked: 0, through: 6 });
    await storeIssue(db, issueNo(7));
    expect(await repackLegacyIssues(db, 2)).toEqual({ repacked: 0, through: 7 });
  });

  it('leave a record that cannot be packed as it is, and go on past it', async () => {
    const db = testDb();
    await storeWhole(db, issueNo(1));
    const { trending: _trending, ...broken } = issueNo(2);
    await db.issues.add(broken as Issue);
    await storeWhole(db, issueNo(3));
    expect(await repackLegacyIssues(db)).toEqual({ repacked: 2, through: 3 });
    expect([isPacked(await raw(db, 1)), isPacked(await raw(db, 2)), isPacked(await raw(db, 3))]).toEqual([true, false, true]);
    expect(await raw(db, 2)).toStrictEqual(broken);
    expect(await repackLegacyIssues(db)).toEqual({ repacked: 0, through: 3 });
  });
});

describe('publishIfDue, with the issue packed between its transactions', () => {
  const START = Date.UTC(2026, 10, 20, 6, 0);

  it('publishes once when several wakes ask at the same time, on the first day and the next', async () => {
    const db = testDb();
    await writeWeek(db, START, 2, 2);
    const first = START + DAY + 13 * 3_600_000;
    const published = await Promise.all([0, 1, 2, 3].map(() => publishIfDue(db, first, DEFAULT_SETTINGS, 'UTC')));
    const issues = published.filter((issue) => issue !== undefined);
    expect(issues.map((issue) => issue.number)).toEqual([1]);
    expect(await issueNumbers(db)).toEqual([1]);
    expect(await issueByNumber(db, 1)).toStrictEqual(issues[0]);

    // Later the same day: not due. The next morning: once more, once.
    expect(await publishIfDue(db, first + 3_600_000, DEFAULT_SETTINGS, 'UTC')).toBeUndefined();
    const next = START + 2 * DAY + 8 * 3_600_000;
    const again = (await Promise.all([0, 1, 2].map(() => publishIfDue(db, next, DEFAULT_SETTINGS, 'UTC')))).filter((issue) => issue !== undefined);
    expect(again.map((issue) => issue.number)).toEqual([2]);
    expect(await issueNumbers(db)).toEqual([1, 2]);
    expect(await latestIssue(db)).toStrictEqual(again[0]);
  });

  it('numbers the next issue after a latest one stored whole', async () => {
    const db = testDb();
    await writeWeek(db, START, 2, 2);
    await storeWhole(db, { ...issueNo(4), publishedAt: START });
    const issue = await publishIfDue(db, START + DAY + 13 * 3_600_000, DEFAULT_SETTINGS, 'UTC');
    expect(issue?.number).toBe(5);
    expect(await issueNumbers(db)).toEqual([4, 5]);
    expect(isPacked(await raw(db, 5))).toBe(true);
  });
});
