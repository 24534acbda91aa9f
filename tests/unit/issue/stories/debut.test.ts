import { describe, expect, it } from 'vitest';
import { debutDetector } from '@/lib/issue/stories/debut';
import { day, factsFor, failing, models, T, windowOf } from './support';

// A high debut (lib/issue/stories/debut.ts): new into the top 10, never seen before, created recently when the source says.
const yesterday = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

describe('high debut', () => {
  it('is told for a new model straight into No. 2, first seen today, created three days ago', () => {
    const items = models(12, { 12: { firstSeenAt: T, createdAt: '2026-11-25T10:00:00.000Z' } });
    const facts = factsFor([windowOf('hf-models', items, [[day(2), yesterday], [day(1), yesterday], [day(0), [1, 12, 2, 3, 4, 5, 6, 7, 8, 9, 10]]])]);
    const found = debutDetector.detect(facts);
    console.info('debut:', JSON.stringify(found.map((story) => [story.milestone, story.score])));
    expect(found).toEqual([
      {
        kind: 'high-debut',
        sourceId: 'hf-models',
        subject: 'lab/m12',
        claims: [{ kind: 'debut', sourceId: 'hf-models', itemId: 'lab/m12', sinceAt: day(2), at: T, rank: 2, firstSeenAt: T, createdAt: '2026-11-25T10:00:00.000Z', printed: ['2'] }],
        // 60 + 3 × (11 − 2) = 60 + 27.
        score: 87,
        milestone: `high-debut:hf-models:lab/m12:${T}`,
      },
    ]);
  });

  it('scores a debut at No. 1 at 90 and one at No. 10 at 63; No. 11 is not told', () => {
    const items = models(14, { 12: { firstSeenAt: T }, 13: { firstSeenAt: T }, 14: { firstSeenAt: T } });
    const facts = factsFor([windowOf('hf-models', items, [[day(1), yesterday], [day(0), [12, 1, 2, 3, 4, 5, 6, 7, 8, 13, 14]]])]);
    expect(debutDetector.detect(facts).map((story) => [story.subject, story.score])).toEqual([
      ['lab/m12', 90],
      ['lab/m13', 63],
    ]);
  });

  it('is not told for an old model returning (created two months ago), whatever its first sighting', () => {
    const items = models(12, { 12: { firstSeenAt: T, createdAt: '2026-09-20T00:00:00.000Z' } });
    const facts = factsFor([windowOf('hf-models', items, [[day(1), yesterday], [day(0), [12, 1, 2]]])]);
    expect(debutDetector.detect(facts)).toEqual([]);
  });

  it('is not told for an item in an earlier list of the window, or first seen before the previous list', () => {
    const items = models(12, { 12: { firstSeenAt: day(3) } });
    // In Wednesday's list, out Thursday and Friday, back today: a return.
    const back = factsFor([windowOf('hf-models', { ...items, 12: { itemId: 'lab/m12', firstSeenAt: day(3) } }, [[day(3), [12, 1]], [day(2), yesterday], [day(1), yesterday], [day(0), [12, 1, 2]]])]);
    // Not in any list of the window, but the catalog saw it three days ago (a list since thinned).
    const thinned = factsFor([windowOf('hf-models', items, [[day(1), yesterday], [day(0), [12, 1, 2]]])]);
    expect(debutDetector.detect(back)).toEqual([]);
    expect(debutDetector.detect(thinned)).toEqual([]);
  });

  it('is not told on the first day of history, nor from a failing source', () => {
    const items = models(12, { 12: { firstSeenAt: T } });
    expect(debutDetector.detect(factsFor([windowOf('hf-models', items, [[day(0), [12, 1, 2]]])]))).toEqual([]);
    // A list only 10 hours older is no day's baseline: nothing is new against it.
    expect(debutDetector.detect(factsFor([windowOf('hf-models', items, [[T - 10 * 3_600_000, yesterday], [day(0), [12, 1, 2]]])]))).toEqual([]);
    expect(debutDetector.detect(factsFor([windowOf('hf-models', items, [[day(1), yesterday], [day(0), [12, 1, 2]]], failing)]))).toEqual([]);
  });
});
