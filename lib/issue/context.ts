import type { AttributeField, Claim } from '../shared/issue-types';
import { baseOf, type Relation } from '../shared/model-tags';
import type { CatalogItem } from '../shared/records';
import type { MetricName } from '../sources/contract';
import type { SourceId } from '../sources/ids';
import { SOURCE_INFO } from '../sources/info';
import { accountOf, ROLE_WORDS, type Account } from './accounts';
import { formatOf, ownerOf, shortName } from './classify';
import type { ListFacts, Row } from './facts';
import { capitalise, formatCount, withArticle } from './prose';

/**
 * Context from the data (issue #11, item 3): what an item is, read from its
 * own stored tags, name and catalog fields — its task, size, licence, base
 * model and how it derives from it, its format, and who made it — each with an
 * `attribute` claim that says what was read. Pure. Nothing is guessed: a field
 * the data does not give, or gives ambiguously, is left out.
 */

export type { Relation } from '../shared/model-tags';

export interface Size {
  /** As printed: "27B", "0.6B", "35B-A3B" (35B in all, 3B active), "8x7B" (eight experts of 7B). */
  text: string;
  /** Parameters in all (8x7B: 56e9). */
  params: number;
}

export interface ItemContext {
  task?: string;
  size?: Size;
  licence?: string;
  base?: string;
  relation?: Relation;
  format?: string;
  owner?: string;
  account?: Account;
  sdk?: string;
  language?: string;
}

// ---------- size, from the name ----------

const UNIT: Record<string, number> = { M: 1e6, B: 1e9, T: 1e12 };
/** Sizes outside these bounds are not parameter counts (a "0.001M" or a "90000B" is something else, or hostile). */
const MIN_PARAMS = 1e7;
const MAX_PARAMS = 1e13;
/** "27B", "0.6B", "2.4T", "135M": at most four digits, at most two decimals, no leading zero but "0.". */
const SIZE_WORD = /^((?:0|[1-9]\d{0,3})(?:\.\d{1,2})?)([mbt])$/i;
const ACTIVE_WORD = /^a((?:0|[1-9]\d{0,3})(?:\.\d{1,2})?)([mbt])$/i;
const EXPERTS_WORD = /^([1-9]\d{0,2})x((?:0|[1-9]\d{0,3})(?:\.\d{1,2})?)([mbt])$/i;

function params(number: string, unit: string): number | undefined {
  const value = Number(number) * UNIT[unit.toUpperCase()]!;
  return Number.isFinite(value) && value >= MIN_PARAMS && value <= MAX_PARAMS ? value : undefined;
}

const words = (number: string, unit: string) => `${number}${unit.toUpperCase()}`;

/**
 * The parameter count a model's name gives, read as words split on `-`, `_`
 * and `.`-free separators: one size word ("27B"), optionally followed by an
 * active-parameter word ("A3B", a mixture of experts), or an experts word
 * ("8x7B"). Two different sizes in one name ("…-27B-to-8B") say nothing. Only
 * for models: a dataset's "5.6B" counts videos, not parameters.
 */
export function sizeOf(name: string): Size | undefined {
  if (typeof name !== 'string' || name.length > 300) return undefined;
  const tokens = shortName(name).split(/[-_\s/]+/);
  let found: Size | undefined;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    let size: Size | undefined;
    const plain = SIZE_WORD.exec(token);
    const experts = EXPERTS_WORD.exec(token);
    if (plain) {
      const total = params(plain[1]!, plain[2]!);
      // Out of bounds ("1M" of context, "9999T"): not a parameter count.
      if (total === undefined) continue;
      size = { text: words(plain[1]!, plain[2]!), params: total };
      const active = ACTIVE_WORD.exec(tokens[index + 1] ?? '');
      if (active) {
        const activeParams = params(active[1]!, active[2]!);
        if (activeParams === undefined || activeParams >= total) return undefined;
        size = { text: `${size.text}-A${words(active[1]!, active[2]!)}`, params: total };
        index++;
      }
    } else if (experts) {
      const each = params(experts[2]!, experts[3]!);
      const total = each === undefined ? undefined : each * Number(experts[1]);
      if (total === undefined || total > MAX_PARAMS) continue;
      size = { text: `${experts[1]}x${words(experts[2]!, experts[3]!)}`, params: total };
    }
    if (!size) continue;
    if (found && found.text !== size.text) return undefined;
    found = size;
  }
  return found;
}

// ---------- licence, from `license:` tags ----------

/**
 * The licence ids Hugging Face offers in a model card (its "license" list),
 * less `other` and `unknown`, which name no licence. A tag with any other
 * value is not read.
 */
const LICENCES = new Set([
  'apache-2.0', 'mit', 'openrail', 'openrail++', 'bigscience-openrail-m', 'creativeml-openrail-m', 'bigscience-bloom-rail-1.0', 'bigcode-openrail-m',
  'afl-3.0', 'artistic-2.0', 'bsl-1.0', 'bsd', 'bsd-2-clause', 'bsd-3-clause', 'bsd-3-clause-clear', 'c-uda', 'cc', 'cc0-1.0', 'cc-by-2.0', 'cc-by-2.5',
  'cc-by-3.0', 'cc-by-4.0', 'cc-by-sa-3.0', 'cc-by-sa-4.0', 'cc-by-nc-2.0', 'cc-by-nc-3.0', 'cc-by-nc-4.0', 'cc-by-nd-4.0', 'cc-by-nc-nd-3.0',
  'cc-by-nc-nd-4.0', 'cc-by-nc-sa-2.0', 'cc-by-nc-sa-3.0', 'cc-by-nc-sa-4.0', 'cdla-sharing-1.0', 'cdla-permissive-1.0', 'cdla-permissive-2.0', 'wtfpl',
  'ecl-2.0', 'epl-1.0', 'epl-2.0', 'etalab-2.0', 'eupl-1.1', 'eupl-1.2', 'agpl-3.0', 'gfdl', 'gpl', 'gpl-2.0', 'gpl-3.0', 'lgpl', 'lgpl-2.1', 'lgpl-3.0',
  'isc', 'h-research', 'intel-research', 'lppl-1.3c', 'ms-pl', 'apple-ascl', 'apple-amlr', 'mpl-2.0', 'odc-by', 'odbl', 'openmdw-1.0', 'osl-3.0',
  'postgresql', 'ofl-1.1', 'ncsa', 'unlicense', 'zlib', 'pddl', 'lgpl-lr', 'deepfloyd-if-license', 'fair-noncommercial-research-license', 'llama2',
  'llama3', 'llama3.1', 'llama3.2', 'llama3.3', 'llama4', 'gemma', 'grok2-community',
]);

const tagsOf = (item: Pick<CatalogItem, 'tags'>): string[] => (Array.isArray(item.tags) ? item.tags.filter((tag): tag is string => typeof tag === 'string' && tag.length <= 200) : []);

/** The licence id of the item's `license:` tags; none when there is none, it is not a known id, or two disagree. */
export function licenceOf(item: Pick<CatalogItem, 'tags'>): string | undefined {
  const found = new Set(tagsOf(item).filter((tag) => tag.startsWith('license:')).map((tag) => tag.slice('license:'.length).toLowerCase()));
  const known = [...found].filter((id) => LICENCES.has(id));
  return known.length === 1 && found.size === 1 ? known[0] : undefined;
}

// ---------- base model and relation, from `base_model:` tags ----------

// The one rule for a model's base (issue #12) lives in lib/shared/model-tags.ts, which every reader uses.
export { baseOf };

// ---------- the whole context ----------

const TASK = /^[a-z][a-z0-9]*(?:-[a-z0-9]+){0,6}$/;
const PLAIN = /^[A-Za-z][A-Za-z0-9+#.\- ]{0,30}$/;

const HUB: Record<'huggingface' | 'github', 'huggingface' | 'github'> = { huggingface: 'huggingface', github: 'github' };

export function contextOf(sourceId: SourceId, item: CatalogItem): ItemContext {
  const hub = HUB[SOURCE_INFO[sourceId].family === 'github' ? 'github' : 'huggingface'];
  // A handle as the hubs allow them (at most 96 characters): a longer "owner" of a hostile id is not said.
  const owner = typeof item.itemId === 'string' ? ownerOf(item.itemId) : undefined;
  const account = accountOf(owner, hub);
  if (typeof item.itemId !== 'string') return {};
  const context: ItemContext = {};
  if (owner && owner.length <= 96 && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(owner)) context.owner = owner;
  if (account) context.account = account;
  if (sourceId === 'hf-models') {
    if (typeof item.task === 'string' && TASK.test(item.task)) context.task = item.task;
    const size = sizeOf(item.itemId);
    if (size) context.size = size;
    const { base, relation } = baseOf(item);
    if (base) context.base = base;
    if (relation) context.relation = relation;
    const format = formatOf({ itemId: item.itemId, tags: tagsOf(item) });
    if (format) context.format = format;
  }
  if (sourceId.startsWith('hf-')) {
    const licence = licenceOf(item);
    if (licence) context.licence = licence;
  }
  if (sourceId === 'hf-spaces' && typeof item.sdk === 'string' && /^[a-z]{2,20}$/.test(item.sdk)) context.sdk = item.sdk;
  if (hub === 'github' && typeof item.language === 'string' && PLAIN.test(item.language)) context.language = item.language;
  return context;
}

export function attributeClaim(sourceId: SourceId, item: CatalogItem, at: number, field: AttributeField, value: string, printed: string): Claim {
  return { kind: 'attribute', sourceId, itemId: item.itemId, at, field, value, printed: [printed] };
}

export interface Described {
  /** Lower-case, to follow a word: "a 27B GGUF quantisation of Qwen/Qwen3.8-27B by unsloth, a quantiser". */
  phrase: string;
  /** The same as a sentence of its own: capitalised, with a full stop. It starts with its article, never a digit or a handle. */
  sentence: string;
  claims: Claim[];
}

const RELATION_NOUN: Record<Relation, string> = { quantized: 'quantisation', finetune: 'fine-tune', adapter: 'adapter', merge: 'merge' };
const SPACE_TAGS: Record<string, string> = { leaderboard: 'leaderboard', 'mcp-server': 'MCP server' };
/** A Space's SDK as its maker spells it. */
const SDK_NAMES: Record<string, string> = { gradio: 'Gradio', docker: 'Docker', static: 'static', streamlit: 'Streamlit' };

/**
 * A short phrase saying what an item is, from its context, with the claims
 * behind every part of it. Always starts with "a" or "an" (its `sentence`
 * with "A" or "An"), so it may open a sentence whatever the item's name.
 * Parts the data does not give are left out: at least "a model by X".
 *
 * - model: `a [size] [format] <quantisation|fine-tune|adapter|merge|<task> model|build|model> [of <base>] [by <owner>[, <role>]] [(licence: <id>)]`
 *   ("build" for a format without a task: "a 27B GGUF build by unsloth, a quantiser")
 * - space: `a [SDK] <leaderboard|Space> by <owner>[, <role>][, with an MCP server]`
 * - repository: `a [language] repository by <owner>[, <role>]`
 */
export function describeItem(sourceId: SourceId, item: CatalogItem, at: number): Described {
  const context = contextOf(sourceId, item);
  const claims: Claim[] = [];
  const claim = (field: AttributeField, value: string, printed = value) => {
    claims.push(attributeClaim(sourceId, item, at, field, value, printed));
    return printed;
  };
  const parts: string[] = [];
  let tail = '';
  if (sourceId === 'hf-spaces') {
    if (context.sdk) parts.push(claim('sdk', context.sdk, SDK_NAMES[context.sdk] ?? context.sdk));
    parts.push(tagsOf(item).includes('leaderboard') ? claim('tag', 'leaderboard') : 'Space');
  } else if (SOURCE_INFO[sourceId].family === 'github') {
    if (context.language) parts.push(claim('language', context.language));
    parts.push('repository');
  } else if (sourceId === 'hf-models') {
    if (context.size) {
      parts.push(claim('size', context.size.text));
      // "27B" puts the number 27 into the text too: each number of the size is printed by its claim.
      claims.at(-1)!.printed.push(...(context.size.text.match(/\d+(?:\.\d+)?/g) ?? []));
    }
    if (context.format) parts.push(claim('format', context.format));
    if (context.relation) parts.push(claim('relation', context.relation, RELATION_NOUN[context.relation]));
    else if (context.task) parts.push(`${claim('task', context.task)} model`);
    else parts.push(context.format ? 'build' : 'model');
    if (context.base) parts.push(`of ${claim('base', context.base)}`);
  } else {
    parts.push(sourceId === 'hf-datasets' ? 'dataset' : 'item');
  }
  let by = context.owner ? ` by ${context.owner}` : '';
  if (context.owner && context.account) by += `, ${ROLE_WORDS[claim('role', context.account.role) as Account['role']]}`;
  // Claimed in the order the phrase says them.
  if (sourceId === 'hf-spaces' && tagsOf(item).includes('mcp-server')) tail = `, with an ${claim('tag', 'mcp-server', SPACE_TAGS['mcp-server'])}`;
  // The licence as its id ("apache-2.0", "llama3.1"): each number in it is printed by its claim, as a size's are.
  if (context.licence) {
    tail += ` (licence: ${claim('licence', context.licence)})`;
    claims.at(-1)!.printed.push(...(context.licence.match(/\d+(?:\.\d+)?/g) ?? []));
  }
  const phrase = `${withArticle(parts.join(' '))}${by}${tail}`;
  return { phrase, sentence: `${capitalise(phrase)}.`, claims };
}

// ---------- relative figures ----------

/**
 * A derivative's `metric` against its base's: both rows in the same stored
 * list (`list.rows`, the latest), the base by the derivative's `base_model:`
 * tag. Undefined when either is missing, the base's value is not positive, or
 * the values are not exact.
 */
export function ratioToBase(list: ListFacts, row: Row, metric: MetricName = 'downloads'): (Claim & { kind: 'ratio' }) | undefined {
  if (!list.latest || list.sourceId !== 'hf-models') return undefined;
  const { base } = baseOf(row.item);
  const baseRow = base === undefined ? undefined : list.rows.find((candidate) => candidate.itemId === base);
  const value = row.metrics[metric];
  const baseValue = baseRow?.metrics[metric];
  if (!baseRow || value === undefined || baseValue === undefined) return undefined;
  if (!Number.isSafeInteger(value) || !Number.isSafeInteger(baseValue) || baseValue <= 0 || value < 0) return undefined;
  const ratio = Math.round((10 * value) / baseValue) / 10;
  return { kind: 'ratio', sourceId: list.sourceId, itemId: row.itemId, baseId: baseRow.itemId, at: list.latest.fetchedAt, metric, value, baseValue, ratio, printed: [ratio.toFixed(1)] };
}

/** One row's share of the sum of `metric` over its list (every row with the metric), as a `share` claim of a named item. */
export function shareOfTotal(list: ListFacts, row: Row, metric: MetricName): (Claim & { kind: 'share' }) | undefined {
  if (!list.latest) return undefined;
  const rows = list.rows.filter((candidate) => candidate.metrics[metric] !== undefined);
  const part = row.metrics[metric];
  const whole = rows.reduce((sum, candidate) => sum + candidate.metrics[metric]!, 0);
  if (part === undefined || !rows.includes(row) || !Number.isSafeInteger(whole) || whole <= 0 || part < 0) return undefined;
  const percent = Math.round((100 * part) / whole);
  return { kind: 'share', sourceId: list.sourceId, at: list.latest.fetchedAt, metric, itemIds: [row.itemId], part, whole, of: rows.length, percent, pick: 'named', printed: [`${percent}%`, formatCount(whole), String(rows.length)] };
}
