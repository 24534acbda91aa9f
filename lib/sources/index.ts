import type { Source } from './contract';
import { githubSearch } from './github-search';
import { ghTrendingDaily, ghTrendingWeekly } from './github-trending';
import { hfDatasets } from './hf-datasets';
import { hfModels } from './hf-models';
import { hfPapers } from './hf-papers';
import { hfSpaces } from './hf-spaces';
import type { SourceId } from './ids';

/**
 * Every source module, keyed by id; a test holds each of them to the contract.
 * Only the background worker imports this (it carries the HTML parser); pages
 * read `SOURCE_INFO` from ./info instead.
 */
export const SOURCES: Record<SourceId, Source> = {
  'hf-models': hfModels,
  'hf-datasets': hfDatasets,
  'hf-spaces': hfSpaces,
  'hf-papers': hfPapers,
  'gh-trending-daily': ghTrendingDaily,
  'gh-trending-weekly': ghTrendingWeekly,
  'gh-search': githubSearch,
};

export { SOURCE_IDS, type SourceId } from './ids';
export type { Source, TrendingItem, ParsedList, MetricName } from './contract';
