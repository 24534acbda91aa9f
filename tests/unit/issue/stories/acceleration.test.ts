import { describe, expect, it } from 'vitest';
import type { SourceWindow } from '@/lib/issue/inputs';
import { accelerationDetector } from '@/lib/issue/stories/acceleration';
import { checkStoryClaims } from '../../../support/oracle/stories';
import { day, factsFor, failing, H, inputsFor, models, T, windowOf } from './support';

// Acceleration against the item's own pace (lib/issue/stories/acceleration.ts).
const items = models(3);
const AI = new Set(['lab/fast-llm']);

/** One list a day from day(7) to today, m1 first with these likes, m2 and m3 flat at 500 and 10. */
function likes(m1: (number | null)[]): SourceWindow {
  return windowOf(
    'hf-models',
    items,
    m1.map((value, index): [number, number[], { likes: (number | null)[] }] => [day(7 - index), [1, 2, 3], { likes: [value, 500, 10] }]),
  );
}

const detect = (window: SourceWindow, extra = {}) => {
  const found = accelerationDetector.detect(factsFor([window], extra));
  const verdict = checkStoryClaims(found.flatMap((story) => story.claims), inputsFor([window], extra), { aiRepositories: AI });
  expect(verdict.problems).toEqual([]);
  return found;
};

describe('acceleration', () => {
  it('is told when the last day\'s likes are 6× the week\'s pace: 120 against 20 a day', () => {
    // 1000 on Sat 21, +20 a day to 1120 on Fri 27, then +120 today.
    const found = detect(likes([1000, 1020, 1040, 1060, 1080, 1100, 1120, 1240]));
    console.info('acceleration:', JSON.stringify(found.map((story) => [story.milestone, story.score])));
    expect(found).toEqual([
      {
        kind: 'acceleration',
        sourceId: 'hf-models',
        subject: 'lab/m1',
        claims: [
          {
            kind: 'acceleration',
            sourceId: 'hf-models',
            itemId: 'lab/m1',
            metric: 'likes',
            fromAt: day(7),
            midAt: day(1),
            toAt: T,
            fromValue: 1000,
            midValue: 1120,
            toValue: 1240,
            earlierPerDay: 20,
            recentPerDay: 120,
            times: 6,
            printed: ['120', '20', '6'],
          },
        ],
        // 40 + 10 × 1 (5×) + min(20, 6).
        score: 56,
        milestone: 'acceleration:hf-models:lab/m1:5',
      },
    ]);
  });

  it('is told at exactly 3× (120 against 40), not at 2.98× (119 against 40)', () => {
    expect(detect(likes([1000, 1040, 1080, 1120, 1160, 1200, 1240, 1360])).map((story) => [story.milestone, story.score])).toEqual([
      // 40 + 0 + 3.
      ['acceleration:hf-models:lab/m1:3', 43],
    ]);
    expect(detect(likes([1000, 1040, 1080, 1120, 1160, 1200, 1240, 1359]))).toEqual([]);
  });

  it('never fires on small counts: 2 a day becoming 50, or 9 a day becoming 100', () => {
    expect(detect(likes([10, 12, 14, 16, 18, 20, 22, 72]))).toEqual([]);
    expect(detect(likes([1000, 1009, 1018, 1027, 1036, 1045, 1054, 1154]))).toEqual([]);
  });

  it('is not told the day after when the ratio stays under the next milestone (6× yesterday, 4× today)', () => {
    // Yesterday: +120 against 20 a day. Today: +150 against (1220 − 1000) ÷ 6 = 37 a day.
    expect(detect(likes([1000, 1020, 1040, 1060, 1080, 1100, 1220, 1370]))).toEqual([]);
  });

  it('leaves out values that are not finite, negative or too large to be exact, and never throws', () => {
    expect(detect(likes([1000, 1020, 1040, 1060, 1080, 1100, 1120, Number.NaN]))).toEqual([]);
    expect(detect(likes([1e300, 1e300, 1e300, 1e300, 1e300, 1e300, 1e300, 2e300]))).toEqual([]);
    expect(detect(likes([-5000, 1020, 1040, 1060, 1080, 1100, 1120, 1240])).map((story) => story.claims[0])).toEqual([
      // The negative Sat 21 is left out: the earlier pace runs from Sun 22, (1120 − 1020) ÷ 5 = 20 a day.
      expect.objectContaining({ fromAt: day(6), fromValue: 1020, earlierPerDay: 20, recentPerDay: 120, times: 6 }),
    ]);
    expect(detect(likes([null, null, null, null, null, 1100, 1120, 1240]))).toEqual([]);
  });

  it('needs two days of earlier pace, a fresh and working source', () => {
    expect(detect(likes([null, null, null, null, null, 1100, 1120, 1240])).length).toBe(0);
    expect(detect(likes([null, null, null, null, 1080, 1100, 1120, 1240])).map((story) => story.milestone)).toEqual(['acceleration:hf-models:lab/m1:5']);
    const window = likes([1000, 1020, 1040, 1060, 1080, 1100, 1120, 1240]);
    expect(detect({ ...window, status: failing })).toEqual([]);
    expect(detect(window, { now: T + 37 * H })).toEqual([]);
  });

  it('reads stars on GitHub: 400 a day against 50 → 8×', () => {
    const repo = { 1: { itemId: 'lab/fast-llm', description: 'Fast LLM inference', language: 'Rust' } };
    const stars = [2000, 2050, 2100, 2150, 2200, 2250, 2300, 2700];
    const window = windowOf('gh-trending-weekly', repo, stars.map((value, index): [number, number[], { stars: number[] }] => [day(7 - index), [1], { stars: [value] }]));
    const found = detect(window);
    expect(found.map((story) => [story.milestone, story.score, story.claims[0]!.printed])).toEqual([
      // round(0.9 × (40 + 10 + 8)) = round(52.2).
      ['acceleration:gh-trending-weekly:lab/fast-llm:5', 52, ['400', '50', '8']],
    ]);
  });
});
