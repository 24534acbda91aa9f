/**
 * Hostile values for every text and number field a source sends (issue #9,
 * "Hostile text": at least 50 payloads — markup, event handlers, broken tags,
 * bidirectional and zero-width tricks, very long strings, huge and non-finite
 * numbers). Written by hand for this project; none is a recording.
 *
 * Two rules keep the suite's checks honest (tests/unit/hostile/hostile-text.test.tsx):
 * no text payload contains the words NaN, Infinity, undefined or null (a page
 * showing them must have printed a number badly, not quoted a payload), and
 * none holds a run of ten or more digits (a long figure on a page must be one
 * the extension formatted). `payloads.test.ts` checks both.
 */

export interface TextPayload {
  kind: 'text';
  name: string;
  value: string;
  /**
   * What a reader must find of it on a page (in a repository's description,
   * which every run fills), written by hand: the payload as its characters,
   * invisible ones gone and white space collapsed. It proves the payload got
   * through to the screen, as text, rather than being dropped on the way.
   */
  shows?: string;
}

/** A number field's value as JSON text, so that `1e400` and `9007199254740993` arrive as written. */
export interface NumberPayload {
  kind: 'number';
  name: string;
  json: string;
}

/** A whole list for a tags, topics or authors field. */
export interface ListPayload {
  kind: 'list';
  name: string;
  values: string[];
}

export type Payload = TextPayload | NumberPayload | ListPayload;

/** One mebibyte of UTF-8: the size of the "very long string" payloads. */
export const MEBIBYTE = 1024 * 1024;

const text = (name: string, value: string, shows?: string): TextPayload => ({ kind: 'text', name, value, ...(shows !== undefined ? { shows } : {}) });
/** A payload with nothing to clean: it shows exactly as written. */
const same = (name: string, value: string): TextPayload => ({ kind: 'text', name, value, shows: value });
const number = (name: string, json: string): NumberPayload => ({ kind: 'number', name, json });

/** Repeats `unit` to `bytes` bytes of UTF-8 (or just under). */
function toBytes(unit: string, bytes: number): string {
  return unit.repeat(Math.floor(bytes / new TextEncoder().encode(unit).length));
}

export const TEXT_PAYLOADS: readonly TextPayload[] = [
  // Markup and event handlers: the views must render them as characters.
  same('script element', '<script>alert(1)</script>'),
  same('img onerror', '<img src=x onerror=alert(1)>'),
  same('svg onload', '<svg onload=alert(1)>'),
  same('script inside svg', '<svg><script>alert(1)</script></svg>'),
  same('iframe with a javascript: src', '<iframe src="javascript:alert(1)"></iframe>'),
  same('anchor with a javascript: href', '<a href="javascript:alert(1)">click</a>'),
  same('event handler on a div', '<div onmouseover="alert(1)">hover me</div>'),
  same('attribute breakout, double quote', '"><script>alert(1)</script>'),
  same('attribute breakout, single quote', "'><img src=x onerror=alert(1)>"),
  same('unclosed tag', '<img src="x" onerror="alert(1)"'),
  same('tag split by a tag', '<scr<script>ipt>alert(1)</scr</script>ipt>'),
  same('closing textarea', '</textarea><script>alert(1)</script>'),
  same('closing title', '</title><img src=x onerror=alert(1)>'),
  same('closing paragraph and article', '</p></article><article class="Box-row"><h2><a href="/evil/repo">x</a></h2>'),
  same('style element', '<style>*{display:none}</style>'),
  same('mutation XSS', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'),
  same('form with a javascript: action', '<form action="javascript:alert(1)"><button>go</button></form>'),
  same('base element', '<base href="javascript:/">'),
  same('meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'),
  same('object data', '<object data="data:text/html,<script>alert(1)</script>"></object>'),
  same('HTML comment', '<!-- hidden --><b>bold</b>'),
  same('named entities', '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;'),
  same('numeric entities', '&#x3C;img src=x onerror=alert(1)&#x3E; &#60;b&#62;'),
  same('URL-encoded markup', '%3Cscript%3Ealert(1)%3C%2Fscript%3E'),
  same('javascript: URL as text', 'javascript:alert(1)'),
  same('mixed-case javascript: URL', 'JaVaScRiPt:alert(document.cookie)'),
  same('data: URL as text', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='),
  same('CSS url()', 'url(javascript:alert(1)) expression(alert(1))'),
  same('template injection', "{{constructor.constructor('alert(1)')()}} ${alert(1)}"),

  // Markdown that would add a link, an image, a heading or structure to the export.
  same('Markdown link to javascript:', '[click me](javascript:alert(1))'),
  same('Markdown image', '![pixel](https://evil.example/pixel.png)'),
  same('Markdown link and autolinks', '[a](https://evil.example) <https://evil.example> www.evil.example user@evil.example'),
  same('closing a link label', '](https://evil.example) [x]: https://evil.example'),
  same('emphasis, code and strikethrough', '`code` **bold** _em_ ~~strike~~ $x$'),
  text('table row', '| col | col |\n|---|---|', '| col | col | |---|---|'),
  same('heading at the start', '# Heading injection'),
  text('heading after a line break', 'text\n# Heading after a break\n\n## another', 'text # Heading after a break ## another'),
  same('unclosed HTML comment', '<!-- everything after this is hidden'),
  text('list, quote and break at line starts', '1. ordered\n- bullet\n> quote\n---\n=== ', '1. ordered - bullet > quote --- ==='),
  same('backslash escapes', '\\[x\\](y) \\\\](https://evil.example)'),

  // Bidirectional and invisible characters.
  text('right-to-left override', 'evil\u202Etxt.exe', 'eviltxt.exe'),
  text('every embedding and override', '\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee', 'abcde'),
  text('isolates', '\u2066a\u2067b\u2068c\u2069d', 'abcd'),
  text('directional marks', 'a\u200Eb\u200Fc\u061Cd', 'abcd'),
  text('zero-width space, joiners', 'pay\u200Bpal\u200Cx\u200Dy', 'paypalxy'),
  text('byte order mark and word joiners', '\uFEFFbom\u2060wj\u2061\u2062\u2063\u2064end', 'bomwjend'),
  text('soft hyphen and Mongolian separator', 'soft\u00ADhyphen\u180E', 'softhyphen'),
  text('tag characters (hidden text)', 'visible\u{E0041}\u{E0042}\u{E0043}\u{E007F}', 'visible'),
  text('variation selectors (smuggled data)', 'a\uFE00\uFE01\u{E0100}\u{E01EF}b\uFE0F', 'ab'),
  text('Hangul fillers (a blank name)', '\u3164\u115F\u1160\uFFA0'),
  text('only invisible characters', '\u200B\u202E\u2066\uFEFF\u200D'),
  text('RTL override hiding a link', '\u202E)1(trela:tpircsavaj\u202C', ')1(trela:tpircsavaj'),

  // Controls, broken Unicode, white space.
  text('NUL', 'nul\u0000byte', 'nulbyte'),
  text('C0 controls and an ANSI escape', '\u0001\u0007\u0008\u001B[31mred\u001B[0m\u007F', '[31mred[0m'),
  text('C1 controls', 'a\u0080b\u0085c\u009Bd\u009F', 'ab cd'),
  text('lone surrogates', 'a\uD800b\uDFFFc\uD83D', 'abc'),
  text('noncharacters', 'a\uFFFEb\uFFFFc\uFDD0', 'abc'),
  text('line breaks and tabs', '\tline one\r\nline two\u2028three\u2029four\u000B\u000C', 'line one line two three four'),
  text('empty string', ''),
  text('white space only', ' \t\n\u00A0\u3000 '),
  text('stacked combining marks (Zalgo)', `Z${'\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309'.repeat(6)}algo`, 'Z\u0300\u0301\u0302\u0303\u0304\u0305algo'),

  // Merely odd: real scripts, emoji, length.
  text('emoji and CJK', '🚀 大语言模型 🇫🇷 👩\u200D💻 ❤\uFE0F 1\uFE0F\u20E3 日本語のモデル', '🚀 大语言模型 🇫🇷 👩💻 ❤\uFE0F 1\uFE0F\u20E3 日本語のモデル'),
  same('right-to-left scripts', 'نموذج لغوي كبير עברית'),
  // A repository's description is cut to 350 characters, the last of them the ellipsis.
  text('a word of 10,000 letters', 'W'.repeat(10_000), `${'W'.repeat(349)}…`),
  // Huge payloads go in half the fields per run; `shows` is checked in the run that fills descriptions.
  text('1 MiB of ASCII', 'A'.repeat(MEBIBYTE), `${'A'.repeat(349)}…`),
  // Cleaned, the 27-character unit is its 25 visible ones: 13 whole units and 24 characters of the next fill 349.
  text('1 MiB of markup and invisible characters', toBytes('<b onclick=alert(1)>x</b>\u202E\u200B', MEBIBYTE), `${'<b onclick=alert(1)>x</b>'.repeat(13)}<b onclick=alert(1)>x</b…`),
];

export const NUMBER_PAYLOADS: readonly NumberPayload[] = [
  number('1e308', '1e308'),
  number('the largest double', '1.7976931348623157e308'),
  number('1e400 (Infinity once parsed)', '1e400'),
  number('-1e400', '-1e400'),
  number('-1', '-1'),
  number('negative zero', '-0'),
  number('a fraction where an integer is expected', '12.5'),
  number('a tiny fraction', '1e-7'),
  number('2^53 + 1', '9007199254740993'),
  number('-(2^53 + 1)', '-9007199254740993'),
  number('the string "12"', '"12"'),
  number('the string "NaN"', '"NaN"'),
  number('the string "Infinity"', '"Infinity"'),
  number('the string "-Infinity"', '"-Infinity"'),
  number('the string "1e308"', '"1e308"'),
  number('null', 'null'),
  number('true', 'true'),
  number('an empty list', '[]'),
  number('an object', '{"valueOf":1}'),
  number('markup as a number', '"<img src=x onerror=alert(1)>"'),
];

export const LIST_PAYLOADS: readonly ListPayload[] = [
  { kind: 'list', name: '10,000 entries', values: Array.from({ length: 10_000 }, (_, index) => `entry-${index}`) },
  {
    kind: 'list',
    name: '10,000 hostile entries',
    values: Array.from({ length: 10_000 }, (_, index) => `<img src=x onerror=alert(${index % 10})>\u202E\u200B`),
  },
];

export const PAYLOADS: readonly Payload[] = [...TEXT_PAYLOADS, ...NUMBER_PAYLOADS, ...LIST_PAYLOADS];

/** A text payload this long (UTF-16 code units) is "huge": it is placed so that a response stays under the 5 MB body cap. */
export const HUGE = 100_000;
