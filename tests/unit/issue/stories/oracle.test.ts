import { describe, expect, it } from 'vitest';
import { factsOf } from '@/lib/issue/facts';
import { storiesOf, type StoryClaim } from '@/lib/issue/stories';
import type { SourceWindow } from '@/lib/issue/inputs';
import { GH_AI, github, s1, ties } from '../../../support/oracle/histories';
import { checkStoryClaims } from '../../../support/oracle/stories';
import { day, inputsFor, models, T, type ItemSpec, windowOf } from './support';

// The claim oracle over the story detectors' claims (tests/support/oracle/stories.ts): every claim found on
// hand-made histories where each kind of story is present checks out, and hand-made wrong claims are rejected.
const oracle = { aiRepositories: new Set<string>() };
const BASE = 'Qwen/Qwen3-8B';
const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const base = (n: number): Record<number, ItemSpec> => models(n, { 12: { firstSeenAt: T, createdAt: '2026-11-26T00:00:00.000Z' }, 13: { tags: [`base_model:${BASE}`] }, 14: { tags: [`base_model:${BASE}`] }, 15: { tags: [`base_model:${BASE}`] }, 16: { tags: [`base_model:${BASE}`] } });

const HISTORIES: Record<string, SourceWindow> = {
  // m1 No. 1 from Thu 26 (m2 on Wed 25): a 3-day streak. m3 and m4 absent on Sat 21, listed from Sun 22: m4 for
  // 7 days today (staying power), m3 for 6 days until yesterday (it left today). m12 debuts at No. 2; m13…m16 are a wave.
  week: windowOf('hf-models', base(16), [
    [day(8), ten],
    [day(7), [1, 2, 5, 6, 7, 8, 9, 10, 11]],
    [day(6), [2, 1, 3, 4, 5, 6, 7, 8, 9, 10]],
    [day(5), [2, 1, 3, 4, 5, 6, 7, 8, 9, 10]],
    [day(4), [2, 1, 3, 4, 5, 6, 7, 8, 9, 10]],
    [day(3), [2, 1, 3, 4, 5, 6, 7, 8, 9, 10]],
    [day(2), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13]],
    [day(1), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13]],
    [day(0), [1, 12, 2, 4, 13, 14, 15, 16, 5, 6, 7, 8, 9, 10]],
  ]),
};

describe('the oracle of story claims', () => {
  const inputs = inputsFor([HISTORIES.week!]);
  const stories = storiesOf(factsOf(inputs));
  const claims = stories.flatMap((story) => story.claims);

  it('accepts every claim the detectors make on a week with a streak, a debut, an exit, a stay and a wave', () => {
    console.info('stories:', JSON.stringify(stories.map((story) => [story.milestone, story.score])));
    expect(stories.map((story) => story.kind).sort()).toEqual(['exit', 'high-debut', 'release-wave', 'staying-power', 'streak-at-one']);
    const verdict = checkStoryClaims(claims, inputs, oracle);
    console.info(`oracle: ${verdict.checked} checks, ${verdict.problems.length} problems`);
    expect(verdict.problems).toEqual([]);
    expect(verdict.checked).toBeGreaterThan(20);
  });

  it('rejects hand-made wrong claims of each kind', () => {
    const wrong: StoryClaim[] = [
      // m1 has been No. 1 for 3 days, not 4 (from Wed 25, when m2 was).
      { kind: 'streak', sourceId: 'hf-models', itemId: 'lab/m1', beforeAt: day(4), fromAt: day(3), toAt: T, days: 4, printed: ['1', '4'] },
      // m12 debuts at No. 2, not No. 1.
      { kind: 'debut', sourceId: 'hf-models', itemId: 'lab/m12', sinceAt: day(8), at: T, rank: 1, firstSeenAt: T, createdAt: '2026-11-26T00:00:00.000Z', printed: ['1'] },
      // m2 was in Thursday's list: no debut.
      { kind: 'debut', sourceId: 'hf-models', itemId: 'lab/m2', sinceAt: day(8), at: T, rank: 3, firstSeenAt: day(30), printed: ['3'] },
      // m3's best rank over its stay was No. 3, not No. 2.
      { kind: 'days-on-list', sourceId: 'hf-models', itemId: 'lab/m3', beforeAt: day(7), fromAt: day(6), toAt: day(1), days: 6, atLeast: false, peak: 2, printed: ['6', '2'] },
      // Five derivatives claimed, but lab/m17 is in no list: there are four.
      { kind: 'derivatives', sourceId: 'hf-models', at: T, top: 14, base: BASE, itemIds: ['lab/m13', 'lab/m14', 'lab/m15', 'lab/m16', 'lab/m17'], sinceAt: day(7), newIds: ['lab/m13', 'lab/m14', 'lab/m15', 'lab/m16'], printed: ['5', '14', '4'] },
    ];
    const verdict = checkStoryClaims(wrong, inputs, oracle);
    console.info('rejected:', verdict.problems.length);
    for (const claim of wrong) expect(verdict.problems.some((problem) => problem.includes(JSON.stringify(claim)))).toBe(true);
  });

  it('accepts every claim the detectors make on the oracle\'s shared histories (s1 in two zones, ties, GitHub)', () => {
    const cases = { 's1 UTC': s1(), 's1 Tokyo': s1('Asia/Tokyo'), ties: ties(), github: github() };
    for (const [name, history] of Object.entries(cases)) {
      const found = storiesOf(factsOf(history));
      const verdict = checkStoryClaims(found.flatMap((story) => story.claims), history, { aiRepositories: GH_AI });
      console.info(`${name}: ${JSON.stringify(found.map((story) => [story.milestone, story.score]))}; ${verdict.checked} checks`);
      expect(verdict.problems).toEqual([]);
    }
  });
});
