import type { IssueInputs, SourceWindow } from '@/lib/issue/inputs';
import type { ListFilters } from '@/lib/shared/filters';
import type { CatalogItem, Snapshot, SourceStatus } from '@/lib/shared/records';
import { DEFAULT_SETTINGS } from '@/lib/shared/settings';
import type { MetricName } from '@/lib/sources/contract';
import { SOURCE_IDS, type SourceId } from '@/lib/sources/ids';

/**
 * Random histories for the issue's property test (issue #7, "Text that never
 * breaks"): each one an `IssueInputs` built in memory from a seed, with the
 * hostile corners drawn on purpose — empty and single-item lists, one source
 * only, absent / null / zero / tied / huge metrics, one snapshot or two
 * minutes apart or a week or a 30-day gap, CJK text without spaces, emoji and
 * combining marks, punctuation-only or whitespace-only descriptions, very
 * long words, languages and tasks that start with a vowel, bare items,
 * disabled sources, time zones other than UTC.
 *
 * Deterministic: the same seed gives the same inputs (a small PRNG of our own,
 * no dependency). The generator never writes the tokens the test looks for
 * ("NaN", "undefined", "null", "Infinity", "[object Object]", " ,", " .",
 * double spaces in names, a wrong "a"/"an"), so whatever the test finds was
 * written by the issue.
 */

// ---------- PRNG ----------

/** mulberry32: a 32-bit seeded generator, good enough to draw test data. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)]!;
  }
  shuffle<T>(values: readonly T[]): T[] {
    const out = [...values];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

// ---------- profiles: which corners a history stands in ----------

export const SIZES = [0, 1, 2, 30, 100, 'random'] as const;
export const SHAPES = ['one', 'minutes', 'week', 'gap30'] as const;
export const METRIC_MODES = ['normal', 'absent', 'nulls', 'zero', 'ties', 'huge'] as const;
export const TEXT_MODES = ['ascii', 'cjk', 'emoji', 'punctuation', 'long-words', 'bare', 'mixed'] as const;
export const SOURCE_MODES = ['all', 'one', 'some-disabled', 'huggingface-only', 'github-only', 'one-enabled'] as const;
export const TIME_ZONES = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata', 'Pacific/Pago_Pago', 'Europe/Paris'] as const;
export const FILTER_MODES = ['default', 'default', 'default', 'vowel-tasks', 'vowel-languages', 'hide-all'] as const;

export interface HistoryProfile {
  seed: number;
  /** Items in each list (before filters). */
  size: number;
  shape: (typeof SHAPES)[number];
  metrics: (typeof METRIC_MODES)[number];
  text: (typeof TEXT_MODES)[number];
  sources: (typeof SOURCE_MODES)[number];
  filters: (typeof FILTER_MODES)[number];
  timeZone: string;
  /** The machine's clock went back: the latest snapshot is a few minutes after `now`. */
  clockSkew: boolean;
}

export interface RandomHistory {
  profile: HistoryProfile;
  inputs: IssueInputs;
  /**
   * Every piece of remote text the inputs hold (names, ids, owners, tasks,
   * languages, SDKs, libraries, tags, authors): a sentence of the issue may
   * start with one of these in lower case; only the issue's own words must
   * be capitalised.
   */
  remoteWords: Set<string>;
  /** Remote descriptions, whitespace collapsed: a snippet may start with them as they are. */
  remoteDescriptions: string[];
}

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

/** A history for `seed`: the corners are drawn from it, so a failing seed reproduces alone. */
export function randomHistory(seed: number): RandomHistory {
  const random = new Random(seed);
  // Long lists cost the most to compose: drawn less often than the short corners.
  const sizeChoice = random.pick([0, 0, 1, 1, 2, 2, 30, 30, 100, 'random', 'random', 'random'] as const satisfies readonly (typeof SIZES)[number][]);
  const profile: HistoryProfile = {
    seed,
    size: sizeChoice === 'random' ? random.int(3, 45) : sizeChoice,
    shape: random.pick(SHAPES),
    metrics: random.pick(METRIC_MODES),
    text: random.pick(TEXT_MODES),
    sources: random.pick(SOURCE_MODES),
    filters: random.pick(FILTER_MODES),
    timeZone: random.pick(TIME_ZONES),
    clockSkew: random.chance(0.06),
  };
  return buildHistory(profile, random);
}

/** A history for a profile chosen by hand (with `seed` for the details). */
export function historyFor(profile: HistoryProfile): RandomHistory {
  return buildHistory(profile, new Random(profile.seed ^ 0x9e3779b9));
}

function buildHistory(profile: HistoryProfile, random: Random): RandomHistory {
  // Between 2025-01-01 and 2027-12-31, any minute.
  const now = Date.UTC(2025, 0, 1) + random.int(0, 3 * 365 * 24 * 60) * MINUTE;
  const latestAt = profile.clockSkew ? now + random.int(0, 10) * MINUTE : now - random.int(1, 180) * MINUTE;
  const times = snapshotTimes(profile, random, latestAt);

  const present = presentSources(profile, random);
  const enabled = enabledSources(profile, random, present);
  const remoteWords = new Set<string>();
  const remoteDescriptions: string[] = [];
  const windows: Partial<Record<SourceId, SourceWindow>> = {};
  for (const sourceId of present) {
    windows[sourceId] = sourceWindow(sourceId, profile, random, times, remoteWords, remoteDescriptions);
  }
  // 'hide-all': lists exist but the reader's filters leave nothing of them.
  const filters: ListFilters = {
    hfTasks:
      profile.filters === 'vowel-tasks'
        ? { include: ['image-classification', 'automatic-speech-recognition', 'object-detection'], hide: [] }
        : profile.filters === 'hide-all'
          ? { include: ['no-such-task'], hide: [] }
          : { include: [], hide: [] },
    githubLanguages: profile.filters === 'vowel-languages' ? ['OCaml', 'Elixir', 'Objective-C'] : profile.filters === 'hide-all' ? ['No-Such-Language'] : [],
    aiKeywords: [...DEFAULT_SETTINGS.aiKeywords],
  };
  if (profile.filters === 'default' && random.chance(0.1)) filters.hfTasks = { include: [], hide: ['text-generation'] };
  return {
    profile,
    inputs: { now, timeZone: profile.timeZone, number: random.chance(0.1) ? random.int(1_000, 99_999) : random.int(1, 400), windows, filters, enabled },
    remoteWords,
    remoteDescriptions,
  };
}

function snapshotTimes(profile: HistoryProfile, random: Random, latestAt: number): number[] {
  switch (profile.shape) {
    case 'one':
      return [latestAt];
    case 'minutes':
      return [latestAt - random.int(1, 30) * MINUTE, latestAt];
    case 'week': {
      // Eight days, one to four refreshes a day (fewer for long lists: the test must stay fast).
      const perDay = profile.size >= 100 ? 1 : profile.size >= 30 ? random.int(1, 2) : random.int(1, 4);
      const times: number[] = [];
      for (let day = 7; day >= 0; day--) {
        for (let refresh = perDay - 1; refresh >= 0; refresh--) {
          const at = latestAt - day * DAY - refresh * Math.floor(DAY / perDay) - random.int(0, 20) * MINUTE;
          if (at <= latestAt) times.push(at);
        }
      }
      times[times.length - 1] = latestAt;
      return [...new Set(times)].sort((a, b) => a - b);
    }
    case 'gap30': {
      const old = latestAt - 30 * DAY - random.int(0, 600) * MINUTE;
      const times = [old];
      if (random.chance(0.5)) times.push(old + random.int(1, 12) * 60 * MINUTE);
      times.push(latestAt);
      return times;
    }
  }
}

function presentSources(profile: HistoryProfile, random: Random): SourceId[] {
  switch (profile.sources) {
    case 'one':
      return [random.pick(SOURCE_IDS)];
    case 'huggingface-only':
      return ['hf-models', 'hf-datasets', 'hf-spaces', 'hf-papers'];
    case 'github-only':
      return random.pick([['gh-trending-daily', 'gh-trending-weekly', 'gh-search'], ['gh-trending-daily'], ['gh-search'], ['gh-trending-weekly']] as SourceId[][]);
    default:
      return [...SOURCE_IDS];
  }
}

function enabledSources(profile: HistoryProfile, random: Random, present: SourceId[]): Record<SourceId, boolean> {
  const enabled = { ...DEFAULT_SETTINGS.sources };
  if (profile.sources === 'some-disabled') {
    for (const id of SOURCE_IDS) enabled[id] = random.chance(0.5);
  } else if (profile.sources === 'one-enabled') {
    const on = random.pick(present);
    for (const id of SOURCE_IDS) enabled[id] = id === on;
  }
  return enabled;
}

// ---------- items ----------

const SOURCE_METRICS: Record<SourceId, MetricName[]> = {
  'hf-models': ['trendingScore', 'likes', 'downloads'],
  'hf-datasets': ['trendingScore', 'likes', 'downloads'],
  'hf-spaces': ['trendingScore', 'likes'],
  'hf-papers': ['upvotes'],
  'gh-trending-daily': ['starsInPeriod', 'stars', 'forks'],
  'gh-trending-weekly': ['starsInPeriod', 'stars', 'forks'],
  'gh-search': ['stars', 'forks'],
};

/** Owners, some lower-case, some starting with a vowel or a digit. */
const OWNERS = ['unsloth', 'Qwen', 'meta-llama', 'openai', 'EleutherAI', 'ostris', 'apple', 'Elixir-Lab', 'ocaml-ml', 'x', '0xabc', 'huggingface', 'mlx-community', 'uber', 'hour-labs', 'Intel', 'deepseek-ai'];
const GITHUB_OWNERS = OWNERS.filter((owner) => /^[A-Za-z0-9][A-Za-z0-9-]*$/.test(owner));
/** Model-ish names: families, formats, vowels, a long word. */
const NAMES = [
  'Qwen3-8B-GGUF',
  'Qwen2.5-7B-Instruct-MLX',
  'Llama-3.1-8B',
  'gemma-3-27b-it',
  'whisper-large-v3',
  'FLUX.1-dev',
  'ocr-base',
  'Elixir-7B',
  'unique-embedder',
  'image-tagger',
  'AWQ-quant',
  'e5-small',
  'MiniMax-M2-AWQ',
  'gpt-oss-20b',
  'smollm-135m-onnx',
  'hour-glass',
  'European-speech',
  'x',
  'Supercalifragilisticexpialidocious-foundation-model-for-extraordinarily-long-identifiers-v2',
];
/** Tasks, many starting with a vowel (issue #7's examples). */
const TASKS = [
  'text-generation',
  'image-classification',
  'automatic-speech-recognition',
  'object-detection',
  'audio-classification',
  'image-text-to-text',
  'text-to-image',
  'unconditional-image-generation',
  'image-segmentation',
  'any-to-any',
  'embedding',
  'image-to-video',
];
const LANGUAGES = ['OCaml', 'Elixir', 'Objective-C', 'Erlang', 'Assembly', 'Ada', 'Python', 'Rust', 'TypeScript', 'Go', 'C++', 'Unity', 'HTML', 'Jupyter Notebook'];
const SDKS = ['gradio', 'docker', 'static', 'streamlit'];
const LIBRARIES = ['transformers', 'mlx', 'gguf', 'diffusers', 'onnx', 'sentence-transformers'];
const AUTHORS = ['Ada Lovelace', '李小龙', 'Émile Borel', 'Zoë Müller', 'ø', 'Jean-Luc Ørsted', 'Ayşe Öztürk', '佐藤健'];

/** Words for ASCII descriptions: no articles (so an "a"/"an" the test finds is the issue's), none of the searched-for tokens. */
const WORDS = [
  'fast', 'inference', 'for', 'large', 'language', 'models', 'on', 'Apple', 'silicon', 'with', 'LLM', 'agents', 'OCaml', 'bindings',
  'open-source', 'toolkit', 'image', 'classification', 'and', 'speech', 'recognition', 'in', 'Elixir', 'unified', 'memory', 'hour',
  'machine', 'learning', 'deep', 'neural', 'AI', 'transformers', 'training', 'data', 'pipelines', 'the', 'of', 'to', 'RAG', 'MLX',
  'GPU', 'kernels', 'x', 'über-fast', 'café', 'naïve', 'résumé', 'v2.1', '12', '3.5x', '100%', '(beta)', 'e.g.', 'etc.',
];
const CJK = '模型推理训练数据集语言视觉生成开源大规模多模态检索增强智能体微调量化部署评测基准图像语音识别分类检测分割人工智能機械学習の深層生成対話エージェント한국어모델';
const EMOJI = ['🚀', '🤗', '🧠', '👩‍💻', '🇫🇷', '🔥', '✨', '🦙', '👍🏽', 'e\u0301', 'n\u0303', 'Z\u0324\u0308', '🏳️‍🌈', '𝔸𝕀'];
const PUNCTUATION = ['...', '!!!', '—', '· · ·', '   ', '\n\t ', '?!', '…', '-', '“”', '()', ':', ';', ',', '. . .'];

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Long texts are cut from pools drawn once (with their own seed), at a random
 * offset: thousands of descriptions a run, without thousands of draws each.
 * The emoji pool is a list of whole graphemes, so the inputs themselves never
 * hold a split surrogate pair; splitting one is what the issue must not do.
 */
const POOLS = (() => {
  const random = new Random(0x5eed);
  const words = Array.from({ length: 4_000 }, () => random.pick(WORDS));
  let cjk = '';
  for (let i = 0; i < 6_000; i++) cjk += random.chance(0.03) ? '。' : CJK[random.int(0, CJK.length - 1)];
  const emoji = Array.from({ length: 3_000 }, () => random.pick(EMOJI));
  const spacedEmoji = Array.from({ length: 3_000 }, () => (random.chance(0.3) ? ` ${random.pick(WORDS)} ` : random.pick(EMOJI)));
  return { words, cjk, emoji, spacedEmoji };
})();

function asciiText(random: Random, words: number): string {
  const from = random.int(0, POOLS.words.length - words);
  let text = POOLS.words.slice(from, from + words).join(' ');
  if (random.chance(0.5)) text = text.charAt(0).toUpperCase() + text.slice(1);
  const end = random.pick(['.', '!', '', '', ',', ':', '...', '?', ' 🚀']);
  text += end;
  if (random.chance(0.2)) text = `  ${text}\n\t`;
  if (random.chance(0.2)) text = text.replace(/ /g, random.pick(['  ', '\n', '\t', ' \u00a0']));
  return text;
}

function cjkText(random: Random, length: number): string {
  const from = random.int(0, POOLS.cjk.length - length);
  return POOLS.cjk.slice(from, from + length);
}

/** At least `length` UTF-16 units of emoji, combining marks and (sometimes) words, never a split grapheme. */
function emojiText(random: Random, length: number): string {
  const pool = random.chance(0.5) ? POOLS.spacedEmoji : POOLS.emoji;
  let index = random.int(0, pool.length - length - 1);
  let text = '';
  while (text.length < length) text += pool[index++ % pool.length];
  return text;
}

function longWords(random: Random): string {
  const word = random.pick(['Pneumonoultramicroscopicsilicovolcanoconiosis', 'https://example.org/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'xxxxxxxxxx']);
  const repeat = random.int(3, 15);
  const long = word.repeat(repeat);
  return random.chance(0.5) ? long : `Tool ${long} for speech`;
}

function descriptionFor(random: Random, mode: HistoryProfile['text']): string | undefined {
  const kind = mode === 'mixed' ? random.pick(TEXT_MODES) : mode;
  if (random.chance(0.15)) return undefined;
  switch (kind) {
    case 'ascii':
      return asciiText(random, random.pick([1, 3, 8, 20, 40, 90]));
    case 'cjk':
      return cjkText(random, random.pick([5, 60, 139, 140, 141, 200, 500]));
    case 'emoji':
      return emojiText(random, random.pick([4, 100, 139, 140, 141, 219, 220, 221, 300, 500]));
    case 'punctuation':
      return random.pick(PUNCTUATION);
    case 'long-words':
      return longWords(random);
    case 'bare':
      return undefined;
    default:
      return asciiText(random, 10);
  }
}

function paperTitle(random: Random, mode: HistoryProfile['text'], index: number): string {
  const kind = mode === 'mixed' ? random.pick(TEXT_MODES) : mode;
  switch (kind) {
    case 'cjk':
      return cjkText(random, random.pick([4, 40, 300]));
    case 'emoji':
      return collapse(emojiText(random, random.pick([2, 60, 200]))) || '🚀';
    case 'long-words':
      return collapse(longWords(random)).slice(0, 300);
    default:
      return collapse(asciiText(random, random.int(2, 20))).replace(/^[^\p{L}\p{N}]+/u, '') || `Paper ${index}`;
  }
}

interface Drawn {
  item: CatalogItem;
  /** Base of each metric, and its growth per snapshot. */
  base: Partial<Record<MetricName, number>>;
  growth: Partial<Record<MetricName, number>>;
}

function drawItem(sourceId: SourceId, index: number, key: number, profile: HistoryProfile, random: Random, firstAt: number, lastAt: number): Drawn {
  const family = sourceId.startsWith('gh-') ? 'github' : sourceId === 'hf-papers' ? 'papers' : 'huggingface';
  const bare = profile.text === 'bare' || (profile.text === 'mixed' && random.chance(0.2));
  let itemId: string;
  let name: string;
  let url: string;
  if (family === 'papers') {
    itemId = `${random.int(2301, 2712)}.${String(random.int(0, 99999)).padStart(5, '0')}`;
    name = paperTitle(random, profile.text, index);
    url = `https://huggingface.co/papers/${itemId}`;
  } else {
    const owner = random.pick(family === 'github' ? GITHUB_OWNERS : OWNERS);
    // Unique ids: a suffix per index; HF legacy ids have no owner.
    const base = `${random.pick(NAMES)}${index > 0 ? `-${index}` : ''}`;
    const ownerless = family === 'huggingface' && (bare ? random.chance(0.7) : random.chance(0.05));
    itemId = ownerless ? base : `${owner}/${base}`;
    name = itemId;
    // A display name in another script (the id stays a valid one): CJK without spaces, emoji and combining marks.
    const kind = profile.text === 'mixed' ? random.pick(TEXT_MODES) : profile.text;
    if (kind === 'cjk' && random.chance(0.5)) name = cjkText(random, random.pick([2, 12, 40, 130]));
    if (kind === 'emoji' && random.chance(0.5)) name = `${random.pick(['Zoë', 'e\u0301clair', '🤗', 'Ñu'])}${emojiText(random, random.pick([2, 10, 130])).replace(/\s+/g, '')}`;
    const prefix = sourceId === 'hf-datasets' ? 'datasets/' : sourceId === 'hf-spaces' ? 'spaces/' : '';
    url = family === 'github' ? `https://github.com/${itemId}` : `https://huggingface.co/${prefix}${itemId}`;
  }
  const item: CatalogItem = { key, sourceId, itemId, name, url, firstSeenAt: firstAt, lastSeenAt: lastAt };
  const tieTask = TASKS[index % 2]!;
  if (!bare) {
    const description = family !== 'huggingface' || random.chance(0.2) ? descriptionFor(random, profile.text) : undefined;
    if (description !== undefined) item.description = description;
    if ((sourceId === 'hf-models' || sourceId === 'hf-datasets') && random.chance(0.85)) item.task = profile.metrics === 'ties' ? tieTask : random.pick(TASKS);
    if (sourceId === 'hf-models' && random.chance(0.5)) item.library = random.pick(LIBRARIES);
    if (sourceId === 'hf-spaces' && random.chance(0.8)) item.sdk = random.pick(SDKS);
    if (family === 'github' && random.chance(0.85)) item.language = profile.metrics === 'ties' ? LANGUAGES[index % 2]! : random.pick(LANGUAGES);
    if (family === 'papers') {
      item.authors = random.chance(0.2) ? [] : Array.from({ length: random.int(1, 6) }, () => random.pick(AUTHORS));
      if (random.chance(0.5)) item.codeUrl = `https://github.com/${random.pick(['ocaml-ml', 'openai', 'x'])}/code-${index}`;
    }
    const tags: string[] = [];
    if (family === 'github') tags.push(...random.pick([['machine-learning'], ['llm', 'ai'], ['deep-learning'], []]));
    if (sourceId === 'hf-models' && random.chance(0.3)) tags.push(random.pick(['base_model:Qwen/Qwen3-8B', 'base_model:meta-llama/Llama-3.1-8B', 'gguf', 'mlx', 'base_model:quantized:Qwen/Qwen3-8B']));
    if (tags.length > 0) item.tags = tags;
  } else if (family === 'github') {
    // A bare repository still has to pass the AI/ML rule to be listed.
    item.tags = ['machine-learning'];
  }
  if (family === 'github' && !item.tags && !/\b(?:ai|llm|ml)\b/i.test(`${item.description ?? ''}`)) item.tags = ['ai'];
  const base: Drawn['base'] = {};
  const growth: Drawn['growth'] = {};
  for (const metric of SOURCE_METRICS[sourceId]) {
    switch (profile.metrics) {
      case 'huge':
        base[metric] = Number.MAX_SAFE_INTEGER - random.int(0, 1_000_000);
        growth[metric] = random.int(0, 1_000);
        break;
      case 'zero':
        base[metric] = 0;
        growth[metric] = 0;
        break;
      case 'ties':
        base[metric] = 42;
        growth[metric] = 0;
        break;
      default:
        base[metric] = random.pick([0, 1, random.int(2, 999), random.int(1_000, 99_999), random.int(100_000, 9_999_999)]);
        growth[metric] = random.pick([0, 1, random.int(-50, 50), random.int(10, 5_000)]);
    }
  }
  return { item, base, growth };
}

function metricValue(drawn: Drawn, metric: MetricName, step: number, profile: HistoryProfile, random: Random): number | null {
  if (profile.metrics === 'nulls' && random.chance(0.5)) return null;
  const base = drawn.base[metric];
  if (base === undefined) return null;
  const value = base + (drawn.growth[metric] ?? 0) * step;
  return Math.max(0, Math.min(Number.MAX_SAFE_INTEGER, value));
}

function sourceWindow(
  sourceId: SourceId,
  profile: HistoryProfile,
  random: Random,
  times: number[],
  remoteWords: Set<string>,
  remoteDescriptions: string[],
): SourceWindow {
  const sourceIndex = SOURCE_IDS.indexOf(sourceId);
  const poolSize = profile.size === 0 ? 0 : profile.size + Math.ceil(profile.size * 0.15) + (profile.size < 5 ? 2 : 0);
  const pool: Drawn[] = [];
  const items = new Map<number, CatalogItem>();
  for (let i = 0; i < poolSize; i++) {
    const key = sourceIndex * 100_000 + i + 1;
    const drawn = drawItem(sourceId, i, key, profile, random, times[0]!, times.at(-1)!);
    pool.push(drawn);
    items.set(key, drawn.item);
    const item = drawn.item;
    for (const word of [item.itemId, item.name, ...item.itemId.split('/'), item.task, item.language, item.sdk, item.library, ...(item.tags ?? []), ...(item.tags ?? []).map((tag) => tag.replace(/^base_model:(?:\w+:)?/, '')), ...(item.authors ?? [])]) {
      if (word) remoteWords.add(word);
    }
    if (item.description !== undefined) remoteDescriptions.push(collapse(item.description));
  }
  // The first list: a random order of `size` items of the pool; each later one moves some up and swaps some in.
  let order = random.shuffle(pool.map((drawn) => drawn.item.key!)).slice(0, profile.size);
  const snapshots: Snapshot[] = [];
  const byKey = new Map(pool.map((drawn) => [drawn.item.key!, drawn]));
  times.forEach((at, step) => {
    if (step > 0 && order.length > 0) {
      order = [...order];
      const moves = random.int(0, Math.max(1, Math.floor(order.length / 4)));
      for (let m = 0; m < moves; m++) {
        const from = random.int(0, order.length - 1);
        const to = Math.max(0, from - random.int(1, 12));
        const [moved] = order.splice(from, 1);
        order.splice(to, 0, moved!);
      }
      if (random.chance(0.6)) {
        const listed = new Set(order);
        const outside = pool.map((drawn) => drawn.item.key!).filter((key) => !listed.has(key));
        if (outside.length > 0) {
          order.pop();
          order.splice(random.int(0, order.length), 0, random.pick(outside));
        }
      }
    }
    const metrics: Snapshot['metrics'] = {};
    if (profile.metrics !== 'absent') {
      for (const metric of SOURCE_METRICS[sourceId]) {
        if (profile.metrics === 'normal' && random.chance(0.05)) continue; // a column the source stopped sending
        metrics[metric] = order.map((key) => metricValue(byKey.get(key)!, metric, step, profile, random));
      }
    }
    snapshots.push({ id: sourceIndex * 1_000 + step + 1, sourceId, fetchedAt: at, keys: [...order], metrics });
  });
  return { sourceId, snapshots, items, ...statusFor(sourceId, random, times.at(-1)!) };
}

function statusFor(sourceId: SourceId, random: Random, latestAt: number): { status?: SourceStatus } {
  const roll = random.int(0, 3);
  if (roll === 0) return {};
  if (roll === 1) return { status: { sourceId, lastAttemptAt: latestAt, lastSuccessAt: latestAt, consecutiveFailures: 0 } };
  if (roll === 2) {
    return {
      status: { sourceId, lastAttemptAt: latestAt + 60 * MINUTE, lastSuccessAt: latestAt, lastError: { kind: 'http', status: 503, message: 'Service unavailable', at: latestAt + 60 * MINUTE }, consecutiveFailures: 3 },
    };
  }
  return { status: { sourceId, lastError: { kind: 'network', message: 'offline', at: latestAt }, consecutiveFailures: 1 } };
}
