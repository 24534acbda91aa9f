import { readFileSync } from 'node:fs';
import type { SourceId } from '@/lib/sources/ids';
import { ownRecordings } from './recordings';

/**
 * Whole responses for every source with hostile text, ids, links and numbers
 * planted in them (issue #9, "How it will be checked": the extension is fed
 * hostile, huge and failing responses and every surface is opened and read).
 * Built from this project's own fixtures (tests/fixtures), so that the rest of
 * each response keeps its real shape and the good rows still make a paper.
 *
 * The payloads are written out here, not drawn from the code under test.
 */

/** Text that must be shown as text, or dropped: never run, never invisible tricks. */
export const HOSTILE_TEXTS: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '"><iframe src="javascript:alert(1)"></iframe>',
  '</textarea></title><script>alert(1)</script>',
  "'-alert(1)-'",
  'javascript:alert(1)',
  '[click me](javascript:alert(1)) <a href="javascript:alert(1)">x</a>',
  '# Heading\n\n| a | b |\n|---|---|\n<!-- comment -->',
  '&lt;b&gt;escaped&lt;/b&gt; &amp;amp; &#x3C;script&#x3E;',
  'evil\u202Egnp.exe',
  'zero\u200Bwidth\u200Cjoin\u200Dnon\uFEFFbom\u2060word',
  '\u2066isolated\u2069 \u2067rtl\u2069 \u200Fmark\u200E',
  'nul\u0000bell\u0007escape\u001B[31m',
  '{{constructor.constructor("alert(1)")()}} ${alert(1)}',
  'x'.repeat(200_000),
  '深度学习 🤖 モデル 😀‍👩 ',
  '   \n\t  ',
];

/** Ids that must never become a link, or anything but the documented shape. */
export const HOSTILE_HF_IDS: readonly string[] = [
  'javascript:alert(1)',
  'settings/tokens',
  'logout',
  '../../settings',
  'org/name/extra',
  'org/..',
  ' org/name',
  'org/na%2Fme',
  'org\u202E/name',
  'a'.repeat(500),
];

export const HOSTILE_GITHUB_URLS: readonly string[] = [
  'javascript:alert(1)',
  'https://github.com/settings/tokens',
  'https://github.com/login/oauth/authorize',
  'https://github.com/apps/x',
  'https://github.com/o/r/../../x/y',
  'https://github.com.evil.io/o/r',
  'https://github.com@evil.io/o/r',
  '//evil.io/o/r',
  'https://github.com/o%2Fr/x',
  'data:text/html,<script>alert(1)</script>',
];

export const HOSTILE_GITHUB_NAMES: readonly string[] = [
  'settings/tokens',
  'login/oauth',
  'javascript:alert(1)/x',
  '../x',
  'o/r/../../x',
  'o/r extra',
];

/** A JSON body in which these markers are replaced by number literals JSON.stringify cannot write. */
const RAW_NUMBERS: Record<string, string> = { '"\u0001BIG\u0001"': '1e400', '"\u0001NEGBIG\u0001"': '-1e400' };
const HOSTILE_NUMBERS: readonly unknown[] = [1e308, -1, 1.5, 2 ** 53 + 1, '12', '\u0001BIG\u0001', '\u0001NEGBIG\u0001', null, true];

function rawJson(value: unknown): string {
  let text = JSON.stringify(value);
  for (const [marker, literal] of Object.entries(RAW_NUMBERS)) text = text.replaceAll(marker, literal);
  return text;
}

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length]!;

type Json = Record<string, unknown>;

/**
 * Each item keeps a valid id when `index` is even (so that good rows remain and
 * their other fields carry the payloads); odd items get a hostile id.
 */
function hostileHubList(items: Json[]): Json[] {
  const out: Json[] = [];
  const rows = Math.max(items.length, HOSTILE_TEXTS.length);
  for (let index = 0; index < rows; index += 1) {
    const base = structuredClone(items[index % items.length]!);
    const text = pick(HOSTILE_TEXTS, index);
    const id = index % 2 === 0 ? `${String(base.id).split('/')[0]}/row-${index}` : pick(HOSTILE_HF_IDS, index);
    out.push({
      ...base,
      id,
      modelId: id,
      pipeline_tag: text,
      library_name: pick(HOSTILE_TEXTS, index + 3),
      sdk: pick(HOSTILE_TEXTS, index + 5),
      author: pick(HOSTILE_TEXTS, index + 7),
      tags: [text, pick(HOSTILE_TEXTS, index + 1), ...Array.from({ length: index === 4 ? 5_000 : 3 }, (_, n) => `tag-${n}`)],
      likes: pick(HOSTILE_NUMBERS, index),
      downloads: pick(HOSTILE_NUMBERS, index + 1),
      trendingScore: pick(HOSTILE_NUMBERS, index + 2),
      createdAt: index % 3 === 0 ? pick(HOSTILE_TEXTS, index) : '+275760-09-13T00:00:00.000Z',
    });
  }
  return out;
}

function papers(base: Json[]): Json[] {
  const out: Json[] = [];
  for (let index = 0; index < HOSTILE_TEXTS.length; index += 1) {
    const entry = structuredClone(base[index % base.length]!);
    const paper = entry.paper as Json;
    const text = pick(HOSTILE_TEXTS, index);
    const id = index % 2 === 0 ? `26${String(11 + (index % 2)).padStart(2, '0')}.${String(10_000 + index)}` : pick(['javascript:alert(1)', '2611.1834/../x', '9999.99999', ' 2611.18342', '2613.00001'], index);
    Object.assign(paper, {
      id,
      title: text,
      summary: pick(HOSTILE_TEXTS, index + 2),
      authors: [{ name: pick(HOSTILE_TEXTS, index + 4) }, { name: text }, ...Array.from({ length: index === 2 ? 5_000 : 1 }, (_, n) => ({ name: `Author ${n}` }))],
      upvotes: pick(HOSTILE_NUMBERS, index),
      githubRepo: pick(HOSTILE_GITHUB_URLS, index),
      publishedAt: index % 3 === 0 ? text : paper.publishedAt,
    });
    Object.assign(entry, { title: text, summary: pick(HOSTILE_TEXTS, index + 1) });
    out.push(entry);
  }
  return out;
}

function search(base: Json): Json {
  const items = base.items as Json[];
  const out: Json[] = [];
  for (let index = 0; index < HOSTILE_TEXTS.length; index += 1) {
    const item = structuredClone(items[index % items.length]!);
    const good = index % 2 === 0;
    const fullName = good ? `${(item.owner as Json).login as string}/repo-${index}` : pick(HOSTILE_GITHUB_NAMES, index);
    Object.assign(item, {
      name: pick(HOSTILE_TEXTS, index + 1),
      full_name: fullName,
      html_url: good ? pick(HOSTILE_GITHUB_URLS, index) : `https://github.com/${fullName}`,
      description: pick(HOSTILE_TEXTS, index),
      language: pick(HOSTILE_TEXTS, index + 2),
      topics: [pick(HOSTILE_TEXTS, index + 3), 'llm'],
      stargazers_count: pick(HOSTILE_NUMBERS, index),
      forks_count: pick(HOSTILE_NUMBERS, index + 1),
      created_at: index % 3 === 0 ? pick(HOSTILE_TEXTS, index) : item.created_at,
    });
    out.push(item);
  }
  return { ...base, items: out };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A trending page in the 2023+ markup whose rows carry the payloads; raw markup (unescaped) in every third row. */
function trendingPage(): string {
  const hrefs = ['/settings/tokens', 'javascript:alert(1)', '//evil.io/o/r', '/o/r/../../x/y', '/o%2Fr/x', '/login/oauth'];
  const rows = HOSTILE_TEXTS.map((text, index) => {
    const href = index % 2 === 0 ? `/hostile-owner/repo-${index}` : pick(hrefs, index);
    const description = index % 3 === 0 ? text : escapeHtml(text);
    return `<article class="Box-row">
  <h2 class="h3 lh-condensed"><a href="${escapeHtml(href)}"><span class="text-normal">x /</span> y</a></h2>
  <p class="col-9 color-fg-muted my-1 pr-4">${description}</p>
  <div class="f6 color-fg-muted mt-2">
    <span class="d-inline-block ml-0 mr-3"><span itemprop="programmingLanguage">${escapeHtml(pick(HOSTILE_TEXTS, index + 2))}</span></span>
    <a class="Link--muted d-inline-block mr-3" href="${escapeHtml(href)}/stargazers">${pick(['1,000', '99999999999999999999999', '1e308', 'NaN', '-5'], index)}</a>
    <span class="d-inline-block float-sm-right">${pick(['12 stars today', '99999999999999999999999 stars today', 'Infinity stars today'], index)}</span>
  </div>
</article>`;
  });
  return `<!DOCTYPE html><html lang="en"><head><title>${escapeHtml(HOSTILE_TEXTS[0]!)}</title></head><body><main><div class="Box">${rows.join('\n')}</div></main></body></html>\u0000trailing`;
}

/** A hostile body for every source (the JSON ones as text, with number literals JSON cannot write). */
export function hostileBodies(): Record<SourceId, string> {
  const own = ownRecordings();
  const read = (id: SourceId) => JSON.parse(readFileSync(own[id], 'utf8')) as unknown;
  const models = read('hf-models') as Json[];
  const datasets = read('hf-datasets') as Json[];
  const spaces = read('hf-spaces') as Json[];
  return {
    'hf-models': rawJson(hostileHubList(models)),
    'hf-datasets': rawJson(hostileHubList(datasets)),
    'hf-spaces': rawJson(hostileHubList(spaces)),
    'hf-papers': rawJson(papers(read('hf-papers') as Json[])),
    'gh-trending-daily': trendingPage(),
    'gh-trending-weekly': trendingPage(),
    'gh-search': rawJson(search(read('gh-search') as Json)),
  };
}

/**
 * The oracle for a link on any surface, written from the sites' documented URL
 * shapes (api-facts.md pitfall 3), independently of lib/shared/links.ts: a
 * model, dataset, space or paper page on huggingface.co, or a repository on
 * github.com, over https, with nothing else in the URL.
 */
const HF_PART = '[A-Za-z0-9_][A-Za-z0-9_.-]{0,95}';
const SAFE_LINK_SHAPES: readonly RegExp[] = [
  new RegExp(`^https://huggingface\\.co/(?:(?:datasets|spaces)/)?${HF_PART}(?:/${HF_PART})?$`),
  /^https:\/\/huggingface\.co\/papers\/\d{4}\.\d{4,5}(?:v\d+)?$/,
  /^https:\/\/github\.com\/[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9_.-]{1,100}$/,
];
/** First path segments that are the sites' own pages, never a repository's owner (a hand-picked sample of each site's routes). */
const RESERVED_FIRST_SEGMENTS = new Set(['settings', 'login', 'logout', 'join', 'apps', 'orgs', 'marketplace', 'api', 'oauth', 'new', 'sponsors', 'notifications']);

export function isDocumentedLink(href: string): boolean {
  if (!SAFE_LINK_SHAPES.some((shape) => shape.test(href))) return false;
  const segments = new URL(href).pathname.split('/').filter(Boolean);
  if (segments.some((segment) => segment === '.' || segment === '..')) return false;
  const owner = segments[0] === 'datasets' || segments[0] === 'spaces' ? segments[1] : segments[0];
  return owner !== undefined && !RESERVED_FIRST_SEGMENTS.has(owner.toLowerCase());
}

/** Characters that must never reach the screen: bidirectional controls, zero-width and other invisible format characters, controls. */
// eslint-disable-next-line no-control-regex
export const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
