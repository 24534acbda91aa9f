/**
 * Where a timeline's points go in its SVG charts (issue #12, "Item timelines"):
 * plain arithmetic, apart from the drawing so that a test can check a point's
 * place by hand (tests/unit/components/timeline.test.tsx).
 */

export interface Frame {
  width: number;
  height: number;
  /** Room for the axis labels: left (values), bottom (dates). */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * The rank chart: 720 × 200 user units, drawn at the width of its column (the viewBox scales it evenly; on a narrow
 * screen its labels are set larger in user units, components/styles/pages/timeline.css, and `left` leaves them room).
 */
export const RANK_FRAME: Frame = { width: 720, height: 200, left: 64, right: 16, top: 12, bottom: 28 };
/** A figure's small chart: two side by side on a wide page, each near its drawn size. */
export const METRIC_FRAME: Frame = { width: 360, height: 120, left: 56, right: 12, top: 10, bottom: 24 };

/** Tenths of a unit: enough for a chart, and short attributes. */
export const round = (value: number): number => Math.round(value * 10) / 10;

/** x of a time between `from` (the left edge of the plot) and `to` (its right edge); the middle when they are one time. */
export function timeX(frame: Frame, from: number, to: number): (at: number) => number {
  const plot = frame.width - frame.left - frame.right;
  if (!(to > from)) return () => round(frame.left + plot / 2);
  return (at) => round(frame.left + ((at - from) / (to - from)) * plot);
}

/**
 * The rank at the foot of the rank axis: the worst rank held, rounded up to a
 * multiple of 5, and at least 5 (a No. 1 to No. 2 chart would look like a fall
 * from a cliff).
 */
export function rankAxisEnd(worstRank: number): number {
  return Math.max(5, Math.ceil(worstRank / 5) * 5);
}

/** y of a rank: No. 1 at the top of the plot, `end` (rankAxisEnd) at its foot. */
export function rankY(frame: Frame, end: number): (rank: number) => number {
  const plot = frame.height - frame.top - frame.bottom;
  return (rank) => round(frame.top + ((rank - 1) / (end - 1)) * plot);
}

/**
 * y of a figure between the smallest (foot) and the largest (top) shown; the
 * middle when all are equal. Scaled by the largest magnitude first: near
 * ±1e308 the plain span overflows to Infinity (components/issue/Sparkline.tsx).
 */
export function valueY(frame: Frame, values: readonly number[]): (value: number) => number {
  const plot = frame.height - frame.top - frame.bottom;
  const scale = Math.max(...values.map(Math.abs), 0) || 1;
  const min = Math.min(...values) / scale;
  const span = Math.max(...values) / scale - min;
  if (!(span > 0)) return () => round(frame.top + plot / 2);
  return (value) => round(frame.top + (1 - (value / scale - min) / span) * plot);
}

/**
 * The runs of consecutive points that have a value: each run is a line, and
 * a break between runs is a time the item was not in the list (or the source
 * did not give the figure).
 */
export function runs<P>(points: readonly P[], value: (point: P) => number | null | undefined): { point: P; value: number }[][] {
  const all: { point: P; value: number }[][] = [];
  let current: { point: P; value: number }[] = [];
  for (const point of points) {
    const found = value(point);
    if (typeof found === 'number' && Number.isFinite(found)) current.push({ point, value: found });
    else if (current.length > 0) {
      all.push(current);
      current = [];
    }
  }
  if (current.length > 0) all.push(current);
  return all;
}

/** Ranks worth a label on the axis: No. 1, the foot, and the middle when it is a whole rank between them. */
export function rankTicks(end: number): number[] {
  const middle = (1 + end) / 2;
  return Number.isInteger(middle) && middle > 1 && middle < end ? [1, middle, end] : [1, end];
}
