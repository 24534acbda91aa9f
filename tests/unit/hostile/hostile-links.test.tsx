// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, waitFor as waitForDefault } from '@testing-library/preact';
import { afterAll, afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { NewTabPage } from '@/components/pages/NewTabPage';
import { PopupPage } from '@/components/pages/PopupPage';
import { SidePanelPage } from '@/components/pages/SidePanelPage';
import { publishIfDue } from '@/lib/background/publish';
import type { MorningPostDB } from '@/lib/history/db';
import { recordSuccess } from '@/lib/history/write';
import { IssueModel } from '@/lib/models/issue';
import { SourcesModel } from '@/lib/models/sources';
import { visibleRows } from '@/lib/shared/filters';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/shared/settings';
import { SOURCES } from '@/lib/sources';
import type { TrendingItem } from '@/lib/sources/contract';
import { SOURCE_IDS, type SourceId } from '@/lib/sources/ids';
import { testDb } from '../../support/db';
import { LINK_PAYLOADS, linkShapeProblem, markdownLinks, timelineTarget, type Accepted, type LinkPayload } from '../../support/hostile-links';

/**
 * Issue #9, "Hostile links": every hostile id and URL in LINK_PAYLOADS is put
 * in every id and link field of every source, read by the source's own
 * `parse`, and what it accepted is stored and rendered on the side panel, the
 * new tab (and its Markdown export) and the popup. Every rendered `href` and
 * Markdown link target must be https to huggingface.co or github.com with a
 * path of a documented shape (the oracle in tests/support/hostile-links.ts),
 * and exactly one the payload's hand-written outcome allows. A second pass
 * stores the payloads as links directly, as a record written by an older
 * version could hold them, to prove the views' own check.
 */

// Local time, after the 07:00 morning: the first refresh publishes No. 1.
const NOW = new Date(2026, 10, 27, 9, 0).getTime();
const FETCHED_AT = NOW - 3_600_000;
const iso = (at: number) => new Date(at).toISOString();
/** Past testing-library's default second, which a loaded machine can exceed; within the test's 30 s (vitest.config.ts). */
const waitFor = <T,>(check: () => T) => waitForDefault(check, { timeout: 10_000 });
/** Ten payloads to a response: well within every source's list (50, 30, a trending page's rows). */
const BATCH = 10;
const AI_TEXT = 'An LLM toolkit for machine learning';

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.ready;
  delete document.documentElement.dataset.firstScreen;
  delete document.documentElement.dataset.complete;
});

const figures = { cases: 0, accepted: 0, refused: 0, hrefs: 0, markdownTargets: 0, badLinks: 0, fields: new Set<string>() };

afterAll(() => {
  console.info(
    `hostile links: ${LINK_PAYLOADS.length} payloads × ${figures.fields.size} fields = ${figures.cases} cases run; ` +
      `${figures.accepted} accepted as a link, ${figures.refused} refused; ` +
      `${figures.hrefs} rendered hrefs and ${figures.markdownTargets} Markdown link targets checked, ${figures.badLinks} bad links`,
  );
});

// ————— the fields, and a response of each source carrying payloads in one of them —————

type Indexed = { payload: LinkPayload; index: number };

const attribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
/** A paper's arXiv id of the test's own, one per payload index (`2611.1NNNN`). */
const paperId = (index: number) => `2611.1${String(index).padStart(4, '0')}`;

const hfItem = (id: string) => ({ id, likes: 10, downloads: 100, trendingScore: 5, pipeline_tag: 'text-generation', tags: [] });
const paperEntry = (id: string, githubRepo?: string) => ({
  paper: { id, title: `Paper ${id}`, summary: 'About links.', authors: [{ name: 'Ada Lovelace' }], upvotes: 3, submittedOnDailyAt: iso(NOW - 2 * 3_600_000), ...(githubRepo !== undefined ? { githubRepo } : {}) },
  title: `Paper ${id}`,
  upvotes: 3,
});
const searchItem = (fullName: string, htmlUrl: string) => ({
  full_name: fullName,
  html_url: htmlUrl,
  description: AI_TEXT,
  language: 'Python',
  topics: ['llm'],
  created_at: iso(NOW - 2 * 86_400_000),
  stargazers_count: 100,
  forks_count: 5,
});
const trendingPage = (hrefs: { href: string; raw?: boolean }[]) =>
  '<!DOCTYPE html><html lang="en"><head><title>Trending repositories on GitHub today</title></head><body>' +
  hrefs
    .map(
      ({ href, raw }) =>
        `<article class="Box-row"><h2 class="h3 lh-condensed"><a href="${raw ? href : attribute(href)}">repo</a></h2>` +
        `<p class="col-9 color-fg-muted my-1">${AI_TEXT}</p><span itemprop="programmingLanguage">Python</span>` +
        '<span class="d-inline-block float-sm-right">12 stars today</span></article>',
    )
    .join('\n') +
  '</body></html>\n';

interface Field {
  /** `source.field`, as the figures name it. */
  name: string;
  sourceId: SourceId;
  /** Which outcome of `Accepted` applies; undefined: the payload is never linked (a field no link is built from). */
  accepts?: keyof Accepted;
  /** A response carrying the payloads in this field, and one benign item. */
  body: (batch: Indexed[]) => string;
  /** The benign item's links, written by hand. */
  benignLinks: string[];
  /** The links the parse made of the payloads (the benign item's left out). */
  linksOf: (items: TrendingItem[], batch: Indexed[]) => string[];
}

const urlsBut = (benign: string) => (items: TrendingItem[]) => items.map((item) => item.url).filter((url) => url !== benign);

const FIELDS: Field[] = [
  {
    name: 'hf-models id',
    sourceId: 'hf-models',
    accepts: 'model',
    body: (batch) => JSON.stringify([...batch.map(({ payload }) => hfItem(payload.value)), hfItem('benign-org/benign-model')]),
    benignLinks: ['https://huggingface.co/benign-org/benign-model'],
    linksOf: urlsBut('https://huggingface.co/benign-org/benign-model'),
  },
  {
    name: 'hf-datasets id',
    sourceId: 'hf-datasets',
    accepts: 'dataset',
    body: (batch) => JSON.stringify([...batch.map(({ payload }) => hfItem(payload.value)), hfItem('benign-org/benign-data')]),
    benignLinks: ['https://huggingface.co/datasets/benign-org/benign-data'],
    linksOf: urlsBut('https://huggingface.co/datasets/benign-org/benign-data'),
  },
  {
    name: 'hf-spaces id',
    sourceId: 'hf-spaces',
    accepts: 'space',
    body: (batch) => JSON.stringify([...batch.map(({ payload }) => ({ ...hfItem(payload.value), sdk: 'gradio' })), { ...hfItem('benign-org/benign-space'), sdk: 'gradio' }]),
    benignLinks: ['https://huggingface.co/spaces/benign-org/benign-space'],
    linksOf: urlsBut('https://huggingface.co/spaces/benign-org/benign-space'),
  },
  {
    name: 'hf-papers paper.id',
    sourceId: 'hf-papers',
    accepts: 'paper',
    body: (batch) => JSON.stringify([...batch.map(({ payload }) => paperEntry(payload.value)), paperEntry('2611.00001')]),
    benignLinks: ['https://huggingface.co/papers/2611.00001'],
    linksOf: urlsBut('https://huggingface.co/papers/2611.00001'),
  },
  {
    name: 'hf-papers paper.githubRepo',
    sourceId: 'hf-papers',
    accepts: 'code',
    body: (batch) => JSON.stringify([...batch.map(({ payload, index }) => paperEntry(paperId(index), payload.value)), paperEntry('2611.00001', 'https://github.com/benign-org/benign-code')]),
    benignLinks: ['https://huggingface.co/papers/2611.00001', 'https://github.com/benign-org/benign-code'],
    linksOf: (items, batch) => {
      // Every paper stays (its id is valid); only its code link is at stake. Its page is the test's own id.
      for (const { index } of batch) expect(items.find((item) => item.id === paperId(index))?.url).toBe(`https://huggingface.co/papers/${paperId(index)}`);
      return items.filter((item) => item.id !== '2611.00001').flatMap((item) => (item.codeUrl === undefined ? [] : [item.codeUrl]));
    },
  },
  {
    name: 'gh-search full_name',
    sourceId: 'gh-search',
    accepts: 'fullName',
    body: (batch) =>
      JSON.stringify({
        total_count: batch.length + 1,
        incomplete_results: false,
        items: [...batch.map(({ payload }) => searchItem(payload.value, 'https://github.com/benign-org/benign-llm')), searchItem('benign-org/benign-llm', 'https://github.com/benign-org/benign-llm')],
      }),
    benignLinks: ['https://github.com/benign-org/benign-llm'],
    linksOf: urlsBut('https://github.com/benign-org/benign-llm'),
  },
  {
    name: 'gh-search html_url',
    sourceId: 'gh-search',
    body: (batch) =>
      JSON.stringify({
        total_count: batch.length + 1,
        incomplete_results: false,
        items: [...batch.map(({ payload, index }) => searchItem(`octo/html-url-${index}`, payload.value)), searchItem('benign-org/benign-llm', 'https://github.com/benign-org/benign-llm')],
      }),
    benignLinks: ['https://github.com/benign-org/benign-llm'],
    linksOf: (items, batch) => {
      // Every item stays (its full_name is valid), linked from its full_name: the payload is never the link.
      for (const { index } of batch) expect(items.find((item) => item.id === `octo/html-url-${index}`)?.url).toBe(`https://github.com/octo/html-url-${index}`);
      return items.flatMap((item) => [item.url, item.codeUrl ?? '']).filter((url) => batch.some(({ payload }) => payload.value === url));
    },
  },
  ...(['gh-trending-daily', 'gh-trending-weekly'] as const).map(
    (sourceId): Field => ({
      name: `${sourceId} href`,
      sourceId,
      accepts: 'trending',
      body: (batch) => trendingPage([...batch.map(({ payload }) => ({ href: payload.value, raw: payload.htmlRaw === true })), { href: '/benign-org/benign-llm' }]),
      benignLinks: ['https://github.com/benign-org/benign-llm'],
      linksOf: urlsBut('https://github.com/benign-org/benign-llm'),
    }),
  ),
];

const INDEXED: Indexed[] = LINK_PAYLOADS.map((payload, index) => ({ payload, index }));
const batches = (list: Indexed[]) => Array.from({ length: Math.ceil(list.length / BATCH) }, (_, at) => list.slice(at * BATCH, (at + 1) * BATCH));
const expectedLink = (field: Field, payload: LinkPayload) => (field.accepts ? payload.accept?.[field.accepts] : undefined);

// ————— the surfaces —————

function hrefsOnPage(): string[] {
  return [...document.querySelectorAll('[href], [src], [action], [formaction]')].flatMap((element) =>
    ['href', 'src', 'action', 'formaction'].flatMap((name) => (element.hasAttribute(name) ? [element.getAttribute(name)!] : [])),
  );
}

interface Rendered {
  sidePanel: string[];
  newTab: string[];
  popup: string[];
  markdown: { targets: string[]; stray: string[] };
}

/** The side panel on the source's tab, the new tab over the issue published from the stored lists (and its Markdown export), the popup. */
async function renderSurfaces(db: MorningPostDB, sourceId: SourceId, rows: number): Promise<Rendered> {
  const settings = signal<Settings | undefined>(DEFAULT_SETTINGS);
  const sources = (ids: readonly SourceId[]) => {
    const model = new SourcesModel({ live: { open: async () => db }, sourceIds: ids, requestRefresh: vi.fn(async () => undefined), now: () => NOW, settings, visibleRows });
    onTestFinished(() => model[Symbol.dispose]());
    return model;
  };

  render(<SidePanelPage model={sources(SOURCE_IDS)} initialTab={sourceId} />);
  await waitFor(() => expect(document.querySelectorAll('.trending__row')).toHaveLength(rows));
  const sidePanel = hrefsOnPage();
  cleanup();

  const issue = await publishIfDue(db, NOW, DEFAULT_SETTINGS);
  expect(issue?.number).toBe(1);
  const markRead = vi.fn(async (_number: number) => undefined);
  const copyText = vi.fn(async (_text: string) => undefined);
  const paper = new IssueModel({ live: { open: async () => db }, markRead, copyText, now: () => NOW });
  onTestFinished(() => paper[Symbol.dispose]());
  render(<NewTabPage model={paper} />);
  // Read once the whole issue is decoded (the first screen comes before it).
  await waitFor(() => expect(markRead).toHaveBeenCalledWith(1));
  const newTab = hrefsOnPage();
  fireEvent.click(screen.getByRole('button', { name: /Copy as Markdown/ }));
  await waitFor(() => expect(copyText).toHaveBeenCalledTimes(1));
  const markdown = markdownLinks(copyText.mock.calls[0]![0]);
  cleanup();
  delete document.documentElement.dataset.ready;

  render(<PopupPage paper={paper} model={sources(['hf-models'])} openPaper={() => undefined} />);
  await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
  await waitFor(() => expect(document.querySelector('.popup-issue__number')?.textContent).toBe('No. 1'));
  const popup = hrefsOnPage();
  cleanup();
  return { sidePanel, newTab, popup, markdown };
}

/** Every link of every surface: of a documented shape (the oracle), and one of `allowed`. Counted into the figures. */
function checkLinks(rendered: Rendered, allowed: ReadonlySet<string>): { problems: string[] } {
  const problems: string[] = [];
  const check = (surface: string, href: string) => {
    // A row's Timeline link (issue #12) is built from the item's id, never from a stored or served URL: it is held
    // to the shape its item's own page link would have (an id that fails it gets no link), not to the case's links.
    const timeline = timelineTarget(href);
    const link = timeline ?? href;
    const shape = linkShapeProblem(link);
    if (shape !== undefined || (timeline === undefined && !allowed.has(link))) {
      figures.badLinks += 1;
      problems.push(`${surface}: ${JSON.stringify(href)} (${shape ?? 'not a link this case may make'})`);
    }
  };
  for (const [surface, links] of [['side panel', rendered.sidePanel], ['new tab', rendered.newTab], ['popup', rendered.popup]] as const) {
    figures.hrefs += links.length;
    for (const link of links) check(surface, link);
  }
  figures.markdownTargets += rendered.markdown.targets.length;
  for (const target of rendered.markdown.targets) check('Markdown', target);
  for (const stray of rendered.markdown.stray) {
    figures.badLinks += 1;
    problems.push(`Markdown text a renderer would link: ${JSON.stringify(stray)}`);
  }
  return { problems };
}

// ————— the suite —————

describe('hostile ids and URLs, through each source’s parse, on every surface', () => {
  it('has at least 30 payloads, each with a distinct value', () => {
    expect(LINK_PAYLOADS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(LINK_PAYLOADS.map((payload) => payload.value)).size).toBe(LINK_PAYLOADS.length);
  });

  it.each(FIELDS.map((field) => [field.name, field] as const))('%s', async (_name, field) => {
    figures.fields.add(field.name);
    const source = SOURCES[field.sourceId];
    const kept: TrendingItem[] = [];
    for (const batch of batches(INDEXED)) {
      const parsed = source.parse(field.body(batch));
      figures.cases += batch.length;
      const expected = batch.flatMap(({ payload }) => {
        const link = expectedLink(field, payload);
        return link === undefined ? [] : [link];
      });
      figures.accepted += expected.length;
      figures.refused += batch.length - expected.length;
      const made = field.linksOf(parsed.items, batch);
      expect(made.toSorted(), `links made of ${batch.map(({ payload }) => payload.name).join('; ')}`).toEqual(expected.toSorted());
      // The benign item is always there: a refused payload costs its own item only.
      for (const link of field.benignLinks) expect(parsed.items.some((item) => item.url === link || item.codeUrl === link)).toBe(true);
      // An item the payload's field refused is dropped, and counted; a field no link is built from drops nothing.
      const itemsExpected = field.accepts === 'code' || field.accepts === undefined ? batch.length + 1 : expected.length + 1;
      expect(parsed.items).toHaveLength(itemsExpected);
      expect(parsed.dropped).toBe(batch.length + 1 - itemsExpected);
      // What is rendered: the items that carry a payload's link, and the benign one.
      kept.push(...parsed.items.filter((item) => expected.includes(item.url) || (item.codeUrl !== undefined && expected.includes(item.codeUrl)) || field.benignLinks.includes(item.url)));
    }
    const items = kept.filter((item, at) => kept.findIndex((other) => other.id === item.id) === at);
    const allowed = new Set([...field.benignLinks, ...INDEXED.flatMap(({ payload }) => expectedLink(field, payload) ?? [])]);
    if (field.accepts === 'code') for (const item of items) allowed.add(item.url); // each paper's own page: the test's own ids
    for (const link of allowed) expect(linkShapeProblem(link), `the expectation ${link} is itself of a documented shape`).toBeUndefined();

    const db = testDb();
    await recordSuccess(db, field.sourceId, { items, dropped: 0 }, FETCHED_AT, NOW + 3_600_000);
    const rendered = await renderSurfaces(db, field.sourceId, items.length);
    // Not vacuous: each link the payloads may make, and the benign item's, is on the side panel.
    for (const link of allowed) expect(rendered.sidePanel, link).toContain(link);
    expect(checkLinks(rendered, allowed).problems).toEqual([]);
  });
});

describe('hostile links stored as they are (a record an older version wrote), on every surface', () => {
  const benign: Record<SourceId, TrendingItem> = {
    'hf-models': { id: 'benign-org/benign-model', name: 'benign model', url: 'https://huggingface.co/benign-org/benign-model', metrics: { likes: 10 } },
    'hf-datasets': { id: 'benign-org/benign-data', name: 'benign data', url: 'https://huggingface.co/datasets/benign-org/benign-data', metrics: { likes: 10 } },
    'hf-spaces': { id: 'benign-org/benign-space', name: 'benign space', url: 'https://huggingface.co/spaces/benign-org/benign-space', metrics: { likes: 10 } },
    'hf-papers': {
      id: '2611.00001',
      name: 'benign paper',
      url: 'https://huggingface.co/papers/2611.00001',
      codeUrl: 'https://github.com/benign-org/benign-code',
      publishedAt: iso(NOW - 2 * 3_600_000),
      metrics: { upvotes: 90 },
    },
    'gh-trending-daily': { id: 'benign-org/benign-llm', name: 'benign-org/benign-llm', url: 'https://github.com/benign-org/benign-llm', description: AI_TEXT, metrics: { stars: 10 } },
    'gh-trending-weekly': { id: 'benign-org/benign-llm', name: 'benign-org/benign-llm', url: 'https://github.com/benign-org/benign-llm', description: AI_TEXT, metrics: { stars: 10 } },
    'gh-search': { id: 'benign-org/benign-llm', name: 'benign-org/benign-llm', url: 'https://github.com/benign-org/benign-llm', description: AI_TEXT, createdAt: iso(NOW - 2 * 86_400_000), metrics: { stars: 10 } },
  };
  /**
   * The benign item first, then a batch of payloads as links. The side panel
   * shows every row; the issue keeps the top 15 of a list (30 models) and the
   * week's 5 most upvoted papers, so a batch of 10 is whole there too, but for
   * papers, of which the benign one and 4 payloads reach the new tab.
   */
  const stored = (sourceId: SourceId, payloads: Indexed[]): TrendingItem[] => [
    benign[sourceId],
    ...payloads.map(({ payload, index }): TrendingItem => ({
      ...benign[sourceId],
      id: sourceId === 'hf-papers' ? paperId(index) : `stored-org/stored-${index}`,
      name: `stored ${index}`,
      // Taken from the response as it was: the payload is the link, and the code link.
      url: payload.value,
      ...(sourceId === 'hf-papers' ? { codeUrl: payload.value, metrics: { upvotes: 1 } } : { metrics: { stars: 1, likes: 1 } }),
    })),
  ];

  it.each(SOURCE_IDS.map((sourceId) => [sourceId] as const))('%s', async (sourceId) => {
    figures.fields.add(`${sourceId} stored url${sourceId === 'hf-papers' ? ' and codeUrl' : ''}`);
    const allowed = new Set([benign[sourceId].url, ...(benign[sourceId].codeUrl ? [benign[sourceId].codeUrl] : [])]);
    for (const part of batches(INDEXED)) {
      const items = stored(sourceId, part);
      figures.cases += part.length;
      figures.refused += part.length;
      const db = testDb();
      await recordSuccess(db, sourceId, { items, dropped: 0 }, FETCHED_AT, NOW + 3_600_000);
      const rendered = await renderSurfaces(db, sourceId, items.length);
      for (const link of allowed) expect(rendered.sidePanel, link).toContain(link);
      expect(checkLinks(rendered, allowed).problems).toEqual([]);
    }
  });
});
