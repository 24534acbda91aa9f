import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceId } from '@/lib/sources/ids';
import type { FixtureServer } from './fixture-server';
import { OWN_FIXTURES, sharedFixture } from './paths';
import { redatedBody } from './redate';

/** Where each source's request lands on the fixture server (see lib/sources/*: `request()`). */
export const SOURCE_ROUTES: Record<SourceId, { route: string; contentType: string }> = {
  'hf-models': { route: 'huggingface.co/api/models', contentType: 'application/json; charset=utf-8' },
  'hf-datasets': { route: 'huggingface.co/api/datasets', contentType: 'application/json; charset=utf-8' },
  'hf-spaces': { route: 'huggingface.co/api/spaces', contentType: 'application/json; charset=utf-8' },
  'hf-papers': { route: 'huggingface.co/api/daily_papers', contentType: 'application/json; charset=utf-8' },
  'gh-trending-daily': { route: 'github.com/trending?since=daily', contentType: 'text/html; charset=utf-8' },
  'gh-trending-weekly': { route: 'github.com/trending?since=weekly', contentType: 'text/html; charset=utf-8' },
  'gh-search': { route: 'api.github.com/search/repositories', contentType: 'application/json; charset=utf-8' },
};

/** The real recorded responses in ../shared/fixtures, one per source. */
export function sharedRecordings(): Record<SourceId, string> {
  return {
    'hf-models': sharedFixture('hf-models-trending.json'),
    'hf-datasets': sharedFixture('hf-datasets-trending.json'),
    'hf-spaces': sharedFixture('hf-spaces-trending.json'),
    'hf-papers': sharedFixture('hf-daily-papers.json'),
    'gh-trending-daily': sharedFixture('github-trending-daily.html'),
    'gh-trending-weekly': sharedFixture('github-trending-weekly.html'),
    'gh-search': sharedFixture('github-search-topic-ai.json'),
  };
}

/** Responses this project wrote itself, shaped like the real ones (tests/fixtures/README.md). */
export function ownRecordings(): Record<SourceId, string> {
  return {
    'hf-models': join(OWN_FIXTURES, 'hf-models-trending-2026-11-26.json'),
    'hf-datasets': join(OWN_FIXTURES, 'hf-datasets-trending-2026-11-26.json'),
    'hf-spaces': join(OWN_FIXTURES, 'hf-spaces-trending-2026-11-26.json'),
    'hf-papers': join(OWN_FIXTURES, 'hf-daily-papers-2026-11-26.json'),
    'gh-trending-daily': join(OWN_FIXTURES, 'github-trending-daily-2021-markup.html'),
    'gh-trending-weekly': join(OWN_FIXTURES, 'github-trending-daily-2021-markup.html'),
    'gh-search': join(OWN_FIXTURES, 'github-search-2026-11-26.json'),
  };
}

/**
 * Serves each recording as if captured now (tests/support/redate.ts), so that
 * its items' own dates agree with the time the extension fetches them.
 * `asCaptured: true` serves the files exactly as recorded.
 */
export function serveRecordings(server: FixtureServer, files: Partial<Record<SourceId, string>>, options: { asCaptured?: boolean } = {}): void {
  for (const [id, file] of Object.entries(files) as [SourceId, string][]) {
    const body = readFileSync(file, 'utf8');
    server.respond(SOURCE_ROUTES[id].route, {
      body: options.asCaptured ? body : redatedBody(file, body, Date.now()),
      headers: { 'content-type': SOURCE_ROUTES[id].contentType },
    });
  }
}
