// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArchiveNav } from '@/components/issue/ArchiveNav';
import { ExportBar } from '@/components/issue/ExportBar';
import { IssueView, shortAuthors } from '@/components/issue/IssueView';
import { Sparkline } from '@/components/issue/Sparkline';
import { isoTime, timeOfDay } from '@/lib/shared/format';
import type { Claim, Entry, Issue, Mover } from '@/lib/shared/issue-types';

afterEach(cleanup);

// Real names and figures from ../shared/fixtures (hf-models-trending, hf-datasets-trending,
// hf-spaces-trending, github-trending-weekly, hf-daily-papers), set by hand.
const AT = Date.parse('2026-08-23T07:00:00');
const DAY = 86_400_000;
const HOSTILE = '<img src=x onerror=alert(1)>';

const rank = (itemId: string, at: number, r: number): Claim => ({ kind: 'rank', sourceId: 'hf-models', itemId, at, rank: r, printed: [String(r)] });

const entry = (sourceId: Entry['sourceId'], r: number, id: string, url: string, metrics: Entry['metrics'], extra: Partial<Entry> = {}): Entry => ({
  sourceId,
  itemId: id,
  rank: r,
  name: id,
  url,
  metrics,
  isNew: false,
  ...extra,
});

const mover = (r: number, id: string, sparkline: number[], extra: Partial<Mover> = {}): Mover => ({
  sourceId: 'hf-models',
  itemId: id,
  name: id,
  url: `https://huggingface.co/${id}`,
  rank: r,
  isNew: false,
  sinceAt: AT - 7 * DAY,
  sparkline,
  sparklineOf: 'rank',
  claim: rank(id, AT, r),
  ...extra,
});

const ISSUE: Issue = {
  number: 42,
  publishedAt: AT,
  masthead: {
    name: 'The AI Morning Post',
    tagline: 'Artificial Intelligence • Machine Learning • Future Tech',
    dateline: 'Sunday, August 23, 2026',
    sources: [
      { sourceId: 'hf-models', label: 'Hugging Face models', lastSuccessAt: AT - 2 * 60_000, failing: false },
      { sourceId: 'gh-trending-weekly', label: 'GitHub trending', lastSuccessAt: AT - 9 * 3_600_000, failing: true },
      { sourceId: 'hf-spaces', label: 'Hugging Face spaces', failing: true },
    ],
  },
  lead: {
    kicker: 'Lead',
    headline: 'Seven of the Top Ten Trending Models Are Builds of Qwen3.8-27B',
    standfirst: 'Quantised, uncensored and MLX variants of one base model crowd the list.',
    paragraphs: [
      'Qwen/Qwen3.8-27B leads the trending models with a trending score of 2,047 and 12,099 likes.',
      'unsloth/Qwen3.8-27B-GGUF counts 6,320,542 downloads over thirty days.',
    ],
    claims: [{ kind: 'metric', sourceId: 'hf-models', itemId: 'Qwen/Qwen3.8-27B', at: AT, metric: 'likes', value: 12099, printed: ['12,099'] }],
  },
  analysis: [
    {
      kicker: 'Deep Dive',
      headline: 'One Base Model, Eighteen Builds',
      paragraphs: ['18 of the top 30 trending models are builds of Qwen3.8-27B.', HOSTILE],
      claims: [],
    },
    {
      kicker: 'Opinion & Analysis',
      headline: 'Multimodal Input Overtakes Plain Text Generation',
      paragraphs: ['image-text-to-text is the most common task in the top 30: 12 models against 11.'],
      claims: [],
    },
  ],
  tools: [
    { kind: 'model', sourceId: 'hf-models', itemId: 'Lightricks/LTX-2.5', name: 'LTX-2.5', url: 'https://huggingface.co/Lightricks/LTX-2.5', description: 'Open image-to-video model', figure: '694,670 downloads in 30 days', claim: rank('Lightricks/LTX-2.5', AT, 8) },
    { kind: 'space', sourceId: 'hf-spaces', itemId: 'smolagents/hf-realtime-voice', name: 'hf-realtime-voice', url: 'https://huggingface.co/spaces/smolagents/hf-realtime-voice', description: 'Realtime voice agent demo', figure: '377 likes', claim: rank('smolagents/hf-realtime-voice', AT, 2) },
    { kind: 'repository', sourceId: 'gh-trending-weekly', itemId: 'Hmbown/DeepSeek-TUI', name: 'DeepSeek-TUI', url: 'https://github.com/Hmbown/DeepSeek-TUI', description: 'Coding agent for DeepSeek models that runs in your terminal', figure: '+20,835 stars this week', claim: rank('Hmbown/DeepSeek-TUI', AT, 2) },
    { kind: 'repository', sourceId: 'gh-trending-weekly', itemId: 'VectifyAI/PageIndex', name: 'PageIndex', url: 'javascript:alert(1)', description: 'Document index for vectorless, reasoning-based RAG', figure: '+4,351 stars this week', claim: rank('VectifyAI/PageIndex', AT, 8) },
  ],
  trending: {
    models: [
      entry('hf-models', 1, 'Qwen/Qwen3.8-27B', 'https://huggingface.co/Qwen/Qwen3.8-27B', { likes: 12099, downloads: 2090699 }, { chip: 'image-text-to-text' }),
      entry('hf-models', 2, 'unsloth/Qwen3.8-27B-GGUF', 'https://huggingface.co/unsloth/Qwen3.8-27B-GGUF', { likes: 2601, downloads: 6320542 }, { climbed: 3 }),
      entry('hf-models', 3, 'orcarouter/Qwen3.8-27B-Uncensored-MLX', 'https://huggingface.co/orcarouter/Qwen3.8-27B-Uncensored-MLX', { likes: 873 }, { isNew: true, chip: HOSTILE }),
    ],
    datasets: [
      entry('hf-datasets', 1, 'XiaomiMiMo/MiMo-V2.6-RL-oss', 'https://huggingface.co/datasets/XiaomiMiMo/MiMo-V2.6-RL-oss', { likes: 905, downloads: 110703 }),
      entry('hf-datasets', 2, 'espnet/yodas3', 'http://huggingface.co/datasets/espnet/yodas3', { likes: 232, downloads: 196604 }),
    ],
    repositories: [
      entry('gh-trending-weekly', 1, 'Hmbown/DeepSeek-TUI', 'https://github.com/Hmbown/DeepSeek-TUI', { starsInPeriod: 20835, stars: 27075 }, { chip: 'Rust', description: HOSTILE }),
    ],
    spaces: [],
  },
  movers: {
    sinceAt: AT - 7 * DAY,
    climbers: [
      mover(8, 'Lightricks/LTX-2.5', [21, 19, 17, 14, 12, 10, 8], { climbed: 13 }),
      mover(3, 'orcarouter/Qwen3.8-27B-Uncensored-MLX', [3], { isNew: true }),
    ],
    growth: [
      mover(1, 'Qwen/Qwen3.8-27B', [4012, 5520, 6890, 8120, 9600, 10850, 12099], { perDay: 1155, metric: 'likes', sparklineOf: 'likes' }),
    ],
  },
  reading: [
    {
      arxivId: '2607.08964',
      title: 'Long-Horizon-Terminal-Bench: Testing the Limits of Agents on Long-Horizon Terminal Tasks with Dense Reward-Based Grading',
      url: 'https://huggingface.co/papers/2607.08964',
      codeUrl: 'https://github.com/zli12321/LHTB',
      authors: ['Zongxia Li', 'Zhongzhi Li', 'Yucheng Shi'],
      upvotes: 38,
    },
    {
      arxivId: '2607.09657',
      title: 'Scalable Visual Pretraining for Language Intelligence',
      url: 'https://huggingface.co/papers/2607.09657',
      codeUrl: 'https://evil.example/code',
      authors: ['Yiming Zhang'],
      upvotes: 34,
    },
  ],
};

const section = (name: string) => document.querySelector<HTMLElement>(`[data-section="${name}"]`)!;
const hrefs = (root: ParentNode = document) => [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));

describe('the analysis on the page', () => {
  it('keeps the front page\'s order column by column: the feature and the next piece, then the rail', () => {
    const piece = (headline: string) => ({ kicker: 'By the Numbers', headline, paragraphs: ['Text.'], claims: [] });
    render(<IssueView issue={{ ...ISSUE, analysis: ['First', 'Second', 'Third', 'Fourth'].map(piece) }} />);
    const headlines = (selector: string) => [...section('analysis').querySelectorAll(`${selector} h3`)].map((h) => h.textContent);
    expect(headlines('')).toEqual(['First', 'Second', 'Third', 'Fourth']);
    expect(headlines('.analysis__main')).toEqual(['First', 'Second']);
    expect(headlines('.analysis__rail')).toEqual(['Third', 'Fourth']);
    cleanup();
    // Two in the rail: the feature alone on its side.
    render(<IssueView issue={{ ...ISSUE, analysis: ['First', 'Second', 'Third'].map(piece) }} />);
    expect(headlines('.analysis__main')).toEqual(['First']);
    expect(headlines('.analysis__rail')).toEqual(['Second', 'Third']);
  });
});

describe('IssueView', () => {
  it('renders the masthead and every section with its heading, in the sample order', () => {
    render(<IssueView issue={ISSUE} />);
    const h1 = screen.getAllByRole('heading', { level: 1 });
    expect(h1.map((h) => h.textContent)).toEqual(['The AI Morning Post']);
    const h2 = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(h2).toEqual([
      ISSUE.lead.headline,
      'Analysis',
      'Tools of the Week',
      "Trending: What's Gaining Momentum",
      'Biggest Movers',
      // This issue has no readingHeading (stored before issue #11): a name that holds on any day.
      'Reading',
    ]);
    const header = document.querySelector('header')!;
    expect(header.textContent).toContain('Sunday, August 23, 2026');
    expect(header.textContent).toContain('No.\u00a042');
    expect(header.querySelector('time')?.getAttribute('datetime')).toBe(isoTime(AT));
    // The articles: the lead and each analysis piece, with kicker, headline and paragraphs.
    const articles = document.querySelectorAll('article');
    expect(articles).toHaveLength(3);
    expect(articles[0]!.textContent).toContain('Quantised, uncensored');
    expect(articles[0]!.querySelectorAll('p')).toHaveLength(4);
    expect(within(section('analysis')).getByText('Deep Dive')).toBeTruthy();
    expect(within(section('analysis')).getByRole('heading', { level: 3, name: 'Multimodal Input Overtakes Plain Text Generation' })).toBeTruthy();
    // Trending: four lists, models → datasets → repositories → spaces.
    const trendingHeadings = within(section('trending'))
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(trendingHeadings).toEqual(['Hugging Face Models', 'Hugging Face Datasets', 'GitHub AI/ML repositories', 'Hugging Face Spaces']);
    expect(section('trending').querySelectorAll('ol')).toHaveLength(3);
    expect(section('trending').textContent).toContain('Nothing on this list at publishing.');
    expect(within(section('movers')).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Climbers', 'Fastest growth']);
  });

  it('shows when each source last refreshed and marks the failing ones', () => {
    render(<IssueView issue={ISSUE} />);
    const lines = [...document.querySelectorAll('[data-source]')];
    expect(lines.map((line) => line.textContent)).toEqual([
      `Hugging Face models · ${timeOfDay(AT - 2 * 60_000, AT)}`,
      `GitHub trending · ${timeOfDay(AT - 9 * 3_600_000, AT)} ▲ failing`,
      'Hugging Face spaces · no data yet ▲ failing',
    ]);
    expect(lines[0]!.querySelector('time')?.getAttribute('datetime')).toBe(isoTime(AT - 2 * 60_000));
  });

  it("links every item to the issue's own urls, and refuses the unsafe ones", () => {
    render(<IssueView issue={ISSUE} />);
    expect(hrefs(section('tools'))).toEqual([
      'https://huggingface.co/Lightricks/LTX-2.5',
      'https://huggingface.co/spaces/smolagents/hf-realtime-voice',
      'https://github.com/Hmbown/DeepSeek-TUI',
    ]);
    // The `javascript:` tool keeps its name, as text.
    expect(section('tools').textContent).toContain('PageIndex');
    expect(hrefs(section('trending'))).toEqual([
      'https://huggingface.co/Qwen/Qwen3.8-27B',
      'https://huggingface.co/unsloth/Qwen3.8-27B-GGUF',
      'https://huggingface.co/orcarouter/Qwen3.8-27B-Uncensored-MLX',
      'https://huggingface.co/datasets/XiaomiMiMo/MiMo-V2.6-RL-oss',
      'https://github.com/Hmbown/DeepSeek-TUI',
    ]);
    // http:// is not on the allowlist: the dataset is shown, unlinked.
    expect(section('trending').querySelector('[data-item-id="espnet/yodas3"]')?.textContent).toContain('yodas3');
    expect(section('trending').querySelector('[data-item-id="espnet/yodas3"] a')).toBeNull();
    expect(hrefs(section('reading'))).toEqual([
      'https://huggingface.co/papers/2607.08964',
      'https://github.com/zli12321/LHTB',
      'https://huggingface.co/papers/2607.09657',
    ]);
    for (const link of document.querySelectorAll('a')) expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('keeps hostile remote text as text', () => {
    render(<IssueView issue={ISSUE} />);
    expect(document.querySelector('img')).toBeNull();
    expect(section('analysis').textContent).toContain(HOSTILE);
    expect(section('trending').querySelector('[data-item-id="orcarouter/Qwen3.8-27B-Uncensored-MLX"]')?.textContent).toContain(HOSTILE);
    expect(section('trending').querySelector('[data-item-id="Hmbown/DeepSeek-TUI"]')?.textContent).toContain(HOSTILE);
  });

  it('shows the figures, the movement marks and the short author lists', () => {
    render(<IssueView issue={ISSUE} />);
    const models = section('trending').querySelector('[data-list="models"]')!;
    const rows = models.querySelectorAll('li');
    expect(rows[0]!.textContent).toContain('image-text-to-text');
    expect(rows[0]!.textContent).toContain('12.1K\u00a0likes');
    expect(rows[1]!.querySelector('.mark--up')?.textContent).toContain('▲ 3');
    expect(rows[2]!.querySelector('.mark--new')?.textContent).toBe('new to the list');
    const repo = section('trending').querySelector('[data-list="repositories"] li')!;
    expect(repo.textContent).toContain('20.8K\u00a0new stars');
    expect(repo.textContent).toContain('27.1K\u00a0stars');
    expect(section('tools').textContent).toContain('+20,835 stars this week');
    const climbers = section('movers').querySelectorAll('[data-list="climbers"] li');
    expect(climbers[0]!.textContent).toContain('▲ 13');
    expect(climbers[1]!.querySelector('.mark--new')).not.toBeNull();
    expect(section('movers').querySelector('[data-list="growth"] li')?.textContent).toContain('+1,155\u00a0likes a day');
    expect(section('movers').querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('rank over 7 days: from 21 to 8');
    expect(section('movers').querySelector('[data-list="growth"] [role="img"]')?.getAttribute('aria-label')).toBe('likes over 7 days: from 4,012 to 12,099');
    const papers = section('reading').querySelectorAll('li');
    expect(papers[0]!.textContent).toContain('Zongxia Li, Zhongzhi Li et al.');
    expect(papers[0]!.textContent).toContain('38\u00a0upvotes');
    expect(papers[1]!.textContent).toContain('Yiming Zhang');
    expect(shortAuthors([])).toBe('');
    expect(shortAuthors(['A', 'B'])).toBe('A, B');
    expect(shortAuthors(['A', 'B', 'C'])).toBe('A, B et al.');
  });

  it('says something short and true for empty sections', () => {
    render(
      <IssueView
        issue={{ ...ISSUE, analysis: [], tools: [], reading: [], movers: { climbers: [], growth: [] }, trending: { models: [], datasets: [], repositories: [], spaces: [] } }}
      />,
    );
    expect(section('analysis').textContent).toContain('No analysis today');
    expect(section('tools').textContent).toContain('No picks in this issue');
    expect(section('movers').textContent).toContain('Movers appear once the Post has a day of history.');
    expect(section('reading').textContent).toContain('No papers were on the list');
    expect(section('trending').querySelectorAll('.empty')).toHaveLength(4);
    expect(document.querySelectorAll('a')).toHaveLength(0);
    // A day of history, but nothing moved.
    cleanup();
    render(<IssueView issue={{ ...ISSUE, movers: { sinceAt: AT - DAY, climbers: [], growth: [] } }} />);
    expect(section('movers').textContent).toContain('Nothing moved since the last comparison.');
    expect(section('movers').querySelector('time')?.getAttribute('datetime')).toBe(isoTime(AT - DAY));
  });

  it('renders its controls under the masthead', () => {
    render(<IssueView issue={ISSUE} controls={<ArchiveNav number={42} latest={42} onShow={() => undefined} />} />);
    expect(screen.getByRole('navigation', { name: 'Archive' }).closest('.issue__controls')).not.toBeNull();
  });
});

describe('Sparkline', () => {
  const points = (svg: Element) =>
    svg
      .querySelector('polyline')!
      .getAttribute('points')!
      .split(' ')
      .map((pair) => pair.split(',').map(Number) as [number, number]);

  it('draws ranks inverted: a climb from 21 to 1 rises', () => {
    const { container } = render(<Sparkline values={[21, 15, 9, 4, 1]} of="rank" invert />);
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('rank over 5 days: from 21 to 1');
    const xy = points(svg);
    expect(xy).toHaveLength(5);
    expect(xy[0]![0]).toBeLessThan(xy[4]![0]);
    // SVG y grows downwards: the best rank is drawn highest.
    expect(xy[4]![1]).toBeLessThan(xy[0]![1]);
    for (const [x, y] of xy) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(80);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(20);
    }
  });

  it('draws growth upright, equal values flat; one point or none say "new" (issue #11)', () => {
    const up = render(<Sparkline values={[100, 200, 400]} of="likes" />);
    const rising = points(up.container.querySelector('svg')!);
    expect(rising[2]![1]).toBeLessThan(rising[0]![1]);
    cleanup();
    const flat = render(<Sparkline values={[5, 5, 5]} of="rank" invert />);
    expect(new Set(points(flat.container.querySelector('svg')!).map(([, y]) => y)).size).toBe(1);
    cleanup();
    const dot = render(<Sparkline values={[3]} of="rank" invert />);
    expect(dot.container.querySelector('svg')).toBeNull();
    expect(dot.container.querySelector('.sparkline--new')?.textContent).toBe('new');
    expect(dot.container.querySelector('.sparkline--new')?.getAttribute('title')).toBe('rank: 3, one day of history');
    cleanup();
    const none = render(<Sparkline values={[]} of="rank" />);
    expect(none.container.querySelector('svg')).toBeNull();
    expect(none.container.textContent).toBe('new');
  });
});

describe('ArchiveNav', () => {
  it('pages to the neighbours and disables at the ends', () => {
    const onShow = vi.fn();
    const { rerender } = render(<ArchiveNav number={5} latest={9} onShow={onShow} />);
    expect(screen.getByRole('navigation', { name: 'Archive' }).textContent).toContain('Issue 5 of 9');
    const [older, newer] = screen.getAllByRole('button') as HTMLButtonElement[];
    expect(older!.textContent).toContain('No.\u00a04');
    expect(newer!.textContent).toContain('No.\u00a06');
    fireEvent.click(older!);
    fireEvent.click(newer!);
    expect(onShow.mock.calls).toEqual([[4], [6]]);

    rerender(<ArchiveNav number={1} latest={9} onShow={onShow} />);
    expect((screen.getAllByRole('button')[0] as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getAllByRole('button')[1] as HTMLButtonElement).disabled).toBe(false);

    rerender(<ArchiveNav number={9} latest={9} onShow={onShow} />);
    expect((screen.getAllByRole('button')[0] as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getAllByRole('button')[1] as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getAllByRole('button')[1]!);
    expect(onShow).toHaveBeenCalledTimes(2);
  });

  it('disables both buttons when there is only one issue', () => {
    render(<ArchiveNav number={1} latest={1} onShow={() => undefined} />);
    expect(screen.getAllByRole('button').every((button) => (button as HTMLButtonElement).disabled)).toBe(true);
    expect(screen.getByRole('navigation').textContent).toContain('Issue 1 of 1');
  });
});

describe('ExportBar', () => {
  it('calls its handlers and shows the status in a live region', () => {
    const onCopy = vi.fn();
    const onDownload = vi.fn();
    const { rerender } = render(<ExportBar onCopy={onCopy} onDownload={onDownload} />);
    expect(screen.getByRole('status').textContent).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    expect(onCopy).toHaveBeenCalledTimes(1);
    expect(onDownload).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Download .md' }));
    expect(onDownload).toHaveBeenCalledTimes(1);
    rerender(<ExportBar onCopy={onCopy} onDownload={onDownload} status="Copied." />);
    expect(screen.getByRole('status').textContent).toBe('Copied.');
  });
});
