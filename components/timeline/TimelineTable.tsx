import type { SourceTimeline } from '@/lib/history/timeline';
import { dailyPoints } from '@/lib/models/timeline';
import { fullNumber, METRIC_UNIT, shortDate } from '@/lib/shared/format';

/**
 * The charts' data as a table, one row a day (issue #12: "a table for screen
 * readers"): a year of hourly and daily history is a few hundred rows, not a
 * thousand. Newest first, the day as each row's header. The table scrolls in
 * its own box, which takes focus so that the keyboard can scroll it too.
 */
export function TimelineTable({ source, label, dayOf, id }: { source: SourceTimeline; label: string; dayOf: (at: number) => string; id: string }) {
  const rows = dailyPoints(source.points, dayOf).reverse();
  if (rows.length === 0) return null;
  const captionId = `${id}-caption`;
  return (
    <div class="timeline-table" role="region" aria-labelledby={captionId} tabIndex={0} data-table={source.sourceId}>
      <table>
        <caption id={captionId}>
          {label}: rank and figures, one row a day, newest first ({fullNumber(rows.length)} days)
        </caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Rank</th>
            {source.metrics.map((metric) => (
              <th scope="col" key={metric}>
                {METRIC_UNIT[metric]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ day, point }) => (
            <tr key={day} class={point.rank === null ? 'timeline-table__absent' : undefined}>
              <th scope="row">{shortDate(point.at) ?? day}</th>
              <td>{point.rank === null ? 'not listed' : `No. ${point.rank}`}</td>
              {source.metrics.map((metric) => (
                <td key={metric}>{point.metrics[metric] === undefined ? '—' : fullNumber(point.metrics[metric])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
