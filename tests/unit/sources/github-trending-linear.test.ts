import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceError } from '@/lib/sources/errors';
import { parseTrendingPage } from '@/lib/sources/github-trending';
import { PATHOLOGICAL_SHAPES } from '../../support/pathological-markup';
import { sharedFixture } from '../../support/paths';

/**
 * The trending parser's work grows linearly with the page, whatever its markup
 * (issue #9, finding 2: 400 nested rows took 10 s, 200,000 nested spans over a
 * minute). Proven without timing: the parser counts its units of work
 * (tokenizer events, element pushes and pops, texts collected and joined) and
 * the count per input byte must stay under a bound set by hand, at 10 kB,
 * 100 kB and 1 MB of each pathological shape. A quadratic pass would show as a
 * ratio 100 times larger at 1 MB than at 10 kB. The time of 1 MB is
 * `npm run bench`'s figure (scripts/bench/pathological.ts).
 */

/** Units of work per byte no page may exceed. The worst shape here does about 1.1; a real page 0.2. */
const WORK_PER_BYTE_BOUND = 2;
const SIZES = [10_000, 100_000, 1_000_000];

interface Run {
  shape: string;
  bytes: number;
  workPerByte: number;
  /** What the parse gave: items and dropped, or the parse error's message. */
  outcome: string;
  crashed: boolean;
}

function run(shape: string, html: string): Run {
  const meter = { work: 0 };
  let outcome: string;
  let crashed = false;
  try {
    const { items, dropped } = parseTrendingPage(html, meter);
    outcome = `${items.length} read, ${dropped} dropped`;
  } catch (error) {
    // A parse error is an answer (the refresh keeps the last good list); anything else is a crash.
    crashed = !(error instanceof SourceError);
    outcome = error instanceof Error ? error.message : String(error);
  }
  return { shape, bytes: html.length, workPerByte: meter.work / html.length, outcome, crashed };
}

describe('the trending parser in linear time', () => {
  it('does a bounded amount of work per byte on every pathological shape, at 10 kB, 100 kB and 1 MB', () => {
    const runs = Object.entries(PATHOLOGICAL_SHAPES).flatMap(([shape, make]) => SIZES.map((size) => run(shape, make(size))));
    const worst = Math.max(...runs.map((result) => result.workPerByte));
    const crashes = runs.filter((result) => result.crashed);
    const growth = Math.max(
      ...Object.keys(PATHOLOGICAL_SHAPES).map((shape) => {
        const [small, , large] = runs.filter((result) => result.shape === shape);
        return large!.workPerByte / small!.workPerByte;
      }),
    );
    console.info(
      `linear parse: ${Object.keys(PATHOLOGICAL_SHAPES).length} shapes × ${SIZES.length} sizes = ${runs.length} parses, ${crashes.length} crashes, ` +
        `work per byte at most ${worst.toFixed(2)} (bound ${WORK_PER_BYTE_BOUND}), 1 MB ÷ 10 kB work per byte at most ${growth.toFixed(2)}`,
    );
    expect(crashes).toEqual([]);
    for (const result of runs) {
      expect(result.workPerByte, `${result.shape} at ${result.bytes} bytes`).toBeLessThanOrEqual(WORK_PER_BYTE_BOUND);
    }
    // Not growing with the size: at 1 MB at most a quarter more per byte than at 10 kB.
    expect(growth).toBeLessThanOrEqual(1.25);
  });

  it.each(SIZES)('reads what is readable in each shape of %i bytes, the same at every size', (size) => {
    const outcomes = Object.fromEntries(Object.entries(PATHOLOGICAL_SHAPES).map(([shape, make]) => [shape, run(shape, make(size)).outcome]));
    expect(outcomes).toMatchObject({
      'nested spans in a row': '1 read, 0 dropped',
      // The outermost row only: the rows inside it are neither rows nor part of it.
      'rows nested in rows': '1 read, 0 dropped',
      // The heading's link sits past the depth limit: a row without a repository, as the parse error says.
      'deep nesting inside a heading': 'none of the 1 trending rows links to a GitHub repository',
      'a row with a link after link': '1 read, 0 dropped',
      'unclosed tags in a row': '1 read, 0 dropped',
      'stray end tags under deep nesting': '1 read, 0 dropped',
      'forms under deep nesting': '1 read, 0 dropped',
      'entities in a description': '1 read, 0 dropped',
      'self-closing SVG elements': '1 read, 0 dropped',
      'one long class attribute': '1 read, 0 dropped',
    });
    // Rows after rows: the same repository each time, so one item; the rest up to 100 rows are repeats, and the
    // rows past 100 are left out: all counted as dropped.
    const rowsAfterRows = PATHOLOGICAL_SHAPES['rows after rows']!(size);
    const rows = rowsAfterRows.split('<article').length - 1;
    expect(run('rows after rows', rowsAfterRows).outcome).toBe(`1 read, ${rows - 1} dropped`);
  });

  it('does a quarter of the bound per byte, or less, on the recorded pages (../shared/fixtures)', () => {
    const files = ['github-trending-daily.html', 'github-trending-weekly.html', 'github-trending-python-daily.html', 'github-trending-daily-2019-legacy-markup.html'];
    const runs = files.map((file) => run(file, readFileSync(sharedFixture(file), 'utf8')));
    console.info(`linear parse, recorded pages: ${runs.map((result) => `${result.shape} ${result.workPerByte.toFixed(3)}`).join(', ')} units of work per byte`);
    for (const result of runs) {
      expect(result.crashed).toBe(false);
      expect(result.workPerByte).toBeLessThanOrEqual(WORK_PER_BYTE_BOUND / 4);
    }
  });
});
