import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrendingItem } from '@/lib/sources/contract';
import { SourceError } from '@/lib/sources/errors';
import { ghTrendingDaily, ghTrendingWeekly, parseCount, parseTrendingPage } from '@/lib/sources/github-trending';
import { MAX_COLLECTED_TEXT, MAX_HTML_DEPTH, MAX_ROW_ELEMENTS, MAX_TRENDING_ROWS } from '@/lib/shared/limits';
import { OWN_FIXTURES, sharedFixture } from '../../support/paths';

const read = (path: string) => readFileSync(path, 'utf8');

/** The parse error a body produces, or a failure when it parses. */
function parseFailure(body: string): SourceError {
  try {
    parseTrendingPage(body);
  } catch (caught) {
    expect(caught).toBeInstanceOf(SourceError);
    expect((caught as SourceError).failure.kind).toBe('parse');
    return caught as SourceError;
  }
  throw new Error('expected a parse error, but the body parsed');
}

/**
 * The repository hrefs of a page in document order, read with a plain regex
 * that knows each era's heading (h2 since 2023, h3 in 2019): an independent
 * check that items come out in page (= rank) order.
 */
function headingHrefs(html: string): string[] {
  return [...html.matchAll(/<h[123][^>]*>\s*<a\b[^>]*?\shref="\/([^"/]+\/[^"/]+)"/g)].map((match) => match[1]!);
}

describe('gh-trending sources', () => {
  it.each([
    ['gh-trending-daily', ghTrendingDaily, 'GitHub trending today', 'https://github.com/trending?since=daily'],
    ['gh-trending-weekly', ghTrendingWeekly, 'GitHub trending this week', 'https://github.com/trending?since=weekly'],
  ])('%s asks for the HTML page of its period', (id, source, label, url) => {
    expect(source.id).toBe(id);
    expect(source.label).toBe(label);
    expect(source.request({ now: 0 })).toEqual({ url, headers: { accept: 'text/html' } });
    expect(source.parse).toBe(parseTrendingPage);
  });
});

describe('parseTrendingPage over real recorded pages (../shared/fixtures)', () => {
  // Row counts from shared/fixtures/README.md: they vary (11 / 18 / 20 / 25), never assume 25.
  const cases: [file: string, count: number, first: TrendingItem][] = [
    [
      'github-trending-daily.html',
      11,
      {
        id: 'tinyhumansai/openhuman',
        name: 'tinyhumansai/openhuman',
        url: 'https://github.com/tinyhumansai/openhuman',
        description: 'Your Personal AI super intelligence. Private, Simple and extremely powerful.',
        language: 'Rust',
        metrics: { stars: 3342, forks: 310, starsInPeriod: 1014 },
      },
    ],
    [
      'github-trending-weekly.html',
      18,
      {
        // The weekly page's one row without a description is its first.
        id: 'anthropics/financial-services',
        name: 'anthropics/financial-services',
        url: 'https://github.com/anthropics/financial-services',
        language: 'Python',
        metrics: { stars: 21835, forks: 2941, starsInPeriod: 13176 },
      },
    ],
    [
      'github-trending-python-daily.html',
      20,
      {
        id: 'Alishahryar1/free-claude-code',
        name: 'Alishahryar1/free-claude-code',
        url: 'https://github.com/Alishahryar1/free-claude-code',
        description: 'Use claude-code for free in the terminal, VSCode extension or via discord like openclaw',
        language: 'Python',
        metrics: { stars: 11139, forks: 1636, starsInPeriod: 3975 },
      },
    ],
    [
      // ≤2019 markup (ol.repo-list > li, h3 > a, forks /o/r/network/members): still read.
      'github-trending-daily-2019-legacy-markup.html',
      25,
      {
        id: 'microsoft/Terminal',
        name: 'microsoft/Terminal',
        url: 'https://github.com/microsoft/Terminal',
        description: 'The new Windows Terminal, and the original Windows console host -- all in the same place!',
        language: 'C++',
        metrics: { stars: 33074, forks: 2914, starsInPeriod: 1573 },
      },
    ],
  ];

  it.each(cases)('%s yields %i repositories, the first read fully', (file, count, first) => {
    const html = read(sharedFixture(file));
    const { items, dropped } = parseTrendingPage(html);
    expect(items).toHaveLength(count);
    expect(dropped).toBe(0);
    expect(items[0]).toEqual(first);
    // Ranks follow page order.
    expect(items.map((item) => item.id)).toEqual(headingHrefs(html));
    for (const item of items) {
      expect(item.url).toBe(`https://github.com/${item.id}`);
      expect(item.url).toMatch(/^https:\/\/github\.com\/[A-Za-z0-9-]+\/[A-Za-z0-9_.-]+$/);
      expect(item.name).toBe(item.id);
      // Every real row carries all three numbers, as integers.
      for (const metric of ['stars', 'forks', 'starsInPeriod'] as const) {
        expect(Number.isInteger(item.metrics[metric]), `${item.id} ${metric}`).toBe(true);
      }
      // Texts are trimmed and collapsed.
      for (const text of [item.description, item.language]) {
        if (text !== undefined) expect(text).toBe(text.replace(/\s+/g, ' ').trim());
      }
    }
  });

  it('reads the daily page in rank order', () => {
    const { items } = parseTrendingPage(read(sharedFixture('github-trending-daily.html')));
    expect(items.map((item) => item.id)).toEqual([
      'tinyhumansai/openhuman',
      'rohitg00/agentmemory',
      'CloakHQ/CloakBrowser',
      'apernet/hysteria',
      'mattpocock/skills',
      'anonfaded/FadCam',
      'millionco/react-doctor',
      'rasbt/LLMs-from-scratch',
      'datawhalechina/hello-agents',
      'yikart/AiToEarn',
      'HKUDS/AI-Trader',
    ]);
    expect(items.map((item) => item.metrics.starsInPeriod)).toEqual([1014, 1048, 1606, 51, 3867, 116, 788, 772, 599, 1282, 229]);
  });

  it('reads "this week" counts, decodes entities and keeps emoji and CJK', () => {
    const { items } = parseTrendingPage(read(sharedFixture('github-trending-weekly.html')));
    const byId = new Map(items.map((item) => [item.id, item]));
    // The one row without a description has none, not an empty string.
    expect(items.filter((item) => item.description === undefined).map((item) => item.id)).toEqual(['anthropics/financial-services']);
    expect(byId.get('LearningCircuit/local-deep-research')?.description).toMatch(/Everything Local & Encrypted\.$/);
    expect(byId.get('AIDC-AI/Pixelle-Video')?.description).toBe('🚀 AI 全自动短视频引擎 | AI Fully Automated Short Video Engine');
    expect(byId.get('yikart/AiToEarn')?.description).toBe("Let's use AI to Earn!");
    expect(byId.get('Hmbown/DeepSeek-TUI')?.metrics).toEqual({ stars: 27075, forks: 2264, starsInPeriod: 20835 });
  });

  it('reads rows without a description or language on the 2019 page', () => {
    const { items } = parseTrendingPage(read(sharedFixture('github-trending-daily-2019-legacy-markup.html')));
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get('intel/wasm-micro-runtime')?.description).toBeUndefined();
    expect(byId.get('microsoft/PowerToys')?.language).toBeUndefined();
    expect(items.filter((item) => item.language === undefined)).toHaveLength(3);
    expect(byId.get('996icu/996.ICU')?.metrics.stars).toBe(243496);
  });
});

describe('parseTrendingPage over the project fixture (2020–22 markup)', () => {
  it('reads h1.h3 headings and forks linked as /owner/repo/network/members.repo', () => {
    const { items, dropped } = parseTrendingPage(read(join(OWN_FIXTURES, 'github-trending-daily-2021-markup.html')));
    expect(dropped).toBe(0);
    expect(items).toEqual([
      {
        id: 'quietloom/tensor-kiln',
        name: 'quietloom/tensor-kiln',
        url: 'https://github.com/quietloom/tensor-kiln',
        description: 'Bake small PyTorch models into WebGPU shaders & run them in the browser — it\'s fast 🔥',
        language: 'Python',
        metrics: { stars: 12480, forks: 1032, starsInPeriod: 2317 },
      },
      {
        id: 'paper-lantern/mdcat.lite',
        name: 'paper-lantern/mdcat.lite',
        url: 'https://github.com/paper-lantern/mdcat.lite',
        // Escaped markup in a description is text, decoded once, never markup.
        description: 'Render Markdown in the terminal. <script>alert(1)</script> is printed, not run.',
        // "1 star today": the singular.
        metrics: { stars: 845, forks: 31, starsInPeriod: 1 },
      },
      {
        id: 'orbit-7/wayfinder',
        name: 'orbit-7/wayfinder',
        url: 'https://github.com/orbit-7/wayfinder',
        language: 'Go',
        // No forks link: absent, not 0.
        metrics: { stars: 3004, starsInPeriod: 96 },
      },
    ]);
  });
});

/** A 2026-shaped row (data-view-component before class, tmp- classes). */
function row(href: string, options: { description?: string; stars?: string; forks?: string; period?: string } = {}): string {
  const repo = href.replace(/^\//, '');
  const { description, stars = '1,234', forks = '56', period = '789 stars today' } = options;
  return `
  <article class="Box-row">
    <h2 class="h3 lh-condensed">
      <a data-hydro-click="{&quot;x&quot;:1}" href="${href}" data-view-component="true" class="Link">
        <span data-view-component="true" class="text-normal">${repo.split('/')[0]} /</span>
        ${repo.split('/')[1] ?? ''}</a>
    </h2>
    ${description === undefined ? '' : `<p class="col-9 color-fg-muted my-1 tmp-pr-4">${description}</p>`}
    <div class="f6 color-fg-muted mt-2">
      <a href="/${repo}/stargazers" data-view-component="true" class="tmp-mr-3 Link Link--muted d-inline-block">${stars}</a>
      <a href="/${repo}/forks" data-view-component="true" class="tmp-mr-3 Link Link--muted d-inline-block">${forks}</a>
      <span data-view-component="true" class="tmp-mr-3 d-inline-block">Built by <a class="d-inline-block" href="/someone"><img alt="@someone"></a></span>
      <span data-view-component="true" class="d-inline-block float-sm-right">${period}</span>
    </div>
  </article>`;
}

const page = (...rows: string[]) =>
  `<!DOCTYPE html><html><head><title>Trending repositories on GitHub today · GitHub</title></head><body><div class="Box">${rows.join('')}</div></body></html>`;

describe('parseTrendingPage over bad input', () => {
  it.each([
    ['an empty body', '', /the response is empty/],
    ['whitespace', ' \n\t ', /the response is empty/],
    // Described in our words, never quoted (issue #9, finding 6).
    ['JSON (an API error)', '{"message":"API rate limit exceeded"}', /^the response is JSON, not the HTML trending page$/],
    ['a JSON list', '[{"full_name":"a/b"}]', /^the response is JSON, not the HTML trending page$/],
    ['plain text', 'Too many requests', /^the response is plain text, not the HTML trending page$/],
    [
      'the login wall',
      '<!DOCTYPE html><html><head><title>Sign in to GitHub · GitHub</title></head><body><form action="/session"><input name="login"></form></body></html>',
      // Its title is the server's text: not quoted.
      /^no repositories found: the trending page markup was not recognised$/,
    ],
    [
      'an error page',
      '<html><head><title>Unicorn! · GitHub</title></head><body><p>This page is taking too long to load.</p></body></html>',
      /^no repositories found: the trending page markup was not recognised$/,
    ],
    [
      'an empty trending page',
      page('<div class="blankslate"><h3>It looks like we don’t have any trending repositories for your choices.</h3></div>'),
      /no repositories found: the trending page markup was not recognised/,
    ],
    ['a page of rows whose links are all unusable', page(row('javascript:alert(1)'), row('/a/b/c')), /none of the 2 trending rows links to a GitHub repository/],
  ])('rejects %s with a parse error', (_name, body, message) => {
    expect(parseFailure(body).message).toMatch(message);
  });

  it('drops rows whose link is not a plain /owner/repo, and counts them', () => {
    const { items, dropped } = parseTrendingPage(
      page(
        row('/good/one'),
        row('javascript:alert(1)'),
        row('https://evil.example/x'),
        row('//evil.example/x'),
        row('/a/b/c'),
        row('/a/b?tab=readme'),
        row('/-bad/owner'),
        row('/good/..'),
        row('/good/two'),
        row('/good/one'),
      ),
    );
    expect(items.map((item) => item.id)).toEqual(['good/one', 'good/two']);
    expect(items.map((item) => item.url)).toEqual(['https://github.com/good/one', 'https://github.com/good/two']);
    // Seven unusable links, and one repeat of good/one (which keeps its first rank).
    expect(dropped).toBe(8);
  });

  it('keeps a description that contains markup-looking text as text', () => {
    const { items } = parseTrendingPage(
      page(row('/x/y', { description: '  Safe &lt;script&gt;alert("x")&lt;/script&gt; &amp; &#39;quoted&#39;\n   text  ' })),
    );
    expect(items[0]!.description).toBe(`Safe <script>alert("x")</script> & 'quoted' text`);
  });

  it('reads an empty description as absent', () => {
    const { items } = parseTrendingPage(page(row('/x/y', { description: '   \n  ' })));
    expect(items[0]).not.toHaveProperty('description');
  });

  it('reads numbers it cannot parse as absent, never 0', () => {
    const { items } = parseTrendingPage(page(row('/x/y', { stars: '1.2k', forks: '', period: 'lots of stars today' })));
    expect(items[0]!.metrics).toEqual({});
  });

  it.each([
    ['13,176 stars this week', 13176],
    ['2,004 stars this month', 2004],
    ['1 star today', 1],
  ])('reads "%s" as %i stars in the period', (period, value) => {
    const { items } = parseTrendingPage(page(row('/x/y', { period })));
    expect(items[0]!.metrics.starsInPeriod).toBe(value);
  });

  it('ignores a row inside a row: not a row of its own, and nothing of it read into the outer one', () => {
    const inner = row('/inner/repo', { description: 'The inner row.', stars: '9', period: '1 star today' });
    const outer = row('/outer/repo', { description: 'The outer row.', stars: '10', period: '2 stars today' }).replace('</article>', `${inner}</article>`);
    const { items, dropped } = parseTrendingPage(page(outer, row('/next/repo')));
    expect(items.map((item) => item.id)).toEqual(['outer/repo', 'next/repo']);
    expect(dropped).toBe(0);
    expect(items[0]).toEqual({
      id: 'outer/repo',
      name: 'outer/repo',
      url: 'https://github.com/outer/repo',
      description: 'The outer row.',
      metrics: { stars: 10, forks: 56, starsInPeriod: 2 },
    });
  });

  it('reads none of a row nested before the outer row’s own heading, description, language and "stars today"', () => {
    // Before issue #9 the inner row's heading link, paragraph and span came first and were taken as the outer row's.
    const inner =
      '<article class="Box-row"><h2><a href="/inner/repo">inner / repo</a></h2><p>The inner row.</p>' +
      '<span itemprop="programmingLanguage">Inner</span><span>7 stars today</span></article>';
    const outer =
      `<article class="Box-row">${inner}<h2 class="h3"><a href="/outer/repo">outer / repo</a></h2><p>The outer row.</p>` +
      '<span itemprop="programmingLanguage">Go</span><a href="/outer/repo/stargazers">10</a><span>2 stars today</span></article>';
    const { items, dropped } = parseTrendingPage(page(outer));
    expect(dropped).toBe(0);
    expect(items).toEqual([
      { id: 'outer/repo', name: 'outer/repo', url: 'https://github.com/outer/repo', description: 'The outer row.', language: 'Go', metrics: { stars: 10, starsInPeriod: 2 } },
    ]);
  });

  it('ignores rows nested 400 deep, reading the outermost (the shape that took 10 s, issue #9)', () => {
    const nested = `${'<article class="Box-row"><h2><a href="/in/side">in / side</a></h2><span>5 stars today</span>'.repeat(400)}${'</article>'.repeat(400)}`;
    const { items, dropped } = parseTrendingPage(page(nested.replace('/in/side', '/out/side'), row('/after/all')));
    expect(items.map((item) => [item.id, item.metrics.starsInPeriod])).toEqual([
      ['out/side', 5],
      ['after/all', 789],
    ]);
    expect(dropped).toBe(0);
  });

  it('reads the first 100 rows of a page (MAX_TRENDING_ROWS) and counts the rest as dropped', () => {
    expect(MAX_TRENDING_ROWS).toBe(100);
    const rows = Array.from({ length: 103 }, (_, index) => row(`/owner/repo-${index + 1}`));
    const { items, dropped } = parseTrendingPage(page(...rows));
    expect(items).toHaveLength(100);
    expect(items[0]!.id).toBe('owner/repo-1');
    expect(items[99]!.id).toBe('owner/repo-100');
    expect(dropped).toBe(3);
  });

  it('reads a row whose facts sit below elements nested past MAX_HTML_DEPTH, and not what is past it', () => {
    expect(MAX_HTML_DEPTH).toBe(128);
    // The row's own elements come first; 200 divs nest past the depth limit (the page's own elements are 4
    // deep: html, body, div.Box, article), and a stars link inside them, 205 deep, is not read. Their end tags
    // close what they opened, so the "stars today" span after them is the row's again.
    const deep = `${'<div>'.repeat(200)}<a href="/x/y/stargazers">999</a>${'</div>'.repeat(200)}`;
    const html = page(
      '<article class="Box-row"><h2><a href="/x/y">x / y</a></h2><p>Deep.</p>' + deep + '<a href="/x/y/forks">3</a><span>4 stars today</span></article>',
      row('/next/one'),
    );
    const { items } = parseTrendingPage(html);
    expect(items.map((item) => item.id)).toEqual(['x/y', 'next/one']);
    expect(items[0]!.metrics).toEqual({ forks: 3, starsInPeriod: 4 });
    expect(items[0]!.description).toBe('Deep.');
  });

  it('keeps the first 64 links of a row (MAX_ROW_ELEMENTS): a stars link after them is not read', () => {
    expect(MAX_ROW_ELEMENTS).toBe(64);
    const links = '<a href="/someone">x</a>'.repeat(63);
    const html = page(`<article class="Box-row"><h2><a href="/x/y">x / y</a></h2>${links}<a href="/x/y/stargazers">5</a></article>`);
    // The heading link is the first; 63 more make 64; the stars link is the 65th.
    expect(parseTrendingPage(html).items[0]!.metrics).toEqual({});
    const fewer = page(`<article class="Box-row"><h2><a href="/x/y">x / y</a></h2>${'<a href="/someone">x</a>'.repeat(62)}<a href="/x/y/stargazers">5</a></article>`);
    expect(parseTrendingPage(fewer).items[0]!.metrics).toEqual({ stars: 5 });
  });

  it('reads a description of 20,000 characters as its first 16,384 (MAX_COLLECTED_TEXT)', () => {
    expect(MAX_COLLECTED_TEXT).toBe(16_384);
    const { items } = parseTrendingPage(page(row('/x/y', { description: 'd'.repeat(20_000) })));
    expect(items[0]!.description).toBe('d'.repeat(16_384));
  });

  it('reads the row around markup nested deeper than it follows', () => {
    // 40 spans nested in the description's place: past the 16 elements whose text it follows at once. The row's
    // link, counts and "stars today" come after them and are read as ever.
    const nested = `${'<span>'.repeat(40)}deep${'</span>'.repeat(40)}`;
    const { items } = parseTrendingPage(page(row('/x/y', { description: 'Described.' }).replace('<div class="f6', `${nested}<div class="f6`)));
    expect(items).toEqual([{ id: 'x/y', name: 'x/y', url: 'https://github.com/x/y', description: 'Described.', metrics: { stars: 1234, forks: 56, starsInPeriod: 789 } }]);
  });

  it('does not read "stars today" out of a description', () => {
    const { items } = parseTrendingPage(page(row('/x/y', { description: '500 stars today', period: '' })));
    expect(items[0]!.description).toBe('500 stars today');
    expect(items[0]!.metrics.starsInPeriod).toBeUndefined();
  });
});

describe('parseTrendingPage: a whole page with bytes after it, and a page cut off (issue #9, finding 8)', () => {
  const whole = page(row('/first/one'), row('/second/two'));
  const ids = ['first/one', 'second/two'];

  it.each([
    ['a newline', '\n'],
    ['CR LF twice', '\r\n\r\n'],
    ['a NUL', '\0'],
    ['a replacement character', '\uFFFD'],
    ['garbage text', 'garbage'],
    ['a comment', '<!-- served by cache-7 -->'],
    ['the start of a tag', '<div'],
    ['a second, empty document', '<html></html>'],
  ])('reads a whole page followed by %s', (_name, trailing) => {
    const { items, dropped } = parseTrendingPage(whole + trailing);
    expect(items.map((item) => item.id)).toEqual(ids);
    expect(dropped).toBe(0);
  });

  it.each([
    ['in the middle of its second row', whole.slice(0, whole.lastIndexOf('<span data-view-component'))],
    ['just before its </html>', whole.slice(0, whole.lastIndexOf('</html>'))],
    ['inside its </html>', whole.slice(0, whole.lastIndexOf('</html>') + 4)],
    ['after a "</html>" that is inside a script only', `${whole.slice(0, whole.lastIndexOf('</body>'))}<script>var end = "</html>";</script>`],
  ])('refuses a page cut off %s', (_name, body) => {
    expect(parseFailure(body).message).toBe('the page ends early (no closing </html>): it was cut off');
  });

  it('refuses a page whose </html> ends no <html> element while a row is still open', () => {
    const body = `<body>${row('/first/one')}<article class="Box-row"><h2><a href="/second/two">second</a></h2></html>`;
    expect(parseFailure(body).message).toBe('the page ends early (inside a row): it was cut off');
  });

  it.each([
    'github-trending-daily.html',
    'github-trending-weekly.html',
    'github-trending-python-daily.html',
    'github-trending-daily-2019-legacy-markup.html',
  ])('reads the recorded %s the same with a stray byte after it, and refuses it cut in half', (file) => {
    const html = read(sharedFixture(file));
    const expected = parseTrendingPage(html);
    expect(parseTrendingPage(`${html}\0`)).toEqual(expected);
    expect(parseTrendingPage(`${html}x`)).toEqual(expected);
    expect(parseFailure(html.slice(0, Math.floor(html.length / 2))).message).toMatch(/it was cut off$/);
  });
});

describe('parseCount', () => {
  it.each([
    ['13,176', 13176],
    ['1,430', 1430],
    ['0', 0],
    ['42', 42],
    ['  4,548\n', 4548],
    ['1,234,567', 1234567],
    ['1.2k', undefined],
    ['', undefined],
    ['12,34', undefined],
    [',123', undefined],
    ['1,2345', undefined],
    ['-5', undefined],
    ['12 stars', undefined],
    ['NaN', undefined],
    ['9'.repeat(20), undefined],
  ])('parseCount(%j) is %s', (text, value) => {
    expect(parseCount(text)).toBe(value);
  });
});
