import type { Issue, Story } from '../shared/issue-types';
import { EDITOR_MODEL_OPTIONS, type LanguageModelApi, type ModelAvailability } from '../shared/language-model';
import { errorMessage } from '../shared/error-message';
import { keepTogether } from '../issue/prose';
import { checkEdit, type CheckResult, type Fallback } from './check';
import { displayNamesOf, factSheetOf, type FactSheet } from './facts';

/**
 * The on-device editor (issue #12): the lead and the analysis pieces of a published issue, rewritten by the
 * browser's built-in language model from each piece's facts, and kept only where they pass the check
 * (lib/editor/check.ts). The model is a parameter (lib/shared/language-model.ts); the worker passes the browser's
 * (lib/browser/language-model.ts), the tests a fake.
 *
 * It never throws and never blocks publishing: the worker stores the template issue first and calls this after
 * (lib/background/worker.ts). Only a model that says `available` is used: `downloadable` and `downloading` leave the
 * template (the editor never starts a download of several gigabytes on the reader's behalf), as do `unavailable`,
 * a missing API, an error and a timeout.
 *
 * Time: each piece gets `PIECE_TIMEOUT_MS` (its session's creation and its prompt, aborted through their signal;
 * a model that ignores the signal is not waited for), and the whole edit `BUDGET_MS`. Chrome stops an extension's
 * service worker after 30 s without an event or an extension API call, and a call resets that timer
 * (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle): `keepAlive`, an
 * extension API call the worker passes in, is made before each piece, and a piece's 20 s stay under the 30. A
 * worker stopped mid-edit all the same has stored nothing of it, and the template stands.
 */
export const PIECE_TIMEOUT_MS = 20_000;
export const BUDGET_MS = 60_000;

export interface EditOptions {
  pieceTimeoutMs?: number;
  budgetMs?: number;
  now?: () => number;
  /** Called before each piece: an extension API call, which keeps the MV3 service worker from its 30 s idle stop. */
  keepAlive?: () => unknown;
}

export type PieceOutcome =
  | { edited: true; check: CheckResult }
  | { edited: false; why: Fallback | 'timeout' | 'error' | 'budget'; check?: CheckResult; message?: string };

export interface PieceReport {
  kind: 'lead' | 'piece';
  headline: string;
  outcome: PieceOutcome;
}

export interface EditReport {
  /** What the model said of itself; `unavailable` also where there is no model at all. */
  availability: ModelAvailability;
  pieces: PieceReport[];
  /** The issue with `edited` on each piece whose edit stood (the same object when none did). */
  issue: Issue;
  edited: number;
}

/** The editor's standing instructions: the sample issue's voice, and the rules the check will hold it to. */
export const SYSTEM_PROMPT = [
  'You are the editor of The AI Morning Post, a morning newspaper about what is trending in AI.',
  'You rewrite a short piece written from data into newspaper prose: a clear argument, paragraphs that connect the facts and say why they matter, the voice of a good broadsheet.',
  'Rules, which a checker enforces sentence by sentence: use only the facts you are given.',
  'Copy every number, name and id exactly as the facts write them. Add no other number, name, date, place or link.',
  'Do not call anything the biggest, the first, the only, a record or the leader unless the facts say so.',
  'Do not say why something happened unless the facts say why.',
  'Write plain text: paragraphs separated by one blank line, no headline, no Markdown, no lists.',
].join(' ');

/** The request for one piece: its headline, its facts (the checked template's sentences) and the shape wanted. */
export function promptFor(facts: FactSheet): string {
  const shape =
    facts.kind === 'lead'
      ? 'Write the lead story in three paragraphs: the news first, then what it means, then what to watch.'
      : 'Write this analysis piece in two to four short paragraphs.';
  const lines = facts.template.map((paragraph) => `- ${paragraph}`);
  return [`Headline: ${facts.headline}`, 'Facts:', ...lines, shape].join('\n');
}

class EditTimeout extends Error {
  override name = 'EditTimeout';
}

/** `work` with an abort signal and a deadline; rejects with an EditTimeout at the deadline whether or not `work` heeds the signal. */
async function within<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const error = new EditTimeout(`no answer within ${ms} ms`);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function editPiece(model: LanguageModelApi, facts: FactSheet, ms: number): Promise<PieceOutcome> {
  let session: { destroy(): void } | undefined;
  try {
    const output = await within(ms, async (signal) => {
      const created = await model.create({ ...EDITOR_MODEL_OPTIONS, initialPrompts: [{ role: 'system', content: SYSTEM_PROMPT }], signal });
      session = created;
      // Created after the deadline (a model that ignored the signal): nobody waits for it any more.
      signal.throwIfAborted();
      return created.prompt(promptFor(facts), { signal });
    });
    if (typeof output !== 'string') return { edited: false, why: 'error', message: `the model answered ${typeof output}` };
    const check = checkEdit(output, facts);
    return check.paragraphs ? { edited: true, check } : { edited: false, why: check.fallback ?? 'too-little', check };
  } catch (error) {
    return { edited: false, why: error instanceof EditTimeout ? 'timeout' : 'error', message: errorMessage(error) };
  } finally {
    try {
      session?.destroy();
    } catch {
      // A session that cannot be destroyed is the browser's to collect.
    }
  }
}

/** The pieces the editor rewrites, in the issue's order: the lead, then the analysis. */
function piecesOf(issue: Issue): { kind: 'lead' | 'piece'; story: Story }[] {
  return [{ kind: 'lead', story: issue.lead }, ...issue.analysis.map((story) => ({ kind: 'piece' as const, story }))];
}

export async function editIssue(issue: Issue, model: LanguageModelApi | undefined, options: EditOptions = {}): Promise<EditReport> {
  const now = options.now ?? (() => Date.now());
  const pieceMs = options.pieceTimeoutMs ?? PIECE_TIMEOUT_MS;
  const end = now() + (options.budgetMs ?? BUDGET_MS);
  const untouched = (availability: ModelAvailability): EditReport => ({ availability, pieces: [], issue, edited: 0 });
  if (!model) return untouched('unavailable');
  let availability: ModelAvailability;
  try {
    availability = await within(pieceMs, () => model.availability(EDITOR_MODEL_OPTIONS));
  } catch {
    return untouched('unavailable');
  }
  if (availability !== 'available') return untouched(availability === 'downloadable' || availability === 'downloading' ? availability : 'unavailable');

  const pieces: PieceReport[] = [];
  const stories: Story[] = [];
  const displayNames = displayNamesOf(issue);
  for (const { kind, story } of piecesOf(issue)) {
    const facts = factSheetOf(story, kind, displayNames);
    const left = end - now();
    if (left > 0 && options.keepAlive) {
      // Never a reason to fail: at worst the worker may be stopped, and the template stands.
      await Promise.resolve()
        .then(options.keepAlive)
        .catch(() => undefined);
    }
    const outcome: PieceOutcome = left <= 0 ? { edited: false, why: 'budget' } : await editPiece(model, facts, Math.min(pieceMs, left));
    pieces.push({ kind, headline: story.headline, outcome });
    stories.push(outcome.edited && outcome.check.paragraphs ? { ...story, edited: { paragraphs: outcome.check.paragraphs.map(keepTogether) } } : story);
  }
  const edited = pieces.filter((piece) => piece.outcome.edited).length;
  if (edited === 0) return { availability, pieces, issue, edited };
  const [lead, ...analysis] = stories;
  return { availability, pieces, issue: { ...issue, lead: lead!, analysis }, edited };
}
