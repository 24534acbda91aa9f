import { liveQuery } from 'dexie';
import { action, computed, createModel, effect, signal } from '@preact/signals';
import type { MorningPostDB } from '../history/db';
import type { SourceStatus } from '../shared/records';
import type { Issue } from '../shared/issue-types';
import { clockSignal, liveQuerySignal } from './live-query';

export interface IssueModelDeps {
  db: MorningPostDB;
  /** Tells the worker the reader has seen issue `number` (it clears the badge). */
  markRead: (number: number) => Promise<unknown>;
  /** The issue to show first (from the page's URL); the latest when absent. */
  initialNumber?: number;
  /** Called when the reader pages to another issue (the page keeps it in its URL). */
  onShow?: (number: number) => void;
  /** Writes text to the clipboard / saves it as a file (lib/browser/export.ts in the pages). */
  copyText?: (text: string) => Promise<void>;
  downloadText?: (fileName: string, text: string) => void;
  now?: () => number;
}

type IssueState = { state: 'loading' } | { state: 'ready'; issue: Issue | undefined } | { state: 'error'; message: string };

/**
 * The paper a page shows: one stored issue (the latest, or one from the
 * archive), the latest number for paging, and the sources' live health. The
 * new tab's first paint needs nothing else: one record, read from IndexedDB.
 */
export const IssueModel = createModel((deps: IssueModelDeps) => {
  const requested = signal<number | undefined>(deps.initialNumber);
  const shown = signal<IssueState>({ state: 'loading' });
  const exportStatus = signal<string | undefined>(undefined);

  // Re-subscribed whenever the reader pages: the issue itself never changes, but
  // the latest one arrives while the page is open.
  effect(() => {
    const number = requested.value;
    const subscription = liveQuery(async () =>
      number === undefined ? deps.db.issues.orderBy('number').last() : ((await deps.db.issues.get(number)) ?? deps.db.issues.orderBy('number').last()),
    ).subscribe({
      next: (issue) => (shown.value = { state: 'ready', issue }),
      error: (error: unknown) => (shown.value = { state: 'error', message: error instanceof Error ? error.message : String(error) }),
    });
    return () => subscription.unsubscribe();
  });
  const latestNumber = liveQuerySignal(async () => (await deps.db.issues.orderBy('number').lastKey()) as number | undefined);
  const statuses = liveQuerySignal(() => deps.db.sourceStatus.toArray());

  const issue = computed(() => (shown.value.state === 'ready' ? shown.value.issue : undefined));

  // Opening an issue marks it read, once per issue shown.
  let lastMarked = 0;
  effect(() => {
    const number = issue.value?.number;
    if (number !== undefined && number !== lastMarked) {
      lastMarked = number;
      void deps.markRead(number).catch(() => undefined);
    }
  });

  const show = action((number: number) => {
    const latest = latestNumber.value.state === 'ready' ? latestNumber.value.value : undefined;
    if (latest === undefined || number < 1 || number > latest) return;
    requested.value = number;
    deps.onShow?.(number);
  });

  const exportMarkdown = action(async (how: 'copy' | 'download') => {
    const current = issue.value;
    if (!current) return;
    try {
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
      exportStatus.value = `Could not export: ${error instanceof Error ? error.message : String(error)}`;
    }
  });

  return {
    issue,
    latestNumber: computed(() => (latestNumber.value.state === 'ready' ? latestNumber.value.value : undefined)),
    /** Live health of the sources, for the line under the masthead. */
    statuses: computed<SourceStatus[]>(() => (statuses.value.state === 'ready' ? statuses.value.value : [])),
    loaded: computed(() => shown.value.state !== 'loading' && latestNumber.value.state !== 'loading'),
    storageError: computed(() => (shown.value.state === 'error' ? shown.value.message : undefined)),
    exportStatus: computed(() => exportStatus.value),
    now: clockSignal(deps.now ?? (() => Date.now())),
    show,
    exportMarkdown,
  };
});

export type IssueModel = InstanceType<typeof IssueModel>;
