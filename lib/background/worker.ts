import { markRead, updateBadge, type BadgeApi } from './badge';
import { latestIssueHead, repackLegacyIssues, storeEditedText } from '../history/issues';
import { editIssue, type EditOptions, type EditReport } from '../editor/edit';
import type { LanguageModelApi } from '../shared/language-model';
import { pruneIfDue } from '../history/retention';
import type { Issue } from '../shared/issue-types';
import { nextIssueMorning, publishIfDue } from './publish';
import { refreshSources, nextRetryAt, type RefreshDeps, type RefreshTrigger } from './refresh';
import type { SourceOutcome } from '../shared/messages';
import { ensureMorningAlarm, ensureRefreshAlarm, RETRY_ALARM, scheduleRetry, type AlarmsApi } from './schedule';
import { loadGithubToken, type LocalStorageArea } from '../shared/secrets';
import { loadSettings, type Settings, type SettingsStorage } from '../shared/settings';
import { singleFlight } from './single-flight';
import { systemTimeZone } from '../shared/time';
import type { MorningPostDB } from '../history/db';
import type { WatchEntry } from '../issue/inputs';
import { drawJitter, JITTER_KEY, morningDelayMs, readJitter } from '../shared/jitter';

export interface WorkerDeps extends Omit<RefreshDeps, 'intervalMinutes' | 'githubToken' | 'timeZone'> {
  alarms: AlarmsApi;
  settings: SettingsStorage;
  /** `storage.local`, where the optional GitHub token lives, and the watchdog's count of unfinished wakes. */
  local: LocalStorageArea;
  /** `browser.action`, for the unread-issues badge. */
  action: BadgeApi;
  /** Shows a system notification for a new issue (only called when the reader turned it on). */
  notify?: (issue: Issue) => Promise<void>;
  /** The reader's watchlist, from `storage.sync` (lib/browser/watchlist.ts); none when absent. */
  watchlist?: () => Promise<readonly WatchEntry[]>;
  /**
   * Shows a system notification summarising the issue's watch piece: only called when the reader turned
   * `watchNotifications` on and the issue has one (issue #10).
   */
  notifyWatch?: (issue: Issue) => Promise<void>;
  /**
   * The reader's IANA time zone, asked at every wake (a traveller's changes): whose days get one issue each and
   * whose clock shows the morning time. Default: the browser's (lib/shared/time.ts `systemTimeZone`).
   */
  timeZone?: () => string;
  /**
   * The browser's built-in language model (lib/browser/language-model.ts), asked for after each issue is published
   * when the reader lets the editor edit (issue #12); none where the browser has no such API.
   */
  languageModel?: () => LanguageModelApi | undefined;
  /** The editor's time limits (lib/editor/edit.ts); the tests shorten them. */
  editOptions?: EditOptions;
  /** Told what the editor did with each new issue (tests, and the console). */
  onEdited?: (report: EditReport) => void;
}

/**
 * Before a run starts, a retry alarm this far ahead: if the browser stops the
 * worker mid-refresh, that alarm wakes it to finish the work (the end of a
 * run replaces or clears it).
 */
export const WATCHDOG_MS = 2 * 60_000;

/**
 * `storage.local` key: how many wakes in a row started and did not finish
 * cleanly (stopped by the browser, or a step threw). Kept outside IndexedDB, so
 * that a broken database cannot lose it, and read by whichever worker the
 * browser starts next (engineering.md, habit 4: memory is only a cache).
 */
export const UNFINISHED_WAKES_KEY = 'unfinishedWakes';

/**
 * The watchdog alarm's delay after `unfinished` wakes in a row that did not
 * finish: 2, 4, 8… minutes, never more than the refresh interval. A wake that
 * keeps failing used to re-run every 2 minutes for ever (issue #9, finding 9).
 */
export function watchdogDelayMs(unfinished: number, intervalMinutes: number): number {
  const cap = Math.max(intervalMinutes * 60_000, WATCHDOG_MS);
  return Math.min(WATCHDOG_MS * 2 ** Math.min(Math.max(0, unfinished), 30), cap);
}

/**
 * The morning alarm, at the next morning an issue will be due (a day that has
 * its issue, published at install before the morning time, gets no morning
 * wake). Re-created only when that time changed.
 */
async function ensureIssueMorningAlarm(db: MorningPostDB, alarms: AlarmsApi, now: number, morningTime: string, timeZone: string, jitterSeconds: number): Promise<void> {
  // The install's morning wake comes `delay` after the morning time (lib/shared/jitter.ts): the next such wake after
  // now is the next morning after `now − delay`, plus the delay.
  const delay = morningDelayMs(jitterSeconds);
  await ensureMorningAlarm(alarms, nextIssueMorning(now - delay, morningTime, await latestIssueHead(db), timeZone) + delay);
}

/**
 * The install's refresh offset (lib/shared/jitter.ts), drawn once and kept in `storage.local`; a stored value that
 * is not one (missing, edited, of another shape) is drawn again. If storage cannot be written, the offset drawn
 * serves this wake.
 */
export async function installJitter(local: LocalStorageArea, random: () => number): Promise<number> {
  try {
    const stored = readJitter((await local.get(JITTER_KEY))[JITTER_KEY]);
    if (stored !== undefined) return stored;
  } catch {
    // Unreadable storage: a fresh draw serves this wake, and the next wake tries storage again.
  }
  const drawn = drawJitter(random());
  try {
    await local.set({ [JITTER_KEY]: drawn });
  } catch (error) {
    console.warn('The AI Morning Post: could not keep the refresh offset:', error);
  }
  return drawn;
}

async function readUnfinished(local: LocalStorageArea): Promise<number> {
  const value = (await local.get(UNFINISHED_WAKES_KEY))[UNFINISHED_WAKES_KEY];
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;
}

/**
 * What the background does when something wakes it. The entrypoint only maps
 * browser events onto these calls; everything here takes its browser APIs as
 * parameters, so unit tests run it against WXT's fake browser.
 *
 * A wake never rejects (issue #9, finding 9: the entrypoint's `void
 * worker.wake(...)` left a rejection unhandled, and everything after the
 * failing step was skipped). Each step catches and logs its own failure and
 * the rest go on: a source that failed, or whose failure could not be
 * recorded, does not stop the prune, the issue or the badge.
 */
export function createWorker(deps: WorkerDeps) {
  const zone = deps.timeZone ?? systemTimeZone;
  const refresh = singleFlight(async (trigger: RefreshTrigger): Promise<SourceOutcome[]> => {
    let clean = true;
    async function step<T>(what: string, work: () => Promise<T> | T, fallback: T): Promise<T> {
      try {
        return await work();
      } catch (error) {
        clean = false;
        console.error(`The AI Morning Post: ${what} failed (${trigger} wake):`, error);
        return fallback;
      }
    }

    const timeZone = zone();
    const settings = await step<Settings | undefined>('reading the settings', () => loadSettings(deps.settings), undefined);
    const intervalMinutes = settings?.refreshIntervalMinutes ?? 60;
    const unfinished = await step('reading the watchdog count', () => readUnfinished(deps.local), 0);
    await step('setting the watchdog alarm', async () => {
      await deps.alarms.create(RETRY_ALARM, { when: deps.now() + watchdogDelayMs(unfinished, intervalMinutes) });
      await deps.local.set({ [UNFINISHED_WAKES_KEY]: unfinished + 1 });
    }, undefined);

    let outcomes: SourceOutcome[] = [];
    const sources = settings ? deps.sources.filter((source) => settings.sources[source.id]) : [];
    // Without the reader's settings nothing that depends on them is done (which sources to request, the issue's
    // filters, the badge): the watchdog brings the next attempt, backing off while the settings stay unreadable.
    if (settings) {
      await step('setting the alarms', async () => {
        const jitterSeconds = await installJitter(deps.local, deps.random);
        await ensureRefreshAlarm(deps.alarms, settings.refreshIntervalMinutes, deps.now(), jitterSeconds);
        await ensureIssueMorningAlarm(deps.db, deps.alarms, deps.now(), settings.morningTime, timeZone, jitterSeconds);
      }, undefined);
      const githubToken = await step('reading the GitHub token', () => loadGithubToken(deps.local), undefined);
      outcomes = await step(
        'refreshing the sources',
        () => refreshSources({ ...deps, sources, intervalMinutes: settings.refreshIntervalMinutes, timeZone, ...(githubToken ? { githubToken } : {}) }, trigger),
        [],
      );
    }
    await step('thinning the history', () => pruneIfDue(deps.db, deps.now(), undefined, timeZone), undefined);
    if (settings) {
      // Read before publishing: storage.sync cannot be awaited inside the issue's read transaction. Unreadable, the
      // issue is published without its watch piece rather than not at all.
      const watchlist = deps.watchlist ? await step('reading the watchlist', deps.watchlist, []) : [];
      const issue = await step('publishing the issue', () => publishIfDue(deps.db, deps.now(), settings, timeZone, watchlist), undefined);
      // Once today's issue is out, the morning alarm moves to tomorrow's (installed at 06:00: no wake at 07:00).
      if (issue) {
        await step('setting the morning alarm', async () => ensureIssueMorningAlarm(deps.db, deps.alarms, deps.now(), settings.morningTime, timeZone, await installJitter(deps.local, deps.random)), undefined);
      }
      await step('updating the badge', () => updateBadge(deps.db, deps.action, settings.badge), 0);
      if (issue && settings.notifications && deps.notify) {
        // A notification that cannot be shown (permission withdrawn) must not fail the refresh.
        await deps.notify(issue).catch((error: unknown) => console.warn('The AI Morning Post: could not show the notification:', error));
      }
      if (issue?.watch && settings.watchNotifications && deps.notifyWatch) {
        await deps.notifyWatch(issue).catch((error: unknown) => console.warn('The AI Morning Post: could not show the watchlist notification:', error));
      }
      // The on-device editor (issue #12), after the template issue is stored, the badge set and the reader told:
      // publishing never waits on the model. What passes the check is written beside the template.
      if (issue && settings.editor && deps.languageModel) {
        const model = deps.languageModel;
        await step('editing the issue on this device', async () => {
          // Reading an alarm is an extension API call: it keeps the worker from its idle stop between pieces.
          const keepAlive = () => deps.alarms.get(RETRY_ALARM);
          const report = await editIssue(issue, model(), { now: deps.now, keepAlive, ...deps.editOptions });
          if (report.edited > 0) await storeEditedText(deps.db, report.issue);
          deps.onEdited?.(report);
        }, undefined);
      }
      // Last, so that the watchdog set at the start covers the whole wake: a worker stopped while publishing is
      // woken again to publish, not left until the next periodic alarm.
      await step('setting the retry alarm', async () => {
        const statuses = await deps.db.sourceStatus.bulkGet(sources.map((source) => source.id));
        await scheduleRetry(deps.alarms, nextRetryAt(statuses, deps.now(), timeZone));
      }, undefined);
    }
    // Issues stored whole before issue #8 are repacked a batch a wake, last, outside any transaction
    // (packing awaits CompressionStream). Once all are packed a call reads only the newest issue. A
    // failure here costs the reader nothing (a legacy record reads as it is), so it never fails the refresh.
    await repackLegacyIssues(deps.db).catch((error: unknown) => console.warn('The AI Morning Post: could not repack stored issues:', error));
    // A clean run resets the watchdog's back-off; one that met a failure leaves the count up.
    if (clean) await step('resetting the watchdog count', () => deps.local.remove(UNFINISHED_WAKES_KEY), undefined);
    return outcomes;
  });

  return {
    /** Install, start-up, the periodic alarm, a retry alarm or the reader's "refresh now". Never rejects. */
    wake: (trigger: RefreshTrigger): Promise<SourceOutcome[]> =>
      refresh(trigger).catch((error: unknown) => {
        console.error(`The AI Morning Post: the ${trigger} wake failed:`, error);
        return [];
      }),
    /** The reader changed settings: put the alarms and the badge in step with them. Never rejects. */
    async settingsChanged(): Promise<void> {
      try {
        const settings = await loadSettings(deps.settings);
        const jitterSeconds = await installJitter(deps.local, deps.random);
        await ensureRefreshAlarm(deps.alarms, settings.refreshIntervalMinutes, deps.now(), jitterSeconds);
        await ensureIssueMorningAlarm(deps.db, deps.alarms, deps.now(), settings.morningTime, zone(), jitterSeconds);
        await updateBadge(deps.db, deps.action, settings.badge);
      } catch (error) {
        console.error('The AI Morning Post: could not follow the changed settings:', error);
      }
    },
    /** The reader opened issue `number` (new tab or popup): it and every older one are read. */
    async issueRead(number: number): Promise<number> {
      await markRead(deps.db, number);
      const settings = await loadSettings(deps.settings);
      return updateBadge(deps.db, deps.action, settings.badge);
    },
  };
}

export type Worker = ReturnType<typeof createWorker>;
