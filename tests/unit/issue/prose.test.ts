import { afterEach, describe, expect, it, vi } from 'vitest';
import { article, calendarDaysBetween, capitalise, datelineOf, formatCount, joinAnd, plural, sentence, withArticle } from '@/lib/issue/prose';

/**
 * The small words (lib/issue/prose.ts), against tables written by
 * hand: every expected value below was worked out on paper, never computed
 * with the code under test.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** [text, max, expected, why]. */
const SNIPPETS: [string, number, string, string][] = [
  ['Fast inference for LLMs', 140, 'Fast inference for LLMs.', 'a full stop is added when the text has none'],
  ['Fast inference for LLMs.', 140, 'Fast inference for LLMs.', 'no second full stop'],
  ['Is it fast?', 140, 'Is it fast?', 'a question mark ends a sentence'],
  ['Wow!', 140, 'Wow!', 'so does an exclamation mark'],
  ['It says “go”', 140, 'It says “go”', 'a closing quote ends it too'],
  ['And so on…', 140, 'And so on…', 'an ellipsis too'],
  ['大規模言語モデル。', 140, '大規模言語モデル。', 'a CJK full stop is a full stop'],
  ['  Fast \n\t inference  ', 140, 'Fast inference.', 'whitespace runs collapse, ends are trimmed'],
  ['abcde', 5, 'abcd…', 'text of exactly max characters needs a full stop: 6 > 5, so it is cut'],
  ['abcd', 5, 'abcd.', 'text one short of max takes its full stop within the budget'],
  // At a word when there is a space.
  ['The quick brown fox jumps over the lazy dog', 14, 'The quick…', 'cut at the last space before the limit, not inside "brown"'],
  ['The quick brown fox jumps over the lazy dog', 16, 'The quick brown…', 'a word that fits exactly is kept'],
  ['The quick brown fox jumps over the lazy dog', 20, 'The quick brown fox…', 'ellipsis included in the budget'],
  ['Fast, small, open models for everyone', 14, 'Fast, small…', 'no comma before the ellipsis'],
  ['Models: open, fast; small - and cheap', 15, 'Models: open…', 'no comma, semicolon or colon before the ellipsis'],
  // At a character when there is no space.
  ['模型推理训练数据集语言视觉生成开源大规模多模态', 10, '模型推理训练数据集…', 'CJK without spaces is cut at a character'],
  ['Pneumonoultramicroscopicsilicovolcanoconiosis is long', 20, 'Pneumonoultramicros…', 'a word longer than the budget is cut at a character'],
  // Never inside a surrogate pair or a grapheme.
  ['AI🚀🚀🚀🚀🚀🚀', 6, 'AI🚀…', 'AI and one rocket (4 units) fit before the ellipsis; a second (6) does not'],
  ['AI🚀🚀🚀🚀🚀🚀', 7, 'AI🚀🚀…', 'AI and two rockets (6 units) fit'],
  ['e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301', 6, 'e\u0301e\u0301…', 'a letter and its combining accent stay together'],
  ['Dev👩‍💻👩‍💻👩‍💻👩‍💻', 12, 'Dev👩‍💻…', 'a ZWJ sequence (5 units) is one character'],
  ['FR🇫🇷🇫🇷🇫🇷🇫🇷', 9, 'FR🇫🇷…', 'a flag (4 units) is one character'],
];

describe('sentence: remote text as a snippet', () => {
  it.each(SNIPPETS)('%j, %i → %j (%s)', (text, max, expected) => {
    const snippet = sentence(text, max);
    expect(snippet).toBe(expected);
    expect(snippet).not.toMatch(LONE_SURROGATE);
  });

  it('cuts a 500-character CJK text to the budget instead of keeping it whole', () => {
    const text = '模型'.repeat(250);
    // 139 characters and the ellipsis: 69 pairs and one more 模.
    expect(sentence(text, 140)).toBe(`${'模型'.repeat(69)}模…`);
  });

  it('cuts a 500-unit emoji text to the budget without splitting a pair', () => {
    const text = `A${'🤗'.repeat(250)}`;
    // 139 units of room: the A and 69 whole emoji (1 + 138 units), then the ellipsis.
    const snippet = sentence(text, 140);
    expect(snippet).toBe(`A${'🤗'.repeat(69)}…`);
    expect(snippet).not.toMatch(LONE_SURROGATE);
  });

  it.each([
    ['Fast, small,', 'Fast, small.'],
    ['Open weights:', 'Open weights.'],
    ['Fast; small;', 'Fast; small.'],
  ])('does not write a full stop after a comma, colon or semicolon: %j → %j', (text, expected) => {
    expect(sentence(text, 140)).toBe(expected);
  });

  it.each(['', '   ', '\n\t ', '...', '—', '!!!', '· · ·', '“”', '()'])('has nothing to quote from text without a letter or a digit: %j', (text) => {
    expect(sentence(text, 140)).toBe('');
  });
});

describe('article: "a" or "an" by sound', () => {
  it.each([
    // Vowel sounds.
    ['OCaml', 'an'],
    ['Elixir', 'an'],
    ['Objective-C', 'an'],
    ['Erlang', 'an'],
    ['Ada', 'an'],
    ['Assembly', 'an'],
    ['image-classification', 'an'],
    ['automatic-speech-recognition', 'an'],
    ['object-detection', 'an'],
    ['audio-classification', 'an'],
    ['unconditional-image-generation', 'an'],
    ['umbrella', 'an'],
    ['uninstalled', 'an'],
    // Consonant sounds.
    ['Python', 'a'],
    ['Rust', 'a'],
    ['TypeScript', 'a'],
    ['Gradio', 'a'],
    ['Jupyter Notebook', 'a'],
    ['text-generation', 'a'],
    ['Yi', 'a'],
    // A vowel letter that sounds like a consonant.
    ['unique', 'a'],
    ['user', 'a'],
    ['universal', 'a'],
    ['useful', 'a'],
    ['Unity', 'a'],
    ['European', 'a'],
    ['one', 'a'],
    // A silent h.
    ['hour', 'an'],
    ['honest', 'an'],
    ['heir', 'an'],
    // Acronyms, read letter by letter.
    ['AI', 'an'],
    ['LLM', 'an'],
    ['MLX', 'an'],
    ['HTML', 'an'],
    ['SDK', 'an'],
    ['NLP', 'an'],
    ['FP8', 'an'],
    ['RL', 'an'],
    ['GPU', 'a'],
    ['GGUF', 'a'],
    ['URL', 'a'],
    ['CUDA', 'a'],
    // Numbers, as they are read.
    ['8', 'an'],
    ['80', 'an'],
    ['800', 'an'],
    ['11', 'an'],
    ['18', 'an'],
    ['18,000', 'an'],
    ['1', 'a'],
    ['12', 'a'],
    ['100', 'a'],
    ['110', 'a'],
    ['1,800', 'a'],
  ] as const)('%s takes "%s"', (word, expected) => {
    expect(article(word)).toBe(expected);
  });

  it.each([
    ['OCaml', 'an OCaml'],
    ['MLX', 'an MLX'],
    ['Python', 'a Python'],
    ['hour', 'an hour'],
    ['unique', 'a unique'],
  ])('withArticle(%j) is %j', (word, expected) => {
    expect(withArticle(word)).toBe(expected);
  });
});

describe('joinAnd, capitalise, plural', () => {
  it.each([
    [[], ''],
    [['Qwen'], 'Qwen'],
    [['Qwen', 'Llama'], 'Qwen and Llama'],
    [['Qwen', 'Llama', 'Gemma'], 'Qwen, Llama and Gemma'],
    [['a', 'b', 'c', 'd'], 'a, b, c and d'],
  ] as const)('joinAnd(%j) is %j', (parts, expected) => {
    expect(joinAnd(parts)).toBe(expected);
  });

  it.each([
    ['image-classification', 'Image-classification'],
    ['text', 'Text'],
    ['OCaml', 'OCaml'],
    ['élan', 'Élan'],
    ['', ''],
    ['🚀 launch', '🚀 launch'],
  ])('capitalise(%j) is %j', (text, expected) => {
    expect(capitalise(text)).toBe(expected);
  });

  it.each([
    [0, 'model', '0 models'],
    [1, 'model', '1 model'],
    [3, 'model', '3 models'],
    [1234, 'star', '1,234 stars'],
  ] as const)('plural(%i, %j) is %j', (count, one, expected) => {
    expect(plural(count, one)).toBe(expected);
  });
});

describe('formatCount: English figures', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [1234, '1,234'],
    [12099, '12,099'],
    [1234567, '1,234,567'],
    [Number.MAX_SAFE_INTEGER, '9,007,199,254,740,991'],
    [-5, '-5'],
  ])('formatCount(%d) is %j', (value, expected) => {
    expect(formatCount(value)).toBe(expected);
  });

  it('writes 1,234 when the machine is German', async () => {
    const RealNumberFormat = Intl.NumberFormat;
    const german = Object.create(Intl) as typeof Intl;
    Object.assign(german, {
      NumberFormat: function NumberFormat(locales?: Intl.LocalesArgument, options?: Intl.NumberFormatOptions) {
        return new RealNumberFormat(locales ?? 'de-DE', options);
      },
    });
    vi.stubGlobal('Intl', german);
    vi.resetModules();
    const prose = await import('@/lib/issue/prose');
    expect(prose.formatCount(1234567)).toBe('1,234,567');
  });
});

describe('days in the issue’s time zone', () => {
  // 2026-11-28 is a Saturday.
  const lateSaturdayUtc = Date.UTC(2026, 10, 28, 23, 30);

  it.each([
    ['UTC', 'Saturday, November 28, 2026'],
    ['Asia/Tokyo', 'Sunday, November 29, 2026'],
    ['America/Los_Angeles', 'Saturday, November 28, 2026'],
  ])('the dateline of 23:30 UTC on Saturday 28 November 2026 in %s is %j', (timeZone, expected) => {
    expect(datelineOf(lateSaturdayUtc, timeZone)).toBe(expected);
  });

  it.each([
    // 23:00 UTC on the 27th to 01:00 UTC on the 28th.
    ['UTC', 1],
    // 15:00 and 17:00 on the 27th in Los Angeles (UTC-8).
    ['America/Los_Angeles', 0],
    // 08:00 and 10:00 on the 28th in Tokyo (UTC+9).
    ['Asia/Tokyo', 0],
  ])('two hours across midnight UTC are %i calendar days apart in %s', (timeZone, days) => {
    expect(calendarDaysBetween(Date.UTC(2026, 10, 27, 23, 0), Date.UTC(2026, 10, 28, 1, 0), timeZone)).toBe(days);
  });
});
