import { describe, expect, it } from 'vitest';
import { composeIssue } from '@/lib/issue/compose';
import { factsOf } from '@/lib/issue/facts';
import { frontPage } from '@/lib/issue/front-page';
import type { IssueInputs } from '@/lib/issue/inputs';
import { STORY_SECTION, tellStory } from '@/lib/issue/pieces/news';
import { DETECTORS, storiesOf, type StoryCandidate, type StoryKind } from '@/lib/issue/stories';
import type { Issue } from '@/lib/shared/issue-types';
import { asRead, checkIssue } from '../../support/oracle/check';
import { composed, wordProblems } from '../../support/words';
import { day, inputsFor, models, T, windowOf, type ItemSpec } from './stories/support';

// What each item is (lib/issue/context.ts describeItem), by hand: the hand-made models are text generation (support.ts),
// "Lab/Nova-7B" gives its size by its name, and no owner here is in the reviewed table of accounts (no role is said).
/**
 * Each story kind told in words (lib/issue/pieces/news.ts, issue #11 items 2
 * and 4): for every detector, a small hand-made history where it fires; the
 * issue composed from it; the told story found where the front page puts it
 * (the lead when it scores above 45 and highest, else among the pieces after
 * it); its headline and paragraphs written out by hand; the claim oracle and
 * the word rules (tests/support/words.ts) finding nothing wrong.
 *
 * The lists are one a day at 06:00 UTC; the latest is Saturday 28 November
 * 2026 (day(0)), the issue is composed a minute later in UTC. So day(1) is
 * "yesterday", day(2) Thursday, day(3) Wednesday, day(4) Tuesday, day(6)
 * Sunday and day(7) "last Saturday".
 */

const NONE: ReadonlySet<string> = new Set();

/** The issue as a reader reads it, after the oracle and the word rules have found nothing wrong with it. */
function composeChecked(name: string, inputs: IssueInputs, ai: ReadonlySet<string> = NONE): Issue {
  const issue = asRead(composeIssue(inputs));
  const verdict = checkIssue(issue, inputs, { aiRepositories: ai });
  const words = wordProblems(composed(name, inputs, ai));
  console.info(`${name}: ${verdict.checked} facts checked by the oracle, ${verdict.problems.length} problems; ${words.length} word-rule problems; lead “${issue.lead.headline}”`);
  expect(verdict.problems).toEqual([]);
  expect(words).toEqual([]);
  return issue;
}

/** The candidates the front page tells, with their scores: [kind, subject, score]. */
const toldOf = (inputs: IssueInputs) => frontPage(factsOf(inputs)).told.map((story) => [story.kind, story.subject, story.score]);

const MOVEMENT = "What else moved on Hugging Face's trending models";

// ---------- the histories ----------

const BASE = 'Qwen/Qwen3-8B';
const derivative = (itemId: string, relation = 'quantized'): ItemSpec => ({ itemId, tags: [`base_model:${BASE}`, `base_model:${relation}:${BASE}`] });
const ELEVEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
/** Keys 1…11 with `key` moved to `rank`. */
const withAt = (key: number, rank: number): number[] => {
  const keys = ELEVEN.filter((other) => other !== key);
  keys.splice(rank - 1, 0, key);
  return keys;
};
/** Keys 1…12 without `key`. */
const without = (key: number): number[] => [...ELEVEN, 12].filter((other) => other !== key);

const WAVE: Record<number, ItemSpec> = {
  1: { itemId: BASE },
  2: derivative('unsloth/Qwen3-8B-GGUF'),
  3: derivative('bartowski/Qwen3-8B-GGUF'),
  4: derivative('mlx-community/Qwen3-8B-4bit'),
  5: derivative('someone/Qwen3-8B-abliterated', 'finetune'),
  6: derivative('other/Qwen3-8B-AWQ'),
  7: { itemId: 'lab/Other' },
  8: { itemId: 'lab/Another' },
};
const waveInputs = (items = WAVE) => inputsFor([windowOf('hf-models', items, [[day(7), [1, 2, 7, 8]], [day(1), [1, 2, 3, 7, 4, 8]], [day(0), [1, 5, 2, 3, 7, 4, 6, 8]]])]);

const debutInputs = (name = 'Lab/Nova-7B') =>
  inputsFor([windowOf('hf-models', models(12, { 12: { itemId: 'Lab/Nova-7B', name, firstSeenAt: T, createdAt: '2026-11-25T10:00:00.000Z' } }), [[day(2), ELEVEN], [day(1), ELEVEN], [day(0), [1, 12, 2, 3, 4, 5, 6, 7, 8, 9, 10]]])]);

const streakOneInputs = (name = 'lab/m1') => inputsFor([windowOf('hf-models', models(4, { 1: { name } }), [[day(1), [2, 1, 3]], [day(0), [1, 2, 3]]])]);
const streakThreeInputs = () => inputsFor([windowOf('hf-models', models(4), [[day(3), [2, 1, 3]], [day(2), [1, 2, 3]], [day(1), [1, 3, 2]], [day(0), [1, 2, 3]]])]);

/** lab/Other is No. 1 on both days (from the window's start: no streak); the GGUF passes its base in downloads. */
const overtakesInputs = (name = 'unsloth/Qwen3-8B-GGUF') =>
  inputsFor([
    windowOf('hf-models', { 1: { itemId: BASE }, 2: { ...derivative('unsloth/Qwen3-8B-GGUF'), name }, 3: { itemId: 'lab/Other' } }, [
      [day(1), [3, 1, 2], { downloads: [20000, 9500, 9000] }],
      [day(0), [3, 2, 1], { downloads: [21000, 15000, 10000] }],
    ]),
  ]);

const exitKnownInputs = (name = 'lab/m3') =>
  inputsFor([windowOf('hf-models', models(12, { 3: { name } }), [[day(5), without(3)], [day(4), withAt(3, 6)], [day(3), withAt(3, 5)], [day(2), withAt(3, 4)], [day(1), withAt(3, 4)], [day(0), without(3)]])]);
const exitAtLeastInputs = () => inputsFor([windowOf('hf-models', models(12), [[day(3), withAt(3, 1)], [day(2), withAt(3, 2)], [day(1), withAt(3, 2)], [day(0), without(3)]])]);

/** Fri 20: m12 absent; Sat 21 … Sat 28: m12 at these ranks. */
const stayingInputs = (name = 'lab/m12') => {
  const ranks = [9, 6, 2, 3, 3, 4, 3];
  const lists: [number, number[]][] = [
    [day(7), without(12)],
    ...ranks.map((rank, index): [number, number[]] => {
      const keys = without(12);
      keys.splice(rank - 1, 0, 12);
      return [day(6 - index), keys];
    }),
  ];
  return inputsFor([windowOf('hf-models', models(12, { 12: { name } }), lists)]);
};

const sweepItems = (owner: string): Record<number, ItemSpec> => ({
  1: { itemId: `${owner}/one` },
  2: { itemId: `${owner}/two` },
  3: { itemId: `${owner}/three` },
  6: { itemId: 'Bee/one' },
  7: { itemId: 'Cee/one' },
  8: { itemId: 'Dee/one' },
  9: { itemId: 'Eee/one' },
  10: { itemId: 'Fee/one' },
  11: { itemId: 'Gee/one' },
  12: { itemId: 'Hee/one' },
  13: { itemId: 'Iee/one' },
});
/** Yesterday the owner holds No. 1 and No. 4; today No. 1, 2 and 4. */
const sweepInputs = (owner = 'unsloth') => inputsFor([windowOf('hf-models', sweepItems(owner), [[day(1), [1, 6, 7, 2, 8, 9, 10, 11, 12, 13]], [day(0), [1, 2, 6, 3, 7, 8, 9, 10, 11, 12]]])]);

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);
const TAKEOVER: Record<number, ItemSpec> = {};
for (let key = 1; key <= 30; key++) TAKEOVER[key] = { itemId: `Lab/Model-${key}` };
for (let key = 101; key <= 120; key++) TAKEOVER[key] = { itemId: `quant/M${key}-GGUF` };
/** A list of 30: these GGUF keys first, then Lab/Model-1, -2… */
const list30 = (ggufs: number[]) => [...ggufs, ...range(1, 30 - ggufs.length)];
const takeoverInputs = () => inputsFor([windowOf('hf-models', TAKEOVER, [[day(7), list30(range(101, 109))], [day(1), list30(range(101, 115))], [day(0), list30(range(101, 116))]])]);

/** m1's likes from last Saturday to today, one list a day; m2 and m3 flat. */
const accelerationInputs = (name = 'lab/m1') =>
  inputsFor([
    windowOf(
      'hf-models',
      models(3, { 1: { name } }),
      [1000, 1020, 1040, 1060, 1080, 1100, 1120, 1240].map((value, index): [number, number[], { likes: number[] }] => [day(7 - index), [1, 2, 3], { likes: [value, 500, 10] }]),
    ),
  ]);

const PAPERS: Record<number, ItemSpec> = {
  // Featured Thu 26, with its code at acme/repo (GitHub's list spells it Acme/Repo).
  1: { itemId: '2611.01234', name: 'Sparse Routing for Long Contexts', publishedAt: '2026-11-26T20:00:00.000Z', codeUrl: 'https://github.com/acme/repo' },
  // Featured Fri 27, no code; named by a model's arxiv tag.
  2: { itemId: '2611.05678', name: 'Small Models Reason Too', publishedAt: '2026-11-27T20:00:00.000Z' },
  // An older paper: yesterday's list, so that the papers' source has a day's baseline.
  4: { itemId: '2611.00001', name: 'An Older Paper', publishedAt: '2026-11-08T20:00:00.000Z' },
};
const papers = (lists: [number, number[]][]) => windowOf('hf-papers', PAPERS, lists.map(([at, keys]) => [at, keys, { upvotes: keys.map(() => 10) }]));
const REPOS: Record<number, ItemSpec> = {
  1: { itemId: 'other/llm-tool', description: 'An LLM tool' },
  2: { itemId: 'Acme/Repo', description: 'Code for an AI paper' },
  3: { itemId: 'old/thing', description: 'An AI thing' },
};
const REPOS_AI = new Set(['other/llm-tool', 'Acme/Repo', 'old/thing']);
const viaCodeInputs = () => inputsFor([papers([[day(1), [4]], [day(0), [1, 4]]]), windowOf('gh-trending-weekly', REPOS, [[day(1), [1, 3]], [day(0), [1, 2, 3]]])]);
const viaArxivInputs = (name = 'lab/m2') =>
  inputsFor([
    papers([[day(1), [4]], [day(0), [2, 4]]]),
    windowOf('hf-models', { 1: { itemId: 'lab/m1' }, 2: { itemId: 'lab/m2', name, tags: ['arxiv:2611.05678v2'] }, 3: { itemId: 'lab/m3' } }, [[day(1), [1, 2, 3]], [day(0), [1, 3, 2]]]),
  ]);

const THEME: Record<number, ItemSpec> = {
  1: { itemId: 'a1/agent-kit', description: 'An AI agent framework', language: 'Python' },
  2: { itemId: 'a2/crew', description: 'Multi-agent LLM workflows', language: 'Python' },
  3: { itemId: 'a3/mcp-hub', description: 'MCP servers for LLM apps', language: 'TypeScript' },
  4: { itemId: 'a4/swarm', description: 'Agentic AI swarms', language: 'Python' },
  5: { itemId: 'a5/browser-use', description: 'Let AI agents use the browser', language: 'Python' },
  11: { itemId: 'b1/reagent-ml', description: 'Machine learning for chemistry reagents', language: 'Python' },
  12: { itemId: 'b2/eval', description: 'LLM evaluation suite', language: 'Python' },
  13: { itemId: 'b3/notebooks', description: 'Deep learning notebooks', language: 'Python' },
  14: { itemId: 'b4/vision', description: 'Computer vision models', language: 'Python' },
  15: { itemId: 'b5/datasets', description: 'AI datasets', language: 'Python' },
  16: { itemId: 'b6/tokenizer', description: 'A fast LLM tokenizer', language: 'Python' },
  17: { itemId: 'b7/bench', description: 'Benchmarks for machine learning', language: 'Python' },
};
const THEME_AI = new Set(Object.values(THEME).map((item) => item.itemId));
/** A weekly page of 8: the agent repositories given, then the others. */
const page = (agents: number[]) => [...agents, 11, 12, 13, 14, 15, 16, 17].slice(0, 8);
const agentsInputs = () => inputsFor([windowOf('gh-trending-weekly', THEME, [[day(7), page([1])], [day(1), page([1, 2])], [day(0), page([1, 2, 3, 4, 5])]])]);
const rustInputs = (language = 'Rust') => {
  const rust = { language };
  const items = { ...THEME, 13: { ...THEME[13]!, ...rust }, 14: { ...THEME[14]!, ...rust }, 15: { ...THEME[15]!, ...rust }, 16: { ...THEME[16]!, ...rust } };
  return inputsFor([windowOf('gh-trending-weekly', items, [[day(7), [11, 12, 17, 1]], [day(1), [11, 12, 17, 1]], [day(0), [11, 12, 13, 14, 15, 16, 17, 1]]])]);
};

// ---------- each kind, told ----------

describe('each story kind, told in the composed issue', () => {
  it('release-wave: five derivatives of one base in the top 8, four of them new since last Saturday — the lead', () => {
    const inputs = waveInputs();
    // Today's derivatives of Qwen3-8B, by rank: someone/…-abliterated (No. 2), unsloth/…-GGUF (3), bartowski/…-GGUF (4),
    // mlx-community/…-4bit (6), other/…-AWQ (7): 5. Last Saturday's list held only the base, unsloth's GGUF and lab's two,
    // so 4 are new. Yesterday 3 (unsloth, bartowski, mlx): the wave reaches 4 today. Score min(95, 40 + 4 × 5) = 60.
    expect(toldOf(inputs)).toEqual([['release-wave', BASE, 60]]);
    const { lead, analysis } = composeChecked('release-wave', inputs);
    expect(lead.kicker).toBe('Lead');
    expect(lead.headline).toBe("A release wave: 5 derivatives of Qwen/Qwen3-8B in Hugging Face's top 8");
    expect(lead.standfirst).toBe('Derivatives of one base model arrive together in the trending list; 4 of them are new since last Saturday.');
    expect(lead.paragraphs).toEqual([
      // The first three new ones by rank (No. 2, 4, 6); the fourth (AWQ, No. 7) is one of the "others".
      'Of the top 8 trending models on Hugging Face, 5 name Qwen/Qwen3-8B as their base model in their own tags. New among them since last Saturday: someone/Qwen3-8B-abliterated, bartowski/Qwen3-8B-GGUF and mlx-community/Qwen3-8B-4bit, among others.',
      // All 8 hand-made models are text generation; new since yesterday: the abliterated one and the AWQ (2). Owners: lab has
      // lab/Other and lab/Another (2), every other owner 1. The family count is left out: it is the wave's own news.
      // The wave has a standfirst of its own, so the list's first figure opens this paragraph.
      'Text-generation models take 8 of the top 8 places, and 2 models are new since yesterday. Of the authors, lab has 2 models in the list, more than any other.',
    ]);
    expect(analysis.map((story) => story.headline)).toEqual([MOVEMENT]);
  });

  it('high-debut: a new model straight in at No. 2 — the lead, its capitalised name opening the headline', () => {
    const inputs = debutInputs();
    // 60 + 3 × (11 − 2) = 87.
    expect(toldOf(inputs)).toEqual([['high-debut', 'Lab/Nova-7B', 87]]);
    const { lead } = composeChecked('high-debut', inputs);
    expect(lead.headline).toBe("Nova-7B enters Hugging Face's trending models at No. 2");
    // The list's first figure is the lead's standfirst (lib/issue/pieces/lead.ts writeLead).
    expect(lead.standfirst).toBe('Text-generation models take 11 of the top 11 places, and 1 model is new since yesterday.');
    expect(lead.paragraphs).toEqual([
      // The window's first list is Thursday's.
      'Straight in at No. 2: Lab/Nova-7B, a 7B text-generation model by Lab, is in none of the lists the Post has kept since Thursday, and first appeared in the latest list.',
      // 11 rows, all text generation; only Nova is new; lab (lower case) holds m1…m10: 10, Lab holds Nova: 1.
      'Of the authors, lab has 10 models in the list, more than any other.',
    ]);
  });

  it('streak-at-one, day 1: a new No. 1 — the lead, the lower-case name after the words', () => {
    const inputs = streakOneInputs();
    // Yesterday m2 first, today m1: day 1, milestone index 0, 50 + 5 × 0 = 50.
    expect(toldOf(inputs)).toEqual([['streak-at-one', 'lab/m1', 50]]);
    const { lead, analysis } = composeChecked('streak-at-one day 1', inputs);
    expect(lead.headline).toBe("A new No. 1 on Hugging Face's trending models: m1");
    // The list's first figure is the lead's standfirst (lib/issue/pieces/lead.ts writeLead).
    expect(lead.standfirst).toBe('Text-generation models take 3 of the top 3 places; no model is new since yesterday.');
    expect(lead.paragraphs).toEqual([
      "The top of Hugging Face's trending models has changed hands: lab/m1, a text-generation model by lab, is the new No. 1. It takes the place of lab/m2, No. 1 yesterday.",
      // 3 rows, the same three as yesterday, all lab's.
      'Of the authors, lab has 3 models in the list, more than any other.',
    ]);
    // m1's climb from No. 2 to No. 1 is the day's movement, a piece of its own.
    expect(analysis.map((story) => [story.kicker, story.headline])).toEqual([['By the Numbers', MOVEMENT]]);
    expect(analysis[0]!.paragraphs).toEqual(['Since yesterday, lab/m1 rose from No. 2 to No. 1, the largest climb in the top 3.']);
  });

  it('streak-at-one, day 3: No. 1 since Thursday, m2 before it on Wednesday — the lead', () => {
    const inputs = streakThreeInputs();
    // Thu, Fri, Sat: 3 days, milestone index 1: 50 + 5 × 1 = 55.
    expect(toldOf(inputs)).toEqual([['streak-at-one', 'lab/m1', 55]]);
    const { lead } = composeChecked('streak-at-one day 3', inputs);
    expect(lead.headline).toBe("For 3 days running, the No. 1 on Hugging Face's trending models: m1");
    // The list's first figure is the lead's standfirst (lib/issue/pieces/lead.ts writeLead).
    expect(lead.standfirst).toBe('Text-generation models take 3 of the top 3 places; no model is new since yesterday.');
    expect(lead.paragraphs).toEqual([
      "At the top of Hugging Face's trending models, lab/m1, a text-generation model by lab, has held the first place every day since it took it on Thursday.",
      'Of the authors, lab has 3 models in the list, more than any other.',
    ]);
  });

  it('overtakes-base: a GGUF passes its base in 30-day downloads — the lead, each figure with its period', () => {
    const inputs = overtakesInputs();
    // 15,000 ÷ 10,000 = 1.5 (said as "1.5 times as many"): 45 + min(20, round(10 × 0.5)) = 50. Yesterday 9,000 against 9,500: behind.
    expect(toldOf(inputs)).toEqual([['overtakes-base', 'unsloth/Qwen3-8B-GGUF', 50]]);
    const { lead } = composeChecked('overtakes-base', inputs);
    expect(lead.headline).toBe('Qwen3-8B-GGUF out-downloads the model it is built on');
    // The list's first figure is the lead's standfirst (lib/issue/pieces/lead.ts writeLead).
    expect(lead.standfirst).toBe('Text-generation models take 3 of the top 3 places; no model is new since yesterday.');
    expect(lead.paragraphs).toEqual([
      "On Hugging Face's trending models, unsloth/Qwen3-8B-GGUF now has more 30-day downloads than Qwen/Qwen3-8B, the base model its tags name: 15,000 to 10,000, 1.5 times as many. It was behind yesterday, with 9,000 to 9,500.",
      // Three owners with one model each (no author line); Qwen3-8B's family is 2 of 3 (under the 3 the line needs).
    ]);
  });

  it('exit, known start: gone after 4 days (Tuesday to Friday), best No. 4 — after the lead, under By the Numbers', () => {
    const inputs = exitKnownInputs();
    // Absent Mon, listed Tue (No. 6), Wed (5), Thu (4), Fri (4), gone today: 4 days, peak 4. 30 + 2 × 4 + (11 − 4) = 45,
    // not above 45: the day's movement leads.
    expect(toldOf(inputs)).toEqual([['exit', 'lab/m3', 45]]);
    const { lead, analysis } = composeChecked('exit, known start', inputs);
    expect(lead.headline).toBe("At the top of Hugging Face's trending models: m1");
    expect(analysis.map((story) => [story.kicker, story.headline])).toEqual([['By the Numbers', "After 4 days, off Hugging Face's trending models: m3"]]);
    expect(analysis[0]!.paragraphs).toEqual([
      "Gone from Hugging Face's trending models: lab/m3, a text-generation model by lab, is not in the latest list. It had been on the list every day since Tuesday; it was No. 4 yesterday, its best place.",
    ]);
  });

  it('exit, "at least": listed since the window began on Wednesday — after a streak that leads', () => {
    const inputs = exitAtLeastInputs();
    // m3 was No. 1 on Wednesday (the first list), No. 2 Thu and Fri, gone today: at least 3 days, peak 1:
    // 30 + 2 × 3 + (11 − 1) = 46. m1 has been No. 1 since Thursday (m3 first on Wednesday): 3 days, 55. The streak leads.
    expect(toldOf(inputs)).toEqual([
      ['streak-at-one', 'lab/m1', 55],
      ['exit', 'lab/m3', 46],
    ]);
    const { lead, analysis } = composeChecked('exit, at least', inputs);
    expect(lead.headline).toBe("For 3 days running, the No. 1 on Hugging Face's trending models: m1");
    // The exit (46) before the day's movement (45).
    expect(analysis.map((story) => [story.kicker, story.headline])).toEqual([
      ['By the Numbers', "After at least 3 days, off Hugging Face's trending models: m3"],
      ['By the Numbers', MOVEMENT],
    ]);
    expect(analysis[0]!.paragraphs).toEqual([
      "Gone from Hugging Face's trending models: lab/m3, a text-generation model by lab, is not in the latest list. It had been in every list the Post had kept since Wednesday; it was No. 2 yesterday, and its best place was No. 1.",
    ]);
  });

  it('staying-power: a week on the list, Sunday to today, best No. 2 — after the lead', () => {
    const inputs = stayingInputs();
    // Listed Sun 22 … Sat 28 (7 days), absent Sat 21; ranks 9, 6, 2, 3, 3, 4, 3: peak 2. 30 + 10 × 0 + (11 − 2) = 39.
    expect(toldOf(inputs)).toEqual([['staying-power', 'lab/m12', 39]]);
    const { lead, analysis } = composeChecked('staying-power', inputs);
    expect(lead.headline).toBe("At the top of Hugging Face's trending models: m1");
    expect(analysis.map((story) => [story.kicker, story.headline])).toEqual([['By the Numbers', "A run of 7 days on Hugging Face's trending models: m12"]]);
    expect(analysis[0]!.paragraphs).toEqual([
      "Still there: lab/m12, a text-generation model by lab, has been on Hugging Face's trending models every day since it entered on Sunday, and is No. 3 now; its best place was No. 2.",
    ]);
  });

  it('lab-sweep: a lower-case owner takes 3 of the top 5, 2 yesterday — the lead, the owner after the words', () => {
    const inputs = sweepInputs();
    // unsloth: No. 1, 2 and 4 today (3 of the top 5, 3 of the top 10); No. 1 and 4 yesterday. 50 + 10 × 0 + 3 × 3 = 59.
    expect(toldOf(inputs)).toEqual([['lab-sweep', 'unsloth', 59]]);
    const { lead } = composeChecked('lab-sweep', inputs);
    expect(lead.headline).toBe("On Hugging Face, 3 of the top 5 trending models are unsloth's");
    // The list's first figure is the lead's standfirst (lib/issue/pieces/lead.ts writeLead).
    expect(lead.standfirst).toBe('Text-generation models take 10 of the top 10 places, and 1 model is new since yesterday.');
    expect(lead.paragraphs).toEqual([
      "Of the top 5 on Hugging Face's trending models, 3 come from unsloth: unsloth/one, unsloth/two and unsloth/three. It had 2 of the top 5 yesterday.",
      // 10 rows; unsloth/three is the only one not in yesterday's list; unsloth 3, every other owner 1.
      'Of the authors, unsloth has 3 models in the list, more than any other.',
    ]);
  });

  it('derivative-takeover: quantisations pass half the top 30 — the lead, the share over the base it names', () => {
    const inputs = takeoverInputs();
    // 16 GGUF of 30 today (2 × 16 > 30: more than half), 15 yesterday (exactly half: a third), 9 last Saturday (a quarter).
    // 40 + 10 × 2 + round(20 × 16 ÷ 30 = 10.7) = 71.
    expect(toldOf(inputs)).toEqual([['derivative-takeover', 'quantisation', 71]]);
    const { lead } = composeChecked('derivative-takeover', inputs);
    expect(lead.headline).toBe('Quantisations take 16 of the top 30 on Hugging Face');
    // The list's first figure is the lead's standfirst (lib/issue/pieces/lead.ts writeLead).
    expect(lead.standfirst).toBe('Text-generation models take 30 of the top 30 places, and 1 model is new since yesterday.');
    expect(lead.paragraphs).toEqual([
      // 16 ÷ 30 = 53.3%.
      'Quantisations now hold 16 of the top 30 trending models on Hugging Face (53%), against 9 of 30 last Saturday. The highest: quant/M101-GGUF, quant/M102-GGUF and quant/M103-GGUF.',
      // New since yesterday: M116 only (Lab/Model-15 left). quant 16 against Lab's 14.
      'Of the authors, quant has 16 models in the list, more than any other.',
    ]);
  });

  it('derivative-takeover from none: uncensored remixes reach a quarter — after the lead, "none", not "0"', () => {
    const items: Record<number, ItemSpec> = { ...TAKEOVER };
    for (let key = 201; key <= 208; key++) items[key] = { itemId: `u/M${key}-abliterated` };
    const inputs = inputsFor([windowOf('hf-models', items, [[day(7), list30([])], [day(1), list30(range(201, 207))], [day(0), list30(range(201, 208))]])]);
    // 8 of 30 today (4 × 8 ≥ 30: a quarter), 7 yesterday (4 × 7 < 30), none last Saturday. 40 + 0 + round(20 × 8 ÷ 30 = 5.3) = 45,
    // not above 45: the day's movement leads.
    expect(toldOf(inputs)).toEqual([['derivative-takeover', 'uncensored', 45]]);
    const { analysis } = composeChecked('derivative-takeover from none', inputs);
    const story = analysis.find((piece) => piece.kicker === 'Deep Dive')!;
    expect(story.headline).toBe('Uncensored remixes take 8 of the top 30 on Hugging Face');
    // 8 ÷ 30 = 26.7%.
    expect(story.paragraphs).toEqual([
      'Uncensored remixes now hold 8 of the top 30 trending models on Hugging Face (27%), against none of 30 last Saturday. The highest: u/M201-abliterated, u/M202-abliterated and u/M203-abliterated.',
    ]);
  });

  it('acceleration: 120 likes a day against 20 — the lead, each pace with its period', () => {
    const inputs = accelerationInputs();
    // Earlier: (1,120 − 1,000) ÷ 6 days = 20 a day; recent: 1,240 − 1,120 = 120 in a day; 120 ÷ 20 = 6 (5× reached):
    // 40 + 10 × 1 + min(20, 6) = 56.
    expect(toldOf(inputs)).toEqual([['acceleration', 'lab/m1', 56]]);
    const { lead, analysis } = composeChecked('acceleration', inputs);
    expect(lead.headline).toBe('Gathering likes 6 times as fast as before: m1');
    // The list's first figure is the lead's standfirst (lib/issue/pieces/lead.ts writeLead).
    expect(lead.standfirst).toBe('Text-generation models take 3 of the top 3 places; no model is new since yesterday.');
    expect(lead.paragraphs).toEqual([
      "On Hugging Face's trending models, lab/m1, a text-generation model by lab, has been gaining 120 likes a day since yesterday. From last Saturday to yesterday, it gained 20 a day.",
      'Of the authors, lab has 3 models in the list, more than any other.',
    ]);
    // Nothing moved in the list: no movement piece.
    expect(analysis).toEqual([]);
  });

  it('acceleration on GitHub: 400 stars a day against 50 — stars, with their period', () => {
    const stars = [2000, 2050, 2100, 2150, 2200, 2250, 2300, 2700];
    const inputs = inputsFor([
      windowOf('gh-trending-weekly', { 1: { itemId: 'lab/fast-llm', description: 'Fast LLM inference', language: 'Rust' } }, stars.map((value, index): [number, number[], { stars: number[] }] => [day(7 - index), [1], { stars: [value] }])),
    ]);
    // Earlier: (2,300 − 2,000) ÷ 6 = 50 a day; recent: 2,700 − 2,300 = 400; 400 ÷ 50 = 8 (5× reached):
    // round(0.9 × (40 + 10 + 8)) = round(52.2) = 52.
    expect(toldOf(inputs)).toEqual([['acceleration', 'lab/fast-llm', 52]]);
    const { lead } = composeChecked('acceleration on GitHub', inputs, new Set(['lab/fast-llm']));
    expect(lead.headline).toBe('Gathering stars 8 times as fast as before: fast-llm');
    expect(lead.paragraphs).toEqual(["On GitHub's weekly trending page, lab/fast-llm, a Rust repository by lab, has been gaining 400 stars a day since yesterday. From last Saturday to yesterday, it gained 50 a day."]);
  });

  it('two-platforms via code: a paper of the week whose repository enters GitHub\'s weekly page — the lead', () => {
    const inputs = viaCodeInputs();
    // Acme/Repo at No. 2: round(0.9 × (50 + 11 − 2)) = round(53.1) = 53.
    expect(toldOf(inputs)).toEqual([['two-platforms', 'Acme/Repo', 53]]);
    const { lead, analysis } = composeChecked('two-platforms via code', inputs, REPOS_AI);
    // The repository is the paper's code, not the paper.
    expect(lead.headline).toBe('Repo, the code of a paper of the week, trends on GitHub');
    // No Hugging Face models in this history: no make-up of their list after the story.
    expect(lead.paragraphs).toEqual(["Among the week's papers on Hugging Face is “Sparse Routing for Long Contexts”. Its code, Acme/Repo, a repository by Acme, is No. 2 on GitHub's weekly trending page."]);
    expect(analysis).toEqual([]);
  });

  it("two-platforms via code, the week's most upvoted paper (issue #12): 'the code behind the week's most upvoted paper'", () => {
    // Six papers of the week (1, 2, 5–8; 4 is three weeks old): 1 has 40 upvotes, the next 12.
    const more: Record<number, ItemSpec> = Object.fromEntries([5, 6, 7, 8].map((key) => [key, { itemId: `2611.1000${key}`, name: `Paper ${key}`, publishedAt: '2026-11-27T20:00:00.000Z' }]));
    const inputs = inputsFor([
      windowOf('hf-papers', { ...PAPERS, ...more }, [
        [day(1), [4], { upvotes: [10] }],
        [day(0), [1, 2, 4, 5, 6, 7, 8], { upvotes: [40, 12, 900, 5, 4, 3, 2] }],
      ]),
      windowOf('gh-trending-weekly', REPOS, [[day(1), [1, 3]], [day(0), [1, 2, 3]]]),
    ]);
    expect(toldOf(inputs)).toEqual([['two-platforms', 'Acme/Repo', 53]]);
    const { lead } = composeChecked('two-platforms, the most upvoted paper', inputs, REPOS_AI);
    expect(lead.headline).toBe("Repo, the code behind the week's most upvoted paper, trends on GitHub");
    expect(lead.paragraphs[0]).toBe("The week's most upvoted paper on Hugging Face is “Sparse Routing for Long Contexts”. Its code, Acme/Repo, a repository by Acme, is No. 2 on GitHub's weekly trending page.");
  });

  it('two-platforms via arxiv: a top model whose arxiv tag names a paper of the week — the lead', () => {
    const inputs = viaArxivInputs();
    // lab/m2 at No. 3: 50 + 11 − 3 = 58.
    expect(toldOf(inputs)).toEqual([['two-platforms', 'lab/m2', 58]]);
    const { lead } = composeChecked('two-platforms via arxiv', inputs);
    expect(lead.headline).toBe('A trending model with a paper of the week: m2');
    // The list's first figure is the lead's standfirst (lib/issue/pieces/lead.ts writeLead).
    expect(lead.standfirst).toBe('Text-generation models take 3 of the top 3 places; no model is new since yesterday.');
    expect(lead.paragraphs).toEqual([
      "At No. 3 on Hugging Face's trending models, lab/m2 names “Small Models Reason Too”, one of the week's papers on Hugging Face, in its tags.",
      'Of the authors, lab has 3 models in the list, more than any other.',
    ]);
  });

  it('repo-theme, a keyword theme: agents from 1 of 8 last Saturday to 5 of 8 — the lead', () => {
    const inputs = agentsInputs();
    // round(0.9 × (35 + 5 × (5 − 1))) = round(49.5) = 50.
    expect(toldOf(inputs)).toEqual([['repo-theme', 'agents', 50]]);
    const { lead, analysis } = composeChecked('repo-theme agents', inputs, THEME_AI);
    expect(lead.headline).toBe('On GitHub, more AI repositories about agents: 5 of the 8 trending');
    expect(lead.paragraphs).toEqual([
      "Of the 8 AI repositories on GitHub's weekly trending page, 5 are about agents, against 1 of 8 last Saturday. Among them: a1/agent-kit, a2/crew and a3/mcp-hub.",
    ]);
    expect(analysis.map((story) => story.kicker)).toEqual(['Opinion & Analysis']);
  });

  it('repo-theme, a language: Rust from none of 4 last Saturday to 4 of 8 — "none", not "0"', () => {
    const inputs = rustInputs();
    // round(0.9 × (35 + 5 × (4 − 0))) = round(49.5) = 50.
    expect(toldOf(inputs)).toEqual([['repo-theme', 'language:Rust', 50]]);
    const { lead } = composeChecked('repo-theme Rust', inputs, THEME_AI);
    expect(lead.headline).toBe('On GitHub, more AI repositories in Rust: 4 of the 8 trending');
    expect(lead.paragraphs).toEqual([
      "Of the 8 AI repositories on GitHub's weekly trending page, 4 are in Rust, against none of 4 last Saturday. Among them: b3/notebooks, b4/vision and b5/datasets.",
    ]);
  });

  it('covers every kind of detector, and gives each its section', () => {
    expect(DETECTORS.map((detector) => detector.kind).sort()).toEqual(
      ['acceleration', 'derivative-takeover', 'exit', 'high-debut', 'lab-sweep', 'overtakes-base', 'release-wave', 'repo-theme', 'staying-power', 'streak-at-one', 'two-platforms'].sort(),
    );
    expect(Object.keys(STORY_SECTION).sort()).toEqual(DETECTORS.map((detector) => detector.kind).sort());
  });
});

// ---------- a story whose items are gone is not told ----------

/** One history per kind, where that kind fires. */
const FIRES: [StoryKind, () => IssueInputs][] = [
  ['release-wave', () => waveInputs()],
  ['high-debut', () => debutInputs()],
  ['streak-at-one', () => streakOneInputs()],
  ['overtakes-base', () => overtakesInputs()],
  ['exit', () => exitKnownInputs()],
  ['staying-power', () => stayingInputs()],
  ['lab-sweep', () => sweepInputs()],
  ['derivative-takeover', () => takeoverInputs()],
  ['acceleration', () => accelerationInputs()],
  ['two-platforms', () => viaArxivInputs()],
  ['repo-theme', () => agentsInputs()],
];

const candidateOf = (kind: StoryKind, inputs: IssueInputs): StoryCandidate => {
  const found = storiesOf(factsOf(inputs)).find((candidate) => candidate.kind === kind);
  expect(found, kind).toBeDefined();
  return found!;
};

/** The candidate with every item it names replaced by one no list holds. */
function withItemsGone(candidate: StoryCandidate): StoryCandidate {
  const gone = 'gone/missing-item';
  return {
    ...candidate,
    claims: candidate.claims.map((claim) => ({
      ...claim,
      ...('itemId' in claim ? { itemId: gone } : {}),
      ...('itemIds' in claim ? { itemIds: claim.itemIds.map(() => gone) } : {}),
      ...('newIds' in claim ? { newIds: claim.newIds.map(() => gone) } : {}),
    })) as StoryCandidate['claims'],
  };
}

describe('a teller whose items are missing', () => {
  it.each(FIRES)('%s: is told from its own history, and not told (undefined, no throw) when an item it names is gone', (kind, make) => {
    const inputs = make();
    const facts = factsOf(inputs);
    const candidate = candidateOf(kind, inputs);
    expect(tellStory(facts, candidate)?.kicker).toBe(STORY_SECTION[kind]);
    expect(tellStory(facts, withItemsGone(candidate))).toBeUndefined();
    // Facts of an empty history: no list holds anything.
    expect(tellStory(factsOf(inputsFor([])), candidate)).toBeUndefined();
    // A candidate without its claims.
    expect(tellStory(facts, { ...candidate, claims: [] })).toBeUndefined();
  });

  it('two-platforms: not told when its paper is gone from the papers\' list', () => {
    const inputs = viaArxivInputs();
    const candidate = candidateOf('two-platforms', inputs);
    const noPaper = { ...candidate, claims: candidate.claims.map((claim) => (claim.kind === 'same-work' ? { ...claim, paperId: '2611.99999' } : claim)) };
    expect(tellStory(factsOf(inputs), noPaper)).toBeUndefined();
  });
});

// ---------- hostile names stay clipped in headlines ----------

describe('hostile names in headlines', () => {
  // Each name is cut to 59 UTF-16 units at a whole character, then "…" (lib/issue/prose.ts clip, HEADLINE_NAME_MAX 60).
  const LONG = 'A'.repeat(10_240); // 10 KB
  const RTL = 'ن'.repeat(6_000); // Arabic letters, right to left (bidirectional controls never reach the store)
  const EMOJI = '🚀'.repeat(4_000); // two units each: 29 of them fit in 59
  const cases: [string, string, string][] = [
    ['10 KB', LONG, `${'A'.repeat(59)}…`],
    ['RTL', RTL, `${'ن'.repeat(59)}…`],
    ['emoji', EMOJI, `${'🚀'.repeat(29)}…`],
  ];
  /** [kind, inputs with the subject named `Lab/<name>`, the headline with the clipped name in its place]. */
  const kinds: [string, (name: string) => IssueInputs, (clipped: string) => string, 'lead' | 'analysis'][] = [
    ['high-debut', (name) => debutInputs(`Lab/${name}`), (clipped) => `${clipped} enters Hugging Face's trending models at No. 2`, 'lead'],
    ['streak-at-one', (name) => streakOneInputs(`Lab/${name}`), (clipped) => `${clipped} takes No. 1 on Hugging Face's trending models`, 'lead'],
    ['overtakes-base', (name) => overtakesInputs(`Lab/${name}`), (clipped) => `${clipped} out-downloads the model it is built on`, 'lead'],
    ['exit', (name) => exitKnownInputs(`Lab/${name}`), (clipped) => `${clipped} leaves Hugging Face's trending models after 4 days`, 'analysis'],
    ['staying-power', (name) => stayingInputs(`Lab/${name}`), (clipped) => `${clipped} marks 7 days on Hugging Face's trending models`, 'analysis'],
    ['acceleration', (name) => accelerationInputs(`Lab/${name}`), (clipped) => `${clipped} gathers likes 6 times as fast as before`, 'lead'],
    ['two-platforms', (name) => viaArxivInputs(`Lab/${name}`), (clipped) => `${clipped} comes with a paper of the week`, 'lead'],
  ];

  it.each(cases)('%s: every teller clips the name it puts in a headline', (_label, name, clipped) => {
    for (const [kind, make, headline, where] of kinds) {
      const issue = asRead(composeIssue(make(name)));
      const story = where === 'lead' ? issue.lead : issue.analysis[0]!;
      expect(story.headline, kind).toBe(headline(clipped));
      expect(story.headline.length, kind).toBeLessThanOrEqual(120);
    }
  });

  it('clips a long owner, base model and language too', () => {
    const owner = `Q${'q'.repeat(10_000)}`;
    expect(asRead(composeIssue(sweepInputs(owner))).lead.headline).toBe(`Q${'q'.repeat(58)}… holds 3 of the top 5 on Hugging Face`);
    // The longest base the one rule reads (lib/shared/model-tags.ts `baseOf`): a valid model id, each part at most 96
    // characters (lib/shared/links.ts); a longer one names no base at all since issue #12, so there is no wave to head.
    const base = `Qwen/${'Q'.repeat(96)}`;
    const items = Object.fromEntries(Object.entries(WAVE).map(([key, spec]) => [key, { ...spec, ...(spec.tags ? { tags: [`base_model:${base}`] } : {}) }]));
    // "Qwen/" and 54 Q's: 59 units.
    expect(asRead(composeIssue(waveInputs(items))).lead.headline).toBe(`A release wave: 5 derivatives of Qwen/${'Q'.repeat(54)}… in Hugging Face's top 8`);
    expect(asRead(composeIssue(rustInputs('R'.repeat(500)))).lead.headline).toBe(`On GitHub, more AI repositories in ${'R'.repeat(59)}…: 4 of the 8 trending`);
  });
});
