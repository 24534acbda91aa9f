// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { signal } from '@preact/signals';
import { cleanup, render, waitFor as waitForDefault } from '@testing-library/preact';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { PopupPage } from '@/components/pages/PopupPage';
import { publishIfDue } from '@/lib/background/publish';
import type { StoredIssue } from '@/lib/history/issue-codec';
import { IssueModel } from '@/lib/models/issue';
import { SourcesModel } from '@/lib/models/sources';
import { visibleHuggingFaceRows } from '@/lib/shared/hf-filters';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/shared/settings';
import { testDb } from '../../support/db';
import { writeWeek } from '../../support/issue-history';

const START = new Date(2026, 10, 20, 6, 0).getTime();
const DAY = 24 * 3_600_000;
/** Past testing-library's default second, which a loaded machine can exceed; within the test's 30 s (vitest.config.ts). */
const waitFor = <T,>(check: () => T) => waitForDefault(check, { timeout: 10_000 });

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.ready;
});

describe('PopupPage', () => {
  it('shows the headline and the movers from the stored first screen alone: a body it cannot decompress does not hold it back', async () => {
    const db = testDb();
    await writeWeek(db, START, 2, 2);
    await publishIfDue(db, START + DAY, DEFAULT_SETTINGS);
    const stored = (await db.table('issues').get(1)) as StoredIssue;
    // The body cut to garbage: only the first screen, with its teaser, can be read.
    await db.table('issues').put({ ...stored, body: new Uint8Array([120, 156, 1, 2, 3]) });
    const teaser = stored.front.teaser!;
    expect(teaser.length).toBeGreaterThan(0);

    const paper = new IssueModel({ live: { open: async () => db }, markRead: vi.fn(async () => undefined), now: () => START + DAY });
    const models = new SourcesModel({
      live: { open: async () => db },
      sourceIds: ['hf-models'],
      requestRefresh: vi.fn(async () => undefined),
      now: () => START + DAY,
      settings: signal<Settings | undefined>(DEFAULT_SETTINGS),
      visibleRows: visibleHuggingFaceRows,
    });
    onTestFinished(() => {
      models[Symbol.dispose]();
      paper[Symbol.dispose]();
    });
    render(<PopupPage paper={paper} model={models} openPaper={() => undefined} />);
    await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
    expect(document.querySelector('.popup-issue__headline')?.textContent).toBe(stored.front.lead.headline);
    expect(document.querySelector('.popup-issue__number')?.textContent).toBe('No. 1');
    const shown = [...document.querySelectorAll('.popup-issue__mover')].map((node) => node.textContent);
    expect(shown).toEqual(teaser.map((mover) => mover.name));
    // The body really is unreadable: the issue model says so (the new tab shows it; the popup needs none of it).
    await waitFor(() => expect(paper.storageError.value).toMatch(/Could not read issue No\. 1/));
  });
});
