import { DAY_MS, dayIn } from '../shared/movement';
import type { SourceId } from '../sources/ids';

/**
 * The issue's words (issue #7): templates' small parts, truncation, articles
 * and number formatting. English throughout, whatever the machine's locale;
 * dates in the time zone the issue is given, never the machine's. Pure.
 */

const ENGLISH = 'en-US';
const counts = new Intl.NumberFormat(ENGLISH, { maximumFractionDigits: 0 });

/** 12099 → "12,099": every figure in the text, in English. */
export function formatCount(value: number): string {
  return counts.format(value);
}

/** "A, B and C". */
export function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * True when `text` may open a sentence as it is: it does not start with a
 * digit or a lower-case letter ("z-lab/Qwen…", "12 models…" may not; issue #11).
 * A remote name keeps its own spelling, so a sentence that would start with
 * one that fails this is worded another way.
 */
export function opensSentence(text: string): boolean {
  return !/^[\p{Ll}\p{N}]/u.test(text);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "1 model", "3 models". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/**
 * Words that start with a vowel letter but a consonant sound, and the
 * reverse; acronyms read letter by letter take "an" when their first letter's
 * name starts with a vowel sound (an LLM, an MLX build, a GPU).
 */
const CONSONANT_SOUND = /^(?:uni(?!n)|use|usu|uti|ure|eu|ewe|one(?![a-z])|once)/i;
const VOWEL_SOUND = /^(?:hour|honest|honou?r|heir)/i;
const VOWEL_LETTER_NAMES = new Set(['A', 'E', 'F', 'H', 'I', 'L', 'M', 'N', 'O', 'R', 'S', 'X']);

/** "a" or "an" before `word`, by its sound. */
export function article(word: string): 'a' | 'an' {
  const trimmed = word.trim();
  const first = /^[A-Za-z0-9]+/.exec(trimmed)?.[0] ?? '';
  if (!first) return 'a';
  if (/^\d/.test(first)) return /^(?:8|11(?!\d)|18(?!\d)|8\d(?!\d))/.test(first) ? 'an' : 'a';
  // An acronym (two capitals or more, or a capital and digits): read letter by letter.
  if (/^[A-Z]{2,}/.test(first) || /^[A-Z]\d/.test(first)) return VOWEL_LETTER_NAMES.has(first[0]!) ? 'an' : 'a';
  if (VOWEL_SOUND.test(first)) return 'an';
  if (CONSONANT_SOUND.test(first)) return 'a';
  return /^[aeiou]/i.test(first) ? 'an' : 'a';
}

/** `word` with its article: "an OCaml", "a Python". */
export function withArticle(word: string): string {
  return `${article(word)} ${word}`;
}

const graphemes = new Intl.Segmenter(ENGLISH, { granularity: 'grapheme' });

/**
 * Remote text trimmed to a snippet of at most `max` characters (UTF-16 units),
 * ending with a full stop or an ellipsis. It is cut at the last space before
 * the limit when there is one in the second half of the snippet, else at the
 * last whole character (text without spaces, such as Chinese or Japanese,
 * is cut there; a surrogate pair or a combining mark is never split).
 */
export function sentence(text: string, max = 200): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '' || !/[\p{L}\p{N}]/u.test(clean)) return '';
  // "Fast, small," → "Fast, small." — never ",." or ":." (a trailing comma, colon or semicolon gives way).
  const whole = /[.!?…"”)」。！？]$/.test(clean) ? clean : `${clean.replace(/[\s,;:\-–—]+$/u, '')}.`;
  if (whole.length <= max) return whole === '.' ? '' : whole;
  const room = max - 1; // for the ellipsis
  let cut = 0;
  for (const { segment, index } of graphemes.segment(clean)) {
    if (index + segment.length > room) break;
    cut = index + segment.length;
  }
  const space = clean.lastIndexOf(' ', cut);
  const end = space > room / 2 ? space : cut;
  return `${clean.slice(0, end).replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

/**
 * A remote name clipped to at most `max` characters for a headline, cut at a
 * whole character (never inside a surrogate pair or a combining sequence),
 * with an ellipsis when cut.
 */
export function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  let cut = 0;
  for (const { segment, index } of graphemes.segment(clean)) {
    if (index + segment.length > max - 1) break;
    cut = index + segment.length;
  }
  return `${clean.slice(0, cut).trimEnd()}…`;
}

/** How much of a headline a remote name may take: the template's words need the rest of the 120. */
export const HEADLINE_NAME_MAX = 60;

// ---------- time ----------

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();
const datelineFormats = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = cache.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat(ENGLISH, { ...options, timeZone });
    cache.set(timeZone, format);
  }
  return format;
}

/** Calendar days from `at`'s day to `now`'s day, in the time zone (0: the same day). */
export function calendarDaysBetween(at: number, now: number, timeZone: string): number {
  return Math.round((Date.parse(dayIn(now, timeZone)) - Date.parse(dayIn(at, timeZone))) / DAY_MS);
}

function weekday(at: number, timeZone: string): string {
  return cached(weekdayFormats, timeZone, { weekday: 'long' }).format(at);
}

/**
 * When a comparison starts, as the clause that opens or closes a sentence:
 * "since earlier today", "since yesterday", "since Tuesday", "since last
 * Friday" (seven days back), "since Thursday of the week before" (8 to 13
 * days), "since an older list". Worded from the
 * baseline's own time, never from the window that was asked for.
 */
export function sinceWords(at: number, now: number, timeZone: string): string {
  const days = calendarDaysBetween(at, now, timeZone);
  if (days <= 0) return 'since earlier today';
  if (days === 1) return 'since yesterday';
  if (days < 7) return `since ${weekday(at, timeZone)}`;
  if (days === 7) return `since last ${weekday(at, timeZone)}`;
  // No figure: a number in the text must be one of the claims.
  if (days < 14) return `since ${weekday(at, timeZone)} of the week before`;
  return 'since an older list';
}

/** The same moment as an adverb of time: "earlier today", "yesterday", "on Tuesday", "last Friday", "on Thursday of the week before", "in an older list". */
export function thenWords(at: number, now: number, timeZone: string): string {
  const days = calendarDaysBetween(at, now, timeZone);
  if (days <= 0) return 'earlier today';
  if (days === 1) return 'yesterday';
  if (days < 7) return `on ${weekday(at, timeZone)}`;
  if (days === 7) return `last ${weekday(at, timeZone)}`;
  if (days < 14) return `on ${weekday(at, timeZone)} of the week before`;
  return 'in an older list';
}

/**
 * The reading section's name, for the day the issue is published in its time
 * zone (issue #11): "Weekend Reading" on a Saturday or a Sunday, "Monday
 * Reading" … "Friday Reading" on a weekday. Chosen over "This Morning's
 * Reading": the day's name says which issue it is when read later or
 * exported, and an issue published in the evening is not a morning's.
 */
export function readingHeading(now: number, timeZone: string): string {
  const day = weekday(now, timeZone);
  return day === 'Saturday' || day === 'Sunday' ? 'Weekend Reading' : `${day} Reading`;
}

/** "Saturday, November 28, 2026" in the time zone. */
export function datelineOf(now: number, timeZone: string): string {
  return cached(datelineFormats, timeZone, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(now);
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();
const dayClockFormats = new Map<string, Intl.DateTimeFormat>();

/** "10:42" on `now`'s day, "Tue 10:42" on another: English, 24-hour, in the issue's time zone. */
export function clockWords(at: number, now: number, timeZone: string): string {
  return calendarDaysBetween(at, now, timeZone) === 0
    ? cached(clockFormats, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at)
    : cached(dayClockFormats, timeZone, { weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** `2026-11-28`: the day of `at` in the time zone. */
export function isoDay(at: number, timeZone: string): string {
  return dayIn(at, timeZone);
}

/** The period a GitHub trending page counts its stars over: "this week" on the weekly page, else "today". */
export function periodOf(sourceId: string): 'this week' | 'today' {
  return sourceId === 'gh-trending-weekly' ? 'this week' : 'today';
}

/** A history at least this long may say "this week" (issue #11); a shorter one says "since Saturday". */
export const WEEK_OF_HISTORY_MS = 6 * DAY_MS;

/** The movers' heading, true to the history it compares with. */
export function moversHeading(sinceAt: number | undefined, now: number, timeZone: string): string {
  if (sinceAt === undefined) return 'Biggest Movers';
  if (now - sinceAt >= WEEK_OF_HISTORY_MS) return 'Biggest Movers This Week';
  return `Biggest Movers ${capitalise(sinceWords(sinceAt, now, timeZone)).replace(/^Since earlier today$/, 'Since This Morning')}`;
}

// ---------- lines that do not break where a reader would stumble (issue #11) ----------

/** U+00A0: the space of "No. 15" and "12.5K likes", which a line never breaks at. */
export const NBSP = '\u00a0';
/** The units a figure of the issue is followed by, singular and plural. */
const UNITS = 'likes?|downloads?|stars?|new stars|forks?|upvotes?|places?|days?|hours?|entries|models?|datasets?|spaces?|repositories|repository|papers?';
const FIGURE_UNIT = new RegExp(`(\\d[\\d,.]*[KMBT]?) (?=(?:${UNITS})\\b)`, 'g');

/**
 * `text` with a non-breaking space inside "No. 15" and between a figure and its unit ("12.5K likes",
 * "+1,204 likes a day", "3 places"), so that neither is split across two lines. Nothing else changes.
 */
export function keepTogether(text: string): string {
  return text.replace(/\bNo\. (?=\d)/g, `No.${NBSP}`).replace(FIGURE_UNIT, `$1${NBSP}`);
}

// ---------- names ----------

/** Each list as a sentence names it: "New on Hugging Face's trending models since yesterday". */
export const LIST_NAMES: Record<SourceId, string> = {
  'hf-models': "Hugging Face's trending models",
  'hf-datasets': "Hugging Face's trending datasets",
  'hf-spaces': "Hugging Face's trending spaces",
  'hf-papers': "Hugging Face's daily papers",
  'gh-trending-daily': "GitHub's daily trending page",
  'gh-trending-weekly': "GitHub's weekly trending page",
  'gh-search': "GitHub's new AI repositories",
};
