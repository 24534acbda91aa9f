import type { FirstScreen, TeaserMover } from '@/lib/history/issue-codec';
import type { IssueModel } from '@/lib/models/issue';
import { fullNumber, METRIC_UNIT, signedNumber } from '@/lib/shared/format';
import type { SourcesModel } from '@/lib/models/sources';
import { Guard, PageFailed } from '../Guard';
import { Masthead } from '../Masthead';
import { StorageError } from '../StorageError';
import { TrendingSection } from '../TrendingSection';
import { useReadyMarker } from '../useReadyMarker';

export interface PopupPageProps {
  paper: IssueModel;
  model: SourcesModel;
  openPaper: () => void;
}

/** The toolbar popup: today's headline, the biggest movers, the top of the models list. */
export function PopupPage(props: PopupPageProps) {
  // The headline and the list have their own boundaries; this one catches the rest: a masthead and a notice.
  return (
    <Guard
      name="The popup"
      fallback={
        <div class="compact compact--popup">
          <Masthead now={Number.NaN} compact />
          <main>
            <PageFailed />
          </main>
        </div>
      }
    >
      <PopupContent {...props} />
    </Guard>
  );
}

function PopupContent({ paper, model, openPaper }: PopupPageProps) {
  // What the popup shows of the issue is in its stored first screen (the teaser): no need to decompress the rest
  // (issue #8). A record stored before the teaser existed is decoded.
  const front = paper.front.value;
  const movers = paper.teaser.value;
  const issue = front && movers ? { number: front.number, lead: front.lead, movers } : undefined;
  const issueShown = paper.frontLoaded.value && (front === undefined || movers !== undefined || paper.loaded.value);
  useReadyMarker(model.loaded.value && issueShown);
  const models = model.sources.value.find((view) => view.id === 'hf-models');
  return (
    <div class="compact compact--popup">
      <Masthead now={model.now.value} compact />
      {/* One main landmark per page, after the masthead's banner, as the side panel has (axe: landmark-one-main, issue #10). */}
      <main>
        {issue ? (
          <Guard name="Today's headline" retryOn={front}>
            <PopupIssue issue={issue} />
          </Guard>
        ) : null}
        <p class="compact__more">
          <button type="button" class="link-button" onClick={openPaper}>
            {issue ? `Read No. ${issue.number} in full` : 'Open the paper in a new tab'}
          </button>
        </p>
        {model.storageError.value ? (
          <StorageError message={model.storageError.value} />
        ) : models ? (
          <TrendingSection model={model} view={models} heading="Top trending models" limit={5} />
        ) : null}
      </main>
    </div>
  );
}

/** The issue's number, headline, standfirst and movers, from the stored first screen. */
function PopupIssue({ issue }: { issue: { number: number; lead: FirstScreen['lead']; movers: readonly TeaserMover[] } }) {
  return (
    <section class="popup-issue" aria-labelledby="popup-headline">
      <p class="popup-issue__number">No. {issue.number}</p>
      <h2 id="popup-headline" class="popup-issue__headline">
        {issue.lead.headline}
      </h2>
      {issue.lead.standfirst ? <p class="popup-issue__standfirst">{issue.lead.standfirst}</p> : null}
      {issue.movers.length > 0 ? (
        <ul class="popup-issue__movers" aria-label="Biggest movers">
          {issue.movers.map((mover) => (
            <li key={`${mover.sourceId}:${mover.itemId}`}>
              <span class="popup-issue__mover">{mover.name}</span>{' '}
              <span class="popup-issue__figure">{moverFigure(mover)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/**
 * "entered at No. 4", "▲ 12", "+1,155 likes a day"; nothing when the stored figure is not one to print
 * (NaN, Infinity or a missing metric in an older record: issue #9).
 */
export function moverFigure(mover: TeaserMover): string | undefined {
  if (mover.isNew) return `entered at No. ${fullNumber(mover.rank)}`;
  if (mover.climbed !== undefined) return Number.isSafeInteger(mover.climbed) ? `▲ ${fullNumber(mover.climbed)}` : undefined;
  const perDay = signedNumber(mover.perDay);
  return perDay !== undefined && mover.metric ? `${perDay} ${METRIC_UNIT[mover.metric]} a day` : undefined;
}
