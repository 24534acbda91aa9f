import type { Source } from './contract';
import type { SourceId } from './ids';
import { hfModels } from './hf-models';

/** Every source module, keyed by id; a test holds each of them to the contract. */
export const SOURCES: Record<SourceId, Source> = {
  'hf-models': hfModels,
};

export { SOURCE_IDS, type SourceId } from './ids';
export type { Source, TrendingItem, ParsedList, MetricName } from './contract';
