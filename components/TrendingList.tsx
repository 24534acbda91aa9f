import type { ListRow } from '@/lib/history/read';
import { compactNumber, fullNumber } from '@/lib/format';
import { isSafeLink } from '@/lib/links';
import type { MetricName } from '@/lib/sources';

export interface TrendingListProps {
  rows: readonly ListRow[];
  /** Accessible name of the list, e.g. "Trending models". */
  label: string;
  /** Which metrics to show, in order. */
  metrics: readonly MetricName[];
  /** Show at most this many rows. */
  limit?: number;
}

const METRIC_UNIT: Record<MetricName, string> = {
  likes: 'likes',
  downloads: 'downloads',
  trendingScore: 'trending',
  stars: 'stars',
  forks: 'forks',
  starsInPeriod: 'new stars',
  upvotes: 'upvotes',
};

/** A ranked list. Every string from the network is rendered as text; links are re-checked. */
export function TrendingList({ rows, label, metrics, limit }: TrendingListProps) {
  const shown = limit === undefined ? rows : rows.slice(0, limit);
  return (
    <ol class="trending" aria-label={label}>
      {shown.map((row) => (
        <li class="trending__row" key={row.item.itemId} data-item-id={row.item.itemId}>
          <span class="trending__rank" aria-hidden="true">
            {row.rank}
          </span>
          <div class="trending__body">
            <ItemName name={row.item.name} url={row.item.url} />
            {row.item.task ? <span class="trending__task">{row.item.task}</span> : null}
          </div>
          <p class="trending__metrics">
            {metrics.map((metric) => (
              <span class="metric" key={metric} title={`${fullNumber(row.metrics[metric])} ${METRIC_UNIT[metric]}`}>
                <span class="metric__value">{compactNumber(row.metrics[metric])}</span>{' '}
                <span class="metric__unit">{METRIC_UNIT[metric]}</span>
              </span>
            ))}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** `org/name` with the org set lighter; a link only when the stored URL passes the allowlist. */
function ItemName({ name, url }: { name: string; url: string }) {
  const slash = name.indexOf('/');
  const owner = slash > 0 ? name.slice(0, slash + 1) : '';
  const rest = slash > 0 ? name.slice(slash + 1) : name;
  const text = (
    <>
      {owner ? <span class="trending__owner">{owner}</span> : null}
      <span class="trending__name">{rest}</span>
    </>
  );
  return isSafeLink(url) ? (
    <a class="trending__link" href={url} rel="noopener noreferrer">
      {text}
    </a>
  ) : (
    <span class="trending__link">{text}</span>
  );
}
