// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor as waitForDefault } from '@testing-library/preact';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { IssueView } from '@/components/issue/IssueView';
import { OptionsPage } from '@/components/pages/OptionsPage';
import { mirrorLookHere } from '@/lib/browser/look';
import { OptionsModel } from '@/lib/models/options';
import { loadSettings, type Settings } from '@/lib/shared/settings';
import type { ModelAvailability } from '@/lib/shared/language-model';
import { handIssue } from '../../support/hand-issue';
import { testBrowser } from '../../support/fake-browser';

/**
 * What the reader sees of the on-device editor (issue #12): an edited piece holds both texts, the edited one
 * marked; which one shows is the stylesheet's choice by `<html data-editor>` (components/styles/paper.css), which
 * the options page's switch sets at once (lib/shared/look.ts). The pixels are in the preview's screenshots.
 */

const waitFor = <T,>(check: () => T) => waitForDefault(check, { timeout: 10_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
  for (const key of ['ready', 'theme', 'calm', 'editor']) delete document.documentElement.dataset[key];
});

const MARK = "Edited on this device by the built-in model";

describe('an edited issue in the view', () => {
  const template = handIssue();
  const edited = handIssue({
    lead: { ...template.lead, edited: { paragraphs: ['Qwen/Qwen3.8-27B holds the top of the list.', 'It is No. 1 of the trending models.'] } },
  });

  it('shows the edited text with its mark, and keeps the template beside it for the stylesheet to show instead', () => {
    const { container } = render(<IssueView issue={edited} />);
    const lead = container.querySelector('.story--lead')!;
    const editedBody = lead.querySelector('.story__edited')!;
    const templateBody = lead.querySelector('.story__template')!;
    expect([...editedBody.querySelectorAll('p')].map((p) => p.textContent)).toEqual([MARK, 'Qwen/Qwen3.8-27B holds the top of the list.', 'It is No. 1 of the trending models.']);
    expect([...templateBody.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['Qwen/Qwen3.8-27B is No. 1 of the trending models.']);
    // The analysis piece was not edited: one body, no mark.
    const piece = container.querySelector('.story--feature')!;
    expect(piece.querySelectorAll('.story__body')).toHaveLength(1);
    expect(piece.querySelector('.story__mark')).toBeNull();
    expect(screen.getAllByText(MARK)).toHaveLength(1);
  });

  it('an issue never edited has one body a piece and no mark', () => {
    const { container } = render(<IssueView issue={template} />);
    expect(container.querySelectorAll('.story__edited, .story__template, .story__mark')).toHaveLength(0);
  });
});

describe('the options page: the editor switch and the model', () => {
  async function mount(availability: ModelAvailability) {
    const browser = testBrowser();
    const model = new OptionsModel({ storage: browser.sync, local: browser.local, onExternalChange: () => () => undefined, onSettings: mirrorLookHere, modelAvailability: async () => availability });
    onTestFinished(() => model[Symbol.dispose]());
    render(<OptionsPage model={model} requestNotifications={async () => false} />);
    await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
    return browser;
  }

  it.each([
    ['available', 'Ready: this browser’s built-in model is on this device.'],
    ['downloading', 'Downloading: the browser is fetching its built-in model; until it is ready the issue keeps the Post’s own text.'],
    ['unavailable', 'Not available in this browser: the issue keeps the Post’s own text.'],
  ] as const)('says the model is %s', async (availability, words) => {
    await mount(availability);
    await waitFor(() => expect(document.getElementById('options-editor-status')?.textContent).toBe(words));
    // The switch is described by the status, so a screen reader hears it with the switch.
    const box = screen.getByRole('checkbox', { name: 'Let the on-device model edit the issue' });
    expect(box.getAttribute('aria-describedby')).toContain('options-editor-status');
  });

  it('is on by default; turning it off is saved and shows the template on this page and, through the mirror, every other', async () => {
    const browser = await mount('available');
    const box = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Let the on-device model edit the issue' });
    expect(box.checked).toBe(true);
    expect(document.documentElement.dataset.editor).toBe('on');
    fireEvent.click(box);
    await waitFor(() => expect(document.documentElement.dataset.editor).toBe('off'));
    expect(localStorage.getItem('editor')).toBe('off');
    expect(((await loadSettings(browser.sync)) as Settings).editor).toBe(false);
  });
});
