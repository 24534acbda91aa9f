import { describe, expect, it } from 'vitest';
import type { SourceWindow } from '@/lib/issue/inputs';
import { labSweepDetector } from '@/lib/issue/stories/lab-sweep';
import { checkStoryClaims } from '../../../support/oracle/stories';
import { day, factsFor, failing, H, inputsFor, T, type ItemSpec, windowOf } from './support';

// A lab's sweep (lib/issue/stories/lab-sweep.ts): one owner holding 3 of the top 5 or 5 of the top 10, a level up since yesterday.
const items: Record<number, ItemSpec> = {
  1: { itemId: 'a/one' },
  2: { itemId: 'a/two' },
  3: { itemId: 'a/three' },
  4: { itemId: 'a/four' },
  5: { itemId: 'a/five' },
  6: { itemId: 'b/one' },
  7: { itemId: 'c/one' },
  8: { itemId: 'd/one' },
  9: { itemId: 'e/one' },
  10: { itemId: 'f/one' },
  11: { itemId: 'g/one' },
  12: { itemId: 'h/one' },
  // A legacy one-part id has no owner.
  13: { itemId: 'gpt2' },
};
// Yesterday: a holds No. 1 and No. 4 (2 of the top 5, 2 of the top 10).
const YESTERDAY = [1, 6, 7, 2, 8, 9, 10, 11, 12, 13];
// Today: a holds No. 1, 2 and 4 (3 of the top 5; 3 of the top 10).
const TODAY = [1, 2, 6, 3, 7, 8, 9, 10, 11, 12];

const detect = (window: SourceWindow, extra = {}) => {
  const found = labSweepDetector.detect(factsFor([window], extra));
  const verdict = checkStoryClaims(found.flatMap((story) => story.claims), inputsFor([window], extra), { aiRepositories: new Set() });
  expect(verdict.problems).toEqual([]);
  return found;
};

describe('a lab sweep', () => {
  it('is told the day an owner takes 3 of the top 5, having held 2 yesterday', () => {
    const found = detect(windowOf('hf-models', items, [[day(1), YESTERDAY], [day(0), TODAY]]));
    console.info('lab sweep:', JSON.stringify(found.map((story) => [story.milestone, story.score])));
    expect(found).toEqual([
      {
        kind: 'lab-sweep',
        sourceId: 'hf-models',
        subject: 'a',
        claims: [
          { kind: 'owner-count', sourceId: 'hf-models', at: T, top: 5, owner: 'a', itemIds: ['a/one', 'a/two', 'a/three'], printed: ['3', '5'] },
          { kind: 'owner-count', sourceId: 'hf-models', at: day(1), top: 5, owner: 'a', itemIds: ['a/one', 'a/two'], printed: ['2', '5'] },
        ],
        // 50 + 10 × 0 + 3 × 3.
        score: 59,
        milestone: 'lab-sweep:hf-models:a:1',
      },
    ]);
  });

  it('is told by the top 10 when the owner holds 5 of them but only 2 of the top 5', () => {
    const found = detect(windowOf('hf-models', items, [[day(1), YESTERDAY], [day(0), [1, 6, 2, 7, 8, 3, 4, 5, 9, 10]]]));
    expect(found.map((story) => [story.claims, story.score])).toEqual([
      [
        [
          { kind: 'owner-count', sourceId: 'hf-models', at: T, top: 10, owner: 'a', itemIds: ['a/one', 'a/two', 'a/three', 'a/four', 'a/five'], printed: ['5', '10'] },
          { kind: 'owner-count', sourceId: 'hf-models', at: day(1), top: 10, owner: 'a', itemIds: ['a/one', 'a/two'], printed: ['2', '10'] },
        ],
        // 50 + 0 + 3 × 5.
        65,
      ],
    ]);
  });

  it('is not told just below the thresholds: 2 of the top 5 and 4 of the top 10', () => {
    expect(detect(windowOf('hf-models', items, [[day(1), YESTERDAY], [day(0), [1, 6, 2, 7, 8, 3, 4, 9, 10, 11]]]))).toEqual([]);
  });

  it('is not told the day after (yesterday already 3 of 5), and is told again when it deepens to 4 of 5', () => {
    expect(detect(windowOf('hf-models', items, [[day(2), YESTERDAY], [day(1), TODAY], [day(0), TODAY]]))).toEqual([]);
    const deeper = detect(windowOf('hf-models', items, [[day(1), TODAY], [day(0), [1, 2, 3, 6, 4, 7, 8, 9, 10, 11]]]));
    expect(deeper.map((story) => [story.milestone, story.score, story.claims.map((claim) => claim.printed)])).toEqual([
      // 50 + 10 × 1 + 3 × 4.
      ['lab-sweep:hf-models:a:2', 72, [['4', '5'], ['3', '5']]],
    ]);
  });

  it('is not told without yesterday\'s list, from a failing source, or from a list older than 36 hours', () => {
    expect(detect(windowOf('hf-models', items, [[day(0), TODAY]]))).toEqual([]);
    expect(detect(windowOf('hf-models', items, [[day(1), YESTERDAY], [day(0), TODAY]], failing))).toEqual([]);
    expect(detect(windowOf('hf-models', items, [[day(1), YESTERDAY], [day(0), TODAY]]), { now: T + 37 * H })).toEqual([]);
  });

  it('counts the rows the reader sees: with a\'s No. 2 hidden by a task filter, 2 of the top 5 is no sweep', () => {
    const hidden = { ...items, 2: { itemId: 'a/two', task: 'text-to-image' } };
    const filters = { ...inputsFor([]).filters, hfTasks: { include: [], hide: ['text-to-image'] } };
    expect(detect(windowOf('hf-models', hidden, [[day(1), YESTERDAY], [day(0), TODAY]]), { filters })).toEqual([]);
  });
});
