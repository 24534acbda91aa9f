// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen, waitFor as waitForDefault } from '@testing-library/preact';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { buildFirstScreen } from '@/components/issue/first-screen-dom';
import { NewTabPage } from '@/components/pages/NewTabPage';
import { OptionsPage } from '@/components/pages/OptionsPage';
import { PopupPage } from '@/components/pages/PopupPage';
import { SidePanelPage } from '@/components/pages/SidePanelPage';
import type { MorningPostDB } from '@/lib/history/db';
import { ISSUE_FORMAT, type FirstScreen, type StoredIssue } from '@/lib/history/issue-codec';
import { recordSuccess } from '@/lib/history/write';
import { IssueModel } from '@/lib/models/issue';
import type { OptionsModel } from '@/lib/models/options';
import { visibleRows } from '@/lib/shared/filters';
import { visibleHuggingFaceRows } from '@/lib/shared/hf-filters';
import type { Entry, Issue } from '@/lib/shared/issue-types';
import { hfModels } from '@/lib/sources/hf-models';
import { SOURCE_IDS, type SourceId } from '@/lib/sources/ids';
import { testDb } from '../../support/db';
import { testSourcesModel } from '../../support/sources-model';
import { OWN_FIXTURES } from '../../support/paths';

/**
 * No blank surface (issue #9): a section that throws while rendering is a notice in its place and the
 * rest of the page stays; a page that throws outside any section shows the masthead and a notice.
 * The errors come from what pages really read — records stored whole by an older version, lists and
 * teasers of another shape — through the real models and databases, except the page-level cases, which
 * need a model that throws where no record can reach (a test double).
 */

const NOW = Date.UTC(2026, 10, 27, 7, 0);
const DAY = 86_400_000;
/** Past testing-library's default second, which a loaded machine can exceed; within the test's 30 s (vitest.config.ts). */
const waitFor = <T,>(check: () => T) => waitForDefault(check, { timeout: 10_000 });
const owned = hfModels.parse(readFileSync(join(OWN_FIXTURES, 'hf-models-trending-2026-11-26.json'), 'utf8'));

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.ready;
  delete document.documentElement.dataset.firstScreen;
  delete document.documentElement.dataset.complete;
  document.body.replaceChildren();
});

/** console.error is where a boundary logs what it caught: silenced here, and counted. */
function quietErrors() {
  return vi.spyOn(console, 'error').mockImplementation(() => undefined);
}

const entry = (sourceId: SourceId, rank: number, id: string, url: string): Entry => ({ sourceId, itemId: id, rank, name: id, url, metrics: { likes: 100 - rank }, isNew: false });

/** An issue as an earlier version stored it: whole, not packed (lib/history/issue-codec.ts reads it as it is). */
function wholeIssue(): Issue {
  return {
    number: 4,
    publishedAt: NOW,
    masthead: {
      name: 'The AI Morning Post',
      tagline: 'Artificial Intelligence • Machine Learning • Future Tech',
      dateline: 'Friday, November 27, 2026',
      sources: [{ sourceId: 'hf-models', label: 'HF models', lastSuccessAt: NOW - 60_000, failing: false }],
    },
    lead: { kicker: 'Lead', headline: 'One base model leads the list', standfirst: 'And its builds follow.', paragraphs: ['A paragraph.'], claims: [] },
    analysis: [{ kicker: 'Analysis', headline: 'An analysis piece', paragraphs: ['Its paragraph.'], claims: [] }],
    tools: [
      {
        kind: 'model',
        sourceId: 'hf-models',
        itemId: 'org/tool',
        name: 'tool',
        url: 'https://huggingface.co/org/tool',
        description: 'A tool',
        figure: '12 likes',
        claim: { kind: 'rank', sourceId: 'hf-models', itemId: 'org/tool', at: NOW, rank: 1, printed: ['1'] },
      },
    ],
    trending: {
      models: [entry('hf-models', 1, 'org/model-a', 'https://huggingface.co/org/model-a'), entry('hf-models', 2, 'org/model-b', 'https://huggingface.co/org/model-b')],
      datasets: [entry('hf-datasets', 1, 'org/data', 'https://huggingface.co/datasets/org/data')],
      repositories: [entry('gh-trending-weekly', 1, 'org/repo', 'https://github.com/org/repo')],
      spaces: [entry('hf-spaces', 1, 'org/space', 'https://huggingface.co/spaces/org/space')],
    },
    movers: {
      sinceAt: NOW - DAY,
      climbers: [
        {
          sourceId: 'hf-models',
          itemId: 'org/model-b',
          name: 'org/model-b',
          url: 'https://huggingface.co/org/model-b',
          rank: 2,
          climbed: 3,
          isNew: false,
          sinceAt: NOW - DAY,
          sparkline: [5, 2],
          sparklineOf: 'rank',
          claim: { kind: 'rank', sourceId: 'hf-models', itemId: 'org/model-b', at: NOW, rank: 2, printed: ['2'] },
        },
      ],
      growth: [],
    },
    reading: [{ arxivId: '2611.00001', title: 'A paper', url: 'https://huggingface.co/papers/2611.00001', authors: ['A. Author'], upvotes: 12 }],
  };
}

/** Every part of the new tab's issue, and what is there when it drew. */
const PARTS: Record<string, string> = {
  'The masthead': '.issue__masthead h1.masthead__title',
  'The archive and export bar': '.issue__controls .archive',
  'The lead story': '.story--lead .story__headline',
  'The analysis': '[data-section="analysis"] .story--feature',
  'Tools of the Week': '[data-section="tools"] .tool',
  'The Hugging Face models list': '[data-list="models"] .trending__row',
  'The Hugging Face datasets list': '[data-list="datasets"] .trending__row',
  'The GitHub AI/ML repositories list': '[data-list="repositories"] .trending__row',
  'The Hugging Face spaces list': '[data-list="spaces"] .trending__row',
  'The biggest movers': '[data-section="movers"] .mover',
  "The week's reading": '[data-section="reading"] .reading__item',
};

/** Older or odd shapes of a stored whole issue, each breaking one part (or two) of the page. */
const BREAKAGES: [name: string, breakIt: (issue: Issue) => void, failed: string[]][] = [
  ['nothing: every part draws', () => undefined, []],
  ['movers without a growth list', (issue) => delete (issue.movers as Partial<Issue['movers']>).growth, ['The biggest movers']],
  ['trending lists without the models', (issue) => delete (issue.trending as Partial<Issue['trending']>).models, ['The Hugging Face models list']],
  ['analysis stored as null', (issue) => ((issue as unknown as { analysis: null }).analysis = null), ['The analysis']],
  ['a tool stored as null', (issue) => ((issue as unknown as { tools: null[] }).tools = [null]), ['Tools of the Week']],
  ['a paper without authors', (issue) => ((issue.reading[0] as unknown as { authors: null }).authors = null), ["The week's reading"]],
  ['a lead without paragraphs', (issue) => delete (issue.lead as Partial<Issue['lead']>).paragraphs, ['The lead story']],
  ['a masthead without its sources', (issue) => ((issue.masthead as unknown as { sources: null }).sources = null), ['The masthead']],
  [
    'no trending lists and no reading at all',
    (issue) => {
      delete (issue as Partial<Issue>).trending;
      delete (issue as Partial<Issue>).reading;
    },
    ['The Hugging Face models list', 'The Hugging Face datasets list', 'The GitHub AI/ML repositories list', 'The Hugging Face spaces list', "The week's reading"],
  ],
];

function issueModel(db: MorningPostDB) {
  const model = new IssueModel({ live: { open: async () => db }, markRead: vi.fn(async () => undefined), now: () => NOW });
  onTestFinished(() => model[Symbol.dispose]());
  return model;
}

const sourcesModel = (db: MorningPostDB, ids: readonly SourceId[], rows: typeof visibleRows) => testSourcesModel(db, ids, rows, NOW);

const failedSections = () => [...document.querySelectorAll('[data-failed-section]')].map((notice) => notice.getAttribute('data-failed-section'));

describe('the new tab, over an issue an older version stored whole', () => {
  it.each(BREAKAGES)('%s: the part that throws is a notice, every other part draws', async (_name, breakIt, failed) => {
    const errors = quietErrors();
    const db = testDb();
    const issue = wholeIssue();
    breakIt(issue);
    await db.table('issues').put(issue);
    render(<NewTabPage model={issueModel(db)} />);
    await waitFor(() => expect(document.documentElement.dataset.complete).toBe('true'));
    await waitFor(() => expect(failedSections()).toEqual(failed));
    for (const notice of document.querySelectorAll('[data-failed-section]')) {
      expect(notice.getAttribute('role')).toBe('status');
      expect(notice.textContent).toBe(`${notice.getAttribute('data-failed-section')} could not be shown: the extension hit an error drawing it. The rest of the page is unaffected.`);
    }
    const drawn = Object.entries(PARTS).filter(([, selector]) => document.querySelector(selector) !== null).map(([part]) => part);
    expect(drawn).toEqual(Object.keys(PARTS).filter((part) => !failed.includes(part)));
    // The page's own frame is always there: one masthead title (the plain one standing in for a failed issue masthead), the footer.
    expect(document.querySelectorAll('h1.masthead__title')).toHaveLength(1);
    expect(document.querySelector('.paper__footer')).not.toBeNull();
    expect(document.querySelector('.page-error')).toBeNull();
    // Each boundary that caught logs what it was, for whoever opens the console.
    const logged = new Set(errors.mock.calls.map(([message]) => /^(.+) failed:$/.exec(String(message))?.[1]));
    expect([...logged].sort()).toEqual([...failed].sort());
    console.info(`new tab, ${_name}: ${failed.length} part(s) replaced by a notice, ${drawn.length} of ${Object.keys(PARTS).length} drawn`);
  });

  it('keeps the first screen the early script painted when a later section throws', async () => {
    quietErrors();
    const issue = wholeIssue();
    (issue.reading[0] as unknown as { authors: null }).authors = null;
    const app = document.createElement('div');
    document.body.append(app);
    const front: FirstScreen = { number: issue.number, publishedAt: issue.publishedAt, masthead: issue.masthead, lead: { kicker: 'Lead', headline: issue.lead.headline, standfirst: 'And its builds follow.' } };
    app.append(buildFirstScreen(document, { front, latestNumber: 4, statuses: [] }));
    const before = ['h1', '.story__headline', '.archive__older', 'main'].map((selector) => app.querySelector(selector));
    const never = new Promise<never>(() => undefined);
    const model = new IssueModel({ live: { open: () => never, after: never }, firstAnswer: { record: issue, latestNumber: 4, statuses: [] }, markRead: async () => undefined, now: () => NOW });
    onTestFinished(() => model[Symbol.dispose]());
    render(<NewTabPage model={model} />, { container: app });
    await waitFor(() => expect(failedSections()).toEqual(["The week's reading"]));
    const after = ['h1', '.story__headline', '.archive__older', 'main'].map((selector) => app.querySelector(selector));
    after.forEach((node, index) => expect(node, String(index)).toBe(before[index]));
    expect(app.querySelectorAll('.paper')).toHaveLength(1);
    expect(app.querySelectorAll('h1')).toHaveLength(1);
    expect(app.querySelector('[data-list="models"] .trending__row')).not.toBeNull();
  });

  it('draws the masthead and a notice when the page itself throws, over the early first screen too', async () => {
    const errors = quietErrors();
    const issue = wholeIssue();
    const app = document.createElement('div');
    document.body.append(app);
    const front: FirstScreen = { number: 4, publishedAt: NOW, masthead: issue.masthead, lead: { kicker: 'Lead', headline: issue.lead.headline } };
    app.append(buildFirstScreen(document, { front, latestNumber: 4, statuses: [] }));
    // A test double: a model whose sources' health cannot be read. No stored record can make the page's own
    // frame throw once its sections have boundaries; a bug could.
    const never = new Promise<never>(() => undefined);
    const real = new IssueModel({ live: { open: () => never, after: never }, firstAnswer: { record: issue, latestNumber: 4, statuses: [] }, markRead: async () => undefined, now: () => NOW });
    onTestFinished(() => real[Symbol.dispose]());
    const broken = new Proxy(real, {
      get: (target, key) => {
        if (key === 'statuses') throw new TypeError('statuses is not readable');
        return Reflect.get(target, key) as unknown;
      },
    });
    render(<NewTabPage model={broken} />, { container: app });
    await waitFor(() => expect(document.querySelector('.page-error')).not.toBeNull());
    expect(screen.getByRole('alert').textContent).toBe(
      'The AI Morning Post could not draw this page: the extension hit an error. Its copy of the lists is not affected; opening the page again tries again.',
    );
    expect(app.querySelectorAll('.paper')).toHaveLength(1);
    expect([...app.querySelectorAll('h1')].map((h1) => h1.textContent)).toEqual(['The AI Morning Post']);
    expect(app.querySelector('.masthead__rule')!.textContent).toBe(new Intl.DateTimeFormat(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(NOW));
    // Ready all the same: what waits on the mark (tests, screenshots, the page's deferred loading) goes on.
    expect(document.documentElement.dataset.ready).toBe('true');
    expect(errors).toHaveBeenCalledWith('The new tab failed:', expect.any(TypeError));
  });
});

describe('the popup', () => {
  it('a teaser of another shape is a notice; the link to the paper and the models list stay', async () => {
    quietErrors();
    const db = testDb();
    await recordSuccess(db, 'hf-models', owned, NOW - DAY, NOW + 3_600_000);
    const issue = wholeIssue();
    const stored: StoredIssue = {
      number: 4,
      publishedAt: NOW,
      // A teaser of another shape: null where a mover should be. The body is never decoded: the popup paints from the first screen.
      front: { number: 4, publishedAt: NOW, masthead: issue.masthead, lead: { kicker: 'Lead', headline: issue.lead.headline }, teaser: [null as never] },
      body: new Uint8Array([1, 2, 3]),
      v: ISSUE_FORMAT,
    };
    await db.table('issues').put(stored);
    render(<PopupPage paper={issueModel(db)} model={sourcesModel(db, ['hf-models'], visibleHuggingFaceRows)} openPaper={() => undefined} />);
    await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
    await waitFor(() => expect(failedSections()).toEqual(["Today's headline"]));
    expect(screen.getByRole('button', { name: 'Read No. 4 in full' })).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(5));
    expect(document.querySelector('.health')).not.toBeNull();
    expect(document.querySelector('h1')!.textContent).toBe('The AI Morning Post');
    console.info(`popup, a teaser of another shape: 1 part replaced by a notice; the link to the paper, the health line and ${screen.getAllByRole('listitem').length} rows drawn`);
  });

  it('a page that throws shows the masthead and a notice', async () => {
    quietErrors();
    const db = testDb();
    const models = sourcesModel(db, ['hf-models'], visibleHuggingFaceRows);
    const broken = new Proxy(issueModel(db), {
      get: (target, key) => {
        if (key === 'front') throw new TypeError('front is not readable');
        return Reflect.get(target, key) as unknown;
      },
    });
    render(<PopupPage paper={broken} model={models} openPaper={() => undefined} />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^The AI Morning Post could not draw this page/));
    expect(document.querySelector('.compact--popup h1')!.textContent).toBe('The AI Morning Post');
    expect(document.documentElement.dataset.ready).toBe('true');
  });
});

describe('the side panel', () => {
  it('a list row of another shape is a notice in the list’s place; the tabs and the health line stay', async () => {
    quietErrors();
    const db = testDb();
    await recordSuccess(db, 'hf-models', owned, NOW - DAY, NOW + 3_600_000);
    // The list the page paints from (table `lists`), with one row whose item is missing.
    const list = (await db.table('lists').get('hf-models')) as { rows: { item: unknown }[] };
    expect(list.rows.length).toBeGreaterThan(1);
    list.rows[1]!.item = null;
    await db.table('lists').put(list);
    render(<SidePanelPage model={sourcesModel(db, SOURCE_IDS, visibleRows)} />);
    await waitFor(() => expect(failedSections()).toEqual(['The list of Hugging Face models']));
    expect(screen.getAllByRole('tab')).toHaveLength(SOURCE_IDS.length + 1); // and Saved (issue #10)
    expect(document.querySelector('[role="tabpanel"] .health')).not.toBeNull();
    expect(document.querySelector('[role="tabpanel"] .section-error')).not.toBeNull();
    expect(document.querySelector('h1')!.textContent).toBe('The AI Morning Post');
    console.info('side panel, a list row of another shape: 1 part replaced by a notice; tabs and health line drawn');
  });

  it('a page that throws shows the masthead and a notice', async () => {
    quietErrors();
    const db = testDb();
    const broken = new Proxy(sourcesModel(db, SOURCE_IDS, visibleRows), {
      get: (target, key) => {
        if (key === 'sources') throw new TypeError('sources is not readable');
        return Reflect.get(target, key) as unknown;
      },
    });
    render(<SidePanelPage model={broken} />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^The AI Morning Post could not draw this page/));
    expect(document.querySelector('.compact--panel h1')!.textContent).toBe('The AI Morning Post');
    expect(document.documentElement.dataset.ready).toBe('true');
  });
});

describe('the options page', () => {
  it('a page that throws shows its title and a notice', async () => {
    quietErrors();
    const broken = new Proxy({} as OptionsModel, {
      get: () => {
        throw new TypeError('the settings are not readable');
      },
    });
    render(<OptionsPage model={broken} requestNotifications={async () => false} />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^The AI Morning Post could not draw this page/));
    expect(document.querySelector('main.options h1')!.textContent).toBe('The AI Morning Post — options');
  });
});
