/**
 * Figures in English text, read the same way from the template and from the model's text so that they are
 * compared as numbers, not as strings (issue #12: "numbers compared after normalising their formatting").
 *
 * - "1,470", "1470", "+1,470", "1470.0" → 1470 (exact); "No. 3", "#3", "3rd" → 3; "57%", "57 percent" → 57;
 *   "4x", "4×", "4 times" → 4.
 * - "1.5K", "1.5k", "1.5 thousand", "2M", "2 million" → 1500, 2,000,000 with a tolerance of half the last digit
 *   written (1.5K is any figure from 1,450 to 1,550): the issue prints compact figures that way
 *   (lib/shared/format.ts `compactNumber`).
 * - Number words: "two" … "twenty", "thirty" … "ninety", "hundred", "a dozen", "twice"/"double"/"doubled" (2),
 *   "triple"/"tripled"/"threefold" (3), ordinals "third" … "twentieth". Not "one" (mostly a pronoun), "first"
 *   (a superlative, checked as one) or "second" (mostly time).
 * - A token that mixes letters and digits ("Qwen3-8B", "GPT-4", "7B-parameter") is a name, not a figure:
 *   lib/editor/check.ts checks it as a name. "7-day", "12-model" are a figure and a word.
 * - Anything else with digits in it ("09:00", "3/4", "2–3") is each of its digit runs, exactly.
 */
export interface Figure {
  value: number;
  /** How far a figure of the facts may be and still be the one written (0: exactly). */
  tolerance: number;
  text: string;
  /** Written with a K/M/B suffix and no space ("1B", "12.5K"): also a name where the facts name a size so. */
  suffixed: boolean;
  /** The size of a list, after "top" ("the top 12"): any sentence may say it, whatever it names. */
  listSize?: boolean;
}

const WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
  twice: 2,
  double: 2,
  doubled: 2,
  doubles: 2,
  triple: 3,
  tripled: 3,
  triples: 3,
  threefold: 3,
  fourfold: 4,
  fivefold: 5,
  tenfold: 10,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  twentieth: 20,
};

const SCALE: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, b: 1e9, billion: 1e9 };

/** A whole figure: sign, digits with or without thousands separators, decimals, and what may follow it. */
const FIGURE = /^[#+\-−~≈$]?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%|[kKmMbB]|x|×|st|nd|rd|th)?$/u;
/** "7-day", "12-model": a figure and a word. */
const FIGURE_WORD = /^(\d[\d,]*(?:\.\d+)?)-\p{L}+$/u;

/** A token without the punctuation around it (quotes, brackets, a sentence's full stop or comma). */
export function bare(token: string): string {
  return token.replace(/^[("“‘'[{]+/u, '').replace(/[)"”’'\]},;:!?.…]+$/u, '');
}

export function figuresIn(text: string): Figure[] {
  const tokens = text.split(/\s+/).filter((token) => token !== '');
  const figures: Figure[] = [];
  tokens.forEach((raw, index) => {
    const token = bare(raw);
    const next = bare(tokens[index + 1] ?? '').toLowerCase();
    const lower = token.toLowerCase();
    if (lower in WORDS) {
      figures.push({ value: WORDS[lower]!, tolerance: 0, text: token, suffixed: false });
      return;
    }
    const figure = FIGURE.exec(token);
    if (figure) {
      const digits = figure[1]!.replace(/,/g, '');
      const decimals = figure[2] ?? '';
      const suffix = (figure[3] ?? '').toLowerCase();
      let value = Number(digits + decimals);
      // Half the last digit written: "1.5" is 1.45 to 1.55 once a scale multiplies it.
      const half = decimals ? 0.5 * 10 ** -(decimals.length - 1) : 0.5;
      const scale = SCALE[suffix] ?? SCALE[next];
      if (scale !== undefined) {
        value *= scale;
        figures.push({ value, tolerance: half * scale, text: token, suffixed: suffix in SCALE });
        return;
      }
      const listSize = bare(tokens[index - 1] ?? '').toLowerCase() === 'top';
      figures.push({ value, tolerance: 0, text: token, suffixed: false, ...(listSize ? { listSize } : {}) });
      return;
    }
    const withWord = FIGURE_WORD.exec(token);
    if (withWord) {
      figures.push({ value: Number(withWord[1]!.replace(/,/g, '')), tolerance: 0, text: token, suffixed: false });
      return;
    }
    if (!/\d/.test(token) || isNameLike(token)) return;
    for (const run of token.match(/\d+/g) ?? []) figures.push({ value: Number(run), tolerance: 0, text: run, suffixed: false });
  });
  return figures;
}

/** A token that mixes letters and digits is a name ("Qwen3-8B", "GPT-4"), unless it is a figure with its unit. */
export function isNameLike(token: string): boolean {
  return /\p{L}/u.test(token) && /\p{N}/u.test(token) && !FIGURE.test(token) && !FIGURE_WORD.test(token);
}

/** The values of the figures in `text`. */
export function readFigures(text: string): number[] {
  return figuresIn(text).map((figure) => figure.value);
}

/** Whether a figure written in the model's text is one of `allowed`. */
export function backed(figure: Figure, allowed: readonly number[]): boolean {
  return allowed.some((value) => Math.abs(value - figure.value) <= figure.tolerance + 1e-9);
}
