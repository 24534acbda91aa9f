import { useSignal } from '@preact/signals';
import { useCallback, useEffect, useMemo } from 'preact/hooks';
import { SidePanelSearch } from '@/lib/models/side-panel-search';
import type { SourcesModel, SourceView } from '@/lib/models/sources';
import type { SourceId } from '@/lib/sources/ids';
import { Guard, PageFailed } from '../Guard';
import { Masthead } from '../Masthead';
import { SearchControls, SearchCount, SearchResults } from '../SearchPanel';
import { SourceTabs, type ExtraTab } from '../SourceTabs';
import { StorageError } from '../StorageError';
import { TrendingSection } from '../TrendingSection';
import { LazyKeysHelp } from '../LazyKeysHelp';
import { rowLinks, shelfViews, useItemKeys } from '../useItemKeys';
import { useReadyMarker } from '../useReadyMarker';

export interface SidePanelPageProps {
  model: SourcesModel;
  /**
   * The query, filters and sort over the same live lists (lib/models/side-panel-search.ts). Absent: one over
   * `model`'s lists, without growth figures (those need the database's snapshots).
   */
  search?: SidePanelSearch;
  /** The tab shown first: a source, or `saved` (the reading list and watchlist). */
  initialTab?: SourceId | typeof SAVED_TAB;
}

/** The tab of the reading list and watchlist (issue #10), after the sources'. */
export const SAVED_TAB = 'saved';
const SAVED: ExtraTab = { id: SAVED_TAB, label: 'Saved' };

/**
 * The trending sidebar: a search over every list, and a tab per source, each list live, each with its health.
 * While a query or a filter is set, one combined list of results stands in for the tabs (issue #10).
 */
export function SidePanelPage(props: SidePanelPageProps) {
  // The tabs and each list have their own boundaries; this one catches the rest: a masthead and a notice.
  return (
    <Guard
      name="The side panel"
      fallback={
        <div class="compact compact--panel">
          <Masthead now={Number.NaN} compact />
          <main>
            <PageFailed />
          </main>
        </div>
      }
    >
      <SidePanelContent {...props} />
    </Guard>
  );
}

function SidePanelContent({ model, search: given, initialTab }: SidePanelPageProps) {
  useReadyMarker(model.loaded.value);
  const own = useMemo(() => (given ? undefined : new SidePanelSearch({ sources: model.sources })), [given, model]);
  useEffect(() => () => own?.[Symbol.dispose](), [own]);
  const search = given ?? own!;
  const chosen = useSignal<string | undefined>(initialTab);
  const help = useSignal(false);
  // The Save and Watch buttons and the Saved tab's lists load once the page is ready (issue #10).
  useItemKeys(useCallback(() => (help.value = !help.value), [help]), model.loaded.value);
  useCrossLinks(model, model.loaded.value);
  const views = model.sources.value;
  const selected = chosen.value === SAVED_TAB ? SAVED_TAB : (views.find((view) => view.id === chosen.value) ?? views[0]);
  return (
    <div class="compact compact--panel">
      <Masthead now={model.now.value} compact />
      <main>
        {model.storageError.value ? (
          <StorageError message={model.storageError.value} />
        ) : selected ? (
          <>
            {/* The box stays mounted whatever is shown below it: a refresh, or the switch to results, keeps its focus. */}
            <Guard name="The search" retryOn={views}>
              <SearchControls search={search} />
              <SearchCount search={search} />
            </Guard>
            {search.active.value ? (
              <Guard name="The search results" retryOn={search.results.value}>
                <SearchResults search={search} />
              </Guard>
            ) : (
              <TabbedLists model={model} views={views} selected={selected} onSelect={(id) => (chosen.value = id)} />
            )}
          </>
        ) : model.loaded.value ? (
          <p class="empty">Every source is turned off in the options.</p>
        ) : null}
        {/* What each Save or Watch did, or why it did nothing (issue #10): drawn once the shelves are loaded. */}
        {shelfViews.value?.Status()}
      </main>
      <LazyKeysHelp open={help.value} onClose={() => (help.value = false)} />
    </div>
  );
}

/**
 * Each row's links across sources (issue #12), loaded once the page is ready: not part of what the side panel
 * needs to paint (tests/e2e/budgets.e2e.ts). A chunk that cannot load leaves the rows without them, said in the console.
 */
function useCrossLinks(model: SourcesModel, ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    let mounted = true;
    import('../CrossLinks')
      .then((links) => mounted && links.installCrossLinks(rowLinks, model.sources))
      .catch((error: unknown) => void console.warn('The links across sources could not load:', error));
    // The slot is the page's: a page that goes (or changes its model) takes its links with it.
    return () => {
      mounted = false;
      rowLinks.value = undefined;
    };
  }, [model, ready]);
}

/** A tab per source and one for the saved items, and the chosen tab's list. */
function TabbedLists({ model, views, selected, onSelect }: { model: SourcesModel; views: SourceView[]; selected: SourceView | typeof SAVED_TAB; onSelect: (id: string) => void }) {
  const id = selected === SAVED_TAB ? SAVED_TAB : selected.id;
  return (
    <>
      <Guard name="The source tabs" retryOn={views}>
        <SourceTabs views={views} selected={id} onSelect={onSelect} extra={SAVED} />
      </Guard>
      <div role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} class="tabs__panel">
        {selected === SAVED_TAB ? (
          shelfViews.value?.Saved('panel')
        ) : (
          <TrendingSection model={model} view={selected} heading={selected.info.label} showHeading={false} />
        )}
      </div>
    </>
  );
}
