import type { ListRow } from '@/lib/shared/movement';
import { compactNumber, fullNumber, METRIC_UNIT } from '@/lib/shared/format';
import { isSafeLink } from '@/lib/shared/links';
import type { MetricName } from '@/lib/sources/contract';
import { ItemName } from './ItemName';
import { rowLinks, shelfViews } from './useItemKeys';
import { Movement } from './Movement';

export interface TrendingListProps {
  rows: readonly ListRow[];
  /** Accessible name of the list, e.g. "Trending models". */
  label: string;
  /** Which metrics to show, in order; per row in a list that mixes sources. */
  metrics: readonly MetricName[] | ((row: ListRow) => readonly MetricName[]);
  /** Show at most this many rows. */
  limit?: number;
  /** Show each item's description (repositories, papers); per row in a list that mixes sources. */
  descriptions?: boolean | ((row: ListRow) => boolean);
  /** In a list that mixes sources (the side panel's search): the name of each row's source, shown on the row. */
  sourceOf?: (row: ListRow) => string;
}

/**
 * A ranked list, in the popup and the side panel. Every string from the network is rendered as text; links
 * are re-checked, and open in a new tab: without a target they would load inside the panel or the popup
 * (issue #9, finding 7). A plain `target="_blank"` needs no `tabs` permission, and keeps the browser's own
 * middle-click and context menu; `noopener noreferrer`: the page opened gets no handle on the extension's.
 */
export function TrendingList({ rows, label, metrics, limit, descriptions = false, sourceOf }: TrendingListProps) {
  const shown = limit === undefined ? rows : rows.slice(0, limit);
  return (
    <ol class="trending" aria-label={label}>
      {shown.map((row) => {
        const chip = row.item.task ?? row.item.sdk ?? row.item.language;
        const rowMetrics = typeof metrics === 'function' ? metrics(row) : metrics;
        const described = typeof descriptions === 'function' ? descriptions(row) : descriptions;
        return (
          // Keyed by source too: an item id is only unique within its source, and a search mixes sources.
          <li class="trending__row" key={`${row.item.sourceId} ${row.itemId}`} data-item-id={row.itemId}>
            <span class="trending__rank" aria-hidden="true">
              {row.rank}
            </span>
            <div class="trending__body">
              <ItemName name={row.item.name} url={row.item.url} newTab />
              {chip ? <span class="trending__task">{chip}</span> : null}
              {row.change ? <Movement isNew={row.change.isNew} climbed={row.change.climbed} /> : null}
              {sourceOf ? <span class="trending__source">{sourceOf(row)}</span> : null}
            </div>
            {described && row.item.description ? <p class="trending__description">{row.item.description}</p> : null}
            <p class="trending__metrics">
              {rowMetrics
                // A figure that is not a number (NaN, Infinity) is left out, as a missing one is (issue #9).
                .filter((metric) => Number.isFinite(row.metrics[metric]))
                .map((metric) => (
                  <span class="metric" key={metric} title={`${fullNumber(row.metrics[metric])} ${METRIC_UNIT[metric]}`}>
                    <span class="metric__value">{compactNumber(row.metrics[metric])}</span>{' '}
                    <span class="metric__unit">{METRIC_UNIT[metric]}</span>
                  </span>
                ))}
              {row.item.codeUrl && isSafeLink(row.item.codeUrl) ? (
                <a class="metric trending__code" href={row.item.codeUrl} rel="noopener noreferrer" target="_blank">
                  code
                </a>
              ) : null}
            </p>
            {/* Links across sources (issue #12), in the side panel once it is ready. */}
            {rowLinks.value?.(row)}
            {/* Save and Watch (issue #10), once the shelves are loaded: nothing on a page that never loads them (the popup). */}
            {shelfViews.value?.Row({ sourceId: row.item.sourceId, itemId: row.itemId, name: row.item.name })}
          </li>
        );
      })}
    </ol>
  );
}
