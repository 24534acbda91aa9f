import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * An import of a project folder, written either way it can be: through the `@/` alias (or WXT's `~/`, `@@/`,
 * `~~/`) or relatively. From `components/` and `entrypoints/` a relative import of lib says `lib/`; from inside
 * `lib/` it says `../history/…`. (`../history` from a sub-folder such as lib/issue/pieces/ would mean
 * lib/issue/history: no folder is named like a layer, so the over-match is harmless.)
 */
const ALIAS = String.raw`(?:@|~|@@|~~)/`;
function folders(from, names) {
  const list = `(?:${names.join('|')})(?:/|$)`;
  return from === 'lib'
    ? String.raw`^(?:${ALIAS}lib/|(?:\.\./)+(?:lib/)?)${list}`
    : String.raw`^(?:${ALIAS}|(?:\.\./)+)lib/${list}`;
}
/** components/ and entrypoints/, which nothing in lib/ may import. */
function topFolders(names) {
  return String.raw`^(?:${ALIAS}|(?:\.\./)+)(?:${names.join('|')})(?:/|$)`;
}
/** Packages that touch storage or the browser: never in the pure floors. */
const IMPURE_PACKAGES = String.raw`^(?:dexie|wxt|webextension-polyfill|@wxt-dev/[^/]+)(?:/|$)`;
const WXT_GLOBALS = ['browser', 'chrome', 'storage', 'fakeBrowser'].map((name) => ({
  name,
  message: 'WXT auto-imports this; reach the browser through lib/browser, passed in from an entrypoint.',
}));

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', '.tmp/', 'screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Remote text renders as text (engineering.md): no raw HTML insertion anywhere.
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render remote text as text.' },
        { selector: "AssignmentExpression > MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: 'Render remote text as text.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Render remote text as text.' },
      ],
      'no-restricted-properties': ['error', { object: 'document', property: 'write' }],
    },
  },
  // Layers (README, "How it is built"; architecture.md): what each folder may import. The same rules are
  // checked again on the whole import graph, with cycles, by tests/unit/layers.test.ts.
  ...layerRules(),
);

/** One config object per folder (a later object would replace, not add to, an earlier one's options). */
function layerRules() {
  const restrict = (files, patterns, extra = {}) => ({
    files,
    ...extra,
    rules: {
      ...extra.rules,
      '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
    },
  });
  const never = (regex, message) => ({ regex, message });
  const valuesNever = (regex, message) => ({ regex, message, allowTypeImports: true });
  const noBackground = (from) =>
    never(folders(from, ['background']), 'Pages never import the background (lib/background runs only in the worker), types included.');
  const noPages = never(topFolders(['components', 'entrypoints']), 'lib/ never imports views or entrypoints.');
  const pure = never(IMPURE_PACKAGES, 'A pure floor: no database, no browser API.');
  const pureGlobals = { rules: { 'no-restricted-globals': ['error', ...WXT_GLOBALS] } };
  return [
    restrict(
      ['components/**/*.{ts,tsx}'],
      [
        // An allow-list: preact*, @preact/signals, components, lib/models, lib/shared; types from the rest of lib.
        never(String.raw`^(?!\.|${ALIAS}|preact(?:/|$)|@preact/signals$)`, 'Components import only preact, @preact/signals, components, lib/models and lib/shared.'),
        never(String.raw`^(?:${ALIAS}|(?:\.\./)+)(?:entrypoints(?:/|$)|lib/(?!(?:models|shared|history|browser|sources|issue)/))`, 'Components read models (lib/models) and pure helpers (lib/shared); pages never import the background.'),
        valuesNever(folders('top', ['history', 'browser', 'sources', 'issue']), 'Components import values only from lib/models and lib/shared (types from elsewhere in lib are fine): route it through the model.'),
      ],
      {
        rules: {
          // Views read models; they never fetch or open the database (architecture.md, floor 3).
          'no-restricted-globals': ['error', { name: 'fetch', message: 'Components do not fetch; read a model.' }, ...WXT_GLOBALS],
        },
      },
    ),
    restrict(['lib/models/**/*.ts'], [noBackground('lib'), noPages], pureGlobals),
    restrict(['lib/browser/**/*.ts'], [
      noBackground('lib'),
      never(folders('lib', ['models', 'history', 'issue']), 'lib/browser wraps browser APIs; it imports only lib/shared (and lib/sources types).'),
      noPages,
    ]),
    restrict(
      ['lib/shared/**/*.ts'],
      [
        // An allow-list: lib/shared and the pure parts of lib/sources.
        never(
          String.raw`^(?:${ALIAS}(?!lib/)|${ALIAS}lib/|(?:\.\./)+)(?!shared/|sources/(?:ids|contract|errors|info|ai-rule)(?:\.ts)?$)`,
          'lib/shared imports only lib/shared and lib/sources/{ids,contract,errors,info,ai-rule}.',
        ),
        pure,
      ],
      pureGlobals,
    ),
    restrict(
      ['lib/history/**/*.ts'],
      [
        never(folders('lib', ['issue']), 'lib/history and lib/issue do not import each other (types included): pass data in.'),
        never(folders('lib', ['background', 'models', 'browser']), 'lib/history is a floor below the worker and the pages.'),
        noPages,
      ],
      pureGlobals,
    ),
    restrict(
      ['lib/issue/**/*.ts'],
      [
        never(folders('lib', ['history']), 'lib/issue is pure: it does not import lib/history (types included); its inputs are passed in.'),
        never(folders('lib', ['background', 'browser', 'models']), 'lib/issue is pure: no worker, no browser, no models.'),
        noPages,
        pure,
      ],
      pureGlobals,
    ),
    restrict(
      ['lib/editor/**/*.ts'],
      [
        never(folders('lib', ['history', 'background', 'browser', 'models']), 'lib/editor is pure: its model is passed in (lib/shared/language-model.ts), its issue too.'),
        noPages,
        pure,
      ],
      pureGlobals,
    ),
    restrict(
      ['lib/sources/**/*.ts'],
      [
        never(folders('lib', ['history', 'issue', 'background', 'models', 'browser']), 'A source requests and parses; it imports only lib/sources and lib/shared.'),
        noPages,
        pure,
      ],
      pureGlobals,
    ),
    restrict(['lib/background/**/*.ts'], [never(folders('lib', ['models']), 'The worker does not import page models.'), noPages], pureGlobals),
    restrict(['entrypoints/**/*.{ts,tsx}'], [noBackground('top')], { ignores: ['entrypoints/background.ts'] }),
  ];
}
