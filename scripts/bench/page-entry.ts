/** What the bundle exposes in the page as `globalThis.__ampBench` (scripts/bench/page-bundle.ts). */
export { clearAll, counts, growYear, installRefreshDone, tableRows } from './year-builder';
export { measureIssue, measureRefresh } from './work-runner';
