/**
 * The characters remote text must never bring to the screen (issue #9,
 * finding 5), in a module of their own so that the pages can load this much
 * without the rest of lib/shared/text.ts: `cleanText` removes them before a
 * string is stored; `stripInvisible` removes them again as the pages render
 * (components/visible-text.ts), since text stored by an older version was
 * never cleaned.
 */

/**
 * Everything removed outright (see `cleanText`). One pass; the lookbehind is
 * read against the original text, so a selector after a removed character is
 * itself removed.
 */
export const INVISIBLE = new RegExp(
  [
    // An unpaired surrogate: in a `u` regex a well-formed pair is one code point, never `Cs`.
    String.raw`\p{Cs}`,
    // Control characters that are not white space (those become spaces below).
    String.raw`(?![\t\n\v\f\r\u0085])\p{Cc}`,
    // Format, default-ignorable and noncharacter code points, the two emoji selectors aside…
    String.raw`(?![\uFE0E\uFE0F])[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Noncharacter_Code_Point}]`,
    // …which stay only straight after an emoji.
    String.raw`(?<!\p{Emoji})[\uFE0E\uFE0F]`,
  ].join('|'),
  'gu',
);

/** `text` without the characters of INVISIBLE; the same string when it has none (most text: checked first, cheaply). */
export function stripInvisible(text: string): string {
  // Printable ASCII holds none of them: the common case costs one simple test.
  if (!/[^\x20-\x7E]/.test(text)) return text;
  return text.replace(INVISIBLE, '');
}
