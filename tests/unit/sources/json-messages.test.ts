import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { parseJsonBody, parseJsonList } from '@/lib/sources/json';
import { githubSearch } from '@/lib/sources/github-search';
import { SourceError } from '@/lib/sources/errors';

/** The failure message a call throws (it must throw a SourceError). */
function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (error instanceof SourceError) return error.message;
    throw error;
  }
  throw new Error('expected a SourceError');
}

const REMOTE = 'HOSTILE\u202E<img src=x onerror=alert(1)>';
const anyList = (body: string) => parseJsonList(body, v.object({ id: v.string() }), () => undefined, { limit: 5 });

describe('JSON failures are told in the extension’s words, never quoting the body (issue #9, finding 6)', () => {
  it.each([
    ['an empty body', '', 'the response is not JSON (it is empty)'],
    ['white space', ' \n\t', 'the response is not JSON (it is empty)'],
    ['an HTML page', `<!DOCTYPE html><title>${REMOTE}</title>`, 'the response is not JSON (it is an HTML page)'],
    ['an HTML fragment', `  <html lang="en"><body>${REMOTE}`, 'the response is not JSON (it is an HTML page)'],
    ['other markup', `<?xml version="1.0"?><error>${REMOTE}</error>`, 'the response is not JSON (it is markup)'],
    ['JSON cut off', `[{"id": "${REMOTE}"`, 'the response is not JSON (it is cut off or malformed)'],
    ['plain text', `${REMOTE} Service Unavailable`, 'the response is not JSON (it is plain text)'],
  ])('%s', (_, body, expected) => {
    expect(messageOf(() => parseJsonBody(body))).toBe(expected);
  });

  it.each([
    ['an error object', '{"error":"Invalid sort"}', 'expected a JSON list, got an object with "error"'],
    ['an object of remote keys only', `{"${REMOTE}": 1, "x": 2}`, 'expected a JSON list, got an object'],
    ['an object mixing both', `{"${REMOTE}": 1, "message": "m", "error": "e"}`, 'expected a JSON list, got an object with "error", "message"'],
    ['an empty object', '{}', 'expected a JSON list, got an empty object'],
    ['null', 'null', 'expected a JSON list, got null'],
    ['a string', `"${REMOTE}"`, 'expected a JSON list, got a string'],
  ])('a body that is not a list: %s', (_, body, expected) => {
    expect(messageOf(() => anyList(body))).toBe(expected);
  });

  it.each([
    ['an API error', '{"message":"Validation Failed","errors":[]}', 'the GitHub search result has no "items" list (it has "errors", "message")'],
    ['remote keys only', `{"${REMOTE}": []}`, 'the GitHub search result has no "items" list'],
  ])('GitHub search without items: %s', (_, body, expected) => {
    expect(messageOf(() => githubSearch.parse(body))).toBe(expected);
  });
});
