import { readFileSync } from 'node:fs';
import { composeIssue } from '../../lib/issue/compose';
import { issueToMarkdown } from '../../lib/issue/markdown';
import { inputsFromJson } from './memory-history';

/**
 * `tsx tests/support/compose-cli.ts inputs.json`: composes the issue from
 * serialised inputs and prints it as JSON, then its Markdown. Run by
 * tests/unit/issue/locale.test.ts under several machine locales and time zones.
 */
const inputs = inputsFromJson(readFileSync(process.argv[2]!, 'utf8'));
const issue = composeIssue(inputs);
process.stdout.write(`${JSON.stringify(issue)}\n${issueToMarkdown(issue)}`);
