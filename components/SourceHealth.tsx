import type { SourceStatus } from '@/lib/history/db';
import { ago, isoTime, timeOfDay } from '@/lib/format';

export interface SourceHealthProps {
  label: string;
  status: SourceStatus | undefined;
  /** When the list on screen was fetched. */
  shownFetchedAt: number | undefined;
  now: number;
  refreshing: boolean;
  refreshError: string | undefined;
  onRefresh: () => void;
}

/**
 * When a source last refreshed, and if it is failing: what failed, since when,
 * and when it will try again (product.md: "never claim fresh data").
 * Only the failure sits in the live region: the ticking "3 min ago" is not
 * announced to screen readers every minute.
 */
export function SourceHealth({ label, status, shownFetchedAt, now, refreshing, refreshError, onRefresh }: SourceHealthProps) {
  const failing = status?.lastError && (status.lastSuccessAt ?? 0) < status.lastError.at ? status.lastError : undefined;
  const retryAt = failing ? Math.max(status?.nextAttemptAt ?? 0, status?.notBefore ?? 0) : undefined;
  const state = failing ? 'failing' : shownFetchedAt === undefined ? 'waiting' : 'ok';

  return (
    <div class={`health health--${state}`} data-source={status?.sourceId} data-health={state}>
      <p class="health__text">
        <strong class="health__label">{label}</strong>{' '}
        {shownFetchedAt !== undefined ? (
          <span>
            updated <time dateTime={isoTime(shownFetchedAt)}>{timeOfDay(shownFetchedAt, now)}</time> (
            {ago(shownFetchedAt, now)}){failing ? '.' : null}
          </span>
        ) : failing ? null : (
          <span>fetching the first edition…</span>
        )}{' '}
        <span class="health__error" role="status">
          {failing ? (
            <span data-error-kind={failing.kind}>
              Refresh failed at <time dateTime={isoTime(failing.at)}>{timeOfDay(failing.at, now)}</time>: {failing.message}.
              {retryAt ? (
                <>
                  {' '}
                  Next try <time dateTime={isoTime(retryAt)}>{timeOfDay(retryAt, now)}</time>.
                </>
              ) : null}
              {shownFetchedAt !== undefined ? ' Showing the last good list.' : null}
            </span>
          ) : null}
          {refreshError ? <span> Could not reach the background worker: {refreshError}.</span> : null}
        </span>
      </p>
      <button type="button" class="health__refresh" onClick={onRefresh} disabled={refreshing}>
        {refreshing ? 'Refreshing…' : 'Refresh now'}
      </button>
    </div>
  );
}
