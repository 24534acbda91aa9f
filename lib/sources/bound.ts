import type { MetricName, ParsedList, TrendingItem } from './contract';
import { parseError } from './errors';
import { isHuggingFaceModelId, isSafeLink } from '../shared/links';
import {
  MAX_AUTHOR_LENGTH,
  MAX_AUTHORS,
  MAX_COUNT,
  MAX_DESCRIPTION_LENGTH,
  MAX_ID_LENGTH,
  MAX_ITEM_YEAR,
  MAX_LABEL_LENGTH,
  MAX_NAME_LENGTH,
  MAX_SCORE,
  MAX_SPACE_MODELS,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  MIN_ITEM_YEAR,
} from '../shared/limits';
import { cleanText } from '../shared/text';

/**
 * The one place every item is bounded before it is stored (issue #9, "limits
 * in one place"; findings 3 and 5). lib/background/fetch-source.ts applies it
 * to whatever a source's `parse` returns, so no parser, today's or a future
 * one, can store more than its request asked for or a value beyond the caps of
 * lib/shared/limits.ts:
 * - at most `limit` items (the number the source's request asks for,
 *   `Source.limit`), in the parser's order; the items beyond it are counted in
 *   `dropped` with the ones that failed validation, as left out of the
 *   response;
 * - the id as validated: one that is not a string, is longer than
 *   MAX_ID_LENGTH or that `cleanText` would change rejects its item (it keys
 *   the history and builds the link: altering it would name another item),
 *   and so does a `url` that is not a safe link;
 * - every text cleaned (lib/shared/text.ts) and cut to its cap; a name that
 *   cleans to nothing is the id; a text that cleans to nothing is absent;
 * - at most MAX_TAGS tags and MAX_AUTHORS authors; a tag longer than its cap
 *   is left out (a cut tag could name another model), an author's name is cut;
 * - dates only in the ECMAScript date-time format (what `Date.parse` reads
 *   the same in every browser), of a real calendar day, in
 *   [MIN_ITEM_YEAR, MAX_ITEM_YEAR]; anything else is absent;
 * - counts only as integers in [0, MAX_COUNT], scores only as finite numbers
 *   within ±MAX_SCORE; `-0` is 0 (it prints as "-0"); anything else is absent.
 * A list left with no item is a parse error, like an empty parse.
 */
export function boundList(list: ParsedList, limit: number): ParsedList {
  const items: TrendingItem[] = [];
  let dropped = list.dropped;
  for (const raw of list.items) {
    const item = items.length < limit ? boundItem(raw) : undefined;
    if (item) items.push(item);
    else dropped += 1;
  }
  if (items.length === 0) {
    throw parseError(`none of the ${list.items.length} entries has a usable id and link`);
  }
  return { items, dropped };
}

/** One item within the caps, or undefined when its id or link cannot be kept as they are. */
export function boundItem(raw: TrendingItem): TrendingItem | undefined {
  const { id, url } = raw;
  if (typeof id !== 'string' || id === '' || id.length > MAX_ID_LENGTH || cleanText(id, MAX_ID_LENGTH) !== id) return undefined;
  if (typeof url !== 'string' || !isSafeLink(url)) return undefined;

  const item: TrendingItem = { id, name: text(raw.name, MAX_NAME_LENGTH) ?? id, url, metrics: metrics(raw.metrics) };
  const description = text(raw.description, MAX_DESCRIPTION_LENGTH);
  if (description) item.description = description;
  const task = text(raw.task, MAX_LABEL_LENGTH);
  if (task) item.task = task;
  const library = text(raw.library, MAX_LABEL_LENGTH);
  if (library) item.library = library;
  const sdk = text(raw.sdk, MAX_LABEL_LENGTH);
  if (sdk) item.sdk = sdk;
  const language = text(raw.language, MAX_LABEL_LENGTH);
  if (language) item.language = language;
  const tags = tagsOf(raw.tags);
  if (tags.length) item.tags = tags;
  const authors = authorsOf(raw.authors);
  if (authors.length) item.authors = authors;
  const models = modelIdsOf(raw.models);
  if (models.length) item.models = models;
  if (typeof raw.codeUrl === 'string' && isSafeLink(raw.codeUrl)) item.codeUrl = raw.codeUrl;
  const createdAt = isoDate(raw.createdAt);
  if (createdAt) item.createdAt = createdAt;
  const publishedAt = isoDate(raw.publishedAt);
  if (publishedAt) item.publishedAt = publishedAt;
  return item;
}

/** Cleaned and cut to `max`; undefined for anything but a string with something visible in it. */
function text(value: unknown, max: number): string | undefined {
  return typeof value === 'string' ? cleanText(value, max) || undefined : undefined;
}

/** The first MAX_TAGS distinct tags that fit MAX_TAG_LENGTH once cleaned; others are left out. */
function tagsOf(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const tags = new Set<string>();
  for (const tag of raw) {
    if (tags.size === MAX_TAGS) break;
    // One code unit over the cap: a longer tag comes back cut, at MAX_TAG_LENGTH + 1 with its ellipsis, and is refused.
    const cleaned = typeof tag === 'string' ? cleanText(tag, MAX_TAG_LENGTH + 1) : '';
    if (cleaned && cleaned.length <= MAX_TAG_LENGTH) tags.add(cleaned);
  }
  return [...tags];
}

/**
 * A Space's models: the first MAX_SPACE_MODELS distinct strings that are valid
 * Hugging Face model ids as they are (an id is never cleaned or cut: that
 * could name another model); anything else is left out.
 */
export function modelIdsOf(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const ids = new Set<string>();
  for (const id of raw) {
    if (ids.size === MAX_SPACE_MODELS) break;
    if (typeof id === 'string' && isHuggingFaceModelId(id) && cleanText(id, MAX_ID_LENGTH) === id) ids.add(id);
  }
  return [...ids];
}

/** The first MAX_AUTHORS names, each cleaned and cut to MAX_AUTHOR_LENGTH; an empty one is skipped. */
function authorsOf(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const authors: string[] = [];
  for (const author of raw) {
    if (authors.length === MAX_AUTHORS) break;
    const name = text(author, MAX_AUTHOR_LENGTH);
    if (name) authors.push(name);
  }
  return authors;
}

/**
 * How each metric is bounded. A record over every `MetricName`, so a new
 * metric does not compile until it says which it is.
 */
const METRIC_KIND: Record<MetricName, 'count' | 'score'> = {
  likes: 'count',
  downloads: 'count',
  stars: 'count',
  forks: 'count',
  starsInPeriod: 'count',
  upvotes: 'count',
  trendingScore: 'score',
};

function metrics(raw: unknown): TrendingItem['metrics'] {
  const out: TrendingItem['metrics'] = {};
  if (typeof raw !== 'object' || raw === null) return out;
  const given = raw as Record<string, unknown>;
  for (const [name, kind] of Object.entries(METRIC_KIND) as [MetricName, 'count' | 'score'][]) {
    if (!Object.hasOwn(given, name)) continue;
    const value = given[name];
    if (typeof value !== 'number') continue;
    const kept = kind === 'count' ? Number.isInteger(value) && value >= 0 && value <= MAX_COUNT : Number.isFinite(value) && Math.abs(value) <= MAX_SCORE;
    // `+ 0` turns -0 into 0.
    if (kept) out[name] = value + 0;
  }
  return out;
}

/**
 * The ECMAScript date-time string format (ECMA-262 §21.4.1.32): a date, or a
 * date and time with an optional `Z` or `±HH:mm` offset; fractions of a
 * second of up to nine digits, which Chromium and Firefox both read.
 * `Date.parse` reads other shapes differently from one engine to another, and
 * rolls an impossible day over (V8 reads `2026-02-30` as 2 March), so the
 * fields are checked here.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))?)?$/;

function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  if (year! < MIN_ITEM_YEAR || year! > MAX_ITEM_YEAR) return undefined;
  if (month! < 1 || month! > 12 || day! < 1 || day! > new Date(Date.UTC(year!, month!, 0)).getUTCDate()) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  return Number.isFinite(Date.parse(value)) ? value : undefined;
}
