import { readFileSync } from 'node:fs';
import type { SourceId } from '@/lib/sources/ids';
import { redatedBody } from './redate';

/**
 * A recorded JSON response as it might read `day` days later, for end-to-end
 * runs across several days: the 21st entry climbs three places a day and every
 * entry gains likes, downloads, stars and upvotes in proportion to its rank.
 * HTML pages are served as recorded.
 */
export function shiftedRecording(sourceId: SourceId, file: string, day: number, at?: number): string {
  // As if captured at `at` (tests/support/redate.ts), then moved on by `day` days of trending.
  const raw = readFileSync(file, 'utf8');
  const body = at === undefined ? raw : redatedBody(file, raw, at);
  if (body.trimStart().startsWith('<') || day === 0) return body;
  const json = JSON.parse(body) as unknown;
  const list = (Array.isArray(json) ? json : (json as { items: unknown[] }).items) as Record<string, unknown>[];
  const bump = (entry: Record<string, unknown>, index: number) => {
    const target = sourceId === 'hf-papers' ? (entry.paper as Record<string, unknown>) : entry;
    for (const key of ['likes', 'downloads', 'stargazers_count', 'upvotes']) {
      if (typeof target[key] === 'number') target[key] = (target[key] as number) + (list.length - index) * day * 7;
    }
  };
  list.forEach(bump);
  const climber = list[Math.min(20, list.length - 1)]!;
  const rest = list.filter((entry) => entry !== climber);
  rest.splice(Math.max(0, list.indexOf(climber) - 3 * day), 0, climber);
  const shifted = Array.isArray(json) ? rest : { ...(json as object), items: rest };
  return JSON.stringify(shifted);
}
