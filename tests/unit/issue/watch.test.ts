import { describe, expect, it } from 'vitest';
import { composeIssue as composeRaw } from '@/lib/issue/compose';
import type { IssueInputs, WatchEntry } from '@/lib/issue/inputs';
import { issueToMarkdown as toMarkdown } from '@/lib/issue/markdown';
import { packIssue, unpackIssue } from '@/lib/history/issue-codec';
import type { Claim, Issue } from '@/lib/shared/issue-types';
import { inputsOf } from '../../support/oracle/build';
import { asRead, checkIssue } from '../../support/oracle/check';
import { at, s1, S1_DAY, S1_LATEST } from '../../support/oracle/histories';

/** The composed issue as a reader reads it: its non-breaking spaces as spaces (they are tested in tests/unit/issue/lists.test.ts). */
const composeIssue = (inputs: Parameters<typeof composeRaw>[0]) => asRead(composeRaw(inputs));
const issueToMarkdown = (issue: Issue) => toMarkdown(issue).replaceAll('\u00a0', ' ');

/**
 * The watch piece (issue #10) over hand-made histories. Every expected
 * sentence and figure is written out by hand from the tables in the comments;
 * the oracle (tests/support/oracle/check.ts `checkWatch`) also checks each
 * issue independently: every move told, nothing else, each figure the lists'.
 */
const NO_AI = { aiRepositories: new Set<string>() };
const model = (id: string): WatchEntry => ({ kind: 'model', id });
const repo = (id: string): WatchEntry => ({ kind: 'repo', id });
const watching = (inputs: IssueInputs, watchlist: WatchEntry[]): IssueInputs => ({ ...inputs, watchlist });

function composed(inputs: IssueInputs): Issue {
  const issue = composeIssue(inputs);
  const verdict = checkIssue(issue, inputs, NO_AI);
  expect(verdict.problems).toEqual([]);
  console.info(`watch piece: ${issue.watch?.paragraphs.length ?? 0} paragraphs, ${issue.watch?.claims.length ?? 0} claims; the oracle checked ${verdict.checked} facts`);
  return issue;
}

/**
 * S1 (tests/support/oracle/histories.ts), Hugging Face's trending models, the rows that matter here:
 *
 *   item                     | Thu 26 09:00 (the day baseline) | Fri 27 09:00 (latest) | what the piece says
 *   golf/Nova-Embed          | No. 9, 630 likes                | No. 2, 1,050 likes    | climbed 9 − 2 = 7 places
 *   echo/Kokoro-TTS          | No. 10, 400 likes               | No. 6, 420 likes      | climbed 10 − 6 = 4 places
 *   india/Orbit-1B           | —                               | No. 3, 80 likes       | entered
 *   beta/Llama4-8B-GGUF      | No. 7                           | —                     | left
 *   hotel/Tiny-Coder-GGUF    | No. 12                          | No. 10                | climbed 2 < 3: nothing
 *   acme/Qwen3-8B-GGUF       | No. 1                           | No. 1                 | stayed: nothing
 *   foxtrot/Qwen3-8B-MLX     | No. 11                          | No. 12                | fell 1: nothing
 *   delta/Whisper3-Large     | No. 6                           | No. 11                | fell 5: nothing (only leaving is news)
 */
describe('the watch piece over S1', () => {
  it('says who entered, climbed and left, in watchlist order, with the figures', () => {
    const issue = composed(
      watching(s1(), [
        model('golf/Nova-Embed'),
        model('hotel/Tiny-Coder-GGUF'),
        model('india/Orbit-1B'),
        model('acme/Qwen3-8B-GGUF'),
        model('beta/Llama4-8B-GGUF'),
        model('foxtrot/Qwen3-8B-MLX'),
        model('delta/Whisper3-Large'),
        model('echo/Kokoro-TTS'),
      ]),
    );
    const watch = issue.watch!;
    expect(watch.kicker).toBe('Your Watchlist');
    // An entry comes before a climb in the headline.
    expect(watch.headline).toBe("Orbit-1B enters Hugging Face's trending models at No. 3");
    expect(watch.paragraphs).toEqual([
      "On Hugging Face's trending models, golf/Nova-Embed climbed from No. 9 to No. 2 since yesterday; its likes went from 630 to 1,050.",
      "New on Hugging Face's trending models since yesterday: india/Orbit-1B, at No. 3, with 80 likes.",
      "No longer on Hugging Face's trending models: beta/Llama4-8B-GGUF, No. 7 yesterday.",
      "On Hugging Face's trending models, echo/Kokoro-TTS climbed from No. 10 to No. 6 since yesterday; its likes went from 400 to 420.",
    ]);
    expect(watch.items.map((item) => [item.itemId, item.url])).toEqual([
      ['golf/Nova-Embed', 'https://huggingface.co/golf/Nova-Embed'],
      ['india/Orbit-1B', 'https://huggingface.co/india/Orbit-1B'],
      ['beta/Llama4-8B-GGUF', 'https://huggingface.co/beta/Llama4-8B-GGUF'],
      ['echo/Kokoro-TTS', 'https://huggingface.co/echo/Kokoro-TTS'],
    ]);
    const moves = watch.claims.map((claim) => {
      if (claim.kind === 'climb') return ['climb', claim.itemId, claim.fromAt, claim.fromRank, claim.toAt, claim.toRank];
      if (claim.kind === 'entered' || claim.kind === 'left') return [claim.kind, claim.itemId, claim.sinceAt, claim.at, claim.rank];
      if (claim.kind === 'metric') return ['metric', claim.itemId, claim.at, claim.metric, claim.value];
      return [claim.kind];
    });
    expect(moves).toEqual([
      ['climb', 'golf/Nova-Embed', S1_DAY, 9, S1_LATEST, 2],
      ['metric', 'golf/Nova-Embed', S1_DAY, 'likes', 630],
      ['metric', 'golf/Nova-Embed', S1_LATEST, 'likes', 1050],
      ['entered', 'india/Orbit-1B', S1_DAY, S1_LATEST, 3],
      ['metric', 'india/Orbit-1B', S1_LATEST, 'likes', 80],
      ['left', 'beta/Llama4-8B-GGUF', S1_DAY, S1_LATEST, 7],
      ['climb', 'echo/Kokoro-TTS', S1_DAY, 10, S1_LATEST, 6],
      ['metric', 'echo/Kokoro-TTS', S1_DAY, 'likes', 400],
      ['metric', 'echo/Kokoro-TTS', S1_LATEST, 'likes', 420],
    ]);
  });

  it('prints no piece when nothing watched moved enough (stayed, fell, climbed 2, not listed)', () => {
    const issue = composed(
      watching(s1(), [model('acme/Qwen3-8B-GGUF'), model('foxtrot/Qwen3-8B-MLX'), model('delta/Whisper3-Large'), model('hotel/Tiny-Coder-GGUF'), model('zulu/Never-Listed')]),
    );
    expect(issue.watch).toBeUndefined();
    expect(composed(s1()).watch).toBeUndefined();
  });

  it('says nothing of a failing source, not even of an entry', () => {
    const inputs = watching(s1(), [model('india/Orbit-1B'), model('beta/Llama4-8B-GGUF')]);
    const window = inputs.windows['hf-models']!;
    window.status = { sourceId: 'hf-models', lastSuccessAt: S1_LATEST, consecutiveFailures: 1, lastError: { kind: 'network', message: 'offline', at: S1_LATEST + 60_000 } };
    expect(composed(inputs).watch).toBeUndefined();
  });

  it('says nothing of a list more than a day older than the issue', () => {
    const inputs = { ...watching(s1(), [model('india/Orbit-1B')]), now: S1_LATEST + 25 * 3_600_000 };
    expect(composed(inputs).watch).toBeUndefined();
  });

  it('says nothing without a list a day back (the first day)', () => {
    const inputs = watching(s1(), [model('india/Orbit-1B')]);
    inputs.windows['hf-models']!.snapshots = inputs.windows['hf-models']!.snapshots.slice(-1);
    expect(composed(inputs).watch).toBeUndefined();
  });
});

// ---------- hand-made lists of their own ----------

/** Thursday 26 Nov 08:00 UTC and Friday 27 Nov 08:00 UTC; the issue half an hour later. */
const DAY = at('2026-11-26T08:00:00Z');
const LATEST = at('2026-11-27T08:00:00Z');
const NOW = LATEST + 30 * 60_000;

describe('the watch piece over hand-made lists', () => {
  /**
   * One repository, octo/agent, in GitHub's three lists:
   *   daily trending   | Thu: a/one, b/two, c/three            | Fri: a/one, b/two, c/three, octo/agent (532 stars today)  → entered at No. 4
   *   weekly trending  | Thu: … octo/agent No. 6, 9,500 stars   | Fri: octo/agent No. 2, 10,032 stars                       → climbed 6 − 2 = 4
   *   search           | Thu: octo/agent No. 1, z/zed           | Fri: z/zed                                                → left, was No. 1
   */
  const github = () =>
    inputsOf({
      now: NOW,
      timeZone: 'UTC',
      items: ['a/one', 'b/two', 'c/three', 'd/four', 'e/five', 'z/zed', 'octo/agent'].map((id) => ({ id })),
      lists: {
        'gh-trending-daily': [
          { at: DAY, rows: [['a/one'], ['b/two'], ['c/three']] },
          { at: LATEST, rows: [['a/one'], ['b/two'], ['c/three'], ['octo/agent', { starsInPeriod: 532, stars: 10032 }]] },
        ],
        'gh-trending-weekly': [
          { at: DAY, rows: [['a/one'], ['b/two'], ['c/three'], ['d/four'], ['e/five'], ['octo/agent', { stars: 9500, starsInPeriod: 1200 }]] },
          { at: LATEST, rows: [['a/one'], ['octo/agent', { stars: 10032, starsInPeriod: 1732 }], ['b/two'], ['c/three'], ['d/four'], ['e/five']] },
        ],
        'gh-search': [
          { at: DAY, rows: [['octo/agent', { stars: 9500 }], ['z/zed', { stars: 40 }]] },
          { at: LATEST, rows: [['z/zed', { stars: 45 }]] },
        ],
      },
    });

  it('tells a watched repository in all three GitHub lists in one paragraph', () => {
    const issue = composed(watching(github(), [repo('octo/agent')]));
    expect(issue.watch?.headline).toBe("agent enters GitHub's daily trending page at No. 4");
    expect(issue.watch?.paragraphs).toEqual([
      "New on GitHub's daily trending page since yesterday: octo/agent, at No. 4, with 532 stars today. " +
        "On GitHub's weekly trending page, octo/agent climbed from No. 6 to No. 2 since yesterday; its stars went from 9,500 to 10,032. " +
        "No longer on GitHub's new AI repositories: octo/agent, No. 1 yesterday.",
    ]);
    expect(issue.watch?.items).toEqual([{ sourceId: 'gh-trending-daily', itemId: 'octo/agent', name: 'octo/agent', url: 'https://github.com/octo/agent' }]);
  });

  it('a failing GitHub search says nothing of the repository having left it; the other lists still speak', () => {
    const inputs = watching(github(), [repo('octo/agent')]);
    inputs.windows['gh-search']!.status = { sourceId: 'gh-search', lastSuccessAt: LATEST, consecutiveFailures: 2, lastError: { kind: 'http', message: '503', at: LATEST + 1 } };
    const paragraph = composed(inputs).watch!.paragraphs[0]!;
    expect(paragraph).not.toContain('no longer');
    expect(paragraph).toContain("On GitHub's weekly trending page, octo/agent climbed from No. 6 to No. 2");
  });

  /**
   * The same id, shared/thing, as a model and as a dataset:
   *   models   | Thu: m/a, m/b, m/c, shared/thing (No. 4) | Fri: shared/thing (No. 1), m/a, m/b, m/c  → the model climbed 4 − 1 = 3
   *   datasets | Thu: shared/thing (No. 1), d/x          | Fri: d/x                                  → the dataset left (not watched)
   */
  it('follows the watched kind only: a dataset with the id of a watched model says nothing', () => {
    const inputs = inputsOf({
      now: NOW,
      timeZone: 'UTC',
      items: ['m/a', 'm/b', 'm/c', 'd/x', 'shared/thing'].map((id) => ({ id })),
      lists: {
        'hf-models': [
          { at: DAY, rows: [['m/a'], ['m/b'], ['m/c'], ['shared/thing', { likes: 10 }]] },
          { at: LATEST, rows: [['shared/thing', { likes: 1 }], ['m/a'], ['m/b'], ['m/c']] },
        ],
        'hf-datasets': [
          { at: DAY, rows: [['shared/thing'], ['d/x']] },
          { at: LATEST, rows: [['d/x']] },
        ],
      },
    });
    const issue = composed(watching(inputs, [model('shared/thing')]));
    // Likes 10 → 1: a figure is printed as it is, whichever way it went.
    expect(issue.watch?.paragraphs).toEqual(["On Hugging Face's trending models, shared/thing climbed from No. 4 to No. 1 since yesterday; its likes went from 10 to 1."]);
    expect(composed(watching(inputs, [{ kind: 'dataset', id: 'shared/thing' }])).watch?.paragraphs).toEqual([
      "No longer on Hugging Face's trending datasets: shared/thing, No. 1 yesterday.",
    ]);
  });

  it('prints at most eight items and says that others moved', () => {
    // Ten models, none in Thursday's list: all ten entered.
    const ids = Array.from({ length: 10 }, (_, index) => `fresh/m${index + 1}`);
    const inputs = inputsOf({
      now: NOW,
      timeZone: 'UTC',
      items: [...ids, 'old/x'].map((id) => ({ id, task: 'text-generation' })),
      lists: { 'hf-models': [{ at: DAY, rows: [['old/x']] }, { at: LATEST, rows: ids.map((id) => [id] as [string]) }] },
    });
    const watch = composed(watching(inputs, ids.map(model))).watch!;
    expect(watch.items.map((item) => item.itemId)).toEqual(ids.slice(0, 8));
    expect(watch.paragraphs.at(-1)).toBe('Other watched items moved too.');
    expect(watch.paragraphs[7]).toBe("New on Hugging Face's trending models since yesterday: fresh/m8, at No. 8.");
  });

  it('leaves out an entry whose id is not valid', () => {
    const inputs = watching(github(), [repo('not a repo'), repo('octo/agent')]);
    expect(composed(inputs).watch?.items.map((item) => item.itemId)).toEqual(['octo/agent']);
  });

  it('is in the Markdown export, each name linked, the rest escaped', () => {
    const markdown = issueToMarkdown(composed(watching(s1(), [model('india/Orbit-1B'), model('beta/Llama4-8B-GGUF')])));
    expect(markdown).toContain(
      "## Your Watchlist: Orbit-1B enters Hugging Face's trending models at No. 3\n\n" +
        "- New on Hugging Face's trending models since yesterday: [india/Orbit-1B](https://huggingface.co/india/Orbit-1B), at No. 3, with 80 likes.\n" +
        "- No longer on Hugging Face's trending models: [beta/Llama4-8B-GGUF](https://huggingface.co/beta/Llama4-8B-GGUF), No. 7 yesterday.",
    );
  });
});

describe('the watch piece stored', () => {
  it('comes back from the issue record as it was composed, keys in their order', async () => {
    const issue = composeIssue(watching(s1(), [model('india/Orbit-1B'), model('beta/Llama4-8B-GGUF')]));
    expect(issue.watch).toBeDefined();
    const back = await unpackIssue(await packIssue(issue));
    expect(JSON.stringify(back)).toBe(JSON.stringify(issue));
    expect(Object.keys(back).slice(0, 7)).toEqual(['number', 'publishedAt', 'timeZone', 'masthead', 'lead', 'watch', 'analysis']);
  });
});

describe('the oracle rejects a wrong watch piece', () => {
  const inputs = () => watching(s1(), [model('india/Orbit-1B'), model('beta/Llama4-8B-GGUF'), model('delta/Whisper3-Large')]);
  const problems = (change: (issue: Issue) => void) => {
    const issue = composeIssue(inputs());
    change(issue);
    return checkIssue(issue, inputs(), NO_AI).problems;
  };

  it('accepts the issue as composed', () => expect(problems(() => undefined)).toEqual([]));

  it('rejects a wrong rank, a move left out, a fall told as news and a departure from a failing source', () => {
    expect(problems((issue) => (issue.watch!.paragraphs[0] = issue.watch!.paragraphs[0]!.replace('No. 3', 'No. 4')))).not.toEqual([]);
    expect(
      problems((issue) => {
        issue.watch!.paragraphs.pop();
        issue.watch!.items.pop();
        issue.watch!.claims = issue.watch!.claims.filter((claim) => claim.kind !== 'left');
      }),
    ).toEqual(expect.arrayContaining([expect.stringContaining('hf-models beta/Llama4-8B-GGUF left, not told')]));
    const fell: Claim = { kind: 'left', sourceId: 'hf-models', itemId: 'delta/Whisper3-Large', sinceAt: S1_DAY, at: S1_LATEST, rank: 6, printed: ['6'] };
    expect(problems((issue) => issue.watch!.claims.push(fell)).join('\n')).toMatch(/still in the list/);
    const failing = inputs();
    failing.windows['hf-models']!.status = { sourceId: 'hf-models', lastSuccessAt: S1_LATEST, consecutiveFailures: 1, lastError: { kind: 'network', message: 'offline', at: S1_LATEST + 1 } };
    const issue = composeIssue(inputs());
    expect(checkIssue(issue, failing, NO_AI).problems.join('\n')).toMatch(/failing/);
  });
});
