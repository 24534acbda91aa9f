/**
 * The trending parser over 1 MB of pathological markup (issue #9, "Parsing in
 * linear time": the benchmark reports the parse of 1 MB of pathological
 * markup, budget 200 ms). Every shape of tests/support/pathological-markup.ts
 * (nested rows, 200,000-deep spans, stray end tags under deep nesting…) at
 * 1 MB, parsed `runs` times after `warmup` untimed parses; the figure is the
 * worst shape's median. Timed in this Node process (V8, as in the extension's
 * worker), wall clock; printed, never asserted (the unit tests prove the work
 * linear by counting it: tests/unit/sources/github-trending-linear.test.ts).
 *
 *   npx tsx scripts/bench/pathological.ts   # this figure alone; npm run bench prints it with the others
 */
import { pathToFileURL } from 'node:url';
import { SourceError } from '../../lib/sources/errors';
import { parseTrendingPage } from '../../lib/sources/github-trending';
import { PATHOLOGICAL_SHAPES } from '../../tests/support/pathological-markup';
import { timing, type Timing } from './work';

/** The budget for parsing 1 MB of pathological markup. */
export const PATHOLOGICAL_PARSE_BUDGET_MS = 200;
const BYTES = 1_000_000;

export interface PathologicalReport {
  bytes: number;
  budgetMs: number;
  /** Per shape: its page's length, the parse times, what the parse gave. */
  shapes: Record<string, { bytes: number; timing: Timing; outcome: string }>;
  /** The shape with the slowest median. */
  worst: { shape: string; timing: Timing };
}

export function measurePathologicalParse(options: { runs?: number; warmup?: number } = {}): PathologicalReport {
  const runs = options.runs ?? 15;
  const warmup = options.warmup ?? 2;
  const shapes: PathologicalReport['shapes'] = {};
  for (const [shape, make] of Object.entries(PATHOLOGICAL_SHAPES)) {
    const html = make(BYTES);
    const samples: number[] = [];
    let outcome = '';
    for (let run = 0; run < warmup + runs; run++) {
      const started = performance.now();
      try {
        const { items, dropped } = parseTrendingPage(html);
        outcome = `${items.length} read, ${dropped} dropped`;
      } catch (error) {
        if (!(error instanceof SourceError)) throw error;
        outcome = `parse error: ${error.message}`;
      }
      samples.push(performance.now() - started);
    }
    shapes[shape] = { bytes: html.length, timing: timing(samples, warmup), outcome };
  }
  const [shape, worst] = Object.entries(shapes).reduce((slowest, entry) => (entry[1].timing.median > slowest[1].timing.median ? entry : slowest));
  return { bytes: BYTES, budgetMs: PATHOLOGICAL_PARSE_BUDGET_MS, shapes, worst: { shape, timing: worst.timing } };
}

/** The report as one line, in bench.ts's notes format: median (min–max, first call), the budget beside it. */
export function pathologicalLine(report: PathologicalReport): string {
  const t = (value: Timing) => `${value.median.toFixed(1)} (${value.min.toFixed(1)}–${value.max.toFixed(1)}, first ${value.first.toFixed(1)})`;
  const met = report.worst.timing.median <= report.budgetMs ? '✓' : '✗';
  const each = Object.entries(report.shapes).map(([shape, { timing: value }]) => `${shape} ${value.median.toFixed(1)}`);
  return (
    `Trending parse of ${(report.bytes / 1_000_000).toFixed(0)} MB of pathological markup, ms median (min–max, first call), worst of ` +
    `${Object.keys(report.shapes).length} shapes (${report.worst.shape}): ${t(report.worst.timing)} (≤ ${report.budgetMs} ${met}); each: ${each.join(', ')}.`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(pathologicalLine(measurePathologicalParse()));
}
