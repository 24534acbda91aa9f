import { browser } from 'wxt/browser';
import { MorningPostDB } from '@/lib/history/db';
import { listenForNotificationClicks, notifyIssue, notifyWatch } from '@/lib/browser/notifications';
import { readWatchlist } from '@/lib/browser/watchlist';
import { builtInLanguageModel } from '@/lib/browser/language-model';
import { isWorkerRequest, type IssueReadReply, type RefreshNowReply } from '@/lib/shared/messages';
import { MORNING_ALARM, RETRY_ALARM } from '@/lib/background/schedule';
import { SETTINGS_KEY } from '@/lib/shared/settings';
import { SOURCES } from '@/lib/sources';
import { createWorker } from '@/lib/background/worker';

// main() stays synchronous and registers every listener at the top level: in
// MV3 a listener added after an await misses the event that woke the worker
// (WXT docs, "Background"; engineering.md, habit 3).
export default defineBackground(() => {
  const worker = createWorker({
    db: new MorningPostDB(),
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    random: () => Math.random(),
    sources: Object.values(SOURCES),
    alarms: browser.alarms,
    settings: browser.storage.sync,
    local: browser.storage.local,
    action: browser.action,
    notify: notifyIssue,
    watchlist: readWatchlist,
    notifyWatch,
    // Chrome's Prompt API where the browser has it (issue #12); absent in Firefox and older Chrome.
    languageModel: builtInLanguageModel,
    onEdited: (report) =>
      console.info(`The AI Morning Post: the on-device editor (model ${report.availability}) edited ${report.edited} of ${report.pieces.length} pieces.`),
  });
  // A click on a notification opens its issue; the click may be what woke the worker.
  listenForNotificationClicks();

  // `wake` and `settingsChanged` never reject: each step of a wake catches and logs its own failure
  // (lib/background/worker.ts, issue #9 finding 9), so `void` leaves no rejection unhandled.
  browser.runtime.onInstalled.addListener(() => void worker.wake('install'));
  browser.runtime.onStartup.addListener(() => void worker.wake('startup'));
  browser.alarms.onAlarm.addListener(
    (alarm) => void worker.wake(alarm.name === RETRY_ALARM ? 'retry' : alarm.name === MORNING_ALARM ? 'morning' : 'alarm'),
  );
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && SETTINGS_KEY in changes) void worker.settingsChanged();
  });
  // An async handler returns a native promise; a Dexie promise would reach the
  // sender as undefined (toolchain.md).
  browser.runtime.onMessage.addListener(async (message: unknown): Promise<RefreshNowReply | IssueReadReply | undefined> => {
    if (!isWorkerRequest(message)) return undefined;
    if (message.type === 'issue-read') return { unread: await worker.issueRead(message.number) };
    return { outcomes: await worker.wake('manual') };
  });
});
