import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseOf, contextOf, describeItem, licenceOf, ratioToBase, shareOfTotal, sizeOf } from '@/lib/issue/context';
import { factsOf } from '@/lib/issue/facts';
import { opensSentence } from '@/lib/issue/prose';
import type { CatalogItem, Snapshot } from '@/lib/shared/records';
import { SOURCES } from '@/lib/sources';
import type { SourceId } from '@/lib/sources/ids';
import { handInputs } from '../../support/hand-inputs';
import { sharedFixture } from '../../support/paths';

/**
 * Context from the data (issue #11, item 3): what an item is, from its own
 * tags, name and fields. Every expected value below is written by hand.
 */

const T = Date.UTC(2026, 10, 28, 6, 0);
const item = (sourceId: SourceId, itemId: string, extra: Partial<CatalogItem> = {}): CatalogItem => ({ key: 1, sourceId, itemId, name: itemId, url: `https://example.com/${itemId}`, firstSeenAt: T, lastSeenAt: T, ...extra });
const model = (itemId: string, tags?: string[], extra: Partial<CatalogItem> = {}) => item('hf-models', itemId, { ...(tags ? { tags } : {}), ...extra });

describe('the size a model’s name gives', () => {
  it.each([
    ['Qwen/Qwen3.8-27B', '27B', 27e9],
    ['unsloth/Qwen3-0.6B-GGUF', '0.6B', 0.6e9],
    ['ornith-ai/Ornith-1.5-35B-A3B', '35B-A3B', 35e9],
    ['mistralai/Mixtral-8x7B-v0.1', '8x7B', 56e9],
    ['Qwen/Qwen3.8-2.4T-A95B', '2.4T-A95B', 2.4e12],
    ['meta-llama/Llama-3.1-8B-Instruct', '8B', 8e9],
    ['google/gemma-3-4b-it', '4B', 4e9],
    ['HuggingFaceTB/SmolLM2-135M', '135M', 135e6],
    ['x/wan2.2_14b_i2v_480p', '14B', 14e9],
    // "1M" is its context, not its size (under 10 million parameters: no size word).
    ['Qwen/Qwen2.5-7B-Instruct-1M', '7B', 7e9],
    ['unsloth/Qwen3.8-27B-NVFP4', '27B', 27e9],
  ])('%s → %s', (name, text, params) => {
    expect(sizeOf(name)).toEqual({ text, params });
  });

  it.each([
    ['two sizes', 'x/distill-27B-to-8B'],
    ['a precision, not a size', 'AEON-7/Uncensored-BF16'],
    ['a version and a date', 'deepseek-ai/DeepSeek-V4-Pro-0813'],
    ['a digit inside a word', 'TenStrip/10Eros-Max'],
    ['five digits', 'x/m-99999B'],
    ['beyond 10 trillion', 'x/m-9999T'],
    ['three decimals', 'x/m-0.001B'],
    ['a leading zero', 'x/m-007B'],
    ['active not less than its total', 'x/m-30B-A40B'],
    ['exponent', 'x/m-1e9B'],
    ['an active word alone', 'x/m-A3B'],
    ['a 10 KB name', `x/${'27B-'.repeat(2500)}`],
    ['not a string', 42 as unknown as string],
  ])('nothing for %s', (_why, name) => {
    expect(sizeOf(name)).toBeUndefined();
  });
});

describe('the licence of the license: tags', () => {
  it.each([
    [['license:apache-2.0'], 'apache-2.0'],
    [['license:MIT'], 'mit'],
    [['license:llama3.1', 'gguf'], 'llama3.1'],
    [['license:cc-by-nc-4.0'], 'cc-by-nc-4.0'],
  ])('%j → %s', (tags, licence) => {
    expect(licenceOf({ tags })).toBe(licence);
  });

  it.each([
    ['other', ['license:other']],
    ['unknown', ['license:unknown']],
    ['two that disagree', ['license:mit', 'license:apache-2.0']],
    ['not an id', ['license:<script>alert(1)</script>']],
    ['an unknown id', ['license:my-own-licence-v2']],
    ['empty', ['license:']],
    ['huge', [`license:${'a'.repeat(10_000)}`]],
    ['no tags', undefined],
    ['tags that are not strings', [null, 7, { license: 'mit' }] as unknown as string[]],
  ])('nothing for %s', (_why, tags) => {
    expect(licenceOf(tags === undefined ? {} : { tags })).toBeUndefined();
  });
});

describe('the base model and how the item derives from it', () => {
  it.each([
    ['a quantisation', ['base_model:Qwen/Qwen3-8B', 'base_model:quantized:Qwen/Qwen3-8B'], { base: 'Qwen/Qwen3-8B', relation: 'quantized' }],
    ['a fine-tune', ['base_model:finetune:meta-llama/Llama-3.1-8B'], { base: 'meta-llama/Llama-3.1-8B', relation: 'finetune' }],
    ['an adapter', ['base_model:adapter:black-forest-labs/FLUX.1-dev', 'lora'], { base: 'black-forest-labs/FLUX.1-dev', relation: 'adapter' }],
    ['a base without a relation', ['base_model:Qwen/Qwen3-8B'], { base: 'Qwen/Qwen3-8B' }],
    ['a merge of two', ['base_model:a/x', 'base_model:b/y', 'base_model:merge:a/x', 'base_model:merge:b/y'], { relation: 'merge' }],
    ['two bases, not a merge', ['base_model:a/x', 'base_model:b/y', 'base_model:finetune:a/x', 'base_model:finetune:b/y'], {}],
    ['itself', ['base_model:me/Model', 'base_model:quantized:me/Model'], {}],
    ['itself in other case', ['base_model:ME/model'], {}],
    ['a path', ['base_model:../../etc/passwd'], {}],
    ['an unknown relation', ['base_model:distilled:Qwen/Qwen3-8B'], {}],
    ['an empty id', ['base_model:', 'base_model:quantized:'], {}],
    ['a one-part legacy id (not said: no owner to name)', ['base_model:gpt2'], {}],
    ['a 10 KB id', [`base_model:a/${'b'.repeat(10_000)}`], {}],
  ] as [string, string[], object][])('%s', (_why, tags, expected) => {
    expect(baseOf({ itemId: 'me/Model', tags })).toEqual(expected);
  });
});

describe('describeItem: a phrase and a sentence, with the claims behind them', () => {
  const claimsOf = (described: ReturnType<typeof describeItem>) => described.claims.map((claim) => (claim.kind === 'attribute' ? `${claim.field}=${claim.value}` : claim.kind));

  it.each([
    [model('unsloth/Qwen3.8-27B-GGUF', ['gguf', 'base_model:Qwen/Qwen3.8-27B', 'base_model:quantized:Qwen/Qwen3.8-27B']), 'a 27B GGUF quantisation of Qwen/Qwen3.8-27B by unsloth, a quantiser', ['size=27B', 'format=GGUF', 'relation=quantized', 'base=Qwen/Qwen3.8-27B', 'role=quantiser']],
    [model('unsloth/Qwen3.8-27B-GGUF'), 'a 27B GGUF build by unsloth, a quantiser', ['size=27B', 'format=GGUF', 'role=quantiser']],
    [model('Qwen/Qwen3.8-27B', undefined, { task: 'image-text-to-text' }), 'a 27B image-text-to-text model by Qwen, a lab', ['size=27B', 'task=image-text-to-text', 'role=lab']],
    [model('someone/Llama-8B-Chat', ['base_model:finetune:meta-llama/Llama-3.1-8B']), 'an 8B fine-tune of meta-llama/Llama-3.1-8B by someone', ['size=8B', 'relation=finetune', 'base=meta-llama/Llama-3.1-8B']],
    [model('huihui-ai/Huihui-Qwen3.8-27B-abliterated', undefined, { task: 'image-text-to-text' }), 'a 27B image-text-to-text model by huihui-ai, a community fine-tuner', ['size=27B', 'task=image-text-to-text', 'role=community']],
    [model('ornith-ai/Ornith-1.5-35B-A3B', undefined, { task: 'text-generation' }), 'a 35B-A3B text-generation model by ornith-ai', ['size=35B-A3B', 'task=text-generation']],
    [model('solo'), 'a model', []],
    [item('hf-spaces', 'mteb/leaderboard', { sdk: 'docker', tags: ['docker', 'leaderboard'] }), 'a Docker leaderboard by mteb', ['sdk=docker', 'tag=leaderboard']],
    [item('hf-spaces', 'Qwen/Qwen3-TTS', { sdk: 'gradio', tags: ['gradio', 'mcp-server'] }), 'a Gradio Space by Qwen, a lab, with an MCP server', ['sdk=gradio', 'role=lab', 'tag=mcp-server']],
    [item('gh-trending-weekly', 'deepseek-ai/DeepEP', { language: 'Cuda' }), 'a Cuda repository by deepseek-ai, a lab', ['language=Cuda', 'role=lab']],
    [item('gh-trending-weekly', 'Qwen/agent'), 'a repository by Qwen', []],
    [item('hf-datasets', 'HuggingFaceFW/fineweb', { tags: ['license:odc-by'] }), 'a dataset by HuggingFaceFW (licence: odc-by)', ['licence=odc-by']],
    [model('unsloth/Qwen3.8-27B-GGUF', ['license:apache-2.0']), 'a 27B GGUF build by unsloth, a quantiser (licence: apache-2.0)', ['size=27B', 'format=GGUF', 'role=quantiser', 'licence=apache-2.0']],
    // Two licences that disagree, or one Hugging Face does not offer: none said.
    [model('unsloth/Qwen3.8-27B-GGUF', ['license:mit', 'license:apache-2.0']), 'a 27B GGUF build by unsloth, a quantiser', ['size=27B', 'format=GGUF', 'role=quantiser']],
  ] as [CatalogItem, string, string[]][])('%s', (catalog, phrase, claims) => {
    const described = describeItem(catalog.sourceId, catalog, T);
    expect(described.phrase).toBe(phrase);
    expect(described.sentence).toBe(`${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}.`);
    expect(opensSentence(described.sentence)).toBe(true);
    expect(claimsOf(described)).toEqual(claims);
    for (const claim of described.claims) expect(claim).toMatchObject({ sourceId: catalog.sourceId, itemId: catalog.itemId, at: T });
  });

  it('reads nothing from hostile items, and still writes a sentence that opens with a word', () => {
    const hostile = [
      model(`x/${'y'.repeat(10_000)}-27B`, [`license:${'a'.repeat(5000)}`, `base_model:x/${'y'.repeat(10_000)}-27B`, `base_model:quantized:${'z'.repeat(300)}/q`], { task: 'Text Generation<script>' }),
      model(`${'o'.repeat(200)}/m-27B`),
      model('0bserverx/Qwen3.8-27B-Heretic-GGUF', ['base_model:quantized:0bserverx/Qwen3.8-27B-Heretic-GGUF']),
    ];
    const sentences = hostile.map((entry) => describeItem('hf-models', entry, T).sentence);
    // Nothing is read from a 10 KB name (no size, its base tag itself, the other base's owner too long, the task not
    // a pipeline tag); the owner of 200 letters is not said; a base_model tag naming the item itself is no base.
    expect(sentences).toEqual(['A model by x.', 'A 27B model.', 'A 27B GGUF build by 0bserverx.']);
    expect(sentences.every(opensSentence)).toBe(true);
    expect(contextOf('hf-models', hostile[0]!)).toEqual({ owner: 'x' });
  });
});

describe('relative figures', () => {
  const snap = (keys: number[], metrics: Snapshot['metrics']): Snapshot => ({ sourceId: 'hf-models', fetchedAt: T, keys, metrics });
  const items = [
    { ...model('Qwen/Qwen3-8B'), key: 1 },
    { ...model('unsloth/Qwen3-8B-GGUF', ['base_model:quantized:Qwen/Qwen3-8B']), key: 2 },
    { ...model('other/Qwen3-8B-AWQ', ['base_model:quantized:Qwen/Qwen3-14B']), key: 3 },
  ];
  const facts = factsOf(handInputs([{ sourceId: 'hf-models', snapshots: [snap([1, 2, 3], { downloads: [4000, 12_900, 100] })], items: new Map(items.map((entry) => [entry.key, entry])) }], T));
  const list = facts.lists['hf-models'];

  it("a derivative's downloads against its base's, both in the same list", () => {
    // 12,900 / 4,000 = 3.225 → 3.2.
    expect(ratioToBase(list, list.rows[1]!)).toEqual({ kind: 'ratio', sourceId: 'hf-models', itemId: 'unsloth/Qwen3-8B-GGUF', baseId: 'Qwen/Qwen3-8B', at: T, metric: 'downloads', value: 12_900, baseValue: 4000, ratio: 3.2, printed: ['3.2'] });
    // Its base Qwen3-14B is not in the list: no figure. The base itself has no base.
    expect(ratioToBase(list, list.rows[2]!)).toBeUndefined();
    expect(ratioToBase(list, list.rows[0]!)).toBeUndefined();
  });

  it("one item's share of the list's total", () => {
    // 4,000 of 4,000 + 12,900 + 100 = 17,000 → 23.5% → 24%.
    expect(shareOfTotal(list, list.rows[0]!, 'downloads')).toEqual({ kind: 'share', sourceId: 'hf-models', at: T, metric: 'downloads', itemIds: ['Qwen/Qwen3-8B'], part: 4000, whole: 17_000, of: 3, percent: 24, pick: 'named', printed: ['24%', '17,000', '3'] });
    expect(shareOfTotal(list, list.rows[0]!, 'likes')).toBeUndefined();
  });
});

describe('what the recorded top 30 yields', () => {
  it('sizes from the names, roles from the table, no licence or base (the recording has no tags)', () => {
    const parsed = SOURCES['hf-models'].parse(readFileSync(sharedFixture('hf-models-trending.json'), 'utf8')).items.slice(0, 30);
    const contexts = parsed.map((entry) => contextOf('hf-models', item('hf-models', entry.id, { ...(entry.task ? { task: entry.task } : {}), ...(entry.tags ? { tags: entry.tags } : {}) })));
    const count = (key: 'size' | 'licence' | 'base' | 'relation' | 'account' | 'format' | 'task') => contexts.filter((context) => context[key] !== undefined).length;
    const counts = { size: count('size'), licence: count('licence'), base: count('base'), relation: count('relation'), role: count('account'), format: count('format'), task: count('task') };
    console.info(`recorded top 30: ${JSON.stringify(counts)}`);
    // By hand from the ids (tests/support/oracle/recorded-tables.ts): no size word in rows 8, 9, 11, 13, 19, 20, 22,
    // 25, 27 → 21 sizes; 9 GGUF + 1 MLX + 2 FP8 = 12 formats; 27 tasks (rows 2, 13, 30 have none); 14 owners with a role.
    expect(counts).toEqual({ size: 21, licence: 0, base: 0, relation: 0, role: 14, format: 12, task: 27 });
    expect(contexts[9]!.size?.text).toBe('35B-A3B');
    expect(contexts[25]!.size?.text).toBe('2.4T-A95B');
  });

  it('reads the licences of the raw list sample, which has tags', () => {
    // deepseek-ai/DeepSeek-V4-Pro: license:mit (and an fp8 tag); moonshotai/Kimi-K2.6: license:other; Qwen/Qwen3.6-27B: license:apache-2.0.
    const parsed = SOURCES['hf-models'].parse(readFileSync(sharedFixture('hf-models-list-raw-sample.json'), 'utf8')).items;
    const contexts = parsed.map((entry) => contextOf('hf-models', item('hf-models', entry.id, { ...(entry.task ? { task: entry.task } : {}), ...(entry.tags ? { tags: entry.tags } : {}) })));
    expect(contexts.map((context) => [context.licence, context.size?.text, context.format, context.account?.role])).toEqual([
      ['mit', undefined, 'FP8', 'lab'],
      [undefined, undefined, undefined, 'lab'],
      ['apache-2.0', '27B', undefined, 'lab'],
    ]);
  });
});
