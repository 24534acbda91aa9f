import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithRecordings, openReady, type ExtensionSession } from '../support/browser';
import { OWN_FIXTURES } from '../support/paths';
import { serveRecordings } from '../support/recordings';
import { SidePanel } from './pages';

/**
 * Links across sources (issue #12, "cross-source links appear where the
 * served data links items"), in real Chromium: the worker fetches held-out
 * responses this project wrote (tests/fixtures/cross-links, shaped like the
 * real ones; tests/fixtures/README.md), and the side panel shows each item's
 * links beside it. The served data links items only by ids: a paper's
 * githubRepo, a model's `arxiv:` and `base_model:` tags, a Space's `models`.
 * Its decoys are named alike and must link nothing: `northwind-labs/aurora-r1`
 * (another owner), `northwind-ai/aurora-r1-distill-7B` (no tag),
 * `fan-club/Aurora-R1-32B-Playground` (no models), and a paper whose
 * githubRepo is `https://github.com/settings/tokens`. The expected lines are
 * written by hand from those files.
 */

const DIR = join(OWN_FIXTURES, 'cross-links');

/** Every row of the open tab that has links: its id and the text of each of its links. */
function linkLines(page: Page): Promise<Record<string, string[]>> {
  return page.locator('[role=tabpanel] .trending__row').evaluateAll((rows) =>
    Object.fromEntries(
      rows
        .filter((row) => row.querySelector('.crosslinks'))
        .map((row) => [row.getAttribute('data-item-id') ?? '', [...row.querySelectorAll('.crosslinks li')].map((item) => item.textContent ?? '')]),
    ),
  );
}

async function linksOfTab(panel: SidePanel, id: string, expectedRows: number): Promise<Record<string, string[]>> {
  await panel.select(id);
  await panel.page.waitForFunction((count) => document.querySelectorAll('[role=tabpanel] .trending__row').length === count, expectedRows, { timeout: 30_000 });
  // The links load once the panel is ready; wait for the first of them.
  await panel.page.waitForSelector('[role=tabpanel] .crosslinks', { timeout: 30_000 });
  return linkLines(panel.page);
}

describe('links across sources, in Chromium, over served data that links items', () => {
  let session: ExtensionSession;
  let close: () => Promise<void>;
  let panel: SidePanel;

  beforeAll(async () => {
    ({ session, close } = await launchWithRecordings((server) =>
      serveRecordings(server, {
        'hf-models': join(DIR, 'hf-models-2026-11-26.json'),
        'hf-spaces': join(DIR, 'hf-spaces-2026-11-26.json'),
        'hf-papers': join(DIR, 'hf-daily-papers-2026-11-26.json'),
        'gh-trending-daily': join(DIR, 'github-trending-daily.html'),
        'gh-trending-weekly': join(DIR, 'github-trending-daily.html'),
        // Datasets link nothing here; the search for new repositories is not served (its tab fails: no rows).
        'hf-datasets': join(OWN_FIXTURES, 'hf-datasets-trending-2026-11-26.json'),
      }),
    ));
    panel = new SidePanel(await openReady(session, session.url('sidepanel.html'), { width: 420, height: 900 }));
  });

  afterAll(() => close?.());

  it("a paper shows its code and where it trends on GitHub, and the model citing it; a paper whose code address is GitHub's own page shows none", async () => {
    expect(await linksOfTab(panel, 'hf-papers', 3)).toEqual({
      '2611.18342': [
        // githubRepo says northwind-ai/aurora-r1; GitHub's list spells it Northwind-AI/Aurora-R1: one repository.
        'Code: Northwind-AI/Aurora-R1 — No. 2 in GitHub trending today, No. 2 in GitHub trending this week',
        'Model: northwind-ai/Aurora-R1-32B — No. 1 in Hugging Face models',
      ],
    });
    const code = panel.page.locator('[data-item-id="2611.18342"] .crosslinks a').first();
    expect(await code.getAttribute('href')).toBe('https://github.com/Northwind-AI/Aurora-R1');
    expect(await code.getAttribute('target')).toBe('_blank');
  });

  it('a repository shows its paper and, through it, the model; the same name under another owner shows nothing', async () => {
    expect(await linksOfTab(panel, 'gh-trending-daily', 3)).toEqual({
      'Northwind-AI/Aurora-R1': ['Paper: 2611.18342 — No. 1 in Hugging Face daily papers', 'Model: northwind-ai/Aurora-R1-32B — No. 1 in Hugging Face models (through paper 2611.18342)'],
    });
  });

  it("a model shows its base whether or not it trends, its derivatives, its paper and code, and the Space built on it", async () => {
    expect(await linksOfTab(panel, 'hf-models', 4)).toEqual({
      'northwind-ai/Aurora-R1-32B': [
        'Paper: 2611.18342 — No. 1 in Hugging Face daily papers',
        'Code: Northwind-AI/Aurora-R1 — No. 2 in GitHub trending today, No. 2 in GitHub trending this week (through paper 2611.18342)',
        'Derivative: northwind-ai/Aurora-R1-32B-GGUF — No. 2 in Hugging Face models',
        'Used by Space: northwind-ai/Aurora-R1-Chat — No. 1 in Hugging Face spaces',
      ],
      'northwind-ai/Aurora-R1-32B-GGUF': ['Base: northwind-ai/Aurora-R1-32B — No. 1 in Hugging Face models'],
      'kestrel-research/Kestrel-VL-8B': ['Base: Qwen/Qwen3.8-8B — not listed'],
    });
  });

  it('a Space shows the trending model it names, not the one that is not listed; a Space only named like the model shows nothing', async () => {
    expect(await linksOfTab(panel, 'hf-spaces', 2)).toEqual({
      'northwind-ai/Aurora-R1-Chat': ['Model: northwind-ai/Aurora-R1-32B — No. 1 in Hugging Face models'],
    });
    // The links are real links with names a screen reader reads: the list is named, each link is the id.
    const list = panel.page.getByRole('list', { name: 'In other lists' });
    expect(await list.getByRole('link', { name: 'northwind-ai/Aurora-R1-32B' }).getAttribute('href')).toBe('https://huggingface.co/northwind-ai/Aurora-R1-32B');
  });
});
