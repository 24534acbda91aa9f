// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SourceHealth } from '@/components/SourceHealth';
import { TrendingList } from '@/components/TrendingList';
import { healthOf } from '@/lib/shared/health';
import type { SourceStatus } from '@/lib/shared/records';
import type { ListRow } from '@/lib/shared/movement';

afterEach(cleanup);

const row = (rank: number, name: string, url = `https://huggingface.co/${name}`, task?: string): ListRow => ({
  rank,
  itemId: name,
  metrics: { trendingScore: 2047, likes: 12099, downloads: 2_090_699 },
  item: { sourceId: 'hf-models', itemId: name, name, url, firstSeenAt: 0, lastSeenAt: 0, ...(task ? { task } : {}) },
});

describe('TrendingList', () => {
  it('shows each row in rank order with its link, task and figures', () => {
    render(
      <TrendingList
        label="Trending models"
        metrics={['trendingScore', 'likes', 'downloads']}
        rows={[row(1, 'Qwen/Qwen3.8-27B', undefined, 'image-text-to-text'), row(2, 'gpt2')]}
      />,
    );
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(2);
    // (Accessible names are checked in Chromium, end to end; happy-dom spaces inline spans apart.)
    const link = screen.getAllByRole('link')[0]!;
    expect(link.textContent).toBe('Qwen/Qwen3.8-27B');
    expect(link.getAttribute('href')).toBe('https://huggingface.co/Qwen/Qwen3.8-27B');
    expect(items[0]!.textContent).toContain('image-text-to-text');
    expect(items[0]!.textContent).toContain('12.1K likes');
    expect(items[0]!.querySelector('[title]')?.getAttribute('title')).toBe('2,047 trending');
    expect(screen.getAllByRole('link')[1]!.textContent).toBe('gpt2');
  });

  it('renders remote markup as text and refuses unsafe links', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    render(
      <TrendingList
        label="Trending models"
        metrics={['likes']}
        rows={[row(1, 'org/model', 'javascript:alert(1)', hostile), row(2, 'org/other', 'http://huggingface.co/org/other')]}
      />,
    );
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('list').textContent).toContain(hostile);
    expect(screen.queryAllByRole('link')).toHaveLength(0);
  });

  it('shows at most `limit` rows', () => {
    render(<TrendingList label="Top" metrics={[]} limit={1} rows={[row(1, 'a/b'), row(2, 'c/d')]} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });
});

describe('SourceHealth', () => {
  const NOW = Date.parse('2026-11-27T10:45:00');
  const failing: SourceStatus = {
    sourceId: 'hf-models',
    lastSuccessAt: NOW - 60 * 60_000,
    lastAttemptAt: NOW - 60_000,
    lastError: { kind: 'http', status: 500, message: 'huggingface.co/api/models answered HTTP 500', at: NOW - 60_000 },
    consecutiveFailures: 1,
    nextAttemptAt: NOW + 3 * 60_000,
  };

  it('names the failed request, when it failed and when it retries, and that the list is the last good one', () => {
    render(
      <SourceHealth
        label="Hugging Face models"
        health={healthOf(failing, NOW - 60 * 60_000, NOW, 60)}
        fetchedAt={NOW - 60 * 60_000}
        now={NOW}
        refreshing={false}
        refreshError={undefined}
        onRefresh={() => undefined}
      />,
    );
    const text = document.querySelector('[data-health]')?.textContent ?? '';
    expect(text).toContain('huggingface.co/api/models answered HTTP 500');
    // The live region holds the failure, not the ticking age, so screen readers hear it once.
    expect(screen.getByRole('status').textContent).toMatch(/^Refresh failed at .*HTTP 500\. Next try .*\. Showing the last good list\.$/);
    expect(text).toContain('Refresh failed at');
    expect(text).toContain('Next try');
    expect(text).toContain('Showing the last good list.');
    expect(text).toContain('1 h ago');
    expect(document.querySelector('[data-health]')?.getAttribute('data-health')).toBe('failing');
    const times = [...document.querySelectorAll('time')].map((time) => time.getAttribute('datetime'));
    expect(times).toContain(new Date(NOW + 3 * 60_000).toISOString());
  });

  it('says it is fetching before the first list, and is healthy after a success', () => {
    const { rerender } = render(
      <SourceHealth label="Hugging Face models" health={healthOf(undefined, undefined, NOW, 60)} fetchedAt={undefined} now={NOW} refreshing={false} refreshError={undefined} onRefresh={() => undefined} />,
    );
    expect(document.querySelector('[data-health]')?.textContent).toContain('fetching the first edition');
    expect(screen.getByRole('status').textContent).toBe('');
    rerender(
      <SourceHealth
        label="Hugging Face models"
        health={healthOf({ ...failing, lastSuccessAt: NOW, consecutiveFailures: 0 }, NOW, NOW, 60)}
        fetchedAt={NOW}
        now={NOW}
        refreshing
        refreshError={undefined}
        onRefresh={() => undefined}
      />,
    );
    expect(document.querySelector('[data-health]')?.getAttribute('data-health')).toBe('ok');
    expect(screen.getByRole('button').textContent).toBe('Refreshing…');
    expect(screen.getByRole('button').hasAttribute('disabled')).toBe(true);
  });

  it('says a list is stale when it is older than two intervals and nothing failed', () => {
    const ok: SourceStatus = { sourceId: 'hf-models', lastSuccessAt: NOW - 3 * 60 * 60_000, consecutiveFailures: 0 };
    render(
      <SourceHealth label="Hugging Face models" health={healthOf(ok, NOW - 3 * 60 * 60_000, NOW, 60)} fetchedAt={NOW - 3 * 60 * 60_000} now={NOW} refreshing={false} refreshError={undefined} onRefresh={() => undefined} />,
    );
    expect(document.querySelector('[data-health]')?.getAttribute('data-health')).toBe('stale');
    expect(document.querySelector('[data-health]')?.textContent).toContain('This list is old');
  });
});
