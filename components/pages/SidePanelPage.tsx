import { useSignal } from '@preact/signals';
import { useCallback, useEffect, useMemo } from 'preact/hooks';
import { SidePanelSearch } from '@/lib/models/side-panel-search';
import type { SourcesModel, SourceView } from '@/lib/models/sources';
import type { SourceId } from '@/lib/sources/ids';
import { Guard, PageFailed } from '../Guard';
import { Masthead } from '../Masthead';
import { SearchControls, SearchCount, SearchResults } from '../SearchPanel';
import { SourceTabs } from '../SourceTabs';
import { StorageError } from '../StorageError';
import { TrendingSection } from '../TrendingSection';
import { LazyKeysHelp } from '../LazyKeysHelp';
import { useItemKeys } from '../useItemKeys';
import { useReadyMarker } from '../useReadyMarker';

export interface SidePanelPageProps {
  model: SourcesModel;
  /**
   * The query, filters and sort over the same live lists (lib/models/side-panel-search.ts). Absent: one over
   * `model`'s lists, without growth figures (those need the database's snapshots).
   */
  search?: SidePanelSearch;
  initialTab?: SourceId;
}

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
  const chosen = useSignal<SourceId | undefined>(initialTab);
  const help = useSignal(false);
  useItemKeys(useCallback(() => (help.value = !help.value), [help]));
  const views = model.sources.value;
  const selected = views.find((view) => view.id === chosen.value) ?? views[0];
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
      </main>
      <LazyKeysHelp open={help.value} onClose={() => (help.value = false)} />
    </div>
  );
}

/** A tab per source and the chosen source's list. */
function TabbedLists({ model, views, selected, onSelect }: { model: SourcesModel; views: SourceView[]; selected: SourceView; onSelect: (id: SourceId) => void }) {
  return (
    <>
      <Guard name="The source tabs" retryOn={views}>
        <SourceTabs views={views} selected={selected.id} onSelect={onSelect} />
      </Guard>
      <div role="tabpanel" id={`panel-${selected.id}`} aria-labelledby={`tab-${selected.id}`} class="tabs__panel">
        <TrendingSection model={model} view={selected} heading={selected.info.label} showHeading={false} />
      </div>
    </>
  );
}
