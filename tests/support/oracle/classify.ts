/**
 * The oracle's own small classifiers (issue #7, item 2): written from the
 * plain-words definitions, NOT from lib/issue/derive.ts, so that a mistake in
 * compose's classifiers cannot check itself. Deliberately simple: token lists,
 * no clever regular expressions. Each is pinned by a hand-written table in
 * tests/unit/issue/oracle/classify.test.ts.
 */

/** `unsloth/Qwen3.8-27B-GGUF` → `unsloth`; no slash → no owner. */
export function ownerOf(itemId: string): string | undefined {
  const parts = itemId.split('/');
  return parts.length === 2 && parts[0] ? parts[0] : undefined;
}

/** The part after the owner: what a headline calls a repository. */
export function bareName(itemId: string): string {
  const parts = itemId.split('/');
  return parts[parts.length - 1]!;
}

/** Base-model lines the Post names; a name starting with none of them has no family. */
const ROOTS = ['qwen', 'llama', 'deepseek', 'gemma', 'mistral', 'mixtral', 'phi', 'glm', 'kimi', 'minimax', 'flux', 'wan', 'hunyuan', 'olmo', 'granite', 'smollm', 'ernie', 'ltx', 'whisper'];

const isVersion = (token: string) => /^v?\d+(\.\d+)*$/i.test(token);
const isSize = (token: string) => /^a?\d+(\.\d+)?[bm]$/i.test(token);

/**
 * The base model an item builds on: the `base_model:<id>` tag when there is
 * one (the relation tags `base_model:quantized:…` etc. are not the base), else
 * the name. Read as dash-separated words: the first word that starts with a
 * known line (`Qwen3.8`, `DeepSeek`), then a bare version word (`V4`, `2.5`)
 * when the line word has no number of its own, then a size word (`27B`).
 */
export function familyOf(item: { itemId: string; tags?: string[] }): string | undefined {
  let source = item.itemId;
  for (const tag of item.tags ?? []) {
    const rest = tag.startsWith('base_model:') ? tag.slice('base_model:'.length) : undefined;
    if (rest !== undefined && !/^(quantized|finetune|adapter|merge):/.test(rest)) {
      source = rest;
      break;
    }
  }
  const words = bareName(source).split('-');
  const start = words.findIndex((word) => ROOTS.some((root) => word.toLowerCase().startsWith(root) && /^[\d.v]*$/i.test(word.slice(root.length))));
  if (start < 0) return undefined;
  const family = [words[start]!];
  let next = start + 1;
  if (!/\d/.test(words[start]!) && words[next] !== undefined && isVersion(words[next]!)) family.push(words[next++]!);
  if (words[next] !== undefined && isSize(words[next]!)) family.push(words[next]!);
  return family.join('-');
}

const FORMATS = ['GGUF', 'MLX', 'AWQ', 'GPTQ', 'FP8', 'EXL2', 'ONNX'];

/** How a model is packaged for local use: one of FORMATS as a whole word of its id, or as a tag. */
export function formatOf(item: { itemId: string; tags?: string[] }): string | undefined {
  const words = item.itemId.toUpperCase().split(/[-_./]/);
  const tags = (item.tags ?? []).map((tag) => tag.toUpperCase());
  return FORMATS.find((format) => words.includes(format) || tags.includes(format));
}

// ---------- the words for a baseline's age ----------

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The calendar date of `at` in `timeZone`, as a day number (days since 1970-01-01 of that date). */
export function dayNumber(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day')) / 86_400_000;
}

/** Calendar days between the baseline's day and the day, in the reader's time zone. */
export function calendarDays(baselineAt: number, now: number, timeZone: string): number {
  return dayNumber(now, timeZone) - dayNumber(baselineAt, timeZone);
}

export function weekdayOf(at: number, timeZone: string): string {
  // Day 0 (1970-01-01) was a Thursday.
  return WEEKDAYS[(((dayNumber(at, timeZone) + 4) % 7) + 7) % 7]!;
}

export interface AgeWords {
  days: number;
  /** What follows "since" / starts a comparison: "yesterday", "Tuesday", "last Friday", "Thursday of the week before". */
  since: string;
  /** Every phrase that may name this baseline in a sentence. */
  allowed: string[];
}

/**
 * The words for when a comparison starts (issue #7, item 3): d = 0 "earlier
 * today", 1 "yesterday", 2–6 the weekday, 7 "last <weekday>", 8–13 "<weekday>
 * of the week before", ≥ 14 "an older list" (no figure: a number in the text
 * must be a claim's).
 */
export function ageWords(baselineAt: number, now: number, timeZone: string): AgeWords {
  const days = calendarDays(baselineAt, now, timeZone);
  const weekday = weekdayOf(baselineAt, timeZone);
  if (days <= 0) return { days, since: 'earlier today', allowed: ['earlier today'] };
  if (days === 1) return { days, since: 'yesterday', allowed: ['yesterday'] };
  if (days <= 6) return { days, since: weekday, allowed: [weekday, `on ${weekday}`] };
  if (days === 7) return { days, since: `last ${weekday}`, allowed: [`last ${weekday}`] };
  if (days <= 13) return { days, since: `${weekday} of the week before`, allowed: [`${weekday} of the week before`, `on ${weekday} of the week before`] };
  return { days, since: 'an older list', allowed: ['an older list', 'in an older list'] };
}

/**
 * Every phrase in a text that says when something was: the checker finds them
 * all and requires each to be one of the allowed ones for a baseline of its story.
 */
export const AGE_PHRASE = new RegExp(
  String.raw`\b(?:earlier today|yesterday|(?:last |on )?(?:${WEEKDAYS.join('|')})(?: of the week before)?|(?:in )?an older list|(?:over )?the last \d+ days|\d+ days ago|a week ago|last week|this week|today)\b`,
  'g',
);
