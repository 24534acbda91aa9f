import { markRead, updateBadge, type BadgeApi } from './badge';
import { repackLegacyIssues } from '../history/issues';
import { pruneIfDue } from '../history/retention';
import type { Issue } from '../shared/issue-types';
import { nextMorningAfter, publishIfDue } from './publish';
import { refreshSources, nextRetryAt, type RefreshDeps, type RefreshTrigger } from './refresh';
import type { SourceOutcome } from '../shared/messages';
import { ensureMorningAlarm, ensureRefreshAlarm, RETRY_ALARM, scheduleRetry, type AlarmsApi } from './schedule';
import { loadGithubToken, type LocalStorageArea } from '../shared/secrets';
import { loadSettings, type SettingsStorage } from '../shared/settings';
import { singleFlight } from './single-flight';

export interface WorkerDeps extends Omit<RefreshDeps, 'intervalMinutes' | 'githubToken'> {
  alarms: AlarmsApi;
  settings: SettingsStorage;
  /** `storage.local`, where the optional GitHub token lives. */
  local: LocalStorageArea;
  /** `browser.action`, for the unread-issues badge. */
  action: BadgeApi;
  /** Shows a system notification for a new issue (only called when the reader turned it on). */
  notify?: (issue: Issue) => Promise<void>;
}

/**
 * Before a run starts, a retry alarm this far ahead: if the browser stops the
 * worker mid-refresh, that alarm wakes it to finish the work (the end of a
 * run replaces or clears it).
 */
export const WATCHDOG_MS = 2 * 60_000;

/**
 * What the background does when something wakes it. The entrypoint only maps
 * browser events onto these calls; everything here takes its browser APIs as
 * parameters, so unit tests run it against WXT's fake browser.
 */
export function createWorker(deps: WorkerDeps) {
  const refresh = singleFlight(async (trigger: RefreshTrigger): Promise<SourceOutcome[]> => {
    const [settings, githubToken] = await Promise.all([loadSettings(deps.settings), loadGithubToken(deps.local)]);
    await ensureRefreshAlarm(deps.alarms, settings.refreshIntervalMinutes);
    await ensureMorningAlarm(deps.alarms, nextMorningAfter(deps.now(), settings.morningTime));
    await deps.alarms.create(RETRY_ALARM, { when: deps.now() + WATCHDOG_MS });
    const sources = deps.sources.filter((source) => settings.sources[source.id]);
    const outcomes = await refreshSources(
      { ...deps, sources, intervalMinutes: settings.refreshIntervalMinutes, ...(githubToken ? { githubToken } : {}) },
      trigger,
    );
    const statuses = await deps.db.sourceStatus.bulkGet(sources.map((source) => source.id));
    await scheduleRetry(deps.alarms, nextRetryAt(statuses, deps.now()));
    await pruneIfDue(deps.db, deps.now());
    const issue = await publishIfDue(deps.db, deps.now(), settings);
    await updateBadge(deps.db, deps.action, settings.badge);
    if (issue && settings.notifications && deps.notify) {
      // A notification that cannot be shown (permission withdrawn) must not fail the refresh.
      await deps.notify(issue).catch(() => undefined);
    }
    // Issues stored whole before issue #8 are repacked a batch a wake, last, outside any transaction
    // (packing awaits CompressionStream). Once all are packed a call reads only the newest issue. A
    // failure here costs the reader nothing (a legacy record reads as it is), so it never fails the refresh.
    await repackLegacyIssues(deps.db).catch((error: unknown) => console.warn('Could not repack stored issues:', error));
    return outcomes;
  });

  return {
    /** Install, start-up, the periodic alarm, a retry alarm or the reader's "refresh now". */
    wake: (trigger: RefreshTrigger) => refresh(trigger),
    /** The reader changed settings: put the alarms and the badge in step with them. */
    async settingsChanged(): Promise<void> {
      const settings = await loadSettings(deps.settings);
      await ensureRefreshAlarm(deps.alarms, settings.refreshIntervalMinutes);
      await ensureMorningAlarm(deps.alarms, nextMorningAfter(deps.now(), settings.morningTime));
      await updateBadge(deps.db, deps.action, settings.badge);
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
