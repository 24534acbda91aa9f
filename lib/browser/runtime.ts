import { browser } from 'wxt/browser';
import type { RefreshNowReply, WorkerRequest } from '../messages';

/** Pages talk to the worker through this, never through `browser.runtime` directly. */
export function requestRefresh(): Promise<RefreshNowReply | undefined> {
  const request: WorkerRequest = { type: 'refresh-now' };
  return browser.runtime.sendMessage(request) as Promise<RefreshNowReply | undefined>;
}
