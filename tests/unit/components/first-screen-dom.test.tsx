// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { buildFirstScreen } from '@/components/issue/first-screen-dom';
import { NewTabPage } from '@/components/pages/NewTabPage';
import { ISSUE_FORMAT, type FirstScreen, type StoredIssue } from '@/lib/history/issue-codec';
import type { IssuePageRead } from '@/lib/history/plain-read';
import { IssueModel } from '@/lib/models/issue';
import type { SourceStatus } from '@/lib/shared/records';

/**
 * The early script's first screen (components/issue/first-screen-dom.ts) is
 * the markup NewTabPage renders before the rest of the issue: Preact adopts
 * it only where the elements agree. Each case renders both from the same
 * record and compares them; then Preact renders over the early markup and
 * keeps its elements.
 */

const PUBLISHED = Date.UTC(2026, 10, 27, 6, 0);

function front(overrides: Partial<FirstScreen> = {}): FirstScreen {
  return {
    number: 3,
    publishedAt: PUBLISHED,
    masthead: {
      name: 'The AI Morning Post',
      tagline: 'Artificial Intelligence • Machine Learning • Future Tech',
      dateline: 'Friday, November 27, 2026',
      sources: [
        { sourceId: 'hf-models', label: 'HF models', lastSuccessAt: PUBLISHED - 3_600_000, failing: false },
        { sourceId: 'gh-trending-daily', label: 'GitHub trending', failing: true },
        { sourceId: 'hf-papers', label: 'HF papers', lastSuccessAt: PUBLISHED - 30 * 3_600_000, failing: true },
      ],
    },
    lead: { kicker: 'Lead', headline: 'Seventeen of the top thirty build on <one> base model', standfirst: 'A release wave & what it means.' },
    ...overrides,
  };
}

/** A stored record whose body is never decoded here: the first render comes before any decoding. */
function record(first: FirstScreen): StoredIssue {
  return { number: first.number, publishedAt: first.publishedAt, front: first, body: new Uint8Array([1, 2, 3]), v: ISSUE_FORMAT };
}

const failingModels: SourceStatus = {
  sourceId: 'hf-models',
  consecutiveFailures: 2,
  lastSuccessAt: PUBLISHED,
  lastError: { kind: 'network', message: 'could not reach huggingface.co/api/models (offline)', at: PUBLISHED + 60_000 },
};

const CASES: { name: string; read: IssuePageRead }[] = [
  { name: 'the latest issue, every source fine', read: { record: record(front()), latestNumber: 3, statuses: [] } },
  { name: 'an older issue (both archive buttons on)', read: { record: record(front()), latestNumber: 5, statuses: [failingModels] } },
  { name: 'the latest issue with a source failing since', read: { record: record(front()), latestNumber: 3, statuses: [failingModels] } },
  {
    name: 'issue No. 1, no kicker, no standfirst, no sources',
    read: {
      record: record(front({ number: 1, lead: { kicker: '', headline: 'The first edition' }, masthead: { ...front().masthead, sources: [] } })),
      latestNumber: 1,
      statuses: [],
    },
  },
];

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.ready;
  delete document.documentElement.dataset.firstScreen;
  document.body.replaceChildren();
});

function model(read: IssuePageRead) {
  // The live queries never start (the page is never ready here): what is on screen is the first answer's.
  const never = new Promise<never>(() => undefined);
  const issueModel = new IssueModel({ live: { open: () => never, after: never }, firstAnswer: read, markRead: async () => undefined, now: () => PUBLISHED });
  onTestFinished(() => issueModel[Symbol.dispose]());
  return issueModel;
}

describe('the early first screen', () => {
  it.each(CASES)('is the markup NewTabPage renders first: $name', ({ read }) => {
    const early = buildFirstScreen(document, { front: (read.record as StoredIssue).front, latestNumber: read.latestNumber!, statuses: read.statuses });
    // Compared right after the first render: the rest of the issue waits for a painted frame, which comes later.
    const { container } = render(<NewTabPage model={model(read)} />);
    const page = container.querySelector('.paper')!;
    expect(page.querySelector('.issue-section')).toBeNull();
    expect(early.querySelector('main')!.outerHTML).toBe(page.querySelector('main')!.outerHTML);
    expect(early.getAttribute('class')).toBe(page.getAttribute('class'));
  });

  it('renders remote text as text', () => {
    const early = buildFirstScreen(document, { front: front(), latestNumber: 3, statuses: [] });
    expect(early.querySelector('.story__headline')!.textContent).toBe('Seventeen of the top thirty build on <one> base model');
    expect(early.querySelector('.story__headline')!.children).toHaveLength(0);
  });

  it('is adopted by Preact: the page renders over it without replacing its elements or doubling them', () => {
    const read = CASES[2]!.read;
    const app = document.createElement('div');
    document.body.append(app);
    app.append(buildFirstScreen(document, { front: (read.record as StoredIssue).front, latestNumber: 3, statuses: read.statuses }));
    const before = ['h1', '.story__headline', '.archive__older', '.paper__notice', 'main'].map((selector) => app.querySelector(selector));
    render(<NewTabPage model={model(read)} />, { container: app });
    const after = ['h1', '.story__headline', '.archive__older', '.paper__notice', 'main'].map((selector) => app.querySelector(selector));
    expect(after).toEqual(before);
    after.forEach((node, index) => expect(node, String(index)).toBe(before[index]));
    expect(app.querySelectorAll('.paper')).toHaveLength(1);
    expect(app.querySelectorAll('h1')).toHaveLength(1);
    // Adopted elements get the page's handlers: the archive's older button pages.
    expect((app.querySelector('.archive__older') as HTMLButtonElement).disabled).toBe(false);
  });
});
