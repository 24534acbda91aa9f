import { fullNumber } from '@/lib/shared/format';

export interface SparklineProps {
  /** One point per day, oldest first. */
  values: readonly number[];
  /** What the points are, for the accessible label: "rank", "likes", "stars". */
  of: string;
  /** Lower is better (ranks): draw small values high. */
  invert?: boolean;
  width?: number;
  height?: number;
}

/** Room at the edges so the stroke and the end dot are not clipped. */
const PAD = 2.5;

/**
 * A small line of how something moved, drawn with Preact elements (no markup
 * strings); a flat line for equal values. With fewer than two points there is
 * no line to draw: it says "new" (issue #11), with what it knows for a screen reader.
 * It scales down to its column on a narrow screen (components/styles/paper.css).
 */
export function Sparkline({ values, of, invert = false, width = 80, height = 20 }: SparklineProps) {
  const points = values.filter((value) => Number.isFinite(value));
  if (points.length < 2) {
    return (
      <span class="sparkline sparkline--new" title={points.length === 1 ? `${of}: ${fullNumber(points[0])}, one day of history` : `no history of ${of} yet`}>
        new
      </span>
    );
  }
  const first = points[0]!;
  const last = points[points.length - 1]!;
  // Scaled by the largest magnitude first: with points near ±1e308 the plain span overflows to Infinity
  // and every y would be NaN (issue #9: no NaN reaches the page, not even in an SVG attribute).
  const scale = Math.max(...points.map(Math.abs)) || 1;
  const min = Math.min(...points) / scale;
  const span = Math.max(...points) / scale - min;
  const x = (index: number) => PAD + (index * (width - 2 * PAD)) / (points.length - 1);
  const y = (value: number) => {
    if (span === 0) return height / 2;
    const share = (value / scale - min) / span;
    return PAD + (invert ? share : 1 - share) * (height - 2 * PAD);
  };
  const round = (value: number) => Math.round(value * 10) / 10;
  const label = `${of} over ${points.length} days: from ${fullNumber(first)} to ${fullNumber(last)}`;
  return (
    <svg class="sparkline" role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <polyline
        points={points.map((value, index) => `${round(x(index))},${round(y(value))}`).join(' ')}
        fill="none"
        stroke="currentColor"
        stroke-width="1.5"
        stroke-linejoin="round"
        stroke-linecap="round"
      />
      <circle cx={round(x(points.length - 1))} cy={round(y(last))} r="2" fill="currentColor" />
    </svg>
  );
}
