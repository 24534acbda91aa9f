import { requestRefresh } from '../browser/runtime';
import { noLists } from '../history/page-reads';
import type { EarlyReads } from './early-read';
import { SOURCE_IDS, type SourceId } from '../sources/ids';
import type { RowsFilter } from '../shared/hf-filters';
import { plainReads, type PageDatabase } from './page-database';
import { settingsSignal } from './settings';
import { SourcesModel } from './sources';

/**
 * A page's sources model. Its first reads are the early script's when it
 * started them (lib/models/early-read.ts), else ones started now.
 */
export function createSourcesModel(
  database: PageDatabase,
  visibleRows: RowsFilter | Promise<RowsFilter>,
  sourceIds: readonly SourceId[] = SOURCE_IDS,
  early: Pick<EarlyReads, 'lists' | 'settings'> = {},
): { model: SourcesModel; firstRead: Promise<unknown> } {
  const nothing = noLists(sourceIds);
  const firstRead = early.lists
    ? early.lists.then((read) => read ?? nothing)
    : Promise.all([database.plain(), plainReads()]).then(([db, reads]) => (db ? reads.readLatestLists(db, sourceIds) : nothing));
  const settings = settingsSignal(early.settings);
  return { model: new SourcesModel({ live: database.live, firstRead, sourceIds, requestRefresh, settings, visibleRows }), firstRead };
}
