import Dexie, { type EntityTable, type Table } from 'dexie';
import type { CatalogItem, MetaRecord, Snapshot, SourceStatus } from '../shared/records';
import type { Issue } from '../shared/issue-types';
import { declareSchema } from './schema';

import { DB_NAME } from './stores';

export { DB_NAME };

export class MorningPostDB extends Dexie {
  snapshots!: EntityTable<Snapshot, 'id'>;
  catalog!: EntityTable<CatalogItem, 'key'>;
  sourceStatus!: EntityTable<SourceStatus, 'sourceId'>;
  meta!: Table<MetaRecord, string>;
  /** Published issues: written once, never changed. */
  issues!: Table<Issue, number>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    declareSchema(this);
  }
}
