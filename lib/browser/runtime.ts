import type { RefreshNowReply, WorkerRequest } from '../messages';

/**
 * Pages talk to the worker through this, never through `browser.runtime`
 * directly. The extension API (and webextension-polyfill with it) is loaded on
 * first use: the new tab paints from IndexedDB alone, so its first paint does
 * not carry it.
 */
export async function requestRefresh(): Promise<RefreshNowReply | undefined> {
  const { browser } = await import('wxt/browser');
  const request: WorkerRequest = { type: 'refresh-now' };
  return (await browser.runtime.sendMessage(request)) as RefreshNowReply | undefined;
}
