/**
 * `npm run preview`: load the built extension into headless Chromium, feed it
 * recorded responses instead of the network, and write screenshots of every
 * surface, light and dark, to ./screenshots (or --out DIR). Prints their paths.
 *
 *   npm run preview                              # recorded data from ../shared/fixtures (or tests/fixtures)
 *   npm run preview -- --models path/to/file.json  # any recorded /api/models response
 *   npm run preview -- --out docs/screenshots      # where to write
 *
 * Uses the production code paths: the worker makes its real requests, which
 * Chromium routes to a loopback server holding the recordings.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchExtension, openReady } from '../tests/support/browser';
import { FixtureServer } from '../tests/support/fixture-server';
import { CHROME_BUILD, OWN_FIXTURES, PROJECT_ROOT, SHARED_FIXTURES } from '../tests/support/paths';

const { values } = parseArgs({
  options: {
    models: { type: 'string' },
    out: { type: 'string', default: join(PROJECT_ROOT, 'screenshots') },
  },
});

function defaultModelsFile(): string {
  const shared = join(SHARED_FIXTURES, 'hf-models-trending.json');
  if (existsSync(shared)) return shared;
  console.warn(`(${SHARED_FIXTURES} is absent: using the project's own recorded-shape fixture)`);
  return join(OWN_FIXTURES, 'hf-models-trending-2026-11-26.json');
}

const modelsFile = resolve(values.models ?? defaultModelsFile());
const outDir = resolve(values.out);
if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) {
  throw new Error(`No build at ${CHROME_BUILD}: run \`npm run build\` first (npm run preview does).`);
}
mkdirSync(outDir, { recursive: true });

const surfaces = [
  { name: 'newtab-wide', page: 'chrome://newtab/', viewport: { width: 1440, height: 1000 } },
  { name: 'newtab-narrow', page: 'chrome://newtab/', viewport: { width: 480, height: 1000 } },
  { name: 'popup', page: 'popup.html', viewport: { width: 380, height: 600 } },
  { name: 'sidepanel', page: 'sidepanel.html', viewport: { width: 400, height: 900 } },
  { name: 'options', page: 'options.html', viewport: { width: 900, height: 640 } },
] as const;

const server = await FixtureServer.start();
server.respondWithFile('huggingface.co/api/models', modelsFile);
const written: string[] = [];
try {
  for (const scheme of ['light', 'dark'] as const) {
    const session = await launchExtension({ args: server.chromiumArgs(), colorScheme: scheme });
    try {
      // Wait for the install refresh to land before taking pictures.
      const first = await openReady(session, 'chrome://newtab/');
      await first.waitForSelector('.trending__row, [data-health="failing"]', { timeout: 20_000 });
      await first.close();
      for (const surface of surfaces) {
        const target = surface.page.startsWith('chrome://') ? surface.page : session.url(surface.page);
        const page = await openReady(session, target, surface.viewport);
        const file = join(outDir, `${surface.name}-${scheme}.png`);
        await page.screenshot({ path: file });
        written.push(file);
        await page.close();
      }
      if (scheme === 'light') {
        // The failure the reader must be told about: a refresh that fails over a good list.
        server.respond('huggingface.co/api/models', { status: 503, body: 'Service Unavailable' });
        const page = await openReady(session, 'chrome://newtab/', { width: 1280, height: 700 });
        await page.getByRole('button', { name: 'Refresh now' }).click();
        await page.waitForSelector('[data-health="failing"]', { timeout: 20_000 });
        const file = join(outDir, 'newtab-failing-light.png');
        await page.screenshot({ path: file });
        written.push(file);
        await page.close();
        server.respondWithFile('huggingface.co/api/models', modelsFile);
      }
    } finally {
      await session.close();
    }
  }
} finally {
  await server.stop();
}
console.log(`Recorded data: ${modelsFile}`);
console.log('Screenshots:');
for (const file of written) console.log(`  ${file}`);
