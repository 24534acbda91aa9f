/**
 * `npm run bench:timeline`: how fast an item's timeline (issue #12) reads and paints over a year of history, in
 * the built extension in headless Chromium. Printed, never asserted: times on a shared 2-core machine drift, so
 * the new tab is timed in the same run for a ratio.
 *
 *   npm run bench:timeline -- [--runs 15]
 *
 * The extension installs over recorded lists (../shared/fixtures, or tests/fixtures without it); then a year of
 * history is written straight into its IndexedDB in the shape retention leaves it (tests/support/timeline-year.ts:
 * one snapshot a day for days 365 … 8, every hour of the last week) for one repository in all three GitHub lists —
 * the most a timeline reads, 526 snapshots × 3 sources — each snapshot the size of that source's real latest
 * list, with all its figures. The page is then opened `--runs` times; each run reports the page's own read
 * (`amp:timeline-read`: open the database and read, entrypoints/timeline/main.tsx), its first contentful paint,
 * its ready mark (`amp:ready`: facts and charts) and its complete mark (`amp:complete`: the tables too).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchExtension, type ExtensionSession } from '../tests/support/browser';
import { FixtureServer } from '../tests/support/fixture-server';
import { CHROME_BUILD, SHARED_FIXTURES } from '../tests/support/paths';
import { ownRecordings, serveRecordings, sharedRecordings } from '../tests/support/recordings';
import { awaitFirstIssue } from '../tests/support/simulate';
import { seedTimelineYear, TIMELINE_YEAR_SOURCES } from '../tests/support/timeline-year';
import { COMPLETE_MARK, READY_MARK } from '../lib/shared/page-marks';
import { TIMELINE_READ_MEASURE } from '../lib/models/timeline';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs wants a whole number, at least 1');
if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) throw new Error(`no Chrome build in ${CHROME_BUILD}: run npm run build first`);

interface Run {
  read?: number;
  fcp?: number;
  ready?: number;
  complete?: number;
}

async function timePage(session: ExtensionSession, address: string): Promise<Run> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(session.url(address));
  await page.waitForSelector('html[data-ready]', { timeout: 30_000 });
  if (address.startsWith('timeline')) await page.waitForSelector('html[data-complete]', { timeout: 30_000 });
  // FCP is reported after the paint; give it a frame.
  await page.waitForTimeout(50);
  const run = await page.evaluate(
    ({ readName, readyName, completeName }) => ({
      read: performance.getEntriesByName(readName)[0]?.duration,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      ready: performance.getEntriesByName(readyName)[0]?.startTime,
      complete: performance.getEntriesByName(completeName)[0]?.startTime,
    }),
    { readName: TIMELINE_READ_MEASURE, readyName: READY_MARK, completeName: COMPLETE_MARK },
  );
  await page.close();
  return run;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const summary = (values: (number | undefined)[]) => {
  const known = values.filter((value): value is number => typeof value === 'number');
  if (known.length === 0) return '     —';
  return `${median(known).toFixed(1).padStart(6)}  ${`${Math.min(...known).toFixed(1)}–${Math.max(...known).toFixed(1)}`.padStart(13)}`;
};

const server = await FixtureServer.start();
serveRecordings(server, existsSync(SHARED_FIXTURES) ? sharedRecordings() : ownRecordings());
const session = await launchExtension({ args: server.chromiumArgs() });
try {
  await awaitFirstIssue(session);
  const seeder = await session.context.newPage();
  await seeder.goto(session.url('options.html'));
  const seeded = await seedTimelineYear(seeder, { wholeYear: true });
  await seeder.close();
  const address = `timeline.html?kind=repo&id=${encodeURIComponent(seeded.id)}`;
  // One warm-up each: the first page of a profile compiles and caches what the next ones reuse.
  await timePage(session, address);
  await timePage(session, 'newtab.html');
  const timeline: Run[] = [];
  const newtab: Run[] = [];
  for (let run = 0; run < runs; run += 1) {
    timeline.push(await timePage(session, address));
    newtab.push(await timePage(session, 'newtab.html'));
  }
  console.log(`An item's timeline over a year of history in Chromium (${seeded.id}, written in ${seeded.seconds.toFixed(1)} s)`);
  for (const sourceId of TIMELINE_YEAR_SOURCES) {
    console.log(`  ${sourceId.padEnd(20)} ${String(seeded.snapshots[sourceId]).padStart(4)} snapshots of ${seeded.keysPerSnapshot[sourceId]} items (${seeded.metrics[sourceId]!.join(', ')})`);
  }
  console.log(`ms over ${runs} runs after a warm-up, each page in a new tab: median, min–max`);
  console.log(`  ${'timeline: open the database + read'.padEnd(40)} ${summary(timeline.map((run) => run.read))}`);
  console.log(`  ${'timeline: first contentful paint'.padEnd(40)} ${summary(timeline.map((run) => run.fcp))}`);
  console.log(`  ${'timeline: ready (facts and charts drawn)'.padEnd(40)} ${summary(timeline.map((run) => run.ready))}`);
  console.log(`  ${'timeline: complete (the tables too)'.padEnd(40)} ${summary(timeline.map((run) => run.complete))}`);
  console.log(`  ${'new tab: first contentful paint'.padEnd(40)} ${summary(newtab.map((run) => run.fcp))}`);
  console.log(`  ${'new tab: ready'.padEnd(40)} ${summary(newtab.map((run) => run.ready))}`);
  const ratio = median(timeline.flatMap((run) => (run.ready === undefined ? [] : [run.ready]))) / median(newtab.flatMap((run) => (run.ready === undefined ? [] : [run.ready])));
  console.log(`  timeline ready / new tab ready: ${ratio.toFixed(2)}`);
} finally {
  await session.close();
  await server.stop();
}
