import { describe, expect, it } from 'vitest';
import { crossLinkKey, crossLinks, MAX_LINKS_PER_ITEM, MAX_LINKS_PER_KIND, type LinkableList } from '@/lib/history/cross-links';
import type { CatalogItem } from '@/lib/shared/records';
import type { SourceId } from '@/lib/sources/ids';

// Links across sources (issue #12), over small hand-made lists. Every expected link below is written out by hand
// from the rows: which tag or field names which id, and the rank the target holds in its list.

type Spec = Partial<CatalogItem> & { itemId: string };

function list(sourceId: SourceId, specs: Spec[]): LinkableList {
  return {
    sourceId,
    rows: specs.map((spec, index) => ({
      rank: index + 1,
      itemId: spec.itemId,
      metrics: {},
      item: { sourceId, name: spec.itemId, url: '', firstSeenAt: 0, lastSeenAt: 0, ...spec },
    })),
  };
}

/** Each link as one plain line: `kind target id [source#rank,…] via`. */
function lines(lists: LinkableList[], sourceId: SourceId, itemId: string): string[] {
  const found = crossLinks(lists).get(crossLinkKey(sourceId, itemId));
  return (found?.links ?? []).map((link) => `${link.kind} ${link.target} ${link.id} [${link.ranks.map((rank) => `${rank.sourceId}#${rank.rank}`).join(',')}]${link.via ? ` via ${link.via}` : ''} ${link.url}`);
}

const papers = list('hf-papers', [
  { itemId: '2611.01234', codeUrl: 'https://github.com/Acme/Repo' },
  { itemId: '2611.05678', codeUrl: 'https://github.com/Other/Thing' },
  { itemId: '2611.09999' },
]);
const daily = list('gh-trending-daily', [{ itemId: 'someone/else' }, { itemId: 'someone/other' }, { itemId: 'acme/repo' }]);
const weekly = list('gh-trending-weekly', [{ itemId: 'ACME/Repo' }]);
const models = list('hf-models', [
  { itemId: 'Qwen/Qwen3-8B' },
  { itemId: 'unsloth/Qwen3-8B-GGUF', tags: ['gguf', 'base_model:Qwen/Qwen3-8B', 'base_model:quantized:Qwen/Qwen3-8B'] },
  { itemId: 'acme/acme-7b', tags: ['arxiv:2611.01234v2', 'dataset:acme/corpus', 'base_model:finetune:meta-llama/Llama-3.1-8B'] },
]);
const datasets = list('hf-datasets', [{ itemId: 'nobody/set' }, { itemId: 'acme/corpus', tags: ['arxiv:2611.01234'] }]);
const spaces = list('hf-spaces', [{ itemId: 'fan/qwen-demo', models: ['qwen/qwen3-8b', 'not/listed-model'] }]);
const ALL = [models, datasets, spaces, papers, daily, weekly];

describe('links across sources, by exact ids', () => {
  it("a paper: its code (No. 3 today and No. 1 this week, spelled as GitHub's list spells it), the model and dataset that cite it", () => {
    expect(lines(ALL, 'hf-papers', '2611.01234')).toEqual([
      'code repository acme/repo [gh-trending-daily#3,gh-trending-weekly#1] https://github.com/acme/repo',
      'model model acme/acme-7b [hf-models#3] https://huggingface.co/acme/acme-7b',
      'dataset dataset acme/corpus [hf-datasets#2] https://huggingface.co/datasets/acme/corpus',
    ]);
  });

  it('a paper whose code trends nowhere still says its code, with no rank', () => {
    expect(lines(ALL, 'hf-papers', '2611.05678')).toEqual(['code repository Other/Thing [] https://github.com/Other/Thing']);
    expect(lines(ALL, 'hf-papers', '2611.09999')).toEqual([]);
  });

  it("a repository: its paper, and the model citing that paper (through it); the same in each GitHub list", () => {
    const expected = [
      'paper paper 2611.01234 [hf-papers#1] https://huggingface.co/papers/2611.01234',
      'model model acme/acme-7b [hf-models#3] via 2611.01234 https://huggingface.co/acme/acme-7b',
    ];
    expect(lines(ALL, 'gh-trending-daily', 'acme/repo')).toEqual(expected);
    expect(lines(ALL, 'gh-trending-weekly', 'ACME/Repo')).toEqual(expected);
    expect(lines(ALL, 'gh-trending-daily', 'someone/else')).toEqual([]);
  });

  it("a model: its base whether or not it trends, its derivatives, the Spaces using it, its paper and that paper's code, its dataset", () => {
    expect(lines(ALL, 'hf-models', 'unsloth/Qwen3-8B-GGUF')).toEqual(['base model Qwen/Qwen3-8B [hf-models#1] https://huggingface.co/Qwen/Qwen3-8B']);
    expect(lines(ALL, 'hf-models', 'Qwen/Qwen3-8B')).toEqual([
      'derivative model unsloth/Qwen3-8B-GGUF [hf-models#2] https://huggingface.co/unsloth/Qwen3-8B-GGUF',
      'space space fan/qwen-demo [hf-spaces#1] https://huggingface.co/spaces/fan/qwen-demo',
    ]);
    expect(lines(ALL, 'hf-models', 'acme/acme-7b')).toEqual([
      // Named by a relation tag alone (the one rule), not listed: no rank.
      'base model meta-llama/Llama-3.1-8B [] https://huggingface.co/meta-llama/Llama-3.1-8B',
      // `arxiv:2611.01234v2`: the version dropped.
      'paper paper 2611.01234 [hf-papers#1] https://huggingface.co/papers/2611.01234',
      'code repository acme/repo [gh-trending-daily#3,gh-trending-weekly#1] via 2611.01234 https://github.com/acme/repo',
      'dataset dataset acme/corpus [hf-datasets#2] https://huggingface.co/datasets/acme/corpus',
    ]);
  });

  it("a dataset: its paper and code, and the model trained on it; a Space: the trending model it names (not the unlisted one)", () => {
    expect(lines(ALL, 'hf-datasets', 'acme/corpus')).toEqual([
      'paper paper 2611.01234 [hf-papers#1] https://huggingface.co/papers/2611.01234',
      'code repository acme/repo [gh-trending-daily#3,gh-trending-weekly#1] via 2611.01234 https://github.com/acme/repo',
      'model model acme/acme-7b [hf-models#3] https://huggingface.co/acme/acme-7b',
    ]);
    // The Space says `qwen/qwen3-8b`; the Hub's ids ignore case, and the list's spelling is shown.
    expect(lines(ALL, 'hf-spaces', 'fan/qwen-demo')).toEqual(['model model Qwen/Qwen3-8B [hf-models#1] https://huggingface.co/Qwen/Qwen3-8B']);
  });

  it('only the lists given are read: without the GitHub lists the code has no rank, without the papers a model has no paper', () => {
    // Spelled as the paper's githubRepo spells it when no list holds it.
    expect(lines([papers], 'hf-papers', '2611.01234')).toEqual(['code repository Acme/Repo [] https://github.com/Acme/Repo']);
    expect(lines([models], 'hf-models', 'acme/acme-7b')).toEqual(['base model meta-llama/Llama-3.1-8B [] https://huggingface.co/meta-llama/Llama-3.1-8B']);
  });
});

describe('never guessed from similar names, never a hostile link', () => {
  it('a repository of the same name on another account, a model named like the paper, a Space named like a model: no link', () => {
    const lists = [
      list('hf-papers', [{ itemId: '2611.01234', codeUrl: 'https://github.com/Acme/Repo' }]),
      list('gh-trending-daily', [{ itemId: 'acme-labs/repo' }, { itemId: 'acme/repo2' }, { itemId: 'Acme/Repo-' }]),
      list('hf-models', [{ itemId: 'Acme/Repo' }, { itemId: 'x/paper-2611.01234', tags: ['arxiv:2611.0123', 'arxiv:2611.012345', 'base_model:Qwen3-8B'] }, { itemId: 'Qwen/Qwen3-8B' }]),
      list('hf-spaces', [{ itemId: 'Qwen/Qwen3-8B' }]),
    ];
    // The paper's code is Acme/Repo: listed nowhere (the GitHub ids differ), and the model `Acme/Repo` on the Hub is not it.
    expect(lines(lists, 'hf-papers', '2611.01234')).toEqual(['code repository Acme/Repo [] https://github.com/Acme/Repo']);
    for (const itemId of ['acme-labs/repo', 'acme/repo2', 'Acme/Repo-']) expect(lines(lists, 'gh-trending-daily', itemId)).toEqual([]);
    expect(lines(lists, 'hf-models', 'Acme/Repo')).toEqual([]);
    // Not arXiv ids of the paper (4 digits after 2611 is not an id of that month; 6 is too many), a base without an owner.
    expect(lines(lists, 'hf-models', 'x/paper-2611.01234')).toEqual([]);
    expect(lines(lists, 'hf-models', 'Qwen/Qwen3-8B')).toEqual([]);
    expect(lines(lists, 'hf-spaces', 'Qwen/Qwen3-8B')).toEqual([]);
  });

  it("a paper's code address that is a GitHub page, not a repository, links nothing; nor do hostile tags and ids", () => {
    const lists = [
      list('hf-papers', [
        { itemId: '2611.00001', codeUrl: 'https://github.com/settings/tokens' },
        { itemId: '2611.00002', codeUrl: 'https://github.com/o/r/../../settings/tokens' },
        { itemId: '2611.00003', codeUrl: 'javascript:alert(1)' },
        { itemId: '2611.00004', codeUrl: 'https://github.com.evil.io/o/r' },
      ]),
      list('gh-trending-daily', [{ itemId: 'settings/tokens' }, { itemId: 'o/r' }]),
      list('hf-models', [
        { itemId: 'm/one', tags: ['base_model:../../logout', 'base_model:javascript:alert(1)', 'dataset:<script>', 'arxiv:javascript:1'] },
        { itemId: 'logout/x' },
        { itemId: 'm/two', tags: ['base_model:logout/x'] },
      ]),
      list('hf-spaces', [{ itemId: 'fan/s', models: ['m/one', '<img src=x>', 'settings/x'] as string[] }]),
    ];
    for (const id of ['2611.00001', '2611.00002', '2611.00003', '2611.00004']) expect(lines(lists, 'hf-papers', id)).toEqual([]);
    expect(lines(lists, 'hf-models', 'm/one')).toEqual(['space space fan/s [hf-spaces#1] https://huggingface.co/spaces/fan/s']);
    // `logout` is a reserved first segment of huggingface.co: not a model, so neither the row nor the tag links.
    expect(lines(lists, 'hf-models', 'm/two')).toEqual([]);
    expect(lines(lists, 'hf-spaces', 'fan/s')).toEqual(['model model m/one [hf-models#1] https://huggingface.co/m/one']);
  });

  it('a model does not link to itself, and a merge of two names no base', () => {
    const lists = [
      list('hf-models', [
        { itemId: 'a/x', tags: ['base_model:A/X'] },
        { itemId: 'b/y', tags: ['base_model:merge:a/x', 'base_model:merge:c/z'] },
        { itemId: 'c/z' },
      ]),
    ];
    expect(lines(lists, 'hf-models', 'a/x')).toEqual([]);
    expect(lines(lists, 'hf-models', 'b/y')).toEqual([]);
    expect(lines(lists, 'hf-models', 'c/z')).toEqual([]);
  });
});

describe('bounded', () => {
  it(`at most ${MAX_LINKS_PER_KIND} of a kind and ${MAX_LINKS_PER_ITEM} in all, the rest counted`, () => {
    expect([MAX_LINKS_PER_KIND, MAX_LINKS_PER_ITEM]).toEqual([3, 6]);
    // A base with 5 derivatives listed, 4 Spaces using it, and 2 datasets its tags name, both listed.
    const derivatives = ['d/1', 'd/2', 'd/3', 'd/4', 'd/5'].map((itemId) => ({ itemId, tags: ['base_model:b/base'] }));
    const lists = [
      list('hf-models', [{ itemId: 'b/base', tags: ['dataset:s/one', 'dataset:s/two'] }, ...derivatives]),
      list('hf-spaces', ['p/1', 'p/2', 'p/3', 'p/4'].map((itemId) => ({ itemId, models: ['b/base'] }))),
      list('hf-datasets', [{ itemId: 's/one' }, { itemId: 's/two' }]),
    ];
    const found = crossLinks(lists).get(crossLinkKey('hf-models', 'b/base'))!;
    // Order found: derivatives (3 of 5), datasets (2), spaces (1 of 4 before the item's 6 are full).
    expect(found.links.map((link) => `${link.kind} ${link.id}`)).toEqual(['derivative d/1', 'derivative d/2', 'derivative d/3', 'dataset s/one', 'dataset s/two', 'space p/1']);
    // 2 derivatives and 3 Spaces left out.
    expect(found.omitted).toBe(5);
  });

  it('ten thousand rows of one list make no more than the bounds per item', () => {
    const many = Array.from({ length: 10_000 }, (_, index) => ({ itemId: `d/m${index}`, tags: ['base_model:b/base'] }));
    const found = crossLinks([list('hf-models', [{ itemId: 'b/base' }, ...many])]).get(crossLinkKey('hf-models', 'b/base'))!;
    expect(found.links).toHaveLength(3);
    expect(found.omitted).toBe(9_997);
  });
});
