import type { Issue, Masthead, Mover, Movers, Paper, Story } from '../shared/issue-types';
import { githubRepoUrl, huggingFacePaperUrl, huggingFaceUrl } from '../shared/links';
import { errorMessage } from '../shared/error-message';

/**
 * How a published issue is stored (issue #8: an issue record ≤ 10 KB). An
 * issue is about 38 KB of JSON, most of it the trending lists; a year of them
 * was most of the database. Stored, it is two parts:
 *
 * - `front`, what the new tab paints first (masthead, and the lead's kicker,
 *   headline and standfirst), as plain values: a page reads it with one
 *   IndexedDB get and paints without decompressing anything;
 * - `body`, the rest of the issue as JSON, compressed with the platform's
 *   CompressionStream. The first screen is not repeated in it.
 *
 * Pure: no Dexie and no extension API, so that the new tab can load it before
 * Dexie. CompressionStream is in Chrome 80, Firefox 113 (our minimum is 140)
 * and Node 18, where the unit tests run.
 *
 * The body is the 'deflate' (zlib) format rather than 'deflate-raw': six bytes
 * more, for an Adler-32 of the whole JSON that the platform checks while
 * decompressing (RFC 1950), so a flipped bit or a cut body rejects instead of
 * decoding to something else. The JSON itself is checked for shape and for
 * belonging to its record.
 *
 * Before compressing, links and names that can be rebuilt are replaced by a
 * marker (`0`, never a valid string): an item's `url` when it is the canonical
 * link lib/shared/links.ts builds from its source and id, its `name` when it is
 * its id, a mover's or tool's claim's `sourceId`/`itemId` when they are the
 * item's own, a paper's `url` when it is its Hugging Face page. A marker keeps
 * the key in its place, so the issue comes back with its keys in their order.
 *
 * The round trip is lossless for every `Issue`: `unpackIssue(await
 * packIssue(issue))` deep-equals `issue`, `NaN`, `±Infinity` and `-0` included
 * (JSON would make them `null` and `0`: they are written as escaped strings).
 * As with JSON, a property whose value is `undefined` is left out.
 */

/** The stored record's format. */
export const ISSUE_FORMAT = 2;

/** The platform's compression format for `body` (see above: zlib, for its checksum). */
const COMPRESSION: CompressionFormat = 'deflate';

export interface FirstScreen {
  number: number;
  publishedAt: number;
  timeZone?: string;
  masthead: Masthead;
  lead: Pick<Story, 'kicker' | 'headline' | 'standfirst'>;
  /**
   * The popup's movers (`teaserMovers`), so that the popup paints from the
   * first screen without decompressing the body (issue #8). Absent in records
   * stored before it: the popup then decodes the body.
   */
  teaser?: TeaserMover[];
}

/** A mover as the popup prints it: name and figure, nothing to draw. */
export type TeaserMover = Pick<Mover, 'sourceId' | 'itemId' | 'name' | 'rank' | 'isNew' | 'climbed' | 'perDay' | 'metric'>;

/** The popup's movers: the two biggest climbers and the fastest grower. */
export function teaserMovers(movers: Movers): TeaserMover[] {
  return [...movers.climbers.slice(0, 2), ...movers.growth.slice(0, 1)].map(({ sourceId, itemId, name, rank, isNew, climbed, perDay, metric }) => ({
    sourceId,
    itemId,
    name,
    rank,
    isNew,
    ...(climbed === undefined ? {} : { climbed }),
    ...(perDay === undefined ? {} : { perDay }),
    ...(metric === undefined ? {} : { metric }),
  }));
}

export interface StoredIssue {
  number: number;
  publishedAt: number;
  /** What the new tab paints first, uncompressed. */
  front: FirstScreen;
  /**
   * The rest of the issue (everything but the masthead and the lead's kicker,
   * headline and standfirst, which are in `front`) as JSON, compressed
   * (CompressionStream 'deflate': zlib, with its checksum).
   */
  body: Uint8Array;
  /** Format version. */
  v: typeof ISSUE_FORMAT;
}

/** What the `issues` table holds: packed records, and issues stored whole before issue #8 (schema v3). */
export type IssueRecord = StoredIssue | Issue;

/** A stored issue that cannot be read: its body is cut, corrupt, or not this record's. */
export class IssueRecordError extends Error {
  override name = 'IssueRecordError';
}

export function isPacked(record: unknown): record is StoredIssue {
  if (typeof record !== 'object' || record === null) return false;
  const { v, body, front, number } = record as Partial<StoredIssue>;
  return v === ISSUE_FORMAT && typeof number === 'number' && isBytes(body) && typeof front === 'object' && front !== null;
}

/** The first screen of either shape, without decompressing anything. */
export function firstScreenOf(record: IssueRecord): FirstScreen {
  if (isPacked(record)) return record.front;
  return frontOf(record);
}

export async function packIssue(issue: Issue): Promise<StoredIssue> {
  const { masthead: _masthead, lead, ...rest } = issue;
  const { kicker: _kicker, headline: _headline, standfirst: _standfirst, ...leadRest } = lead;
  const body: BodyJson = {
    ...rest,
    lead: leadRest,
    tools: issue.tools.map(slimItem),
    trending: {
      models: issue.trending.models.map(slimItem),
      datasets: issue.trending.datasets.map(slimItem),
      repositories: issue.trending.repositories.map(slimItem),
      spaces: issue.trending.spaces.map(slimItem),
    },
    movers: { ...issue.movers, climbers: issue.movers.climbers.map(slimItem), growth: issue.movers.growth.map(slimItem) },
    reading: issue.reading.map(slimPaper),
  };
  const bytes = await through(new TextEncoder().encode(JSON.stringify(body, escapeValue)), new CompressionStream(COMPRESSION));
  return { number: issue.number, publishedAt: issue.publishedAt, front: frontOf(issue), body: bytes, v: ISSUE_FORMAT };
}

/**
 * The whole issue. A record stored before issue #8 (an `Issue` as it is) is
 * returned as it is. Rejects with an `IssueRecordError` when a body is cut,
 * corrupt or not its record's, and for a format this code does not know.
 * Awaits DecompressionStream: never call it inside a Dexie transaction (the
 * transaction would commit at that await).
 */
export async function unpackIssue(record: IssueRecord): Promise<Issue> {
  if (!isPacked(record)) {
    const shape = record as unknown as Record<string, unknown> | null;
    if (typeof shape !== 'object' || shape === null) throw new IssueRecordError(`Not an issue record: ${typeof shape}.`);
    if ('v' in shape || 'body' in shape) throw new IssueRecordError(`Issue No. ${String(shape.number)}: unknown record format ${JSON.stringify(shape.v)} (this version reads ${ISSUE_FORMAT}).`);
    if (typeof shape.number !== 'number' || !isObject(shape.masthead) || !isObject(shape.lead)) throw new IssueRecordError('Not an issue record: no number, masthead or lead.');
    return record as Issue;
  }
  const fail = (why: string) => new IssueRecordError(`Issue No. ${record.number} cannot be read: ${why}.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await through(record.body, new DecompressionStream(COMPRESSION)));
  } catch (error) {
    throw fail(`its body is cut or corrupt (${errorMessage(error)})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, reviveValue);
  } catch (error) {
    throw fail(`its body is not the JSON it was written as (${errorMessage(error)})`);
  }
  const body = checkedBody(parsed, fail);
  const front = record.front;
  if (body.number !== record.number || body.publishedAt !== record.publishedAt || front.number !== record.number || front.publishedAt !== record.publishedAt) {
    throw fail(`its body or first screen belongs to another issue (No. ${String(body.number)}, front No. ${String(front.number)})`);
  }
  const { number, publishedAt, timeZone, lead, tools, trending, movers, reading, ...others } = body;
  const { kicker, headline, standfirst } = front.lead;
  // In the order compose.ts writes them, so that the keys come back in their order.
  return {
    number,
    publishedAt,
    ...(timeZone === undefined ? {} : { timeZone }),
    masthead: front.masthead,
    lead: { kicker, headline, ...(standfirst === undefined ? {} : { standfirst }), ...lead },
    ...others,
    tools: tools.map((tool) => fullItem(tool, fail)),
    trending: {
      models: trending.models.map((entry) => fullItem(entry, fail)),
      datasets: trending.datasets.map((entry) => fullItem(entry, fail)),
      repositories: trending.repositories.map((entry) => fullItem(entry, fail)),
      spaces: trending.spaces.map((entry) => fullItem(entry, fail)),
    },
    movers: { ...movers, climbers: movers.climbers.map((mover) => fullItem(mover, fail)), growth: movers.growth.map((mover) => fullItem(mover, fail)) },
    reading: reading.map((paper) => fullPaper(paper, fail)),
  } as Issue;
}

// ————— the first screen —————

function frontOf(issue: Issue): FirstScreen {
  const { kicker, headline, standfirst } = issue.lead;
  return {
    number: issue.number,
    publishedAt: issue.publishedAt,
    ...(issue.timeZone === undefined ? {} : { timeZone: issue.timeZone }),
    masthead: issue.masthead,
    lead: { kicker, headline, ...(standfirst === undefined ? {} : { standfirst }) },
    teaser: teaserMovers(issue.movers),
  };
}

// ————— what can be rebuilt —————

/** Written in place of a value that unpacking rebuilds: never a valid string, and it keeps the key's place. */
const REBUILT = 0;

type Slim<T> = { [K in keyof T]: T[K] | typeof REBUILT };
type BodyJson = Omit<Issue, 'masthead' | 'lead' | 'tools' | 'trending' | 'movers' | 'reading'> & {
  lead: Omit<Story, 'kicker' | 'headline' | 'standfirst'>;
  tools: SlimItem[];
  trending: Record<keyof Issue['trending'], SlimItem[]>;
  movers: Omit<Issue['movers'], 'climbers' | 'growth'> & { climbers: SlimItem[]; growth: SlimItem[] };
  reading: Slim<Paper>[];
};

/** An entry, mover or tool: what every one of them has. */
interface Item {
  sourceId: string;
  itemId: string;
  name: string;
  url: string;
  claim?: { sourceId: string; itemId?: string };
}
type SlimItem = Omit<Slim<Item>, 'claim'> & { claim?: Slim<Item['claim'] & object> };

/** The link lib/shared/links.ts builds for an item of a source, or undefined (an id it would not accept, an unknown source). */
function canonicalUrl(sourceId: string, itemId: string): string | undefined {
  try {
    switch (sourceId) {
      case 'hf-models':
        return huggingFaceUrl('model', itemId);
      case 'hf-datasets':
        return huggingFaceUrl('dataset', itemId);
      case 'hf-spaces':
        return huggingFaceUrl('space', itemId);
      case 'hf-papers':
        return huggingFacePaperUrl(itemId);
      case 'gh-trending-daily':
      case 'gh-trending-weekly':
      case 'gh-search':
        return githubRepoUrl(itemId);
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}

function paperUrl(arxivId: string): string | undefined {
  try {
    return huggingFacePaperUrl(arxivId);
  } catch {
    return undefined;
  }
}

function slimItem<T extends Item>(item: T): SlimItem {
  const slim: SlimItem = { ...item };
  if (typeof item.url === 'string' && item.url === canonicalUrl(item.sourceId, item.itemId)) slim.url = REBUILT;
  if (typeof item.name === 'string' && item.name === item.itemId) slim.name = REBUILT;
  const claim = item.claim;
  if (claim && typeof claim.sourceId === 'string' && typeof claim.itemId === 'string' && claim.sourceId === item.sourceId && claim.itemId === item.itemId) {
    slim.claim = { ...claim, sourceId: REBUILT, itemId: REBUILT };
  }
  return slim;
}

function fullItem(slim: SlimItem, fail: (why: string) => Error): Item {
  if (!isObject(slim) || typeof slim.sourceId !== 'string' || typeof slim.itemId !== 'string') throw fail('an item without its source or id');
  const item = { ...slim } as Item;
  if (slim.url === REBUILT) {
    // An id this version no longer links (issue #9: links.ts refuses more than it did when the issue was
    // stored) reads as plain text (an empty link, which no view renders as one), not as an unreadable issue.
    item.url = canonicalUrl(slim.sourceId, slim.itemId) ?? '';
  }
  if (slim.name === REBUILT) item.name = slim.itemId;
  if (slim.claim && (slim.claim.sourceId === REBUILT || slim.claim.itemId === REBUILT)) {
    if (slim.claim.sourceId !== REBUILT || slim.claim.itemId !== REBUILT) throw fail('a claim with half its item');
    item.claim = { ...slim.claim, sourceId: slim.sourceId, itemId: slim.itemId };
  }
  return item;
}

function slimPaper(paper: Paper): Slim<Paper> {
  return typeof paper.url === 'string' && paper.url === paperUrl(paper.arxivId) ? { ...paper, url: REBUILT } : paper;
}

function fullPaper(slim: Slim<Paper>, fail: (why: string) => Error): Paper {
  if (!isObject(slim)) throw fail('a paper that is not an object');
  if (slim.url !== REBUILT) return slim as Paper;
  // As for items: a paper id this version no longer links reads as plain text.
  const url = typeof slim.arxivId === 'string' ? paperUrl(slim.arxivId) : undefined;
  return { ...slim, url: url ?? '' } as Paper;
}

// ————— values JSON cannot hold —————

/**
 * NaN, ±Infinity and -0 become strings that start with U+0000; a string that
 * already starts with it gets a second one. Nothing else changes.
 */
const ESCAPE = '\u0000';

function escapeValue(_key: string, value: unknown): unknown {
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return `${ESCAPE}-0`;
    return Number.isFinite(value) ? value : `${ESCAPE}${String(value)}`;
  }
  if (typeof value === 'string' && value.startsWith(ESCAPE)) return ESCAPE + value;
  return value;
}

const ESCAPED_NUMBERS: Record<string, number> = { '-0': -0, NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY };

function reviveValue(_key: string, value: unknown): unknown {
  if (typeof value !== 'string' || !value.startsWith(ESCAPE)) return value;
  const rest = value.slice(1);
  if (rest.startsWith(ESCAPE)) return rest;
  const number = ESCAPED_NUMBERS[rest];
  if (number === undefined) throw new SyntaxError(`an escaped value ${JSON.stringify(rest)} that is not a number JSON cannot hold`);
  return number;
}

// ————— checks —————

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A Uint8Array from any realm (a page's, the worker's, fake-indexeddb's structured clone). */
function isBytes(value: unknown): value is Uint8Array {
  return Object.prototype.toString.call(value) === '[object Uint8Array]';
}

/** The body's shape, as far as unpacking relies on it; every figure in it was checked by the Adler-32. */
function checkedBody(value: unknown, fail: (why: string) => Error): BodyJson {
  if (!isObject(value)) throw fail('its body is not an object');
  const arrays = (owner: unknown, keys: readonly string[]) => isObject(owner) && keys.every((key) => Array.isArray(owner[key]));
  if (typeof value.number !== 'number' || typeof value.publishedAt !== 'number') throw fail('its body has no number or date');
  if (!arrays(value.lead, ['paragraphs', 'claims'])) throw fail('its body has no lead');
  if (!arrays(value, ['analysis', 'tools', 'reading'])) throw fail('its body has no analysis, tools or reading');
  if (!arrays(value.trending, ['models', 'datasets', 'repositories', 'spaces'])) throw fail('its body has no trending lists');
  if (!arrays(value.movers, ['climbers', 'growth'])) throw fail('its body has no movers');
  return value as unknown as BodyJson;
}

// ————— the platform's streams —————

/** `bytes` through a CompressionStream or DecompressionStream; rejects with the stream's error. */
async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  const written = writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close());
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  const read = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      chunks.push(value);
      length += value.byteLength;
    }
  })();
  // Both sides settle (a corrupt input errors the writable and the readable); Promise.all handles both rejections.
  await Promise.all([written, read]);
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
