import type { Health } from '@/lib/shared/health';
import { ago, isSayableTime } from '@/lib/shared/format';
import { When } from './When';

export interface SourceHealthProps {
  label: string;
  health: Health;
  /** When the list on screen was fetched. */
  fetchedAt: number | undefined;
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
export function SourceHealth({ label, health, fetchedAt, now, refreshing, refreshError, onRefresh }: SourceHealthProps) {
  const { state, failure, retryAt } = health;
  const fetchedAgo = fetchedAt !== undefined ? ago(fetchedAt, now) : undefined;
  return (
    <div class={`health health--${state}`} data-health={state}>
      <p class="health__text">
        <strong class="health__label">{label}</strong>{' '}
        {fetchedAt !== undefined ? (
          <span>
            updated <When at={fetchedAt} now={now} otherwise="at an unknown time" />
            {fetchedAgo !== undefined ? ` (${fetchedAgo})` : null}
            {state === 'failing' || state === 'stale' ? '.' : null}
            {state === 'stale' ? ' This list is old: it will refresh at the next chance.' : null}
          </span>
        ) : failure ? null : (
          <span>fetching the first edition…</span>
        )}{' '}
        <span class="health__error" role="status">
          {failure ? (
            <span data-error-kind={failure.kind}>
              Refresh failed{isSayableTime(failure.at) ? ' at ' : null}
              <When at={failure.at} now={now} />: {failure.message}.
              {retryAt ? (
                <>
                  {' '}
                  Next try <When at={retryAt} now={now} otherwise="later" />.
                </>
              ) : null}
              {fetchedAt !== undefined ? ' Showing the last good list.' : null}
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
