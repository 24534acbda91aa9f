import type { SourcesModel, SourceView } from '@/lib/models/sources';
import { Guard } from './Guard';
import { SourceHealth } from './SourceHealth';
import { TrendingList } from './TrendingList';

export interface TrendingSectionProps {
  model: SourcesModel;
  view: SourceView;
  heading: string;
  limit?: number;
  /** Render the heading (a tab panel is already named by its tab). */
  showHeading?: boolean;
}

/** A source's list with its health line, and what to say while there is no list yet. */
export function TrendingSection({ model, view, heading, limit, showHeading = true }: TrendingSectionProps) {
  const headingId = `${view.id}-heading`;
  return (
    <section class="section" aria-labelledby={showHeading ? headingId : undefined} aria-label={showHeading ? undefined : heading} data-source={view.id}>
      {showHeading ? (
        <h2 id={headingId} class="section__heading">
          {heading}
        </h2>
      ) : null}
      {/* The health line and the list in boundaries of their own (components/Guard.tsx): either can fail on what is
          stored, and the other stays — a list whose status cannot be drawn is still a list. */}
      <Guard name={`The refresh status of ${view.info.label}`} retryOn={view}>
        <SourceHealth
          label={view.info.label}
          health={view.health}
          fetchedAt={view.checkedAt ?? view.fetchedAt}
          now={model.now.value}
          refreshing={model.refreshing.value}
          refreshError={model.refreshError.value}
          onRefresh={() => void model.refreshNow()}
        />
      </Guard>
      <Guard name={`The list of ${view.info.label}`} retryOn={view}>
        <ListOf view={view} heading={heading} limit={limit} />
      </Guard>
    </section>
  );
}

function ListOf({ view, heading, limit }: { view: SourceView; heading: string; limit: number | undefined }) {
  return (
    <>
      {view.rows.length > 0 ? (
        <TrendingList
          rows={view.rows}
          label={heading}
          metrics={view.info.metrics}
          descriptions={view.info.family !== 'huggingface'}
          {...(limit !== undefined ? { limit } : {})}
        />
      ) : (
        <p class="empty">{emptyText(view)}</p>
      )}
      {view.hidden > 0 ? (
        <p class="section__note">
          {view.hidden} {view.hidden === 1 ? 'entry is' : 'entries are'} hidden by your filters
          {view.id === 'gh-search' ? ', the AI/ML rule, or for being created more than 30 days before this list' : view.info.family === 'github' ? ' or the AI/ML rule' : ''}.
        </p>
      ) : null}
    </>
  );
}

function emptyText(view: SourceView): string {
  if (view.fetchedAt !== undefined) return 'Nothing in this list passes your filters right now.';
  if (view.health.state === 'failing') return 'No list yet: the first refresh has not succeeded.';
  return 'The first edition is on its way: the lists arrive within a few seconds of install.';
}
