/**
 * `npm run bench:history`: how big a year of hourly refreshes gets.
 * Writes 365 days × 24 refreshes of every source through the production path
 * (`recordSuccess`, then `pruneIfDue` as the worker does) into fake-indexeddb,
 * publishing the day's issue as the worker does, with lists built from the
 * recorded responses that churn a little every hour
 * (ranks shuffle, ~2 % of items are replaced by new ones), then prints the
 * records' size as Chromium stores values: V8's structured-clone
 * serialisation (before LevelDB's own compression), plus the row counts.
 * Printed, not asserted (README: speed and size are measured, not tested).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { MorningPostDB } from '../lib/history/db';
import { pruneIfDue } from '../lib/history/retention';
import { publishIfDue } from '../lib/background/publish';
import { DEFAULT_SETTINGS } from '../lib/shared/settings';
import { recordSuccess } from '../lib/history/write';
import { SOURCES } from '../lib/sources';
import type { TrendingItem } from '../lib/sources/contract';
import { SOURCE_IDS, type SourceId } from '../lib/sources/ids';
import { sharedRecordings, ownRecordings } from '../tests/support/recordings';
import { existsSync } from 'node:fs';
import { SHARED_FIXTURES } from '../tests/support/paths';

const HOUR = 3_600_000;
const DAYS = Number(process.env.DAYS ?? 365);
/** Chance per source per hour that a new item enters: 0.25 ≈ 6 new items a day in each list. */
const CHURN = Number(process.env.CHURN ?? 0.25);
const files = existsSync(SHARED_FIXTURES) ? sharedRecordings() : ownRecordings();
const base: Record<SourceId, TrendingItem[]> = Object.fromEntries(
  SOURCE_IDS.map((id) => [id, SOURCES[id].parse(readFileSync(files[id], 'utf8')).items]),
) as Record<SourceId, TrendingItem[]>;

// A small deterministic generator, so two runs write the same history.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

const db = new MorningPostDB(`bench-${Date.now()}`);
const start = Date.parse('2026-01-01T00:00:00Z');
const lists = { ...base };
let fresh = 0;
const began = performance.now();
for (let hour = 0; hour < DAYS * 24; hour++) {
  const at = start + hour * HOUR;
  for (const id of SOURCE_IDS) {
    const items = lists[id].map((item) => ({ ...item, metrics: { ...item.metrics } }));
    // Churn: neighbours swap, metrics grow, and now and then a new item enters at a random place.
    for (let i = 0; i < items.length - 1; i++) if (random() < 0.15) [items[i], items[i + 1]] = [items[i + 1]!, items[i]!];
    for (const item of items) for (const key of Object.keys(item.metrics) as (keyof typeof item.metrics)[]) item.metrics[key]! += Math.floor(random() * 40);
    if (random() < CHURN) {
      const index = Math.floor(random() * items.length);
      // Modelled on the recorded item at that place, so names stay the length real ones have.
      const template = base[id][index % base[id].length]!;
      items[index] = { ...template, metrics: { ...template.metrics }, id: `${template.id}-v${++fresh}`, name: `${template.name}-v${fresh}` };
    }
    lists[id] = items;
    await recordSuccess(db, id, { items, dropped: 0 }, at, at + HOUR);
  }
  await pruneIfDue(db, at);
  await publishIfDue(db, at, DEFAULT_SETTINGS);
  if (hour % (24 * 30) === 0) process.stdout.write(`\r  day ${hour / 24}/${DAYS}…`);
}
const seconds = (performance.now() - began) / 1000;

const size = async (rows: unknown[]) => rows.reduce<number>((total, row) => total + serialize(row).length, 0);
const snapshots = await db.snapshots.toArray();
const catalog = await db.catalog.toArray();
const issues = await db.issues.toArray();
const snapshotBytes = await size(snapshots);
const catalogBytes = await size(catalog);
const issueBytes = await size(issues);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
console.log(`\r${DAYS} days of hourly refreshes × ${SOURCE_IDS.length} sources, ${fresh.toLocaleString()} new items (churn ${CHURN}/source/hour); ${(DAYS * 24 * SOURCE_IDS.length).toLocaleString()} snapshots written in ${seconds.toFixed(0)} s:`);
console.log(`  snapshots kept   ${snapshots.length.toLocaleString().padStart(7)}   ${mb(snapshotBytes)}  (${Math.round(snapshotBytes / snapshots.length)} B each)`);
console.log(`  catalog items    ${catalog.length.toLocaleString().padStart(7)}   ${mb(catalogBytes)}`);
console.log(`  history                     ${mb(snapshotBytes + catalogBytes)}`);
console.log(`  issues published ${issues.length.toLocaleString().padStart(7)}   ${mb(issueBytes)}  (${Math.round(issueBytes / Math.max(1, issues.length) / 1024)} KiB each; the archive is kept whole)`);
console.log(`  total values                ${mb(snapshotBytes + catalogBytes + issueBytes)}  (V8 structured clone, as Chromium's IndexedDB stores them before compression)`);
await db.delete();
