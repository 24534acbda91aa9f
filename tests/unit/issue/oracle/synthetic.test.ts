import { describe, expect, it } from 'vitest';
import { composeIssue as composeRaw } from '@/lib/issue/compose';
import type { Claim, Issue } from '@/lib/shared/issue-types';
import { textOf } from '../../../support/oracle/build';
import { asRead, checkIssue } from '../../../support/oracle/check';
import { at, GH_AI, github, s1, S1_DAY, S1_LATEST, S1_WEEK, ties, twoLists } from '../../../support/oracle/histories';

/** The composed issue as a reader reads it: its non-breaking spaces as spaces (they are tested in tests/unit/issue/lists.test.ts). */
const composeIssue = (inputs: Parameters<typeof composeRaw>[0]) => asRead(composeRaw(inputs));

/**
 * Hand-made histories (tests/support/oracle/histories.ts) whose facts are
 * worked out by hand and written here as literals, with the arithmetic in the
 * comments. Nothing here calls compose's helpers or repeats its arithmetic.
 */
const NO_AI = { aiRepositories: new Set<string>() };
const allText = (issue: Issue) => [issue.lead, ...issue.analysis].map(textOf).join('\n');
const claimsOf = (issue: Issue): Claim[] => [issue.lead, ...issue.analysis].flatMap((story) => story.claims);
/** The day's movement (climbs, new entries): the piece under its own headline after a lead that tells a story, else the lead itself. */
const movementOf = (issue: Issue) => issue.analysis.find((story) => story.headline === "What else moved on Hugging Face's trending models") ?? issue.lead;

describe('S1: twelve models, a week of history', () => {
  const issue = () => composeIssue(s1());

  it('passes every check of the oracle', () => {
    const verdict = checkIssue(issue(), s1(), NO_AI);
    expect(verdict.problems).toEqual([]);
    expect(verdict.checked).toBeGreaterThan(80);
  });

  it('leads with the debut, and tells the largest climb since yesterday after it, each figure in its place', () => {
    const composed = issue();
    // india/Orbit-1B: in none of the lists from last Friday on, first seen today, at No. 3 — a debut in the top 10,
    // scored 60 + 3 × (11 − 3) = 84, more than the day's movement (45): the news leads.
    expect(composed.lead.headline).toBe("Orbit-1B enters Hugging Face's trending models at No. 3");
    expect(composed.lead.claims[0]).toMatchObject({ kind: 'debut', itemId: 'india/Orbit-1B', rank: 3, sinceAt: S1_WEEK, at: S1_LATEST });
    const movement = movementOf(composed);
    expect(movement.kicker).toBe('By the Numbers');
    // golf/Nova-Embed: No. 9 on Thursday → No. 2 on Friday = 7 places, more than echo/Kokoro-TTS (10 → 6 = 4) and hotel/Tiny-Coder-GGUF (12 → 10 = 2).
    expect(movement.paragraphs[0]).toMatch(/^Since yesterday, golf\/Nova-Embed rose from No\. 9 to No\. 2, the largest climb in the top 12\. Also moving up: echo\/Kokoro-TTS \(No\. 10 to No\. 6\) and hotel\/Tiny-Coder-GGUF \(No\. 12 to No\. 10\)\.$/);
    expect(movement.claims.filter((claim) => claim.kind === 'climb').map((claim) => claim.kind === 'climb' && [claim.itemId, claim.fromAt, claim.fromRank, claim.toAt, claim.toRank])).toEqual([
      ['golf/Nova-Embed', S1_DAY, 9, S1_LATEST, 2],
      ['echo/Kokoro-TTS', S1_DAY, 10, S1_LATEST, 6],
      ['hotel/Tiny-Coder-GGUF', S1_DAY, 12, S1_LATEST, 10],
    ]);
  });

  it('counts tasks, new entries, authors and families by hand', () => {
    const composed = issue();
    const { lead } = composed;
    // text-generation today: Qwen3-8B-GGUF, Orbit-1B, Llama4-70B, Qwen3-8B-AWQ, Qwen3-8B-Instruct, Tiny-Coder-GGUF, Qwen3-8B-MLX = 7 of 12;
    // new since Thursday: india/Orbit-1B (No. 3) and juliet/Pixel-Diffuser (No. 8). After the debut, the lead gives the list's make-up.
    const text = lead.paragraphs.join(' ');
    expect(lead.standfirst).toBe('Text-generation models take 7 of the top 12 places, and 2 models are new since yesterday.');
    expect(textOf(movementOf(composed))).toContain('New on the list since yesterday: india/Orbit-1B and juliet/Pixel-Diffuser. The highest of them, india/Orbit-1B, entered at No. 3.');
    // text-to-image: Flux2-Dev, Pixel-Diffuser = 2. acme: Qwen3-8B-GGUF, -AWQ, -Instruct = 3, every other author 1.
    // The first task's 7 is given first; the second task is said after it, once.
    expect(text).toMatch(/Text-to-image models come next, with 2 of the top 12\./);
    expect(text).toMatch(/acme has 3 models in the list, more than any other/);
    // Qwen3-8B: acme ×3 and foxtrot/Qwen3-8B-MLX = 4 — the family piece's figure, said there and not again in the lead.
    expect(text).not.toMatch(/build on/);
    expect(composed.analysis.map((story) => story.headline)).toContain('Qwen3-8B and its derivatives hold 4 of the top 12');
    const fresh = claimsOf(composed).find((claim) => claim.kind === 'new-entries');
    expect(fresh).toMatchObject({ sinceAt: S1_DAY, at: S1_LATEST, itemIds: ['india/Orbit-1B', 'juliet/Pixel-Diffuser'] });
  });

  it('writes the family piece and the task mix against last Friday', () => {
    const composed = issue();
    const counts = claimsOf(composed).filter((claim): claim is Extract<Claim, { kind: 'count' }> => claim.kind === 'count');
    const at = (field: string, value: string, when: number) => counts.find((claim) => claim.field === field && claim.value === value && claim.at === when)?.count;
    // Formats today: GGUF = Qwen3-8B-GGUF, Tiny-Coder-GGUF (2); AWQ 1; MLX 1.
    expect([at('family', 'Qwen3-8B', S1_LATEST), at('format', 'GGUF', S1_LATEST)]).toEqual([4, 2]);
    // A week back (Friday 20): text-to-image Flux2-Dev, Flux2-Schnell, Canvas-XL, Dream-Painter, Sketch-Gen = 5;
    // text-generation Qwen3-8B-GGUF, Llama4-70B, Llama4-8B-GGUF, Qwen3-8B-Instruct = 4. Today 2 and 7: both moved by 3.
    expect([at('task', 'text-generation', S1_WEEK), at('task', 'text-to-image', S1_WEEK)]).toEqual([4, 5]);
    const mix = composed.analysis.find((story) => /ground on Hugging Face/.test(story.headline));
    expect(mix?.headline).toBe('Text-generation gains ground on Hugging Face');
    // Friday 20 → Friday 27 is 7 calendar days: "last Friday", never "a week ago".
    expect(mix?.paragraphs.join(' ')).toBe(
      'Text-generation holds 7 of the top 12 places, against 4 last Friday. Text-to-image holds 2 of the top 12 places, against 5 last Friday.',
    );
  });

  it('picks the tool and the movers that are best by their own figures', () => {
    const composed = issue();
    // Tools (issue #11): the first 8 of today's list, by likes gained since the week's baseline (or the first list since
    // that holds them): Qwen3-8B-GGUF 1400 − 700 = 700; Nova-Embed 1050 − 70 = 980; Orbit-1B one sighting; Llama4-70B
    // 1140 − 1000 = 140; Qwen3-8B-AWQ 290 − 200 = 90 (since yesterday); Kokoro-TTS 420 − 210 = 210; Flux2-Dev 70;
    // Pixel-Diffuser one sighting. Only models: the next picks fill in, by the same rule.
    expect(composed.tools.map((tool) => [tool.itemId, tool.figure])).toEqual([
      ['golf/Nova-Embed', '+980 likes this week'],
      ['acme/Qwen3-8B-GGUF', '+700 likes this week'],
      ['echo/Kokoro-TTS', '+210 likes this week'],
      ['beta/Llama4-70B', '+140 likes this week'],
    ]);
    expect(composed.movers.growth.map((mover) => [mover.itemId, mover.perDay])).toEqual([
      ['golf/Nova-Embed', 140],
      ['acme/Qwen3-8B-GGUF', 100],
      ['acme/Qwen3-8B-AWQ', 90],
    ]);
    // Climbers against Friday 20: Nova-Embed 9 → 2 (+7); new in the top 10: Orbit-1B 3, Qwen3-8B-AWQ 5, Pixel-Diffuser 8, Tiny-Coder-GGUF 10.
    // (Qwen3-8B-GGUF 3 → 1, Kokoro-TTS 8 → 6, Qwen3-8B-Instruct 11 → 9 climbed 2: under the 3 a climber needs.)
    expect(composed.movers.sinceAt).toBe(S1_WEEK);
    expect(composed.movers.climbers.map((mover) => [mover.itemId, mover.rank, mover.climbed ?? 'new'])).toEqual([
      ['golf/Nova-Embed', 2, 7],
      ['india/Orbit-1B', 3, 'new'],
      ['acme/Qwen3-8B-AWQ', 5, 'new'],
      ['juliet/Pixel-Diffuser', 8, 'new'],
      ['hotel/Tiny-Coder-GGUF', 10, 'new'],
    ]);
  });

  it('marks as new exactly the models absent from last Friday\'s list', () => {
    const { trending } = issue();
    expect(trending.models.filter((entry) => entry.isNew).map((entry) => entry.itemId)).toEqual([
      'india/Orbit-1B',
      'acme/Qwen3-8B-AWQ',
      'juliet/Pixel-Diffuser',
      'hotel/Tiny-Coder-GGUF',
      'foxtrot/Qwen3-8B-MLX',
    ]);
    // Places climbed since Friday 20: Qwen3-8B-GGUF 3 → 1, Nova-Embed 9 → 2, Llama4-70B 5 → 4, Kokoro-TTS 8 → 6,
    // Flux2-Dev 1 → 7, Qwen3-8B-Instruct 11 → 9, Whisper3-Large 7 → 11.
    expect(trending.models.filter((entry) => !entry.isNew).map((entry) => [entry.itemId, entry.climbed])).toEqual([
      ['acme/Qwen3-8B-GGUF', 2],
      ['golf/Nova-Embed', 7],
      ['beta/Llama4-70B', 1],
      ['echo/Kokoro-TTS', 2],
      ['gamma/Flux2-Dev', -6],
      ['acme/Qwen3-8B-Instruct', 2],
      ['delta/Whisper3-Large', -4],
    ]);
  });

  it('says "last Friday" and never "this week" or "a week ago" for a 7-day comparison, in Tokyo too', () => {
    for (const timeZone of ['UTC', 'Asia/Tokyo']) {
      // Friday 20 09:00 UTC is Friday 18:00 in Tokyo; the issue (Friday 27 10:00 UTC) is Friday 19:00 there: 7 days either way.
      const composed = composeIssue(s1(timeZone));
      expect(allText(composed)).not.toMatch(/a week ago|this week/);
      expect(checkIssue(composed, s1(timeZone), NO_AI).problems).toEqual([]);
    }
  });
});

describe('the words for a baseline\'s age, in the reader\'s time zone', () => {
  // [case, baseline, latest list, issue, time zone, words the lead must use]
  const cases: [string, string, string, string, string, string][] = [
    ['same day', '2026-11-27T00:30:00Z', '2026-11-27T21:00:00Z', '2026-11-27T21:30:00Z', 'UTC', 'since earlier today'],
    ['one day', '2026-11-26T14:00:00Z', '2026-11-27T15:00:00Z', '2026-11-27T16:30:00Z', 'UTC', 'since yesterday'],
    // The same moments in Tokyo: Thursday 23:00 → Saturday 01:30, two calendar days.
    ['one day in UTC, two in Tokyo', '2026-11-26T14:00:00Z', '2026-11-27T15:00:00Z', '2026-11-27T16:30:00Z', 'Asia/Tokyo', 'since Thursday'],
    ['one day in Los Angeles', '2026-11-26T14:00:00Z', '2026-11-27T15:00:00Z', '2026-11-27T16:30:00Z', 'America/Los_Angeles', 'since yesterday'],
    // 00:30 Friday 27 in Tokyo is still Thursday 26 in UTC.
    ['one day in UTC, same day in Tokyo', '2026-11-26T15:30:00Z', '2026-11-27T12:00:00Z', '2026-11-27T12:30:00Z', 'UTC', 'since yesterday'],
    ['same day in Tokyo', '2026-11-26T15:30:00Z', '2026-11-27T12:00:00Z', '2026-11-27T12:30:00Z', 'Asia/Tokyo', 'since earlier today'],
    ['three days', '2026-11-24T09:00:00Z', '2026-11-27T09:00:00Z', '2026-11-27T10:00:00Z', 'UTC', 'since Tuesday'],
    ['seven days', '2026-11-20T09:00:00Z', '2026-11-27T09:00:00Z', '2026-11-27T10:00:00Z', 'UTC', 'since last Friday'],
    // Thursday 19 23:00 in Los Angeles to Friday 27 01:30 there: 8 calendar days; in UTC, Friday 20 to Friday 27: 7.
    ['seven days in UTC', '2026-11-20T07:00:00Z', '2026-11-27T09:00:00Z', '2026-11-27T09:30:00Z', 'UTC', 'since last Friday'],
    ['eight days in Los Angeles', '2026-11-20T07:00:00Z', '2026-11-27T09:00:00Z', '2026-11-27T09:30:00Z', 'America/Los_Angeles', 'since Thursday of the week before'],
    ['nine days', '2026-11-18T09:00:00Z', '2026-11-27T09:00:00Z', '2026-11-27T10:00:00Z', 'UTC', 'since Wednesday of the week before'],
  ];

  it.each(cases)('%s: the lead says "%5$s"… → "%6$s"', (_name, baseline, latest, now, timeZone, words) => {
    const inputs = twoLists(at(baseline), at(latest), at(now), timeZone);
    const composed = composeIssue(inputs);
    // The debut of tz/m9 at No. 4 leads (60 + 3 × 7 = 81); the day's movement follows.
    const lead = textOf(movementOf(composed));
    // tz/m6 climbed from No. 6 to No. 1; tz/m9 is new at No. 4.
    expect(lead).toContain(`${words.charAt(0).toUpperCase()}${words.slice(1)}, tz/m6 rose from No. 6 to No. 1, the largest climb in the top 8.`);
    expect(lead).toContain(`New on the list ${words}: tz/m9.`);
    expect(lead).toMatch(/(?:It|The highest of them, tz\/m9,) entered at No\. 4\./);
    expect(lead).not.toMatch(/this week|a week ago/);
    expect(checkIssue(composed, inputs, NO_AI).problems).toEqual([]);
  });
});

describe('ties: a superlative only when it is strictly true', () => {
  it('does not call either of two equal climbs "the largest", nor either of two equal authors "more than any other"', () => {
    const inputs = ties();
    const composed = composeIssue(inputs);
    const text = allText(composed);
    // alpha/seven 7 → 1 and bravo/nine 9 → 3: both +6.
    expect(text).toMatch(/alpha\/seven rose from No\. 7 to No\. 1/);
    expect(text).toMatch(/bravo\/nine \(No\. 9 to No\. 3\)/);
    expect(text).not.toMatch(/largest climb/);
    // alpha: one, seven; bravo: two, nine.
    expect(text).not.toMatch(/more than any other/);
    expect(checkIssue(composed, inputs, NO_AI).problems).toEqual([]);
  });
});

describe('GitHub: every row of a list is what its label says, and only young repositories are new', () => {
  it('keeps the AI/ML repositories of the weekly page, and the stars and languages among them', () => {
    const inputs = github();
    const composed = composeIssue(inputs);
    expect(checkIssue(composed, inputs, { aiRepositories: GH_AI }).problems).toEqual([]);
    // acme/css-grid-kit (20,000) and sys/rust-db (8,000) are not AI/ML: not listed, not counted.
    expect(composed.trending.repositories.map((entry) => entry.itemId)).toEqual(['lab/llm-router', 'lab/vision-tools', 'kit/agent-shell', 'big/deep-learning-course', 'web/chatbot-ui', 'rs/llm-infer']);
    // 3,000 + 1,000 + 500 + 5,000 + 300 + 200 = 10,000; the three largest 5,000 + 3,000 + 1,000 = 9,000 = 90%.
    const stars = composed.analysis.find((story) => story.headline.startsWith('Three repositories'));
    expect(stars?.headline).toBe('Three repositories take 90% of the AI stars on GitHub this week');
    expect(stars?.claims.find((claim) => claim.kind === 'share')).toMatchObject({ itemIds: ['big/deep-learning-course', 'lab/llm-router', 'lab/vision-tools'], part: 9000, whole: 10000, of: 6, percent: 90 });
    expect(stars?.paragraphs[0]).toMatch(/^Between them, big\/deep-learning-course, lab\/llm-router and lab\/vision-tools gathered 90% of the 10,000 stars that the 6 AI\/ML repositories/);
    // Python: llm-router, vision-tools, deep-learning-course; TypeScript: agent-shell, chatbot-ui; Rust: llm-infer.
    const languages = composed.analysis.find((story) => /are written in/.test(story.paragraphs.join(' ')));
    expect(languages?.paragraphs[0]).toBe('Of the 6 AI/ML repositories trending on GitHub this week, 3 are written in Python, 2 in TypeScript and 1 in Rust.');
  });

  it('never calls a repository created in 2010, or 57 days ago, new', () => {
    const inputs = github();
    const composed = composeIssue(inputs);
    // Among the search results only fresh/agent-kit (17 days old) and fresh/rag-lab (7 days) are new repositories:
    // the tool is the one that gained the most stars since yesterday: agent-kit 1,500 − 1,200 = 300, rag-lab 100.
    // The weekly page's other AI/ML rows fill in by their stars this week: llm-router 3,000, vision-tools 1,000.
    expect(composed.tools.map((tool) => [tool.itemId, tool.figure])).toEqual([
      ['big/deep-learning-course', '5,000 stars this week'],
      ['fresh/agent-kit', '+300 stars since yesterday'],
      ['lab/llm-router', '3,000 stars this week'],
      ['lab/vision-tools', '1,000 stars this week'],
    ]);
    expect(composed.movers.growth.filter((mover) => mover.sourceId === 'gh-search').map((mover) => [mover.itemId, mover.perDay])).toEqual([
      ['fresh/agent-kit', 300],
      ['fresh/rag-lab', 100],
    ]);
    const everything = JSON.stringify(composed);
    expect(everything).not.toContain('old/classic-ml');
    expect(everything).not.toContain('stale/llm-notes');
  });
});
