import { requestRefresh } from '../browser/runtime';
import { MorningPostDB } from '../history/db';
import { SOURCE_IDS, type SourceId } from '../sources/ids';
import type { RowsFilter } from '../shared/hf-filters';
import { settingsSignal } from './settings';
import { SourcesModel } from './sources';

/** A page's sources model, wired to the real browser: one call per entrypoint. */
export function createSourcesModel(visibleRows: RowsFilter | Promise<RowsFilter>, sourceIds: readonly SourceId[] = SOURCE_IDS): SourcesModel {
  return new SourcesModel({ db: new MorningPostDB(), sourceIds, requestRefresh, settings: settingsSignal(), visibleRows });
}
