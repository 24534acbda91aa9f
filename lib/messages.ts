import type { SourceOutcome } from './refresh';

/** Messages the pages send the background worker. */
export type WorkerRequest = { type: 'refresh-now' } | { type: 'issue-read'; number: number };
export type RefreshNowReply = { outcomes: SourceOutcome[] };
export type IssueReadReply = { unread: number };

export function isWorkerRequest(message: unknown): message is WorkerRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, number } = message as { type?: unknown; number?: unknown };
  return type === 'refresh-now' || (type === 'issue-read' && Number.isSafeInteger(number) && (number as number) > 0);
}
