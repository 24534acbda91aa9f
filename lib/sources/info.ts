import type { MetricName } from './contract';
import type { SourceId } from './ids';

/**
 * What the pages need to know about each source, without the parsers: the
 * views import this, never the source modules (which would pull the HTML
 * parser into the new tab's bundle).
 */
export interface SourceInfo {
  /** What the reader calls it. */
  label: string;
  /** A tab's name in the side panel. */
  tab: string;
  /** Figures shown beside each item, most telling first. */
  metrics: readonly MetricName[];
  /** Which of the reader's filters apply (lib/filters.ts). */
  family: 'huggingface' | 'papers' | 'github';
  /** The host its request goes to, for "could not reach …" and the health line. */
  host: 'huggingface.co' | 'github.com' | 'api.github.com';
}

export const SOURCE_INFO: Record<SourceId, SourceInfo> = {
  'hf-models': { label: 'Hugging Face models', tab: 'Models', metrics: ['trendingScore', 'likes', 'downloads'], family: 'huggingface', host: 'huggingface.co' },
  'hf-datasets': { label: 'Hugging Face datasets', tab: 'Datasets', metrics: ['trendingScore', 'likes', 'downloads'], family: 'huggingface', host: 'huggingface.co' },
  'hf-spaces': { label: 'Hugging Face spaces', tab: 'Spaces', metrics: ['trendingScore', 'likes'], family: 'huggingface', host: 'huggingface.co' },
  'hf-papers': { label: 'Hugging Face daily papers', tab: 'Papers', metrics: ['upvotes'], family: 'papers', host: 'huggingface.co' },
  'gh-trending-daily': { label: 'GitHub trending today', tab: 'GitHub today', metrics: ['starsInPeriod', 'stars', 'forks'], family: 'github', host: 'github.com' },
  'gh-trending-weekly': { label: 'GitHub trending this week', tab: 'GitHub week', metrics: ['starsInPeriod', 'stars', 'forks'], family: 'github', host: 'github.com' },
  'gh-search': { label: 'New AI repositories on GitHub', tab: 'New repos', metrics: ['stars', 'forks'], family: 'github', host: 'api.github.com' },
};
