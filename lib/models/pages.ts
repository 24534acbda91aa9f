import { requestRefresh } from '../browser/runtime';
import { MorningPostDB } from '../history/db';
import { TrendingModel } from './trending';

/** The models a page needs, wired to the real browser: one call per entrypoint. */
export function createModelsModel(): TrendingModel {
  return new TrendingModel({ db: new MorningPostDB(), sourceId: 'hf-models', requestRefresh });
}
