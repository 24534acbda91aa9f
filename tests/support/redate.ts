import { basename } from 'node:path';

/**
 * Recorded responses carry the dates of the day they were captured
 * (../shared/fixtures/README.md): a search result created in July, papers
 * featured in July. The extension checks an item's own dates against the time
 * it fetched the list (a response may not honour its query), so a July
 * recording served in November rightly shows no new repository and no paper
 * of the week. To show a recording "as if captured at `at`", every ISO-8601
 * timestamp in it is moved by the same amount: the time since its capture.
 */
export const CAPTURED_AT: Readonly<Record<string, number>> = {
  // Shared fixtures: the capture dates the fixtures README gives.
  'hf-models-trending.json': Date.parse('2026-08-22T18:37:00Z'),
  'hf-spaces-trending.json': Date.parse('2026-07-14T12:00:00Z'),
  'hf-daily-papers.json': Date.parse('2026-07-14T12:00:00Z'),
  'github-search-topic-ai.json': Date.parse('2026-07-14T12:00:00Z'),
  // The project's own fixtures carry their date in their name.
  'hf-models-trending-2026-11-26.json': Date.parse('2026-11-26T12:00:00Z'),
  'hf-datasets-trending-2026-11-26.json': Date.parse('2026-11-26T12:00:00Z'),
  'hf-spaces-trending-2026-11-26.json': Date.parse('2026-11-26T12:00:00Z'),
  'hf-daily-papers-2026-11-26.json': Date.parse('2026-11-26T12:00:00Z'),
  'github-search-2026-11-26.json': Date.parse('2026-11-26T12:00:00Z'),
};

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/** `value` with every ISO timestamp string in it moved by `shiftMs`. */
export function shiftDates<T>(value: T, shiftMs: number): T {
  if (shiftMs === 0) return value;
  if (typeof value === 'string') return (ISO.test(value) ? new Date(Date.parse(value) + shiftMs).toISOString() : value) as T;
  if (Array.isArray(value)) return value.map((entry) => shiftDates(entry, shiftMs)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, shiftDates(entry, shiftMs)])) as T;
  }
  return value;
}

/** How far the recording in `file` must move to read as captured at `at`; 0 for a file of unknown date (served as it is). */
export function shiftFor(file: string, at: number): number {
  const captured = CAPTURED_AT[basename(file)];
  return captured === undefined ? 0 : at - captured;
}

/** A recorded JSON body as if captured at `at`; HTML and files of unknown date unchanged. */
export function redatedBody(file: string, body: string, at: number): string {
  const shift = shiftFor(file, at);
  if (shift === 0 || body.trimStart().startsWith('<')) return body;
  return JSON.stringify(shiftDates(JSON.parse(body) as unknown, shift));
}
