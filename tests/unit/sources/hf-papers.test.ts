import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hfPapers } from '@/lib/sources/hf-papers';
import { SourceError } from '@/lib/sources/errors';
import { OWN_FIXTURES, sharedFixture } from '../../support/paths';

const read = (path: string) => readFileSync(path, 'utf8');

function parseFailure(body: string): SourceError {
  try {
    hfPapers.parse(body);
  } catch (caught) {
    expect(caught).toBeInstanceOf(SourceError);
    expect((caught as SourceError).failure.kind).toBe('parse');
    return caught as SourceError;
  }
  throw new Error('expected a parse error');
}

interface RawEntry {
  paper: {
    id: string;
    title: string;
    summary: string;
    upvotes: number;
    authors: { name: string }[];
    publishedAt: string;
    submittedOnDailyAt: string;
    githubRepo?: string;
  };
  publishedAt: string;
}

describe('hf-papers source', () => {
  it('asks for 50 daily papers, as JSON', () => {
    const request = hfPapers.request({ now: Date.parse('2026-11-27T07:00:00Z') });
    expect(request.url).toBe('https://huggingface.co/api/daily_papers?limit=50');
    expect(request.headers).toEqual({ accept: 'application/json' });
    expect(hfPapers.id).toBe('hf-papers');
    expect(hfPapers.label).toBe('Hugging Face daily papers');
  });
});

describe('hf-papers source over the real recorded response (../shared/fixtures)', () => {
  const body = () => read(sharedFixture('hf-daily-papers.json'));
  const raw = () => JSON.parse(body()) as RawEntry[];

  it('reads all 25 papers of hf-daily-papers.json, in API order', () => {
    const { items, dropped } = hfPapers.parse(body());
    expect(items).toHaveLength(25);
    expect(dropped).toBe(0);
    expect(items.map((item) => item.id)).toEqual(raw().map((entry) => entry.paper.id));
  });

  it('reads every field of the first paper', () => {
    const first = raw()[0]!;
    const { items } = hfPapers.parse(body());
    expect(items[0]).toEqual({
      id: '2607.07673',
      name: 'MedPMC: A Systematic Framework for Scaling High-Fidelity Medical Multimodal Data for Foundation Models',
      url: 'https://huggingface.co/papers/2607.07673',
      // The whole abstract, one line: views truncate, the source does not.
      description: first.paper.summary.replace(/\s+/g, ' ').trim(),
      authors: first.paper.authors.map((author) => author.name),
      codeUrl: 'https://github.com/Yale-BIDS-Chen-Lab/MedPMC',
      // The day it was on the daily list, not the arXiv date (2026-07-07T20:00Z at the top level).
      publishedAt: '2026-07-13T00:00:00.000Z',
      metrics: { upvotes: 0 },
    });
    expect(items[0]!.authors).toHaveLength(28);
    expect(items[0]!.authors?.[0]).toBe('Hyunjae Kim');
    expect(items[0]!.description).toMatch(/^Medicine is inherently multimodal.* We publicly release the framework, corpus, benchmarks, and pretrained models\.$/);
  });

  it('carries upvotes and the daily date of every paper', () => {
    const entries = raw();
    for (const [index, item] of hfPapers.parse(body()).items.entries()) {
      expect(item.metrics).toEqual({ upvotes: entries[index]!.paper.upvotes });
      expect(item.publishedAt).toBe(entries[index]!.paper.submittedOnDailyAt);
    }
  });

  it('links every paper to its huggingface.co/papers page', () => {
    for (const item of hfPapers.parse(body()).items) {
      expect(item.url).toBe(`https://huggingface.co/papers/${item.id}`);
    }
  });

  it('gives a code link to the 18 papers with a GitHub repository, and only to them', () => {
    const entries = raw();
    const items = hfPapers.parse(body()).items;
    expect(items.filter((item) => item.codeUrl)).toHaveLength(18);
    for (const [index, item] of items.entries()) {
      // Rebuilt from the owner/repo; the recorded links are already in that exact form.
      expect(item.codeUrl).toBe(entries[index]!.paper.githubRepo);
    }
    expect(items[1]!.codeUrl).toBeUndefined();
  });
});

describe('hf-papers source over the project fixture', () => {
  it('joins a title broken across lines and dates papers by the daily list', () => {
    const { items, dropped } = hfPapers.parse(read(join(OWN_FIXTURES, 'hf-daily-papers-2026-11-26.json')));
    expect(items).toHaveLength(5);
    expect(dropped).toBe(0);
    expect(items[0]).toMatchObject({
      id: '2611.18342',
      name: 'Aurora-R1: Scaling Test-Time Reasoning with Verifiable Rewards',
      authors: ['Mira Castell', 'Jonah Eberly', 'Priya Natarajan', 'Tomasz Wierzbicki'],
      codeUrl: 'https://github.com/northwind-ai/aurora-r1',
      publishedAt: '2026-11-26T00:00:00.000Z',
      metrics: { upvotes: 142 },
    });
    expect(items[0]!.description).not.toContain('\n');
    expect(items.map((item) => item.codeUrl !== undefined)).toEqual([true, true, false, true, false]);
    expect(items.map((item) => item.publishedAt)).toEqual([
      '2026-11-26T00:00:00.000Z',
      '2026-11-26T00:00:00.000Z',
      '2026-11-26T00:00:00.000Z',
      '2026-11-25T00:00:00.000Z',
      '2026-11-25T00:00:00.000Z',
    ]);
  });
});

describe('hf-papers source over bad input', () => {
  const entry = (paper: Record<string, unknown>, top: Record<string, unknown> = {}) => ({
    paper: { id: '2611.01234', title: 'A paper', summary: 'An abstract.', upvotes: 5, authors: [{ name: 'Ada Lovelace' }], ...paper },
    publishedAt: '2026-11-20T20:00:00.000Z',
    title: 'A paper',
    summary: 'An abstract.',
    numComments: 1,
    ...top,
  });
  const parseOne = (paper: Record<string, unknown>, top?: Record<string, unknown>) => hfPapers.parse(JSON.stringify([entry(paper, top)])).items[0]!;

  it.each([
    ['HTML instead of JSON', '<!doctype html><title>Hugging Face – down</title>', /not JSON/],
    ['a truncated body', '[{"paper":{"id":"2607.07673"', /not JSON/],
    ['an object instead of a list', '{"error":"Invalid date"}', /expected a JSON list, got an object with "error"/],
    ['an empty list', '[]', /the list is empty/],
    ['entries without a paper', '[{"title":"x"}, {"paper":null}, {"paper":{"title":"no id"}}]', /none of the 3 entries/],
  ])('rejects %s with a parse error', (_name, body, message) => {
    expect(parseFailure(body).message).toMatch(message);
  });

  it('drops papers whose id is not an arXiv id and counts them', () => {
    const { items, dropped } = hfPapers.parse(
      JSON.stringify([
        entry({ id: 'javascript:alert(1)' }),
        entry({ id: '2611.00001' }),
        entry({ id: '../x' }),
        entry({ id: 'https://evil.example' }),
        entry({ id: 2611.00002 }),
        entry({ id: '2611.00003v2' }),
      ]),
    );
    expect(items.map((item) => item.url)).toEqual(['https://huggingface.co/papers/2611.00001', 'https://huggingface.co/papers/2611.00003v2']);
    expect(dropped).toBe(4);
  });

  it.each([
    ['a javascript: link', 'javascript:alert(1)'],
    ['a foreign host', 'https://evil.example/a/b'],
    ['a look-alike host', 'https://github.com.evil.example/a/b'],
    ['a GitHub page that is not a repository', 'https://github.com/a'],
    ['not a string', 42],
  ])('gives no code link for %s', (_name, githubRepo) => {
    expect(parseOne({ githubRepo }).codeUrl).toBeUndefined();
  });

  it('rebuilds a code link from the owner/repo of a github.com URL', () => {
    expect(parseOne({ githubRepo: 'http://www.github.com/org/repo/tree/main?tab=readme' }).codeUrl).toBe('https://github.com/org/repo');
    expect(parseOne({ githubRepo: 'https://github.com/org/repo.git' }).codeUrl).toBe('https://github.com/org/repo');
  });

  it('collapses whitespace in titles, abstracts and names', () => {
    const item = parseOne({ title: '  Attention\n  Is All\tYou Need ', summary: '\n We propose\n  a new   network.\n', authors: [{ name: ' Ada\nLovelace ' }] });
    expect(item.name).toBe('Attention Is All You Need');
    expect(item.description).toBe('We propose a new network.');
    expect(item.authors).toEqual(['Ada Lovelace']);
  });

  it('keeps markup in titles and abstracts as plain text', () => {
    const item = parseOne({ title: '<img src=x onerror=alert(1)> &amp; <b>bold</b>', summary: '<script>alert(1)</script>' });
    expect(item.name).toBe('<img src=x onerror=alert(1)> &amp; <b>bold</b>');
    expect(item.description).toBe('<script>alert(1)</script>');
  });

  it('reads drifted fields as absent, falling back to the entry where it has its own copy', () => {
    const item = parseOne(
      { title: 7, summary: null, upvotes: '12', authors: [{ name: 3 }, 'Grace Hopper', { name: 'Alan Turing' }, null], submittedOnDailyAt: 1 },
      { title: 'The entry title', summary: 'The entry abstract.', upvotes: 12 },
    );
    expect(item).toEqual({
      id: '2611.01234',
      name: 'The entry title',
      url: 'https://huggingface.co/papers/2611.01234',
      description: 'The entry abstract.',
      authors: ['Alan Turing'],
      metrics: { upvotes: 12 },
    });
  });

  it('names a paper by its id when no title is left, and leaves out what is missing', () => {
    const item = parseOne({ title: '   ', summary: '', upvotes: -1, authors: 'Ada' }, { title: undefined, summary: undefined });
    expect(item).toEqual({ id: '2611.01234', name: '2611.01234', url: 'https://huggingface.co/papers/2611.01234', metrics: {} });
  });

  it('prefers the paper’s upvotes to the entry’s', () => {
    expect(parseOne({ upvotes: 5 }, { upvotes: 99 }).metrics).toEqual({ upvotes: 5 });
  });
});
