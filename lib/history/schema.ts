import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import type { MetricName } from '../sources/contract';
import type { SourceId } from '../sources/ids';
import type { LatestList } from './list-view';
import { joinLatestList } from './list-join';

/**
 * Every version of the database, oldest first. A version is never edited once
 * it has shipped: a change is a new version with an upgrade, and a test opens
 * a database written by the version before it (engineering.md, habit 6;
 * tests/unit/history/migrations.test.ts).
 */

/** v1 (issue #2): snapshots held `entries: {itemId, rank, metrics}[]`; items keyed by [sourceId+itemId]. */
export const SCHEMA_V1 = {
  snapshots: '++id, [sourceId+fetchedAt], fetchedAt',
  items: '[sourceId+itemId], sourceId, lastSeenAt',
  sourceStatus: 'sourceId',
} as const;

/**
 * v2 (issue #3): items move to `catalog` under a numeric key, and snapshots
 * store keys and metric columns instead of an object per entry — about a
 * third of the bytes, which a year of hourly history needs.
 */
export const SCHEMA_V2 = {
  snapshots: '++id, [sourceId+fetchedAt], fetchedAt',
  items: null,
  catalog: '++key, &[sourceId+itemId], sourceId, lastSeenAt',
  sourceStatus: 'sourceId',
  meta: 'name',
} as const;

/**
 * v3 (issue #4): published issues, keyed by their number. Nothing to convert:
 * the upgrade only creates the table (its test opens a v2 database with data).
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  items: null,
  issues: 'number, publishedAt',
} as const;

/**
 * v4 (issue #8): `lists`, each source's latest list ready to paint
 * (lib/history/list-view.ts `LatestList`), keyed by source. The pages' first
 * read was three rounds of reads per source (latest snapshot, then its baseline
 * and catalog entries, then maybe the oldest snapshot); it is now one get. The
 * worker writes a source's view with each snapshot (write.ts) and retention
 * keeps it in step (retention.ts); the upgrade joins it from the history
 * already stored, so an existing install paints from it at once.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  lists: 'sourceId',
} as const;

export function declareSchema(db: Dexie): void {
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeV1toV2);
  db.version(3).stores(SCHEMA_V3);
  db.version(4).stores(SCHEMA_V4).upgrade(upgradeV3toV4);
}

/** Each source that has a snapshot gets its view, joined as the readers joined it before v4. */
async function upgradeV3toV4(tx: Transaction): Promise<void> {
  const snapshots = tx.table('snapshots');
  // Keys only: which sources have history, without reading a snapshot's body.
  const sources = new Set<SourceId>();
  await snapshots.orderBy('[sourceId+fetchedAt]').eachKey((key) => sources.add((key as [SourceId, number])[0]));
  const views: LatestList[] = [];
  for (const sourceId of sources) {
    const view = await joinLatestList(snapshots, tx.table('catalog'), sourceId);
    if (view) views.push(view);
  }
  await tx.table('lists').bulkPut(views);
}

interface V1Entry {
  itemId: string;
  rank: number;
  metrics: Partial<Record<MetricName, number>>;
}
interface V1Snapshot {
  id: number;
  sourceId: string;
  fetchedAt: number;
  entries?: V1Entry[];
  keys?: number[];
  metrics?: Record<string, (number | null)[]>;
}
interface V1Item {
  sourceId: string;
  itemId: string;
  firstSeenAt: number;
  lastSeenAt: number;
  [field: string]: unknown;
}

/** Move items into the catalog, then rewrite every snapshot as keys and columns. Nothing is dropped. */
async function upgradeV1toV2(tx: Transaction): Promise<void> {
  const catalog = tx.table('catalog');
  const keyOf = new Map<string, number>();
  const id = (sourceId: string, itemId: string) => `${sourceId}\u0000${itemId}`;
  const items = (await tx.table('items').toArray()) as V1Item[];
  const keys = (await catalog.bulkAdd(items, { allKeys: true })) as number[];
  items.forEach((item, index) => keyOf.set(id(item.sourceId, item.itemId), keys[index]!));

  const snapshots = (await tx.table('snapshots').toArray()) as V1Snapshot[];
  for (const snapshot of snapshots) {
    const entries = [...(snapshot.entries ?? [])].sort((a, b) => a.rank - b.rank);
    const snapshotKeys: number[] = [];
    for (const entry of entries) {
      let key = keyOf.get(id(snapshot.sourceId, entry.itemId));
      if (key === undefined) {
        // v1 wrote items and snapshots in one transaction, so this should not happen; keep the row anyway.
        key = (await catalog.add({
          sourceId: snapshot.sourceId,
          itemId: entry.itemId,
          name: entry.itemId,
          url: '',
          firstSeenAt: snapshot.fetchedAt,
          lastSeenAt: snapshot.fetchedAt,
        })) as number;
        keyOf.set(id(snapshot.sourceId, entry.itemId), key);
      }
      snapshotKeys.push(key);
    }
    const metrics: Record<string, (number | null)[]> = {};
    for (const name of new Set(entries.flatMap((entry) => Object.keys(entry.metrics)))) {
      metrics[name] = entries.map((entry) => entry.metrics[name as MetricName] ?? null);
    }
    await tx.table('snapshots').put({ id: snapshot.id, sourceId: snapshot.sourceId, fetchedAt: snapshot.fetchedAt, keys: snapshotKeys, metrics });
  }
}
