/**
 * Text as a reader reads it: the issue keeps "No. 15" and a figure with its unit together with
 * non-breaking spaces (issue #11, lib/issue/prose.ts), which a screen reader and a reader take as spaces.
 */
export const asRead = (text: string | null | undefined): string => (text ?? '').replace(/\u00a0/g, ' ');
