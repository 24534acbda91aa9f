import type { MetricName, ParsedList, Source, TrendingItem } from './contract';
import { parseError } from './errors';
import { githubRepoUrl, isGithubRepoFullName } from '../shared/links';
import { SOURCE_INFO } from './info';
import { scanHtml } from './html-scan';
import { MAX_COLLECTED_TEXT, MAX_HTML_DEPTH, MAX_ROW_ELEMENTS, MAX_TRENDING_ROWS } from '../shared/limits';

/**
 * GitHub trending, read from the HTML page: there is no API for it
 * (api-facts.md, "Trending: no API, HTML only").
 *
 * The page is read with htmlparser2's tokenizer, because the service worker
 * that refreshes sources has no `DOMParser` (api-facts.md, "Extension"); it
 * decodes entities (`&amp;`, `&#39;`: pitfall 10). The page is about 580 kB,
 * of which the rows are a small part: building a whole DOM of it and querying
 * it with css-select took 88 ms on the worker's first refresh (issue #8,
 * `npm run bench`), so the rows' few facts are collected in one pass over the
 * page's events instead (`collectRows`). The events come from
 * lib/sources/html-scan.ts, which builds the tree in time linear in the page
 * whatever its markup, and every bound on what a page can make the pass hold
 * (depth, rows, links per row, text per fact) is in lib/shared/limits.ts
 * (issue #9, "Parsing in linear time").
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
 * order. Rows whose link is not a plain `/owner/repo` are dropped and counted,
 * as are rows past MAX_TRENDING_ROWS; a repeated repository keeps its first
 * rank. A body that is not HTML, or an HTML page without a single
 * recognisable row (a login wall, an error page, a markup change) is a parse
 * error, never an empty list: product.md, "Scrapers break when GitHub changes
 * its markup".
 *
 * `meter`, when given, counts the parse's units of work (tokenizer events,
 * element pushes and pops, texts collected): tests prove with it that the work
 * grows linearly with the page, whatever its markup (issue #9).
 */
export function parseTrendingPage(html: string, meter?: { work: number }): ParsedList {
  assertLooksLikeHtml(html);
  const { rows, rowsLeftOut, htmlClosed, rowOpenAtEnd } = collectRows(html, meter ?? { work: 0 });
  // A page cut off mid-way still parses, into fewer rows; storing it would lose
  // the rest. GitHub's page always has its `</html>` (every recording does).
  // What follows it is not the page's: a stray newline, NUL or garbage after a
  // whole page is read, not refused (issue #9, finding 8).
  if (!htmlClosed) throw parseError('the page ends early (no closing </html>): it was cut off');
  if (rowOpenAtEnd) throw parseError('the page ends early (inside a row): it was cut off');
  // The page's own words (its title, a banner) are never quoted: they are the server's, not ours (issue #9, finding 6).
  if (rows.length === 0) throw parseError('no repositories found: the trending page markup was not recognised');

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
  return { items, dropped: rows.length - items.length + rowsLeftOut };
}

function assertLooksLikeHtml(body: string): void {
  const start = body.trimStart();
  if (start === '') throw parseError('the response is empty (expected the GitHub trending page)');
  // A JSON body (an API error, a proxy's answer) or plain text is not the page;
  // htmlparser2 would happily read it as one text node, so say what it was, in
  // our words: quoting its start would let the server write the message.
  if (start.startsWith('{') || start.startsWith('[')) throw parseError('the response is JSON, not the HTML trending page');
  if (!start.includes('<')) throw parseError('the response is plain text, not the HTML trending page');
}

/** What a row says, as text: everything `readRow` needs. */
interface RowFacts {
  /** The `href` of the first anchor inside a heading. */
  link?: string;
  /** The text of the row's first paragraph (the description). */
  paragraph?: string;
  /** The text of the first `[itemprop=programmingLanguage]`. */
  language?: string;
  /** The first MAX_ROW_ELEMENTS anchors with an `href`, with their text, in document order. */
  anchors: { href: string; text: string }[];
  /** The text of the first MAX_ROW_ELEMENTS spans, in document order (an enclosing span before the spans inside it). */
  spans: string[];
}

/**
 * At most this many elements inside a row collect their text at once. The
 * facts a row needs sit a few elements deep; a limit keeps the pass linear in
 * the page's length whatever its nesting (a text is read by each open
 * collector: without a limit, deeply nested spans would make it quadratic).
 */
const MAX_OPEN_COLLECTORS = 16;

/**
 * An element's text being collected: the texts since `from` in the pass's
 * list of pieces, joined (up to MAX_COLLECTED_TEXT) when the element closes
 * and given to each of `done`. Texts are kept once, not appended to every
 * open collector: a page of a million one-character texts under 16 open
 * collectors would otherwise build 16 million strings.
 */
interface Collector {
  from: number;
  done: ((text: string) => void)[];
}

/** What an open element means to the pass. */
interface Open {
  /** This element opened a row. */
  row?: RowFacts;
  collect?: Collector;
  /** `ol.repo-list`: its `li` children are rows of the 2019 era. */
  repoList?: boolean;
  /** A heading (`h1`–`h3`) inside a row. */
  heading?: boolean;
}

/**
 * One pass over the page (lib/sources/html-scan.ts: linear whatever the
 * markup): the rows of each era, each row's facts collected as the page goes
 * by. A row inside a row is skipped whole; so is a row past the cap.
 */
function collectRows(
  html: string,
  meter: { work: number },
): { rows: RowFacts[]; rowsLeftOut: number; htmlClosed: boolean; rowOpenAtEnd: boolean } {
  const rowsByEra: [RowFacts[], RowFacts[]] = [[], []];
  const leftOutByEra: [number, number] = [0, 0];
  const opens: Open[] = [];
  /** The collectors of the elements open now, innermost last. */
  const collecting: Collector[] = [];
  /** The texts since the outermost open collector opened. */
  const pieces: string[] = [];
  /** The text of the pieces from `from` on, at most MAX_COLLECTED_TEXT characters of it. */
  const collected = (from: number): string => {
    let to = from;
    for (let length = 0; to < pieces.length && length < MAX_COLLECTED_TEXT; to++) {
      meter.work += 1;
      length += pieces[to]!.length;
    }
    const text = pieces.slice(from, to).join('');
    return text.length > MAX_COLLECTED_TEXT ? text.slice(0, MAX_COLLECTED_TEXT) : text;
  };
  let row: RowFacts | undefined;
  /**
   * Elements open in a row that is not read, itself included: a row inside a
   * row (issue #9: rows nested in rows are ignored, neither a row nor part of
   * the outer one), or a row past MAX_TRENDING_ROWS. While above 0, nothing
   * is read.
   */
  let skipping = 0;
  let headings = 0;
  let paragraphTaken = false;
  let languageTaken = false;
  /** A row was still open when the page ended: its end, and the rows after it, were cut off. */
  let rowOpenAtEnd = false;

  /** Have `done` receive the text of `open` when it closes, unless MAX_OPEN_COLLECTORS are collecting already. */
  const collectText = (open: Open, done: (text: string) => void) => {
    if (open.collect) open.collect.done.push(done);
    else if (collecting.length < MAX_OPEN_COLLECTORS) {
      open.collect = { from: pieces.length, done: [done] };
      collecting.push(open.collect);
    }
  };

  const { htmlClosed } = scanHtml(
    html,
    {
      open(name, attributes) {
        meter.work += 1;
        const open: Open = {};
        opens.push(open);
        if (skipping > 0) {
          skipping += 1;
          return;
        }
        const parent = opens.at(-2);
        const era = name === 'article' && hasClass(attributes.class, 'Box-row') ? 0 : name === 'li' && parent?.repoList ? 1 : undefined;
        if (era !== undefined && (row || rowsByEra[era].length >= MAX_TRENDING_ROWS)) {
          if (!row) leftOutByEra[era] += 1;
          skipping = 1;
          return;
        }
        if (era !== undefined) {
          row = { anchors: [], spans: [] };
          open.row = row;
          rowsByEra[era].push(row);
          headings = 0;
          paragraphTaken = false;
          languageTaken = false;
          return;
        }
        if (!row) {
          if (name === 'ol' && hasClass(attributes.class, 'repo-list')) open.repoList = true;
          return;
        }
        const facts = row;
        if (HEADINGS.has(name)) {
          open.heading = true;
          headings += 1;
        }
        const href = attributes.href;
        if (name === 'a' && href !== undefined) {
          if (headings > 0 && facts.link === undefined) facts.link = href;
          if (facts.anchors.length < MAX_ROW_ELEMENTS) {
            const anchor = { href, text: '' };
            facts.anchors.push(anchor);
            collectText(open, (text) => (anchor.text = text));
          }
        } else if (name === 'p' && !paragraphTaken) {
          paragraphTaken = true;
          collectText(open, (text) => (facts.paragraph = text));
        } else if (name === 'span' && facts.spans.length < MAX_ROW_ELEMENTS) {
          const index = facts.spans.push('') - 1;
          collectText(open, (text) => (facts.spans[index] = text));
        }
        if (attributes.itemprop === 'programmingLanguage' && !languageTaken) {
          languageTaken = true;
          collectText(open, (text) => (facts.language = text));
        }
      },
      text(text) {
        if (skipping > 0 || collecting.length === 0) return;
        meter.work += 1;
        pieces.push(text);
      },
      close() {
        meter.work += 1;
        const open = opens.pop()!;
        if (skipping > 0) {
          skipping -= 1;
          return;
        }
        if (open.collect) {
          // Collectors nest with the elements: the innermost open one is last.
          collecting.pop();
          const text = collected(open.collect.from);
          for (const done of open.collect.done) done(text);
          if (collecting.length === 0) pieces.length = 0;
        }
        if (open.heading) headings -= 1;
        if (open.row) row = undefined;
      },
      end() {
        rowOpenAtEnd = row !== undefined;
      },
    },
    { attributes: ['class', 'href', 'itemprop'], maxDepth: MAX_HTML_DEPTH, meter },
  );
  const era = rowsByEra[0].length > 0 ? 0 : 1;
  return { rows: rowsByEra[era], rowsLeftOut: leftOutByEra[era], htmlClosed, rowOpenAtEnd };
}

/** Whether a `class` attribute lists `name` as one of its words (without splitting a value that may be a megabyte long). */
function hasClass(classes: string | undefined, name: string): boolean {
  if (classes === undefined) return false;
  for (let at = classes.indexOf(name); at !== -1; at = classes.indexOf(name, at + 1)) {
    const before = at === 0 ? ' ' : classes[at - 1]!;
    const after = classes[at + name.length] ?? ' ';
    if (/\s/.test(before) && /\s/.test(after)) return true;
  }
  return false;
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
