import { describe, expect, it } from 'vitest';
import { streakDetector } from '@/lib/issue/stories/streak';
import { day, factsFor, failing, H, models, T, windowOf } from './support';

// A streak at No. 1 (lib/issue/stories/streak.ts): told on days 1, 3, 7… of a streak whose start is known.
const items = models(4);

describe('streak at No. 1', () => {
  it('is told on its third day, with the day before it as its known start', () => {
    // Wed 25: m2 first; Thu 26, Fri 27, Sat 28 (today): m1 first → 3 days, the day before known.
    const facts = factsFor([windowOf('hf-models', items, [[day(3), [2, 1, 3]], [day(2), [1, 2, 3]], [day(1), [1, 3, 2]], [day(0), [1, 2, 3]]])]);
    const found = streakDetector.detect(facts);
    console.info('streak day 3:', JSON.stringify(found.map((story) => [story.milestone, story.score])));
    expect(found).toEqual([
      {
        kind: 'streak-at-one',
        sourceId: 'hf-models',
        subject: 'lab/m1',
        claims: [{ kind: 'streak', sourceId: 'hf-models', itemId: 'lab/m1', beforeAt: day(3), fromAt: day(2), toAt: T, days: 3, printed: ['1', '3'] }],
        // 50 + 5 × 1 (3 is milestone index 1 of 1, 3, 7, 14, 30).
        score: 55,
        milestone: 'streak-at-one:hf-models:lab/m1:3',
      },
    ]);
  });

  it('is told on its first day: a new No. 1', () => {
    const facts = factsFor([windowOf('hf-models', items, [[day(1), [2, 1]], [day(0), [1, 2]]])]);
    expect(streakDetector.detect(facts).map((story) => [story.milestone, story.score, story.claims[0]!.printed])).toEqual([['streak-at-one:hf-models:lab/m1:1', 50, ['1', '1']]]);
  });

  it('is not told between milestones (day 2, day 4)', () => {
    const two = factsFor([windowOf('hf-models', items, [[day(2), [2, 1]], [day(1), [1, 2]], [day(0), [1, 2]]])]);
    const four = factsFor([windowOf('hf-models', items, [[day(4), [2, 1]], [day(3), [1, 2]], [day(2), [1, 2]], [day(1), [1, 2]], [day(0), [1, 2]]])]);
    expect(streakDetector.detect(two)).toEqual([]);
    expect(streakDetector.detect(four)).toEqual([]);
  });

  it('is not told when its start is unknown: No. 1 since the history began, or a day without a list', () => {
    const fromStart = factsFor([windowOf('hf-models', items, [[day(2), [1, 2]], [day(1), [1, 2]], [day(0), [1, 2]]])]);
    // Wed m2 first, Thu no list, Fri and Sat m1 first: 2 or 3 days, unknown.
    const gap = factsFor([windowOf('hf-models', items, [[day(3), [2, 1]], [day(1), [1, 2]], [day(0), [1, 2]]])]);
    const firstDay = factsFor([windowOf('hf-models', items, [[day(0), [1, 2]]])]);
    expect(streakDetector.detect(fromStart)).toEqual([]);
    expect(streakDetector.detect(gap)).toEqual([]);
    expect(streakDetector.detect(firstDay)).toEqual([]);
  });

  it('counts calendar days, the last list of each day', () => {
    // Fri 06:00 m1 first, Fri 20:00 m2 first (Friday's last list), Sat m1 first: a new No. 1 today, day 1.
    const facts = factsFor([windowOf('hf-models', items, [[day(1), [1, 2]], [day(1) + 14 * H, [2, 1]], [day(0), [1, 2]]])]);
    expect(streakDetector.detect(facts).map((story) => story.claims[0])).toEqual([
      { kind: 'streak', sourceId: 'hf-models', itemId: 'lab/m1', beforeAt: day(1) + 14 * H, fromAt: T, toAt: T, days: 1, printed: ['1', '1'] },
    ]);
  });

  it('is not told from a failing or a stale source', () => {
    const lists: [number, number[]][] = [[day(1), [2, 1]], [day(0), [1, 2]]];
    expect(streakDetector.detect(factsFor([windowOf('hf-models', items, lists, failing)]))).toEqual([]);
    // Published 37 hours after the latest list (the limit is 36).
    expect(streakDetector.detect(factsFor([windowOf('hf-models', items, lists)], { now: T + 37 * H }))).toEqual([]);
    expect(streakDetector.detect(factsFor([windowOf('hf-models', items, lists)], { now: T + 35 * H }))).toHaveLength(1);
  });
});
