import { readFileSync } from 'node:fs';
import type { FetchLike } from '@/lib/background/fetch-source';
import { SOURCE_IDS, type SourceId } from '@/lib/sources/ids';
import { ownRecordings, SOURCE_ROUTES } from './recordings';

/**
 * A fake `fetch` answering every source with the project's own recordings
 * (tests/fixtures, committed: these tests run without ../shared), counting the
 * requests each source received. Anything else is a 404.
 */
export function ownFetch(options: { answerAfterTurns?: number } = {}): { fetch: FetchLike; requests: Record<SourceId, number>; total: () => number; offline: Set<SourceId> } {
  const files = ownRecordings();
  const bodies = new Map(SOURCE_IDS.map((id) => [SOURCE_ROUTES[id].route, { id, body: readFileSync(files[id], 'utf8') }]));
  const requests = Object.fromEntries(SOURCE_IDS.map((id) => [id, 0])) as Record<SourceId, number>;
  /** Sources whose requests fail as a network failure would (counted all the same). */
  const offline = new Set<SourceId>();
  const fetch: FetchLike = async (url) => {
    const { host, pathname, search } = new URL(url);
    const found = bodies.get(`${host}${pathname}${search}`) ?? bodies.get(`${host}${pathname}`);
    if (!found) return new Response('', { status: 404 });
    requests[found.id]++;
    // A request that takes a while: other wakes run meanwhile (turns of the event loop, not time).
    for (let turn = 0; turn < (options.answerAfterTurns ?? 0); turn++) await new Promise((resolve) => setTimeout(resolve, 0));
    if (offline.has(found.id)) throw new TypeError('Failed to fetch');
    return new Response(found.body, { status: 200 });
  };
  return { fetch, requests, offline, total: () => Object.values(requests).reduce((sum, count) => sum + count, 0) };
}
