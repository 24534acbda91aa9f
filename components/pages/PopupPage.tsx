import type { SourcesModel } from '@/lib/models/sources';
import { Masthead } from '../Masthead';
import { StorageError } from '../StorageError';
import { TrendingSection } from '../TrendingSection';
import { useReadyMarker } from '../useReadyMarker';

export function PopupPage({ model, openPaper }: { model: SourcesModel; openPaper: () => void }) {
  useReadyMarker(model.loaded.value);
  const models = model.sources.value.find((view) => view.id === 'hf-models');
  return (
    <div class="compact compact--popup">
      <Masthead now={model.now.value} compact />
      {model.storageError.value ? (
        <StorageError message={model.storageError.value} />
      ) : models ? (
        <TrendingSection model={model} view={models} heading="Top trending models" limit={10} />
      ) : null}
      <p class="compact__more">
        <button type="button" class="link-button" onClick={openPaper}>
          Open the full paper in a new tab
        </button>
      </p>
    </div>
  );
}
