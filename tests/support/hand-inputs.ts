import type { IssueInputs, SourceWindow } from '@/lib/issue/inputs';
import { DEFAULT_SETTINGS } from '@/lib/shared/settings';

/** Issue inputs around hand-built windows: issue No. 7, a minute after `latestAt`, in UTC, default settings. */
export function handInputs(windows: SourceWindow[], latestAt: number, extra: Partial<IssueInputs> = {}): IssueInputs {
  return {
    now: latestAt + 60_000,
    timeZone: 'UTC',
    number: 7,
    windows: Object.fromEntries(windows.map((window) => [window.sourceId, window])),
    filters: DEFAULT_SETTINGS,
    enabled: DEFAULT_SETTINGS.sources,
    ...extra,
  };
}
