import { describe, expect, it } from 'vitest';
import { packIssue, unpackIssue } from '@/lib/history/issue-codec';
import { latestIssue, storeEditedText, storeIssue } from '@/lib/history/issues';
import { handIssue } from '../../support/hand-issue';
import { testDb } from '../../support/db';

/** The edit stored beside the template (issue #12): the same record format, no new schema version. */

const template = handIssue();
const edited = handIssue({
  lead: { ...template.lead, edited: { paragraphs: ['Qwen/Qwen3.8-27B holds the top of the list.', 'It is No. 1 of the trending models.'] } },
  analysis: [{ ...template.analysis[0]!, edited: { paragraphs: ['Text generation is 12 of the top 30.'] } }],
});

describe('an edited issue, stored', () => {
  it('comes back whole, the edit after the claims, in the order the codec keeps', async () => {
    const back = await unpackIssue(await packIssue(edited));
    expect(back).toEqual(edited);
    expect(Object.keys(back.lead)).toEqual(['kicker', 'headline', 'standfirst', 'paragraphs', 'claims', 'edited']);
    expect(Object.keys(back.analysis[0]!)).toEqual(['kicker', 'headline', 'paragraphs', 'claims', 'edited']);
  });

  it('is written over the stored template with the same first screen', async () => {
    const db = testDb();
    expect(await storeIssue(db, template)).toBe(true);
    const before = await db.issues.get(template.number);
    expect(await storeEditedText(db, edited)).toBe(true);
    const after = await db.issues.get(template.number);
    expect(after && 'front' in after ? after.front : undefined).toEqual(before && 'front' in before ? before.front : undefined);
    expect(await latestIssue(db)).toEqual(edited);
  });

  it('is not written where that issue is no longer stored as published', async () => {
    const db = testDb();
    expect(await storeEditedText(db, edited)).toBe(false);
    expect(await db.issues.count()).toBe(0);
    await storeIssue(db, { ...template, publishedAt: template.publishedAt + 1 });
    expect(await storeEditedText(db, edited)).toBe(false);
    expect((await latestIssue(db))?.lead.edited).toBeUndefined();
  });
});
