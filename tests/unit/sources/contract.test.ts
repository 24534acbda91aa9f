import { describe, expect, it } from 'vitest';
import { HOST_PERMISSIONS } from '../../../wxt.config';
import { SOURCE_IDS, SOURCES, type SourceId } from '@/lib/sources';
import { SourceError } from '@/lib/sources/errors';
import { SOURCE_INFO } from '@/lib/sources/info';

/**
 * What each source asks for, by hand: the URL parameter that says how many
 * items, and the number (lib/sources/bound.ts keeps no more). GitHub trending
 * takes no parameter; its pages show at most 25 rows (api-facts.md, pitfall 9).
 */
const REQUESTED: Record<SourceId, { param?: string; limit: number }> = {
  'hf-models': { param: 'limit', limit: 50 },
  'hf-datasets': { param: 'limit', limit: 50 },
  'hf-spaces': { param: 'limit', limit: 50 },
  'hf-papers': { param: 'limit', limit: 50 },
  'gh-trending-daily': { limit: 25 },
  'gh-trending-weekly': { limit: 25 },
  'gh-search': { param: 'per_page', limit: 30 },
};

// Every source module meets the one contract (engineering.md, habit 1).
describe.each(SOURCE_IDS.map((id) => [id, SOURCES[id]] as const))('source %s', (id, source) => {
  it('is registered under its own id, with a label for the reader', () => {
    expect(source.id).toBe(id);
    expect(source.label.trim()).not.toBe('');
    // Pages read labels from SOURCE_INFO (no parsers in their bundles); the two must agree.
    expect(source.label).toBe(SOURCE_INFO[id].label);
  });

  it('requests an https URL on a host the manifest grants', () => {
    const url = new URL(source.request({ now: Date.parse('2026-11-27T07:00:00Z') }).url);
    expect(url.protocol).toBe('https:');
    expect(url.host).toBe(SOURCE_INFO[id].host);
    const granted = HOST_PERMISSIONS.map((pattern) => new URL(pattern.replace('/*', '/')).host);
    expect(granted).toContain(url.host);
  });

  it('declares the number of items its request asks for', () => {
    const { param, limit } = REQUESTED[id];
    expect(source.limit).toBe(limit);
    const url = new URL(source.request({ now: Date.parse('2026-11-27T07:00:00Z') }).url);
    if (param) expect(url.searchParams.get(param)).toBe(String(source.limit));
    // A page that takes no such parameter (GitHub trending) asks for none.
    else for (const name of ['limit', 'per_page']) expect(url.searchParams.has(name)).toBe(false);
  });

  it.each(['', 'not a response', '{}', '[]', '<html></html>'])('turns %j into a parse error, never an empty list', (body) => {
    let caught: unknown;
    try {
      source.parse(body);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SourceError);
    expect((caught as SourceError).failure.kind).toBe('parse');
  });
});
