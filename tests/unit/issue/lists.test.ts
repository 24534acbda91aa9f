import { describe, expect, it } from 'vitest';
import { composeIssue } from '@/lib/issue/compose';
import type { IssueInputs } from '@/lib/issue/inputs';
import { issueToMarkdown } from '@/lib/issue/markdown';
import { keepTogether } from '@/lib/issue/prose';
import type { Issue } from '@/lib/shared/issue-types';
import { at, github, s1, S1_LATEST, S1_NOW, ties, twoLists } from '../../support/oracle/histories';

/**
 * Issue #11, item 5: lists a reader can follow. A filtered list is numbered 1…n and says how many rows it left
 * out and why; "No. 15" and "12.5K likes" never break across lines.
 */

const NBSP = '\u00a0';

/** Every string of an issue, with where it is. */
function stringsOf(value: unknown, path = 'issue', out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((item, index) => stringsOf(item, `${path}[${index}]`, out));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) stringsOf(item, `${path}.${key}`, out);
  return out;
}

/** Places where a line could break inside "No. 15" or between a figure and its unit. */
function breakable(text: string): string[] {
  return [...text.matchAll(/No\. \d+|\d[\d,.]*[KMBT]? (?:likes?|downloads?|stars?|upvotes?|places?)\b/g)].map((match) => match[0]);
}

const histories: [string, () => IssueInputs][] = [
  ['S1 (twelve models, a week)', () => s1()],
  ['S1 in Tokyo', () => s1('Asia/Tokyo')],
  ['two lists a day apart', () => twoLists(at('2026-11-26T09:00:00Z'), S1_LATEST, S1_NOW, 'UTC')],
  ['ties', ties],
  ['GitHub, filtered by the AI/ML rule', github],
];

describe('non-breaking spaces in composed issues', () => {
  it.each(histories)('%s: no "No. " or figure and unit is joined by a normal space, in any field or the Markdown', (_name, inputs) => {
    const issue = composeIssue(inputs());
    const found = [...stringsOf(issue), ['markdown', issueToMarkdown(issue)] as [string, string]].flatMap(([path, text]) => breakable(text).map((hit) => `${path}: "${hit}"`));
    const kept = stringsOf(issue).filter(([, text]) => text.includes(`No.${NBSP}`)).length;
    console.info(`${_name}: ${kept} strings hold "No.${NBSP}N", ${found.length} breakable`);
    expect(found).toEqual([]);
    // The test reads something: the Markdown's title names the issue's number.
    expect(issueToMarkdown(issue)).toContain(`No.${NBSP}${issue.number}`);
  });

  it('keepTogether joins only "No." before a number and a figure before its unit', () => {
    expect(keepTogether('Foo climbs 5 places to No. 1, with 12.5K likes and +1,204 likes a day.')).toBe(
      `Foo climbs 5${NBSP}places to No.${NBSP}1, with 12.5K${NBSP}likes and +1,204${NBSP}likes a day.`,
    );
    expect(keepTogether('No. one; 7 of the top 30 build on it; a 3 B model')).toBe('No. one; 7 of the top 30 build on it; a 3 B model');
  });
});

describe('a filtered list numbered 1…n', () => {
  // GitHub's weekly page in github(): 1 acme/css-grid-kit (not AI/ML), 2 lab/llm-router, 3 lab/vision-tools,
  // 4 kit/agent-shell, 5 big/deep-learning-course, 6 web/chatbot-ui, 7 sys/rust-db (not AI/ML), 8 rs/llm-infer.
  // By hand: six rows kept, ranks 2 3 4 5 6 8; two rows above the last kept one left out, both not AI/ML.
  const issue: Issue = composeIssue(github());

  it('keeps the source ranks in the issue and records the rows left out and why', () => {
    expect(issue.trending.repositories.map((entry) => entry.rank)).toEqual([2, 3, 4, 5, 6, 8]);
    expect(issue.leftOut).toEqual({ repositories: { count: 2, why: 'not-ai' } });
  });

  it('says the same in the Markdown: 1…6, the source rank where it differs, and the line under the list', () => {
    const markdown = issueToMarkdown(issue);
    const section = markdown.slice(markdown.indexOf('### Repositories'));
    const numbers = [...section.matchAll(/^- \*\*(\d+)\.\*\*/gm)].map((match) => Number(match[1]));
    console.info(section.split('\n').slice(0, 9).join('\n'));
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
    expect(section).toContain(`(No.${NBSP}2 on GitHub)`);
    expect(section).toContain(`(No.${NBSP}8 on GitHub)`);
    expect(section).toContain(`*2${NBSP}repositories that are not AI/ML left out.*`);
  });

  it('leaves nothing out of a list it did not filter', () => {
    const models = composeIssue(s1());
    expect(models.trending.models.map((entry) => entry.rank)).toEqual(models.trending.models.map((_entry, index) => index + 1));
    expect(models.leftOut?.models).toBeUndefined();
  });

  it('says "left out by your filters" when the reader filters GitHub by language', () => {
    const inputs = github();
    const filtered = composeIssue({ ...inputs, filters: { ...inputs.filters, githubLanguages: ['Python'] } });
    const left = filtered.leftOut?.repositories;
    console.info(`Python only: ranks ${filtered.trending.repositories.map((entry) => entry.rank).join(', ')}; left out ${JSON.stringify(left)}`);
    // By hand (GH_ITEMS): the Python AI/ML repositories are Nos. 2, 3 and 5; Nos. 1 and 4 above the last are left out.
    expect(filtered.trending.repositories.map((entry) => entry.rank)).toEqual([2, 3, 5]);
    expect(left).toEqual({ count: 2, why: 'filters' });
  });
});
