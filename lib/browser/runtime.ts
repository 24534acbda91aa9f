import type { IssueReadReply, RefreshNowReply, WorkerRequest } from '../shared/messages';

/**
 * Pages talk to the worker through these, never through `browser.runtime`
 * directly. The extension API (and webextension-polyfill with it) is loaded on
 * first use: the new tab paints from IndexedDB alone, so its first paint does
 * not carry it.
 */
async function send<Reply>(request: WorkerRequest): Promise<Reply | undefined> {
  const { browser } = await import('wxt/browser');
  return (await browser.runtime.sendMessage(request)) as Reply | undefined;
}

export function requestRefresh(): Promise<RefreshNowReply | undefined> {
  return send<RefreshNowReply>({ type: 'refresh-now' });
}

export function markIssueRead(number: number): Promise<IssueReadReply | undefined> {
  return send<IssueReadReply>({ type: 'issue-read', number });
}
