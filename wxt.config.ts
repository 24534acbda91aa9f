import { defineConfig } from 'wxt';
import { lookScriptSource } from './lib/shared/look-script';

// Hosts the sources read, and nothing else (issue #2: no <all_urls>, no tabs).
// Extension pages and the worker skip CORS for these hosts (Chrome docs,
// "Cross-origin network requests").
export const HOST_PERMISSIONS = [
  'https://huggingface.co/*',
  'https://github.com/*',
  'https://api.github.com/*',
];

/**
 * The extension pages' content security policy, stated rather than left to each browser's default (issue #9,
 * finding 7). It covers the pages and the background (Chrome: "page and worker contexts in the extension,
 * … the popup, background worker"; Firefox: every extension page, the background page included):
 * - `script-src 'self'`: only the extension's own files run — no inline script, no eval, and none of the
 *   `'wasm-unsafe-eval'` the MV3 defaults allow (nothing here is WebAssembly);
 * - `object-src 'none'`: no plugins (the defaults say 'self');
 * - `connect-src`: the worker's requests go to the three hosts the sources live on and nowhere else — not even
 *   after a redirect. The pages request nothing (they read IndexedDB), so not even 'self'.
 * No `default-src`: styles and images stay as the defaults have them (the pages set inline `style` on a
 * hidden download link; icons are the extension's own).
 */
export const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; connect-src https://huggingface.co https://github.com https://api.github.com";

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // The design card keeps static files under assets/; the icons are copied as-is.
  publicDir: 'assets/public',
  // Extension pages run in browsers that preload modules natively (Chrome 66+, Firefox 115+): Vite's
  // modulepreload polyfill would only add bytes to every page's first script (issue #8).
  vite: () => ({ build: { modulePreload: { polyfill: false } } }),
  zip: {
    // The Firefox sources package is for a reviewer rebuilding the code: no screenshots, no scratch.
    excludeSources: ['docs/screenshots/**', 'screenshots/**', '.tmp/**'],
  },
  hooks: {
    // /look.js, the theme and calm mode on <html> before each page's first paint: emitted from its TypeScript source
    // (lib/shared/look-script.ts), without the wrapper of a WXT unlisted script.
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: 'look.js', contents: lookScriptSource() });
    },
    // No auto-import of WXT's `storage`: nothing here uses it (lib/browser/storage-api.ts reaches the storage API
    // itself), and unimport, which matches names rather than scopes, took the parameters named `storage` in
    // lib/shared/settings.ts and lib/shared/secrets.ts for it and bundled @wxt-dev/storage into the popup and the side
    // panel before they are ready: 2.5 KB gzip of their 30 and 35 KB budgets (tests/e2e/budgets.e2e.ts, issue #8).
    'config:resolved': (wxt) => {
      wxt.config.imports.presets = wxt.config.imports.presets?.filter((preset) => typeof preset === 'string' || !('from' in preset) || preset.from !== 'wxt/utils/storage');
    },
    // The pages (one Vite build with every HTML entrypoint): a page loads its own code as one file, not a
    // graph of small shared chunks. Extension resources are read one after another here, so each file
    // on the way to the first paint added its turn (issue #8, docs/performance.md). Shared code is
    // copied into each page's file instead; lazy imports (Dexie, the Markdown export) stay chunks.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.inputPath.endsWith('.html'))) return;
      config.build ??= {};
      config.build.rolldownOptions = {
        ...config.build.rolldownOptions,
        preserveEntrySignatures: false,
        output: { ...config.build.rolldownOptions?.output, codeSplitting: { experimentalInlineCommonChunks: { maxSize: Infinity } } },
      };
    },
  },
  manifest: ({ browser }) => ({
    name: 'The AI Morning Post',
    short_name: 'Morning Post',
    description:
      'What is trending in AI — Hugging Face and GitHub — as a morning newspaper on every new tab.',
    permissions: ['alarms', 'storage'],
    // Asked for only when the reader turns new-issue notifications on (off by default).
    optional_permissions: ['notifications'],
    host_permissions: HOST_PERMISSIONS,
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    action: { default_title: 'The AI Morning Post' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'ai-morning-post@morningpost.invalid',
              // 140: the first version that knows data_collection_permissions (addons-linter).
              strict_min_version: '140.0',
              // Firefox asks every new extension to declare what it collects: nothing.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
