import { describe, expect, it } from 'vitest';
import { HOST_PERMISSIONS } from '../../../wxt.config';
import { SOURCE_IDS, SOURCES } from '@/lib/sources';
import { SourceError } from '@/lib/sources/errors';
import { SOURCE_INFO } from '@/lib/sources/info';

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
