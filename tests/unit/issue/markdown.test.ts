import { describe, expect, it } from 'vitest';
import { isSafeLink } from '@/lib/shared/links';
import { escapeMarkdown, issueFileName, issueToMarkdown as toMarkdown, sparkline } from '@/lib/issue/markdown';
import type { Claim, Entry, Issue, Mover } from '@/lib/shared/issue-types';

/** The export as a reader reads it: its non-breaking spaces ("No. 15", "12.5K likes": tests/unit/issue/lists.test.ts) as spaces. */
const issueToMarkdown = (...args: Parameters<typeof toMarkdown>) => toMarkdown(...args).replaceAll('\u00a0', ' ');

// Names, ids and figures below are copied by hand from ../shared/fixtures/*.json.
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
// 07:30 UTC on Friday, 27 November 2026; the issue was written for UTC.
const PUBLISHED = Date.UTC(2026, 10, 27, 7, 30);
const SINCE = PUBLISHED - 7 * DAY;

/** Remote text carrying every Markdown/HTML metacharacter, and a bare URL to autolink. */
const HOSTILE = '[click](https://evil.example) <img src=x onerror=alert(1)> **bold** _it_ `code` | ~~s~~ &amp; $x$ @user www.evil.example';
const HOSTILE_START = '# 1. - > not a heading';

function rankClaim(sourceId: Entry['sourceId'], itemId: string, rank: number): Claim {
  return { kind: 'rank', sourceId, itemId, at: PUBLISHED, rank, printed: [`No. ${rank}`] };
}

function entry(sourceId: Entry['sourceId'], rank: number, name: string, url: string, metrics: Entry['metrics'], isNew = false): Entry {
  return { sourceId, itemId: name, rank, name, url, metrics, isNew };
}

const climber: Mover = {
  sourceId: 'hf-models',
  itemId: 'orcarouter/Qwen3.8-27B-Uncensored-MLX',
  name: 'orcarouter/Qwen3.8-27B-Uncensored-MLX',
  url: 'https://huggingface.co/orcarouter/Qwen3.8-27B-Uncensored-MLX',
  rank: 1,
  climbed: 8,
  isNew: false,
  sinceAt: SINCE,
  // No. 9 → No. 1: the bars must rise as the rank number falls.
  sparkline: [9, 7, 4, 2, 1],
  sparklineOf: 'rank',
  claim: {
    kind: 'climb',
    sourceId: 'hf-models',
    itemId: 'orcarouter/Qwen3.8-27B-Uncensored-MLX',
    fromAt: SINCE,
    toAt: PUBLISHED,
    fromRank: 9,
    toRank: 1,
    printed: ['8', 'No. 1'],
  },
};

const grower: Mover = {
  sourceId: 'gh-search',
  itemId: 'bkingfilm/lapian-notes',
  name: 'bkingfilm/lapian-notes',
  url: 'https://github.com/bkingfilm/lapian-notes',
  rank: 1,
  isNew: false,
  perDay: 52,
  metric: 'stars',
  sinceAt: SINCE,
  sparkline: [100, 300, 500, 800],
  sparklineOf: 'stars',
  claim: {
    kind: 'growth',
    sourceId: 'gh-search',
    itemId: 'bkingfilm/lapian-notes',
    metric: 'stars',
    fromAt: SINCE,
    toAt: PUBLISHED,
    fromValue: 100,
    toValue: 308,
    perDay: 52,
    printed: ['52'],
  },
};

function sampleIssue(): Issue {
  return {
    number: 12,
    publishedAt: PUBLISHED,
    timeZone: 'UTC',
    masthead: {
      name: 'The AI Morning Post',
      tagline: 'Artificial Intelligence • Machine Learning • Future Tech',
      dateline: 'Friday, November 27, 2026',
      sources: [
        { sourceId: 'hf-models', label: 'Hugging Face models', lastSuccessAt: PUBLISHED - 20 * 60 * 1000, failing: false },
        { sourceId: 'gh-search', label: 'New AI repositories on GitHub', lastSuccessAt: PUBLISHED - 3 * HOUR, failing: true },
        { sourceId: 'hf-papers', label: 'Hugging Face daily papers', failing: false },
      ],
    },
    lead: {
      kicker: 'Lead',
      headline: 'Qwen3.8-27B Holds No. 1 as Its Copies Crowd the List',
      standfirst: 'Five of the top six trending models are Qwen/Qwen3.8-27B or a quantised copy of it.',
      paragraphs: [
        'Qwen/Qwen3.8-27B leads the trending models with 12,099 likes.',
        'unsloth/Qwen3.8-27B-GGUF follows at No. 2.',
      ],
      claims: [
        { kind: 'metric', sourceId: 'hf-models', itemId: 'Qwen/Qwen3.8-27B', at: PUBLISHED, metric: 'likes', value: 12099, printed: ['12,099'] },
        rankClaim('hf-models', 'unsloth/Qwen3.8-27B-GGUF', 2),
      ],
    },
    analysis: [
      {
        kicker: 'Deep Dive',
        headline: 'Image-Text-to-Text Takes the Top Spots',
        paragraphs: ['Three of the top five models are tagged image-text-to-text.'],
        claims: [
          { kind: 'count', sourceId: 'hf-models', at: PUBLISHED, top: 5, field: 'task', value: 'image-text-to-text', count: 3, printed: ['Three', '5'] },
        ],
      },
      {
        kicker: 'Opinion & Analysis',
        headline: 'Small Repositories, Fast Stars',
        standfirst: 'New AI repositories on GitHub gather stars in days.',
        paragraphs: [`A repository named ${HOSTILE} made the list.`],
        claims: [],
      },
    ],
    tools: [
      {
        kind: 'model',
        sourceId: 'hf-models',
        itemId: 'Qwen/Qwen3.8-27B',
        name: 'Qwen/Qwen3.8-27B',
        url: 'https://huggingface.co/Qwen/Qwen3.8-27B',
        description: 'Image-text-to-text model',
        figure: '12,099 likes',
        claim: { kind: 'metric', sourceId: 'hf-models', itemId: 'Qwen/Qwen3.8-27B', at: PUBLISHED, metric: 'likes', value: 12099, printed: ['12,099'] },
      },
      {
        kind: 'space',
        sourceId: 'hf-spaces',
        itemId: 'smolagents/hf-realtime-voice',
        name: 'smolagents/hf-realtime-voice',
        url: 'https://huggingface.co/spaces/smolagents/hf-realtime-voice',
        description: 'Docker space',
        figure: '377 likes',
        claim: { kind: 'metric', sourceId: 'hf-spaces', itemId: 'smolagents/hf-realtime-voice', at: PUBLISHED, metric: 'likes', value: 377, printed: ['377'] },
      },
      {
        kind: 'repository',
        sourceId: 'gh-search',
        itemId: 'ohad6k/ditto',
        name: 'ohad6k/ditto',
        url: 'https://github.com/ohad6k/ditto',
        description: 'Mine your Claude Code and Codex logs into a local you.md agent profile.',
        figure: '156 stars',
        claim: { kind: 'metric', sourceId: 'gh-search', itemId: 'ohad6k/ditto', at: PUBLISHED, metric: 'stars', value: 156, printed: ['156'] },
      },
      {
        kind: 'repository',
        sourceId: 'gh-search',
        itemId: 'KORAYTEACHER/fintech-advisor',
        name: 'KORAYTEACHER/fintech-advisor',
        url: 'javascript:alert(1)',
        description: 'ai fintech financial advisor for your portfolio',
        figure: '172 stars',
        claim: { kind: 'metric', sourceId: 'gh-search', itemId: 'KORAYTEACHER/fintech-advisor', at: PUBLISHED, metric: 'stars', value: 172, printed: ['172'] },
      },
    ],
    trending: {
      models: [
        entry('hf-models', 1, 'Qwen/Qwen3.8-27B', 'https://huggingface.co/Qwen/Qwen3.8-27B', { likes: 12099, downloads: 1_000_000, trendingScore: 900 }),
        entry('hf-models', 2, 'unsloth/Qwen3.8-27B-GGUF', 'https://huggingface.co/unsloth/Qwen3.8-27B-GGUF', { likes: 2601 }),
        entry('hf-models', 4, 'orcarouter/Qwen3.8-27B-Uncensored-FP8', 'https://huggingface.co/orcarouter/Qwen3.8-27B-Uncensored-FP8', { likes: 966 }, true),
      ],
      datasets: [
        entry('hf-datasets', 1, 'datasocial/tiktok-5.6B-videos', 'https://huggingface.co/datasets/datasocial/tiktok-5.6B-videos', { likes: 201 }),
        entry('hf-datasets', 2, HOSTILE, 'https://huggingface.co/datasets/XiaomiMiMo/MiMo-V2.6-RL-oss', { likes: 905 }, true),
        entry('hf-datasets', 3, HOSTILE_START, 'javascript:alert(1)', { likes: 60 }),
      ],
      repositories: [
        entry('gh-trending-daily', 1, 'bkingfilm/lapian-notes', 'https://github.com/bkingfilm/lapian-notes', { starsInPeriod: 1430, stars: 4548 }),
        entry('gh-search', 2, 'SilentFleetKK/ai-market-pulse', 'https://github.com/SilentFleetKK/ai-market-pulse', { stars: 155 }),
      ],
      spaces: [
        entry('hf-spaces', 1, 'Sneak-Moose/Pro-Realism-Edit-Studio', 'https://huggingface.co/spaces/Sneak-Moose/Pro-Realism-Edit-Studio', { likes: 552 }),
        entry('hf-spaces', 2, 'kulkas2pintu/wan555', 'https://huggingface.co/spaces/kulkas2pintu/wan555', { likes: 482 }),
      ],
    },
    movers: { sinceAt: SINCE, climbers: [climber], growth: [grower] },
    reading: [
      {
        arxivId: '2607.07964',
        title: 'KronQ: LLM Quantization via Kronecker-Factored Hessian',
        url: 'https://huggingface.co/papers/2607.07964',
        codeUrl: 'https://github.com/Intelligent-Computing-Lab-Panda/KronQ',
        authors: ['Donghyun Lee', 'Yuhang Li', 'Ruokai Yin', 'Priyadarshini Panda'],
        upvotes: 9,
      },
      {
        arxivId: '2607.06957',
        title: 'Flow-ERD: Agent-type Aware Flow Matching with Entropy-Regularized Distillation for Diverse Traffic Simulation',
        url: 'https://huggingface.co/papers/2607.06957',
        authors: ['Seulbin Hwang', 'Kiyoung Om', 'Daejung Kim'],
        upvotes: 3,
      },
      {
        arxivId: '2607.07673',
        title: 'MedPMC: A Systematic Framework for Scaling High-Fidelity Medical Multimodal Data for Foundation Models',
        url: 'https://huggingface.co/papers/2607.07673',
        codeUrl: 'javascript:alert(1)',
        authors: ['Hyunjae Kim'],
        upvotes: 1,
      },
    ],
  };
}

/** Every URL the issue carries (safe or not). */
function allUrls(issue: Issue): string[] {
  return [
    ...issue.tools.map((tool) => tool.url),
    ...Object.values(issue.trending).flatMap((entries: Entry[]) => entries.map((item) => item.url)),
    ...[...issue.movers.climbers, ...issue.movers.growth].map((mover) => mover.url),
    ...issue.reading.flatMap((paper) => [paper.url, ...(paper.codeUrl ? [paper.codeUrl] : [])]),
  ];
}

/** Positions of `chars` not escaped by a backslash (a backslash escapes the character after it). */
function unescaped(markdown: string, chars: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < markdown.length; i++) {
    const char = markdown[i]!;
    if (char === '\\') i++;
    else if (chars.includes(char)) found.push(char);
  }
  return found;
}

/** What a renderer shows for escaped text: a backslash before ASCII punctuation disappears. */
function unescape(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function lineWith(markdown: string, text: string): string {
  const line = markdown.split('\n').find((candidate) => candidate.includes(text));
  if (line === undefined) throw new Error(`no line contains ${text}`);
  return line;
}

describe('issueToMarkdown', () => {
  const issue = sampleIssue();
  const markdown = issueToMarkdown(issue);

  it('writes the sections as headings, in order', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# The AI Morning Post — No. 12',
      '## Qwen3.8-27B Holds No. 1 as Its Copies Crowd the List',
      '## Deep Dive: Image-Text-to-Text Takes the Top Spots',
      '## Opinion & Analysis: Small Repositories, Fast Stars',
      '## Tools of the Week',
      '## Trending',
      '### Models',
      '### Datasets',
      '### Repositories',
      '### Spaces',
      '## Biggest Movers This Week',
      '### Climbers',
      '### Fastest Growing',
      // No readingHeading stored (an issue from before issue #11): named for its day, Friday 27 November in UTC.
      '## Friday Reading',
    ]);
  });

  it('writes the dateline, tagline, standfirst in italics and every paragraph', () => {
    const lines = markdown.split('\n');
    expect(lines[2]).toBe(`**Friday, November 27, 2026** · *Artificial Intelligence • Machine Learning • Future Tech*`);
    expect(markdown).toContain('\n\n*Five of the top six trending models are Qwen/Qwen3.8-27B or a quantised copy of it.*\n\n');
    expect(markdown).toContain('\n\nQwen/Qwen3.8-27B leads the trending models with 12,099 likes.\n\n');
    expect(markdown).toContain('\n\nunsloth/Qwen3.8-27B-GGUF follows at No. 2.\n\n');
    expect(markdown).toContain('\n\n*New AI repositories on GitHub gather stars in days.*\n\n');
    expect(markdown.endsWith('\n')).toBe(true);
  });

  it('writes every safe URL as a Markdown link, and only those', () => {
    const safe = allUrls(issue).filter(isSafeLink);
    expect(safe.length).toBeGreaterThan(15);
    for (const url of safe) expect(markdown).toContain(`](${url})`);
    // Every live `[`/`]` opens or closes one of those links; remote brackets are escaped.
    expect(unescaped(markdown, '[')).toHaveLength(safe.length);
    expect(unescaped(markdown, ']')).toHaveLength(safe.length);
  });

  it('never writes an unsafe URL; the name stays as plain text', () => {
    expect(markdown).not.toContain('javascript');
    expect(lineWith(markdown, 'KORAYTEACHER')).toBe('- **KORAYTEACHER/fintech-advisor** — ai fintech financial advisor for your portfolio — 172 stars');
    expect(lineWith(markdown, 'not a heading')).toBe(`- **3.** ${escapeMarkdown(HOSTILE_START)} — 60 likes`);
    // The paper with an unsafe code URL has no code link.
    expect(lineWith(markdown, 'MedPMC')).toBe(
      '- [MedPMC: A Systematic Framework for Scaling High-Fidelity Medical Multimodal Data for Foundation Models](https://huggingface.co/papers/2607.07673) — Hyunjae Kim — 1 upvote',
    );
  });

  it('escapes remote text so it cannot add a link, HTML or emphasis', () => {
    // Only our own links, code spans (sparklines) and emphasis are live markup.
    expect(unescaped(markdown, '<>|~$@')).toEqual([]);
    expect(markdown).not.toMatch(/(^|[^\\])&(#?[A-Za-z0-9]+);/);
    expect(markdown).not.toContain('(https://evil.example)');
    expect(markdown).not.toMatch(/(^|[^\\])https?:\/\/evil/);
    expect(markdown).not.toMatch(/(^|[^\\])www\.evil/);
    const hostile = lineWith(markdown, '- **2.** [\\[click');
    expect(hostile).toBe(`- **2.** [${escapeMarkdown(HOSTILE)}](https://huggingface.co/datasets/XiaomiMiMo/MiMo-V2.6-RL-oss) — 905 likes — *new to the list*`);
    // Inside the story text too, and it still reads as the original once rendered.
    const paragraph = lineWith(markdown, 'A repository named');
    expect(unescaped(paragraph, '[]<>*_`|~$@')).toEqual([]);
    expect(unescape(paragraph)).toBe(`A repository named ${HOSTILE} made the list.`);
  });

  it('lists tools with name link, description and figure', () => {
    expect(lineWith(markdown, 'ohad6k/ditto')).toBe(
      '- **[ohad6k/ditto](https://github.com/ohad6k/ditto)** — Mine your Claude Code and Codex logs into a local you.md agent profile. — 156 stars',
    );
  });

  it('lists trending entries numbered 1…n, with the source rank where it differs, one figure and a new mark', () => {
    expect(lineWith(markdown, '- **1.** [Qwen/')).toBe(`- **1.** [Qwen/Qwen3.8-27B](https://huggingface.co/Qwen/Qwen3.8-27B) — 12,099 likes`);
    expect(lineWith(markdown, 'Uncensored-FP8')).toBe(
      // The third row of the fixture's models list, which the source ranks fourth (issue #11).
      `- **3.** [orcarouter/Qwen3.8-27B-Uncensored-FP8](https://huggingface.co/orcarouter/Qwen3.8-27B-Uncensored-FP8) (No. 4 on Hugging Face) — 966 likes — *new to the list*`,
    );
    expect(lineWith(markdown, '- **1.** [bkingfilm')).toBe(
      `- **1.** [bkingfilm/lapian-notes](https://github.com/bkingfilm/lapian-notes) — 1,430 stars today`,
    );
    expect(lineWith(markdown, 'ai-market-pulse')).toBe(
      '- **2.** [SilentFleetKK/ai-market-pulse](https://github.com/SilentFleetKK/ai-market-pulse) — 155 stars',
    );
  });

  it('draws each mover with what it is, its figure and a sparkline, ranks inverted', () => {
    expect(lineWith(markdown, 'Uncensored-MLX')).toBe(
      '- [orcarouter/Qwen3.8-27B-Uncensored-MLX](https://huggingface.co/orcarouter/Qwen3.8-27B-Uncensored-MLX) (model) — up 8 places to No. 1 — `▁▃▅▇█`',
    );
    expect(lineWith(markdown, '— +52')).toBe('- [bkingfilm/lapian-notes](https://github.com/bkingfilm/lapian-notes) (repository) — +52 stars a day — `▁▃▅█`');
    expect(markdown).toContain(`*Compared with the lists as they stood on Friday, November 20, 2026.*`);
  });

  it('lists papers with title link, authors, upvotes and the code link', () => {
    expect(lineWith(markdown, 'KronQ:')).toBe(
      '- [KronQ: LLM Quantization via Kronecker-Factored Hessian](https://huggingface.co/papers/2607.07964) — Donghyun Lee, Yuhang Li, Ruokai Yin et al. — 9 upvotes — [code](https://github.com/Intelligent-Computing-Lab-Panda/KronQ)',
    );
    expect(lineWith(markdown, 'Flow-ERD')).toMatch(/ — Seulbin Hwang, Kiyoung Om, Daejung Kim — 3 upvotes$/);
  });

  it('ends with when each source last refreshed', () => {
    const lines = markdown.trimEnd().split('\n');
    expect(lines.at(-3)).toBe('---');
    expect(lines.at(-1)).toMatch(/^\*Sources last refreshed — Hugging Face models: \S.* · New AI repositories on GitHub: \S.* \(failing\) · Hugging Face daily papers: never\*$/);
  });

  it('leaves out empty sections, and writes no link for a destination that is no repository page', () => {
    const sparse: Issue = {
      ...issue,
      analysis: [],
      tools: [],
      trending: { models: [entry('gh-search', 1, 'a/b', 'https://github.com/a/b)c (d)', { stars: 1 })], datasets: [], repositories: [], spaces: [] },
      movers: { climbers: [], growth: [] },
      reading: [],
    };
    const out = issueToMarkdown(sparse);
    expect(out.split('\n').filter((line) => line.startsWith('#'))).toEqual([
      '# The AI Morning Post — No. 12',
      '## Qwen3.8-27B Holds No. 1 as Its Copies Crowd the List',
      '## Trending',
      '### Models',
    ]);
    // `)`, `(` and a space are in no documented link shape (lib/shared/links.ts, issue #9): the name stays plain text.
    expect(out).toContain('**1.** a/b');
    expect(out).not.toContain('github.com');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['*bold* _it_', '\\*bold\\* \\_it\\_'],
    ['[x](https://evil.example)', '\\[x\\](https\\://evil.example)'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['`code`', '\\`code\\`'],
    ['a | b', 'a \\| b'],
    ['# Heading', '\\# Heading'],
    ['C# and F#', 'C# and F#'],
    ['title #', 'title \\#'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['2026. A year', '2026\\. A year'],
    ['---', '\\---'],
    ['> quote', '\\> quote'],
    ['www.evil.example', 'www\\.evil.example'],
    ['me@evil.example', 'me\\@evil.example'],
    ['&lt;b&gt; &#60; &#x3C;', '\\&lt;b\\&gt; \\&#60; \\&#x3C;'],
    ['Opinion & Analysis', 'Opinion & Analysis'],
    ['back\\slash', 'back\\\\slash'],
    ['two\n\nlines  \t here ', 'two lines here'],
    ['Qwen/Qwen3.8-27B', 'Qwen/Qwen3.8-27B'],
    // Invisible characters go before the escapes (issue #9, finding 5): an override or a zero-width space cannot
    // reach the export, nor hide a heading or list marker from the line-start rules.
    ['evil\u202Etxt.exe', 'eviltxt.exe'],
    ['\u2066isolated\u2069 \u200Fmark', 'isolated mark'],
    ['pay\u200Bpal \uFEFFbom', 'paypal bom'],
    ['\u200B# Heading', '\\# Heading'],
    ['\uFEFF- item', '\\- item'],
    ['\u202E[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['nul\u0000 \u001B[31m', 'nul \\[31m'],
    ['lone\uD800 half', 'lone half'],
    ['line\u2028break\u0085next', 'line break next'],
  ])('escapes %j', (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });

  it('reads as the original once rendered', () => {
    expect(unescape(escapeMarkdown(HOSTILE))).toBe(HOSTILE);
    expect(unescape(escapeMarkdown(HOSTILE_START))).toBe(HOSTILE_START);
  });
});

describe('sparkline', () => {
  it('maps the lowest value to ▁ and the highest to █', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([100, 300, 500, 800])).toBe('▁▃▅█');
  });

  it('inverts ranks: No. 1 is the tallest bar', () => {
    expect(sparkline([8, 7, 6, 5, 4, 3, 2, 1], true)).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([1, 5, 9], true)).toBe('█▅▁');
  });

  it('draws a flat series mid-height and nothing for no points', () => {
    expect(sparkline([3, 3, 3])).toBe('▄▄▄');
    expect(sparkline([])).toBe('');
  });
});

describe('issueFileName', () => {
  it('names the file by number and local publishing date', () => {
    expect(issueFileName(sampleIssue())).toBe('ai-morning-post-no-12-2026-11-27.md');
    expect(issueFileName({ ...sampleIssue(), number: 3, publishedAt: new Date(2026, 0, 5, 23, 59).getTime() })).toBe(
      'ai-morning-post-no-3-2026-01-05.md',
    );
  });
});
