import type { TrendingModel } from '@/lib/models/trending';
import { Masthead } from '../Masthead';
import { TrendingSection } from '../TrendingSection';
import { useReadyMarker } from '../useReadyMarker';

export function NewTabPage({ models }: { models: TrendingModel }) {
  useReadyMarker(models.loaded.value);
  return (
    <div class="paper">
      <Masthead now={models.now.value} />
      <main class="paper__body">
        <TrendingSection model={models} heading="Trending models on Hugging Face" label="Hugging Face models" />
      </main>
      <footer class="paper__footer">
        <p>Read from this browser's own copy of the lists. No account, no tracking, no server of ours.</p>
      </footer>
    </div>
  );
}
