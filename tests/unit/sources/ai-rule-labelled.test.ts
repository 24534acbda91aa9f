import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINKED_FROM_HUGGING_FACE, aiMatches, isAiRepository } from '@/lib/sources/ai-rule';
import { OWN_FIXTURES } from '../../support/paths';

/**
 * The AI/ML rule measured on repositories labelled by hand before the rule was
 * read (tests/fixtures/ai-rule). The main set is the one the rule was tuned
 * on; the held-out set was never used for tuning, so its figures are the
 * honest estimate of how the rule does on repositories it has not seen.
 */

interface Labelled {
  name: string;
  description: string;
  language: string | null;
  topics: string[];
  ai: boolean;
  reason: string;
}

const load = (file: string): Labelled[] => JSON.parse(readFileSync(join(OWN_FIXTURES, 'ai-rule', file), 'utf8')) as Labelled[];

const SETS = [
  { label: 'labelled', file: 'labelled-repositories.json', minimum: 240, floor: 0.95 },
  { label: 'held-out', file: 'held-out-repositories.json', minimum: 60, floor: 0.9 },
] as const;

const predicted = (entry: Labelled) =>
  isAiRepository({ name: entry.name, ...(entry.description ? { description: entry.description } : {}), tags: entry.topics });

/** True/false positives/negatives, AI/ML being the positive class. */
function count(entries: readonly Labelled[]) {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let trueNegatives = 0;
  const wrong: string[] = [];
  for (const entry of entries) {
    const said = predicted(entry);
    if (said && entry.ai) truePositives += 1;
    else if (said) falsePositives += 1;
    else if (entry.ai) falseNegatives += 1;
    else trueNegatives += 1;
    if (said !== entry.ai) wrong.push(`${said ? 'false positive' : 'false negative'}: ${entry.name}`);
  }
  return { truePositives, falsePositives, falseNegatives, trueNegatives, wrong };
}

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;

describe.each(SETS)('the $label set ($file)', ({ label, file, minimum, floor }) => {
  const entries = load(file);

  it(`has at least ${minimum} well-formed entries with unique names and both labels`, () => {
    expect(entries.length).toBeGreaterThanOrEqual(minimum);
    for (const entry of entries) {
      expect(entry.name, JSON.stringify(entry)).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(typeof entry.description).toBe('string');
      expect(entry.language === null || typeof entry.language === 'string').toBe(true);
      expect(Array.isArray(entry.topics) && entry.topics.every((topic) => typeof topic === 'string')).toBe(true);
      expect(typeof entry.ai).toBe('boolean');
      expect(entry.reason.trim(), entry.name).not.toBe('');
    }
    const names = entries.map((entry) => entry.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    const aiShare = entries.filter((entry) => entry.ai).length / entries.length;
    expect(aiShare).toBeGreaterThanOrEqual(0.35);
    expect(aiShare).toBeLessThanOrEqual(0.65);
  });

  it(`reaches precision and recall of at least ${floor * 100} %`, () => {
    const { truePositives: tp, falsePositives: fp, falseNegatives: fn, wrong } = count(entries);
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(
      `AI/ML rule on ${entries.length} ${label} repositories: precision ${percent(tp, tp + fp)} (${tp}/${tp + fp}), recall ${percent(tp, tp + fn)} (${tp}/${tp + fn})`,
    );
    expect(precision, wrong.join('\n')).toBeGreaterThanOrEqual(floor);
    expect(recall, wrong.join('\n')).toBeGreaterThanOrEqual(floor);
  });
});

describe('the labelled sets together', () => {
  it('share no repository', () => {
    const main = new Set(load('labelled-repositories.json').map((entry) => entry.name.toLowerCase()));
    const shared = load('held-out-repositories.json').filter((entry) => main.has(entry.name.toLowerCase()));
    expect(shared.map((entry) => entry.name)).toEqual([]);
  });
});

describe('the counting', () => {
  it('counts each kind of outcome once', () => {
    const entry = (name: string, description: string, ai: boolean): Labelled => ({ name, description, language: null, topics: [], ai, reason: 'test' });
    expect(
      count([
        entry('a/llm-server', 'Serve an LLM', true),
        entry('b/notes', 'AI-native notes', false),
        entry('c/relight', 'More relighting!', true),
        entry('d/editor', 'A text editor', false),
        entry('e/rag', 'RAG for your docs', true),
      ]),
    ).toEqual({
      truePositives: 2,
      falsePositives: 1,
      falseNegatives: 1,
      trueNegatives: 1,
      wrong: ['false positive: b/notes', 'false negative: c/relight'],
    });
  });
});

describe('linkedRepositories (repositories the Hugging Face sources link)', () => {
  const liveportrait = { name: 'KwaiVGI/LivePortrait', description: 'Bring portraits to life!' };
  const linked: ReadonlySet<string> = new Set(['kwaivgi/liveportrait']);

  it('counts a linked repository whatever its text, matching the name in any case', () => {
    expect(isAiRepository(liveportrait)).toBe(false);
    expect(isAiRepository(liveportrait, [], linked)).toBe(true);
    expect(aiMatches(liveportrait, [], linked)).toEqual([LINKED_FROM_HUGGING_FACE]);
  });

  it('does not count a repository that is not in the set', () => {
    const other = { name: 'KwaiVGI/LivePortrait-extras', description: 'Bring portraits to life!' };
    expect(isAiRepository(other, [], linked)).toBe(false);
    expect(aiMatches(other, [], linked)).toEqual([]);
    expect(isAiRepository(liveportrait, [], new Set())).toBe(false);
  });

  it('puts the link first, before the keywords that also match', () => {
    const rag = { name: 'x/rag-kit', description: 'LLM tools' };
    expect(aiMatches(rag, [], new Set(['x/rag-kit']))).toEqual([LINKED_FROM_HUGGING_FACE, 'llm', 'rag']);
  });
});
