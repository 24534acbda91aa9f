import { useSignal } from '@preact/signals';
import { useCallback } from 'preact/hooks';
import type { SourcesModel } from '@/lib/models/sources';
import type { SourceId } from '@/lib/sources/ids';
import { Guard, PageFailed } from '../Guard';
import { Masthead } from '../Masthead';
import { SourceTabs } from '../SourceTabs';
import { StorageError } from '../StorageError';
import { TrendingSection } from '../TrendingSection';
import { LazyKeysHelp } from '../LazyKeysHelp';
import { useItemKeys } from '../useItemKeys';
import { useReadyMarker } from '../useReadyMarker';

export interface SidePanelPageProps {
  model: SourcesModel;
  initialTab?: SourceId;
}

/** The trending sidebar: a tab per source, each list live, each with its health. */
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

function SidePanelContent({ model, initialTab }: SidePanelPageProps) {
  useReadyMarker(model.loaded.value);
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
            <Guard name="The source tabs" retryOn={views}>
              <SourceTabs views={views} selected={selected.id} onSelect={(id) => (chosen.value = id)} />
            </Guard>
            <div role="tabpanel" id={`panel-${selected.id}`} aria-labelledby={`tab-${selected.id}`} class="tabs__panel">
              <TrendingSection model={model} view={selected} heading={selected.info.label} showHeading={false} />
            </div>
          </>
        ) : model.loaded.value ? (
          <p class="empty">Every source is turned off in the options.</p>
        ) : null}
      </main>
      <LazyKeysHelp open={help.value} onClose={() => (help.value = false)} />
    </div>
  );
}
