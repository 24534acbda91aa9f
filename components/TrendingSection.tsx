import type { TrendingModel } from '@/lib/models/trending';
import { SourceHealth } from './SourceHealth';
import { TrendingList } from './TrendingList';

export interface TrendingSectionProps {
  model: TrendingModel;
  heading: string;
  label: string;
  limit?: number;
  headingLevel?: 2 | 3;
}

/** A source's list with its health line, and what to say while there is no list yet. */
export function TrendingSection({ model, heading, label, limit, headingLevel = 2 }: TrendingSectionProps) {
  const list = model.list.value;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `${label.replace(/\W+/g, '-').toLowerCase()}-heading`;
  if (!model.loaded.value) {
    // The database answers within a frame or two; say nothing rather than flash a wrong empty state.
    return <section class="section" aria-labelledby={headingId} aria-busy="true"><Heading id={headingId} class="section__heading">{heading}</Heading></section>;
  }
  return (
    <section class="section" aria-labelledby={headingId}>
      <Heading id={headingId} class="section__heading">
        {heading}
      </Heading>
      <SourceHealth
        label={label}
        status={model.status.value}
        shownFetchedAt={list?.fetchedAt}
        now={model.now.value}
        refreshing={model.refreshing.value}
        refreshError={model.refreshError.value}
        onRefresh={() => void model.refreshNow()}
      />
      {model.storageError.value ? (
        <p class="empty" role="alert">
          The local database could not be read: {model.storageError.value}
        </p>
      ) : list && list.rows.length > 0 ? (
        <TrendingList rows={list.rows} label={heading} metrics={['trendingScore', 'likes', 'downloads']} limit={limit} />
      ) : (
        <p class="empty">
          {model.status.value?.lastError
            ? 'No list yet: the first refresh has not succeeded.'
            : 'The first edition is on its way: the trending lists arrive within a few seconds of install.'}
        </p>
      )}
    </section>
  );
}
