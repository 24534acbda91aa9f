import { describe, expect, it } from 'vitest';
import { issueNumberOfHash, startEarlyIssueRead, takeEarlyIssueRead } from '@/lib/history/early-read';
import { testDb } from '../../support/db';

describe("the new tab's early read (entrypoints/first-read.ts → lib/history/early-read.ts)", () => {
  it('reads the issue the address names from the address alone', () => {
    expect(issueNumberOfHash('')).toBeUndefined();
    expect(issueNumberOfHash('#/issue/3')).toBe(3);
    expect(issueNumberOfHash('#/issue/0012')).toBe(12);
    for (const hash of ['#/issue/', '#/issue/3/x', '#/issue/-1', '#/issue/1e3', '#/issue/1234567890', '#issue/3']) expect(issueNumberOfHash(hash), hash).toBeUndefined();
  });

  it('hands the page one read, once; none when the early script did not run', async () => {
    const scope = {};
    expect(takeEarlyIssueRead(scope)).toBeUndefined();
    // The real database name: in this test's fake IndexedDB it does not exist, and must not be created.
    startEarlyIssueRead('#/issue/2', scope);
    const read = takeEarlyIssueRead(scope);
    expect(read).toBeInstanceOf(Promise);
    expect(takeEarlyIssueRead(scope)).toBeUndefined();
    expect(await read).toBeUndefined();
    expect((await indexedDB.databases()).map((database) => database.name)).not.toContain('ai-morning-post');
  });

  it('reads the named issue from the database the worker wrote', async () => {
    const db = testDb();
    await db.table('issues').bulkAdd([
      { number: 1, publishedAt: 10 },
      { number: 2, publishedAt: 20 },
    ]);
    const scope = {};
    // The early script reads the real database name; this test points it at its own.
    startEarlyIssueRead('#/issue/1', scope, db.name);
    expect((await takeEarlyIssueRead(scope))?.record).toEqual({ number: 1, publishedAt: 10 });
    startEarlyIssueRead('', scope, db.name);
    const latest = await takeEarlyIssueRead(scope);
    expect(latest?.record).toEqual({ number: 2, publishedAt: 20 });
    expect(latest?.latestNumber).toBe(2);
  });
});
