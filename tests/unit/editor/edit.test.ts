import { describe, expect, it } from 'vitest';
import { composeIssue } from '@/lib/issue/compose';
import { editIssue } from '@/lib/editor/edit';
import { languageModelAvailability } from '@/lib/browser/language-model';
import type { ModelAvailability } from '@/lib/shared/language-model';
import { s1 } from '../../support/oracle/histories';
import { FakeModel } from './fake-model';

/** The editor around the check (lib/editor/edit.ts): when it asks the model, how long it waits, what it gives it. */

const issue = composeIssue(s1());

describe('the editor leaves the template', () => {
  it.each(['unavailable', 'downloadable', 'downloading'] as const)('when the model is %s, and never creates a session (no download is started)', async (state) => {
    const model = new FakeModel(state, () => 'never asked');
    const report = await editIssue(issue, model);
    expect(report).toMatchObject({ availability: state, edited: 0, pieces: [] });
    expect(report.issue).toBe(issue);
    expect(model.calls).toEqual({ availability: 1, create: 0, prompt: 0, destroyed: 0 });
  });

  it('when the browser has no model at all', async () => {
    expect(await editIssue(issue, undefined)).toMatchObject({ availability: 'unavailable', edited: 0, issue });
  });

  it('when asking for the availability throws', async () => {
    const model = new FakeModel({ throws: 'NotSupportedError' }, () => 'never asked');
    expect(await editIssue(issue, model)).toMatchObject({ availability: 'unavailable', edited: 0 });
    expect(model.calls.create).toBe(0);
  });

  it('for the pieces the budget has no time left for', async () => {
    let now = 0;
    // Each prompt takes 30 s of the clock: the 60 s budget covers two pieces, the other three are not asked.
    const model = new FakeModel('available', () => {
      now += 30_000;
      return '';
    });
    const report = await editIssue(issue, model, { now: () => now, budgetMs: 60_000 });
    expect(report.pieces.map((piece) => (piece.outcome.edited ? 'edited' : piece.outcome.why))).toEqual(['empty', 'empty', 'budget', 'budget', 'budget']);
    expect(model.calls.prompt).toBe(2);
  });
});

describe('sessions and prompts', () => {
  it('destroys every session it created, also after a timeout or an error', async () => {
    let asked = 0;
    const model = new FakeModel('available', () => (++asked === 1 ? { hangs: 'until-aborted' } : asked === 2 ? { throws: 'boom' } : 'Some text.'));
    await editIssue(issue, model, { pieceTimeoutMs: 50 });
    expect(model.calls.create).toBe(5);
    expect(model.calls.destroyed).toBe(5);
  });

  it("gives the model each piece's headline and checked sentences, and no address", async () => {
    const model = new FakeModel('available', () => '');
    await editIssue(issue, model);
    expect(model.prompts).toHaveLength(5);
    expect(model.prompts[0]).toContain("Headline: Orbit-1B enters Hugging Face's trending models at No. 3");
    expect(model.prompts[0]).toContain('- Text-to-image models come next, with 2 of the top 12. Of the authors, acme has 3 models in the list, more than any other.');
    expect(model.prompts[0]).toContain('three paragraphs');
    expect(model.prompts[1]).toContain('two to four short paragraphs');
    for (const prompt of model.prompts) expect(prompt).not.toMatch(/https?:|www\./);
  });
});

describe("the options page's status line", () => {
  it.each(['available', 'downloadable', 'downloading', 'unavailable'] as const)('reports %s as the model says', async (state: ModelAvailability) => {
    expect(await languageModelAvailability(new FakeModel(state, () => ''))).toBe(state);
  });

  it('reports a missing API or one that throws as unavailable', async () => {
    expect(await languageModelAvailability(undefined)).toBe('unavailable');
    expect(await languageModelAvailability(new FakeModel({ throws: 'gone' }, () => ''))).toBe('unavailable');
  });
});

describe('the service worker kept awake', () => {
  it('makes the keep-alive call before each piece it asks the model about, and survives one that throws', async () => {
    const order: string[] = [];
    const model = new FakeModel('available', (headline) => {
      order.push(`prompt ${headline.slice(0, 12)}`);
      return '';
    });
    let calls = 0;
    await editIssue(issue, model, {
      keepAlive: () => {
        order.push('keep-alive');
        if (++calls === 2) throw new Error('the extension context is gone');
      },
    });
    expect(order.filter((entry) => entry === 'keep-alive')).toHaveLength(5);
    expect(order.map((entry) => (entry === 'keep-alive' ? 'k' : 'p')).join('')).toBe('kpkpkpkpkp');
  });
});
