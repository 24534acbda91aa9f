import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { visibleRows, type ListFilters } from '@/lib/shared/filters';
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

  it('filters GitHub lists by language; search results need no AI rule', () => {
    const search = rows('gh-search');
    expect(visibleRows('gh-search', search, NONE)).toHaveLength(12);
    const python = visibleRows('gh-search', search, { ...NONE, githubLanguages: ['python'] });
    expect(python.length).toBe(search.filter((row) => row.item.language === 'Python').length);
    expect(python.length).toBeGreaterThan(0);
  });

  it('does not filter papers by task or language', () => {
    expect(visibleRows('hf-papers', rows('hf-papers'), { ...NONE, hfTasks: { include: ['x'], hide: [] }, githubLanguages: ['Rust'] })).toHaveLength(25);
  });
});
