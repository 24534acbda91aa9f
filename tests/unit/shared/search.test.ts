import { afterAll, describe, expect, it } from 'vitest';
import type { ListRow } from '@/lib/shared/movement';
import type { CatalogItem } from '@/lib/shared/records';
import {
  candidateKey,
  facetOptions,
  foldText,
  queryWords,
  rowMatches,
  selectCandidates,
  sortCandidates,
  type Candidate,
  type SearchFilters,
} from '@/lib/shared/search';
import type { SourceId } from '@/lib/sources/ids';

/** A row written by hand: only what the search reads. */
function row(sourceId: SourceId, itemId: string, rank: number, item: Partial<CatalogItem> = {}): ListRow {
  return { rank, itemId, metrics: {}, item: { sourceId, itemId, name: itemId, url: `https://example.com/${itemId}`, firstSeenAt: 0, lastSeenAt: 0, ...item } as CatalogItem };
}

const ORDER: SourceId[] = ['hf-models', 'hf-datasets', 'gh-trending-daily'];
function candidate(r: ListRow): Candidate {
  return { row: r, sourceId: r.item.sourceId, sourceIndex: ORDER.indexOf(r.item.sourceId) };
}

// Seven candidates across three sources; every expectation below names them by hand.
const A = candidate(row('hf-models', 'Qwen/Qwen3-8B', 1, { task: 'text-generation', library: 'transformers', tags: ['chat', 'multilingual'] }));
const B = candidate(row('hf-models', 'black-forest/FLUX.1', 2, { task: 'text-to-image', library: 'diffusers', createdAt: '2026-11-20T00:00:00Z' }));
const C = candidate(row('hf-models', 'café/Modèle-Crème', 3, { task: 'text-generation', library: 'transformers', description: 'Un modèle français' }));
const D = candidate(row('hf-datasets', 'HuggingFaceFW/fineweb', 1, { task: 'text-generation', createdAt: '2026-11-25T00:00:00Z' }));
const E = candidate(row('hf-datasets', 'openai/gsm8k', 2, { tags: ['math'] }));
const F = candidate(row('gh-trending-daily', 'ggml-org/llama.cpp', 1, { language: 'C++', description: 'LLM inference in C/C++', createdAt: '2023-03-10T00:00:00Z' }));
const G = candidate(row('gh-trending-daily', 'ＦＵＬＬ/ｗｉｄｔｈ', 2, { language: 'Python', description: 'İstanbul tools', publishedAt: '2026-11-26T00:00:00Z', createdAt: '2020-01-01T00:00:00Z' }));
const ALL = [A, B, C, D, E, F, G];
const names = (list: readonly Candidate[]) => list.map((entry) => entry.row.itemId);

describe('foldText and queryWords', () => {
  it.each([
    ['Café', 'cafe'],
    ['MODÈLE', 'modele'],
    ['ＦＵＬＬ', 'full'],
    ['İstanbul', 'istanbul'],
    ['Ångström', 'angstrom'],
    ['naïve', 'naive'],
  ])('folds %s to %s', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it('splits on any white space and drops empty words', () => {
    expect(queryWords('  Llama\tCPP \n ')).toEqual(['llama', 'cpp']);
    expect(queryWords('   ')).toEqual([]);
  });
});

describe('selectCandidates', () => {
  // Each query with the candidates that must match, chosen by reading the table above.
  const cases: [string, SearchFilters, Candidate[]][] = [
    ['', {}, [A, B, C, D, E, F, G]],
    ['qwen', {}, [A]],
    ['TEXT-GENERATION', {}, [A, C, D]],
    ['transformers', {}, [A, C]],
    ['creme', {}, [C]],
    ['francais modele', {}, [C]],
    ['math', {}, [E]],
    ['c++', {}, [F]],
    ['inference llama', {}, [F]],
    ['full width', {}, [G]],
    ['istanbul', {}, [G]],
    ['multilingual chat', {}, [A]],
    // Words are looked for within a field, never across two: "generation" is the task, "transformers" the library.
    ['generationtransformers', {}, []],
    ['qwen flux', {}, []],
    ['', { source: 'hf-datasets' }, [D, E]],
    ['', { task: 'text-generation' }, [A, C, D]],
    ['', { task: 'text-generation', source: 'hf-models' }, [A, C]],
    ['', { library: 'diffusers' }, [B]],
    ['', { language: 'C++' }, [F]],
    ['text', { language: 'C++' }, []],
    ['fineweb', { task: 'text-generation' }, [D]],
  ];
  let checked = 0;
  let wrong = 0;
  afterAll(() => console.info(`search selection: ${cases.length} cases × ${ALL.length} candidates = ${checked} decisions checked, ${wrong} wrong`));
  it.each(cases)('query %j with filters %j', (query, filters, expected) => {
    const selected = selectCandidates(ALL, queryWords(query), filters);
    expect(names(selected)).toEqual(names(expected));
    // Every candidate, not only the expected ones: each is in or out as the oracle says.
    for (const entry of ALL) {
      checked += 1;
      if (selected.includes(entry) !== expected.includes(entry)) wrong += 1;
    }
    expect(wrong).toBe(0);
  });

  it('matches a row by a tag only when the tags are a list (a stored odd value is skipped, not thrown on)', () => {
    const odd = row('hf-models', 'odd/tags', 1, { tags: 'math' as unknown as string[] });
    expect(rowMatches(odd, ['math'])).toBe(false);
    expect(rowMatches(odd, ['odd'])).toBe(true);
  });
});

describe('facetOptions', () => {
  it('offers each value present, with counts, most first', () => {
    expect(facetOptions(ALL, [], {}, 'source')).toEqual([
      { value: 'hf-models', count: 3 },
      { value: 'gh-trending-daily', count: 2 },
      { value: 'hf-datasets', count: 2 },
    ]);
    expect(facetOptions(ALL, [], {}, 'task')).toEqual([
      { value: 'text-generation', count: 3 },
      { value: 'text-to-image', count: 1 },
    ]);
    expect(facetOptions(ALL, [], {}, 'library')).toEqual([
      { value: 'transformers', count: 2 },
      { value: 'diffusers', count: 1 },
    ]);
    expect(facetOptions(ALL, [], {}, 'language')).toEqual([
      { value: 'C++', count: 1 },
      { value: 'Python', count: 1 },
    ]);
  });

  it('counts within the query and the other filters, so no value leads to an empty list', () => {
    // "text" is in the tasks of A, B, C (models) and D (a dataset); nowhere in E, F or G.
    expect(facetOptions(ALL, queryWords('text'), {}, 'source')).toEqual([
      { value: 'hf-models', count: 3 },
      { value: 'hf-datasets', count: 1 },
    ]);
    // The task filter does not narrow its own options; the source filter does.
    expect(facetOptions(ALL, [], { task: 'text-generation', source: 'hf-datasets' }, 'task')).toEqual([{ value: 'text-generation', count: 1 }]);
    expect(facetOptions(ALL, [], { task: 'text-generation' }, 'source')).toEqual([
      { value: 'hf-models', count: 2 },
      { value: 'hf-datasets', count: 1 },
    ]);
  });

  it('keeps the chosen value, with 0, when a refresh took its last row away', () => {
    expect(facetOptions([A, B], [], { library: 'mlx' }, 'library')).toEqual([
      { value: 'diffusers', count: 1 },
      { value: 'transformers', count: 1 },
      { value: 'mlx', count: 0 },
    ]);
  });
});

describe('sortCandidates', () => {
  it('by rank: each source in its order, across sources by rank then the page order of sources', () => {
    expect(names(sortCandidates([G, F, E, D, C, B, A], 'rank'))).toEqual(names([A, D, F, B, E, G, C]));
  });

  it('by growth per day: fastest first, rows without a figure last in rank order', () => {
    const growth = new Map([
      [candidateKey('hf-models', 'black-forest/FLUX.1'), 40],
      [candidateKey('gh-trending-daily', 'ggml-org/llama.cpp'), 900],
      [candidateKey('hf-datasets', 'openai/gsm8k'), 40],
      [candidateKey('hf-models', 'café/Modèle-Crème'), -3],
      // Same item id in another source: not F's figure.
      [candidateKey('hf-models', 'ggml-org/llama.cpp'), 5000],
    ]);
    // B and E tie at 40: rank 2 both, models before datasets.
    expect(names(sortCandidates(ALL, 'growth', growth))).toEqual(names([F, B, E, C, A, D, G]));
  });

  it('by newest: publication, else creation, latest first; undated rows last in rank order', () => {
    // G published 2026-11-26 (its creation in 2020 does not count), D 11-25, B 11-20, F 2023; A, C, E undated.
    expect(names(sortCandidates(ALL, 'newest'))).toEqual(names([G, D, B, F, A, E, C]));
  });

  it('puts an unreadable date with the undated', () => {
    const odd = candidate(row('hf-models', 'odd', 9, { createdAt: 'not a date' }));
    expect(names(sortCandidates([odd, B, A], 'newest'))).toEqual(names([B, A, odd]));
  });
});

describe('odd and hostile input', () => {
  // Rows and queries of the kinds remote text and readers produce; none may throw, each answer is written by hand.
  const odd = [
    candidate(row('hf-models', 'marks/e\u0301\u0301\u0301', 1, { description: 'a' + '\u0301'.repeat(5000) })),
    candidate(row('hf-models', 'regex/.*', 2, { description: '(a+)+$ [x]' })),
    candidate(row('hf-datasets', 'rtl/\u05e9\u05dc\u05d5\u05dd', 1, { tags: ['\u05de\u05d5\u05d3\u05dc'] })),
    candidate(row('hf-datasets', 'emoji/🦙-llama', 2, { description: '🦙🦙' })),
    candidate(row('gh-trending-daily', 'ligature/ﬁne-tune', 1, { language: '' })),
  ];
  const cases: [string, string[]][] = [
    ['.*', ['regex/.*']],
    ['(a+)+$', ['regex/.*']],
    ['\u0301\u0301', ['marks/e\u0301\u0301\u0301', 'regex/.*', 'rtl/\u05e9\u05dc\u05d5\u05dd', 'emoji/🦙-llama', 'ligature/ﬁne-tune']],
    ['e', ['marks/e\u0301\u0301\u0301', 'regex/.*', 'emoji/🦙-llama', 'ligature/ﬁne-tune']],
    ['\u05de\u05d5\u05d3\u05dc', ['rtl/\u05e9\u05dc\u05d5\u05dd']],
    ['🦙', ['emoji/🦙-llama']],
    ['fine', ['ligature/ﬁne-tune']],
    ['x'.repeat(200), []],
  ];
  it.each(cases)('query %j', (query, expected) => {
    expect(names(selectCandidates(odd, queryWords(query), {}))).toEqual(expected);
  });

  it('offers no empty language, and keeps the rows it cannot date last', () => {
    expect(facetOptions(odd, [], {}, 'language')).toEqual([]);
    expect(names(sortCandidates(odd, 'newest'))).toEqual(names([odd[0]!, odd[2]!, odd[4]!, odd[1]!, odd[3]!]));
  });
});
