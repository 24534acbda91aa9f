import { Parser } from 'htmlparser2';
import type { MetricName, ParsedList, Source, TrendingItem } from './contract';
import { parseError } from './errors';
import { githubRepoUrl, isGithubRepoFullName } from '../shared/links';
import { SOURCE_INFO } from './info';

/**
 * GitHub trending, read from the HTML page: there is no API for it
 * (api-facts.md, "Trending: no API, HTML only").
 *
 * The page is read with htmlparser2's streaming parser, because the service
 * worker that refreshes sources has no `DOMParser` (api-facts.md,
 * "Extension"); it decodes entities (`&amp;`, `&#39;`: pitfall 10). The page
 * is about 580 kB, of which the rows are a small part: building a whole DOM of
 * it and querying it with css-select took 88 ms on the worker's first refresh
 * (issue #8, `npm run bench`), so the rows' few facts are collected in one
 * pass over the parser's events instead (`collectRows`).
 *
 * Markup eras this parser reads (api-facts.md pitfall 8, shared/fixtures/README.md):
 * - 2023 onward: `article.Box-row` → `h2.h3.lh-condensed > a[href="/owner/repo"]`, forks `/o/r/forks`;
 *   2025–26 adds `tmp-` utility classes and writes `data-view-component` before `class`.
 * - 2020–22: `article.Box-row` → `h1.h3.lh-condensed > a`, forks `/o/r/network/members.r`.
 * - ≤2019: `ol.repo-list > li` → `h3 > a`, forks `/o/r/network/members`.
 * Rows and facts are recognised by element names and single classes only
 * (a class is one word of the `class` attribute), never a class list in order
 * or an attribute position, so the `tmp-` churn does not matter.
 */

/*
 * The rows of every era, newest first:
 * - 2020 onward (2020–22 `h1`, 2023+ `h2`): one `<article class="Box-row">` per repository;
 * - ≤2019 (the 2019 fixture): `<ol class="repo-list">` with one `<li>` per repository.
 * The older era is read only when the page has no row of the newer one.
 */

/**
 * The repository link: the first anchor with an `href` inside a heading of the
 * row. `h2` since 2023, `h1` in 2020–22, `h3` up to 2019 (pitfall 8). Its
 * visible text is split across `<span class="text-normal">owner /</span> repo`
 * and whitespace (pitfall 9), so the name is read from the `href`, never from
 * the text.
 */
const HEADINGS = new Set(['h1', 'h2', 'h3']);

/** `1,430 stars today`, `13,176 stars this week`, `… this month`; `1 star today` in the singular. */
const STARS_IN_PERIOD = /^([\d,]+) stars? (?:today|this week|this month)$/;

/**
 * `"13,176"` → 13176. Trending numbers are comma-grouped strings
 * (api-facts.md pitfall 7). Anything else (`"1.2k"`, `""`, `"12,34"`) is
 * undefined: a number we cannot read is absent, never 0 or a guess.
 */
export function parseCount(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)$/.test(trimmed)) return undefined;
  const value = Number(trimmed.replaceAll(',', ''));
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * Read one trending page (any period, any language filter) into items in page
 * order. Rows whose link is not a plain `/owner/repo` are dropped and counted;
 * a repeated repository keeps its first rank. A body that is not HTML, or an
 * HTML page without a single recognisable row (a login wall, an error page, a
 * markup change) is a parse error, never an empty list: product.md, "Scrapers
 * break when GitHub changes its markup".
 */
export function parseTrendingPage(html: string): ParsedList {
  assertLooksLikeHtml(html);
  const { rows, title: pageTitle } = collectRows(html);
  if (rows.length === 0) {
    const title = collapse(pageTitle);
    throw parseError(
      'no repositories found: the trending page markup was not recognised' +
        (title ? ` (the page is titled ${JSON.stringify(title.slice(0, 80))})` : ''),
    );
  }

  const items: TrendingItem[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const item = readRow(row);
    // A page that repeats a repository would give it two ranks; keep the first.
    if (item && !seen.has(item.id)) {
      seen.add(item.id);
      items.push(item);
    }
  }
  if (items.length === 0) {
    throw parseError(`none of the ${rows.length} trending rows links to a GitHub repository`);
  }
  return { items, dropped: rows.length - items.length };
}

function assertLooksLikeHtml(body: string): void {
  const start = body.trimStart();
  if (start === '') throw parseError('the response is empty (expected the GitHub trending page)');
  // A JSON body (an API error, a proxy's answer) or plain text is not the page;
  // htmlparser2 would happily read it as one text node, so say what it was.
  if (start.startsWith('{') || start.startsWith('[') || !start.includes('<')) {
    const preview = start.slice(0, 40).replace(/\s+/g, ' ');
    throw parseError(`the response is not HTML (it starts with ${JSON.stringify(preview)})`);
  }
  // A page cut off mid-way still parses, into fewer rows; storing it would
  // lose the rest. GitHub's page always ends with `</html>` (every recording does).
  if (!/<\/html>\s*$/i.test(body)) throw parseError('the page ends early (no closing </html>): it was cut off');
}

/** What a row says, as text: everything `readRow` needs. */
interface RowFacts {
  /** The `href` of the first anchor inside a heading. */
  link?: string;
  /** The text of the row's first paragraph (the description). */
  paragraph?: string;
  /** The text of the first `[itemprop=programmingLanguage]`. */
  language?: string;
  /** Every anchor with an `href`, with its text, in document order. */
  anchors: { href: string; text: string }[];
  /** The text of every span, in document order (an enclosing span before the spans inside it). */
  spans: string[];
}

/**
 * At most this many elements inside a row collect their text at once. The
 * facts a row needs sit a few elements deep; a limit keeps the pass linear in
 * the page's length whatever its nesting (a text is added to each open
 * collector: without a limit, deeply nested spans would make it quadratic).
 */
const MAX_OPEN_COLLECTORS = 16;

/**
 * One pass over the page: the rows of each era and the page's title. An
 * element opening a row inside a row is read as part of the outer row, not as
 * a row of its own. htmlparser2 reports the elements it closes implicitly,
 * so the open-element stack here is the tree its DOM would have.
 */
function collectRows(html: string): { rows: RowFacts[]; title: string } {
  const rowsByEra: [RowFacts[], RowFacts[]] = [[], []];
  let title: string | undefined;
  let titleSeen = false;
  interface Open {
    name: string;
    /** This element opened a row. */
    row?: RowFacts;
    /** This element collects its text; each of `done` receives it when it closes. */
    collect?: { text: string; done: ((text: string) => void)[] };
    /** `ol.repo-list`: its `li` children are rows of the 2019 era. */
    repoList?: boolean;
  }
  const stack: Open[] = [];
  /** The collectors of the elements open now: each text goes to each of them. */
  const collecting: { text: string }[] = [];
  let row: RowFacts | undefined;
  let headings = 0;
  let collectors = 0;
  let paragraphTaken = false;
  let languageTaken = false;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const open: Open = { name };
        const classes = (attributes.class ?? '').split(/\s+/);
        const parent = stack.at(-1);
        if (!row) {
          const era = name === 'article' && classes.includes('Box-row') ? 0 : name === 'li' && parent?.repoList ? 1 : undefined;
          if (era !== undefined) {
            row = { anchors: [], spans: [] };
            open.row = row;
            rowsByEra[era].push(row);
            headings = 0;
            collectors = 0;
            paragraphTaken = false;
            languageTaken = false;
          } else if (name === 'ol' && classes.includes('repo-list')) open.repoList = true;
          else if (name === 'title' && !titleSeen) {
            titleSeen = true;
            open.collect = { text: '', done: [(text) => (title = text)] };
          }
        } else {
          const facts = row;
          const collect = (done: (text: string) => void) => {
            if (open.collect) open.collect.done.push(done);
            else if (collectors < MAX_OPEN_COLLECTORS) {
              collectors += 1;
              open.collect = { text: '', done: [done] };
            }
          };
          if (HEADINGS.has(name)) headings += 1;
          const href = attributes.href;
          if (name === 'a' && href !== undefined) {
            if (headings > 0 && facts.link === undefined) facts.link = href;
            const anchor = { href, text: '' };
            facts.anchors.push(anchor);
            collect((text) => (anchor.text = text));
          } else if (name === 'p' && !paragraphTaken) {
            paragraphTaken = true;
            collect((text) => (facts.paragraph = text));
          } else if (name === 'span') {
            const index = facts.spans.push('') - 1;
            collect((text) => (facts.spans[index] = text));
          }
          if (attributes.itemprop === 'programmingLanguage' && !languageTaken) {
            languageTaken = true;
            collect((text) => (facts.language = text));
          }
        }
        if (open.collect) collecting.push(open.collect);
        stack.push(open);
      },
      ontext(text) {
        for (const collect of collecting) collect.text += text;
      },
      onclosetag(name) {
        const open = stack.pop();
        if (!open) return;
        if (open.collect) {
          collecting.pop();
          for (const done of open.collect.done) done(open.collect.text);
          if (row) collectors -= 1;
        }
        if (row && HEADINGS.has(name)) headings -= 1;
        if (open.row) row = undefined;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  const [newer, older] = rowsByEra;
  return { rows: newer.length > 0 ? newer : older, title: title ?? '' };
}

function readRow(row: RowFacts): TrendingItem | undefined {
  const id = repoFromHref(row.link);
  if (!id) return undefined;

  const item: TrendingItem = { id, name: id, url: githubRepoUrl(id), metrics: {} };

  // The description is the row's paragraph (`p.col-9 …` in every era; absent
  // when the repository has none, e.g. one row of the weekly fixture).
  const description = collapse(row.paragraph ?? '');
  if (description) item.description = description;

  // Optional: repositories GitHub cannot classify have no language (pitfall 9).
  const language = collapse(row.language ?? '');
  if (language) item.language = language;

  // Stars and forks are the links to the repository's own stargazers / forks
  // pages. Matched on the exact repo path so the "Built by" avatars (which link
  // to `/user`) or a link in the description can never be read as a count.
  // Forks: `/o/r/forks` since 2023, `/o/r/network/members.r` in 2020–22 and
  // `/o/r/network/members` in 2019 (pitfall 8); some scrapers of the 2020–22
  // page also saw `/o/r/stargazers.r`, so a `.suffix` is allowed on both.
  for (const anchor of row.anchors) {
    const metric = countLinkMetric(anchor.href, id);
    if (metric && item.metrics[metric] === undefined) {
      const value = parseCount(collapse(anchor.text));
      if (value !== undefined) item.metrics[metric] = value;
    }
  }

  // "1,430 stars today" sits in `span.float-sm-right`; match the whole text of
  // a span rather than that class, so a description that happens to say
  // "stars today" (it is in the `<p>`, not a span) is never read.
  for (const span of row.spans) {
    const match = STARS_IN_PERIOD.exec(collapse(span));
    if (match) {
      const value = parseCount(match[1]!);
      if (value !== undefined) item.metrics.starsInPeriod = value;
      break;
    }
  }
  return item;
}

/**
 * `/owner/repo` → `owner/repo`, validated. Only a site-relative path of exactly
 * two segments counts: `javascript:`, `https://elsewhere/…`, `/a/b/c`, queries
 * and fragments are all refused (engineering.md: links come from validated ids).
 */
function repoFromHref(href: string | undefined): string | undefined {
  const match = /^\/([^/?#]+)\/([^/?#]+)$/.exec(href?.trim() ?? '');
  if (!match) return undefined;
  const fullName = `${match[1]}/${match[2]}`;
  return isGithubRepoFullName(fullName) ? fullName : undefined;
}

function countLinkMetric(path: string, id: string): Extract<MetricName, 'stars' | 'forks'> | undefined {
  const base = `/${id}/`;
  if (!path.startsWith(base)) return undefined;
  const rest = path.slice(base.length);
  const suffix = `.${id.split('/')[1]}`;
  if (rest === 'stargazers' || rest === `stargazers${suffix}`) return 'stars';
  if (rest === 'forks' || rest === 'network/members' || rest === `network/members${suffix}`) return 'forks';
  return undefined;
}

/** Trim and collapse whitespace: the markup indents every text (pitfall 9). */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A trending page lists at most 25 repositories (api-facts.md, pitfall 9: 11–25 rows; the 2019 recording has 25). */
export const GITHUB_TRENDING_ROWS = 25;

/** A trending source for one period; the pages differ only in `since=` and the "stars …" wording. */
export function githubTrendingSource(options: {
  id: 'gh-trending-daily' | 'gh-trending-weekly';
  label: string;
  since: 'daily' | 'weekly';
}): Source {
  return {
    id: options.id,
    label: options.label,
    limit: GITHUB_TRENDING_ROWS,
    request: () => ({
      url: `https://github.com/trending?since=${options.since}`,
      headers: { accept: 'text/html' },
    }),
    parse: parseTrendingPage,
  };
}

export const ghTrendingDaily: Source = githubTrendingSource({
  id: 'gh-trending-daily',
  label: SOURCE_INFO['gh-trending-daily'].label,
  since: 'daily',
});

export const ghTrendingWeekly: Source = githubTrendingSource({
  id: 'gh-trending-weekly',
  label: SOURCE_INFO['gh-trending-weekly'].label,
  since: 'weekly',
});
