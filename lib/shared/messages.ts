import type { SourceFailure } from '../sources/errors';
import type { SourceId } from '../sources/ids';

/** What one refresh did for one source: the worker's reply to "refresh now". */
export type SourceOutcome =
  | { sourceId: SourceId; result: 'stored'; items: number; dropped: number }
  // A 304 to a conditional request: the stored list stands, confirmed now (issue #12).
  | { sourceId: SourceId; result: 'unchanged' }
  | { sourceId: SourceId; result: 'failed'; failure: SourceFailure; nextAttemptAt: number }
  | { sourceId: SourceId; result: 'skipped'; reason: 'not-due' | 'rate-limited' | 'daily-limit'; until: number };

/** Messages the pages send the background worker. */
export type WorkerRequest = { type: 'refresh-now' } | { type: 'issue-read'; number: number };
export type RefreshNowReply = { outcomes: SourceOutcome[] };
export type IssueReadReply = { unread: number };

export function isWorkerRequest(message: unknown): message is WorkerRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, number } = message as { type?: unknown; number?: unknown };
  return type === 'refresh-now' || (type === 'issue-read' && Number.isSafeInteger(number) && (number as number) > 0);
}

/**
 * The database's record (table `meta`) of the last issue read: the badge counts the issues after it
 * (lib/background/badge.ts), and a page reads it so as not to wake the worker for an issue already read (issue #10).
 */
export const LAST_READ = 'lastReadIssue';
