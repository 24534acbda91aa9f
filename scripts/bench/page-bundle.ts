/**
 * The in-page half of the history benchmarks (scripts/bench/page-entry.ts and
 * what it imports: the production lib code) bundled to one IIFE with vite's
 * `build()` API, and loaded into an extension page with `page.evaluate`. CDP's
 * evaluation is not subject to the page's CSP (script-src 'self'), and the page
 * belongs to the extension's origin, so the code reaches the extension's own
 * IndexedDB: the same database the service worker and the new tab use.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build, type Rollup } from 'vite';
import type * as PageEntry from './page-entry';

const ENTRY = fileURLToPath(new URL('./page-entry.ts', import.meta.url));
const GLOBAL = '__ampBench';
let bundled: Promise<string> | undefined;

/** The bundle's code, built once per process (≈0.4 s). */
export function pageBundle(): Promise<string> {
  bundled ??= (async () => {
    const result = await build({
      configFile: false,
      logLevel: 'warn',
      build: {
        write: false,
        minify: false,
        // One self-contained script: no chunks to load, no import statements.
        lib: { entry: ENTRY, formats: ['iife'], name: GLOBAL, fileName: () => 'bench.js' },
      },
    });
    const output = (Array.isArray(result) ? result[0] : result) as Rollup.RollupOutput;
    const chunk = output.output.find((file): file is Rollup.OutputChunk => file.type === 'chunk');
    if (!chunk) throw new Error('vite produced no bundle for scripts/bench/page-entry.ts');
    return chunk.code;
  })();
  return bundled;
}

export type PageBench = typeof PageEntry;

/** Load the bundle into `page` unless it is there already. Its exports are then `globalThis.__ampBench`. */
export async function loadPageBench(page: Page): Promise<void> {
  const loaded = await page.evaluate((name) => name in globalThis, GLOBAL);
  if (loaded) return;
  // `var __ampBench = (function(){…})()`: evaluated as a script, its var is a global of the page.
  await page.evaluate(await pageBundle());
}

/** The page whose origin is the extension's, with nothing of its own running: its manifest, shown as text. */
export async function openBenchPage(session: { context: import('playwright-core').BrowserContext; url(page: string): string }): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(session.url('manifest.json'));
  await loadPageBench(page);
  return page;
}
