import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Real recorded responses captured by others; beside the clone, never committed (README). */
export const SHARED_FIXTURES = resolve(PROJECT_ROOT, '../shared/fixtures');
/** Responses this project wrote itself, shaped like the real ones. */
export const OWN_FIXTURES = join(PROJECT_ROOT, 'tests/fixtures');
export const CHROME_BUILD = join(PROJECT_ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD = join(PROJECT_ROOT, '.output/firefox-mv3');

/**
 * The path of a shared fixture. Throws, saying so plainly, when `../shared/fixtures`
 * is not beside the clone: those tests cannot run without it and must not pass.
 */
export function sharedFixture(name: string): string {
  if (!existsSync(SHARED_FIXTURES)) {
    throw new Error(
      `The shared fixtures folder is missing: expected ${SHARED_FIXTURES} (../shared/fixtures beside the clone). ` +
        'These tests read real recorded responses from it; clone the project next to shared/ to run them.',
    );
  }
  const path = join(SHARED_FIXTURES, name);
  if (!existsSync(path)) throw new Error(`Shared fixture ${name} is missing from ${SHARED_FIXTURES}.`);
  return path;
}
