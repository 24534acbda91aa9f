import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROME_BUILD } from './paths';

/** Debian's Chromium by default; CHROME_PATH points elsewhere on other machines (toolchain.md). */
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface LaunchOptions {
  extensionDir?: string;
  /** Extra flags, e.g. the fixture server's host mapping. */
  args?: string[];
  headless?: boolean;
  colorScheme?: 'light' | 'dark';
  /**
   * Launch on this profile folder instead of a fresh one, and leave it in place on close (the caller owns it):
   * a second launch on the profile and extension folder of a first one finds the extension installed, its
   * database and settings as they were, under the same id (an unpacked extension's id derives from its path).
   */
  profileDir?: string;
}

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** `chrome-extension://<id>/<page>` */
  url(page: string): string;
  close(): Promise<void>;
}

/**
 * Launch Chromium with the built extension in a fresh profile, as a reader
 * would have it, and wait for its service worker.
 */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const extensionDir = options.extensionDir ?? CHROME_BUILD;
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'amp-profile-'));
  const headless = options.headless ?? true;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME_PATH,
    // Extensions need the new headless mode, asked for by flag (toolchain.md).
    headless: false,
    colorScheme: options.colorScheme ?? 'light',
    viewport: null,
    args: [
      ...(headless ? ['--headless=new'] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      // Without these Chromium floods a closed network with refused connections (toolchain.md).
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    url: (page) => `chrome-extension://${extensionId}/${page}`,
    async close() {
      await context.close();
      if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Open a page and wait until it has rendered from the database (`<html data-ready>`). */
export async function openReady(session: ExtensionSession, target: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(target);
  await page.waitForSelector('html[data-ready]', { timeout: 15_000 });
  return page;
}

/**
 * The extension in a fresh profile with the stubbed hosts answered by a new
 * fixture server; `setup` registers the first responses before Chromium
 * starts, so the install refresh already gets them.
 */
export async function launchWithRecordings(
  setup: (server: import('./fixture-server').FixtureServer) => void,
  options: Omit<LaunchOptions, 'args'> = {},
): Promise<{ server: import('./fixture-server').FixtureServer; session: ExtensionSession; close(): Promise<void> }> {
  const { FixtureServer } = await import('./fixture-server');
  const server = await FixtureServer.start();
  setup(server);
  const session = await launchExtension({ ...options, args: server.chromiumArgs() });
  return {
    server,
    session,
    async close() {
      await session.close();
      await server.stop();
    },
  };
}
