import { browser } from 'wxt/browser';
import type { Issue } from '../shared/issue-types';
import { stripInvisible } from '../shared/invisible';

/**
 * The new-issue and watchlist notifications. `notifications` is an optional
 * permission (granted from the options page when the reader turns either on),
 * so it is checked here every time: the reader can withdraw it in the browser.
 * Clicking either opens its issue in a new tab (`listenForNotificationClicks`).
 */
export async function notifyIssue(issue: Issue): Promise<void> {
  if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
  listenForNotificationClicks();
  await browser.notifications.create(`issue-${issue.number}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: `The AI Morning Post — No. ${issue.number}`,
    // Composed from stored history, which an older version did not clean (issue #9).
    message: stripInvisible(issue.lead.headline),
  });
}

/** The watch piece in a notification: its headline, and its first paragraph (issue #10). */
export async function notifyWatch(issue: Issue): Promise<void> {
  if (!issue.watch || !(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
  listenForNotificationClicks();
  await browser.notifications.create(`watch-${issue.number}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: stripInvisible(`Your watchlist — ${issue.watch.headline}`),
    message: stripInvisible(issue.watch.paragraphs.join(' ')),
  });
}

/** `issue-12` or `watch-12` → 12. */
export function issueOfNotification(id: string): number | undefined {
  const number = /^(?:issue|watch)-(\d{1,9})$/.exec(id)?.[1];
  return number === undefined ? undefined : Number(number);
}

let listening = false;

/**
 * Opens the issue a notification speaks of (`newtab.html#/issue/N`, which the
 * new tab reads) and closes the notification. Called at the background's start
 * (a click may be what wakes it) and before each notification (the permission
 * may have been granted since the start, when `browser.notifications` was not there).
 */
export function listenForNotificationClicks(): void {
  if (listening || !browser.notifications?.onClicked) return;
  listening = true;
  browser.notifications.onClicked.addListener((id) => {
    const number = issueOfNotification(id);
    if (number === undefined) return;
    void browser.tabs.create({ url: browser.runtime.getURL(`/newtab.html#/issue/${number}`) });
    void browser.notifications.clear(id);
  });
}

/** Asks for the permission; must run on a click (a user gesture) in the options page. */
export async function requestNotificationPermission(): Promise<boolean> {
  return browser.permissions.request({ permissions: ['notifications'] });
}
