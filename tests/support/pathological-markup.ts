/**
 * Pathological trending pages of any size (issue #9, finding 2 and "Parsing in
 * linear time"): the shapes that made the old parser super-linear, and others
 * that could. Each is a whole page (it ends with `</html>`), about `bytes`
 * long, built by repeating a unit. Used by
 * tests/unit/sources/github-trending-linear.test.ts (work per byte) and
 * scripts/bench.ts (time for 1 MB).
 */

const ROW_HEAD = '<article class="Box-row"><h2 class="h3 lh-condensed"><a href="/owner/repo">owner / repo</a></h2>';
const page = (body: string) => `<!DOCTYPE html><html><head><title>Trending</title></head><body><div class="Box">${body}</div></body></html>`;

/** `open × n + middle + close × n`, n chosen so the page is about `bytes` long. */
function nested(bytes: number, open: string, close: string, before = '', middle = '', after = ''): string {
  const n = Math.max(1, Math.floor((bytes - before.length - after.length - middle.length - 100) / (open.length + close.length)));
  return page(before + open.repeat(n) + middle + close.repeat(n) + after);
}

/** `unit × n`, n chosen so the page is about `bytes` long. */
function repeated(bytes: number, unit: string, before = '', after = ''): string {
  const n = Math.max(1, Math.floor((bytes - before.length - after.length - 100) / unit.length));
  return page(before + unit.repeat(n) + after);
}

export const PATHOLOGICAL_SHAPES: Record<string, (bytes: number) => string> = {
  /** 200,000 nested spans in 1.2 MB took the old parser over a minute (finding 2). */
  'nested spans in a row': (bytes) => nested(bytes, '<span>', '</span>', ROW_HEAD, 'deep', '</article>'),
  /** 400 nested rows (26 kB) took the old parser 10 s (finding 2). */
  'rows nested in rows': (bytes) => nested(bytes, `${ROW_HEAD}<p>inner</p><span>1 star today</span>`, '</article>'),
  'deep nesting inside a heading': (bytes) =>
    nested(bytes, '<span><i>', '</i></span>', '<article class="Box-row"><h2 class="h3">', '<a href="/owner/repo">owner / repo</a>', '</h2></article>'),
  'a row with a link after link': (bytes) => repeated(bytes, '<a href="/owner/repo/stargazers">1,234</a>', ROW_HEAD, '</article>'),
  'unclosed tags in a row': (bytes) => repeated(bytes, '<div><p><span><a href="/o/r">x', ROW_HEAD, '</article>'),
  /** htmlparser2's Parser searched its whole stack for each end tag it had no element for. */
  'stray end tags under deep nesting': (bytes) => nested(bytes, '<div>', '</b></i></u>', ROW_HEAD, '', '</article>'),
  /** …and for an open `<form>` at each `<form>`: 16,000 of them took 1.2 s for 288 kB. */
  'forms under deep nesting': (bytes) => nested(bytes, '<div>', '<form></form>', ROW_HEAD, '', '</article>'),
  'entities in a description': (bytes) => repeated(bytes, '&amp;&#39;&lt;', `${ROW_HEAD}<p>`, '</p></article>'),
  'self-closing SVG elements': (bytes) => repeated(bytes, '<path d="M0"/>', `${ROW_HEAD}<svg>`, '</svg></article>'),
  'rows after rows': (bytes) => repeated(bytes, `${ROW_HEAD}<span>1 star today</span></article>`),
  'one long class attribute': (bytes) => repeated(bytes, 'x ', '<article class="', ' Box-row"><h2><a href="/owner/repo">r</a></h2></article>'),
};
