/**
 * `npm run bench:history`: a simulated year of history grown in the built
 * extension's own IndexedDB in headless Chromium (scripts/bench/year.ts), its
 * size on disk and per table, and the worker's work over it
 * (scripts/bench/work.ts): reading the issue's inputs, composing the issue, the
 * movers, each source's parse-and-store. Printed, never asserted.
 *
 *   npm run bench:history -- [--days 365] [--seed 42] [--churn 0.25] [--dense-days 8] [--runs 15] [--json FILE]
 *
 * The extension is the Chrome build in .output/chrome-mv3 (the npm script builds it first); the recorded responses
 * are ../shared/fixtures, or tests/fixtures without it, served by a loopback server for the install refresh.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SOURCE_IDS } from '../lib/sources/ids';
import { launchExtension } from '../tests/support/browser';
import { FixtureServer } from '../tests/support/fixture-server';
import { CHROME_BUILD, SHARED_FIXTURES } from '../tests/support/paths';
import { ownRecordings, serveRecordings, sharedRecordings } from '../tests/support/recordings';
import { measureWork, type Timing, type WorkReport } from './bench/work';
import { DENSE_DAYS, growYear, indexedDbOnDisk, type DiskSize, type YearReport } from './bench/year';

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '365' },
    seed: { type: 'string', default: '42' },
    churn: { type: 'string', default: '0.25' },
    'dense-days': { type: 'string', default: String(DENSE_DAYS) },
    runs: { type: 'string', default: '15' },
    json: { type: 'string' },
  },
});
const number = (name: keyof typeof values) => {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} wants a number, not ${String(values[name])}`);
  return value;
};
const days = number('days');
if (days < 1 || !Number.isInteger(days)) throw new Error('--days wants a whole number of days, at least 1');
if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) throw new Error(`no Chrome build in ${CHROME_BUILD}: run npm run build first`);

// A profile of our own, so that the year can be weighed with the browser closed and timed in a second launch.
const profileDir = mkdtempSync(join(tmpdir(), 'amp-history-'));
const server = await FixtureServer.start();
serveRecordings(server, existsSync(SHARED_FIXTURES) ? sharedRecordings() : ownRecordings());
let year: YearReport;
let closed: DiskSize;
let work: WorkReport;
let extensionId: string;
try {
  const first = await launchExtension({ args: server.chromiumArgs(), profileDir });
  extensionId = first.extensionId;
  try {
    year = await growYear(first, {
      days,
      seed: number('seed'),
      churn: number('churn'),
      denseDays: number('dense-days'),
      onProgress: (day, total) => {
        if (day % 30 === 0 || day === total) process.stderr.write(`  growing the history: day ${day} of ${total}\n`);
      },
    });
  } finally {
    await first.close();
  }
  // The year alone, as LevelDB leaves it on disk once the browser is closed.
  closed = indexedDbOnDisk(profileDir, extensionId);
  // A second launch on the same profile: the worker wakes at start-up, finds nothing due, and the work is timed.
  const second = await launchExtension({ args: server.chromiumArgs(), profileDir });
  try {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    process.stderr.write('  measuring the work\n');
    work = await measureWork(second, { runs: number('runs') });
  } finally {
    await second.close();
  }
} finally {
  await server.stop();
  rmSync(profileDir, { recursive: true, force: true });
}

const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(2)} MB`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (t: Timing) => `${t.median.toFixed(1).padStart(6)}  ${`${t.min.toFixed(1)}–${t.max.toFixed(1)}`.padStart(13)}  ${t.first.toFixed(1).padStart(6)}`;
const verdict = (value: number, max: number) => (value <= max ? `≤ ${max} ✓` : `> ${max} ✗`);

console.log(`A year of history in Chromium's IndexedDB (${year.recordings} recordings; ${year.days} days, seed ${year.seed}, churn ${year.churn}/source/hour)`);
console.log(`  hourly refreshes simulated   ${year.hours.toLocaleString('en').padStart(8)}   (${(year.hours * SOURCE_IDS.length).toLocaleString('en')} lists)`);
console.log(`  written through production   ${year.refreshesWritten.toLocaleString('en').padStart(8)}   (${year.snapshotsWritten.toLocaleString('en')} snapshots: the last ${number('dense-days')} days hourly, one a day before; scripts/bench/year-builder.ts says why)`);
console.log(`  snapshots kept               ${year.snapshotsKept.toLocaleString('en').padStart(8)}`);
console.log(`  catalog items                ${year.catalogItems.toLocaleString('en').padStart(8)}   (${year.newItems.toLocaleString('en')} entered the lists during the year)`);
console.log(`  issues                       ${year.issues.toLocaleString('en').padStart(8)}`);
console.log(`  built in ${year.seconds.toFixed(1)} s ${verdict(year.seconds, 120)}  (recordSuccess ${year.recordSeconds.toFixed(1)} s, pruneIfDue ${year.pruneSeconds.toFixed(1)} s, publishIfDue ${year.publishSeconds.toFixed(1)} s; growYear in all ${year.totalSeconds.toFixed(1)} s)`);
console.log('');
console.log('Size: V8 structured clone per table (what IndexedDB serialises, before LevelDB compresses)');
for (const [table, size] of Object.entries(year.tables)) {
  const per = size.rows ? ` (${kb(size.cloneBytes / size.rows)} each)` : '';
  console.log(`  ${table.padEnd(13)} ${size.rows.toLocaleString('en').padStart(7)} rows  ${mb(size.cloneBytes).padStart(10)}${per}${size.blobBytes ? ` + ${mb(size.blobBytes)} in Blobs` : ''}`);
}
console.log(`  ${'all'.padEnd(13)} ${' '.repeat(12)} ${mb(year.cloneBytes).padStart(10)}`);
const disk = (label: string, size: DiskSize) =>
  console.log(
    `  ${label.padEnd(34)} ${mb(size.totalBytes).padStart(9)} ${verdict(size.totalBytes / 1_000_000, 10).padEnd(8)}  (tables ${mb(size.tableBytes)}, write-ahead log ${mb(size.logBytes)}, blobs ${mb(size.blobBytes)}, ${size.files} files)`,
  );
console.log(`Size on disk: Default/IndexedDB/chrome-extension_${extensionId}_0.indexeddb.{leveldb,blob}`);
disk('right after the last write', year.diskAfterWrites);
disk('compaction done, browser open', year.disk);
disk('the browser closed', closed);
console.log('  (varies from run to run: each refresh rewrites the catalog row of every item listed, and LevelDB keeps the old versions until it compacts, the latest writes uncompressed in its log; compacted, a year is ~9 MB)');
console.log('');
console.log(`Work over the year, in an extension page, warm (ms: median, min–max of ${work.runs} runs after ${work.warmup} warm-up, and the page's first call)`);
console.log(`  ${''.padEnd(34)} ${'median'.padStart(6)}  ${'min–max'.padStart(13)}  ${'first'.padStart(6)}`);
console.log(`  ${`read the issue's inputs`.padEnd(34)} ${ms(work.issue.loadInputs)}   (${work.issue.snapshotsRead.toLocaleString('en')} snapshots, ${work.issue.itemsRead.toLocaleString('en')} items)`);
console.log(`  ${`compose issue No. ${work.issue.number}`.padEnd(34)} ${ms(work.issue.compose)}   ${verdict(work.issue.compose.median, 30)}`);
console.log(`  ${'  facts alone'.padEnd(34)} ${ms(work.issue.facts)}`);
console.log(`  ${'  movers alone (given the facts)'.padEnd(34)} ${ms(work.issue.movers)}   ${verdict(work.issue.movers.median, 10)}`);
for (const id of SOURCE_IDS) {
  const source = work.refresh.sources[id];
  console.log(`  ${`parse + store ${id}`.padEnd(34)} ${ms(source.parseAndStore)}   (parse ${source.parse.median.toFixed(1)}, store ${source.store.median.toFixed(1)}; ${source.items} items, ${kb(source.responseBytes)})`);
}
console.log(`  ${'parse + store all seven'.padEnd(34)} ${ms(work.refresh.seven)}   ${verdict(work.refresh.seven.median, 150)} (parse ${work.refresh.sevenParse.median.toFixed(1)}, store ${work.refresh.sevenStore.median.toFixed(1)})`);
if (work.cold) {
  const cold = work.cold;
  console.log(`Cold, as a worker just woken pays: the first call in a fresh page, ${cold.runs} pages (ms: median, min–max, the first page)`);
  console.log(`  ${`read the issue's inputs`.padEnd(34)} ${ms(cold.loadInputs)}`);
  console.log(`  ${'compose'.padEnd(34)} ${ms(cold.compose)}   ${verdict(cold.compose.median, 30)}`);
  console.log(`  ${'parse + store all seven'.padEnd(34)} ${ms(cold.seven)}   ${verdict(cold.seven.median, 150)} (parse ${cold.sevenParse.median.toFixed(1)}, store ${cold.sevenStore.median.toFixed(1)})`);
}
if (values.json) {
  writeFileSync(values.json, `${JSON.stringify({ year, diskClosed: closed, work }, null, 2)}\n`);
  console.log(`\nWritten to ${values.json}`);
}
