import { INVISIBLE } from './invisible';
import { MAX_COMBINING_MARKS } from './limits';

/**
 * Remote text made safe to store and show (issue #9, finding 5: bidirectional
 * overrides and zero-width characters reached the screen and the Markdown
 * export). Every string a source sends goes through `cleanText` before it is
 * stored (lib/sources/bound.ts); the Markdown export runs it again over what
 * it writes, since a record stored by an older version was never cleaned.
 *
 * What goes, and why:
 * - Every format character (`\p{Cf}`) and every default-ignorable code point
 *   (Unicode's `Default_Ignorable_Code_Point`, "not rendered unless explicitly
 *   supported"): the bidirectional embeddings, overrides and isolates
 *   (U+202A–U+202E, U+2066–U+2069), the marks U+200E, U+200F, U+061C, the
 *   zero-width space, joiners and non-joiner (U+200B–U+200D), U+2060–U+2064,
 *   U+FEFF, the soft hyphen U+00AD, U+180E, the tag characters
 *   U+E0000–U+E007F, the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0:
 *   "blank" names), the interlinear annotation marks U+FFF9–U+FFFB. None of
 *   them is visible; each can reorder, hide or disguise the text around it.
 *   The cost, accepted: an emoji joined with U+200D (👩‍💻) shows as its parts
 *   (👩💻); a subdivision flag (🏴 + tags) shows as a black flag; Persian or Indic
 *   text loses the U+200C that keeps two letters apart (still readable). A
 *   ZWJ kept "only inside emoji" would still be a ZWJ on the screen, which the
 *   issue rules out.
 * - Variation selectors (default-ignorable too) except one U+FE0E or U+FE0F
 *   straight after an emoji code point, where it chooses text or emoji
 *   presentation (❤ vs ❤️, and the keycap 1️⃣). Anywhere else a selector is an
 *   invisible character that can carry hidden data ("emoji smuggling").
 * - Noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF…) and unpaired surrogates
 *   (half of a character: a JSON `\ud800` escape, or a string cut mid-pair).
 * - C0 and C1 control characters (NUL, ESC, DEL, U+0080–U+009F), except the
 *   ones that are white space: tab, line feed, vertical tab, form feed,
 *   carriage return and NEL (U+0085) become spaces.
 * - Runs of combining marks beyond MAX_COMBINING_MARKS ("Zalgo" text, whose
 *   stacked marks paint over the lines above and below).
 * Then every run of white space (line breaks, tabs, no-break and ideographic
 * spaces, U+2028/U+2029) is one space, the ends are trimmed, and text longer
 * than `maxLength` UTF-16 code units is cut at a grapheme boundary (never
 * inside a surrogate pair, a flag or a base and its marks) and ends in "…".
 *
 * Markup (`<script>`, `&amp;`) is left as it is: it is only characters, and the
 * views render text as text (engineering.md); the Markdown export escapes it.
 */
export function cleanText(raw: string, maxLength: number): string {
  if (!(maxLength >= 1)) throw new RangeError(`maxLength must be at least 1, got ${maxLength}`);
  // Cleaning only ever shortens the text, so a huge string (a 1 MB "name") is
  // read only as far as could matter. This many code units cover `maxLength`
  // visible ones behind a generous share of removed characters; what lies
  // beyond is lost, which the ellipsis says.
  const budget = maxLength * 8 + 64;
  const cut = raw.length > budget;
  const cleaned = (cut ? raw.slice(0, budget) : raw)
    .replace(INVISIBLE, '')
    .replace(WHITE_SPACE, ' ')
    .replace(MARK_RUN, '$1')
    .trim();
  return cut || cleaned.length > maxLength ? shorten(cleaned, maxLength) : cleaned;
}

/** JavaScript's white space and line terminators, plus NEL (U+0085), which `\s` leaves out. */
const WHITE_SPACE = /[\s\u0085]+/gu;

const MARK_RUN = new RegExp(String.raw`(\p{M}{${MAX_COMBINING_MARKS}})\p{M}+`, 'gu');

const ELLIPSIS = '…';

let graphemes: Intl.Segmenter | undefined;

/**
 * The longest run of whole graphemes that fits in `maxLength - 1` code units,
 * then "…". Only a prefix a little longer than that is segmented: the
 * boundaries before its last grapheme are those of the whole text.
 */
function shorten(text: string, maxLength: number): string {
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const room = maxLength - ELLIPSIS.length;
  let end = 0;
  for (const { index, segment } of graphemes.segment(text.slice(0, room + 64))) {
    if (index + segment.length > room) break;
    end = index + segment.length;
  }
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}
