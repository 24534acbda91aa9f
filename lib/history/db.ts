import Dexie, { type EntityTable, type Table } from 'dexie';
import type { CatalogItem, MetaRecord, Snapshot, SourceStatus } from '../shared/records';
import type { IssueRecord } from './issue-codec';
import type { LatestList } from './list-view';
import type { SourceId } from '../sources/ids';
import { declareSchema } from './schema';

import { DB_NAME } from './stores';

export { DB_NAME };

export class MorningPostDB extends Dexie {
  snapshots!: EntityTable<Snapshot, 'id'>;
  catalog!: EntityTable<CatalogItem, 'key'>;
  sourceStatus!: EntityTable<SourceStatus, 'sourceId'>;
  meta!: Table<MetaRecord, string>;
  /**
   * Published issues, written once: packed (issue #8), or whole as stored
   * before it. Read and written only through lib/history/issues.ts.
   */
  issues!: Table<IssueRecord, number>;
  /**
   * Each source's latest list as the pages show it (v4, issue #8), written by
   * `recordSuccess` in the snapshot's own transaction and kept in step by
   * retention; read by `latestList` and the pages' first read.
   */
  lists!: Table<LatestList, SourceId>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    declareSchema(this);
  }
}
