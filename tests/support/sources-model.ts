import { signal } from '@preact/signals';
import { onTestFinished, vi } from 'vitest';
import type { MorningPostDB } from '@/lib/history/db';
import { SourcesModel } from '@/lib/models/sources';
import type { visibleRows } from '@/lib/shared/filters';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/shared/settings';
import type { SourceId } from '@/lib/sources/ids';

/**
 * A surface's lists model over the test's own database, at a fixed clock and the
 * default settings, disposed when the test finishes (before its database is
 * deleted: onTestFinished runs last-registered first).
 */
export function testSourcesModel(db: MorningPostDB, ids: readonly SourceId[], rows: typeof visibleRows, now: number): SourcesModel {
  const model = new SourcesModel({
    live: { open: async () => db },
    sourceIds: ids,
    requestRefresh: vi.fn(async () => undefined),
    now: () => now,
    settings: signal<Settings | undefined>(DEFAULT_SETTINGS),
    visibleRows: rows,
  });
  onTestFinished(() => model[Symbol.dispose]());
  return model;
}
