import { describe, expect, it } from 'vitest';
import { DETECTORS, storiesOf } from '@/lib/issue/stories';
import { runOf, STALE_AFTER_MS, tellable, type Day } from '@/lib/issue/stories/contract';
import type { Snapshot } from '@/lib/shared/records';
import { day, factsFor, failing, H, models, T, windowOf } from './support';

// The one contract of the story detectors (lib/issue/stories/contract.ts), and the order of the front page.
const dayOf = (date: string, holds: boolean): Day & { holds: boolean } => ({ day: date, snapshot: { sourceId: 'hf-models', fetchedAt: Date.parse(`${date}T06:00:00Z`), keys: [], metrics: {} } as Snapshot, rows: [], holds });
const holds = (entry: Day) => (entry as Day & { holds: boolean }).holds;

describe('runOf', () => {
  it('counts consecutive days back from the latest, with the failing day before as the known start', () => {
    const days = [dayOf('2026-11-24', true), dayOf('2026-11-25', false), dayOf('2026-11-26', true), dayOf('2026-11-27', true), dayOf('2026-11-28', true)];
    const run = runOf(days, holds)!;
    expect(run.days.map((entry) => entry.day)).toEqual(['2026-11-26', '2026-11-27', '2026-11-28']);
    expect(run.before?.day).toBe('2026-11-25');
  });

  it('leaves the start unknown at a day without a list or at the window\'s first day, and has no run when the latest fails', () => {
    const gap = runOf([dayOf('2026-11-25', false), dayOf('2026-11-27', true), dayOf('2026-11-28', true)], holds)!;
    expect(gap.days.map((entry) => entry.day)).toEqual(['2026-11-27', '2026-11-28']);
    expect(gap.before).toBeUndefined();
    const start = runOf([dayOf('2026-11-27', true), dayOf('2026-11-28', true)], holds)!;
    expect(start.days).toHaveLength(2);
    expect(start.before).toBeUndefined();
    expect(runOf([dayOf('2026-11-27', true), dayOf('2026-11-28', false)], holds)).toBeUndefined();
  });
});

describe('tellable', () => {
  it('is false for a failing source, a source without lists, and a list older than 36 hours', () => {
    expect(STALE_AFTER_MS).toBe(36 * H);
    const lists: [number, number[]][] = [[day(1), [1]], [day(0), [1]]];
    const ok = factsFor([windowOf('hf-models', models(1), lists)]);
    expect(tellable(ok.lists['hf-models'], T + 36 * H)).toBe(true);
    expect(tellable(ok.lists['hf-models'], T + 36 * H + 1)).toBe(false);
    expect(tellable(factsFor([windowOf('hf-models', models(1), lists, failing)]).lists['hf-models'], T)).toBe(false);
    expect(tellable(ok.lists['hf-datasets'], T)).toBe(false);
  });
});

describe('every detector', () => {
  // A history where each detector has something to say about Hugging Face's models (hand-checked below).
  const BASE = 'Qwen/Qwen3-8B';
  const items = models(20, {
    // m12: new today at No. 1 (a debut, and a new No. 1).
    12: { firstSeenAt: T },
    // m13…m16: derivatives of one base, new this week.
    13: { tags: [`base_model:${BASE}`] },
    14: { tags: [`base_model:${BASE}`] },
    15: { tags: [`base_model:${BASE}`] },
    16: { tags: [`base_model:${BASE}`] },
  });
  const lists: [number, number[]][] = [
    [day(7), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
    [day(1), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13]],
    // m12 debuts at No. 1; m3 has left from No. 3 (see below); the wave is m13…m16.
    [day(0), [12, 1, 2, 4, 13, 14, 15, 16, 5, 6, 7]],
  ];

  it('finds each story, most newsworthy first, with a score from 0 to 100 and a unique milestone', () => {
    const stories = storiesOf(factsFor([windowOf('hf-models', items, lists)]));
    console.info('front page:', JSON.stringify(stories.map((story) => [story.milestone, story.score])));
    expect(stories.map((story) => [story.kind, story.subject, story.score])).toEqual([
      // 60 + 3 × (11 − 1).
      ['high-debut', 'lab/m12', 90],
      // min(95, 40 + 4 × 4).
      ['release-wave', BASE, 56],
      // 50 + 5 × 0: m12 is No. 1 today, m1 was yesterday.
      ['streak-at-one', 'lab/m12', 50],
      // m3 left from No. 3, but Sun 22 … Thu 26 have no list: its known stay is Fri 27 alone, under the 3-day minimum.
    ]);
    for (const story of stories) {
      expect(story.score).toBeGreaterThanOrEqual(0);
      expect(story.score).toBeLessThanOrEqual(100);
    }
    expect(new Set(stories.map((story) => story.milestone)).size).toBe(stories.length);
  });

  it('are eleven kinds, each once, in the front page\'s tie order, each saying its significance test and score', () => {
    expect(DETECTORS.map((detector) => detector.kind)).toEqual([
      'release-wave',
      'high-debut',
      'streak-at-one',
      'overtakes-base',
      'exit',
      'staying-power',
      'lab-sweep',
      'derivative-takeover',
      'acceleration',
      'two-platforms',
      'repo-theme',
    ]);
    for (const detector of DETECTORS) {
      expect(detector.significance.length).toBeGreaterThan(20);
      expect(detector.score).toMatch(/^weight/);
    }
  });

  it('tells nothing from a failing source, nor from an empty history', () => {
    for (const detector of DETECTORS) {
      expect(detector.detect(factsFor([windowOf('hf-models', items, lists, failing)]))).toEqual([]);
      expect(detector.detect(factsFor([]))).toEqual([]);
    }
  });
});
