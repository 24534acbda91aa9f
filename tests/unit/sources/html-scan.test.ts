import { describe, expect, it } from 'vitest';
import { scanHtml, type ScanResult } from '@/lib/sources/html-scan';

/** The events of a scan, written as markup: `<name attr="value">`, text, `</name>`. */
function events(html: string, maxDepth = 128, attributes: readonly string[] = ['href', 'class']): { seen: string[]; result: ScanResult } {
  const seen: string[] = [];
  const result = scanHtml(
    html,
    {
      open: (name, attrs) => seen.push(`<${name}${Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join('')}>`),
      text: (text) => seen.push(text),
      close: (name) => seen.push(`</${name}>`),
    },
    { attributes, maxDepth },
  );
  return { seen, result };
}

describe('scanHtml builds the tree a browser would, for the markup rows use', () => {
  it.each<[string, string, string[]]>([
    ['an end tag', '<div>a</div>', ['<div>', 'a', '</div>']],
    ['a paragraph closed by the next one', '<p>a<p>b', ['<p>', 'a', '</p>', '<p>', 'b', '</p>']],
    ['a paragraph closed by a block', '<p>a<div>b</div>', ['<p>', 'a', '</p>', '<div>', 'b', '</div>']],
    ['list items closed by the next one', '<ul><li>a<li>b</ul>', ['<ul>', '<li>', 'a', '</li>', '<li>', 'b', '</li>', '</ul>']],
    ['a link closed by the next link', '<a href="/1">a<a href="/2">b</a>', ['<a href="/1">', 'a', '</a>', '<a href="/2">', 'b', '</a>']],
    ['void elements, opened and closed at once', '<div><img src=x><br>t</div>', ['<div>', '<img>', '</img>', '<br>', '</br>', 't', '</div>']],
    ['an end tag with no element open (ignored)', '<div>a</b>b</div>', ['<div>', 'a', 'b', '</div>']],
    ['an end tag closing the elements inside it', '<div><span><i>x</div>y', ['<div>', '<span>', '<i>', 'x', '</i>', '</span>', '</div>', 'y']],
    ['a stray </p> (no empty paragraph, unlike htmlparser2)', '<div>a</p>b</div>', ['<div>', 'a', 'b', '</div>']],
    ['a self-closing slash in HTML (it means nothing)', '<div/>x', ['<div>', 'x', '</div>']],
    ['a self-closing element in SVG', '<svg><path/><g>y</g></svg>', ['<svg>', '<path>', '</path>', '<g>', 'y', '</g>', '</svg>']],
    ['elements left open at the end of the page', '<div><p>x', ['<div>', '<p>', 'x', '</p>', '</div>']],
    ['entities in text, each its own piece', 'a &amp; b&#39;', ['a ', '&', ' b', "'"]],
    ['a script, read as text only', '<script>if (a<b) { "</div>" }</script>', ['<script>', 'if (a<b) { "</div>" }', '</script>']],
    ['tag names in capitals', '<DIV>a</Div>', ['<div>', 'a', '</div>']],
    [
      'the attributes asked for only, entities decoded, the first of each name',
      '<a data-x="skip" HREF="/a?x=1&amp;y=2" href="/second" class="c">t</a>',
      ['<a href="/a?x=1&y=2" class="c">', 't', '</a>'],
    ],
  ])('%s', (_name, html, expected) => {
    expect(events(html).seen).toEqual(expected);
  });
});

describe('scanHtml past its depth limit', () => {
  it('does not report an element opened deeper than maxDepth; its text still reaches the elements around it', () => {
    const { seen, result } = events('<div><span><i>t</i></span></div>', 2);
    expect(seen).toEqual(['<div>', '<span>', 't', '</span>', '</div>']);
    expect(result.tooDeep).toBe(1);
  });

  it('lets an unreported element consume its own end tag, so the elements around it close where they should', () => {
    const { seen } = events('<div><span><span>t</span>u</span>v</div>', 2);
    expect(seen).toEqual(['<div>', '<span>', 't', 'u', '</span>', 'v', '</div>']);
  });

  it('keeps at most maxDepth elements open however deep the markup', () => {
    let depth = 0;
    let deepest = 0;
    const result = scanHtml(
      `${'<span>'.repeat(10_000)}x${'</span>'.repeat(10_000)}`,
      {
        open: () => (deepest = Math.max(deepest, ++depth)),
        text: () => undefined,
        close: () => depth--,
      },
      { attributes: [], maxDepth: 128 },
    );
    expect(deepest).toBe(128);
    expect(depth).toBe(0);
    expect(result.tooDeep).toBe(9_872);
  });
});

describe('scanHtml says whether the page was whole', () => {
  it.each<[string, string, boolean]>([
    ['a page ending with </html>', '<html><body>x</body></html>', true],
    ['a newline after </html>', '<html><body>x</body></html>\n', true],
    ['a NUL after </html>', '<html><body>x</body></html>\0', true],
    ['garbage after </html>', '<html><body>x</body></html>\uFFFD\uFFFDgarbage<div', true],
    ['</HTML> in capitals', '<HTML><BODY>x</BODY></HTML>', true],
    ['a page cut off in its body', '<html><body><div>x', false],
    ['a page cut off inside its closing tag', '<html><body>x</body></ht', false],
    ['"</html>" inside a script only', '<html><body><script>document.write("</html>")</script>', false],
    ['"</html>" inside a comment only', '<html><body><!-- </html> -->', false],
  ])('%s: %s', (_name, html, whole) => {
    expect(events(html).result.htmlClosed).toBe(whole);
  });
});
