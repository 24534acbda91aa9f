/**
 * How close each test runs to its timeout, from vitest's JSON reports.
 *
 *   npx vitest run --reporter=json --outputFile=.tmp/unit-1.json      # as many runs as you like
 *   npx vitest run -c vitest.e2e.config.ts --reporter=json --outputFile=.tmp/e2e-1.json
 *   npx tsx scripts/test-durations.ts .tmp/unit-*.json                 # the 20 slowest
 *   npx tsx scripts/test-durations.ts --top 0 .tmp/e2e-1.json          # every test
 *
 * Given several reports, a test's time is its worst. Its timeout is the one it
 * ran under: tests/support/timeout-meta.ts (a setup file of both configs)
 * writes it into each test's `meta`; a report without it falls back to
 * --timeout (default: vitest's 5000 ms). The rule the project keeps: no test's
 * worst time above a fifth of its timeout (ratio ≤ 0.2). Exits 1 when one is,
 * or when a report holds a failed test, so CI or a loop can use it.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';

interface AssertionResult {
  fullName: string;
  status: string;
  duration?: number | null;
  meta?: { timeout?: number };
}
interface JsonReport {
  testResults: { name: string; assertionResults: AssertionResult[] }[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '20' },
    timeout: { type: 'string', default: '5000' },
    limit: { type: 'string', default: '0.2' },
  },
});
if (positionals.length === 0) {
  console.error('usage: npx tsx scripts/test-durations.ts [--top N] [--timeout MS] [--limit RATIO] report.json…');
  process.exit(2);
}

const fallbackTimeout = Number(values.timeout);
const limit = Number(values.limit);
const tests = new Map<string, { file: string; name: string; worst: number; timeout: number; runs: number; failed: number }>();
for (const path of positionals) {
  const report = JSON.parse(readFileSync(path, 'utf8')) as JsonReport;
  for (const file of report.testResults) {
    const where = relative(process.cwd(), file.name);
    for (const test of file.assertionResults) {
      if (test.status === 'skipped' || test.status === 'pending' || test.status === 'todo') continue;
      const key = `${where}\u0000${test.fullName}`;
      const entry = tests.get(key) ?? { file: where, name: test.fullName, worst: 0, timeout: test.meta?.timeout ?? fallbackTimeout, runs: 0, failed: 0 };
      entry.worst = Math.max(entry.worst, test.duration ?? 0);
      entry.timeout = test.meta?.timeout ?? entry.timeout;
      entry.runs++;
      if (test.status === 'failed') entry.failed++;
      tests.set(key, entry);
    }
  }
}

const rows = [...tests.values()].map((test) => ({ ...test, ratio: test.worst / test.timeout })).sort((a, b) => b.ratio - a.ratio || b.worst - a.worst);
const top = Number(values.top) > 0 ? rows.slice(0, Number(values.top)) : rows;
const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;
console.log(`${positionals.length} report(s), ${rows.length} tests; worst time of each, against its timeout (limit ${limit}):\n`);
console.log(`${'time'.padStart(10)}  ${'timeout'.padStart(10)}  ratio  runs  test`);
for (const row of top) {
  const flag = row.ratio > limit ? '  ← over' : '';
  const failed = row.failed ? ` (failed ${row.failed}×)` : '';
  console.log(`${ms(row.worst).padStart(10)}  ${ms(row.timeout).padStart(10)}  ${row.ratio.toFixed(2).padStart(5)}  ${String(row.runs).padStart(4)}  ${row.file} > ${row.name}${failed}${flag}`);
}
const over = rows.filter((row) => row.ratio > limit);
const failed = rows.filter((row) => row.failed > 0);
console.log(`\n${over.length} over the limit, ${failed.length} failed at least once.`);
process.exitCode = over.length > 0 || failed.length > 0 ? 1 : 0;
