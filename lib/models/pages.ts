import { requestRefresh } from '../browser/runtime';
import { MorningPostDB } from '../history/db';
import { SOURCE_IDS, type SourceId } from '../sources/ids';
import { settingsSignal } from './settings';
import { SourcesModel } from './sources';

/** A page's sources model, wired to the real browser: one call per entrypoint. */
export function createSourcesModel(sourceIds: readonly SourceId[] = SOURCE_IDS): SourcesModel {
  return new SourcesModel({ db: new MorningPostDB(), sourceIds, requestRefresh, settings: settingsSignal() });
}
