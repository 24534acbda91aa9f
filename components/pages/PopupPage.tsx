import type { TrendingModel } from '@/lib/models/trending';
import { Masthead } from '../Masthead';
import { TrendingSection } from '../TrendingSection';
import { useReadyMarker } from '../useReadyMarker';

export function PopupPage({ models, openPaper }: { models: TrendingModel; openPaper: () => void }) {
  useReadyMarker(models.loaded.value);
  return (
    <div class="compact compact--popup">
      <Masthead now={models.now.value} compact />
      <TrendingSection model={models} heading="Top trending models" label="Hugging Face models" limit={10} />
      <p class="compact__more">
        <button type="button" class="link-button" onClick={openPaper}>
          Open the full paper in a new tab
        </button>
      </p>
    </div>
  );
}
