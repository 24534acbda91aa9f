import { connect, createServer, type Server, type Socket } from 'node:net';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FixtureServer, STUBBED_HOSTS } from './fixture-server';
import { FIREFOX_BUILD } from './paths';

/** Debian's Firefox ESR by default (`.ci/run` installs it); FIREFOX_PATH points elsewhere. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The extension's id in Firefox (wxt.config.ts, `browser_specific_settings.gecko.id`). */
const GECKO_ID = 'ai-morning-post@morningpost.invalid';
/**
 * The extension's internal UUID, fixed for the test through Firefox's own
 * preference `extensions.webextensions.uuids` (an id → UUID map), so that its
 * pages have a known `moz-extension://` origin.
 */
const EXTENSION_UUID = '6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b';

export interface FirefoxSession {
  browser: Browser;
  fixtures: FixtureServer;
  /** `moz-extension://<uuid>/<page>` */
  url(page: string): string;
  /** Opens an extension page and waits until it has rendered from the database (`<html data-ready>`). */
  openReady(page: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A CONNECT proxy that tunnels the three stubbed hosts to the fixture server
 * and refuses every other host: Firefox has no `--host-resolver-rules`, so its
 * requests to huggingface.co, github.com and api.github.com reach the recorded
 * responses through this proxy instead (the extension's code is unchanged; the
 * proxy is the browser's own setting).
 */
function startProxy(target: number): Promise<{ port: number; close(): Promise<void> }> {
  const hosts = new Set<string>(STUBBED_HOSTS);
  const sockets = new Set<Socket>();
  const proxy: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    client.once('data', (head) => {
      const match = /^CONNECT ([^:\s]+):443 HTTP\/1\.[01]\r\n/.exec(head.toString('latin1'));
      if (!match || !hosts.has(match[1]!)) {
        client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      const upstream = connect(target, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
    });
  });
  return new Promise((resolve) =>
    proxy.listen(0, '127.0.0.1', () =>
      resolve({
        port: (proxy.address() as { port: number }).port,
        // The browser keeps its tunnels open: they are cut, or closing the server would wait for them.
        close: () => {
          for (const socket of sockets) socket.destroy();
          return new Promise<void>((done) => proxy.close(() => done()));
        },
      }),
    ),
  );
}

/**
 * Firefox ESR, headless, with the built Firefox MV3 extension installed as a
 * reader installs it (WebDriver BiDi `webExtension.install`), its network sent
 * to a fixture server set up by `setup` before the install refresh.
 *
 * `--remote-allow-system-access` lets the automation open `moz-extension://`
 * pages, which WebDriver BiDi refuses by default (Firefox's
 * remote/webdriver-bidi browsingContext.navigate: "not allowed in this
 * context"); certificate errors are accepted for the fixture server's
 * self-signed certificate.
 */
export async function launchFirefox(setup: (fixtures: FixtureServer) => void): Promise<FirefoxSession> {
  const fixtures = await FixtureServer.start();
  setup(fixtures);
  const proxy = await startProxy(fixtures.port);
  const proxyPort = proxy.port;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
  });
  const installed = await browser.installExtension(FIREFOX_BUILD);
  if (installed !== GECKO_ID) throw new Error(`Firefox installed ${installed}, expected ${GECKO_ID}`);
  const url = (page: string) => `moz-extension://${EXTENSION_UUID}/${page}`;
  return {
    browser,
    fixtures,
    url,
    async openReady(target) {
      const page = await browser.newPage();
      // WebDriver BiDi never reports an extension page's navigation as finished here (not even its DOM), so the
      // navigation is started and the page's own readiness awaited instead; any error but that wait's end is thrown.
      await page.goto(url(target), { waitUntil: 'domcontentloaded', timeout: 2_000 }).catch((error: unknown) => {
        if (!(error instanceof Error && error.name === 'TimeoutError')) throw error;
      });
      await page.waitForSelector('html[data-ready]', { timeout: 20_000 });
      return page;
    },
    async close() {
      await browser.close();
      await proxy.close();
      await fixtures.stop();
    },
  };
}
