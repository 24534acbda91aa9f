import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/**
 * One pass over an HTML page as open, text and close events, in time linear
 * in its length whatever its markup (issue #9, "Parsing in linear time").
 *
 * htmlparser2's `Parser` keeps its open elements in an array it `unshift`s
 * and searches (`indexOf` for every end tag, `includes('form')` for every
 * form): each costs the depth of the page, so deep or unbalanced markup made
 * the pass quadratic — 16,000 `<div>`s with as many stray `</b>` took 181 ms
 * for 144 kB, 16,000 `<form>`s inside deep `<div>`s 1.2 s for 288 kB (probed
 * here, 2026-11-29). Its `Tokenizer` is a state machine over the characters,
 * linear; the tree is built here instead:
 * - the open elements are a stack with a count per name, so an end tag whose
 *   element is not open costs one lookup, and one that is open pops down to it,
 *   each element popped once (amortised constant);
 * - an element opening deeper than `maxDepth` is not reported: its text still
 *   reaches the elements around it, and its own end tag is consumed by it;
 * - the rules that matter for a row are htmlparser2's: void elements, the
 *   elements an opening tag closes (`<li>` an open `<li>`, `<p>` and block
 *   elements an open `<p>`…), self-closing tags only in SVG and MathML, and
 *   every element still open closed at the end of the page.
 * A stray `</p>` does not open an empty paragraph, as it does in htmlparser2.
 */

export interface HtmlEvents {
  /**
   * An element opens. `attributes` holds those asked for in
   * `ScanOptions.attributes`, entities decoded, first of each name; it is
   * valid during the call only (read, don't keep).
   */
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  /** Text, entities decoded, possibly in several pieces. */
  text(text: string): void;
  /** The element opened last and not yet closed closes (its end tag, an element that implies it, or the end of the page). */
  close(name: string): void;
  /** The page ends: called before the elements still open are closed. */
  end?(): void;
}

export interface ScanOptions {
  /** The attributes to read (lower case); others are skipped, however long. */
  attributes: readonly string[];
  /** Elements open at once beyond which an element is not reported. */
  maxDepth: number;
  /** Counts the scan's units of work (tokenizer events, stack pushes and pops): tests prove linearity with it. */
  meter?: { work: number };
}

export interface ScanResult {
  /** Whether the page has an `</html>` end tag (a page cut off in transit has none). */
  htmlClosed: boolean;
  /** Elements not reported because they opened deeper than `maxDepth`. */
  tooDeep: number;
}

/** Elements without content or end tag (htmlparser2's list). */
const VOID_ELEMENTS = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

const P = new Set(['p']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
const FORM_CONTROLS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
/** An element opening closes an open element of these names on top of the stack, repeatedly (htmlparser2's `openImpliesClose`). */
const OPEN_IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['a', new Set(['a'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((name): [string, ReadonlySet<string>] => [name, HEADINGS]),
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((name): [string, ReadonlySet<string>] => [name, FORM_CONTROLS]),
  ...[
    'p', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header',
    'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul',
  ].map((name): [string, ReadonlySet<string>] => [name, P]),
]);
/** Elements whose content is SVG or MathML, and those inside them whose content is HTML again. */
const FOREIGN = new Set(['svg', 'math']);
const HTML_INSIDE_FOREIGN = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

export function scanHtml(html: string, events: HtmlEvents, options: ScanOptions): ScanResult {
  const wanted = new Set(options.attributes);
  const meter = options.meter ?? { work: 0 };
  /** The open elements, innermost last, and whether each one's content is foreign (SVG, MathML). */
  const names: string[] = [];
  const foreign: boolean[] = [];
  const openByName = new Map<string, number>();
  /** End tags still owed by elements not reported for depth, by name. */
  const owedEndTags = new Map<string, number>();
  let tooDeep = 0;
  let htmlClosed = false;

  /** Shared by every element without a wanted attribute, so that most tags allocate none. */
  const none: Record<string, string> = Object.freeze({}) as Record<string, string>;
  let tagName = '';
  let attributes = none;
  let attributeName = '';
  let attributeValue = '';
  let readingAttribute = false;

  const slice = (start: number, end: number) => html.slice(start, end);
  const inForeign = () => foreign.at(-1) ?? false;

  const pop = () => {
    meter.work += 1;
    const name = names.pop()!;
    foreign.pop();
    openByName.set(name, openByName.get(name)! - 1);
    events.close(name);
  };

  const openElement = (selfClosing: boolean) => {
    const name = tagName;
    const closes = OPEN_IMPLIES_CLOSE.get(name);
    if (closes) while (names.length > 0 && closes.has(names.at(-1)!)) pop();
    if (VOID_ELEMENTS.has(name)) {
      events.open(name, attributes);
      events.close(name);
      return;
    }
    if (names.length >= options.maxDepth) {
      tooDeep += 1;
      if (!(selfClosing && inForeign())) owedEndTags.set(name, (owedEndTags.get(name) ?? 0) + 1);
      return;
    }
    meter.work += 1;
    names.push(name);
    foreign.push(FOREIGN.has(name) || (!HTML_INSIDE_FOREIGN.has(name) && inForeign()));
    openByName.set(name, (openByName.get(name) ?? 0) + 1);
    events.open(name, attributes);
    // `<path/>` closes itself in SVG and MathML; in HTML the slash means nothing (`<div/>` opens a div).
    if (selfClosing && inForeign()) pop();
  };

  const closeElement = (name: string) => {
    if (name === 'html') htmlClosed = true;
    if (VOID_ELEMENTS.has(name)) return;
    const owed = owedEndTags.get(name) ?? 0;
    if (owed > 0) {
      owedEndTags.set(name, owed - 1);
      return;
    }
    if ((openByName.get(name) ?? 0) === 0) return;
    while (names.at(-1) !== name) pop();
    pop();
  };

  const tagNameOf = (start: number, end: number) => {
    const name = slice(start, end).toLowerCase();
    return name === 'image' && !inForeign() ? 'img' : name;
  };

  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      meter.work += 1;
      tagName = tagNameOf(start, end);
      attributes = none;
    },
    onattribname(start, end) {
      meter.work += 1;
      attributeName = slice(start, end).toLowerCase();
      readingAttribute = wanted.has(attributeName) && !Object.hasOwn(attributes, attributeName);
      attributeValue = '';
    },
    onattribdata(start, end) {
      meter.work += 1;
      if (readingAttribute) attributeValue += slice(start, end);
    },
    onattribentity(codePoint) {
      meter.work += 1;
      if (readingAttribute) attributeValue += String.fromCodePoint(codePoint);
    },
    onattribend() {
      meter.work += 1;
      if (readingAttribute) {
        if (attributes === none) attributes = {};
        attributes[attributeName] = attributeValue;
      }
      readingAttribute = false;
    },
    onopentagend() {
      meter.work += 1;
      openElement(false);
    },
    onselfclosingtag() {
      meter.work += 1;
      openElement(true);
    },
    onclosetag(start, end) {
      meter.work += 1;
      closeElement(tagNameOf(start, end));
    },
    ontext(start, end) {
      meter.work += 1;
      events.text(slice(start, end));
    },
    ontextentity(codePoint) {
      meter.work += 1;
      events.text(String.fromCodePoint(codePoint));
    },
    oncdata() {
      meter.work += 1;
    },
    oncomment() {
      meter.work += 1;
    },
    ondeclaration() {
      meter.work += 1;
    },
    onprocessinginstruction() {
      meter.work += 1;
    },
    onend() {},
    // The tokenizer reads `<title>` and `<script>` as text-only in HTML, as elements in SVG.
    isInForeignContext: inForeign,
  };

  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  // One write of the whole page: the tokenizer's indices are then indices into `html`.
  tokenizer.write(html);
  tokenizer.end();
  events.end?.();
  while (names.length > 0) pop();
  return { htmlClosed, tooDeep };
}
