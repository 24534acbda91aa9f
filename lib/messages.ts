import type { SourceOutcome } from './refresh';

/** Messages the pages send the background worker. */
export type WorkerRequest = { type: 'refresh-now' };
export type RefreshNowReply = { outcomes: SourceOutcome[] };

export function isWorkerRequest(message: unknown): message is WorkerRequest {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'refresh-now';
}
