import { describe, expect, it } from 'vitest';
import type { SourceWindow } from '@/lib/issue/inputs';
import { derivativeKindsOf, derivativeTakeoverDetector } from '@/lib/issue/stories/derivative-takeover';
import { checkStoryClaims } from '../../../support/oracle/stories';
import { day, factsFor, failing, H, inputsFor, T, type ItemSpec, windowOf } from './support';

// A kind of derivative taking over the top 30 (lib/issue/stories/derivative-takeover.ts).
const items: Record<number, ItemSpec> = {};
// 1…40: plain models; 101…120: GGUF quantisations; 201…210: abliterated remixes.
for (let key = 1; key <= 40; key++) items[key] = { itemId: `lab/m${key}` };
for (let key = 101; key <= 120; key++) items[key] = { itemId: `q/m${key}-GGUF` };
for (let key = 201; key <= 210; key++) items[key] = { itemId: `u/m${key}-abliterated` };
// Near misses, never derivatives: the word inside another, the owner's name, the lab's "Instruct".
items[41] = { itemId: 'x/nonabliterated-7B' };
items[42] = { itemId: 'uncensored-ai/Model' };
items[43] = { itemId: 'lab/Model-Instruct' };
items[44] = { itemId: 'x/<img src=x onerror=alert(1)>-gguf2' };

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);
/** A list of 30: the derivative keys first, then near misses and plain models. */
const list30 = (derivatives: number[]) => [...derivatives, 41, 42, 43, 44, ...range(1, 26 - derivatives.length)];

const detect = (window: SourceWindow, extra = {}) => {
  const found = derivativeTakeoverDetector.detect(factsFor([window], extra));
  const verdict = checkStoryClaims(found.flatMap((story) => story.claims), inputsFor([window], extra), { aiRepositories: new Set() });
  expect(verdict.problems).toEqual([]);
  return found;
};

describe('derivativeKindsOf', () => {
  it('reads relation tags and whole words of the name, never the owner or a word inside another', () => {
    expect([...derivativeKindsOf({ itemId: 'unsloth/Qwen3-8B-GGUF' })]).toEqual(['quantisation']);
    expect([...derivativeKindsOf({ itemId: 'huihui-ai/Huihui-Qwen3.8-27B-abliterated-GGUF' })]).toEqual(['uncensored', 'quantisation']);
    expect([...derivativeKindsOf({ itemId: '0bserverx/Qwen3.8-27B-Heretic-Abliterated-Uncensored-GGUF' })]).toEqual(['uncensored', 'quantisation']);
    expect([...derivativeKindsOf({ itemId: 'OBLITERATUS/Qwen3.8-27B-OBLITERATED' })]).toEqual(['uncensored']);
    expect([...derivativeKindsOf({ itemId: 'mlx-community/Qwen3-8B-4bit' })]).toEqual(['quantisation']);
    expect([...derivativeKindsOf({ itemId: 'a/b', tags: ['base_model:finetune:Qwen/Qwen3-8B', 'base_model:Qwen/Qwen3-8B'] })]).toEqual(['fine-tune']);
    expect([...derivativeKindsOf({ itemId: 'a/b', tags: ['base_model:merge:x/y', 'base_model:adapter:x/y', 'base_model:quantized:x/y'] })]).toEqual(['merge', 'adapter', 'quantisation']);
    expect([...derivativeKindsOf({ itemId: 'a/b', tags: ['base_model:quantized:'] })]).toEqual([]);
    expect([...derivativeKindsOf(items[41]!)]).toEqual([]);
    expect([...derivativeKindsOf(items[42]!)]).toEqual([]);
    expect([...derivativeKindsOf(items[43]!)]).toEqual([]);
    expect([...derivativeKindsOf(items[44]!)]).toEqual([]);
    expect([...derivativeKindsOf({ itemId: 'a/b', tags: undefined })]).toEqual([]);
    expect([...derivativeKindsOf({ itemId: 'a/b', tags: [42 as unknown as string, null as unknown as string] })]).toEqual([]);
  });
});

describe('a derivative takeover', () => {
  it('is told the day quantisations pass half the top 30: 16, yesterday 15 (exactly half), a week ago 9', () => {
    const found = detect(windowOf('hf-models', items, [[day(7), list30(range(101, 109))], [day(1), list30(range(101, 115))], [day(0), list30(range(101, 116))]]));
    console.info('takeover:', JSON.stringify(found.map((story) => [story.milestone, story.score])));
    const ggufs = (to: number) => range(101, to).map((key) => `q/m${key}-GGUF`);
    expect(found).toEqual([
      {
        kind: 'derivative-takeover',
        sourceId: 'hf-models',
        subject: 'quantisation',
        claims: [
          { kind: 'derivative-share', sourceId: 'hf-models', at: T, top: 30, derivative: 'quantisation', itemIds: ggufs(116), printed: ['16', '30', '53%'] },
          { kind: 'derivative-share', sourceId: 'hf-models', at: day(7), top: 30, derivative: 'quantisation', itemIds: ggufs(109), printed: ['9', '30', '30%'] },
          { kind: 'derivative-share', sourceId: 'hf-models', at: day(1), top: 30, derivative: 'quantisation', itemIds: ggufs(115), printed: ['15', '30', '50%'] },
        ],
        // 40 + 10 × 2 (more than half) + round(20 × 16 ÷ 30 = 10.7).
        score: 71,
        milestone: 'derivative-takeover:hf-models:quantisation:half',
      },
    ]);
  });

  it('is told when uncensored remixes reach a quarter: 8 of 30, yesterday 7, a week ago 3', () => {
    const found = detect(windowOf('hf-models', items, [[day(7), list30(range(201, 203))], [day(1), list30(range(201, 207))], [day(0), list30(range(201, 208))]]));
    expect(found.map((story) => [story.subject, story.score, story.milestone, story.claims.map((claim) => claim.printed)])).toEqual([
      // 40 + 0 + round(20 × 8 ÷ 30 = 5.3).
      ['uncensored', 45, 'derivative-takeover:hf-models:uncensored:quarter', [['8', '30', '27%'], ['3', '30', '10%'], ['7', '30', '23%']]],
    ]);
  });

  it('is not told just below: 15 of 30 (a third, as yesterday\'s 14), 5 of 20 (a quarter, under six), 7 of 19 rows', () => {
    expect(detect(windowOf('hf-models', items, [[day(7), list30(range(101, 109))], [day(1), list30(range(101, 114))], [day(0), list30(range(101, 115))]]))).toEqual([]);
    const twenty = (derivatives: number[]) => list30(derivatives).slice(0, 20);
    expect(detect(windowOf('hf-models', items, [[day(7), twenty([])], [day(1), twenty([])], [day(0), twenty(range(201, 205))]]))).toEqual([]);
    const nineteen = (derivatives: number[]) => list30(derivatives).slice(0, 19);
    expect(detect(windowOf('hf-models', items, [[day(7), nineteen([])], [day(1), nineteen([])], [day(0), nineteen(range(201, 207))]]))).toEqual([]);
  });

  it('is not told the day after, nor when the week began above the milestone', () => {
    expect(detect(windowOf('hf-models', items, [[day(7), list30(range(101, 109))], [day(1), list30(range(101, 116))], [day(0), list30(range(101, 116))]]))).toEqual([]);
    expect(detect(windowOf('hf-models', items, [[day(7), list30(range(101, 117))], [day(1), list30(range(101, 112))], [day(0), list30(range(101, 116))]]))).toEqual([]);
  });

  it('is not told from a failing source, a stale list, or without a baseline', () => {
    const lists: [number, number[]][] = [[day(7), list30(range(101, 109))], [day(1), list30(range(101, 115))], [day(0), list30(range(101, 116))]];
    expect(detect(windowOf('hf-models', items, lists))).toHaveLength(1);
    expect(detect(windowOf('hf-models', items, lists, failing))).toEqual([]);
    expect(detect(windowOf('hf-models', items, lists), { now: T + 37 * H })).toEqual([]);
    expect(detect(windowOf('hf-models', items, lists.slice(2)))).toEqual([]);
  });
});
