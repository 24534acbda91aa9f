import { visibleRows, type ListFilters } from '../shared/filters';
import type { Snapshot } from '../shared/records';
import { DAY_MS, metricsAt, type ListRow } from '../shared/movement';
import { localDay } from '../history/retention';
import type { MetricName } from '../sources/contract';
import type { SourceWindow } from './inputs';

/** Pure reads over a source's window of history: what the sections are computed from. */

export interface Row extends ListRow {
  key: number;
}

/** A snapshot as the reader sees it: joined with the catalog, after the reader's filters; source ranks kept. */
export function rowsOf(window: SourceWindow, snapshot: Snapshot, filters: ListFilters): Row[] {
  const rows: Row[] = [];
  snapshot.keys.forEach((key, index) => {
    const item = window.items.get(key);
    if (item) rows.push({ key, rank: index + 1, itemId: item.itemId, metrics: metricsAt(snapshot, index), item });
  });
  return visibleRows(window.sourceId, rows, filters) as Row[];
}

export function latestOf(window: SourceWindow | undefined): Snapshot | undefined {
  return window?.snapshots.at(-1);
}

/** A list is compared with one at least this old; a few hours apart is noise, not news. */
export const MIN_BASELINE_AGE_MS = 20 * 60 * 60 * 1000;

/**
 * The list to compare the latest with: as it stood `windowMs` earlier, or —
 * while the history is younger than that — the oldest one at least
 * `MIN_BASELINE_AGE_MS` old. Undefined when there is none: nothing is then
 * called new or moved.
 */
export function baselineOf(window: SourceWindow | undefined, windowMs: number): Snapshot | undefined {
  const latest = latestOf(window);
  if (!window || !latest) return undefined;
  const target = latest.fetchedAt - windowMs;
  let atOrBefore: Snapshot | undefined;
  for (const snapshot of window.snapshots) if (snapshot.fetchedAt <= target) atOrBefore = snapshot;
  if (atOrBefore) return atOrBefore;
  const oldest = window.snapshots[0];
  return oldest && latest.fetchedAt - oldest.fetchedAt >= MIN_BASELINE_AGE_MS ? oldest : undefined;
}

/** The last snapshot of each local day, oldest first: one point a day for sparklines. */
export function dailySnapshots(window: SourceWindow, from: number): Snapshot[] {
  const byDay = new Map<string, Snapshot>();
  for (const snapshot of window.snapshots) if (snapshot.fetchedAt >= from) byDay.set(localDay(snapshot.fetchedAt), snapshot);
  return [...byDay.values()];
}

export interface Point {
  at: number;
  rank: number;
  value?: number;
}

/** Where an item stood in each snapshot it appears in. */
export function pointsOf(snapshots: readonly Snapshot[], key: number, metric?: MetricName): Point[] {
  const points: Point[] = [];
  for (const snapshot of snapshots) {
    const index = snapshot.keys.indexOf(key);
    if (index < 0) continue;
    const value = metric ? snapshot.metrics[metric]?.[index] : undefined;
    points.push({ at: snapshot.fetchedAt, rank: index + 1, ...(value !== null && value !== undefined ? { value } : {}) });
  }
  return points;
}

export function rankIn(snapshot: Snapshot | undefined, key: number): number | undefined {
  if (!snapshot) return undefined;
  const index = snapshot.keys.indexOf(key);
  return index < 0 ? undefined : index + 1;
}

/** Whole days between two times, at least one (a growth rate over a shorter span is not a day's growth). */
export function daysBetween(from: number, to: number): number {
  return Math.max(1, (to - from) / DAY_MS);
}

/** `Qwen/Qwen3.8-27B` → `Qwen3.8-27B`: what a headline calls a repository. */
export function shortName(name: string): string {
  const slash = name.indexOf('/');
  return slash >= 0 ? name.slice(slash + 1) : name;
}

export function ownerOf(itemId: string): string | undefined {
  const slash = itemId.indexOf('/');
  return slash > 0 ? itemId.slice(0, slash) : undefined;
}

/**
 * The model family and size an item builds on: the `base_model:` tag when the
 * source sent one, else read from the name (`unsloth/Qwen3.8-27B-GGUF` →
 * `Qwen3.8-27B`). Families are the open-weight lines that dominate Hugging
 * Face's trending lists; an unknown name has no family.
 */
const FAMILY =
  /(?:^|[/_-])((?:qwen|llama|deepseek|gemma|mistral|mixtral|phi|glm|kimi|minimax|flux|wan|hunyuan|olmo|granite|smollm|gpt-oss|ernie|ltx|whisper|stable-diffusion)(?:[-_]?v?\d+(?:\.\d+)*(?![\d.]))?(?:[-_](?:\d+(?:\.\d+)?[bm]|a\d+(?:\.\d+)?b)(?![a-z]))?)(?![a-z])/i;

export function familyOf(item: { itemId: string; tags?: string[] }): string | undefined {
  const base = item.tags?.find((tag) => tag.startsWith('base_model:') && !tag.startsWith('base_model:quantized:') && !tag.startsWith('base_model:finetune:') && !tag.startsWith('base_model:adapter:') && !tag.startsWith('base_model:merge:'));
  const source = base ? base.slice('base_model:'.length) : item.itemId;
  const match = FAMILY.exec(shortName(source));
  return match?.[1];
}

/** How a repository is packaged for local use, read from its name or tags. */
const FORMATS = ['gguf', 'mlx', 'awq', 'gptq', 'fp8', 'exl2', 'onnx'] as const;

export function formatOf(item: { itemId: string; tags?: string[] }): string | undefined {
  const words = new Set([...item.itemId.toLowerCase().split(/[^a-z0-9]+/), ...(item.tags ?? []).map((tag) => tag.toLowerCase())]);
  return FORMATS.find((format) => words.has(format))?.toUpperCase();
}

/** The most frequent value, with its count; ties go to the value seen first (the higher-ranked). */
export function mostCommon<T>(values: readonly (T | undefined)[]): { value: T; count: number } | undefined {
  return tally(values)[0];
}

/** Counts per value, most frequent first (ties: first seen; the sort is stable). */
export function tally<T>(values: readonly (T | undefined)[]): { value: T; count: number }[] {
  const counts = new Map<T, number>();
  for (const value of values) if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}
