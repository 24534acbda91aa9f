import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { visibleRows, type ListFilters } from '@/lib/shared/filters';
import { linkedRepositoriesOf } from '@/lib/shared/links';
import type { ListRow } from '@/lib/shared/movement';
import { SOURCES } from '@/lib/sources';
import type { SourceId } from '@/lib/sources/ids';
import { sharedRecordings } from '../support/recordings';

const NONE: ListFilters = { hfTasks: { include: [], hide: [] }, githubLanguages: [], aiKeywords: [] };
const files = sharedRecordings();

/** A source's recorded list as the pages get it from the history. */
function rows(id: SourceId): ListRow[] {
  return SOURCES[id].parse(readFileSync(files[id], 'utf8')).items.map(({ id: itemId, metrics, ...meta }, index) => ({
    rank: index + 1,
    itemId,
    metrics,
    item: { ...meta, sourceId: id, itemId, firstSeenAt: 0, lastSeenAt: 0 },
  }));
}

describe('visibleRows', () => {
  it('leaves Hugging Face lists whole without filters, keeping the source ranks', () => {
    expect(visibleRows('hf-models', rows('hf-models'), NONE)).toHaveLength(30);
  });

  it('includes only the chosen tasks, and hides the hidden ones (case-insensitively)', () => {
    const models = rows('hf-models');
    const included = visibleRows('hf-models', models, { ...NONE, hfTasks: { include: ['Text-Generation'], hide: [] } });
    expect(included.length).toBe(models.filter((row) => row.item.task === 'text-generation').length);
    expect(included.every((row) => row.item.task === 'text-generation')).toBe(true);
    const hidden = visibleRows('hf-models', models, { ...NONE, hfTasks: { include: [], hide: ['text-generation', 'image-text-to-text'] } });
    expect(hidden.some((row) => row.item.task === 'text-generation' || row.item.task === 'image-text-to-text')).toBe(false);
    // Rows without a task stay unless an include list asks for tasks.
    expect(hidden.filter((row) => row.item.task === undefined)).toHaveLength(3);
    expect(included.map((row) => row.rank)).toEqual([...included.map((row) => row.rank)].sort((a, b) => a - b));
  });

  it('keeps GitHub trending to AI/ML repositories, and the reader can add words to the rule', () => {
    const daily = rows('gh-trending-daily');
    expect(visibleRows('gh-trending-daily', daily, NONE)).toHaveLength(7);
    const hidden = daily.filter((row) => !visibleRows('gh-trending-daily', daily, NONE).includes(row));
    const word = hidden[0]!.item.name.split('/')[1]!;
    expect(visibleRows('gh-trending-daily', daily, { ...NONE, aiKeywords: [word] })).toHaveLength(8);
  });

  it('filters GitHub lists by language; search results must be new by their own date and AI/ML by the rule', () => {
    const search = rows('gh-search');
    // The recording was captured on 2026-07-14; its 12 repositories were created 7–11 July 2026.
    const captured = Date.parse('2026-07-14T12:00:00Z');
    expect(visibleRows('gh-search', search, NONE, captured)).toHaveLength(12);
    const python = visibleRows('gh-search', search, { ...NONE, githubLanguages: ['python'] }, captured);
    expect(python.length).toBe(search.filter((row) => row.item.language === 'Python').length);
    expect(python.length).toBeGreaterThan(0);
    // The same response read in November: none of them is new any more (created > 30 days before the fetch).
    expect(visibleRows('gh-search', search, NONE, Date.parse('2026-11-28T08:00:00Z'))).toEqual([]);
    // Without the time it was fetched, nothing can be called new.
    expect(visibleRows('gh-search', search, NONE)).toEqual([]);
    // A response that does not honour its query: a repository created in 2010, and one about cooking.
    const old = { ...search[0]!, itemId: 'torvalds/linux', item: { ...search[0]!.item, itemId: 'torvalds/linux', name: 'torvalds/linux', createdAt: '2010-01-01T00:00:00Z' } };
    const offTopic = { ...search[1]!, itemId: 'cook/recipes', item: { ...search[1]!.item, itemId: 'cook/recipes', name: 'cook/recipes', description: 'My recipes', tags: [], createdAt: '2026-07-10T00:00:00Z' } };
    expect(visibleRows('gh-search', [old, offTopic, search[2]!], NONE, captured).map((row) => row.itemId)).toEqual([search[2]!.itemId]);
    // Created a day "after" the fetch: clock skew is allowed a day, no more.
    const future = { ...search[2]!, item: { ...search[2]!.item, createdAt: '2026-07-16T12:00:01Z' } };
    expect(visibleRows('gh-search', [future], NONE, captured)).toEqual([]);
  });

  it('counts a repository that a paper links as its code as AI/ML, whatever its description says', () => {
    const daily = rows('gh-trending-daily');
    const hidden = daily.filter((row) => !visibleRows('gh-trending-daily', daily, NONE).includes(row));
    const linked = linkedRepositoriesOf([{ codeUrl: `https://github.com/${hidden[0]!.itemId.toUpperCase()}` }, { codeUrl: 'https://example.com/a/b' }, {}]);
    expect(linked).toEqual(new Set([hidden[0]!.itemId.toLowerCase()]));
    expect(visibleRows('gh-trending-daily', daily, NONE, undefined, linked).map((row) => row.itemId)).toContain(hidden[0]!.itemId);
    expect(visibleRows('gh-trending-daily', daily, NONE, undefined, linked)).toHaveLength(visibleRows('gh-trending-daily', daily, NONE).length + 1);
  });

  it('does not filter papers by task or language', () => {
    expect(visibleRows('hf-papers', rows('hf-papers'), { ...NONE, hfTasks: { include: ['x'], hide: [] }, githubLanguages: ['Rust'] })).toHaveLength(25);
  });
});
