// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor as waitForDefault } from '@testing-library/preact';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { OptionsPage } from '@/components/pages/OptionsPage';
import { PopupPage } from '@/components/pages/PopupPage';
import { SidePanelPage } from '@/components/pages/SidePanelPage';
import type { MorningPostDB } from '@/lib/history/db';
import { IssueModel } from '@/lib/models/issue';
import type { OptionsModel } from '@/lib/models/options';
import { visibleRows } from '@/lib/shared/filters';
import { visibleHuggingFaceRows } from '@/lib/shared/hf-filters';
import { SOURCE_IDS } from '@/lib/sources/ids';
import { testDb } from '../../support/db';
import { testSourcesModel } from '../../support/sources-model';

/**
 * Landmarks in the states the end-to-end axe run (tests/e2e/a11y.e2e.ts) cannot reach: a page whose own code
 * throws draws its fallback (components/Guard.tsx). Issue #10: "landmarks … throughout" — exactly one main
 * landmark per page (axe: landmark-one-main, landmark-no-duplicate-main), the masthead's title a level-1
 * heading outside it, and the notice inside it (axe: region, all content in a landmark).
 */

const NOW = Date.UTC(2026, 10, 27, 7, 0);
const waitFor = <T,>(check: () => T) => waitForDefault(check, { timeout: 10_000 });

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.ready;
  document.body.replaceChildren();
});

function issueModel(db: MorningPostDB) {
  const model = new IssueModel({ live: { open: async () => db }, markRead: vi.fn(async () => undefined), now: () => NOW });
  onTestFinished(() => model[Symbol.dispose]());
  return model;
}

/** A model that throws on the property the page reads first: the page's own boundary takes over. */
function throwingOn<T extends object>(target: T, key: string): T {
  return new Proxy(target, {
    get: (object, property) => {
      if (property === key) throw new TypeError(`${key} is not readable`);
      return Reflect.get(object, property) as unknown;
    },
  });
}

/** The landmarks of what is drawn: main landmarks, and where the notice and the level-1 heading sit. */
function landmarks() {
  const mains = document.querySelectorAll('main, [role="main"]');
  const alert = screen.getByRole('alert');
  const title = document.querySelector('h1');
  return { mains: mains.length, alertInMain: mains[0]?.contains(alert) ?? false, titleInMain: title ? (mains[0]?.contains(title) ?? false) : null };
}

describe('a page that throws still has one main landmark, with the notice in it', () => {
  it('the popup', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const db = testDb();
    const models = testSourcesModel(db, ['hf-models'], visibleHuggingFaceRows, NOW);
    render(<PopupPage paper={throwingOn(issueModel(db), 'front')} model={models} openPaper={() => undefined} />);
    await waitFor(() => screen.getByRole('alert'));
    expect(landmarks()).toEqual({ mains: 1, alertInMain: true, titleInMain: false });
  });

  it('the side panel', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const db = testDb();
    render(<SidePanelPage model={throwingOn(testSourcesModel(db, SOURCE_IDS, visibleRows, NOW), 'sources')} />);
    await waitFor(() => screen.getByRole('alert'));
    expect(landmarks()).toEqual({ mains: 1, alertInMain: true, titleInMain: false });
  });

  it('the options page (its title is the main heading of its one region)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = new Proxy({} as OptionsModel, {
      get: () => {
        throw new TypeError('the settings are not readable');
      },
    });
    render(<OptionsPage model={broken} requestNotifications={async () => false} />);
    await waitFor(() => screen.getByRole('alert'));
    expect(landmarks()).toEqual({ mains: 1, alertInMain: true, titleInMain: true });
    console.info('landmarks of the fallbacks: 3 pages that throw, each with 1 main holding its notice');
  });
});
