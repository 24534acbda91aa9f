import type { Issue } from '@/lib/shared/issue-types';

const T = Date.UTC(2026, 10, 28, 7, 0);
const WEEK = 7 * 86_400_000;

/**
 * A small issue written by hand, every section filled, for the tests of how
 * issues are stored (lib/history/issue-codec.ts, lib/history/issues.ts):
 * `overrides` replace whole top-level fields.
 */
export function handIssue(overrides: Partial<Issue> = {}): Issue {
  return {
    number: 7,
    publishedAt: T,
    timeZone: 'Europe/Berlin',
    masthead: {
      name: 'The AI Morning Post',
      tagline: 'Artificial Intelligence • Machine Learning • Future Tech',
      dateline: 'Saturday, November 28, 2026',
      sources: [
        { sourceId: 'hf-models', label: 'Hugging Face models', lastSuccessAt: T - 60_000, failing: false },
        { sourceId: 'gh-search', label: 'New AI repositories on GitHub', failing: true },
      ],
    },
    lead: {
      kicker: 'Lead',
      headline: 'Qwen3.8-27B holds No. 1',
      standfirst: 'A week at the top of the models list.',
      paragraphs: ['Qwen/Qwen3.8-27B is No. 1 of the trending models.'],
      claims: [{ kind: 'rank', sourceId: 'hf-models', itemId: 'Qwen/Qwen3.8-27B', at: T, rank: 1, printed: ['1'] }],
    },
    analysis: [
      {
        kicker: 'By the Numbers',
        headline: 'Text generation is 12 of 30',
        paragraphs: ['12 of the top 30 models generate text.'],
        claims: [{ kind: 'count', sourceId: 'hf-models', at: T, top: 30, field: 'task', value: 'text-generation', count: 12, printed: ['12', '30'] }],
      },
    ],
    // Saturday 28 November in Berlin.
    readingHeading: 'Weekend Reading',
    tools: [
      {
        kind: 'repository',
        sourceId: 'gh-trending-weekly',
        itemId: 'octo/agent',
        name: 'octo/agent',
        url: 'https://github.com/octo/agent',
        description: 'An agent framework.',
        figure: '+1,204 stars this week',
        claim: { kind: 'metric', sourceId: 'gh-trending-weekly', itemId: 'octo/agent', at: T, metric: 'starsInPeriod', value: 1204, printed: ['1,204'] },
      },
    ],
    trending: {
      models: [
        { sourceId: 'hf-models', itemId: 'Qwen/Qwen3.8-27B', rank: 1, name: 'Qwen/Qwen3.8-27B', url: 'https://huggingface.co/Qwen/Qwen3.8-27B', chip: 'text-generation', metrics: { likes: 13569, downloads: 2092169, trendingScore: 2047 }, climbed: 0, isNew: false },
        { sourceId: 'hf-models', itemId: 'gpt2', rank: 2, name: 'gpt2', url: 'https://huggingface.co/gpt2', metrics: { likes: 3 }, isNew: true },
      ],
      datasets: [{ sourceId: 'hf-datasets', itemId: 'ILSVRC/imagenet-1k', rank: 1, name: 'ILSVRC/imagenet-1k', url: 'https://huggingface.co/datasets/ILSVRC/imagenet-1k', metrics: { likes: 1255 }, isNew: false }],
      repositories: [
        { sourceId: 'gh-trending-weekly', itemId: 'octo/agent', rank: 1, name: 'octo/agent', url: 'https://github.com/octo/agent', description: 'An agent framework.', chip: 'Python', metrics: { stars: 9683, forks: 842, starsInPeriod: 1204 }, climbed: 17, isNew: false },
      ],
      spaces: [{ sourceId: 'hf-spaces', itemId: 'akhaliq/Unlimited-OCR', rank: 1, name: 'akhaliq/Unlimited-OCR', url: 'https://huggingface.co/spaces/akhaliq/Unlimited-OCR', chip: 'gradio', metrics: { likes: 284 }, isNew: false }],
    },
    movers: {
      heading: 'Biggest Movers This Week',
      sinceAt: T - WEEK,
      climbers: [
        {
          sourceId: 'hf-models',
          itemId: 'Qwen/Qwen3.8-27B',
          name: 'Qwen/Qwen3.8-27B',
          url: 'https://huggingface.co/Qwen/Qwen3.8-27B',
          rank: 1,
          isNew: false,
          climbed: 20,
          sinceAt: T - WEEK,
          sparkline: [21, 18, 13, 8, 1],
          sparklineOf: 'rank',
          claim: { kind: 'climb', sourceId: 'hf-models', itemId: 'Qwen/Qwen3.8-27B', fromAt: T - WEEK, toAt: T, fromRank: 21, toRank: 1, printed: ['21', '1', '20'] },
        },
      ],
      growth: [
        {
          sourceId: 'gh-trending-weekly',
          itemId: 'octo/agent',
          name: 'octo/agent',
          url: 'https://github.com/octo/agent',
          rank: 1,
          isNew: false,
          perDay: 172,
          metric: 'stars',
          sinceAt: T - WEEK,
          sparkline: [8479, 8651, 9683],
          sparklineOf: 'stars',
          claim: { kind: 'growth', sourceId: 'gh-trending-weekly', itemId: 'octo/agent', metric: 'stars', fromAt: T - WEEK, toAt: T, fromValue: 8479, toValue: 9683, perDay: 172, printed: ['172'] },
        },
      ],
    },
    reading: [
      {
        arxivId: '2607.07673',
        title: 'MedPMC: A Systematic Framework',
        url: 'https://huggingface.co/papers/2607.07673',
        codeUrl: 'https://github.com/Yale-BIDS-Chen-Lab/MedPMC',
        authors: ['Hyunjae Kim', 'Dain Kim'],
        upvotes: 1225,
        summary: 'Medicine is inherently multimodal.',
      },
    ],
    ...overrides,
  };
}
