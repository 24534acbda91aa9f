// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor as waitForDefault } from '@testing-library/preact';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { RequestCounts } from '@/components/RequestCounts';
import { RequestCountsModel } from '@/lib/models/request-counts';
import type { SourceStatus } from '@/lib/shared/records';

/** Past testing-library's default second, which a loaded machine can exceed. */
const waitFor = <T,>(check: () => T) => waitForDefault(check, { timeout: 10_000 });

afterEach(() => cleanup());

// 09:00 UTC on 2 March 2026: the 2nd in UTC.
const NOW = Date.parse('2026-03-02T09:00:00Z');

function mount(read: () => Promise<readonly (SourceStatus | undefined)[]>) {
  const model = new RequestCountsModel({ read, now: () => NOW, timeZone: () => 'UTC' });
  onTestFinished(() => model[Symbol.dispose]());
  render(<RequestCounts model={model} />);
}

describe('the requests table on the options page (issue #12)', () => {
  it('is a table with a caption and header cells: each figure is announced with its source and its day', async () => {
    const models: SourceStatus = {
      sourceId: 'hf-models',
      consecutiveFailures: 0,
      requests: [
        { day: '2026-03-02', count: 10 },
        { day: '2026-03-01', count: 25 },
        { day: '2026-02-28', count: 24 },
        { day: '2026-02-24', count: 11 },
      ],
    };
    mount(async () => [models]);
    const table = await waitFor(() => screen.getByRole('table', { name: 'Requests per source and day' }));
    expect([...table.querySelectorAll('thead th')].map((cell) => [cell.textContent, cell.getAttribute('scope')])).toEqual([
      ['Source', 'col'],
      ['Today', 'col'],
      ['Yesterday', 'col'],
      ['Average a day, last 7 days', 'col'],
      ['Daily limit', 'col'],
    ]);
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent));
    // Every source, the ones never asked with zeros; (10 + 25 + 24 + 11) / 7 = 10.0 by hand.
    expect(rows).toEqual([
      ['Hugging Face models', '10', '25', '10.0', '144'],
      ['Hugging Face datasets', '0', '0', '0.0', '144'],
      ['Hugging Face spaces', '0', '0', '0.0', '144'],
      ['Hugging Face daily papers', '0', '0', '0.0', '144'],
      ['GitHub trending today', '0', '0', '0.0', '120'],
      ['GitHub trending this week', '0', '0', '0.0', '120'],
      ['New AI repositories on GitHub', '0', '0', '0.0', '144'],
    ]);
    expect(table.querySelector('tbody th')?.getAttribute('scope')).toBe('row');
    expect(screen.getByRole('heading', { name: 'Requests to the sources' })).toBeTruthy();
  });

  it('says so, in its own words, when the counts cannot be read', async () => {
    mount(async () => Promise.reject(new Error('the database is gone')));
    await waitFor(() => expect(screen.getByText('The counts could not be read (the database is gone).')).toBeTruthy());
    expect(screen.queryByRole('table')).toBeNull();
  });
});
