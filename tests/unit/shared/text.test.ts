import { describe, expect, it } from 'vitest';
import { cleanText } from '@/lib/shared/text';

// Every expected string is written by hand. Invisible characters are written
// as escapes so the table can be read; `‮` in a comment is how it would look.
describe('cleanText', () => {
  it.each<[string, string, string]>([
    // What passes unchanged.
    ['plain text stays', 'Qwen/Qwen3.8-27B', 'Qwen/Qwen3.8-27B'],
    ['markup stays characters (views render text as text)', '<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['entities stay as written', 'R&amp;D &#39;x&#39;', 'R&amp;D &#39;x&#39;'],
    ['CJK and accents stay', '大语言模型 — café naïve', '大语言模型 — café naïve'],
    ['an emoji with its presentation selector stays', 'I \u2764\uFE0F it', 'I \u2764\uFE0F it'],
    ['a keycap stays whole', '\u0031\uFE0F\u20E3 first', '\u0031\uFE0F\u20E3 first'],
    ['a flag (two regional indicators) stays', 'made in \u{1F1EB}\u{1F1F7}', 'made in \u{1F1EB}\u{1F1F7}'],
    ['a skin-tone modifier stays', '\u{1F44D}\u{1F3FD} ok', '\u{1F44D}\u{1F3FD} ok'],
    ['a well-formed surrogate pair stays', 'rocket \u{1F680}', 'rocket \u{1F680}'],
    ['two stacked combining marks stay (Vietnamese)', 'Vie\u0323\u0302t', 'Vie\u0323\u0302t'],

    // Bidirectional controls go.
    ['RLO goes (evil‮gpj.exe)', 'evil\u202Egpj.exe', 'evilgpj.exe'],
    ['LRE, RLE, PDF, LRO go', '\u202Aa\u202Bb\u202Cc\u202Dd', 'abcd'],
    ['the isolates LRI, RLI, FSI, PDI go', '\u2066a\u2067b\u2068c\u2069', 'abc'],
    ['LRM, RLM and the Arabic letter mark go', 'a\u200Eb\u200Fc\u061Cd', 'abcd'],

    // Zero-width and invisible format characters go.
    ['the zero-width space goes', 'pay\u200Bpal', 'paypal'],
    ['ZWNJ and ZWJ go', 'a\u200Cb\u200Dc', 'abc'],
    ['a ZWJ emoji sequence falls apart into its emoji', '\u{1F469}\u200D\u{1F4BB}', '\u{1F469}\u{1F4BB}'],
    ['word joiner and invisible operators go', 'a\u2060b\u2061c\u2062d\u2063e\u2064f', 'abcdef'],
    ['a byte order mark goes, at the start or inside', '\uFEFFab\uFEFFc', 'abc'],
    ['the soft hyphen goes', 'hyphen\u00ADated', 'hyphenated'],
    ['the Mongolian vowel separator goes', 'a\u180Eb', 'ab'],
    ['tag characters go (a subdivision flag shows as the black flag)', '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}', '\u{1F3F4}'],
    ['hidden tag-character text goes', 'hi\u{E0069}\u{E0067}\u{E006E}', 'hi'],
    ['Hangul fillers ("blank" names) go', '\u3164\u115F\u1160\uFFA0x', 'x'],
    ['interlinear annotation marks go', '\uFFF9a\uFFFAb\uFFFB', 'ab'],
    ['a selector after a letter goes', 'a\uFE0Fb\uFE0E', 'ab'],
    ['a second selector after an emoji goes', '\u2764\uFE0F\uFE0F', '\u2764\uFE0F'],
    ['other variation selectors go', 'a\uFE00b\u{E0100}c', 'abc'],
    ['noncharacters go', 'a\uFFFEb\uFFFFc\uFDD0d', 'abcd'],

    // Controls, surrogates, white space.
    ['NUL goes', 'a\u0000b', 'ab'],
    ['ESC and DEL go', '\u001B[31mred\u007F', '[31mred'],
    ['C1 controls go', 'a\u0080b\u009Bc\u009Fd', 'abcd'],
    ['a lone high surrogate goes', 'a\uD800b', 'ab'],
    ['a lone low surrogate goes', 'a\uDC00b', 'ab'],
    ['a reversed pair is two lone halves', 'a\uDE80\uD83Db', 'ab'],
    ['line breaks and tabs are one space', 'Line one\n\n\tline two\r\nthree', 'Line one line two three'],
    ['NEL, LS and PS are spaces', 'a\u0085b\u2028c\u2029d', 'a b c d'],
    ['no-break and ideographic spaces collapse', 'a\u00A0\u00A0b\u3000c', 'a b c'],
    ['a removed character between spaces leaves one space', 'a \u200B b \u0000 c', 'a b c'],
    ['the ends are trimmed', '  \n\u200B padded \u202E ', 'padded'],
    ['only invisible characters leave nothing', '\u200B\u202E\u2066\uFEFF\u0000 \n', ''],

    // Stacked marks.
    ['combining marks beyond six in a row go', 'Z\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308', 'Z\u0300\u0301\u0302\u0303\u0304\u0305'],
  ])('%s', (_, raw, expected) => {
    expect(cleanText(raw, 1000)).toBe(expected);
  });

  it.each<[string, string, number, string]>([
    ['text that fits stays whole', 'abcdef', 6, 'abcdef'],
    ['text one over is cut to the room before the ellipsis', 'abcdefg', 6, 'abcde…'],
    ['a cut never ends in a space before the ellipsis', 'abcd efgh', 6, 'abcd…'],
    // "ab🚀cd": the rocket is two code units, at positions 2–3.
    ['a cut never splits a surrogate pair', 'ab\u{1F680}cd', 4, 'ab…'],
    ['a whole pair fits when there is room', 'ab\u{1F680}cd', 5, 'ab\u{1F680}…'],
    ['a cut never splits a flag', 'a\u{1F1EB}\u{1F1F7}b', 4, 'a…'],
    ['a cut never parts a letter from its accent', 'cafe\u0301s', 5, 'caf…'],
    ['the limit counts cleaned text, not what was removed', 'a\u200Bb\u200Bc', 3, 'abc'],
    ['a limit of one is just the ellipsis', 'abc', 1, '…'],
  ])('%s', (_, raw, max, expected) => {
    expect(cleanText(raw, max)).toBe(expected);
  });

  it('reads only the start of a huge string, and says it was cut', () => {
    // 1 MB of zero-width spaces after a word: nothing visible is lost by stopping early, but the text was cut.
    expect(cleanText(`word${'\u200B'.repeat(1_000_000)}tail`, 10)).toBe('word…');
    expect(cleanText('x'.repeat(1_000_000), 5)).toBe('xxxx…');
  });

  it('refuses a limit below one', () => {
    expect(() => cleanText('a', 0)).toThrow(RangeError);
    expect(() => cleanText('a', Number.NaN)).toThrow(RangeError);
  });
});
