import { describe, expect, it } from 'vitest';
import { composeIssue } from '@/lib/issue/compose';
import { factsOf } from '@/lib/issue/facts';
import { frontPage } from '@/lib/issue/front-page';
import { familyPiece } from '@/lib/issue/pieces/family';
import { languagesPiece } from '@/lib/issue/pieces/languages';
import { MOVEMENT_LEAD_SCORE, movementLead } from '@/lib/issue/pieces/lead';
import { STORY_SECTION } from '@/lib/issue/pieces/news';
import { papersPiece } from '@/lib/issue/pieces/papers';
import { starsPiece } from '@/lib/issue/pieces/stars';
import { taskMixPiece } from '@/lib/issue/pieces/task-mix';
import { DETECTORS } from '@/lib/issue/stories';
import type { Claim, Story } from '@/lib/shared/issue-types';
import { asRead, checkIssue } from '../../support/oracle/check';
import { day, inputsFor, models, T, windowOf } from './stories/support';

// The front page by the news (issue #11, item 2): lib/issue/front-page.ts. Hand-made histories, figures worked out by hand.
const NO_AI = { aiRepositories: new Set<string>() };
const BASE = 'Qwen/Qwen3-8B';
const derivative = { tags: [`base_model:${BASE}`] };

describe('the front page by the news', () => {
  // Sat 21: m1…m10. Fri 27: the same and m13. Sat 28: m12 new at No. 1; m13…m16, all four tagged as derivatives of Qwen3-8B.
  const newsDay = () =>
    inputsFor([
      windowOf('hf-models', models(20, { 12: { firstSeenAt: T }, 13: derivative, 14: derivative, 15: derivative, 16: derivative }), [
        [day(7), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
        [day(1), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13]],
        [day(0), [12, 1, 2, 4, 13, 14, 15, 16, 5, 6, 7]],
      ]),
    ]);

  it('leads with the highest-scoring story, then prints the others and the day\'s movement by score, each under its section', () => {
    const page = frontPage(factsOf(newsDay()));
    // The candidates, by hand: m12's debut at No. 1, 60 + 3 × (11 − 1) = 90; the wave of m13…m16 (4 in the top 11, all 4 absent
    // on Sat 21, 1 of them there on Fri 27), min(95, 40 + 4 × 4) = 56; m12's first day at No. 1, 50 — the lead's subject again.
    expect(page.told.map((story) => [story.kind, story.subject, story.score])).toEqual([
      ['high-debut', 'lab/m12', 90],
      ['release-wave', BASE, 56],
    ]);
    expect(page.lead.kicker).toBe('Lead');
    expect(page.lead.headline).toBe("New at No. 1 on Hugging Face's trending models: m12");
    expect(page.lead.paragraphs[0]).toBe('Straight in at No. 1: lab/m12, a text-generation model by lab, is in none of the lists the Post has kept since last Saturday, and first appeared in the latest list.');
    // After the news, the list's make-up: 11 text-generation models of 11 (every hand-made model is), m12 m14 m15 m16 new since Friday.
    expect(page.lead.standfirst).toBe('Text-generation models take 11 of the top 11 places, and 4 models are new since yesterday.');
    expect(page.lead.paragraphs[1]).toBe('Of the authors, lab has 11 models in the list, more than any other. In all, 4 of the top 11 build on Qwen3-8B.');
    // Then: the wave (56) before the day's movement (45). The family piece (Qwen3-8B, 4 of 11: 20 + 2 × 4 = 28) is the wave's own
    // news and is left out; no other piece has a figure to print.
    expect(page.analysis.map((story) => [story.kicker, story.headline])).toEqual([
      ['Deep Dive', "A release wave: 4 derivatives of Qwen/Qwen3-8B in Hugging Face's top 11"],
      ['By the Numbers', "What else moved on Hugging Face's trending models"],
    ]);
    expect(familyPiece.write(factsOf(newsDay()))).toBeDefined();
    expect(page.analysis[0]!.paragraphs[0]).toBe(
      'Of the top 11 trending models on Hugging Face, 4 name Qwen/Qwen3-8B as their base model in their own tags. New among them since last Saturday: lab/m13, lab/m14 and lab/m15, among others.',
    );
    // m13: No. 11 on Friday → No. 5 = 6 places, the only climb.
    expect(page.analysis[1]!.paragraphs[0]).toBe('Since yesterday, lab/m13 rose from No. 11 to No. 5, the largest climb in the top 11.');
  });

  it('prints the wave of a new model\'s derivatives beside the debut of the model itself: two stories with one subject', () => {
    const own = { tags: ['base_model:Lab/Nova-8B', 'base_model:quantized:Lab/Nova-8B'] };
    const inputs = inputsFor([
      windowOf('hf-models', models(20, { 12: { itemId: 'Lab/Nova-8B', firstSeenAt: T }, 13: own, 14: own, 15: own, 16: own }), [
        [day(7), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
        [day(1), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
        [day(0), [1, 12, 13, 14, 15, 16, 2, 3, 4, 5, 6]],
      ]),
    ]);
    const page = frontPage(factsOf(inputs));
    // Nova-8B's debut at No. 2: 60 + 3 × 9 = 87; four derivatives of it, all new, none yesterday: min(95, 40 + 16) = 56.
    expect(page.told.map((story) => [story.kind, story.subject, story.score])).toEqual([
      ['high-debut', 'Lab/Nova-8B', 87],
      ['release-wave', 'Lab/Nova-8B', 56],
    ]);
    expect(page.analysis[0]!.headline).toBe("A release wave: 4 derivatives of Lab/Nova-8B in Hugging Face's top 11");
    expect(page.analysis[0]!.standfirst).toBe('Derivatives of one base model arrive together in the trending list, every one of them new since last Saturday.');
    expect(checkIssue(composeIssue(inputs), inputs, NO_AI).problems).toEqual([]);
  });

  it('is what the composed issue prints, and the oracle finds every figure in the stored lists', () => {
    const inputs = newsDay();
    const issue = composeIssue(inputs);
    const page = frontPage(factsOf(inputs));
    expect(asRead(issue).lead.headline).toBe(page.lead.headline);
    expect(asRead(issue).analysis.map((story) => story.headline)).toEqual(page.analysis.map((story) => story.headline));
    const verdict = checkIssue(issue, inputs, NO_AI);
    console.info(`front page: ${verdict.checked} facts checked, ${verdict.problems.length} problems`);
    expect(verdict.problems).toEqual([]);
  });

  it('leads with the day\'s movement when no story scores above 45, and prints it once', () => {
    expect(MOVEMENT_LEAD_SCORE).toBe(45);
    // m1 is No. 1 on both days, after a day without a list (so no streak has a known start); m9 climbs 2 places: no story.
    const inputs = inputsFor([windowOf('hf-models', models(10), [[day(7), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]], [day(1), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]], [day(0), [1, 2, 3, 4, 5, 6, 9, 7, 8, 10]]])]);
    const facts = factsOf(inputs);
    const page = frontPage(facts);
    expect(page.told).toEqual([]);
    expect(page.lead).toEqual(movementLead(facts));
    expect(page.lead.paragraphs[0]).toBe('Since yesterday, lab/m9 rose from No. 9 to No. 7, the largest climb in the top 10.');
    expect(page.analysis.some((story) => story.headline === "What else moved on Hugging Face's trending models")).toBe(false);
    expect(checkIssue(composeIssue(inputs), inputs, NO_AI).problems).toEqual([]);
  });
});

describe('each piece\'s score, read from its own figures', () => {
  const count = (field: Extract<Claim, { kind: 'count' }>['field'], value: string, n: number, top = 30): Claim => ({ kind: 'count', sourceId: 'hf-models', at: T, top, field, value, count: n, printed: [String(n), String(top)] });
  const story = (...claims: Claim[]): Story => ({ kicker: '', headline: '', paragraphs: [], claims });
  const share = (percent: number): Claim => ({ kind: 'share', sourceId: 'gh-trending-weekly', at: T, metric: 'starsInPeriod', itemIds: [], part: 0, whole: 0, of: 0, percent, printed: [] });

  it.each([
    // [piece, story, score worked out by hand]
    ['family of 4 → 28', familyPiece, story(count('family', 'Qwen3-8B', 4)), 28],
    ['family of 13 → 46', familyPiece, story(count('family', 'Qwen3-8B', 13), count('format', 'GGUF', 9)), 46],
    ['family of 25, capped → 60', familyPiece, story(count('family', 'Qwen3-8B', 25)), 60],
    ['task mix: text generation 4 → 10, speech 5 → 3 → 43', taskMixPiece, story(count('task', 'text-generation', 10), count('task', 'text-generation', 4), count('task', 'speech', 3), count('task', 'speech', 5)), 43],
    ['stars: 51% → 26', starsPiece, story(share(51)), 26],
    ['stars: 90% → 45', starsPiece, story(share(90)), 45],
    ['languages: Python 3 → 21', languagesPiece, story(count('language', 'Python', 3, 6), count('language', 'Rust', 1, 6)), 21],
    ['papers: 7 with code → 29', papersPiece, story(count('hasCode', 'yes', 7, 10)), 29],
  ] as const)('%s', (_name, piece, written, expected) => {
    expect(piece.score(written)).toBe(expected);
  });

  it('gives every story kind a section that says what it is', () => {
    for (const detector of DETECTORS) expect(['Deep Dive', 'Opinion & Analysis', 'By the Numbers']).toContain(STORY_SECTION[detector.kind]);
    for (const piece of [familyPiece, taskMixPiece, starsPiece, languagesPiece, papersPiece]) expect(piece.scoreRule.length).toBeGreaterThan(20);
  });
});

describe('the lead on a day without models to report', () => {
  const datasets = windowOf('hf-datasets', { 1: { itemId: 'acme/corpus', task: undefined } }, [[day(0), [1]]]);

  it('says the models are not in yet when only other lists arrived, and that none passes the filters when they hide all', () => {
    const notYet = frontPage(factsOf(inputsFor([datasets])));
    expect(notYet.lead.headline).toBe("Hugging Face's trending models are not in yet");
    // Every model is text generation in the hand-made catalog: a filter on that task hides the whole list.
    const filtered = inputsFor([windowOf('hf-models', models(3), [[day(0), [1, 2, 3]]]), datasets]);
    filtered.filters = { ...filtered.filters, hfTasks: { include: [], hide: ['text-generation'] } };
    expect(frontPage(factsOf(filtered)).lead.headline).toBe('No trending model on Hugging Face passes your filters');
    expect(frontPage(factsOf(inputsFor([]))).lead.headline).toBe('The first edition is on its way');
  });
});
