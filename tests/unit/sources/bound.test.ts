import { describe, expect, it } from 'vitest';
import { boundItem, boundList } from '@/lib/sources/bound';
import type { TrendingItem } from '@/lib/sources/contract';
import { SourceError } from '@/lib/sources/errors';

// Expected values are written by hand; the caps they reflect are those of
// lib/shared/limits.ts (350 for a description, 60 for a label, 100 tags of at
// most 250 characters, 50 authors of at most 100, years 1991–2100).

function item(id: string, extra: Partial<TrendingItem> = {}): TrendingItem {
  return { id, name: id, url: `https://huggingface.co/${id}`, metrics: {}, ...extra };
}

/** An item as a parser with a bug, or a future one, might hand over: any value in any field. */
function loose(fields: Record<string, unknown>): TrendingItem {
  return { id: 'org/model', name: 'org/model', url: 'https://huggingface.co/org/model', metrics: {}, ...fields } as unknown as TrendingItem;
}

describe('boundList', () => {
  it('keeps the first `limit` items and counts the rest as dropped, with those the parser dropped', () => {
    const list = { items: ['a/1', 'a/2', 'a/3', 'a/4', 'a/5'].map((id) => item(id)), dropped: 2 };
    const bounded = boundList(list, 3);
    expect(bounded.items.map((entry) => entry.id)).toEqual(['a/1', 'a/2', 'a/3']);
    expect(bounded.dropped).toBe(4);
  });

  it('a list within its limit loses nothing', () => {
    const bounded = boundList({ items: [item('a/1'), item('a/2')], dropped: 0 }, 50);
    expect(bounded).toEqual({ items: [item('a/1'), item('a/2')], dropped: 0 });
  });

  it('rejects an item whose id cleaning would change, and the next one takes its place within the limit', () => {
    const list = {
      items: [
        item('a/1'),
        { ...item('a/ok'), id: 'a/\u202Egpj' },
        { ...item('a/ok'), id: 'a/\u200Bb' },
        { ...item('a/ok'), id: ' a/b' },
        { ...item('a/ok'), id: 'x'.repeat(201) },
        { ...item('a/ok'), id: '' },
        { ...item('a/ok'), id: 42 as unknown as string },
        item('a/2'),
        item('a/3'),
      ],
      dropped: 0,
    };
    const bounded = boundList(list, 2);
    expect(bounded.items.map((entry) => entry.id)).toEqual(['a/1', 'a/2']);
    // Six rejected, one beyond the limit.
    expect(bounded.dropped).toBe(7);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://huggingface.co/a/b',
    'https://huggingface.co.evil.example/a/b',
    'https://user:pass@github.com/a/b',
    '//github.com/a/b',
    '',
  ])('rejects an item whose url is %j', (url) => {
    const bounded = boundList({ items: [{ ...item('a/1'), url }, item('a/2')], dropped: 0 }, 50);
    expect(bounded.items.map((entry) => entry.id)).toEqual(['a/2']);
    expect(bounded.dropped).toBe(1);
  });

  it('turns a list with nothing left into a parse error, never an empty list', () => {
    let caught: unknown;
    try {
      boundList({ items: [{ ...item('a/1'), url: 'javascript:alert(1)' }], dropped: 3 }, 50);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SourceError);
    expect((caught as SourceError).failure.kind).toBe('parse');
    expect((caught as SourceError).failure.message).toBe('none of the 1 entries has a usable id and link');
  });
});

describe('boundItem: text fields', () => {
  it.each<[keyof TrendingItem, unknown, string | undefined]>([
    ['name', 'Attention Is\nAll You\u00A0Need', 'Attention Is All You Need'],
    ['name', '\u202Eevil', 'evil'],
    ['name', `${'N'.repeat(305)}`, `${'N'.repeat(299)}…`],
    ['description', `  A model\tthat\r\nreasons.  `, 'A model that reasons.'],
    ['description', '<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['description', 'd'.repeat(351), `${'d'.repeat(349)}…`],
    ['description', 'd'.repeat(350), 'd'.repeat(350)],
    ['description', '\u200B\u200B', undefined],
    ['description', 12, undefined],
    ['task', 'text-generation', 'text-generation'],
    ['task', 't'.repeat(61), `${'t'.repeat(59)}…`],
    ['library', 'trans\u2066formers', 'transformers'],
    ['sdk', 'gra\u0000dio', 'gradio'],
    ['language', 'Python\u200F', 'Python'],
    ['language', null, undefined],
  ])('%s %j → %j', (field, raw, expected) => {
    const bounded = boundItem(loose({ [field]: raw }))!;
    expect(bounded[field]).toEqual(expected);
  });

  it('a name that cleans to nothing is the id', () => {
    expect(boundItem(loose({ name: '\u200B\u202E\u2066 ' }))!.name).toBe('org/model');
    expect(boundItem(loose({ name: undefined }))!.name).toBe('org/model');
  });

  it('keeps only the fields of an item, in their bounds', () => {
    const bounded = boundItem(loose({ evil: '<script>', metrics: { likes: 3, bogus: 1e308 } }));
    expect(bounded).toEqual({ id: 'org/model', name: 'org/model', url: 'https://huggingface.co/org/model', metrics: { likes: 3 } });
  });

  it('keeps a safe code link and leaves out any other', () => {
    expect(boundItem(loose({ codeUrl: 'https://github.com/a/b' }))!.codeUrl).toBe('https://github.com/a/b');
    expect(boundItem(loose({ codeUrl: 'javascript:alert(1)' }))!.codeUrl).toBeUndefined();
    expect(boundItem(loose({ codeUrl: 'https://evil.example/a/b' }))!.codeUrl).toBeUndefined();
  });
});

describe('boundItem: tags and authors', () => {
  it('keeps the first 100 of 10,000 tags', () => {
    const tags = Array.from({ length: 10_000 }, (_, index) => `tag-${index}`);
    const bounded = boundItem(loose({ tags }))!;
    expect(bounded.tags).toHaveLength(100);
    expect(bounded.tags![0]).toBe('tag-0');
    expect(bounded.tags![99]).toBe('tag-99');
  });

  it('cleans tags, merges the ones that clean to the same, and leaves out the empty, the too long and the non-strings', () => {
    const bounded = boundItem(loose({ tags: ['llm', 'l\u200Blm', '\u202E', 'x'.repeat(251), 'y'.repeat(250), 7, null, 'region:us'] }))!;
    expect(bounded.tags).toEqual(['llm', 'y'.repeat(250), 'region:us']);
  });

  it('leaves tags out when they are not a list, or nothing is left of them', () => {
    expect(boundItem(loose({ tags: 'llm' }))!.tags).toBeUndefined();
    expect(boundItem(loose({ tags: ['\u200B', ''] }))!.tags).toBeUndefined();
  });

  it("keeps a Space's first 20 valid model ids as they are (issue #12): an id with an invisible character, a reserved route or a path is left out, never cleaned", () => {
    const models = ['a/b', 'a\u200B/c', 'logout/x', '../x', 'a/b', 42, ...Array.from({ length: 25 }, (_, index) => `m/${index}`)];
    expect(boundItem(loose({ models }))!.models).toEqual(['a/b', ...Array.from({ length: 19 }, (_, index) => `m/${index}`)]);
    expect(boundItem(loose({ models: 'a/b' }))!.models).toBeUndefined();
    expect(boundItem(loose({ models: ['logout/x'] }))!.models).toBeUndefined();
  });

  it('keeps the first 50 authors, each cut to 100 characters, skipping empty names', () => {
    const authors = ['\u200B', `${'A'.repeat(120)}`, ...Array.from({ length: 60 }, (_, index) => `Author ${index}`)];
    const bounded = boundItem(loose({ authors }))!;
    expect(bounded.authors).toHaveLength(50);
    expect(bounded.authors![0]).toBe(`${'A'.repeat(99)}…`);
    expect(bounded.authors![1]).toBe('Author 0');
    expect(bounded.authors![49]).toBe('Author 48');
  });
});

describe('boundItem: dates', () => {
  it.each<[unknown, string | undefined]>([
    ['2026-11-26T10:00:00.000Z', '2026-11-26T10:00:00.000Z'],
    ['2026-11-26T10:00:00Z', '2026-11-26T10:00:00Z'],
    ['2025-07-10T00:52:22.466123Z', '2025-07-10T00:52:22.466123Z'],
    ['2026-11-26T10:00:00+05:30', '2026-11-26T10:00:00+05:30'],
    ['2026-11-26T10:00', '2026-11-26T10:00'],
    ['2026-11-26', '2026-11-26'],
    ['2024-02-29', '2024-02-29'],
    ['1991-08-14', '1991-08-14'],
    ['2100-12-31T23:59:59Z', '2100-12-31T23:59:59Z'],
    // Not kept.
    ['2026-02-29', undefined],
    ['2026-02-30T00:00:00Z', undefined],
    ['2026-04-31', undefined],
    ['2026-13-01', undefined],
    ['2026-11-26T24:00:00Z', undefined],
    ['2026-11-26T10:60:00Z', undefined],
    ['1990-12-31', undefined],
    ['2101-01-01', undefined],
    ['+275760-09-13T00:00:00Z', undefined],
    ['0000-01-01', undefined],
    ['Thu, 26 Nov 2026 10:00:00 GMT', undefined],
    ['2026-11-26T10:00:00+0530', undefined],
    ['2026-11-26 10:00:00', undefined],
    ['2026-11-26T10:00:00Z\u202E', undefined],
    [' 2026-11-26', undefined],
    ['', undefined],
    [1_795_687_200_000, undefined],
    [null, undefined],
  ])('createdAt and publishedAt %j → %j', (raw, expected) => {
    const bounded = boundItem(loose({ createdAt: raw, publishedAt: raw }))!;
    expect(bounded.createdAt).toBe(expected);
    expect(bounded.publishedAt).toBe(expected);
  });
});

describe('boundItem: metrics', () => {
  it.each<[string, unknown, number | undefined]>([
    ['a count', 12_099, 12_099],
    ['zero', 0, 0],
    // `toBe` compares with Object.is: -0 would fail it. Intl prints -0 as "-0".
    ['negative zero is zero', -0, 0],
    ['the largest safe integer', 9_007_199_254_740_991, 9_007_199_254_740_991],
    ['2^53', 9_007_199_254_740_992, undefined],
    ['1e308', 1e308, undefined],
    ['Infinity', Infinity, undefined],
    ['NaN', Number.NaN, undefined],
    ['a negative count', -1, undefined],
    ['a fraction', 1.5, undefined],
    ['a string of digits', '12', undefined],
    ['null', null, undefined],
  ])('likes: %s', (_, raw, expected) => {
    expect(boundItem(loose({ metrics: { likes: raw } }))!.metrics.likes).toBe(expected);
  });

  it.each<[string, unknown, number | undefined]>([
    ['an integer score', 2047, 2047],
    ['a fraction', 12.5, 12.5],
    ['a negative score', -3, -3],
    ['negative zero is zero', -0, 0],
    ['the largest safe integer', 9_007_199_254_740_991, 9_007_199_254_740_991],
    ['below the least', -9_007_199_254_740_992, undefined],
    ['1e308', 1e308, undefined],
    ['-Infinity', -Infinity, undefined],
    ['NaN', Number.NaN, undefined],
    ['a string', '2047', undefined],
  ])('trendingScore: %s', (_, raw, expected) => {
    expect(boundItem(loose({ metrics: { trendingScore: raw } }))!.metrics.trendingScore).toBe(expected);
  });

  it('bounds every count metric, not only likes', () => {
    const metrics = { likes: 1e308, downloads: -1, stars: 2.5, forks: Infinity, starsInPeriod: '5', upvotes: Number.NaN };
    expect(boundItem(loose({ metrics }))!.metrics).toEqual({});
    const good = { likes: 1, downloads: 2, stars: 3, forks: 4, starsInPeriod: 5, upvotes: 6 };
    expect(boundItem(loose({ metrics: good }))!.metrics).toEqual({ likes: 1, downloads: 2, stars: 3, forks: 4, starsInPeriod: 5, upvotes: 6 });
  });

  it('reads metrics that are not an object as none', () => {
    expect(boundItem(loose({ metrics: 'lots' }))!.metrics).toEqual({});
    expect(boundItem(loose({ metrics: null }))!.metrics).toEqual({});
  });
});
