import type { ReadonlySignal, Signal } from '@preact/signals';
import type { VNode } from 'preact';
import { crossLinksOf, whereItTrends, type CrossLinkKind, type ItemLinks } from '@/lib/models/cross-links';
import type { SourceView } from '@/lib/models/sources';
import { isSafeLink } from '@/lib/shared/links';
import type { ListRow } from '@/lib/shared/movement';

/** What a row draws below itself: its links across sources, or nothing. */
export type RowLinks = (row: ListRow) => VNode | null;

/** Each link's word, before its target: "Code: acme/repo". */
const LABEL: Record<CrossLinkKind, string> = {
  code: 'Code',
  paper: 'Paper',
  base: 'Base',
  derivative: 'Derivative',
  model: 'Model',
  dataset: 'Dataset',
  space: 'Used by Space',
};

/**
 * One row's links across sources (issue #12), as a short list under the row:
 * "Code: acme/repo — No. 3 in GitHub trending today". Every link comes from a
 * validated id (lib/history/cross-links.ts) and is checked again here; the
 * ids are text.
 */
export function CrossLinkList({ found }: { found: ItemLinks | undefined }) {
  if (!found || found.links.length === 0) return null;
  return (
    <ul class="crosslinks" aria-label="In other lists">
      {found.links.map((link) => (
        <li class="crosslinks__link" key={`${link.kind} ${link.id}`}>
          <span class="crosslinks__kind">{LABEL[link.kind]}:</span>{' '}
          {isSafeLink(link.url) ? (
            <a href={link.url} rel="noopener noreferrer" target="_blank">
              {link.id}
            </a>
          ) : (
            link.id
          )}
          <span class={link.ranks.length ? 'crosslinks__rank' : 'crosslinks__rank crosslinks__rank--none'}> — {whereItTrends(link)}</span>
          {link.via ? <span class="crosslinks__via"> (through paper {link.via})</span> : null}
        </li>
      ))}
      {found.omitted > 0 ? <li class="crosslinks__more">and {found.omitted} more</li> : null}
    </ul>
  );
}

/**
 * Fills `slot` (components/useItemKeys.ts `rowLinks`, handed in so that this
 * chunk does not import it) with what each row draws, computed from the
 * page's lists as they change. Loaded by the side panel once it is ready: the
 * links are not part of what it needs to paint (tests/e2e/budgets.e2e.ts).
 */
export function installCrossLinks(slot: Signal<RowLinks | undefined>, sources: ReadonlySignal<readonly SourceView[]>): void {
  const linksOf = crossLinksOf(sources);
  slot.value = (row) => <CrossLinkList found={linksOf(row)} />;
}
