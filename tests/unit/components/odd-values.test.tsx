// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen, waitFor as waitForDefault } from '@testing-library/preact';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { buildFirstScreen } from '@/components/issue/first-screen-dom';
import { IssueView } from '@/components/issue/IssueView';
import { Sparkline } from '@/components/issue/Sparkline';
import { moverFigure, PopupPage } from '@/components/pages/PopupPage';
import { SidePanelPage } from '@/components/pages/SidePanelPage';
import { SourceHealth } from '@/components/SourceHealth';
import { TrendingList } from '@/components/TrendingList';
import type { TeaserMover } from '@/lib/history/issue-codec';
import { recordSuccess } from '@/lib/history/write';
import { IssueModel } from '@/lib/models/issue';
import { visibleRows } from '@/lib/shared/filters';
import type { Health } from '@/lib/shared/health';
import { visibleHuggingFaceRows } from '@/lib/shared/hf-filters';
import type { Issue, Mover } from '@/lib/shared/issue-types';
import type { ListRow } from '@/lib/shared/movement';
import type { SourceStatus } from '@/lib/shared/records';
import { hfModels } from '@/lib/sources/hf-models';
import { SOURCE_IDS } from '@/lib/sources/ids';
import { testDb } from '../../support/db';
import { testSourcesModel } from '../../support/sources-model';
import { OWN_FIXTURES } from '../../support/paths';

/**
 * Times and figures no surface can say — NaN, Infinity, 1e308, a year 275760 — as an older version stored
 * them or a server sent them (issue #9, finding 1: `notBefore: Infinity` made the popup and side panel
 * throw `RangeError: Invalid time value` on every open). Each surface renders around them: no throw, no
 * `NaN`, `Infinity` or `Invalid Date` in its text or attributes, and words in their place.
 */

const NOW = Date.parse('2026-11-27T10:45:00Z');
const DAY = 86_400_000;
/** Past testing-library's default second, which a loaded machine can exceed; within the test's 30 s (vitest.config.ts). */
const waitFor = <T,>(check: () => T) => waitForDefault(check, { timeout: 10_000 });
const NONSENSE = /NaN|Infinity|∞|Invalid Date|undefined/;

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.ready;
  delete document.documentElement.dataset.firstScreen;
});

/** Every text and attribute value under `root`, for a sweep. */
function everythingShown(root: Element): string[] {
  const shown = [root.textContent ?? ''];
  for (const element of [root, ...root.querySelectorAll('*')]) {
    for (const attribute of element.attributes) shown.push(`${element.tagName.toLowerCase()}[${attribute.name}]=${attribute.value}`);
  }
  return shown;
}
const nonsenseIn = (root: Element) => everythingShown(root).filter((value) => NONSENSE.test(value));

describe('SourceHealth with times that cannot be said', () => {
  const failure = { kind: 'rate-limited' as const, message: 'huggingface.co/api/models is rate limiting us (HTTP 429)', at: NOW - 60_000 };
  it.each<[string, Health, number | undefined, RegExp]>([
    [
      'a retry at Infinity (an unbounded Retry-After)',
      { state: 'failing', failure, retryAt: Infinity },
      NOW - 3_600_000,
      /^Refresh failed at .+: huggingface\.co\/api\/models is rate limiting us \(HTTP 429\)\. Next try later\. Showing the last good list\.$/,
    ],
    [
      'a retry in year 275760',
      { state: 'failing', failure, retryAt: 8.64e15 },
      NOW - 3_600_000,
      /^Refresh failed at .+\. Next try later\. Showing the last good list\.$/,
    ],
    [
      // healthOf never gives a NaN retry (NaN > 0 is false); given one, it is no retry time at all.
      'a failure at NaN and a retry at NaN',
      { state: 'failing', failure: { ...failure, at: Number.NaN }, retryAt: Number.NaN },
      undefined,
      /^Refresh failed: huggingface\.co\/api\/models is rate limiting us \(HTTP 429\)\.$/,
    ],
  ])('%s: says what it can, and throws nothing', (_name, health, fetchedAt, status) => {
    render(<SourceHealth label="Models" health={health} fetchedAt={fetchedAt} now={NOW} refreshing={false} refreshError={undefined} onRefresh={() => undefined} />);
    expect(screen.getByRole('status').textContent).toMatch(status);
    expect(nonsenseIn(document.body)).toEqual([]);
  });

  it.each([
    ['Infinity', Infinity],
    ['NaN', Number.NaN],
    ['0 (a missing value)', 0],
  ])('a list fetched at %s reads "updated at an unknown time", with no age', (_name, fetchedAt) => {
    render(<SourceHealth label="Models" health={{ state: 'ok' }} fetchedAt={fetchedAt} now={NOW} refreshing={false} refreshError={undefined} onRefresh={() => undefined} />);
    expect(document.querySelector('.health__text')!.textContent).toBe('Models updated at an unknown time ');
    expect(document.querySelector('time')).toBeNull();
  });
});

describe('lists and issue with figures that cannot be printed', () => {
  it('a row leaves out NaN and Infinity and caps 1e308', () => {
    const row: ListRow = {
      rank: 1,
      itemId: 'org/model',
      metrics: { likes: Number.NaN, downloads: 1e308, trendingScore: Infinity },
      item: { sourceId: 'hf-models', itemId: 'org/model', name: 'org/model', url: 'https://huggingface.co/org/model', firstSeenAt: NOW, lastSeenAt: NOW },
    };
    render(<TrendingList label="Models" metrics={['trendingScore', 'likes', 'downloads']} rows={[row]} />);
    expect(document.querySelector('.trending__metrics')!.textContent).toBe('> 999T 30-day downloads');
    expect(document.querySelector('.metric')!.getAttribute('title')).toBe('> 999T 30-day downloads');
    expect(nonsenseIn(document.body)).toEqual([]);
  });

  it('a sparkline of ±1e308 draws finite points, and one of NaN and Infinity draws nothing', () => {
    const { container } = render(<Sparkline values={[1e308, -1e308, 0]} of="likes" />);
    expect(container.querySelector('polyline')!.getAttribute('points')).toBe('2.5,2.5 40,17.5 77.5,10');
    expect(container.querySelector('svg')!.getAttribute('aria-label')).toBe('likes over 3 days: from > 999T to 0');
    cleanup();
    const empty = render(<Sparkline values={[Number.NaN, Infinity, -Infinity]} of="likes" />);
    expect(empty.container.querySelector('svg')).toBeNull();
  });

  it('an issue whose stored times and figures are absurd renders words in their place', () => {
    const mover = (id: string, extra: Partial<Mover>): Mover => ({
      sourceId: 'hf-models',
      itemId: id,
      name: id,
      url: `https://huggingface.co/${id}`,
      rank: 2,
      isNew: false,
      sinceAt: Infinity,
      sparkline: [1, Number.NaN, 1e308],
      sparklineOf: 'likes',
      claim: { kind: 'rank', sourceId: 'hf-models', itemId: id, at: NOW, rank: 2, printed: ['2'] },
      ...extra,
    });
    const issue: Issue = {
      number: 7,
      publishedAt: Number.NaN,
      masthead: {
        name: 'The AI Morning Post',
        tagline: 'Artificial Intelligence • Machine Learning • Future Tech',
        dateline: 'Friday, November 27, 2026',
        sources: [
          { sourceId: 'hf-models', label: 'HF models', lastSuccessAt: Infinity, failing: false },
          { sourceId: 'hf-papers', label: 'HF papers', lastSuccessAt: -8.64e15, failing: true },
        ],
      },
      lead: { kicker: 'Lead', headline: 'A headline', paragraphs: [], claims: [] },
      analysis: [],
      tools: [],
      trending: {
        models: [
          {
            sourceId: 'hf-models',
            itemId: 'org/a',
            rank: Number.NaN,
            name: 'org/a',
            url: 'https://huggingface.co/org/a',
            metrics: { likes: Infinity, downloads: 1e308 },
            isNew: false,
            climbed: Infinity,
          },
        ],
        datasets: [],
        repositories: [],
        spaces: [],
      },
      movers: {
        sinceAt: Infinity,
        climbers: [mover('org/b', { climbed: Number.NaN })],
        growth: [mover('org/c', { perDay: 1e308, metric: 'likes' }), mover('org/d', { perDay: Number.NaN, metric: 'likes' })],
      },
      reading: [{ arxivId: '2607.00001', title: 'A paper', url: 'https://huggingface.co/papers/2607.00001', authors: [], upvotes: Infinity }],
    };
    const { container } = render(<IssueView issue={issue} />);
    expect([...container.querySelectorAll('.issue__source')].map((line) => line.textContent)).toEqual(['HF models · time unknown', 'HF papers · time unknown ▲ failing']);
    // The dateline is stored text; the time it stands for cannot be said, so it carries no datetime.
    expect(container.querySelector('.issue__ear time')!.hasAttribute('datetime')).toBe(false);
    expect(container.querySelector('[data-section="movers"] .issue-section__deck')!.textContent).toBe("Climbs in rank and the fastest growth, from this browser's own history.");
    expect([...container.querySelectorAll('.mover__figure')].map((figure) => figure.textContent)).toEqual(['Model', 'Model> 999T\u00a0likes a day', 'Model']);
    expect(container.querySelector('[data-list="models"] .trending__row')!.textContent).toBe('1org/a> 999T\u00a030-day downloads');
    expect(container.querySelector('.reading__meta')!.textContent).toBe('unknown\u00a0upvotes');
    expect(nonsenseIn(container)).toEqual([]);
  });

  it('the early first screen says the same words as the page for the same odd times', () => {
    const front = {
      number: 2,
      publishedAt: Infinity,
      masthead: {
        name: 'The AI Morning Post',
        tagline: 'Tagline',
        dateline: 'Friday, November 27, 2026',
        sources: [{ sourceId: 'hf-models' as const, label: 'HF models', lastSuccessAt: Number.NaN, failing: false }],
      },
      lead: { kicker: 'Lead', headline: 'A headline' },
    };
    const early = buildFirstScreen(document, { front, latestNumber: 2, statuses: [] });
    const { container } = render(<IssueView front={front} />);
    expect(early.querySelector('header')!.outerHTML).toBe(container.querySelector('header')!.outerHTML);
    expect(early.querySelector('.issue__source')!.textContent).toBe('HF models · time unknown');
    expect(nonsenseIn(early)).toEqual([]);
  });
});

describe("the popup's movers", () => {
  const base: TeaserMover = { sourceId: 'hf-models', itemId: 'org/x', name: 'org/x', rank: 4, isNew: false };
  it.each<[string, Partial<TeaserMover>, string | undefined]>([
    ['a new entry', { isNew: true }, 'entered at No. 4'],
    ['a climber', { climbed: 12 }, '▲ 12'],
    ['a grower in likes', { perDay: 1_155, metric: 'likes' }, '+1,155 likes a day'],
    ['a grower in new stars (the unit, not the field name)', { perDay: 20, metric: 'starsInPeriod' }, '+20 new stars a day'],
    ['a grower losing downloads', { perDay: -340, metric: 'downloads' }, '-340 30-day downloads a day'],
    ['a grower of 1e308', { perDay: 1e308, metric: 'likes' }, '> 999T likes a day'],
    ['a grower of NaN', { perDay: Number.NaN, metric: 'likes' }, undefined],
    ['a grower without a metric (an older record)', { perDay: 5 }, undefined],
    ['neither climbed nor grew', {}, undefined],
    ['a climb of Infinity', { climbed: Infinity }, undefined],
    ['a new entry at rank NaN', { isNew: true, rank: Number.NaN }, 'entered at No. unknown'],
  ])('%s', (_name, extra, figure) => {
    expect(moverFigure({ ...base, ...extra })).toBe(figure);
  });
});

describe('popup and side panel over a status an older version stored with notBefore: Infinity', () => {
  const owned = hfModels.parse(readFileSync(join(OWN_FIXTURES, 'hf-models-trending-2026-11-26.json'), 'utf8'));
  const status: SourceStatus = {
    sourceId: 'hf-models',
    consecutiveFailures: 1,
    lastSuccessAt: NOW - DAY,
    lastAttemptAt: NOW - 60_000,
    lastError: { kind: 'rate-limited', status: 429, message: 'huggingface.co/api/models is rate limiting us (HTTP 429)', at: NOW - 60_000 },
    nextAttemptAt: NOW + 120_000,
    notBefore: Infinity,
  };

  async function storedDb() {
    const db = testDb();
    await recordSuccess(db, 'hf-models', owned, NOW - DAY, NOW - DAY + 3_600_000);
    await db.table('sourceStatus').put(status);
    return db;
  }
  const sourcesModel = (db: Awaited<ReturnType<typeof storedDb>>, ids: typeof SOURCE_IDS | ['hf-models'], rows: typeof visibleRows) => testSourcesModel(db, ids, rows, NOW);

  // The stored Infinity reads as a day after the failure was recorded (lib/shared/source-waits.ts): the failure
  // was at 10:44 on Friday 27 November (UTC), so the next try is Saturday at 10:44, said as a time.
  it('the side panel shows the list and the next try a day after the failure', async () => {
    const db = await storedDb();
    const model = sourcesModel(db, SOURCE_IDS, visibleRows);
    render(<SidePanelPage model={model} />);
    await waitFor(() => expect(document.querySelector('[data-source="hf-models"] .health__error')?.textContent).toMatch(/Next try Sat 10:44 AM\./));
    expect(screen.getAllByRole('listitem')).toHaveLength(owned.items.length);
    expect(document.querySelector('[role="alert"]')).toBeNull();
    expect(nonsenseIn(document.body)).toEqual([]);
  });

  it('the popup shows the top five and the next try a day after the failure', async () => {
    const db = await storedDb();
    const models = sourcesModel(db, ['hf-models'], visibleHuggingFaceRows);
    const paper = new IssueModel({ live: { open: async () => db }, markRead: vi.fn(async () => undefined), now: () => NOW });
    onTestFinished(() => paper[Symbol.dispose]());
    render(<PopupPage paper={paper} model={models} openPaper={() => undefined} />);
    await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
    await waitFor(() => expect(document.querySelector('.health__error')?.textContent).toMatch(/Next try Sat 10:44 AM\./));
    expect(screen.getAllByRole('listitem')).toHaveLength(5);
    expect(nonsenseIn(document.body)).toEqual([]);
  });
});
