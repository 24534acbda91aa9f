import * as v from 'valibot';
import type { ParsedList, TrendingItem } from './contract';
import { parseError } from './errors';
import { MAX_COUNT, MAX_SCORE } from '../shared/limits';

/**
 * JSON.parse that fails as a parse error saying, in the extension's own words,
 * what came back instead. The body itself is never quoted: remote text shown
 * in a failure notice would read as if the extension said it (issue #9,
 * finding 6).
 */
export function parseJsonBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw parseError(`the response is not JSON (${describeNonJson(body)})`);
  }
}

function describeNonJson(body: string): string {
  const start = body.trimStart();
  if (start === '') return 'it is empty';
  if (/^<(?:!doctype\s+html|html|head|body|title|h1|p|div)\b/i.test(start)) return 'it is an HTML page';
  if (start.startsWith('<')) return 'it is markup';
  if (/^[[{]/.test(start)) return 'it is cut off or malformed';
  return 'it is plain text';
}

/**
 * Field names a failure notice may name, because they tell the reader
 * something (an API error answered instead of a list): words of the
 * extension's vocabulary, never whatever keys a server sent.
 */
const NAMEABLE_KEYS = ['error', 'errors', 'message', 'items', 'recentlyTrending', 'repoType'] as const;

/** The keys of `json` that are in NAMEABLE_KEYS, quoted, in that order. */
export function nameableKeys(json: object): string[] {
  return NAMEABLE_KEYS.filter((key) => Object.hasOwn(json, key)).map((key) => JSON.stringify(key));
}

export interface JsonListOptions {
  /** The list inside the parsed body (an envelope's `items`); the body itself by default. */
  pick?: (json: unknown) => unknown;
  /**
   * The source's `limit`: validation stops once this many items are kept, and
   * the entries after them count as dropped. lib/sources/bound.ts cuts every
   * list to its limit in any case; stopping here spares the worker validating
   * the rest of a response that sends far more than it was asked for (a 5 MB
   * body holds some 160,000 minimal entries, a second of validation).
   */
  limit: number;
}

/**
 * Validate a JSON list item by item: an item that fails its schema is dropped
 * and counted (repair), a body that is not a list or leaves nothing is rejected.
 */
export function parseJsonList<Schema extends v.GenericSchema>(
  body: string,
  itemSchema: Schema,
  toItem: (raw: v.InferOutput<Schema>) => TrendingItem | undefined,
  { pick = (json) => json, limit }: JsonListOptions,
): ParsedList {
  const list = pick(parseJsonBody(body));
  if (!Array.isArray(list)) {
    throw parseError(`expected a JSON list, got ${describeJson(list)}`);
  }
  const items: TrendingItem[] = [];
  const seen = new Set<string>();
  for (const raw of list) {
    if (items.length === limit) break;
    const result = v.safeParse(itemSchema, raw);
    const item = result.success ? toItem(result.output) : undefined;
    // A list that repeats an id would give one item two ranks; keep the first.
    if (item && !seen.has(item.id)) {
      seen.add(item.id);
      items.push(item);
    }
  }
  if (items.length === 0) {
    throw parseError(
      list.length === 0 ? 'the list is empty' : `none of the ${list.length} entries has the expected fields`,
    );
  }
  return { items, dropped: list.length - items.length };
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') {
    if (Object.keys(value).length === 0) return 'an empty object';
    const keys = nameableKeys(value);
    return keys.length ? `an object with ${keys.join(', ')}` : 'an object';
  }
  return `a ${typeof value}`;
}

// Secondary fields repair rather than reject: a drifted value reads as absent,
// so one odd field does not cost the reader the whole item. Only the id, which
// every link is built from, rejects an item.

/**
 * A count the API sends as a non-negative integer, at most MAX_COUNT; anything
 * else reads as absent: `likes: 1e308` passed as an integer and printed a
 * 396-character figure (issue #9, finding 3).
 */
export const count = v.fallback(v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_COUNT))), undefined);
/** A finite number (a score) within ±MAX_SCORE; anything else reads as absent. */
export const score = v.fallback(v.optional(v.pipe(v.number(), v.finite(), v.minValue(-MAX_SCORE), v.maxValue(MAX_SCORE))), undefined);
/** An optional string that may also arrive as null; anything else reads as absent. */
export const optionalText = v.fallback(v.optional(v.nullable(v.string())), undefined);
/** Tags: a list whose strings are kept (see `strings`); anything else reads as absent. */
export const tagList = v.fallback(v.optional(v.array(v.unknown())), undefined);

export function strings(list: unknown[] | undefined): string[] | undefined {
  return list?.filter((tag): tag is string => typeof tag === 'string');
}

type Present<T> = { [K in keyof T]?: Exclude<T[K], undefined | null | ''> };

/**
 * The fields that have a value: `undefined`, `null`, `''` and empty lists are
 * left out, so an item never claims a field the source did not send
 * (`exactOptionalPropertyTypes`-friendly spreading).
 */
export function present<T extends Record<string, unknown>>(fields: T): Present<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out as Present<T>;
}
