import { computed, type ReadonlySignal } from '@preact/signals';
import { crossLinkKey, crossLinks, type CrossLink, type ItemLinks } from '../history/cross-links';
import type { ListRow } from '../shared/movement';
import { SOURCE_INFO } from '../sources/info';
import type { SourceView } from './sources';

export type { CrossLink, CrossLinkKind, ItemLinks } from '../history/cross-links';

/**
 * Each row's links across sources (issue #12, lib/history/cross-links.ts),
 * over the lists a page shows — after the reader's filters and without the
 * sources turned off, so a link never leads to an item the reader chose not
 * to see — recomputed when a list changes.
 */
export function crossLinksOf(sources: ReadonlySignal<readonly SourceView[]>): (row: ListRow) => ItemLinks | undefined {
  const links = computed(() => crossLinks(sources.value.map((view) => ({ sourceId: view.id, rows: view.rows }))));
  return (row) => links.value.get(crossLinkKey(row.item.sourceId, row.itemId));
}

/** Where a link's target trends: "No. 3 in GitHub trending today, No. 1 in GitHub trending this week", or "not listed". */
export function whereItTrends(link: CrossLink): string {
  if (link.ranks.length === 0) return 'not listed';
  return link.ranks.map(({ sourceId, rank }) => `No. ${rank} in ${SOURCE_INFO[sourceId].label}`).join(', ');
}
