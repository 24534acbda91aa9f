import { pruneIfDue } from './history/retention';
import { refreshSources, nextRetryAt, type RefreshDeps, type RefreshTrigger, type SourceOutcome } from './refresh';
import { ensureRefreshAlarm, RETRY_ALARM, scheduleRetry, type AlarmsApi } from './schedule';
import { loadGithubToken, type LocalStorageArea } from './secrets';
import { loadSettings, type SettingsStorage } from './settings';
import { singleFlight } from './single-flight';

export interface WorkerDeps extends Omit<RefreshDeps, 'intervalMinutes' | 'githubToken'> {
  alarms: AlarmsApi;
  settings: SettingsStorage;
  /** `storage.local`, where the optional GitHub token lives. */
  local: LocalStorageArea;
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
    await deps.alarms.create(RETRY_ALARM, { when: deps.now() + WATCHDOG_MS });
    const sources = deps.sources.filter((source) => settings.sources[source.id]);
    const outcomes = await refreshSources(
      { ...deps, sources, intervalMinutes: settings.refreshIntervalMinutes, ...(githubToken ? { githubToken } : {}) },
      trigger,
    );
    const statuses = await deps.db.sourceStatus.bulkGet(sources.map((source) => source.id));
    await scheduleRetry(deps.alarms, nextRetryAt(statuses));
    await pruneIfDue(deps.db, deps.now());
    return outcomes;
  });

  return {
    /** Install, start-up, the periodic alarm, a retry alarm or the reader's "refresh now". */
    wake: (trigger: RefreshTrigger) => refresh(trigger),
    /** The reader changed settings: put the alarm in step with the new interval. */
    async settingsChanged(): Promise<void> {
      const settings = await loadSettings(deps.settings);
      await ensureRefreshAlarm(deps.alarms, settings.refreshIntervalMinutes);
    },
  };
}

export type Worker = ReturnType<typeof createWorker>;
