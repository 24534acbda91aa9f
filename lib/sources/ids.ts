/** Every source the extension knows, in the order the reader sees them. */
export const SOURCE_IDS = ['hf-models'] as const;
export type SourceId = (typeof SOURCE_IDS)[number];
