import type { SourceTimeline, TimelinePoint } from '@/lib/history/timeline';
import { compactNumber, fullNumber, METRIC_UNIT, shortDate } from '@/lib/shared/format';
import type { MetricName } from '@/lib/sources/contract';
import { METRIC_FRAME, RANK_FRAME, rankAxisEnd, rankTicks, rankY, runs, timeX, valueY, type Frame } from './chart-geometry';

/**
 * An item's rank and figures over time as SVG (issue #12, "Item timelines"),
 * drawn with Preact elements (no markup strings). Each chart is an image with
 * a name that says what it shows; the same data is in the table under it
 * (TimelineTable.tsx), which is what a screen reader reads row by row.
 */

/** The time span every chart of a page shares, so that a day is at the same x in each. */
export interface Span {
  from: number;
  to: number;
}

interface AxisProps {
  frame: Frame;
  span: Span;
}

/** The dates under a chart: its first, middle and last. */
function DateAxis({ frame, span }: AxisProps) {
  const x = timeX(frame, span.from, span.to);
  // The axis a little below the plot, so that a line along the foot of the plot stays visible; the dates under it.
  const axis = frame.height - frame.bottom + 4;
  const y = frame.height - 6;
  const times = span.to > span.from ? [span.from, span.from + (span.to - span.from) / 2, span.to] : [span.from];
  const anchors = times.length === 1 ? ['middle'] : ['start', 'middle', 'end'];
  return (
    <g class="timeline-chart__axis" aria-hidden="true">
      <line x1={frame.left} x2={frame.width - frame.right} y1={axis} y2={axis} />
      {times.map((at, index) => (
        <text key={index} x={x(at)} y={y} text-anchor={anchors[index]}>
          {shortDate(at) ?? ''}
        </text>
      ))}
    </g>
  );
}

/** Lines for the runs of points with a value; a lone point (a run of one) is a dot. */
function Runs({ points, x, y, value }: { points: readonly TimelinePoint[]; x: (at: number) => number; y: (value: number) => number; value: (point: TimelinePoint) => number | null | undefined }) {
  return (
    <g class="timeline-chart__series">
      {runs(points, value).map((run) =>
        run.length === 1 ? (
          <circle key={run[0]!.point.at} cx={x(run[0]!.point.at)} cy={y(run[0]!.value)} r="2.5" />
        ) : (
          <polyline key={run[0]!.point.at} points={run.map(({ point, value: found }) => `${x(point.at)},${y(found)}`).join(' ')} />
        ),
      )}
    </g>
  );
}

/** "No. 6 on Nov 29, 2025", the words for a point. */
const rankWords = (rank: number, at: number) => `No. ${rank} on ${shortDate(at) ?? 'an unknown day'}`;

/** The rank over time: No. 1 at the top, gaps where the item was not in the list. */
export function RankChart({ source, label, span }: { source: SourceTimeline; label: string; span: Span }) {
  const frame = RANK_FRAME;
  const end = rankAxisEnd(source.worstRank);
  const x = timeX(frame, span.from, span.to);
  const y = rankY(frame, end);
  const listed = source.points.filter((point) => point.rank !== null);
  const first = listed[0];
  const last = listed[listed.length - 1];
  const absent = source.points.length - listed.length;
  const name =
    first && last
      ? `Rank in ${label}: ${rankWords(first.rank!, first.at)}, ${rankWords(last.rank!, last.at)}; best No. ${source.bestRank}` +
        (absent > 0 ? `; not in the list ${fullNumber(absent)} of ${fullNumber(source.points.length)} times` : '')
      : `Rank in ${label}: not in any kept list`;
  return (
    <svg class="timeline-chart timeline-chart--rank" role="img" aria-label={name} viewBox={`0 0 ${frame.width} ${frame.height}`} data-chart="rank">
      <g class="timeline-chart__grid" aria-hidden="true">
        {rankTicks(end).map((rank) => (
          <g key={rank}>
            <line x1={frame.left} x2={frame.width - frame.right} y1={y(rank)} y2={y(rank)} />
            <text x={frame.left - 6} y={y(rank) + 4} text-anchor="end">
              No. {rank}
            </text>
          </g>
        ))}
      </g>
      <DateAxis frame={frame} span={span} />
      <Runs points={source.points} x={x} y={y} value={(point) => point.rank} />
    </svg>
  );
}

/** One figure over time (likes, stars…), between its smallest and largest value shown. */
export function MetricChart({ source, metric, label, span }: { source: SourceTimeline; metric: MetricName; label: string; span: Span }) {
  const frame = METRIC_FRAME;
  const values = source.points.map((point) => point.metrics[metric]).filter((value): value is number => value !== undefined);
  if (values.length === 0) return null;
  const x = timeX(frame, span.from, span.to);
  const y = valueY(frame, values);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const unit = METRIC_UNIT[metric];
  const name = `${unit} in ${label}: from ${fullNumber(values[0])} to ${fullNumber(values[values.length - 1])}, lowest ${fullNumber(low)}, highest ${fullNumber(high)}`;
  return (
    <figure class="timeline-figure">
      <figcaption class="timeline-figure__caption" aria-hidden="true">
        {unit}
      </figcaption>
      <svg class="timeline-chart timeline-chart--metric" role="img" aria-label={name} viewBox={`0 0 ${frame.width} ${frame.height}`} data-chart={metric}>
        <g class="timeline-chart__grid" aria-hidden="true">
          {(high > low ? [high, low] : [high]).map((value) => (
            <g key={value}>
              <line x1={frame.left} x2={frame.width - frame.right} y1={y(value)} y2={y(value)} />
              <text x={frame.left - 6} y={y(value) + 4} text-anchor="end">
                {compactNumber(value)}
              </text>
            </g>
          ))}
        </g>
        <DateAxis frame={frame} span={span} />
        <Runs points={source.points} x={x} y={y} value={(point) => point.metrics[metric]} />
      </svg>
    </figure>
  );
}
