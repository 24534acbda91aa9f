import type { SourcesModel } from '@/lib/models/sources';
import { Masthead } from '../Masthead';
import { StorageError } from '../StorageError';
import { TrendingSection } from '../TrendingSection';
import { useReadyMarker } from '../useReadyMarker';

export function NewTabPage({ model }: { model: SourcesModel }) {
  const loaded = model.loaded.value;
  useReadyMarker(loaded);
  const models = model.sources.value.find((view) => view.id === 'hf-models');
  return (
    <div class="paper">
      <Masthead now={model.now.value} />
      <main class="paper__body" aria-busy={!loaded}>
        {model.storageError.value ? (
          <StorageError message={model.storageError.value} />
        ) : models ? (
          <TrendingSection model={model} view={models} heading="Trending models on Hugging Face" />
        ) : null}
      </main>
      <footer class="paper__footer">
        <p>Read from this browser's own copy of the lists. No account, no tracking, no server of ours.</p>
      </footer>
    </div>
  );
}
