import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { FirstScreen } from '@/lib/history/issue-codec';
import type { Entry, Issue, Mover, Movers, Paper, Story, Tool, TrendingSections, WatchedItem, WatchStory } from '@/lib/shared/issue-types';
import type { MetricName } from '@/lib/sources/contract';
import { compactNumber, fullNumber, isoTime, leftOutWords, METRIC_UNIT, signedNumber, timeOfDay } from '@/lib/shared/format';
import { isSafeLink } from '@/lib/shared/links';
import { SOURCE_TIME_UNKNOWN } from './first-screen-dom';
import { Sparkline } from './Sparkline';
import { ItemName } from '../ItemName';
import { Guard, sectionNotice } from '../Guard';
import { shelfViews } from '../useItemKeys';
import { Masthead } from '../Masthead';
import { Movement } from '../Movement';
import { When } from '../When';

export interface IssueViewProps {
  /** The whole issue; absent while it is decoded, when `front` draws the first screen alone. */
  issue?: Issue | undefined;
  /** The first screen (masthead and the lead's headline and standfirst), stored uncompressed beside the issue. */
  front?: FirstScreen | undefined;
  /** Shown in a bar under the masthead: the page puts `<ArchiveNav>` and `<ExportBar>` here. */
  controls?: ComponentChildren;
  /**
   * Whether the rows folded under each list's "The whole list" are in the
   * document before the reader opens it (default: yes). They are about half
   * the issue's elements (612 of 1,289 in the recorded week's issue) and none
   * of them is visible: the new tab adds them once it is ready and idle, or
   * when the reader opens a list, so that they do not delay the issue
   * (issue #8).
   */
  foldedRows?: boolean;
}

const TRENDING: readonly { key: keyof TrendingSections; heading: string; from: string; metrics: readonly MetricName[]; descriptions: boolean; noun: string }[] = [
  { key: 'models', heading: 'Models', from: 'Hugging Face', metrics: ['likes', 'downloads'], descriptions: false, noun: 'model' },
  { key: 'datasets', heading: 'Datasets', from: 'Hugging Face', metrics: ['likes', 'downloads'], descriptions: false, noun: 'dataset' },
  { key: 'repositories', heading: 'AI/ML repositories', from: 'GitHub', metrics: ['starsInPeriod', 'stars'], descriptions: true, noun: 'repository' },
  { key: 'spaces', heading: 'Spaces', from: 'Hugging Face', metrics: ['likes', 'trendingScore'], descriptions: false, noun: 'space' },
];

/** What a mover is, by the list it moved on (issue #11: "15 ▲6" said nothing of it). */
const MOVER_KIND: Record<string, string> = { 'hf-models': 'Model', 'hf-datasets': 'Dataset', 'hf-spaces': 'Space' };

/** "repository" → "repositories", "model" → "models". */
const plural = (noun: string) => noun.replace(/y$/, 'ie') + 's';

const TOOL_KIND: Record<Tool['kind'], string> = { model: 'Model', space: 'Space', repository: 'Repository' };

/** Entries each trending list shows before "The whole list". */
const SHOWN = 8;

/**
 * One published issue as a broadsheet, in the order of the sample issue.
 * Everything in an `Issue` came from the network: it is rendered as text, and
 * every href is re-checked with `isSafeLink` (a refused link stays plain text).
 * It renders no `<main>`: the page decides the landmarks around it.
 */
export function IssueView({ issue, front, controls, foldedRows = true }: IssueViewProps) {
  const head = issue ?? front;
  if (!head) return null;
  const id = `issue-${head.number}`;
  // The first screen is the same elements whether the whole issue is known or not: when it arrives, only what
  // lies below the lead's standfirst is added, so nothing the reader already sees moves.
  // Each part in its own boundary (components/Guard.tsx): a part that throws on what an issue holds is a notice in its
  // place, and the rest of the issue stays. Boundaries add no element, so the early first screen is still adopted.
  return (
    <div class="issue" data-issue={head.number}>
      <Guard
        name="The masthead"
        fallback={
          <>
            <Masthead now={head.publishedAt} />
            {sectionNotice('The masthead')}
          </>
        }
        retryOn={head}
      >
        <IssueMasthead head={head} />
      </Guard>
      {controls ? (
        <div class="issue__controls">
          <Guard name="The archive and export bar" retryOn={head}>
            {controls}
          </Guard>
        </div>
      ) : null}

      <Guard name="The lead story" retryOn={issue ?? head}>
        <LeadStory issue={issue} head={head} />
      </Guard>
      {issue ? <IssueBody issue={issue} id={id} foldedRows={foldedRows} /> : null}
    </div>
  );
}

/** Everything below the lead's standfirst: each section reads its part of the issue inside its own boundary. */
function IssueBody({ issue, id, foldedRows }: { issue: Issue; id: string; foldedRows: boolean }) {
  return (
    <>
      <ReadMore />
      {issue.watch ? (
        <Guard name="Your watchlist" retryOn={issue}>
          <StoryView story={issue.watch} level={2} variant="watch" />
        </Guard>
      ) : null}
      <Guard name="The analysis" retryOn={issue}>
        <Section id={`${id}-analysis`} title="Analysis" name="analysis" deck="Short pieces written from this issue's figures.">
          <AnalysisView stories={issue.analysis} />
        </Section>
      </Guard>

      <Guard name="Tools of the Week" retryOn={issue}>
        <ToolsSection issue={issue} id={id} />
      </Guard>

      <Section id={`${id}-trending`} title="Trending: What's Gaining Momentum" name="trending" deck="The lists as they stood when this issue went to press.">
        <div class="trending-grid">
          {TRENDING.map((column) => (
            <Guard name={`The ${column.from} ${column.key === 'repositories' ? 'AI/ML repositories' : column.key} list`} retryOn={issue} key={column.key}>
              <TrendingColumn column={column} issue={issue} id={id} foldedRows={foldedRows} />
            </Guard>
          ))}
        </div>
      </Section>

      <Guard name="The biggest movers" retryOn={issue}>
        <MoversSection issue={issue} id={id} />
      </Guard>

      <Guard name="The week's reading" retryOn={issue}>
        <ReadingSection issue={issue} id={id} />
      </Guard>
    </>
  );
}

function ToolsSection({ issue, id }: { issue: Issue; id: string }) {
  return (
    <Section id={`${id}-tools`} title="Tools of the Week" name="tools" deck="Four picks across models, spaces and repositories, and the figure that earned each its place.">
      {issue.tools.length > 0 ? (
        <ul class="tools">
          {issue.tools.map((tool) => (
            <ToolCard tool={tool} key={`${tool.sourceId}:${tool.itemId}`} />
          ))}
        </ul>
      ) : (
        <p class="empty">No picks in this issue: the lists were empty when it was published.</p>
      )}
    </Section>
  );
}

function TrendingColumn({ column, issue, id, foldedRows }: { column: (typeof TRENDING)[number]; issue: Issue; id: string; foldedRows: boolean }) {
  const entries = issue.trending[column.key];
  const left = issue.leftOut?.[column.key];
  return (
    <section class="trending-grid__column" aria-labelledby={`${id}-trending-${column.key}`} data-list={column.key}>
      <h3 class="column-title" id={`${id}-trending-${column.key}`}>
        <span class="column-title__from">{column.from}</span> {column.heading}
      </h3>
      {entries.length > 0 ? (
        <>
          <ol class="trending" aria-label={`${column.from} ${column.heading.toLowerCase()}`}>
            {entries.slice(0, SHOWN).map((entry, index) => (
              <EntryRow entry={entry} place={index + 1} from={column.from} metrics={column.metrics} description={column.descriptions} key={entry.itemId} />
            ))}
          </ol>
          {entries.length > SHOWN ? (
            <WholeList
              entries={entries}
              label={`${column.from} ${column.heading.toLowerCase()}, continued`}
              from={column.from}
              metrics={column.metrics}
              description={column.descriptions}
              rendered={foldedRows}
            />
          ) : null}
          {left ? <p class="trending__left">{leftOutWords(left, column.noun, plural(column.noun))}</p> : null}
        </>
      ) : (
        <p class="empty">Nothing on this list at publishing.</p>
      )}
    </section>
  );
}

function MoversSection({ issue, id }: { issue: Issue; id: string }) {
  return (
    <Section id={`${id}-movers`} title={issue.movers.heading ?? 'Biggest Movers'} name="movers" deck={<MoversDeck movers={issue.movers} publishedAt={issue.publishedAt} />}>
      <MoversView movers={issue.movers} id={id} />
    </Section>
  );
}

function ReadingSection({ issue, id }: { issue: Issue; id: string }) {
  return (
    <Section id={`${id}-reading`} title={issue.readingHeading ?? 'Reading'} name="reading" deck="The most upvoted papers on Hugging Face this week.">
      {issue.reading.length > 0 ? (
        <ol class="reading">
          {issue.reading.map((paper) => (
            <PaperItem paper={paper} key={paper.arxivId} />
          ))}
        </ol>
      ) : (
        <p class="empty">No papers were on the list when this issue was published.</p>
      )}
    </Section>
  );
}

/**
 * Calm mode's one control (issue #10). With `<html data-calm="on">` (set
 * before the first paint by /look.js, lib/shared/look.ts) the new tab shows
 * the masthead, the lead's headline and this disclosure, and
 * components/styles/paper.css hides the rest until it is open; elsewhere it is
 * hidden. A `<details>` with nothing inside: its summary is the browser's own
 * disclosure button (Enter and Space open it, screen readers hear it
 * collapsed or expanded, the focus stays on it), and it needs no script,
 * which the new tab's byte budget has no room for (tests/e2e/budgets.e2e.ts).
 */
function ReadMore() {
  return (
    <details class="issue__more">
      <summary>Read the full issue</summary>
    </details>
  );
}

/** The lead: whole once the issue is decoded, its headline and standfirst from the first screen before. */
function LeadStory({ issue, head }: { issue: Issue | undefined; head: Issue | FirstScreen }) {
  return <StoryView story={issue ? issue.lead : { ...head.lead, paragraphs: [], claims: [] }} level={2} variant="lead" />;
}

function IssueMasthead({ head }: { head: Issue | FirstScreen }) {
  const { masthead, number, publishedAt } = head;
  return (
    <header class="masthead issue__masthead">
      <p class="issue__ear">
        <time dateTime={isoTime(publishedAt)}>{masthead.dateline}</time>
        <span class="issue__number">{`No.\u00a0${number}`}</span>
      </p>
      <h1 class="masthead__title">{masthead.name}</h1>
      <p class="masthead__tagline">{masthead.tagline}</p>
      {masthead.sources.length > 0 ? (
        <ul class="issue__sources" aria-label="Sources at publishing">
          {masthead.sources.map((source) => (
            <li class={source.failing ? 'issue__source issue__source--failing' : 'issue__source'} key={source.sourceId} data-source={source.sourceId}>
              {source.label} ·{' '}
              {source.lastSuccessAt !== undefined ? <When at={source.lastSuccessAt} now={publishedAt} otherwise={SOURCE_TIME_UNKNOWN} /> : 'no data yet'}
              {source.failing ? (
                <span class="issue__failing">
                  {' '}
                  <span aria-hidden="true">▲</span> failing
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </header>
  );
}

/**
 * The rest of a list as it stood, one click away rather than a long column.
 * Its rows are rendered when `rendered` (the page is idle) or when the reader
 * opens it, whichever comes first.
 */
function WholeList({ entries, label, from, metrics, description, rendered }: { entries: readonly Entry[]; label: string; from: string; metrics: readonly MetricName[]; description: boolean; rendered: boolean }) {
  const [opened, setOpened] = useState(false);
  return (
    <details class="trending-more" onToggle={(event) => (event.currentTarget as HTMLDetailsElement).open && setOpened(true)}>
      <summary>The whole list ({entries.length})</summary>
      {rendered || opened ? (
        <ol class="trending" aria-label={label}>
          {entries.slice(SHOWN).map((entry, index) => (
            <EntryRow entry={entry} place={SHOWN + index + 1} from={from} metrics={metrics} description={description} key={entry.itemId} />
          ))}
        </ol>
      ) : null}
    </details>
  );
}

function Section({ id, title, name, deck, children }: { id: string; title: string; name: string; deck?: ComponentChildren; children: ComponentChildren }) {
  return (
    <section class={`issue-section issue-section--${name}`} aria-labelledby={id} data-section={name}>
      <header class="issue-section__head">
        <h2 class="issue-section__title" id={id}>
          {title}
        </h2>
        {deck ? <p class="issue-section__deck">{deck}</p> : null}
      </header>
      {children}
    </section>
  );
}

/**
 * A piece the on-device editor rewrote (issue #12) carries both texts: the edited one, marked as such, and the
 * template; components/styles/paper.css shows one of them by `<html data-editor>` (lib/shared/look.ts), so that
 * turning the editor off shows the template at once, with no script on the new tab's first-paint path.
 */
function StoryView({ story, level, variant }: { story: Story; level: 2 | 3; variant: 'lead' | 'feature' | 'brief' | 'watch' }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const edited = story.edited?.paragraphs;
  return (
    <article class={`story story--${variant}`}>
      {story.kicker ? <p class="story__kicker">{story.kicker}</p> : null}
      <Heading class="story__headline">{story.headline}</Heading>
      {story.standfirst ? <p class="story__standfirst">{story.standfirst}</p> : null}
      {edited ? (
        <div class="story__edited">
          <p class="story__mark">Edited on this device by the built-in model</p>
          <div class="story__body">
            {edited.map((paragraph, index) => (
              <p key={index}>{paragraph}</p>
            ))}
          </div>
        </div>
      ) : null}
      {story.paragraphs.length > 0 ? (
        <div class={edited ? 'story__body story__template' : 'story__body'}>
          {story.paragraphs.map((paragraph, index) => (
            <p key={index}>{'items' in story ? <NamedLink text={paragraph} item={(story as WatchStory).items[index]} /> : paragraph}</p>
          ))}
        </div>
      ) : null}
    </article>
  );
}

/**
 * The first piece as a feature, the others in a rail beside it on wide screens; with three or more in the rail,
 * the next goes under the feature, so that a short feature leaves no empty column. Read column by column, as a
 * paper is, and stacked on a narrow screen, the pieces keep the front page's order.
 */
function AnalysisView({ stories }: { stories: readonly Story[] }) {
  if (stories.length === 0) {
    return <p class="empty">No analysis today: nothing in the data moved enough to be worth a piece.</p>;
  }
  const [feature, ...rest] = stories;
  const under = rest.length >= 3 ? rest.splice(0, 1) : [];
  return (
    <div class={rest.length > 0 ? 'analysis analysis--with-rail' : 'analysis'}>
      <div class="analysis__main">
        <StoryView story={feature!} level={3} variant="feature" />
        {under.map((story) => (
          <StoryView story={story} level={3} variant="brief" key="under" />
        ))}
      </div>
      {rest.length > 0 ? (
        <div class="analysis__rail">
          {rest.map((story, index) => (
            <StoryView story={story} level={3} variant="brief" key={index} />
          ))}
        </div>
      ) : null}
    </div>
  );
}

function ToolCard({ tool }: { tool: Tool }) {
  return (
    <li class="tool" data-item-id={tool.itemId}>
      <p class="tool__kind">{TOOL_KIND[tool.kind] ?? tool.kind}</p>
      <h3 class="tool__name">
        <SafeLink url={tool.url}>{tool.name}</SafeLink>
      </h3>
      <p class="tool__description">{tool.description}</p>
      <p class="tool__figure">{tool.figure}</p>
      {shelfViews.value?.Row(tool)}
    </li>
  );
}

/**
 * A row numbered by its place in the issue's list, 1…n (issue #11). Where the source ranks it elsewhere (rows
 * above it were left out), its rank there is said beside its movement, which is counted in the source's ranks:
 * "No. 6 on GitHub ▲ 2".
 */
function EntryRow({ entry, place, from, metrics, description }: { entry: Entry; place: number; from: string; metrics: readonly MetricName[]; description: boolean }) {
  // A figure that is not a number (NaN, Infinity from an older record) is left out, as a missing one is.
  const known = (Object.keys(entry.metrics) as MetricName[]).filter((metric) => Number.isFinite(entry.metrics[metric]));
  const preferred = metrics.filter((metric) => known.includes(metric));
  const shown = (preferred.length > 0 ? preferred : known).slice(0, 2);
  return (
    <li class="trending__row" data-item-id={entry.itemId}>
      <span class="trending__rank">{fullNumber(place)}</span>
      <div class="trending__body">
        <ItemName name={entry.name} url={entry.url} />
        {entry.chip ? <span class="trending__task">{entry.chip}</span> : null}
        {entry.rank !== place && Number.isSafeInteger(entry.rank) ? <span class="trending__source-rank">{`No.\u00a0${fullNumber(entry.rank)} on ${from}`}</span> : null}
        <Movement isNew={entry.isNew} climbed={entry.climbed} />
      </div>
      {description && entry.description ? <p class="trending__description">{entry.description}</p> : null}
      {shown.length > 0 ? (
        <p class="trending__metrics">
          {shown.map((metric) => (
            <span class="metric" key={metric} title={`${fullNumber(entry.metrics[metric])} ${METRIC_UNIT[metric]}`}>
              <span class="metric__value">{compactNumber(entry.metrics[metric])}</span>{'\u00a0'}<span class="metric__unit">{METRIC_UNIT[metric]}</span>
            </span>
          ))}
        </p>
      ) : null}
      {shelfViews.value?.Row(entry)}
    </li>
  );
}

function MoversDeck({ movers, publishedAt }: { movers: Movers; publishedAt: number }) {
  // A baseline time that cannot be said (a corrupt record) reads as the deck without a baseline.
  if (movers.sinceAt === undefined || timeOfDay(movers.sinceAt, publishedAt) === undefined) {
    return <>Climbs in rank and the fastest growth, from this browser's own history.</>;
  }
  return (
    <>
      Since <When at={movers.sinceAt} now={publishedAt} />: climbs in rank, and the fastest growth per day, from this browser's own history.
    </>
  );
}

function MoversView({ movers, id }: { movers: Movers; id: string }) {
  if (movers.sinceAt === undefined) return <p class="empty">Movers appear once the Post has a day of history.</p>;
  if (movers.climbers.length === 0 && movers.growth.length === 0) {
    return <p class="empty">Nothing moved since the last comparison.</p>;
  }
  const columns = [
    { key: 'climbers', title: 'Climbers', movers: movers.climbers, empty: 'No list climbed since then.' },
    { key: 'growth', title: 'Fastest growth', movers: movers.growth, empty: 'No growth to report since then.' },
  ] as const;
  return (
    <div class="movers">
      {columns.map((column) => (
        <section class="movers__column" key={column.key} aria-labelledby={`${id}-movers-${column.key}`} data-list={column.key}>
          <h3 class="column-title" id={`${id}-movers-${column.key}`}>
            {column.title}
          </h3>
          {column.movers.length > 0 ? (
            <ol class="movers__list">
              {column.movers.map((mover) => (
                <MoverRow mover={mover} key={`${mover.sourceId}:${mover.itemId}`} />
              ))}
            </ol>
          ) : (
            <p class="empty">{column.empty}</p>
          )}
        </section>
      ))}
    </div>
  );
}

function MoverRow({ mover }: { mover: Mover }) {
  const unit = mover.metric ? METRIC_UNIT[mover.metric] : undefined;
  const perDay = signedNumber(mover.perDay);
  return (
    <li class="mover" data-item-id={mover.itemId}>
      <span class="trending__rank">{fullNumber(mover.rank)}</span>
      <div class="mover__body">
        <ItemName name={mover.name} url={mover.url} />
        <p class="mover__figure">
          <span class="mover__kind">{MOVER_KIND[mover.sourceId] ?? 'Repository'}</span>
          <Movement isNew={mover.isNew} climbed={mover.climbed} />
          {perDay !== undefined && unit ? (
            <span class="metric">
              <span class="metric__value">{perDay}</span>
              {'\u00a0'}
              <span class="metric__unit">{unit} a day</span>
            </span>
          ) : null}
        </p>
      </div>
      <Sparkline values={mover.sparkline} of={mover.sparklineOf === 'rank' ? 'rank' : METRIC_UNIT[mover.sparklineOf]} invert={mover.sparklineOf === 'rank'} />
      {shelfViews.value?.Row(mover)}
    </li>
  );
}

function PaperItem({ paper }: { paper: Paper }) {
  const authors = shortAuthors(paper.authors);
  return (
    <li class="reading__item" data-item-id={paper.arxivId}>
      <h3 class="reading__title">
        <SafeLink url={paper.url}>{paper.title}</SafeLink>
      </h3>
      {authors ? <p class="reading__authors">{authors}</p> : null}
      {paper.summary ? <p class="reading__summary">{paper.summary}</p> : null}
      <p class="reading__meta">
        <span class="metric">
          <span class="metric__value">{fullNumber(paper.upvotes)}</span>{'\u00a0'}<span class="metric__unit">{paper.upvotes === 1 ? 'upvote' : 'upvotes'}</span>
        </span>
        {paper.codeUrl && isSafeLink(paper.codeUrl) ? (
          <a class="reading__code" href={paper.codeUrl} rel="noopener noreferrer">
            code
          </a>
        ) : null}
      </p>
      {shelfViews.value?.Row(paper)}
    </li>
  );
}

/** "A", "A, B", "A, B et al." */
export function shortAuthors(authors: readonly string[]): string {
  if (authors.length <= 2) return authors.join(', ');
  return `${authors[0]}, ${authors[1]} et al.`;
}

/**
 * A watch paragraph with its item's name, where the text first says it, as a
 * link (issue #10: the reader goes from the news to the item). The URL was
 * built from the watched entry's validated id; SafeLink checks it again.
 */
function NamedLink({ text, item }: { text: string; item: WatchedItem | undefined }) {
  const at = item ? text.indexOf(item.name) : -1;
  if (!item || at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <SafeLink url={item.url}>{item.name}</SafeLink>
      {text.slice(at + item.name.length)}
    </>
  );
}

/** A link only when the URL passes the allowlist; otherwise the same text, unlinked. */
function SafeLink({ url, children }: { url: string; children: ComponentChildren }) {
  return isSafeLink(url) ? (
    <a href={url} rel="noopener noreferrer">
      {children}
    </a>
  ) : (
    <span class="unlinked">{children}</span>
  );
}
