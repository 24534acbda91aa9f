import { requestRefresh } from '../browser/runtime';
import { readLatestLists } from '../history/plain-read';
import { SOURCE_IDS, type SourceId } from '../sources/ids';
import type { RowsFilter } from '../shared/hf-filters';
import type { PageDatabase } from './page-database';
import { settingsSignal } from './settings';
import { SourcesModel } from './sources';

/** A page's sources model: the first read starts now. */
export function createSourcesModel(
  database: PageDatabase,
  visibleRows: RowsFilter | Promise<RowsFilter>,
  sourceIds: readonly SourceId[] = SOURCE_IDS,
): { model: SourcesModel; firstRead: Promise<unknown> } {
  const firstRead = database.plain().then((db) =>
    db ? readLatestLists(db, sourceIds) : { lists: sourceIds.map(() => undefined), statuses: sourceIds.map(() => undefined) },
  );
  return { model: new SourcesModel({ live: database.live, firstRead, sourceIds, requestRefresh, settings: settingsSignal(), visibleRows }), firstRead };
}
