/**
 * The layers, proven on the import graph (README, "How it is built").
 *
 * eslint.config.js states the same rules as import patterns, file by file; this test builds the whole graph of
 * lib/, components/ and entrypoints/ with its own small parser and checks it twice over: no import cycle, and
 * every edge allowed by the table below. It also sees what the lint rule cannot: dynamic `import()`, `import('x').T`
 * types, and a module outside every known folder.
 *
 * Type-only imports count as edges. They vanish from the bundle, but a cycle through types still ties two
 * modules' meanings together, and the rules that say "types included" (the pages and the background, history and
 * issue) are about exactly those edges.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ROOTS = ['lib', 'components', 'entrypoints'];

// ————— the parser —————

interface ImportRef {
  specifier: string;
  typeOnly: boolean;
  line: number;
}

/**
 * Every module a file names: static imports and re-exports, `import x = require()`, dynamic `import()` and
 * `require()`, and `import('x').T` in types. A syntax tree rather than `ts.preProcessFile`, because the rules
 * need to know whether an import is type-only (`import type`, or every named binding marked `type`).
 */
function importsOf(fileName: string, text: string): ImportRef[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: ImportRef[] = [];
  const add = (literal: ts.Node, typeOnly: boolean) => {
    if (!ts.isStringLiteralLike(literal)) return;
    found.push({ specifier: literal.text, typeOnly, line: source.getLineAndCharacterOfPosition(literal.getStart(source)).line + 1 });
  };
  const allTypes = (elements: ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier>) => elements.length > 0 && elements.every((element) => element.isTypeOnly);
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly || (clause.name === undefined && clause.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings) && allTypes(clause.namedBindings.elements)));
      add(node.moduleSpecifier, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      add(node.moduleSpecifier, node.isTypeOnly || (node.exportClause !== undefined && ts.isNamedExports(node.exportClause) && allTypes(node.exportClause.elements)));
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.arguments[0] && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      add(node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

// ————— the resolver —————

type Target = { kind: 'module'; path: string } | { kind: 'package'; name: string } | { kind: 'asset'; path: string } | { kind: 'unresolved' };

/** WXT's aliases for the project root (.wxt/tsconfig.json). */
const ALIASES = ['@/', '~/', '@@/', '~~/'];

/** `./`, `../` and the root aliases, tried as written and with `.ts`, `.tsx`, `/index.ts`, `/index.tsx`. */
function resolveImport(from: string, specifier: string, isFile: (path: string) => boolean): Target {
  const alias = ALIASES.find((prefix) => specifier.startsWith(prefix));
  let base: string;
  if (specifier.startsWith('./') || specifier.startsWith('../')) base = posix.join(posix.dirname(from), specifier);
  else if (alias) base = posix.normalize(specifier.slice(alias.length));
  else return { kind: 'package', name: specifier };
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (isFile(candidate)) return /\.tsx?$/.test(candidate) ? { kind: 'module', path: candidate } : { kind: 'asset', path: candidate };
  }
  return { kind: 'unresolved' };
}

// ————— the graph —————

interface Edge {
  from: string;
  /** A project path (`lib/history/db.ts`) or a package name (`dexie`, `wxt/browser`). */
  to: string;
  package: boolean;
  typeOnly: boolean;
  line: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(posix.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function isFile(path: string): boolean {
  try {
    return statSync(posix.join(ROOT, path)).isFile();
  } catch {
    return false;
  }
}

function projectGraph(): { files: string[]; edges: Edge[]; unresolved: string[] } {
  const files = ROOTS.flatMap(sourceFiles).sort();
  const edges: Edge[] = [];
  const unresolved: string[] = [];
  for (const from of files) {
    for (const ref of importsOf(from, readFileSync(posix.join(ROOT, from), 'utf8'))) {
      const target = resolveImport(from, ref.specifier, isFile);
      if (target.kind === 'unresolved') unresolved.push(`${from}:${ref.line} '${ref.specifier}'`);
      else if (target.kind === 'module') edges.push({ from, to: target.path, package: false, typeOnly: ref.typeOnly, line: ref.line });
      else if (target.kind === 'package') edges.push({ from, to: target.name, package: true, typeOnly: ref.typeOnly, line: ref.line });
      // A stylesheet is a leaf: it imports no module.
    }
  }
  return { files, edges, unresolved };
}

// ————— cycles —————

/** Each cycle as a closed path (`a → b → a`), one per strongly connected group of modules (Tarjan). */
function findCycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of edges) if (!edge.package) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const connect = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        connect(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1 || (next.get(node) ?? []).includes(node)) groups.push(group);
    }
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) connect(node);
  // Name one closed path through each group: a breadth-first walk from its first module back to itself.
  return groups.map((group) => {
    const members = new Set(group);
    const start = [...group].sort()[0]!;
    const cameFrom = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (const to of next.get(node) ?? []) {
        if (!members.has(to)) continue;
        if (to === start) {
          const path = [start];
          for (let at: string | undefined = node; at !== undefined && at !== start; at = cameFrom.get(at)) path.splice(1, 0, at);
          return [...path, start];
        }
        if (!cameFrom.has(to)) {
          cameFrom.set(to, node);
          queue.push(to);
        }
      }
    }
    return [...group, group[0]!];
  });
}

// ————— the layers —————

type Layer = 'background entry' | 'page entry' | 'components' | 'models' | 'browser' | 'shared' | 'history' | 'issue' | 'editor' | 'sources' | 'background';

/** Which layer a project path is in; undefined for a module outside every known folder. */
function layerOf(path: string): Layer | undefined {
  if (path === 'entrypoints/background.ts' || path.startsWith('entrypoints/background/')) return 'background entry';
  if (path.startsWith('entrypoints/')) return 'page entry';
  if (path.startsWith('components/')) return 'components';
  const folder = /^lib\/([^/]+)\//.exec(path)?.[1];
  const known: readonly Layer[] = ['models', 'browser', 'shared', 'history', 'issue', 'editor', 'sources', 'background'];
  return known.find((layer) => layer === folder);
}

interface LayerRule {
  /** Layers whose modules it may import, values and types. */
  imports: readonly Layer[];
  /** Layers it may import types from (`import type`), and nothing else. */
  types?: readonly Layer[];
  /** Single modules it may import beyond those layers. */
  modules?: readonly string[];
  /** Which packages: only those matching, or all but those matching. */
  packages: { only: RegExp } | { never: RegExp };
}

/** Storage and the browser: never in the pure floors (lib/shared, lib/issue, lib/sources). */
const IMPURE = /^(?:dexie|wxt|webextension-polyfill|@wxt-dev\/[^/]+)(?:\/|$)/;
const ANY_PACKAGE = { never: /^$/ };
const LIB: readonly Layer[] = ['models', 'browser', 'shared', 'history', 'issue', 'editor', 'sources', 'background'];

/** The allow-list of each layer. The same rules, written as import patterns, are in eslint.config.js. */
const LAYER_RULES: Record<Layer, LayerRule> = {
  // The worker's wiring: anything.
  'background entry': { imports: ['components', 'page entry', 'background entry', ...LIB], packages: ANY_PACKAGE },
  // Pages never import the background, types included.
  'page entry': { imports: ['components', 'page entry', 'models', 'browser', 'shared', 'history', 'issue', 'sources'], packages: ANY_PACKAGE },
  // Views read models and pure helpers; types from the rest of lib; preact and signals only.
  components: {
    imports: ['components', 'models', 'shared'],
    types: ['history', 'browser', 'sources', 'issue'],
    packages: { only: /^(?:preact(?:\/.+)?|@preact\/signals)$/ },
  },
  models: { imports: ['models', 'shared', 'sources', 'history', 'issue', 'browser'], packages: ANY_PACKAGE },
  browser: { imports: ['browser', 'shared', 'sources'], packages: ANY_PACKAGE },
  // Pure and shared by every floor: itself, and the parts of lib/sources that carry no parser.
  shared: {
    imports: ['shared'],
    modules: ['lib/sources/ids.ts', 'lib/sources/contract.ts', 'lib/sources/errors.ts', 'lib/sources/info.ts', 'lib/sources/ai-rule.ts'],
    packages: { never: IMPURE },
  },
  // History and issue do not import each other, types included.
  history: { imports: ['history', 'shared', 'sources'], packages: ANY_PACKAGE },
  issue: { imports: ['issue', 'shared', 'sources'], packages: { never: IMPURE } },
  sources: { imports: ['sources', 'shared'], packages: { never: IMPURE } },
  // The on-device editor (issue #12): pure, over the issue's pieces; its model is passed in.
  editor: { imports: ['editor', 'issue', 'shared', 'sources'], packages: { never: IMPURE } },
  background: { imports: ['background', 'history', 'issue', 'editor', 'sources', 'shared', 'browser'], packages: ANY_PACKAGE },
};

/** Every edge the table forbids, as `from:line → to (type): why`. */
function layerViolations(edges: readonly Edge[], rules: Record<Layer, LayerRule> = LAYER_RULES): string[] {
  const found: string[] = [];
  for (const edge of edges) {
    const layer = layerOf(edge.from);
    if (layer === undefined) continue;
    const rule = rules[layer];
    const where = `${edge.from}:${edge.line} → ${edge.to}${edge.typeOnly ? ' (type)' : ''}`;
    if (edge.package) {
      const allowed = 'only' in rule.packages ? rule.packages.only.test(edge.to) : !rule.packages.never.test(edge.to);
      if (!allowed) found.push(`${where}: ${layer} may not import the package ${edge.to}`);
      continue;
    }
    const target = layerOf(edge.to);
    if (rule.modules?.includes(edge.to)) continue;
    if (target !== undefined && rule.imports.includes(target)) continue;
    if (target !== undefined && edge.typeOnly && rule.types?.includes(target)) continue;
    const what = target === undefined ? 'a module outside every layer' : rule.types?.includes(target) ? `values from ${target} (types only)` : target;
    found.push(`${where}: ${layer} may not import ${what}`);
  }
  return found;
}

// ————— the tests —————

const edge = (from: string, to: string, typeOnly = false): Edge => ({ from, to, package: !/\.tsx?$/.test(to), typeOnly, line: 1 });

describe('the import parser', () => {
  it('finds every form of import and tells type-only ones apart', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "import { type C, type D } from '@/lib/c';",
      "import { type E, f } from '~/lib/e';",
      "import './style.css';",
      "export { g } from './g';",
      "export type { H } from './h';",
      "export * from './i';",
      "const j = await import('./j');",
      "let k: import('./k').K;",
      "import l = require('./l');",
      'import {} from "./m";',
    ].join('\n');
    expect(importsOf('x.ts', text).map(({ specifier, typeOnly }) => `${specifier}${typeOnly ? ' type' : ''}`)).toEqual([
      './a',
      '../b type',
      '@/lib/c type',
      '~/lib/e',
      './style.css',
      './g',
      './h type',
      './i',
      './j',
      './k type',
      './l',
      './m',
    ]);
  });

  it('resolves ./, ../ and the root aliases, with .ts, .tsx and /index.ts', () => {
    const files = new Set(['lib/history/db.ts', 'components/ItemName.tsx', 'lib/sources/index.ts', 'components/styles/base.css']);
    const has = (path: string) => files.has(path);
    expect(resolveImport('components/pages/A.tsx', '@/lib/history/db', has)).toEqual({ kind: 'module', path: 'lib/history/db.ts' });
    expect(resolveImport('components/pages/A.tsx', '../ItemName', has)).toEqual({ kind: 'module', path: 'components/ItemName.tsx' });
    expect(resolveImport('lib/shared/a.ts', '../sources', has)).toEqual({ kind: 'module', path: 'lib/sources/index.ts' });
    expect(resolveImport('lib/models/a.ts', '~~/lib/history/db.ts', has)).toEqual({ kind: 'module', path: 'lib/history/db.ts' });
    expect(resolveImport('entrypoints/newtab/main.tsx', '@/components/styles/base.css', has)).toEqual({ kind: 'asset', path: 'components/styles/base.css' });
    expect(resolveImport('lib/a/b.ts', 'dexie', has)).toEqual({ kind: 'package', name: 'dexie' });
    expect(resolveImport('lib/a/b.ts', './missing', has)).toEqual({ kind: 'unresolved' });
  });
});

describe('the checker catches a bad graph', () => {
  it('names a cycle', () => {
    const cycles = findCycles([
      edge('lib/shared/a.ts', 'lib/shared/b.ts'),
      edge('lib/shared/b.ts', 'lib/shared/c.ts', true),
      edge('lib/shared/c.ts', 'lib/shared/a.ts'),
      edge('lib/shared/c.ts', 'lib/shared/d.ts'),
      edge('lib/shared/d.ts', 'lib/shared/d.ts'),
      edge('lib/shared/e.ts', 'lib/shared/a.ts'),
    ]);
    expect(cycles).toEqual(
      expect.arrayContaining([['lib/shared/a.ts', 'lib/shared/b.ts', 'lib/shared/c.ts', 'lib/shared/a.ts'], ['lib/shared/d.ts', 'lib/shared/d.ts']]),
    );
    expect(cycles).toHaveLength(2);
    expect(findCycles([edge('lib/shared/a.ts', 'lib/shared/b.ts'), edge('lib/shared/b.ts', 'lib/shared/c.ts')])).toEqual([]);
  });

  it.each([
    ['a component importing a value from history', edge('components/A.tsx', 'lib/history/db.ts'), 'components may not import values from history (types only)'],
    ['a component importing the background, even a type', edge('components/A.tsx', 'lib/background/worker.ts', true), 'components may not import background'],
    ['a component importing dexie', edge('components/A.tsx', 'dexie'), 'components may not import the package dexie'],
    ['a component importing wxt/browser', edge('components/A.tsx', 'wxt/browser'), 'components may not import the package wxt/browser'],
    ['a component importing a value from sources', edge('components/A.tsx', 'lib/sources/info.ts'), 'components may not import values from sources (types only)'],
    ['a model importing the background, even a type', edge('lib/models/a.ts', 'lib/background/refresh.ts', true), 'models may not import background'],
    ['a page importing the background', edge('entrypoints/newtab/main.tsx', 'lib/background/worker.ts'), 'page entry may not import background'],
    ['a browser wrapper importing the background', edge('lib/browser/a.ts', 'lib/background/badge.ts', true), 'browser may not import background'],
    ['shared importing the background', edge('lib/shared/a.ts', 'lib/background/badge.ts', true), 'shared may not import background'],
    ['history importing a type from issue', edge('lib/history/a.ts', 'lib/issue/inputs.ts', true), 'history may not import issue'],
    ['issue importing a type from history', edge('lib/issue/pieces/a.ts', 'lib/history/db.ts', true), 'issue may not import history'],
    ['issue importing dexie', edge('lib/issue/a.ts', 'dexie'), 'issue may not import the package dexie'],
    ['issue importing the browser', edge('lib/issue/a.ts', 'lib/browser/tabs.ts'), 'issue may not import browser'],
    ['shared importing a source parser', edge('lib/shared/a.ts', 'lib/sources/github-trending.ts'), 'shared may not import sources'],
    ['shared importing history', edge('lib/shared/a.ts', 'lib/history/read.ts', true), 'shared may not import history'],
    ['shared importing wxt', edge('lib/shared/a.ts', 'wxt/browser'), 'shared may not import the package wxt/browser'],
    ['a source importing a model', edge('lib/sources/a.ts', 'lib/models/issue.ts'), 'sources may not import models'],
    ['a source importing history', edge('lib/sources/a.ts', 'lib/history/write.ts', true), 'sources may not import history'],
    ['lib importing a view', edge('lib/models/a.ts', 'components/A.tsx', true), 'models may not import components'],
    ['a module outside every layer', edge('lib/shared/a.ts', 'wxt.config.ts'), 'shared may not import a module outside every layer'],
  ])('%s', (_name, bad, why) => {
    expect(layerViolations([bad])).toEqual([expect.stringContaining(why)]);
  });

  it('lets the allowed edges through', () => {
    expect(
      layerViolations([
        edge('components/A.tsx', 'lib/history/db.ts', true),
        edge('components/A.tsx', 'lib/sources/ids.ts', true),
        edge('components/A.tsx', 'lib/models/issue.ts'),
        edge('components/A.tsx', 'lib/shared/format.ts'),
        edge('components/pages/A.tsx', 'components/issue/IssueView.tsx'),
        edge('components/A.tsx', 'preact/hooks'),
        edge('components/A.tsx', '@preact/signals'),
        edge('lib/shared/a.ts', 'lib/sources/ids.ts'),
        edge('lib/shared/a.ts', 'lib/sources/ai-rule.ts'),
        edge('lib/shared/a.ts', 'valibot'),
        edge('lib/issue/pieces/a.ts', 'lib/issue/facts.ts'),
        edge('lib/models/a.ts', 'lib/history/db.ts'),
        edge('lib/models/a.ts', 'dexie'),
        edge('entrypoints/newtab/main.tsx', 'lib/history/db.ts'),
        edge('entrypoints/background.ts', 'lib/background/worker.ts'),
        edge('lib/background/a.ts', 'lib/issue/compose.ts'),
      ]),
    ).toEqual([]);
  });
});

describe('the project', () => {
  const graph = projectGraph();

  it('is read whole: every import resolves, and the graph has the edges it should', () => {
    expect(graph.unresolved).toEqual([]);
    expect(graph.files.length).toBeGreaterThan(50);
    // Known edges of each kind, so that an empty or half-read graph cannot pass the checks below.
    const has = (from: string, to: string, typeOnly: boolean) => graph.edges.some((e) => e.from === from && e.to === to && e.typeOnly === typeOnly);
    expect(has('entrypoints/background.ts', 'lib/background/worker.ts', false)).toBe(true);
    expect(has('components/pages/NewTabPage.tsx', 'lib/models/issue.ts', true)).toBe(true);
    expect(has('lib/history/db.ts', 'dexie', false)).toBe(true);
  });

  it('has no import cycle (type-only imports included)', () => {
    expect(findCycles(graph.edges).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('keeps every layer rule', () => {
    expect(layerViolations(graph.edges)).toEqual([]);
  });
});
