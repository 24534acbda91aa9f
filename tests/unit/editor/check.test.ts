import { describe, expect, it } from 'vitest';
import { composeIssue } from '@/lib/issue/compose';
import { checkEdit, sentencesOf } from '@/lib/editor/check';
import { displayNamesOf, factSheetOf, mentions } from '@/lib/editor/facts';
import { backed, figuresIn } from '@/lib/editor/numbers';
import type { IssueInputs } from '@/lib/issue/inputs';
import { github, s1, ties } from '../../support/oracle/histories';
import { weekInputs } from '../../support/memory-history';
import { randomHistory } from '../../support/random-history';

/** The parts of the editor's check (lib/editor/check.ts), each against a small hand-written table. */

describe('figures, read after normalising how they are written', () => {
  it.each([
    ['1,470 likes', [1470]],
    ['1470 likes', [1470]],
    ['+1,204 stars', [1204]],
    ['No. 3 and #4', [3, 4]],
    ['the 3rd place', [3]],
    ['57% of them', [57]],
    ['4x as fast, 3.2 times its base', [4, 3.2]],
    ['seven of the top twelve', [7, 12]],
    ['twice as many, a dozen more', [2, 12]],
    ['one of the models', []],
    ['a 7-day run', [7]],
    ['Qwen3-8B and GPT-4', []],
    ['at 09:30', [9, 30]],
    ['1.5K likes', [1500]],
    ['2 million downloads', [2_000_000]],
  ])('%s → %j', (text, values) => {
    expect(figuresIn(text).map((figure) => figure.value)).toEqual(values);
  });

  it.each([
    ['1.5K', [1470], true],
    ['1.5K', [1449], false],
    ['1.5K', [1550], true],
    ['1,470', [1470], true],
    ['1,470', [1471], false],
    ['2M', [2_400_000], true],
    ['2M', [2_600_000], false],
  ] as const)('%s is backed by %j: %s', (text, allowed, expected) => {
    expect(backed(figuresIn(text)[0]!, allowed)).toBe(expected);
  });
});

describe('sentences and names', () => {
  it('does not end a sentence at "No." or inside an id', () => {
    expect(sentencesOf('It is No. 3 on the list. Qwen/Qwen3.5-4B follows at No. 4! Then what?')).toEqual([
      'It is No. 3 on the list.',
      'Qwen/Qwen3.5-4B follows at No. 4!',
      'Then what?',
    ]);
  });

  it.each([
    ['acme/Qwen3-8B-GGUF is No. 1', 'qwen3-8b', false],
    ['Qwen3-8B is the base.', 'qwen3-8b', true],
    ['built on qwen3-8b, and more', 'qwen3-8b', true],
    ['the ago of it', 'go', false],
  ] as const)('%s names %s: %s', (sentence, key, expected) => {
    expect(mentions(sentence, key)).toBe(expected);
  });
});

const HISTORIES: [string, () => IssueInputs][] = [
  ['s1', () => s1()],
  ['github', () => github()],
  ['ties', () => ties()],
  ['a recorded-shaped week', () => weekInputs(Date.UTC(2026, 10, 20, 7), 7, 'UTC')],
];

describe('the template passes its own check', () => {
  it.each(HISTORIES)('%s: no sentence of the lead or a piece is dropped', (_name, inputs) => {
    const issue = composeIssue(inputs());
    const names = displayNamesOf(issue);
    const pieces = [issue.lead, ...issue.analysis];
    expect(pieces.length).toBeGreaterThan(1);
    for (const [index, story] of pieces.entries()) {
      const result = checkEdit(story.paragraphs.join('\n\n'), factSheetOf(story, index === 0 ? 'lead' : 'piece', names));
      expect(result.dropped, story.headline).toEqual([]);
    }
  });

  it('over 150 random hostile histories, at most 1 piece in 100 has a sentence the check drops', () => {
    let pieces = 0;
    let withDrops = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const issue = composeIssue(randomHistory(seed).inputs);
      const names = displayNamesOf(issue);
      for (const [index, story] of [issue.lead, ...issue.analysis].entries()) {
        pieces++;
        if (checkEdit(story.paragraphs.join('\n\n'), factSheetOf(story, index === 0 ? 'lead' : 'piece', names)).dropped.length > 0) withDrops++;
      }
    }
    console.info(`The template's own check over 150 random histories: ${withDrops} of ${pieces} pieces had a sentence dropped.`);
    expect(pieces).toBeGreaterThan(150);
    expect(withDrops * 100).toBeLessThanOrEqual(pieces);
  });
});

describe('what the check keeps', () => {
  const issue = composeIssue(s1());
  const lead = factSheetOf(issue.lead, 'lead', displayNamesOf(issue));

  it('keeps the kept sentences in their paragraphs and no more than three paragraphs for a lead', () => {
    const result = checkEdit(
      'Orbit-1B arrives. Straight in at No. 3, india/Orbit-1B is new.\n\nText-to-image models come next, with 2 of the top 12.\n\nAcme has 3 models in the list, more than any other.\n\nA fourth.',
      lead,
    );
    expect(result.paragraphs).toEqual([
      'Orbit-1B arrives. Straight in at No. 3, india/Orbit-1B is new.',
      'Text-to-image models come next, with 2 of the top 12.',
      'Acme has 3 models in the list, more than any other.',
    ]);
    expect(result.dropped).toEqual([{ sentence: 'A fourth.', reason: 'extra-paragraph', what: 'paragraph 4' }]);
  });

  it('drops a sentence over 400 characters', () => {
    const long = `Text-to-image models come next, with 2 of the top 12${', and so on'.repeat(40)}.`;
    const result = checkEdit(`Orbit-1B arrives. Straight in at No. 3, india/Orbit-1B is new.\n\nText-to-image models come next, with 2 of the top 12. ${long}\n\nAcme has 3 models in the list, more than any other.`, lead);
    expect(result.dropped.map((entry) => entry.reason)).toEqual(['too-long']);
  });

  it('rejects text shorter than half the template even when every sentence is true', () => {
    // 3 short true sentences, 2 paragraphs: 63 characters against the template's 290.
    const result = checkEdit('Orbit-1B arrives.\n\nIt is at No. 3. Acme has 3 models.', lead);
    expect(result.dropped).toEqual([]);
    expect(result.fallback).toBe('too-little');
  });
});

describe('a list named in part', () => {
  it('keeps "and 3 more" of six new entries, and drops "and 4 more" said of the same three', () => {
    const ids = ['a/One-1B', 'b/Two-2B', 'c/Three-3B', 'd/Four', 'e/Five', 'f/Six'];
    const story = {
      kicker: 'Lead',
      headline: 'Six new models',
      paragraphs: ['New on the list since yesterday: a/One-1B, b/Two-2B, c/Three-3B and 3 more. The highest of them, a/One-1B, entered at No. 4.'],
      claims: [
        { kind: 'new-entries' as const, sourceId: 'hf-models' as const, sinceAt: 0, at: 1, itemIds: ids, printed: ['6'] },
        { kind: 'rank' as const, sourceId: 'hf-models' as const, itemId: 'a/One-1B', at: 1, rank: 4, printed: ['4'] },
      ],
    };
    const facts = factSheetOf(story, 'piece');
    expect(checkEdit(`${story.paragraphs[0]}`, facts).dropped).toEqual([]);
    // 6 − 3 named = 3; "and 9 more" is no such remainder.
    expect(checkEdit('Six models are new: a/One-1B, b/Two-2B, c/Three-3B and 9 more. The highest, a/One-1B, entered at No. 4.', facts).dropped.map((entry) => entry.reason)).toEqual(['number']);
  });
});
