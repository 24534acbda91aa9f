import { clockWords, datelineOf, formatCount, isoDay, keepTogether, moversHeading, NBSP, periodOf, readingHeading } from './prose';
import { leftOutWords } from '../shared/format';
import { isSafeLink } from '../shared/links';
import { cleanText } from '../shared/text';
import type { MetricName } from '../sources/contract';
import type { SourceId } from '../sources/ids';
import type { Entry, Issue, Mover, Paper, Story, Tool, TrendingSections } from '../shared/issue-types';

/**
 * An issue as a Markdown document the reader can copy or save and share.
 *
 * Everything that came from a source (names, titles, descriptions, authors —
 * and the story text, which quotes them) goes through `escapeMarkdown`, and a
 * link is written only for a URL `isSafeLink` accepts: the document can show
 * remote text but never lets it add a link, an image, HTML or structure.
 */
export function issueToMarkdown(issue: Issue): string {
  const blocks: string[] = [
    `# ${escapeMarkdown(issue.masthead.name)} — No.${NBSP}${issue.number}`,
    mastheadLine(issue),
    ...story(escapeMarkdown(issue.lead.headline), issue.lead),
    ...watch(issue),
  ];
  for (const piece of issue.analysis) blocks.push(...story(`${escapeMarkdown(piece.kicker)}: ${escapeMarkdown(piece.headline)}`, piece));
  if (issue.tools.length > 0) blocks.push('## Tools of the Week', list(issue.tools.map(toolLine)));
  blocks.push(...trending(issue));
  blocks.push(...movers(issue));
  if (issue.reading.length > 0) blocks.push(`## ${escapeMarkdown(issue.readingHeading ?? readingHeading(issue.publishedAt, zoneOf(issue)))}`, list(issue.reading.map(paperLine)));
  blocks.push('---', footer(issue));
  // Escaping flattens every space to a normal one (lib/shared/text.ts): the document's "No. 15" and "12.5K likes"
  // are joined again here, once, as the new tab joins them (issue #11).
  return `${keepTogether(blocks.filter((block) => block !== '').join('\n\n'))}\n`;
}

/** `ai-morning-post-no-12-2026-11-27.md`: the issue's number and its local publishing date. */
export function issueFileName(issue: Issue): string {
  return `ai-morning-post-no-${issue.number}-${isoDay(issue.publishedAt, zoneOf(issue))}.md`;
}

/**
 * Remote text made inert for Markdown (CommonMark + GFM): it reads the same
 * once rendered, but cannot open emphasis, code, a link or image, raw HTML or
 * an entity, a table cell, strikethrough or math, start a heading, list,
 * quote or thematic break, or be autolinked (`https://…`, `www.…`, `a@b.c`,
 * `@mention`).
 *
 * First it is cleaned (lib/shared/text.ts `cleanText`): bidirectional
 * controls, zero-width and other invisible characters, controls and lone
 * surrogates go, and white space, line breaks included, collapses to single
 * spaces so the text stays inside the line it is written on (issue #9,
 * finding 5: an override reached the export). New items are cleaned before
 * they are stored; this covers issues stored before that, and it must come
 * before the escapes, so that an invisible character cannot hide a `#` or `-`
 * from the line-start rules. Nothing is cut: what an issue holds was capped
 * when its items were stored.
 */
export function escapeMarkdown(text: string): string {
  const flat = cleanText(text, Number.POSITIVE_INFINITY);
  return (
    flat
      // Characters that mean something wherever they stand.
      .replace(/[\\`*_[\]<>|~$@]/g, '\\$&')
      // An entity reference (`&lt;`, `&#60;`) would render as the character it names.
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
      // A heading (or a heading's closing sequence) starts with `#` after a line start or space.
      .replace(/(^|\s)#/g, '$1\\#')
      // Autolinks: `scheme://…` and `www.…` (GFM extended autolinks).
      .replace(/:\/\//g, '\\://')
      .replace(/\b(www)\./gi, '$1\\.')
      // Block starts at the line start: list items, thematic breaks, setext underlines.
      .replace(/^([-+=])/, '\\$1')
      .replace(/^(\d{1,9})([.)])/, '$1\\$2')
  );
}

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/**
 * A text sparkline, one block per point, lowest value `▁` to highest `█`.
 * `invert` is for ranks, where a smaller number is better: No. 1 is the tallest
 * bar. A flat series draws mid-height bars; a missing point is a space.
 */
export function sparkline(series: readonly number[], invert = false): string {
  const values = series.map((value) => (Number.isFinite(value) ? (invert ? -value : value) : undefined));
  const known = values.filter((value): value is number => value !== undefined);
  if (known.length === 0) return '';
  const min = Math.min(...known);
  const span = Math.max(...known) - min;
  return values
    .map((value) => {
      if (value === undefined) return ' ';
      const level = span === 0 ? 3 : Math.round(((value - min) / span) * (BLOCKS.length - 1));
      return BLOCKS[level] ?? ' ';
    })
    .join('');
}

// ---------------------------------------------------------------------------

function mastheadLine(issue: Issue): string {
  const parts = [issue.masthead.dateline, issue.masthead.tagline].map(escapeMarkdown).filter(Boolean);
  return [parts[0] ? `**${parts[0]}**` : '', parts[1] ? `*${parts[1]}*` : ''].filter(Boolean).join(' · ');
}

function story(heading: string, piece: Story): string[] {
  const standfirst = escapeMarkdown(piece.standfirst ?? '');
  return [
    `## ${heading}`,
    standfirst ? `*${standfirst}*` : '',
    ...piece.paragraphs.map(escapeMarkdown),
  ];
}

/** The watch piece: a paragraph per watched item, its name (in its first sentence) linked to the item. */
function watch(issue: Issue): string[] {
  const piece = issue.watch;
  if (!piece) return [];
  const lines = piece.paragraphs.map((text, index) => {
    const item = piece.items[index];
    const at = item ? text.indexOf(item.name) : -1;
    return item && at >= 0 ? `${escapePart(text.slice(0, at))}${link(item.name, item.url)}${escapePart(text.slice(at + item.name.length))}` : escapeMarkdown(text);
  });
  return [`## ${escapeMarkdown(piece.kicker)}: ${escapeMarkdown(piece.headline)}`, list(lines)];
}

/** Part of a sentence around a link, escaped, keeping the spaces at its ends (escapeMarkdown trims). */
function escapePart(part: string): string {
  if (part.trim() === '') return part === '' ? '' : ' ';
  return `${/^\s/.test(part) ? ' ' : ''}${escapeMarkdown(part)}${/\s$/.test(part) ? ' ' : ''}`;
}

/** `[name](url)` for a safe URL, the name as plain text otherwise. */
function link(text: string, url: string | undefined): string {
  const label = escapeMarkdown(text);
  return url !== undefined && isSafeLink(url) ? `[${label}](${destination(url)})` : label;
}

/**
 * The URL as a link destination: normalised by the URL parser, and with the
 * characters that would end or break a destination (`(`, `)`, `<`, `>`,
 * spaces, `\`) percent-encoded.
 */
function destination(url: string): string {
  return new URL(url).href.replace(/[()<>\s\\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function list(lines: string[]): string {
  return lines.map((line) => `- ${line}`).join('\n');
}

function toolLine(tool: Tool): string {
  const name = link(tool.name, tool.url);
  return [`**${name}**`, escapeMarkdown(tool.description), escapeMarkdown(tool.figure)].filter(Boolean).join(' — ');
}

const TRENDING_SECTIONS: [keyof TrendingSections, string, string, string, string][] = [
  ['models', 'Models', 'Hugging Face', 'model', 'models'],
  ['datasets', 'Datasets', 'Hugging Face', 'dataset', 'datasets'],
  ['repositories', 'Repositories', 'GitHub', 'repository', 'repositories'],
  ['spaces', 'Spaces', 'Hugging Face', 'space', 'spaces'],
];

/** Rows of each list the export prints. */
const TRENDING_SHOWN = 10;

/**
 * Each list numbered 1…n (issue #11), and under it how many rows of its source, above the last one printed,
 * it left out and why. Ranks are the source's own and distinct, so those are the last one's rank less the rows
 * printed; the reason is the one the issue recorded.
 */
function trending(issue: Issue): string[] {
  const blocks: string[] = [];
  for (const [key, title, from, noun, nouns] of TRENDING_SECTIONS) {
    const entries = issue.trending[key].slice(0, TRENDING_SHOWN);
    if (entries.length === 0) continue;
    blocks.push(`### ${title}`, list(entries.map((entry, index) => entryLine(entry, index + 1, from))));
    const why = issue.leftOut?.[key]?.why;
    const count = entries.at(-1)!.rank - entries.length;
    if (why && count > 0) blocks.push(`*${leftOutWords({ count, why }, noun, nouns, formatCount)}*`);
  }
  return blocks.length > 0 ? ['## Trending', ...blocks] : [];
}

/**
 * `**3.** [name](url) — 1,204 likes — new`, numbered by its place in the list; where the source ranks it
 * elsewhere, `**3.** [name](url) (No. 6 on GitHub) — …`. The number is bold text rather than an ordered list,
 * whose renderers renumber from 1 whatever the text says.
 */
function entryLine(entry: Entry, place: number, from: string): string {
  const figure = entryFigure(entry);
  const rank = entry.rank !== place ? ` (No.${NBSP}${entry.rank} on ${from})` : '';
  return [`**${place}.** ${link(entry.name, entry.url)}${rank}`, figure, entry.isNew ? '*new to the list*' : ''].filter(Boolean).join(' — ');
}

/** The one figure a trending line shows: what its source ranks by that a reader understands. */
const FIGURE_ORDER: MetricName[] = ['starsInPeriod', 'likes', 'stars', 'upvotes', 'downloads', 'trendingScore', 'forks'];

function entryFigure(entry: Entry): string {
  for (const metric of FIGURE_ORDER) {
    const value = entry.metrics[metric];
    if (value !== undefined && Number.isFinite(value)) return `${formatCount(value)}${NBSP}${metricLabel(metric, entry.sourceId, value)}`;
  }
  return '';
}

function metricLabel(metric: MetricName, sourceId: SourceId, count: number): string {
  const one = count === 1;
  switch (metric) {
    case 'starsInPeriod':
      return `${one ? 'star' : 'stars'} ${periodOf(sourceId)}`;
    case 'trendingScore':
      return 'trending score';
    case 'downloads':
      // Hugging Face counts the last 30 days: the figure names its period (issue #11).
      return `30-day ${one ? 'download' : 'downloads'}`;
    default:
      // "1 like", "2 likes": every other metric is a plural noun.
      return one ? metric.replace(/s$/, '') : metric;
  }
}

function movers(issue: Issue): string[] {
  const { climbers, growth, sinceAt } = issue.movers;
  if (climbers.length === 0 && growth.length === 0) return [];
  const blocks = [`## ${escapeMarkdown(issue.movers.heading ?? moversHeading(sinceAt, issue.publishedAt, zoneOf(issue)))}`];
  if (sinceAt !== undefined) blocks.push(`*Compared with the lists as they stood on ${escapeMarkdown(datelineOf(sinceAt, zoneOf(issue)))}.*`);
  if (climbers.length > 0) blocks.push('### Climbers', list(climbers.map((mover) => moverLine(mover, climbFigure(mover)))));
  if (growth.length > 0) blocks.push('### Fastest Growing', list(growth.map((mover) => moverLine(mover, growthFigure(mover)))));
  return blocks;
}

/** What a mover is, by the list it moved on (issue #11). */
const MOVER_KIND: Partial<Record<SourceId, string>> = { 'hf-models': 'model', 'hf-datasets': 'dataset', 'hf-spaces': 'space' };

function moverLine(mover: Mover, figure: string): string {
  // Fewer than two days of points draw no line: the word, as the new tab says it.
  const spark = mover.sparkline.filter(Number.isFinite).length < 2 ? 'new' : `\`${sparkline(mover.sparkline, mover.sparklineOf === 'rank')}\``;
  const kind = MOVER_KIND[mover.sourceId] ?? 'repository';
  return [`${link(mover.name, mover.url)} (${kind})`, figure, spark].filter(Boolean).join(' — ');
}

function climbFigure(mover: Mover): string {
  if (mover.isNew || mover.climbed === undefined) return `entered at No.${NBSP}${mover.rank}`;
  return `up ${formatCount(mover.climbed)}${NBSP}${mover.climbed === 1 ? 'place' : 'places'} to No.${NBSP}${mover.rank}`;
}

function growthFigure(mover: Mover): string {
  if (mover.perDay === undefined || mover.metric === undefined) return `No.${NBSP}${mover.rank}`;
  const sign = mover.perDay > 0 ? '+' : '';
  return `${sign}${formatCount(mover.perDay)}${NBSP}${metricLabel(mover.metric, mover.sourceId, mover.perDay)} a day`;
}

/** Papers list their first three authors, then "et al.". */
const AUTHORS_SHOWN = 3;

function paperLine(paper: Paper): string {
  const shown = paper.authors.slice(0, AUTHORS_SHOWN).map(escapeMarkdown).filter(Boolean);
  const authors = shown.length > 0 ? `${shown.join(', ')}${paper.authors.length > AUTHORS_SHOWN ? ' et al.' : ''}` : '';
  const upvotes = `${formatCount(paper.upvotes)}${NBSP}${paper.upvotes === 1 ? 'upvote' : 'upvotes'}`;
  const code = paper.codeUrl !== undefined && isSafeLink(paper.codeUrl) ? `[code](${destination(paper.codeUrl)})` : '';
  return [link(paper.title, paper.url), authors, upvotes, code].filter(Boolean).join(' — ');
}

function footer(issue: Issue): string {
  const lines = issue.masthead.sources.map((source) => {
    const when = source.lastSuccessAt === undefined ? 'never' : clockWords(source.lastSuccessAt, issue.publishedAt, zoneOf(issue));
    return `${escapeMarkdown(source.label)}: ${escapeMarkdown(when)}${source.failing ? ' (failing)' : ''}`;
  });
  return `*Sources last refreshed — ${lines.length > 0 ? lines.join(' · ') : 'none'}*`;
}

/** The time zone the issue was written for; UTC for issues stored before it was recorded. */
function zoneOf(issue: Issue): string {
  return issue.timeZone ?? 'UTC';
}
