// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { signal } from '@preact/signals';
import { afterEach, describe, expect, it } from 'vitest';
import { TimelinePage } from '@/components/pages/TimelinePage';
import { METRIC_FRAME, RANK_FRAME, rankAxisEnd, rankTicks, rankY, runs, timeX, valueY } from '@/components/timeline/chart-geometry';
import type { ItemTimeline } from '@/lib/history/timeline';
import { shortDate } from '@/lib/shared/format';
import type { TimelineState } from '@/lib/models/timeline';

/**
 * The timeline's chart and table (issue #12), with places worked out by hand:
 * the rank chart is 720 × 200 with 64 units left, 16 right, 12 above and 28
 * below the plot, so the plot is 640 wide and 160 high; a metric chart is
 * 360 × 120 with 56 left, 12 right, 10 above and 24 below: 292 wide, 86 high.
 */

afterEach(() => {
  cleanup();
  for (const mark of ['ready', 'firstScreen', 'complete']) delete document.documentElement.dataset[mark];
});

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-01T12:00:00Z');
const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

describe('where a point goes (components/timeline/chart-geometry.ts)', () => {
  it('puts No. 1 at the top and the axis’s foot at the bottom: rank 3 of 5 halfway', () => {
    const y = rankY(RANK_FRAME, 5);
    expect([y(1), y(2), y(3), y(5)]).toEqual([12, 52, 92, 172]);
    // A foot of 15: rank 8 is 7/14 of the way down.
    expect(rankY(RANK_FRAME, 15)(8)).toBe(92);
  });

  it('rounds the rank axis to a multiple of 5, at least 5, and labels No. 1, the foot, and a whole middle', () => {
    expect([1, 3, 5, 6, 12, 50].map(rankAxisEnd)).toEqual([5, 5, 5, 10, 15, 50]);
    expect(rankTicks(5)).toEqual([1, 3, 5]);
    expect(rankTicks(15)).toEqual([1, 8, 15]);
    expect(rankTicks(10)).toEqual([1, 10]);
  });

  it('spreads time across the plot, and one time alone in its middle', () => {
    const x = timeX(RANK_FRAME, T0, T0 + 4 * DAY);
    expect([x(T0), x(T0 + DAY), x(T0 + 4 * DAY)]).toEqual([64, 224, 704]);
    expect(timeX(RANK_FRAME, T0, T0)(T0)).toBe(384);
    expect(timeX(METRIC_FRAME, T0, T0 + 4 * DAY)(T0 + 2 * DAY)).toBe(202);
  });

  it('draws figures between their smallest (foot) and largest (top); equal ones in the middle; no NaN near 1e308', () => {
    const y = valueY(METRIC_FRAME, [10, 30, 20]);
    expect([y(10), y(20), y(30)]).toEqual([96, 53, 10]);
    expect(valueY(METRIC_FRAME, [7, 7])(7)).toBe(53);
    const huge = valueY(METRIC_FRAME, [1e308, -1e308]);
    expect([huge(1e308), huge(-1e308)]).toEqual([10, 96]);
  });

  it('dates the axis and the table briefly, and says nothing for a time not worth printing', () => {
    const place = { locale: 'en-US', timeZone: 'UTC' };
    expect(shortDate(Date.parse('2025-11-29T12:00:00Z'), place)).toBe('Nov 29, 2025');
    expect(shortDate(Date.parse('2026-03-01T23:30:00Z'), { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe('2 Mar 2026');
    for (const at of [Number.NaN, 0, Number.POSITIVE_INFINITY, 8.64e15]) expect(shortDate(at, place), String(at)).toBeUndefined();
  });

  it('breaks the line where a value is missing', () => {
    const values = [3, 1, null, 5, undefined, Number.NaN, 2, 4];
    expect(runs(values, (value) => value).map((run) => run.map((entry) => entry.value))).toEqual([[3, 1], [5], [2, 4]]);
  });
});

/** An item on a list four days running: No. 3, No. 1, absent, No. 5; likes 10, 30, –, 20. */
const timeline: ItemTimeline = {
  kind: 'model',
  id: 'lab/alpha',
  url: 'https://huggingface.co/lab/alpha',
  name: 'lab/alpha <script>alert(1)</script>',
  firstSeenAt: T0,
  lastSeenAt: T0 + 3 * DAY,
  daysOnList: 3,
  sources: [
    {
      sourceId: 'hf-models',
      name: 'lab/alpha',
      points: [
        { at: T0, rank: 3, metrics: { likes: 10 } },
        { at: T0 + DAY, rank: 1, metrics: { likes: 30 } },
        { at: T0 + 2 * DAY, rank: null, metrics: {} },
        { at: T0 + 3 * DAY, rank: 5, metrics: { likes: 20 } },
      ],
      firstSeenAt: T0,
      lastSeenAt: T0 + 3 * DAY,
      bestRank: 1,
      bestRankAt: T0 + DAY,
      daysOnList: 3,
      metrics: ['likes'],
      worstRank: 5,
    },
  ],
};

function show(state: TimelineState) {
  return render(<TimelinePage state={signal(state)} dayOf={dayOf} />);
}

describe('the timeline page (components/pages/TimelinePage.tsx)', () => {
  it('draws the rank line from No. 3 on day 1 (64, 92) to No. 1 on day 2, a gap, and day 4 as a dot at the foot', () => {
    show({ status: 'found', timeline });
    const rank = document.querySelector('svg[data-chart=rank]')!;
    // Day 2 is a third of the way: 64 + 640 / 3 = 277.33; day 4 at the right edge, 720 - 16 = 704.
    expect([...rank.querySelectorAll('.timeline-chart__series polyline')].map((line) => line.getAttribute('points'))).toEqual(['64,92 277.3,12']);
    expect([...rank.querySelectorAll('.timeline-chart__series circle')].map((dot) => [dot.getAttribute('cx'), dot.getAttribute('cy')])).toEqual([['704', '172']]);
    expect([...rank.querySelectorAll('.timeline-chart__grid text')].map((label) => label.textContent)).toEqual(['No. 1', 'No. 3', 'No. 5']);
    expect(rank.getAttribute('role')).toBe('img');
    expect(rank.getAttribute('aria-label')).toMatch(/^Rank in Hugging Face models: No\. 3 on .+, No\. 5 on .+; best No\. 1; not in the list 1 of 4 times$/);

    // Likes 10, 30, 20 between 10 (foot, y 96) and 30 (top, y 10): 20 is at 53; the absent day breaks the line.
    // x: 56 + 292 / 3 = 153.33 for day 2, 360 - 12 = 348 for day 4.
    const likes = document.querySelector('svg[data-chart=likes]')!;
    expect([...likes.querySelectorAll('.timeline-chart__series polyline')].map((line) => line.getAttribute('points'))).toEqual(['56,96 153.3,10']);
    expect([...likes.querySelectorAll('.timeline-chart__series circle')].map((dot) => [dot.getAttribute('cx'), dot.getAttribute('cy')])).toEqual([['348', '53']]);
  });

  it('gives the same data as a table a screen reader can walk: a caption, column and row headers, one row a day, newest first', async () => {
    show({ status: 'found', timeline });
    // After the charts' first paint (the page is complete then).
    expect(screen.queryByRole('table')).toBeNull();
    const table = await screen.findByRole('table');
    expect(document.documentElement.dataset.complete).toBe('true');
    expect(table.querySelector('caption')!.textContent).toBe('Hugging Face models: rank and figures, one row a day, newest first (4 days)');
    expect([...table.querySelectorAll('thead th')].map((th) => [th.textContent, th.getAttribute('scope')])).toEqual([
      ['Day', 'col'],
      ['Rank', 'col'],
      ['likes', 'col'],
    ]);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.map((row) => row.querySelector('th')!.getAttribute('scope'))).toEqual(['row', 'row', 'row', 'row']);
    expect(rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent))).toEqual([
      ['No. 5', '20'],
      ['not listed', '—'],
      ['No. 1', '30'],
      ['No. 3', '10'],
    ]);
    // The table's box scrolls with the keyboard and is named by its caption.
    const region = screen.getByRole('region', { name: /Hugging Face models: rank and figures/ });
    expect(region.getAttribute('tabindex')).toBe('0');
  });

  it('says the facts, links the item by its validated id, renders remote text as text, and marks the page ready', () => {
    show({ status: 'found', timeline });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('lab/alpha <script>alert(1)</script>');
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByRole('link', { name: 'Open on Hugging Face' }).getAttribute('href')).toBe('https://huggingface.co/lab/alpha');
    const facts = [...document.querySelectorAll('[data-source=hf-models] dt')].map((term) => term.textContent);
    expect(facts).toEqual(['Best rank', 'First seen', 'Last seen', 'Days on the list']);
    expect(document.querySelector('[data-facts=item] time')!.getAttribute('datetime')).toBe('2026-11-01T12:00:00.000Z');
    expect(document.documentElement.dataset.ready).toBe('true');
  });

  it('leaves out a link that is not one of the extension’s shapes', () => {
    show({ status: 'found', timeline: { ...timeline, url: 'javascript:alert(1)' } });
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('says plainly what is wrong with an address, an item with no history, or a failed read; not ready while reading', () => {
    const state = signal<TimelineState>({ status: 'loading' });
    render(<TimelinePage state={state} dayOf={dayOf} />);
    expect(document.documentElement.dataset.ready).toBeUndefined();
    cleanup();
    show({ status: 'invalid' });
    expect(document.querySelector('[data-timeline-message=invalid]')!.textContent).toMatch(/^This address names no item/);
    expect(document.documentElement.dataset.complete).toBe('true');
    cleanup();
    show({ status: 'unknown', kind: 'repo', id: 'acme/agent' });
    expect(document.querySelector('[data-timeline-message=unknown]')!.textContent).toBe('acme/agent has not been in any list this browser has kept: it has no history yet.');
    cleanup();
    show({ status: 'error', message: 'QuotaExceededError' });
    expect(document.querySelector('[data-timeline-message=error]')!.textContent).toBe('The history could not be read: QuotaExceededError');
  });
});
