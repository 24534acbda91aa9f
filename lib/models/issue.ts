import { action, computed, createModel, effect, signal } from '@preact/signals';
import type { MorningPostDB } from '../history/db';
import { firstScreenOf, teaserMovers, unpackIssue, type FirstScreen, type StoredIssue, type TeaserMover } from '../history/issue-codec';
import type { IssuePageRead } from '../history/plain-read';
import type { SourceStatus } from '../shared/records';
import type { Issue } from '../shared/issue-types';
import { clockSignal, liveQuerySignal, subscribeLive, type LiveSource, type LiveState } from './live-query';
import { errorMessage } from '../shared/error-message';
import type { VisibilitySource } from './read-marker';

export interface IssueModelDeps {
  /** Dexie, for live updates (a new issue published while the page is open, the sources' health). */
  live: LiveSource;
  /**
   * The page's first read with the plain IndexedDB API (lib/history/plain-read.ts
   * `readIssuePage`), started by the entrypoint before anything else. Absent:
   * the first values come from the live queries.
   */
  firstRead?: Promise<IssuePageRead>;
  /**
   * That first read's answer, when it came before the model was made (the
   * page's early script read it: lib/models/early-read.ts `issueAnswer`): the
   * model starts with it, so that the page's first render shows the issue
   * (and adopts the first screen the early script painted).
   */
  firstAnswer?: IssuePageRead;
  /** Tells the worker the reader has seen issue `number` (it clears the badge). Called once the page is ready, only when the page is visible. */
  markRead: (number: number) => Promise<unknown>;
  /** Whether the reader can see the page (`document` in the pages; issue #10). Absent: always visible. */
  visibility?: VisibilitySource;
  /** The issue to show first (from the page's URL); the latest when absent. */
  initialNumber?: number;
  /** Called when the reader pages to another issue (the page keeps it in its URL). */
  onShow?: (number: number) => void;
  /** Writes text to the clipboard / saves it as a file (lib/browser/export.ts in the pages). */
  copyText?: (text: string) => Promise<void>;
  downloadText?: (fileName: string, text: string) => void;
  now?: () => number;
}

type IssueRecord = StoredIssue | Issue;
type Decoded = { state: 'none' } | { state: 'ready'; record: IssueRecord; issue: Issue } | { state: 'error'; record: IssueRecord; message: string };

/** Issue numbers never repeat and a stored issue is never rewritten (lib/background/publish.ts); the time guards against a cleared database. */
const sameIssue = (a: IssueRecord | undefined, b: IssueRecord | undefined) => a !== undefined && b !== undefined && a.number === b.number && a.publishedAt === b.publishedAt;

/**
 * The paper a page shows: one stored issue (the latest, or one from the
 * archive), the latest number for paging, and the sources' live health.
 *
 * A stored issue carries its first screen (masthead and lead) uncompressed
 * beside the compressed whole (lib/history/issue-codec.ts): `front` is
 * known as soon as the record is read, `issue` once it is decoded, so the new
 * tab paints its first screen without waiting for the rest.
 */
export const IssueModel = createModel((deps: IssueModelDeps) => {
  const requested = signal<number | undefined>(deps.initialNumber);
  const exportStatus = signal<string | undefined>(undefined);
  const firstRead = deps.firstRead;

  const recordFor = async (db: MorningPostDB, number: number | undefined): Promise<IssueRecord | undefined> => {
    const latest = () => db.issues.orderBy('number').last() as Promise<IssueRecord | undefined>;
    return number === undefined ? latest() : (((await db.issues.get(number)) as IssueRecord | undefined) ?? latest());
  };
  // The record shown: the first read answers for the number the page opened with; paging re-queries live.
  const answer = deps.firstAnswer;
  const recordState = signal<LiveState<IssueRecord | undefined>>(answer ? { state: 'ready', value: answer.record } : { state: 'loading' });
  effect(() => {
    const number = requested.value;
    const opening = number === deps.initialNumber;
    const first = opening && answer ? 'known' : firstRead && opening ? () => firstRead.then((read) => read.record) : undefined;
    return subscribeLive(deps.live, (db) => recordFor(db, number), (state) => (recordState.value = state), first);
  });
  const latestNumber = liveQuerySignal(
    deps.live,
    async (db) => (await db.issues.orderBy('number').lastKey()) as number | undefined,
    firstRead && (() => firstRead.then((read) => read.latestNumber)),
    answer && { value: answer.latestNumber },
  );
  const statuses = liveQuerySignal(
    deps.live,
    (db) => db.sourceStatus.toArray(),
    firstRead && (() => firstRead.then((read) => read.statuses)),
    answer && { value: answer.statuses },
  );

  const record = computed(() => (recordState.value.state === 'ready' ? recordState.value.value : undefined));

  // Decoding the whole issue is asynchronous (DecompressionStream); the first screen does not wait for it.
  const decoded = signal<Decoded>({ state: 'none' });
  effect(() => {
    const current = record.value;
    if (!current) return;
    // A stored issue never changes: the same record read again (the live query's first answer after the plain read) is not decoded twice.
    const previous = decoded.peek();
    if (previous.state !== 'none' && sameIssue(previous.record, current)) return;
    let stale = false;
    unpackIssue(current).then(
      (issue) => {
        if (!stale) decoded.value = { state: 'ready', record: current, issue };
      },
      (error: unknown) => {
        if (!stale) decoded.value = { state: 'error', record: current, message: `Could not read issue No. ${current.number}: ${errorMessage(error)}` };
      },
    );
    return () => {
      stale = true;
    };
  });

  const front = computed<FirstScreen | undefined>(() => (record.value ? firstScreenOrNone(record.value) : undefined));
  const issue = computed(() => {
    const state = decoded.value;
    // Only the decoding of the record shown counts: paging must not show the previous issue's body under the next one's masthead.
    return state.state === 'ready' && sameIssue(state.record, record.value) ? state.issue : undefined;
  });
  const decodeError = computed(() => {
    const state = decoded.value;
    return state.state === 'error' && sameIssue(state.record, record.value) ? state.message : undefined;
  });

  // The issue shown counts as read once the page is ready and the reader can see it (issue #10): lib/models/read-marker.ts,
  // loaded after the paint (if it cannot load, the badge stays: nothing is marked read unseen). A page closed before
  // it loaded stops it as soon as it starts.
  const marking = Promise.resolve(deps.live.after)
    .then(() => import('./read-marker'))
    .then(
      (marker) => marker.markReadWhenSeen({ ...deps, shown: issue }),
      () => () => undefined,
    );
  effect(() => () => void marking.then((stop) => stop()));

  const show = action((number: number) => {
    const latest = latestNumber.value.state === 'ready' ? latestNumber.value.value : undefined;
    if (latest === undefined || number < 1 || number > latest) return;
    requested.value = number;
    deps.onShow?.(number);
  });

  const exportMarkdown = action(async (how: 'copy' | 'download') => {
    try {
      // A click before the whole issue is decoded exports it all the same.
      const shownRecord = record.value;
      const current = issue.value ?? (shownRecord ? await unpackIssue(shownRecord) : undefined);
      if (!current) return;
      // Loaded on first use: the export is not on the first-paint path.
      const { issueToMarkdown, issueFileName } = await import('../issue/markdown');
      const markdown = issueToMarkdown(current);
      if (how === 'copy') {
        await deps.copyText?.(markdown);
        exportStatus.value = 'Copied as Markdown.';
      } else {
        deps.downloadText?.(issueFileName(current), markdown);
        exportStatus.value = `Saved ${issueFileName(current)}.`;
      }
    } catch (error) {
      exportStatus.value = `Could not export: ${errorMessage(error)}`;
    }
  });

  const latestKnown = computed(() => latestNumber.value.state !== 'loading');
  const storageError = computed(() => {
    const state = recordState.value;
    return state.state === 'error' ? state.message : decodeError.value;
  });
  return {
    /** The shown issue's first screen: masthead and lead's headline, known before the whole issue is decoded. */
    front,
    issue,
    /**
     * The popup's movers: stored with the first screen (no decompression), or
     * taken from the decoded issue for a record stored before the teaser.
     */
    teaser: computed<TeaserMover[] | undefined>(() => front.value?.teaser ?? (issue.value ? teaserOf(issue.value) : undefined)),
    latestNumber: computed(() => (latestNumber.value.state === 'ready' ? latestNumber.value.value : undefined)),
    /** Live health of the sources, for the line under the masthead. */
    statuses: computed<SourceStatus[]>(() => (statuses.value.state === 'ready' ? statuses.value.value : [])),
    /** The first screen can be drawn: the record (or its absence) is known. */
    frontLoaded: computed(() => recordState.value.state !== 'loading' && latestKnown.value),
    /** Everything the page shows is known: the whole issue decoded, or there is none, or it failed. */
    loaded: computed(() => {
      const state = recordState.value;
      if (state.state === 'loading' || !latestKnown.value) return false;
      return state.state === 'error' || state.value === undefined || issue.value !== undefined || decodeError.value !== undefined;
    }),
    storageError,
    exportStatus: computed(() => exportStatus.value),
    now: clockSignal(deps.now ?? (() => Date.now())),
    show,
    exportMarkdown,
  };
});

export type IssueModel = InstanceType<typeof IssueModel>;

/**
 * The first screen of a record; none when a record stored whole by an older version lacks a part it is
 * made from (its movers' lists: issue #9) — the page then draws the decoded issue, whose sections have
 * their own error boundaries, instead of every page that reads `front` throwing.
 */
function firstScreenOrNone(record: IssueRecord): FirstScreen | undefined {
  try {
    return firstScreenOf(record);
  } catch {
    return undefined;
  }
}

/**
 * The movers of a record stored whole by an older version, which may lack a list (issue #9): none, rather
 * than a computed that throws into every page reading it.
 */
function teaserOf(issue: Issue): TeaserMover[] {
  try {
    return teaserMovers(issue.movers);
  } catch {
    return [];
  }
}
