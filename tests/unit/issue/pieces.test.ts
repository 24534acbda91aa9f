import { describe, expect, it } from 'vitest';
import { factsOf } from '@/lib/issue/facts';
import type { IssueInputs, SourceWindow } from '@/lib/issue/inputs';
import { ANALYSIS_PIECES, leadPiece, type Piece } from '@/lib/issue/pieces';
import { movementLead } from '@/lib/issue/pieces/lead';
import { article, clip, clockWords, datelineOf, formatCount, isoDay, moversHeading, sentence, sinceWords, thenWords } from '@/lib/issue/prose';
import type { Story } from '@/lib/shared/issue-types';
import type { CatalogItem, Snapshot } from '@/lib/shared/records';
import type { MetricName } from '@/lib/sources/contract';
import type { SourceId } from '@/lib/sources/ids';
import { handInputs } from '../../support/hand-inputs';

// One contract for every piece (lib/issue/pieces/contract.ts), then each piece's text on
// hand-built histories. Every expected string is written out by hand from the tables below,
// with the arithmetic in the comments; nothing expected is computed by lib/issue.
const H = 3_600_000;
const D = 24 * H;
const T = Date.UTC(2026, 10, 28, 6, 0); // Sat 28 Nov 2026, 06:00 UTC
const Y = T - D; // Fri 27 Nov, 06:00: the day's baseline
const W = T - 7 * D; // Sat 21 Nov, 06:00: the week's baseline

const PIECES: readonly Piece[] = [leadPiece, ...ANALYSIS_PIECES];
const byId = (id: string) => PIECES.find((piece) => piece.id === id)!;

type ItemSpec = Omit<Partial<CatalogItem>, 'metrics'> & { itemId: string };
interface Listing {
  at: number;
  /** [key, metrics] in rank order. */
  rows: [number, Partial<Record<MetricName, number>>?][];
}

function windowOf(sourceId: SourceId, items: Record<number, ItemSpec>, listings: Listing[]): SourceWindow {
  const catalog = new Map<number, CatalogItem>();
  for (const [key, spec] of Object.entries(items)) {
    catalog.set(Number(key), { key: Number(key), sourceId, name: spec.itemId, url: `https://example.com/${spec.itemId}`, firstSeenAt: T - 30 * D, lastSeenAt: T, ...spec });
  }
  const snapshots: Snapshot[] = listings.map(({ at, rows }) => {
    const metrics: Snapshot['metrics'] = {};
    const names = new Set(rows.flatMap(([, values]) => Object.keys(values ?? {}) as MetricName[]));
    for (const name of names) metrics[name] = rows.map(([, values]) => values?.[name] ?? null);
    return { sourceId, fetchedAt: at, keys: rows.map(([key]) => key), metrics };
  });
  return { sourceId, snapshots, items: catalog };
}

const inputsOf = (windows: SourceWindow[], extra: Partial<IssueInputs> = {}): IssueInputs => handInputs(windows, T, extra);

// ---------- the week's history ----------

const MODELS: Record<number, ItemSpec> = {
  1: { itemId: 'Qwen/Qwen3-8B', task: 'text-generation' },
  2: { itemId: 'unsloth/Qwen3-8B-GGUF', task: 'text-generation' },
  3: { itemId: 'bartowski/Qwen3-8B-GGUF', task: 'text-generation' },
  4: { itemId: 'mlx-community/Qwen3-8B-MLX', task: 'text-generation' },
  5: { itemId: 'voiceco/Narrator', task: 'text-to-speech' },
  6: { itemId: 'voiceco/Speaker', task: 'text-to-speech' },
  7: { itemId: 'voiceco/Reader', task: 'text-to-speech' },
  8: { itemId: 'lab/Vision', task: 'image-classification' },
  9: { itemId: 'lmstudio/Painter-MLX', task: 'text-to-image' },
  10: { itemId: 'lab/Eye', task: 'image-classification' },
  11: { itemId: 'lab/Lens', task: 'image-classification' },
  12: { itemId: 'lab/Scope', task: 'image-classification' },
};
const modelsWeek = windowOf('hf-models', MODELS, [
  // A week ago: image classification holds 4 of the first 8.
  { at: W, rows: [[8], [10], [11], [12], [1], [2], [3], [9], [6]] },
  // Yesterday.
  { at: Y, rows: [[1], [2], [3], [8], [9], [10], [11], [12], [6], [7], [4]] },
  // Today: key 5 is new at No. 1; key 4 climbed 11 → 4; keys 6 and 7 climbed 3 each.
  { at: T, rows: [[5, { likes: 56, trendingScore: 1234 }], [1], [2], [4], [3], [6], [7], [9]] },
]);

const REPOS: Record<number, ItemSpec> = {
  1: { itemId: 'acme/llm-router', language: 'Python', description: 'Route prompts between LLM providers.' },
  2: { itemId: 'acme/llm-notes', language: 'Rust', description: 'LLM notes for your team' },
  3: { itemId: 'deep/llm-agent', language: 'Python', description: 'An LLM agent toolkit' },
  4: { itemId: 'deep/llm-search', language: 'Go', description: 'Retrieval for LLM apps' },
  5: { itemId: 'deep/llm-bench', language: 'Python', description: 'Benchmarks for LLM serving' },
};
// Stars this week: 600, 300, 100, 50, 50.
const REPO_ROWS: Listing['rows'] = [[1, { starsInPeriod: 600 }], [2, { starsInPeriod: 300 }], [3, { starsInPeriod: 100 }], [4, { starsInPeriod: 50 }], [5, { starsInPeriod: 50 }]];
const reposWeekly = windowOf('gh-trending-weekly', REPOS, [{ at: T, rows: REPO_ROWS }]);
const reposDaily = windowOf('gh-trending-daily', REPOS, [{ at: T, rows: REPO_ROWS }]);

const iso = (at: number) => new Date(at).toISOString();
const paper = (n: number, code: boolean): ItemSpec => ({
  itemId: `2611.0000${n}`,
  publishedAt: iso(T - n * H),
  ...(code ? { codeUrl: `https://github.com/paperlab/code-${'abcdefghijkl'[n]}` } : {}),
});
/** `count` papers of the week, upvotes 100 − key; those in `withCode` link their code. */
function papersOf(count: number, withCode: number[]): SourceWindow {
  const items: Record<number, ItemSpec> = {};
  const rows: Listing['rows'] = [];
  for (let key = 1; key <= count; key++) {
    items[key] = paper(key, withCode.includes(key));
    rows.push([key, { upvotes: 100 - key }]);
  }
  return windowOf('hf-papers', items, [{ at: T, rows }]);
}

const HISTORIES: Record<string, IssueInputs> = {
  empty: inputsOf([]),
  'first day': inputsOf([
    windowOf('hf-models', MODELS, [{ at: T, rows: [[5, { likes: 56, trendingScore: 1234 }], [1], [2], [4], [3], [6], [7], [9]] }]),
    reposWeekly,
    papersOf(6, [1, 2, 3, 4]),
  ]),
  'a week': inputsOf([modelsWeek, reposWeekly, papersOf(6, [1, 2, 3, 4])]),
  'one source only': inputsOf([reposDaily]),
  // Yesterday's list only: the lead compares with it; nothing else has a baseline.
  'two days': inputsOf([windowOf('hf-models', MODELS, [{ at: Y, rows: [[1], [2], [3]] }, { at: T, rows: [[3], [2], [1], [5]] }])]),
};

// ---------- the contract ----------

const NUMBER = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?/g;

/** The figures of a story's text, once the names it may quote (items, counted values) are taken out. */
function figuresOf(story: Story, inputs: IssueInputs): string[] {
  const names = new Set<string>();
  for (const window of Object.values(inputs.windows)) {
    for (const entry of window!.items.values()) {
      names.add(entry.name);
      names.add(entry.name.slice(entry.name.indexOf('/') + 1));
      if (entry.description) names.add(entry.description.replace(/\.$/, ''));
    }
  }
  for (const claim of story.claims) if (claim.kind === 'count') names.add(claim.value);
  let text = [story.headline, story.standfirst ?? '', ...story.paragraphs].join('\n');
  for (const name of [...names].sort((a, b) => b.length - a.length)) text = text.split(name).join(' ');
  return text.match(NUMBER) ?? [];
}

describe('every piece keeps the contract', () => {
  it('has a unique id and says in a sentence what makes it worth printing', () => {
    expect(PIECES.map((piece) => piece.id)).toEqual(['lead', 'family', 'task-mix', 'stars', 'languages', 'papers']);
    for (const piece of PIECES) expect(piece.significance, piece.id).toMatch(/^[a-z0-9].{20,}$/);
  });

  for (const [name, inputs] of Object.entries(HISTORIES)) {
    for (const piece of PIECES) {
      it(`${piece.id} on ${name}: nothing, or a story whose every figure a claim prints`, () => {
        const story = piece.write(factsOf(inputs));
        if (story === undefined) return;
        expect(story.headline.trim()).not.toBe('');
        expect(story.paragraphs.length).toBeGreaterThan(0);
        for (const paragraph of story.paragraphs) expect(paragraph.trim()).not.toBe('');
        if (story.standfirst !== undefined) expect(story.standfirst.trim()).not.toBe('');
        const printed = new Set(story.claims.flatMap((claim) => claim.printed));
        for (const figure of figuresOf(story, inputs)) expect(printed, `${figure} in ${JSON.stringify(story)}`).toContain(figure);
      });
    }
  }

  it('writes what each history allows, and nothing more', () => {
    const written = (inputs: IssueInputs) => PIECES.filter((piece) => piece.write(factsOf(inputs)) !== undefined).map((piece) => piece.id);
    expect(written(HISTORIES.empty!)).toEqual(['lead']);
    // No week's baseline on the first day: no task mix.
    expect(written(HISTORIES['first day']!)).toEqual(['lead', 'family', 'stars', 'languages', 'papers']);
    expect(written(HISTORIES['a week']!)).toEqual(['lead', 'family', 'task-mix', 'stars', 'languages', 'papers']);
    expect(written(HISTORIES['one source only']!)).toEqual(['lead', 'stars', 'languages']);
  });
});

// ---------- each piece's text ----------

describe('the lead on a day without a story: the day\'s movement (movementLead)', () => {
  it('has nothing to report before the first refresh', () => {
    const story = movementLead(factsOf(HISTORIES.empty!));
    expect(story.kicker).toBe('Lead');
    expect(story.headline).toBe('The first edition is on its way');
    expect(story.claims).toEqual([]);
  });

  it('a week: the unique largest climb of 5 places or more makes the headline', () => {
    const story = movementLead(factsOf(HISTORIES['a week']!));
    // Key 4 from No. 11 to No. 4: 7 places; keys 6 (9 → 6) and 7 (10 → 7): 3 each.
    expect(story.headline).toBe('Qwen3-8B-MLX climbs 7 places to No. 4 on Hugging Face');
    // Today's top 8 by task: text generation 4 (keys 1, 2, 4, 3), text to speech 3 (5, 6, 7), text to image 1.
    expect(story.standfirst).toBe('Text-generation models take 4 of the top 8 places, and 1 model is new since yesterday.');
    expect(story.paragraphs).toEqual([
      'Since yesterday, mlx-community/Qwen3-8B-MLX rose from No. 11 to No. 4, the largest climb in the top 8. Also moving up: voiceco/Speaker (No. 9 to No. 6) and voiceco/Reader (No. 10 to No. 7).',
      'New on the list since yesterday: voiceco/Narrator. It entered at No. 1.',
      // Owners: voiceco 3; every other 1. Families: Qwen3-8B under keys 1, 2, 4, 3.
      'Text-to-speech models come next, with 3 of the top 8. Of the authors, voiceco has 3 models in the list, more than any other. In all, 4 of the top 8 build on Qwen3-8B.',
    ]);
    expect(story.kicker).toBe('Lead');
    expect(story.claims).toEqual([
      { kind: 'climb', sourceId: 'hf-models', itemId: 'mlx-community/Qwen3-8B-MLX', fromAt: Y, toAt: T, fromRank: 11, toRank: 4, printed: ['11', '4', '7'] },
      { kind: 'count', sourceId: 'hf-models', at: T, top: 8, field: 'task', value: 'text-generation', count: 4, printed: ['4', '8'] },
      { kind: 'new-entries', sourceId: 'hf-models', sinceAt: Y, at: T, itemIds: ['voiceco/Narrator'], printed: ['1'] },
      { kind: 'climb', sourceId: 'hf-models', itemId: 'mlx-community/Qwen3-8B-MLX', fromAt: Y, toAt: T, fromRank: 11, toRank: 4, printed: ['11', '4', '7'] },
      { kind: 'climb', sourceId: 'hf-models', itemId: 'voiceco/Speaker', fromAt: Y, toAt: T, fromRank: 9, toRank: 6, printed: ['9', '6', '3'] },
      { kind: 'climb', sourceId: 'hf-models', itemId: 'voiceco/Reader', fromAt: Y, toAt: T, fromRank: 10, toRank: 7, printed: ['10', '7', '3'] },
      { kind: 'rank', sourceId: 'hf-models', itemId: 'voiceco/Narrator', at: T, rank: 1, printed: ['1'] },
      { kind: 'count', sourceId: 'hf-models', at: T, top: 8, field: 'task', value: 'text-to-speech', count: 3, printed: ['3', '8'] },
      { kind: 'count', sourceId: 'hf-models', at: T, top: 8, field: 'owner', value: 'voiceco', count: 3, printed: ['3', '8'] },
      { kind: 'count', sourceId: 'hf-models', at: T, top: 8, field: 'family', value: 'Qwen3-8B', count: 4, printed: ['4', '8'] },
    ]);
  });

  it('the first day: the No. 1 with its figures, and what the Post will do', () => {
    const story = movementLead(factsOf(HISTORIES['first day']!));
    expect(story.headline).toBe('Narrator leads Hugging Face\'s trending models');
    expect(story.standfirst).toBe('Text-generation models take 4 of the top 8 places.');
    expect(story.paragraphs[0]).toBe(
      "At No. 1 on Hugging Face's trending models is voiceco/Narrator, with a trending score of 1,234 and 56 likes. From this issue on, the Post keeps the lists and reports what moves.",
    );
    expect(story.claims).toEqual([
      { kind: 'count', sourceId: 'hf-models', at: T, top: 8, field: 'task', value: 'text-generation', count: 4, printed: ['4', '8'] },
      { kind: 'rank', sourceId: 'hf-models', itemId: 'voiceco/Narrator', at: T, rank: 1, printed: ['1'] },
      { kind: 'metric', sourceId: 'hf-models', itemId: 'voiceco/Narrator', at: T, metric: 'trendingScore', value: 1234, printed: ['1,234'] },
      { kind: 'metric', sourceId: 'hf-models', itemId: 'voiceco/Narrator', at: T, metric: 'likes', value: 56, printed: ['56'] },
      { kind: 'count', sourceId: 'hf-models', at: T, top: 8, field: 'task', value: 'text-to-speech', count: 3, printed: ['3', '8'] },
      { kind: 'count', sourceId: 'hf-models', at: T, top: 8, field: 'owner', value: 'voiceco', count: 3, printed: ['3', '8'] },
      { kind: 'count', sourceId: 'hf-models', at: T, top: 8, field: 'family', value: 'Qwen3-8B', count: 4, printed: ['4', '8'] },
    ]);
  });

  it('new entries at the top: "enters"; more than three named as "and N more"; no climb said so', () => {
    const items: Record<number, ItemSpec> = {
      1: { itemId: 'old/one' },
      2: { itemId: 'old/two' },
      3: { itemId: 'old/three' },
      5: { itemId: 'old/five' },
      21: { itemId: 'fresh/alpha', task: 'text-generation' },
      22: { itemId: 'fresh/beta', task: 'text-generation' },
      23: { itemId: 'fresh/gamma', task: 'text-generation' },
      24: { itemId: 'fresh/delta', task: 'text-generation' },
    };
    const inputs = inputsOf([windowOf('hf-models', items, [{ at: Y, rows: [[1], [2], [3], [5]] }, { at: T, rows: [[21], [22], [23], [24], [3], [2], [1], [5]] }])]);
    const story = movementLead(factsOf(inputs));
    // Keys 3, 2, 1 and 5 all fell (3 → 5, 2 → 6, 1 → 7, 5: 4 → 8): no climb.
    expect(story.headline).toBe('New at No. 1 on Hugging Face\'s trending list: alpha');
    expect(story.standfirst).toBe('Text-generation models take 4 of the top 8 places, and 4 models are new since yesterday.');
    // Owners "fresh" ×4 and "old" ×4: a tie, so no owner sentence.
    expect(story.paragraphs).toEqual([
      "At No. 1 on Hugging Face's trending models is fresh/alpha. No model in the top 8 climbed since yesterday.",
      // Its rank is said once, in the paragraph before.
      'New on the list since yesterday: fresh/alpha, fresh/beta, fresh/gamma and 1 more.',
    ]);
    const first = { kind: 'rank', sourceId: 'hf-models', itemId: 'fresh/alpha', at: T, rank: 1, printed: ['1'] };
    expect(story.claims).toEqual([
      first,
      { kind: 'count', sourceId: 'hf-models', at: T, top: 8, field: 'task', value: 'text-generation', count: 4, printed: ['4', '8'] },
      { kind: 'new-entries', sourceId: 'hf-models', sinceAt: Y, at: T, itemIds: ['fresh/alpha', 'fresh/beta', 'fresh/gamma', 'fresh/delta'], printed: ['4'] },
      // The headline's No. 1 and the paragraph's: not a third time (issue #11, no figure repeated).
      first,
    ]);
  });

  it('two climbs of 5 tie: no climb headline; more than three climbs: three named; tasks of one model each: no standfirst', () => {
    const items: Record<number, ItemSpec> = Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((k) => [k, { itemId: `x${k}/k${k}`, task: `task-${k}` }]));
    // Yesterday 1…8; today 6 7 1 2 3: keys 6 and 7 climbed 5 places each.
    const tie = inputsOf([windowOf('hf-models', items, [{ at: Y, rows: [[1], [2], [3], [4], [5], [6], [7], [8]] }, { at: T, rows: [[6], [7], [1], [2], [3]] }])]);
    const story = movementLead(factsOf(tie));
    expect(story.headline).toBe('At the top of Hugging Face\'s trending models: k6');
    expect(story.standfirst).toBeUndefined();
    expect(story.paragraphs).toEqual(['Since yesterday, x6/k6 rose from No. 6 to No. 1. Also moving up: x7/k7 (No. 7 to No. 2).']);
    // Today 5 6 7 8 1 2 3 4: keys 5–8 climbed 4 each; the first three are named.
    const four = inputsOf([windowOf('hf-models', items, [{ at: Y, rows: [[1], [2], [3], [4], [5], [6], [7], [8]] }, { at: T, rows: [[5], [6], [7], [8], [1], [2], [3], [4]] }])]);
    expect(movementLead(factsOf(four)).paragraphs).toEqual(['Since yesterday, x5/k5 rose from No. 5 to No. 1. Also moving up: x6/k6 (No. 6 to No. 2) and x7/k7 (No. 7 to No. 3).']);
  });

  it('two days: a family of exactly 3 is told, a second task of 1 is not', () => {
    const story = movementLead(factsOf(HISTORIES['two days']!));
    // Yesterday 1 2 3; today 3 2 1 5: key 3 climbed 3 → 1; key 5 is new at No. 4.
    expect(story.headline).toBe('Qwen3-8B-GGUF leads Hugging Face\'s trending models');
    expect(story.standfirst).toBe('Text-generation models take 3 of the top 4 places, and 1 model is new since yesterday.');
    expect(story.paragraphs).toEqual([
      'Since yesterday, bartowski/Qwen3-8B-GGUF rose from No. 3 to No. 1, the largest climb in the top 4.',
      'New on the list since yesterday: voiceco/Narrator. It entered at No. 4.',
      'In all, 3 of the top 4 build on Qwen3-8B.',
    ]);
  });

  it('no owner, one owned model, and a list whose rows are all unknown', () => {
    const today = (ids: string[]) =>
      factsOf(inputsOf([windowOf('hf-models', Object.fromEntries(ids.map((itemId, index) => [index + 1, { itemId }])), [{ at: T, rows: ids.map((_, index) => [index + 1] as [number]) }])]));
    const alone = ["At No. 1 on Hugging Face's trending models is alpha. From this issue on, the Post keeps the lists and reports what moves."];
    expect(movementLead(today(['alpha', 'beta'])).paragraphs).toEqual(alone);
    expect(movementLead(today(['alpha', 'beta', 'gamma/x'])).paragraphs).toEqual(alone);
    // A No. 1 with a single like.
    const liked = inputsOf([windowOf('hf-models', { 1: { itemId: 'alpha' } }, [{ at: T, rows: [[1, { likes: 1 }]] }])]);
    expect(movementLead(factsOf(liked)).paragraphs[0]).toBe("At No. 1 on Hugging Face's trending models is alpha, with 1 like. From this issue on, the Post keeps the lists and reports what moves.");
    // Two entries of one family: not "in all".
    expect(movementLead(today(['alpha', 'b/Qwen3-8B-x', 'c/Qwen3-8B-y'])).paragraphs).toEqual(alone);
    // A list whose keys the catalog does not hold: no rows, the first edition's text.
    const unknown = inputsOf([{ sourceId: 'hf-models', snapshots: [{ sourceId: 'hf-models', fetchedAt: T, keys: [1, 2], metrics: {} }], items: new Map() }]);
    expect(movementLead(factsOf(unknown)).headline).toBe('The first edition is on its way');
  });

  it('a tie for the largest climb: no "largest", no climb headline; no new model said so', () => {
    const items: Record<number, ItemSpec> = {
      1: { itemId: 'a/one', task: 'text-generation' },
      2: { itemId: 'b/two' },
      3: { itemId: 'c/three' },
      4: { itemId: 'd/four', task: 'text-generation' },
      5: { itemId: 'e/five' },
      6: { itemId: 'f/six' },
    };
    // Yesterday 1 2 3 4 5 6; today 1 4 5 2 3 6: key 4 climbed 4 → 2 and key 5 climbed 5 → 3 (2 each).
    const inputs = inputsOf([windowOf('hf-models', items, [{ at: Y, rows: [[1], [2], [3], [4], [5], [6]] }, { at: T, rows: [[1], [4], [5], [2], [3], [6]] }])]);
    const story = movementLead(factsOf(inputs));
    expect(story.headline).toBe('At the top of Hugging Face\'s trending models: one');
    expect(story.standfirst).toBe('Text-generation models take 2 of the top 6 places; no model is new since yesterday.');
    expect(story.paragraphs).toEqual(['Since yesterday, d/four rose from No. 4 to No. 2. Also moving up: e/five (No. 5 to No. 3).']);
  });

  it('a climb of 4 places is not a headline, even when it is the only one', () => {
    const items: Record<number, ItemSpec> = {
      1: { itemId: 'a/one', task: 'asr' },
      2: { itemId: 'a/two', task: 'asr' },
      3: { itemId: 'b/three', task: 'ocr' },
      4: { itemId: 'c/four', task: 'ocr' },
      5: { itemId: 'd/five', task: 'tts' },
    };
    // Yesterday 1 2 3 4 5; today 5 1 2 3 4: key 5 climbed 5 → 1 (4 places); the others fell one place.
    const inputs = inputsOf([windowOf('hf-models', items, [{ at: Y, rows: [[1], [2], [3], [4], [5]] }, { at: T, rows: [[5], [1], [2], [3], [4]] }])]);
    const story = movementLead(factsOf(inputs));
    expect(story.headline).toBe('At the top of Hugging Face\'s trending models: five');
    // Tasks today: tts (key 5), asr ×2, ocr ×2 → asr 2, ocr 2, tts 1. Owner "a" has keys 1 and 2: 2 of the top 5.
    expect(story.standfirst).toBe('Asr models take 2 of the top 5 places; no model is new since yesterday.');
    expect(story.paragraphs).toEqual([
      'Since yesterday, d/five rose from No. 5 to No. 1, the largest climb in the top 5.',
      // The standfirst gave asr's 2; ocr ties it, said as a tie.
      'Ocr models take as many. Of the authors, a has 2 models in the list, more than any other.',
    ]);
    // 5 places: the headline.
    const five = inputsOf([windowOf('hf-models', { ...items, 6: { itemId: 'e/six' } }, [{ at: Y, rows: [[1], [2], [3], [4], [5], [6]] }, { at: T, rows: [[6], [1], [2], [3], [4], [5]] }])]);
    expect(movementLead(factsOf(five)).headline).toBe('On Hugging Face, six climbs 5 places to No. 1'); // a lower-case name does not open the headline
  });
});

describe('family', () => {
  const family = byId('family');

  it('a week: Qwen3-8B under 4 of the top 8, its packaging and its authors', () => {
    const story = family.write(factsOf(HISTORIES['a week']!))!;
    expect(story.kicker).toBe('');
    expect(story.headline).toBe('Qwen3-8B and its derivatives hold 4 of the top 8');
    // Formats in the top 8: GGUF (keys 2, 3), MLX (keys 4, 9). Members by rank: keys 1, 2, 4, 3.
    expect(story.paragraphs).toEqual([
      "Of the top 8 trending models on Hugging Face, 4 build on Qwen3-8B: the original release and the community's fine-tunes, quantisations and merges of it.",
      'Packaging for local use is a large part of it: across the whole top 8, 2 are GGUF builds and 2 are MLX.',
      'They come from Qwen, unsloth, mlx-community and bartowski; the highest-ranked of them, Qwen/Qwen3-8B, is at No. 2.',
    ]);
    expect(story.claims).toEqual([
      { kind: 'count', sourceId: 'hf-models', at: T, top: 8, field: 'family', value: 'Qwen3-8B', count: 4, printed: ['4', '8'] },
      { kind: 'count', sourceId: 'hf-models', at: T, top: 8, field: 'format', value: 'GGUF', count: 2, printed: ['2', '8'] },
      { kind: 'count', sourceId: 'hf-models', at: T, top: 8, field: 'format', value: 'MLX', count: 2, printed: ['2', '8'] },
      { kind: 'rank', sourceId: 'hf-models', itemId: 'Qwen/Qwen3-8B', at: T, rank: 2, printed: ['2'] },
    ]);
  });

  const today = (ids: string[]) => {
    const items = Object.fromEntries(ids.map((itemId, index) => [index + 1, { itemId }]));
    return factsOf(inputsOf([windowOf('hf-models', items, [{ at: T, rows: ids.map((_, index) => [index + 1] as [number]) }])]));
  };

  it('one author, no author, more than four', () => {
    const one = family.write(today(['unsloth/Qwen3-8B-a', 'unsloth/Qwen3-8B-b', 'unsloth/Qwen3-8B-c', 'unsloth/Qwen3-8B-GGUF']))!;
    // One GGUF only: no packaging paragraph.
    expect(one.paragraphs.slice(1)).toEqual(['They all come from unsloth; the highest-ranked of them, unsloth/Qwen3-8B-a, is at No. 1.']);
    const none = family.write(today(['Qwen3-8B-a', 'Qwen3-8B-b', 'Qwen3-8B-GGUF', 'Qwen3-8B-d-GGUF']))!;
    expect(none.paragraphs.slice(1)).toEqual([
      'Packaging for local use is a large part of it: across the whole top 4, 2 are GGUF builds.',
      'The highest-ranked of them, Qwen3-8B-a, is at No. 1.',
    ]);
    const five = family.write(today(['a/Qwen3-8B-x', 'b/Qwen3-8B-x', 'c/Qwen3-8B-x', 'd/Qwen3-8B-x', 'e/Qwen3-8B-x', 'x/other']))!;
    expect(five.headline).toBe('Qwen3-8B and its derivatives hold 5 of the top 6');
    expect(five.paragraphs.at(-1)).toBe('They come from a, b, c, d and others; the highest-ranked of them, a/Qwen3-8B-x, is at No. 1.');
  });

  it('nothing under 4, or without a unique leader', () => {
    expect(family.write(today(['a/Qwen3-8B-x', 'b/Qwen3-8B-x', 'c/Qwen3-8B-x', 'x/other']))).toBeUndefined();
    expect(family.write(today(['x/plain', 'y/other']))).toBeUndefined();
    expect(family.write(today(['a/Qwen3-8B-x', 'b/Qwen3-8B-x', 'c/Qwen3-8B-x', 'd/Qwen3-8B-x', 'a/Gemma-2-9B', 'b/Gemma-2-9B', 'c/Gemma-2-9B', 'd/Gemma-2-9B']))).toBeUndefined();
  });
});

describe('task-mix', () => {
  const taskMix = byId('task-mix');

  it('a week: the tasks that gained or lost 3 places or more, largest shift first', () => {
    const story = taskMix.write(factsOf(HISTORIES['a week']!))!;
    // A week ago, the first 8: image classification 4 (8, 10, 11, 12), text generation 3, text to image 1.
    // Today: text generation 4, text to speech 3, text to image 1. Shifts: image classification −4,
    // text to speech +3, text generation +1 (under 3), text to image 0.
    expect(story.kicker).toBe('');
    expect(story.headline).toBe('Image-classification gives ground on Hugging Face');
    expect(story.paragraphs).toEqual([
      'Image-classification holds 0 of the top 8 places, against 4 last Saturday. Text-to-speech holds 3 of the top 8 places, against 0 last Saturday.',
    ]);
    expect(story.claims).toEqual([
      { kind: 'count', sourceId: 'hf-models', at: T, top: 8, field: 'task', value: 'image-classification', count: 0, printed: ['0', '8'] },
      { kind: 'count', sourceId: 'hf-models', at: W, top: 8, field: 'task', value: 'image-classification', count: 4, printed: ['4', '8'] },
      { kind: 'count', sourceId: 'hf-models', at: T, top: 8, field: 'task', value: 'text-to-speech', count: 3, printed: ['3', '8'] },
      { kind: 'count', sourceId: 'hf-models', at: W, top: 8, field: 'task', value: 'text-to-speech', count: 0, printed: ['0', '8'] },
    ]);
  });

  const mix = (weekAgo: number, before: string[], now: string[]) => {
    const items = Object.fromEntries([...before, ...now].map((task, index) => [index + 1, { itemId: `org/m${index + 1}`, task }]));
    return factsOf(
      inputsOf([
        windowOf('hf-models', items, [
          { at: weekAgo, rows: before.map((_, index) => [index + 1] as [number]) },
          { at: T, rows: now.map((_, index) => [before.length + index + 1] as [number]) },
        ]),
      ]),
    );
  };
  const t = (task: string, n: number) => Array.from({ length: n }, () => task);

  it('gains ground; at most three tasks; only against a list 5 days old or more', () => {
    // 5 days ago: asr 4, ocr 1. Today: tts 3, asr 1, ocr 1. Shifts: asr −3, tts +3 — tied, in the order first seen (tts, today).
    const gained = taskMix.write(mix(T - 5 * D, [...t('asr', 4), 'ocr'], [...t('tts', 3), 'asr', 'ocr']))!;
    expect(gained.headline).toBe('Tts gains ground on Hugging Face');
    expect(gained.paragraphs).toEqual(['Tts holds 3 of the top 5 places, against 0 on Monday. Asr holds 1 of the top 5 places, against 4 on Monday.']);
    // Four shifts of 3 or more: the three largest are told (a −5, b +4, c +3; d −3 left out; e +1 is not one).
    const four = taskMix.write(mix(W, [...t('a', 5), ...t('d', 3)], [...t('b', 4), ...t('c', 3), 'e']))!;
    expect(four.claims.map((claim) => (claim.kind === 'count' ? `${claim.value}:${claim.count}` : ''))).toEqual(['a:0', 'a:5', 'b:4', 'b:0', 'c:3', 'c:0']);
    // A week ago ocr 3, asr 4; today ocr 6, z 1: asr −4 comes before ocr +3.
    const larger = taskMix.write(mix(W, [...t('ocr', 3), ...t('asr', 4)], [...t('ocr', 6), 'z']))!;
    expect(larger.headline).toBe('Asr gives ground on Hugging Face');
    expect(larger.claims.map((claim) => (claim.kind === 'count' ? `${claim.value}:${claim.count}` : ''))).toEqual(['asr:0', 'asr:4', 'ocr:6', 'ocr:3']);
    // 4 days 23 hours back is too soon; a shift of 2 is not news.
    expect(taskMix.write(mix(T - 5 * D + H, [...t('asr', 4), 'ocr'], [...t('tts', 3), 'asr', 'ocr']))).toBeUndefined();
    expect(taskMix.write(mix(W, [...t('asr', 3), 'ocr', 'ocr'], [...t('tts', 2), 'asr', 'ocr', 'ocr']))).toBeUndefined();
  });

  it('compares the first as many places a week ago as there are today', () => {
    // A week ago 8 places (asr ×4 at the bottom), today 4: only the first 4 of the week count (ocr ×4).
    const story = taskMix.write(mix(W, [...t('ocr', 4), ...t('asr', 4)], t('asr', 4)))!;
    expect(story.paragraphs).toEqual(['Asr holds 4 of the top 4 places, against 0 last Saturday. Ocr holds 0 of the top 4 places, against 4 last Saturday.']);
  });
});

describe('stars', () => {
  const stars = byId('stars');

  it('a week: three repositories and their share, the first quoted', () => {
    const story = stars.write(factsOf(HISTORIES['a week']!))!;
    // 600 + 300 + 100 = 1000 of 1,100: 90.9 → 91%.
    expect(story.kicker).toBe('');
    expect(story.headline).toBe('Three repositories take 91% of the AI stars on GitHub this week');
    expect(story.paragraphs).toEqual([
      "Between them, acme/llm-router, acme/llm-notes and deep/llm-agent gathered 91% of the 1,100 stars that the 5 AI/ML repositories on GitHub's trending page gained this week.",
      'Of these, acme/llm-router alone drew 600 stars this week; its description reads: “Route prompts between LLM providers.”',
    ]);
    expect(story.claims[1]).toEqual({ kind: 'metric', sourceId: 'gh-trending-weekly', itemId: 'acme/llm-router', at: T, metric: 'starsInPeriod', value: 600, printed: ['600'] });
  });

  const repos = (counts: number[], description = true) => {
    const items = Object.fromEntries(counts.map((_, index) => [index + 1, { itemId: `acme/llm-${'abcdefghij'[index]}`, ...(description ? { description: 'An LLM tool' } : {}) }]));
    return factsOf(inputsOf([windowOf('gh-trending-daily', items, [{ at: T, rows: counts.map((starsInPeriod, index) => [index + 1, { starsInPeriod }]) }])]));
  };

  it('half or more, of 5 or more repositories; today on the daily page; no quote without a description', () => {
    // 50 + 30 + 20 = 100 of 200: 50% — printed.
    const half = stars.write(repos([50, 30, 20, 19, 19, 19, 19, 19, 5], false))!;
    expect(half.headline).toBe('Three repositories take 50% of the AI stars on GitHub today');
    expect(half.paragraphs[1]).toBe('Of these, acme/llm-a alone drew 50 stars today.');
    // 100 of 210: 47.6 → 48% — not.
    expect(stars.write(repos([50, 30, 20, 19, 19, 19, 19, 19, 15]))).toBeUndefined();
    // Four repositories: too few, whatever the share; a fifth without this period's stars does not count.
    expect(stars.write(repos([50, 30, 20, 1]))).toBeUndefined();
    const uncounted = windowOf('gh-trending-daily', Object.fromEntries([1, 2, 3, 4, 5].map((k) => [k, { itemId: `acme/llm-${k}` }])), [
      { at: T, rows: [[1, { starsInPeriod: 50 }], [2, { starsInPeriod: 30 }], [3, { starsInPeriod: 20 }], [4, { starsInPeriod: 1 }], [5, { stars: 9 }]] },
    ]);
    expect(stars.write(factsOf(inputsOf([uncounted])))).toBeUndefined();
  });
});

describe('languages', () => {
  const languages = byId('languages');

  it('a week: a majority "writes most of"; the next two named', () => {
    const story = languages.write(factsOf(HISTORIES['a week']!))!;
    // Python 3 of 5 (3 × 2 > 5), Rust 1, Go 1.
    expect(story.kicker).toBe('');
    expect(story.headline).toBe('Python writes most of the AI on GitHub this week');
    expect(story.paragraphs).toEqual(['Of the 5 AI/ML repositories trending on GitHub this week, 3 are written in Python, 1 in Rust and 1 in Go.']);
    expect(story.claims).toEqual([
      { kind: 'count', sourceId: 'gh-trending-weekly', at: T, top: 5, field: 'language', value: 'Python', count: 3, printed: ['3', '5'] },
      { kind: 'count', sourceId: 'gh-trending-weekly', at: T, top: 5, field: 'language', value: 'Rust', count: 1, printed: ['1', '5'] },
      { kind: 'count', sourceId: 'gh-trending-weekly', at: T, top: 5, field: 'language', value: 'Go', count: 1, printed: ['1', '5'] },
    ]);
  });

  const repos = (langs: string[]) => {
    const items = Object.fromEntries(langs.map((language, index) => [index + 1, { itemId: `acme/llm-${'abcdefghij'[index]}`, description: 'An LLM tool', language }]));
    return factsOf(inputsOf([windowOf('gh-trending-daily', items, [{ at: T, rows: langs.map((_, index) => [index + 1] as [number]) }])]));
  };

  it('a plurality "leads"; one language alone; nothing without a unique leader of 2 or more among 5 or more', () => {
    // Python 2 of 5: 2 × 2 = 4, not more than 5.
    expect(languages.write(repos(['Python', 'Rust', 'Python', 'Go', 'C']))!.headline).toBe('Python leads the AI on GitHub today');
    expect(languages.write(repos(['Rust', 'Rust', 'Rust', 'Rust', 'Rust']))!.paragraphs).toEqual(['Of the 5 AI/ML repositories trending on GitHub today, 5 are written in Rust.']);
    expect(languages.write(repos(['Python', 'Rust', 'Python', 'Rust', 'C']))).toBeUndefined();
    expect(languages.write(repos(['Python', 'Rust', 'Go', 'C', 'Zig']))).toBeUndefined();
    expect(languages.write(repos(['Python', 'Python', 'Python', 'Go']))).toBeUndefined();
    expect(languages.write(repos(['', '', '', '', '']))).toBeUndefined();
    expect(languages.write(repos(['Python', '', '', '', '']))).toBeUndefined();
    // Python 3 of 6: exactly half is not "most"; a fourth language is not named.
    expect(languages.write(repos(['Python', 'Rust', 'Python', 'Go', 'Python', 'C']))).toMatchObject({
      headline: 'Python leads the AI on GitHub today',
      paragraphs: ['Of the 6 AI/ML repositories trending on GitHub today, 3 are written in Python, 1 in Rust and 1 in Go.'],
    });
  });
});

describe('papers', () => {
  const papers = byId('papers');
  const write = (window: SourceWindow) => papers.write(factsOf(inputsOf([window])));

  it('most, half or fewer than half of the top 10 ship their code', () => {
    expect(write(papersOf(6, [1, 2, 3, 4]))).toEqual({
      kicker: '',
      headline: 'Most of the week’s top papers ship their code',
      paragraphs: ['Of the 6 most upvoted papers of the week on Hugging Face, 4 link a code repository.'],
      claims: [{ kind: 'count', sourceId: 'hf-papers', at: T, top: 6, field: 'hasCode', value: 'yes', count: 4, printed: ['4', '6'] }],
    });
    expect(write(papersOf(6, [1, 2, 3]))!.headline).toBe('Half of the week’s top papers ship their code');
    expect(write(papersOf(5, [1, 2]))!.headline).toBe('Fewer than half of the week’s top papers ship their code');
    // Eleven papers: the 10 most upvoted (keys 1–10); key 11, the least upvoted, is left out with its code.
    const eleven = write(papersOf(11, [1, 2, 3, 4, 11]))!;
    expect(eleven.paragraphs).toEqual(['Of the 10 most upvoted papers of the week on Hugging Face, 4 link a code repository.']);
    expect(eleven.headline).toBe('Fewer than half of the week’s top papers ship their code');
    expect(write(papersOf(4, [1, 2, 3, 4]))).toBeUndefined();
  });
});

// ---------- the words the pieces are written with ----------

describe('the words the pieces are written with', () => {
  it('time words from the baseline’s own day, in the issue’s time zone', () => {
    // T is Saturday 28 November 2026, 06:00 UTC.
    const table: [number, string, string][] = [
      [T - 2 * H, 'since earlier today', 'earlier today'],
      [Y, 'since yesterday', 'yesterday'],
      [T - 3 * D, 'since Wednesday', 'on Wednesday'],
      [T - 6 * D, 'since Sunday', 'on Sunday'],
      [W, 'since last Saturday', 'last Saturday'],
      // 8 to 13 days: the weekday of the week before; further back, no figure either (a number in the text is a claim's).
      [T - 9 * D, 'since Thursday of the week before', 'on Thursday of the week before'],
      [T - 14 * D, 'since an older list', 'in an older list'],
      [T - 1000 * D, 'since an older list', 'in an older list'],
      // A list from later on: nothing before today.
      [T + D, 'since earlier today', 'earlier today'],
    ];
    for (const [at, since, then] of table) {
      expect(sinceWords(at, T, 'UTC'), since).toBe(since);
      expect(thenWords(at, T, 'UTC'), then).toBe(then);
    }
    // 23:30 and 00:30 UTC: two days in UTC, one in New York (18:30, 19:30) and in Tokyo (08:30, 09:30).
    const late = Date.UTC(2026, 10, 27, 23, 30);
    const early = Date.UTC(2026, 10, 28, 0, 30);
    expect(thenWords(late, early, 'UTC')).toBe('yesterday');
    expect(thenWords(late, early, 'America/New_York')).toBe('earlier today');
    expect(thenWords(late, early, 'Asia/Tokyo')).toBe('earlier today');
    // Across the end of a month: 30 November to 1 December is one day.
    expect(thenWords(Date.UTC(2026, 10, 30, 12), Date.UTC(2026, 11, 1, 12), 'UTC')).toBe('yesterday');
    // The movers' heading: 6 days or more is "this week" (issue #11); less is worded from the day.
    expect(moversHeading(undefined, T, 'UTC')).toBe('Biggest Movers');
    expect(moversHeading(W, T, 'UTC')).toBe('Biggest Movers This Week');
    expect(moversHeading(T - 6 * D, T, 'UTC')).toBe('Biggest Movers This Week');
    // Sunday 22 November, 06:00:00.001: less than six days before Saturday 06:00.
    expect(moversHeading(T - 6 * D + 1, T, 'UTC')).toBe('Biggest Movers Since Sunday');
    expect(moversHeading(T - 2 * D, T, 'UTC')).toBe('Biggest Movers Since Thursday');
    expect(moversHeading(T - 2 * H, T, 'UTC')).toBe('Biggest Movers Since This Morning');
  });

  it('clock, day and dateline in the issue’s time zone; whole numbers with commas', () => {
    expect(clockWords(Date.UTC(2026, 10, 28, 5, 42), T, 'UTC')).toBe('05:42');
    expect(clockWords(Date.UTC(2026, 10, 24, 22, 42), T, 'UTC')).toBe('Tue 22:42');
    // 05:42 UTC is 14:42 in Tokyo, the same day there too.
    expect(clockWords(Date.UTC(2026, 10, 28, 5, 42), T, 'Asia/Tokyo')).toBe('14:42');
    expect(isoDay(Date.UTC(2026, 10, 28, 23, 30), 'UTC')).toBe('2026-11-28');
    expect(isoDay(Date.UTC(2026, 10, 28, 23, 30), 'Asia/Tokyo')).toBe('2026-11-29');
    expect(isoDay(Date.UTC(2026, 0, 5, 12), 'UTC')).toBe('2026-01-05');
    expect(datelineOf(T, 'UTC')).toBe('Saturday, November 28, 2026');
    expect(formatCount(1234.6)).toBe('1,235');
    expect(formatCount(12099)).toBe('12,099');
  });

  it('"a" or "an" by the sound of the word', () => {
    const table: [string, 'a' | 'an'][] = [
      // Acronyms, letter by letter: A E F H I L M N O R S X sound a vowel.
      ['AI', 'an'], ['EU', 'an'], ['FBI', 'an'], ['HTML', 'an'], ['IBM', 'an'], ['LLM', 'an'], ['MLX', 'an'],
      ['NLP', 'an'], ['OCR', 'an'], ['RNN', 'an'], ['SQL', 'an'], ['XML', 'an'], ['GPU', 'a'], ['URL', 'a'], ['E5', 'an'], ['B2', 'a'],
      // Only a capital at the start makes an acronym.
      ['iOS', 'an'], ['aB3', 'an'], ['e5', 'an'],
      // Numbers, as they are read.
      ['8', 'an'], ['80', 'an'], ['800', 'an'], ['11', 'an'], ['110', 'a'], ['18', 'an'], ['18B', 'an'], ['180', 'a'], ['28', 'a'], ['1,800', 'a'],
      // Vowel letters with a consonant sound, and the reverse.
      ['user', 'a'], ['unicorn', 'a'], ['uninstalled', 'an'], ['one', 'a'], ['onerous', 'an'], ['once', 'a'], ['European', 'a'],
      ['abuse', 'an'], ['hour', 'an'], ['honest', 'an'], ['honor', 'an'], ['honour', 'an'], ['heir', 'an'], ['theirs', 'a'],
      ['apple', 'an'], ['  apple', 'an'], ['Python', 'a'], ['', 'a'], ['—apple', 'a'],
    ];
    for (const [word, expected] of table) expect(article(word), JSON.stringify(word)).toBe(expected);
  });

  it('snippets: spaces folded, a full stop or an ellipsis, cut at a space in the second half or at a whole character', () => {
    expect(sentence('  Fast   and\n small  ')).toBe('Fast and small.');
    expect(sentence('Done!')).toBe('Done!');
    expect(sentence('Version 1.5 is out')).toBe('Version 1.5 is out.');
    expect(sentence('Fast; small;;')).toBe('Fast; small.');
    expect(sentence('...')).toBe('');
    expect(sentence('')).toBe('');
    // 20 characters: 19 of room before the ellipsis; the space at 19 is in the second half.
    expect(sentence('The quick brown fox jumps over the lazy dog', 20)).toBe('The quick brown fox…');
    // Room 10, half 5: a space at 5 is not past the half, so the cut is at the character.
    expect(sentence('abcde fghijklmnop', 11)).toBe('abcde fghi…');
    // Room 8: "Hello,. " cut at the space (7), then the trailing ",." go.
    expect(sentence('Hello,. world', 9)).toBe('Hello…');
    // Room 9: "A" and four emoji (2 units each); none is split.
    expect(sentence(`A${'🤗'.repeat(100)}`, 10)).toBe(`A${'🤗'.repeat(4)}…`);
  });

  it('headline names: clipped at a whole character with an ellipsis', () => {
    expect(clip('  Qwen   Coder  ', 60)).toBe('Qwen Coder');
    expect(clip('abcde', 5)).toBe('abcde');
    expect(clip('abcdefghij', 5)).toBe('abcd…');
    expect(clip('ab cdefg', 4)).toBe('ab…');
    expect(clip('A🤗🤗🤗', 4)).toBe('A🤗…');
  });
});

// ---------- found by the mutation pass (bugs in the text, now fixed) ----------

describe('what the mutation pass found in the words', () => {
  const textOf = (story: Story | undefined) => (story ? [story.headline, story.standfirst ?? '', ...story.paragraphs].join(' ') : '');

  it('the family piece: "1 is MLX", and "all" only when every member names that author', () => {
    // Four members of Qwen3-8B: two GGUF, one MLX, one without an owner. GGUF 2, MLX 1.
    const items: Record<number, ItemSpec> = {
      1: { itemId: 'unsloth/Qwen3-8B-GGUF' },
      2: { itemId: 'unsloth/Qwen3-8B-Instruct-GGUF' },
      3: { itemId: 'unsloth/Qwen3-8B-MLX' },
      4: { itemId: 'Qwen3-8B-base' },
    };
    const facts = factsOf(inputsOf([windowOf('hf-models', items, [{ at: T, rows: [[1], [2], [3], [4]] }])]));
    const text = textOf(byId('family').write(facts));
    expect(text).toContain('across the whole top 4, 2 are GGUF builds and 1 is MLX.');
    expect(text).toContain('They come from unsloth; the highest-ranked of them, unsloth/Qwen3-8B-GGUF, is at No. 1.');
    expect(text).not.toContain('They all come from');
  });

  it('the task mix: no comparison between lists of different lengths', () => {
    // Five days ago 4 models (all ASR); today 5 (3 TTS, 2 ASR): "3 of the top 5, against 0" would count over 4.
    const items: Record<number, ItemSpec> = {
      1: { itemId: 'a/asr-1', task: 'automatic-speech-recognition' },
      2: { itemId: 'a/asr-2', task: 'automatic-speech-recognition' },
      3: { itemId: 'a/asr-3', task: 'automatic-speech-recognition' },
      4: { itemId: 'a/asr-4', task: 'automatic-speech-recognition' },
      5: { itemId: 'b/tts-1', task: 'text-to-speech' },
      6: { itemId: 'b/tts-2', task: 'text-to-speech' },
      7: { itemId: 'b/tts-3', task: 'text-to-speech' },
    };
    const shorter = [{ at: T - 6 * D, rows: [[1], [2], [3], [4]] as Listing['rows'] }, { at: T, rows: [[5], [6], [7], [1], [2]] as Listing['rows'] }];
    expect(byId('task-mix').write(factsOf(inputsOf([windowOf('hf-models', items, shorter)])))).toBeUndefined();
    // The control, with lists of the same length: six days ago ASR 4, TTS 1; today TTS 4, ASR 1 — shifts of ±3, ties in
    // the order first seen today (TTS at No. 1). Six days back from Saturday is Sunday.
    const even = [{ at: T - 6 * D, rows: [[1], [2], [3], [4], [5]] as Listing['rows'] }, { at: T, rows: [[5], [6], [7], [8], [1]] as Listing['rows'] }];
    const story = byId('task-mix').write(factsOf(inputsOf([windowOf('hf-models', { ...items, 8: { itemId: 'b/tts-4', task: 'text-to-speech' } }, even)])));
    expect(story?.headline).toBe('Text-to-speech gains ground on Hugging Face');
    expect(story?.paragraphs).toEqual([
      'Text-to-speech holds 4 of the top 5 places, against 1 on Sunday. Automatic-speech-recognition holds 1 of the top 5 places, against 4 on Sunday.',
    ]);
  });
});
