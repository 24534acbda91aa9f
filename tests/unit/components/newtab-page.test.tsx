// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NewTabPage } from '@/components/pages/NewTabPage';
import type { MorningPostDB } from '@/lib/history/db';
import { recordFailure, recordSuccess } from '@/lib/history/write';
import { signal } from '@preact/signals';
import { SourcesModel } from '@/lib/models/sources';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { hfModels } from '@/lib/sources/hf-models';
import { freshDb } from '../../support/db';
import { OWN_FIXTURES } from '../../support/paths';

const owned = hfModels.parse(readFileSync(join(OWN_FIXTURES, 'hf-models-trending-2026-11-26.json'), 'utf8'));
const NOW = Date.parse('2026-11-27T07:00:00');

let db: MorningPostDB;
let model: SourcesModel | undefined;
afterEach(async () => {
  cleanup();
  model?.[Symbol.dispose]();
  delete document.documentElement.dataset.ready;
  await db.delete();
});

function mount(requestRefresh = vi.fn(async () => undefined)) {
  db = freshDb();
  model = new SourcesModel({ db, sourceIds: ['hf-models'], requestRefresh, now: () => NOW, settings: signal(DEFAULT_SETTINGS) });
  render(<NewTabPage model={model} />);
  return { requestRefresh };
}

describe('NewTabPage', () => {
  it('marks itself ready with the empty state when the database is empty', async () => {
    mount();
    await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
    expect(screen.getByText(/first edition is on its way/)).toBeTruthy();
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
  });

  it('updates live when the worker stores a snapshot, and keeps it when a refresh fails', async () => {
    mount();
    await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
    await act(() => recordSuccess(db, 'hf-models', owned, NOW - 5 * 60_000, NOW + 55 * 60_000));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(12));
    expect(screen.getAllByRole('link')[0]!.textContent).toBe('northwind-ai/Aurora-R1-32B');

    await act(async () => {
      await recordFailure(db, 'hf-models', { kind: 'parse', message: 'huggingface.co/api/models: the response is not JSON' }, NOW, NOW + 2 * 60_000);
    });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('the response is not JSON'));
    expect(screen.getAllByRole('listitem')).toHaveLength(12);
  });

  it('asks the worker to refresh when the reader clicks, and says so while it runs', async () => {
    let finish!: () => void;
    const { requestRefresh } = mount(
      vi.fn(() => new Promise<undefined>((resolve) => (finish = () => resolve(undefined)))),
    );
    await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
    fireEvent.click(screen.getByRole('button', { name: 'Refresh now' }));
    await waitFor(() => expect(screen.getByRole('button').textContent).toBe('Refreshing…'));
    expect(requestRefresh).toHaveBeenCalledTimes(1);
    await act(() => finish());
    await waitFor(() => expect(screen.getByRole('button').textContent).toBe('Refresh now'));
  });

  it('says when the worker cannot be reached', async () => {
    mount(vi.fn(async () => Promise.reject(new Error('Receiving end does not exist.'))));
    await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
    fireEvent.click(screen.getByRole('button', { name: 'Refresh now' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Receiving end does not exist.'));
  });
});
