import { refreshSources, nextRetryAt, type RefreshDeps, type RefreshTrigger, type SourceOutcome } from './refresh';
import { ensureRefreshAlarm, scheduleRetry, type AlarmsApi } from './schedule';
import { loadSettings, type SettingsStorage } from './settings';
import { singleFlight } from './single-flight';

export interface WorkerDeps extends Omit<RefreshDeps, 'intervalMinutes'> {
  alarms: AlarmsApi;
  settings: SettingsStorage;
}

/**
 * What the background does when something wakes it. The entrypoint only maps
 * browser events onto these calls; everything here takes its browser APIs as
 * parameters, so unit tests run it against WXT's fake browser.
 */
export function createWorker(deps: WorkerDeps) {
  const refresh = singleFlight(async (trigger: RefreshTrigger): Promise<SourceOutcome[]> => {
    const settings = await loadSettings(deps.settings);
    await ensureRefreshAlarm(deps.alarms, settings.refreshIntervalMinutes);
    const outcomes = await refreshSources({ ...deps, intervalMinutes: settings.refreshIntervalMinutes }, trigger);
    const statuses = await deps.db.sourceStatus.bulkGet(deps.sources.map((source) => source.id));
    await scheduleRetry(deps.alarms, nextRetryAt(statuses));
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
