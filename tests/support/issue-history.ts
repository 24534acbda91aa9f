import { readFileSync } from 'node:fs';
import type { MorningPostDB } from '@/lib/history/db';
import { recordSuccess } from '@/lib/history/write';
import { SOURCES } from '@/lib/sources';
import type { TrendingItem } from '@/lib/sources/contract';
import { SOURCE_IDS, type SourceId } from '@/lib/sources/ids';
import { sharedRecordings } from './recordings';
import { shiftDates, shiftFor } from './redate';

const HOUR = 3_600_000;

/**
 * A week of history for every source, written through the production write
 * path from the real recordings, with movement a reader would notice: each
 * day one item climbs three places, every item gains likes/stars in
 * proportion to its rank, and a newcomer enters near the top every other day.
 * Deterministic, so the issue composed from it can be checked figure by figure.
 */
export function dayList(base: readonly TrendingItem[], day: number, sourceId: SourceId): TrendingItem[] {
  let items = base.map((item, index) => ({
    ...item,
    metrics: Object.fromEntries(
      Object.entries(item.metrics).map(([name, value]) => [name, name === 'trendingScore' ? value : value + (base.length - index) * day * 7]),
    ),
  }));
  // The climber: the 21st item (or the last) rises three places a day.
  const climber = items[Math.min(20, items.length - 1)]!;
  const to = Math.max(0, items.indexOf(climber) - 3 * day);
  items = items.filter((item) => item !== climber);
  items.splice(to, 0, climber);
  // A newcomer every other day, entering at rank 3 and staying.
  for (let entered = 2; entered <= day; entered += 2) {
    const template = base[base.length - 1]!;
    const id = sourceId === 'hf-papers' ? `2607.9${String(entered).padStart(4, '0')}` : `${template.id}-n${entered}`;
    items.splice(2, 0, { ...template, id, name: `${template.name}-n${entered}`, url: template.url.replace(template.id, id) });
  }
  return items.slice(0, base.length);
}

export async function writeWeek(db: MorningPostDB, start: number, days: number, refreshesPerDay = 4): Promise<number> {
  const files = sharedRecordings();
  // The recordings read as if captured at the last refresh (tests/support/redate.ts): their items' own dates
  // (a repository's creation, a paper's day on the daily list) agree with the history's "now".
  const last = start + (days - 1) * 24 * HOUR + (refreshesPerDay - 1) * (24 / refreshesPerDay) * HOUR;
  const base = Object.fromEntries(
    SOURCE_IDS.map((id) => [id, shiftDates(SOURCES[id].parse(readFileSync(files[id], 'utf8')).items, shiftFor(files[id], last))]),
  ) as Record<SourceId, TrendingItem[]>;
  let at = start;
  for (let day = 0; day < days; day++) {
    for (let refresh = 0; refresh < refreshesPerDay; refresh++) {
      at = start + day * 24 * HOUR + refresh * (24 / refreshesPerDay) * HOUR;
      for (const id of SOURCE_IDS) await recordSuccess(db, id, { items: dayList(base[id], day, id), dropped: 0 }, at, at + HOUR);
    }
  }
  return at;
}
