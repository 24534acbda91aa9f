import type { TrendingModel } from '@/lib/models/trending';
import { Masthead } from '../Masthead';
import { TrendingSection } from '../TrendingSection';
import { useReadyMarker } from '../useReadyMarker';

export function SidePanelPage({ models }: { models: TrendingModel }) {
  useReadyMarker(models.loaded.value);
  return (
    <div class="compact compact--panel">
      <Masthead now={models.now.value} compact />
      <main>
        <TrendingSection model={models} heading="Trending models" label="Hugging Face models" />
      </main>
    </div>
  );
}
