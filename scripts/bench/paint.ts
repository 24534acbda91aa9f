/**
 * The paint half of `npm run bench` (issue #8): each page's first contentful paint, first screen and ready
 * times, loaded in fresh tabs interleaved with two references inside the same extension —
 * - the **floor**: a static page without script (floor.html, written here), the cheapest an extension page paints;
 * - each page's **static equivalent**: the page as it rendered once ready, saved without its scripts, so that
 *   only the cost of its own content and styles is timed.
 *
 * The references are files added to a copy of the build (`prepareExtension`), captured from a first launch
 * (`captureStatics`) and timed in a second launch on the same profile (`measurePaint`), where the extension keeps
 * its id because an unpacked extension's id derives from its folder's path.
 *
 * Code that runs in the page is written as strings: tsx compiles a function passed to `page.evaluate` with
 * helpers (`__name`) that the page does not have.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { FIRST_SCREEN_MARK, READY_MARK } from '../../lib/shared/page-marks';
import type { ExtensionSession } from '../../tests/support/browser';
import { loadedBeforeReady, type Weight } from '../../tests/support/page-weight';

export const FLOOR_FILE = 'floor.html';

export type AppName = 'newtab' | 'popup' | 'sidepanel';
export const APP_NAMES: AppName[] = ['newtab', 'popup', 'sidepanel'];
export interface Viewport {
  width: number;
  height: number;
}

/**
 * The surfaces and the viewports they are timed at: a desktop window for the new tab, about the popup's size
 * (compact.css: min-width 360 px; Chrome caps popups at 800×600) and a side panel's column.
 */
export const APPS: Record<AppName, { label: string; file: string; viewport: Viewport }> = {
  newtab: { label: 'new tab', file: 'newtab.html', viewport: { width: 1280, height: 900 } },
  popup: { label: 'popup', file: 'popup.html', viewport: { width: 380, height: 600 } },
  sidepanel: { label: 'side panel', file: 'sidepanel.html', viewport: { width: 400, height: 900 } },
};

export type Kind = 'app' | 'static' | 'floor';
/** One page timed: a surface, its static equivalent, or the floor at that surface's viewport. */
export interface Subject {
  key: string;
  kind: Kind;
  app: AppName;
  label: string;
  file: string;
  viewport: Viewport;
}

export const staticFile = (app: AppName) => `static-${app}.html`;

/**
 * Nine subjects: for each surface the page, its static equivalent and the floor at the page's viewport (a
 * larger viewport is more pixels to raster, so each page is compared with the floor at its own size).
 */
export function subjects(options: { chromeNewTab?: boolean } = {}): Subject[] {
  return APP_NAMES.flatMap((app): Subject[] => {
    const { label, file, viewport } = APPS[app];
    const size = `${viewport.width}×${viewport.height}`;
    // chrome://newtab/ lands on the same document (its navigation entry is newtab.html); by default every page
    // is opened by its own address, so that all nine take the same path.
    const address = app === 'newtab' && options.chromeNewTab ? 'chrome://newtab/' : file;
    return [
      { key: app, kind: 'app', app, label, file: address, viewport },
      { key: `static-${app}`, kind: 'static', app, label: `static ${label}`, file: staticFile(app), viewport },
      { key: `floor-${app}`, kind: 'floor', app, label: `floor ${size}`, file: FLOOR_FILE, viewport },
    ];
  });
}

/** Copy the build to `extensionDir` and add the floor page. */
export function prepareExtension(buildDir: string, extensionDir: string): void {
  cpSync(buildDir, extensionDir, { recursive: true });
  writeFileSync(join(extensionDir, FLOOR_FILE), floorHtml(extensionDir));
}

/**
 * The floor: a few lines of text in the pages' own fonts and colours, with no script and no stylesheet file —
 * one tiny inline `<style>`, so that it paints in the same fonts (fonts are part of a first paint's cost) without
 * a request. The pages' stylesheet requests are what they pay over the floor; their static equivalents pay them
 * too. Font stacks and colours are read from the build's own CSS, so the floor follows the design.
 */
export function floorHtml(extensionDir: string): string {
  const css = readdirSync(join(extensionDir, 'assets'))
    .filter((file) => file.endsWith('.css'))
    .map((file) => readFileSync(join(extensionDir, 'assets', file), 'utf8'))
    .join('\n');
  const token = (name: string, fallback: string) => new RegExp(`--${name}:\\s*([^;}]+)[;}]`).exec(css)?.[1]?.trim() ?? fallback;
  const serif = token('serif', 'serif');
  const sans = token('sans', 'sans-serif');
  const paper = token('paper', '#fbf8f1');
  const ink = token('ink', '#1b1a17');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <title>The AI Morning Post</title>
    <style>html{background:${paper};color:${ink};font-family:${sans};line-height:1.45}h1{font-family:${serif};font-size:2.4rem;margin:1rem}p{margin:1rem;max-width:40rem}</style>
  </head>
  <body>
    <h1>The AI Morning Post</h1>
    <p>What is trending in AI this morning: the models, datasets and spaces people are trying, the papers they are reading and the repositories they are starring.</p>
    <p>A static page of the extension, without script: the floor the benchmark compares every page with.</p>
  </body>
</html>
`;
}

export interface Capture {
  app: AppName;
  file: string;
  /** Elements in the body of the page when it was captured. */
  bodyElements: number;
  htmlBytes: number;
  /** Scripts and module preloads removed. */
  removed: number;
  /** Constructed stylesheets, which HTML cannot carry: a static equivalent is faithful only when 0. */
  adoptedStyleSheets: number;
  /** `<html>` attributes kept, e.g. data-theme. */
  htmlAttributes: Record<string, string>;
}

/**
 * The page as rendered once ready, as HTML without its scripts: form state copied from properties into
 * attributes (HTML cannot carry properties), `<script>` and `<link rel="modulepreload">` removed; stylesheets,
 * inline styles and `<html>`'s attributes (data-theme, data-ready…) kept.
 */
const SERIALIZE = `(() => {
  const live = document.documentElement;
  const copy = live.cloneNode(true);
  const liveFields = live.querySelectorAll('input, textarea, select');
  const copyFields = copy.querySelectorAll('input, textarea, select');
  liveFields.forEach((field, index) => {
    const target = copyFields[index];
    if (!target) return;
    if (field.tagName === 'SELECT') {
      [...field.options].forEach((option, i) => target.options[i] && target.options[i].toggleAttribute('selected', option.selected));
    } else if (field.tagName === 'TEXTAREA') {
      target.textContent = field.value;
    } else if (field.type === 'checkbox' || field.type === 'radio') {
      target.toggleAttribute('checked', field.checked);
    } else {
      target.setAttribute('value', field.value);
    }
  });
  const removable = copy.querySelectorAll('script, link[rel="modulepreload"]');
  removable.forEach((node) => node.remove());
  const doctype = document.doctype ? '<!DOCTYPE ' + document.doctype.name + '>\\n' : '';
  return {
    html: doctype + copy.outerHTML + '\\n',
    bodyElements: document.querySelectorAll('body *').length,
    removed: removable.length,
    adoptedStyleSheets: document.adoptedStyleSheets.length,
    htmlAttributes: Object.fromEntries([...live.attributes].map((attribute) => [attribute.name, attribute.value])),
  };
})()`;

/** Two animation frames: whatever the ready render scheduled for its next frame is in the DOM too. */
const TWO_FRAMES = 'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))))';

/** Open each surface at its viewport, wait until ready, and save its static equivalent into `extensionDir`. */
export async function captureStatics(session: ExtensionSession, extensionDir: string): Promise<Record<AppName, Capture>> {
  const captures = {} as Record<AppName, Capture>;
  for (const app of APP_NAMES) {
    const page = await openAt(session, APPS[app].file, APPS[app].viewport);
    try {
      await waitReady(page, 15_000);
      // The new tab adds the rows folded under "The whole list" once idle after ready: the static equivalent has them.
      if (app === 'newtab') await page.waitForSelector('html[data-complete]', { state: 'attached', timeout: 15_000 });
      await page.evaluate(TWO_FRAMES);
      const result = (await page.evaluate(SERIALIZE)) as Omit<Capture, 'app' | 'file' | 'htmlBytes'> & { html: string };
      const file = staticFile(app);
      writeFileSync(join(extensionDir, file), result.html);
      const { html, ...rest } = result;
      captures[app] = { app, file, htmlBytes: Buffer.byteLength(html), ...rest };
    } finally {
      await page.close();
    }
  }
  return captures;
}

/**
 * Installed in every tab of the measuring launch, before the page's own code (DevTools' script-on-new-document,
 * so it runs on the script-free pages too, a few microseconds each): times `data-first-screen` and `data-ready`
 * when they appear on `<html>`, independently of the marks the page sets, as a cross-check. A MutationObserver
 * reports at the end of the task that set the attribute, before the browser can paint.
 */
export const ATTRIBUTE_OBSERVER = `(() => {
  const seen = { firstScreen: null, ready: null };
  Object.defineProperty(globalThis, '__ampPaint', { value: seen });
  new MutationObserver(() => {
    const data = document.documentElement && document.documentElement.dataset;
    if (!data) return;
    if (seen.firstScreen === null && data.firstScreen !== undefined) seen.firstScreen = performance.now();
    if (seen.ready === null && data.ready !== undefined) seen.ready = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-first-screen', 'data-ready'] });
})();`;

export interface Load {
  key: string;
  round: number;
  /** First contentful paint, ms from navigation start; null when none was reported within 5 s. */
  fcp: number | null;
  /**
   * Largest contentful paint so far, two frames after the first contentful paint, and its element
   * (`tag.first-class`): when the biggest text of the first screen reached the screen, if it is that.
   */
  lcp: number | null;
  lcpElement: string | null;
  /** The page's marks (`amp:first-screen`, `amp:ready`), ms; null when the page sets none. */
  firstScreen: number | null;
  ready: number | null;
  /** When the observer saw `data-first-screen` / `data-ready` appear; null when it did not. */
  firstScreenSeen: number | null;
  readySeen: number | null;
  bodyElements: number;
  visibility: string;
  /** Why the load gave no figures (a page that never became ready), when it did not. */
  error?: string;
}

/**
 * Read once the page is ready (surfaces) or loaded (references): the first contentful paint (waited for, 5 s at
 * most: the ready mark can come before it), then two frames later the largest contentful paint so far and its
 * element, the marks and what the observer saw.
 */
const READ_TIMINGS = `new Promise((resolve) => {
  let lcp = null;
  let lcpElement = null;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      lcp = entry.startTime;
      const element = entry.element;
      lcpElement = element ? element.tagName.toLowerCase() + (element.classList[0] ? '.' + element.classList[0] : '') : null;
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const done = (fcp) => {
    const mark = (name) => { const entry = performance.getEntriesByName(name, 'mark')[0]; return entry ? entry.startTime : null; };
    const seen = globalThis.__ampPaint || { firstScreen: null, ready: null };
    resolve({
      fcp,
      lcp,
      lcpElement,
      firstScreen: mark(${JSON.stringify(FIRST_SCREEN_MARK)}),
      ready: mark(${JSON.stringify(READY_MARK)}),
      firstScreenSeen: seen.firstScreen,
      readySeen: seen.ready,
      bodyElements: document.querySelectorAll('body *').length,
      visibility: document.visibilityState,
    });
  };
  const timer = setTimeout(() => done(null), 5000);
  new PerformanceObserver((list) => {
    const entry = list.getEntriesByName('first-contentful-paint')[0];
    if (!entry) return;
    clearTimeout(timer);
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(entry.startTime), 0)));
  }).observe({ type: 'paint', buffered: true });
})`;

async function openAt(session: ExtensionSession, file: string, viewport: Viewport): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(file.startsWith('chrome://') ? file : session.url(file), { waitUntil: 'commit' });
  return page;
}

async function waitReady(page: Page, timeoutMs: number): Promise<void> {
  // `attached`: <html> may count as hidden to Playwright before the first layout.
  await page.waitForSelector('html[data-ready]', { state: 'attached', timeout: timeoutMs });
}

/** One load in a fresh tab: open, wait until ready (surfaces) or loaded (references), read the timings, close. */
async function loadOnce(session: ExtensionSession, subject: Subject, round: number): Promise<Load> {
  const page = await openAt(session, subject.file, subject.viewport);
  try {
    if (subject.kind === 'app') await waitReady(page, 20_000);
    else await page.waitForLoadState('load');
    const timings = (await page.evaluate(READ_TIMINGS)) as Omit<Load, 'key' | 'round'>;
    return { key: subject.key, round, ...timings };
  } catch (error) {
    // One load that never became ready is reported as a failure of that page, not the end of the run.
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    const empty = { fcp: null, lcp: null, lcpElement: null, firstScreen: null, ready: null, firstScreenSeen: null, readySeen: null, bodyElements: 0 };
    return { key: subject.key, round, ...empty, visibility: 'unknown', error: message };
  } finally {
    await page.close();
  }
}

export interface MeasureOptions {
  runs: number;
  /** Seed of the order within each round. */
  seed: number;
  /** Pause after each load, ms: the closed tab's teardown does not land in the next load. */
  gapMs: number;
  /** Open the new tab as chrome://newtab/ rather than by its extension address. */
  chromeNewTab?: boolean;
  onRound?: (round: number, runs: number) => void;
}

/**
 * `runs` rounds, each loading every subject once in a fresh tab, in an order shuffled per round (seeded), after
 * one round not recorded (the first load of each file pays for reading it from disk and compiling it). A tab
 * with the floor stays open behind them all: extension pages share one renderer process, which would otherwise
 * exit between loads whenever the service worker is asleep, and a load would then pay for a new process now and
 * then, in no pattern. Expects `ATTRIBUTE_OBSERVER` installed on the context.
 */
export async function measurePaint(session: ExtensionSession, options: MeasureOptions): Promise<Load[]> {
  const all = subjects({ chromeNewTab: options.chromeNewTab ?? false });
  const random = mulberry32(options.seed);
  const anchor = await openAt(session, FLOOR_FILE, APPS.newtab.viewport);
  const loads: Load[] = [];
  try {
    for (let round = -1; round < options.runs; round++) {
      for (const subject of shuffle(all, random)) {
        const load = await loadOnce(session, subject, round);
        if (round >= 0) loads.push(load);
        await sleep(options.gapMs);
      }
      if (round >= 0) options.onRound?.(round + 1, options.runs);
    }
  } finally {
    await anchor.close();
  }
  return loads;
}

export interface PageWeights {
  js: Weight;
  css: Weight;
}

/** JavaScript and CSS each surface loads before it is ready (tests/support/page-weight.ts). */
export async function weighSurfaces(session: ExtensionSession, extensionDir: string): Promise<Record<AppName, PageWeights>> {
  const weights = {} as Record<AppName, PageWeights>;
  for (const app of APP_NAMES) {
    const page = await openAt(session, APPS[app].file, APPS[app].viewport);
    try {
      weights[app] = await loadedBeforeReady(page, extensionDir);
    } finally {
      await page.close();
    }
  }
  return weights;
}

/** The stylesheets a static page links (it loads no JavaScript): what it loads before its first paint. */
export function staticWeight(extensionDir: string, file: string): PageWeights {
  const html = readFileSync(join(extensionDir, file), 'utf8');
  const files = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)]
    .map((tag) => /\bhref="\/?([^"]+)"/.exec(tag[0])?.[1])
    .filter((href): href is string => !!href && !href.includes('://'));
  const css: Weight = { files: [...new Set(files)].sort(), rawBytes: 0, gzipBytes: 0 };
  for (const name of css.files) {
    const bytes = readFileSync(join(extensionDir, name));
    css.rawBytes += bytes.length;
    css.gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { js: { files: [], rawBytes: 0, gzipBytes: 0 }, css };
}

// ---- figures ----

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

/** Median (mean of the middle two for an even count), min and max of the values that are numbers; null when none. */
export function spread(values: (number | null)[]): Spread | null {
  const numbers = values.filter((value): value is number => value !== null && Number.isFinite(value)).sort((a, b) => a - b);
  if (numbers.length === 0) return null;
  const middle = numbers.length / 2;
  const median = numbers.length % 2 ? numbers[Math.floor(middle)]! : (numbers[middle - 1]! + numbers[middle]!) / 2;
  return { median, min: numbers[0]!, max: numbers.at(-1)!, n: numbers.length };
}

export interface SubjectSummary {
  key: string;
  kind: Kind;
  app: AppName;
  label: string;
  viewport: Viewport;
  fcp: Spread | null;
  lcp: Spread | null;
  /** The element most often largest, and in how many loads. */
  lcpElement: { element: string; loads: number } | null;
  firstScreen: Spread | null;
  ready: Spread | null;
  /** The observer's times for the same attributes: a cross-check of the marks. */
  firstScreenSeen: Spread | null;
  readySeen: Spread | null;
  bodyElements: Spread | null;
  /** Loads that never became ready, without a first contentful paint within 5 s, or not visible. */
  failures: number;
}

export interface Ratio {
  /** Of the medians. */
  value: number | null;
  /** The same ratio taken within each round (each load over its own round's reference): median, min, max. */
  perRound: Spread | null;
  target?: { max: number; aim?: number; met: boolean | null };
}

export interface SurfaceRatios {
  fcpOverFloor: Ratio;
  firstScreenOverFloor: Ratio;
  /**
   * The first screen on screen — the later of its mark and the first contentful paint, per load — over the
   * floor: exact when the paint comes after the mark (everything in the document is painted then), a lower
   * bound when it comes before (the first screen paints in a frame after its mark).
   */
  firstScreenPaintedOverFloor: Ratio;
  readyOverFloor: Ratio;
  readyOverStatic: Ratio;
  staticOverFloor: Ratio;
}

/** Issue #8's targets on the ratios; undefined where it sets none. */
export const TARGETS: Partial<Record<AppName, Partial<Record<keyof SurfaceRatios, { max: number; aim?: number }>>>> = {
  newtab: { firstScreenOverFloor: { max: 1.25, aim: 1.15 }, firstScreenPaintedOverFloor: { max: 1.25, aim: 1.15 }, readyOverStatic: { max: 1.1, aim: 1.05 } },
  popup: { readyOverStatic: { max: 1.15 } },
  sidepanel: { readyOverStatic: { max: 1.15 } },
};
/** JavaScript loaded before ready, gzip -9, bytes (issue #8: "≤ 30 KB gzip"). */
export const JS_BUDGETS: Record<AppName, number> = { newtab: 30_000, popup: 30_000, sidepanel: 35_000 };

export function summarize(loads: Load[]): SubjectSummary[] {
  return subjects().map((subject) => {
    const mine = loads.filter((load) => load.key === subject.key);
    return {
      key: subject.key,
      kind: subject.kind,
      app: subject.app,
      label: subject.label,
      viewport: subject.viewport,
      fcp: spread(mine.map((load) => load.fcp)),
      lcp: spread(mine.map((load) => load.lcp)),
      lcpElement: mostCommon(mine.map((load) => load.lcpElement)),
      firstScreen: spread(mine.map((load) => load.firstScreen)),
      ready: spread(mine.map((load) => load.ready)),
      firstScreenSeen: spread(mine.map((load) => load.firstScreenSeen)),
      readySeen: spread(mine.map((load) => load.readySeen)),
      bodyElements: spread(mine.map((load) => load.bodyElements)),
      failures: mine.filter((load) => load.error !== undefined || load.fcp === null || load.visibility !== 'visible').length,
    };
  });
}

export function ratios(loads: Load[]): Record<AppName, SurfaceRatios> {
  const result = {} as Record<AppName, SurfaceRatios>;
  for (const app of APP_NAMES) {
    const of = (key: string, field: 'fcp' | 'firstScreen' | 'ready' | 'firstScreenPainted') => {
      const byRound = new Map<number, number | null>();
      for (const load of loads) {
        if (load.key !== key) continue;
        const painted = load.firstScreen === null || load.fcp === null ? null : Math.max(load.firstScreen, load.fcp);
        byRound.set(load.round, field === 'firstScreenPainted' ? painted : load[field]);
      }
      return byRound;
    };
    const ratio = (name: keyof SurfaceRatios, top: Map<number, number | null>, bottom: Map<number, number | null>): Ratio => {
      const a = spread([...top.values()]);
      const b = spread([...bottom.values()]);
      const value = a && b ? a.median / b.median : null;
      const perRound = spread(
        [...top.entries()].map(([round, x]) => {
          const y = bottom.get(round);
          return x !== null && y !== null && y !== undefined && y > 0 ? x / y : null;
        }),
      );
      const goal = TARGETS[app]?.[name];
      return { value, perRound, ...(goal ? { target: { ...goal, met: value === null ? null : value <= goal.max } } : {}) };
    };
    const floor = of(`floor-${app}`, 'fcp');
    const statik = of(`static-${app}`, 'fcp');
    result[app] = {
      fcpOverFloor: ratio('fcpOverFloor', of(app, 'fcp'), floor),
      firstScreenOverFloor: ratio('firstScreenOverFloor', of(app, 'firstScreen'), floor),
      firstScreenPaintedOverFloor: ratio('firstScreenPaintedOverFloor', of(app, 'firstScreenPainted'), floor),
      readyOverFloor: ratio('readyOverFloor', of(app, 'ready'), floor),
      readyOverStatic: ratio('readyOverStatic', of(app, 'ready'), statik),
      staticOverFloor: ratio('staticOverFloor', statik, floor),
    };
  }
  return result;
}

function mostCommon(values: (string | null)[]): { element: string; loads: number } | null {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  const [element, loads] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  return element === undefined || loads === undefined ? null : { element, loads };
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
