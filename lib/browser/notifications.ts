import { browser } from 'wxt/browser';
import type { Issue } from '../shared/issue-types';
import { stripInvisible } from '../shared/invisible';

/**
 * The new-issue notification. `notifications` is an optional permission
 * (granted from the options page when the reader turns it on), so it is
 * checked here every time: the reader can withdraw it in the browser.
 */
export async function notifyIssue(issue: Issue): Promise<void> {
  if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
  await browser.notifications.create(`issue-${issue.number}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: `The AI Morning Post — No. ${issue.number}`,
    // Composed from stored history, which an older version did not clean (issue #9).
    message: stripInvisible(issue.lead.headline),
  });
}

/** Asks for the permission; must run on a click (a user gesture) in the options page. */
export async function requestNotificationPermission(): Promise<boolean> {
  return browser.permissions.request({ permissions: ['notifications'] });
}
