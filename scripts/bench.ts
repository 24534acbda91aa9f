/**
 * `npm run bench`: figures for the hot path, printed, never asserted.
 * - JavaScript each page loads before it paints (raw and gzip -9).
 * - New tab: first contentful paint and time to `data-ready` (issue rendered
 *   from IndexedDB), over --runs fresh tabs in one browser, after the install
 *   refresh stored every recorded list and published issue No. 1. Paint times snap to frames and
 *   drift ≈15 ms between runs (toolchain.md): read them as medians within a run.
 */
import { parseArgs } from 'node:util';
import { launchExtension, openReady } from '../tests/support/browser';
import { initialJavaScript } from '../tests/support/bundle';
import { FixtureServer } from '../tests/support/fixture-server';
import { CHROME_BUILD, SHARED_FIXTURES } from '../tests/support/paths';
import { ownRecordings, serveRecordings, sharedRecordings } from '../tests/support/recordings';
import { existsSync } from 'node:fs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(values.runs);

console.log('JavaScript loaded before first paint (Chrome build):');
for (const page of ['newtab.html', 'popup.html', 'sidepanel.html', 'options.html']) {
  const weight = initialJavaScript(CHROME_BUILD, page);
  console.log(`  ${page.padEnd(15)} ${(weight.rawBytes / 1024).toFixed(1).padStart(6)} KiB raw  ${(weight.gzipBytes / 1024).toFixed(1).padStart(5)} KiB gzip  (${weight.files.length} files)`);
}

const server = await FixtureServer.start();
serveRecordings(server, existsSync(SHARED_FIXTURES) ? sharedRecordings() : ownRecordings());
const session = await launchExtension({ args: server.chromiumArgs() });
try {
  // Wait for issue No. 1, published from the install refresh.
  const warm = await openReady(session, 'chrome://newtab/');
  await warm.waitForSelector('.issue .trending__row', { timeout: 20_000 });
  await warm.close();
  const requestsBefore = server.requests.length;
  const fcp: number[] = [];
  const ready: number[] = [];
  for (let run = 0; run < runs; run++) {
    const page = await openReady(session, 'chrome://newtab/');
    const timing = await page.evaluate(async () => {
      // The ready mark can land before the first paint is reported: wait for the paint entry.
      const fcp = await new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      });
      return {
        fcp,
        ready: performance.getEntriesByName('amp:ready')[0]?.startTime ?? Number.NaN,
        rows: document.querySelectorAll('.trending__row').length,
      };
    });
    if (timing.rows === 0) throw new Error('the new tab was ready without rows: the benchmark needs stored data');
    fcp.push(timing.fcp);
    ready.push(timing.ready);
    await page.close();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const spread = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
  console.log(`New tab over ${runs} fresh tabs (issue No. 1 from the recorded lists, headless Chromium, ${process.env.CHROME_PATH ?? '/usr/bin/chromium'}):`);
  console.log(`  first contentful paint   median ${median(fcp).toFixed(0)} ms  (range ${spread(fcp)} ms)`);
  console.log(`  rendered from IndexedDB  median ${median(ready).toFixed(0)} ms  (range ${spread(ready)} ms)`);
  console.log(`  network requests made by opening the tabs: ${server.requests.length - requestsBefore}`);
} finally {
  await session.close();
  await server.stop();
}
