import type { ReadonlySignal } from '@preact/signals';
import type { ItemTimeline } from '@/lib/history/timeline';
import { sourceLabel, type TimelineState } from '@/lib/models/timeline';
import { fullNumber, isoTime, shortDate } from '@/lib/shared/format';
import { isSafeLink } from '@/lib/shared/links';
import type { ItemKind } from '@/lib/shared/saved';
import { Guard } from '../Guard';
import { MetricChart, RankChart, type Span } from '../timeline/TimelineCharts';
import { TimelineTable } from '../timeline/TimelineTable';
import { useCompleteMarker, useFirstScreen, useReadyMarker } from '../useReadyMarker';

/**
 * An item's timeline (issue #12, "Item timelines"), opened from a row's
 * "Timeline" link in the side panel or the issue: its rank and each figure in
 * every list that has held it over the kept history (up to a year), its first
 * and last sighting, best rank and days on a list; for each list a chart and
 * the same data as a table. Painted from one read of IndexedDB
 * (lib/models/timeline.ts); ready (`<html data-ready>`) once that has answered
 * and the facts and charts are drawn. The tables — a row a day, a few hundred
 * rows a list over a year — follow once that first screen has been painted
 * (`<html data-complete>`), as the new tab holds back what no reader sees at
 * first (issue #8), so that the charts do not wait for a thousand rows' layout.
 */
export function TimelinePage({ state, dayOf }: { state: ReadonlySignal<TimelineState>; dayOf: (at: number) => string }) {
  const current = state.value;
  const found = current.status === 'found';
  useReadyMarker(current.status !== 'loading');
  const painted = useFirstScreen(found);
  useCompleteMarker(found ? painted : current.status !== 'loading');
  return (
    <main class="timeline" aria-busy={current.status === 'loading'}>
      <p class="timeline__kicker">
        <span class="timeline__paper">The AI Morning Post</span> · Timeline
      </p>
      {current.status === 'found' ? (
        <Timeline timeline={current.timeline} dayOf={dayOf} tables={painted} />
      ) : current.status === 'loading' ? null : (
        <>
          <h1 class="timeline__title">No timeline to show</h1>
          <p class="page-error" data-timeline-message={current.status}>
            {current.status === 'invalid'
              ? 'This address names no item: it needs a kind (model, dataset, space, paper or repo) and a valid id, as the Timeline links in the side panel and the issue give them.'
              : current.status === 'unknown'
                ? `${current.id} has not been in any list this browser has kept: it has no history yet.`
                : `The history could not be read: ${current.message}`}
          </p>
        </>
      )}
    </main>
  );
}

const KIND_WORD: Record<ItemKind, string> = { model: 'Model', dataset: 'Dataset', space: 'Space', paper: 'Paper', repo: 'Repository' };
const SITE: Record<ItemKind, string> = { model: 'Hugging Face', dataset: 'Hugging Face', space: 'Hugging Face', paper: 'Hugging Face', repo: 'GitHub' };

function Timeline({ timeline, dayOf, tables }: { timeline: ItemTimeline; dayOf: (at: number) => string; tables: boolean }) {
  // Every chart spans the same time, so that a day sits at the same x in each.
  const times = timeline.sources.flatMap((source) => (source.points.length > 0 ? [source.points[0]!.at, source.points[source.points.length - 1]!.at] : []));
  const span: Span = times.length > 0 ? { from: Math.min(...times), to: Math.max(...times) } : { from: timeline.firstSeenAt, to: timeline.lastSeenAt };
  return (
    <>
      <header class="timeline__head">
        <h1 class="timeline__title">{timeline.name}</h1>
        <p class="timeline__what">
          {KIND_WORD[timeline.kind]} <code>{timeline.id}</code>
          {isSafeLink(timeline.url) ? (
            <>
              {' · '}
              <a href={timeline.url} rel="noopener noreferrer">
                Open on {SITE[timeline.kind]}
              </a>
            </>
          ) : null}
        </p>
        <dl class="timeline__facts" data-facts="item">
          <Fact term="First seen" at={timeline.firstSeenAt} />
          <Fact term="Last seen" at={timeline.lastSeenAt} />
          <div>
            <dt>Days on a list</dt>
            <dd>{fullNumber(timeline.daysOnList)}</dd>
          </div>
        </dl>
      </header>
      {timeline.sources.map((source) => {
        const label = sourceLabel(source.sourceId);
        const id = `timeline-${source.sourceId}`;
        return (
          <Guard key={source.sourceId} name={`The timeline in ${label}`}>
            <section class="timeline__source" aria-labelledby={id} data-source={source.sourceId}>
              <h2 class="timeline__source-title" id={id}>
                {label}
              </h2>
              <dl class="timeline__facts">
                <div>
                  <dt>Best rank</dt>
                  <dd>{source.bestRank === undefined ? 'not in a kept list' : `No. ${source.bestRank}${source.bestRankAt === undefined ? '' : `, ${shortDate(source.bestRankAt) ?? ''}`}`}</dd>
                </div>
                <Fact term="First seen" at={source.firstSeenAt} />
                <Fact term="Last seen" at={source.lastSeenAt} />
                <div>
                  <dt>Days on the list</dt>
                  <dd>{fullNumber(source.daysOnList)}</dd>
                </div>
              </dl>
              <RankChart source={source} label={label} span={span} />
              <div class="timeline__metrics">
                {source.metrics.map((metric) => (
                  <MetricChart key={metric} source={source} metric={metric} label={label} span={span} />
                ))}
              </div>
              {tables ? <TimelineTable source={source} label={label} dayOf={dayOf} id={id} /> : null}
            </section>
          </Guard>
        );
      })}
    </>
  );
}

function Fact({ term, at }: { term: string; at: number }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>
        <time dateTime={isoTime(at)}>{shortDate(at) ?? 'unknown'}</time>
      </dd>
    </div>
  );
}
