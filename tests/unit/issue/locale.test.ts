import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeIssue } from '@/lib/issue/compose';
import { inputsToJson, weekInputs } from '../../support/memory-history';

const ROOT = join(import.meta.dirname, '../../..');
const START = Date.UTC(2026, 10, 20, 6, 0);

/** The issue and its Markdown, composed by a fresh Node process with this machine locale and time zone. */
function composeUnder(file: string, lang: string, tz: string): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/support/compose-cli.ts'), file], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: lang, LC_ALL: lang, TZ: tz },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(result.stderr, `${lang} ${tz}`).toBe('');
  expect(result.status, `${lang} ${tz}`).toBe(0);
  return result.stdout;
}

describe('the issue does not depend on the machine', () => {
  it('is byte-identical under two machine locales and time zones, and written in English', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'amp-locale-'));
    try {
      const file = join(dir, 'inputs.json');
      // The reader's time zone is an input: Tokyo, whatever the machine says.
      writeFileSync(file, inputsToJson(weekInputs(START, 8, 'Asia/Tokyo')));
      const german = composeUnder(file, 'de_DE.UTF-8', 'America/Los_Angeles');
      const arabic = composeUnder(file, 'ar_EG.UTF-8', 'Pacific/Kiritimati');
      expect(german.length).toBeGreaterThan(10_000);
      expect(arabic).toBe(german);
      // English: thousands with a comma, the dateline in English for Tokyo's day (Nov 27, 15:01 in Tokyo).
      const issue = JSON.parse(german.slice(0, german.indexOf('\n'))) as { masthead: { dateline: string }; timeZone: string };
      expect(issue.masthead.dateline).toBe('Friday, November 27, 2026');
      expect(issue.timeZone).toBe('Asia/Tokyo');
      expect(german).toMatch(/\d,\d{3}/);
      expect(german).not.toMatch(/\d\.\d{3}(?!\d)|[٠-٩]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('dates the issue in the reader’s time zone, which is an input', () => {
    // Published 7 days and 60 s after 06:00 UTC on Nov 20: 15:01 on Friday Nov 27 in Tokyo, 22:01 on Thursday Nov 26 in Los Angeles.
    const tokyo = composeIssue(weekInputs(START, 8, 'Asia/Tokyo'));
    const angeles = composeIssue(weekInputs(START, 8, 'America/Los_Angeles'));
    expect(tokyo.publishedAt).toBe(angeles.publishedAt);
    expect(tokyo.masthead.dateline).toBe('Friday, November 27, 2026');
    expect(angeles.masthead.dateline).toBe('Thursday, November 26, 2026');
  });
});
