import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { READY_MARK } from '../../lib/shared/page-marks';

/** Files of one kind a page loaded, as they are in the build: bytes as shipped, and gzip -9 of each file, summed. */
export interface Weight {
  /** Paths relative to the build folder, sorted. */
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

/** The binding the probe tab calls at the ready mark (CDP `Runtime.addBinding`). */
const BINDING = '__ampWeightReady';

/**
 * Runs before any of the page's own scripts (CDP `Page.addScriptToEvaluateOnNewDocument`): wraps
 * `performance.mark` so that the ready mark calls the binding in the same task, before the code that follows the
 * mark (a dynamic `import()` of what waits for ready) can start a request. The payload lists the scripts,
 * module preloads and stylesheets then in the document. Plain JavaScript in a string: a function here would be
 * serialised as tsx compiled it, with helpers the page does not have.
 */
const MARK_HOOK = `(() => {
  const mark = Performance.prototype.mark;
  Performance.prototype.mark = function (name, ...rest) {
    const entry = mark.call(this, name, ...rest);
    const binding = globalThis[${JSON.stringify(BINDING)}];
    if (name === ${JSON.stringify(READY_MARK)} && typeof binding === 'function') {
      try {
        const urls = [...document.querySelectorAll('script[src], link[rel="modulepreload"][href], link[rel="stylesheet"][href]')]
          .map((element) => element.src || element.href);
        binding(JSON.stringify(urls));
      } catch {}
    }
    return entry;
  };
})();`;

type Event = { kind: 'request'; url: string } | { kind: 'ready'; urls: string[] };

/**
 * The JavaScript and CSS an extension page loads before it is ready (`<html data-ready>`, User Timing mark
 * `amp:ready`, components/useReadyMarker.ts), weighed as files of `buildDir`.
 *
 * Chromium writes no Resource Timing entries for `chrome-extension://` resources (checked on Chromium 156:
 * `performance.getEntriesByType('resource')` is empty on every extension page), so the page's own timeline cannot
 * say what it loaded. Instead the address `page` was opened at is loaded once more, in a new tab of the same
 * context at the same viewport, with DevTools watching: every request the tab makes to its own extension origin
 * (`Network.requestWillBeSent`, cache disabled so that each is made) until the page calls
 * `performance.mark('amp:ready')`, plus the scripts, module preloads and stylesheets in its document at that
 * moment (the entry script and what the HTML lists). Requests and the mark arrive in the order the renderer made
 * them, on one DevTools session: a chunk the page imports after the mark (Dexie, the extension API) does not
 * count, one it imports before does. `page` itself is only read, never reloaded.
 *
 * Fails, saying why, when `page` is not ready, has no `amp:ready` mark, is not an extension page, or loaded a
 * file that is not in `buildDir` (another build than the one the browser runs).
 */
export async function loadedBeforeReady(
  page: Page,
  buildDir: string,
  options: { timeoutMs?: number } = {},
): Promise<{ js: Weight; css: Weight }> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  await waitForReady(page, page.url(), timeoutMs);
  const given = (await page.evaluate(`({
    url: performance.getEntriesByType('navigation')[0]?.name ?? location.href,
    marked: performance.getEntriesByName(${JSON.stringify(READY_MARK)}, 'mark').length > 0,
  })`)) as { url: string; marked: boolean };
  if (!given.marked) {
    throw new Error(
      `${given.url} set data-ready but has no '${READY_MARK}' User Timing mark: the page must mark readiness ` +
        '(components/useReadyMarker.ts) for its loads to be split at that moment.',
    );
  }
  const origin = extensionOrigin(given.url);
  if (!origin) throw new Error(`${given.url} is not an extension page: loadedBeforeReady weighs chrome-extension:// pages only.`);

  const probe = await page.context().newPage();
  let cdp: CDPSession | undefined;
  try {
    const viewport = page.viewportSize();
    if (viewport) await probe.setViewportSize(viewport);
    cdp = await page.context().newCDPSession(probe);
    const events: Event[] = [];
    cdp.on('Network.requestWillBeSent', (event) => events.push({ kind: 'request', url: event.request.url }));
    cdp.on('Runtime.bindingCalled', (event) => {
      if (event.name === BINDING) events.push({ kind: 'ready', urls: JSON.parse(event.payload) as string[] });
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Runtime.enable');
    await cdp.send('Runtime.addBinding', { name: BINDING });
    await cdp.send('Page.enable');
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: MARK_HOOK });
    await probe.goto(given.url, { waitUntil: 'commit' });
    await waitForReady(probe, given.url, timeoutMs);
    const until = Date.now() + 5_000;
    while (!events.some((event) => event.kind === 'ready')) {
      if (Date.now() > until) {
        throw new Error(`${given.url} set data-ready but never called performance.mark('${READY_MARK}') when loaded again.`);
      }
      await probe.waitForTimeout(20);
    }
    const readyAt = events.findIndex((event) => event.kind === 'ready');
    const ready = events[readyAt] as Extract<Event, { kind: 'ready' }>;
    const urls = [
      ...events.slice(0, readyAt).flatMap((event) => (event.kind === 'request' ? [event.url] : [])),
      ...ready.urls,
    ];
    const files = new Set<string>();
    for (const url of urls) {
      const file = buildFile(url, origin, buildDir, given.url);
      if (file) files.add(file);
    }
    return {
      js: weigh(buildDir, [...files].filter((file) => /\.m?js$/.test(file))),
      css: weigh(buildDir, [...files].filter((file) => file.endsWith('.css'))),
    };
  } finally {
    await cdp?.detach().catch(() => undefined);
    await probe.close();
  }
}

async function waitForReady(page: Page, url: string, timeoutMs: number): Promise<void> {
  try {
    // `attached`: <html> counts as hidden to Playwright on a page that has not laid out yet.
    await page.waitForSelector('html[data-ready]', { state: 'attached', timeout: timeoutMs });
  } catch (error) {
    throw new Error(`${url} did not set data-ready on <html> within ${timeoutMs} ms: it never became ready.`, { cause: error });
  }
}

/** `chrome-extension://<id>`; Node's URL gives `null` as the origin of a scheme it does not know. */
function extensionOrigin(url: string): string | undefined {
  const parsed = new URL(url);
  return parsed.protocol === 'chrome-extension:' ? `${parsed.protocol}//${parsed.host}` : undefined;
}

/** The build file a URL of the page's own origin names, relative to `buildDir`; undefined for other origins. */
function buildFile(url: string, origin: string, buildDir: string, pageUrl: string): string | undefined {
  if (extensionOrigin(url) !== origin) return undefined;
  const path = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '');
  if (!/\.(?:m?js|css)$/.test(path)) return undefined;
  const root = resolve(buildDir);
  const file = resolve(root, path);
  if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
    throw new Error(`${pageUrl} loaded /${path}, which is not a file of ${root}: is the browser running another build?`);
  }
  return file.slice(root.length + 1);
}

function weigh(buildDir: string, files: string[]): Weight {
  const weight: Weight = { files: [...files].sort(), rawBytes: 0, gzipBytes: 0 };
  for (const file of weight.files) {
    const bytes = readFileSync(resolve(buildDir, file));
    weight.rawBytes += bytes.length;
    weight.gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return weight;
}
