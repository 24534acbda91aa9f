/** Every source the extension knows, in the order the reader sees them. */
export const SOURCE_IDS = [
  'hf-models',
  'hf-datasets',
  'hf-spaces',
  'hf-papers',
  'gh-trending-daily',
  'gh-trending-weekly',
  'gh-search',
] as const;
export type SourceId = (typeof SOURCE_IDS)[number];
