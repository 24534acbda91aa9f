import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SOURCES } from '@/lib/sources';
import { boundList } from '@/lib/sources/bound';
import type { SourceId } from '@/lib/sources/ids';
import { sharedFixture, SHARED_FIXTURES } from '../../support/paths';

/**
 * Every recorded response in ../shared/fixtures parses, and how many items
 * each yields (the counts of shared/fixtures/README.md). A file added there
 * without a row here fails the last test.
 */
const FIXTURES: Record<string, { source: SourceId; items: number }> = {
  'hf-models-trending.json': { source: 'hf-models', items: 30 },
  'hf-models-list-raw-sample.json': { source: 'hf-models', items: 3 },
  'hf-api-trending-models.json': { source: 'hf-models', items: 10 },
  'hf-datasets-trending.json': { source: 'hf-datasets', items: 25 },
  'hf-spaces-trending.json': { source: 'hf-spaces', items: 25 },
  'hf-daily-papers.json': { source: 'hf-papers', items: 25 },
  'github-trending-daily.html': { source: 'gh-trending-daily', items: 11 },
  'github-trending-weekly.html': { source: 'gh-trending-weekly', items: 18 },
  'github-trending-python-daily.html': { source: 'gh-trending-daily', items: 20 },
  // 2019 markup, which GitHub no longer serves: read as a bonus (issue #3).
  'github-trending-daily-2019-legacy-markup.html': { source: 'gh-trending-daily', items: 25 },
  'github-search-topic-ai.json': { source: 'gh-search', items: 12 },
};

describe('every shared fixture', () => {
  it.each(Object.entries(FIXTURES))('%s parses into its items', (file, { source, items }) => {
    const list = SOURCES[source].parse(readFileSync(sharedFixture(file), 'utf8'));
    expect(list.items).toHaveLength(items);
    expect(list.dropped).toBe(0);
    expect(new Set(list.items.map((item) => item.id)).size).toBe(items);
    for (const item of list.items) expect(item.url).toMatch(/^https:\/\/(huggingface\.co|github\.com)\//);
  });

  // What the worker stores is the parse bounded (lib/sources/bound.ts): real responses lose no item to it, and no
  // field but an abstract longer than a card's 350 characters.
  it.each(Object.entries(FIXTURES))('%s loses nothing real to the bounds', (file, { source }) => {
    const parsed = SOURCES[source].parse(readFileSync(sharedFixture(file), 'utf8'));
    const bounded = boundList(parsed, SOURCES[source].limit);
    expect(bounded.dropped).toBe(0);
    expect(bounded.items).toHaveLength(parsed.items.length);
    let cut = 0;
    for (const [index, item] of bounded.items.entries()) {
      const { description, ...rest } = parsed.items[index]!;
      expect(item).toEqual(expect.objectContaining(rest));
      if (description === undefined || description.length <= 350) {
        expect(item.description).toBe(description);
      } else {
        cut += 1;
        expect(item.description!.length).toBeLessThanOrEqual(350);
        expect(item.description!.endsWith('…')).toBe(true);
        expect(description.startsWith(item.description!.slice(0, -1))).toBe(true);
      }
    }
    console.info(`${file}: ${parsed.items.length} items parsed, ${bounded.items.length} kept by the bounds, 0 rows lost, ${cut} descriptions cut to 350 characters`);
  });

  it('has a row here for every file in the folder', () => {
    sharedFixture('README.md');
    const files = readdirSync(SHARED_FIXTURES).filter((file) => file !== 'README.md');
    expect(files.sort()).toEqual(Object.keys(FIXTURES).sort());
  });
});
