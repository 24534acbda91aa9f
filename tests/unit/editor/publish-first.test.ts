import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createWorker } from '@/lib/background/worker';
import { latestIssue } from '@/lib/history/issues';
import type { EditReport } from '@/lib/editor/edit';
import { SETTINGS_KEY } from '@/lib/shared/settings';
import { hfModels } from '@/lib/sources/hf-models';
import { RecordingBadge } from '../../support/badge';
import { testDb } from '../../support/db';
import { testBrowser } from '../../support/fake-browser';
import { OWN_FIXTURES } from '../../support/paths';
import { FakeModel, type FakeAnswer } from './fake-model';

/**
 * Publishing never waits on the model (issue #12): the worker stores the template issue, sets the badge and only
 * then asks the editor; what the editor keeps is written beside the template afterwards.
 */

const T0 = Date.parse('2026-11-27T07:00:00Z');
// Our own recording (tests/fixtures/README.md), so that this test needs nothing beside the clone.
const recorded = readFileSync(join(OWN_FIXTURES, 'hf-models-trending-2026-11-26.json'), 'utf8');

/** Echoes the piece's checked sentences back, one paragraph each: text the check keeps (see check.test.ts). */
function echo(prompt: string): string {
  return prompt
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2))
    .join('\n\n');
}

function setup(answer: (prompt: string) => FakeAnswer, editOptions = { pieceTimeoutMs: 100 }, editor = true) {
  const db = testDb();
  const browser = testBrowser();
  const badge = new RecordingBadge();
  const model = new FakeModel('available', (_headline, prompt) => answer(prompt));
  const reports: EditReport[] = [];
  if (!editor) void browser.sync.set({ [SETTINGS_KEY]: { version: 3, editor: false } });
  const worker = createWorker({
    db,
    fetch: async () => new Response(recorded, { status: 200 }),
    now: () => T0,
    random: () => 0.5,
    sources: [hfModels],
    alarms: browser.alarms,
    settings: browser.sync,
    local: browser.local,
    action: badge,
    languageModel: () => model,
    editOptions,
    onEdited: (report) => reports.push(report),
  });
  return { db, worker, model, badge, reports };
}

describe('the editor after publishing', () => {
  it('stores the template issue and sets the badge before the model answers, then adds the edit beside the template', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { db, worker, model, badge } = setup((prompt) => ({ after: gate.then(() => echo(prompt)) }), { pieceTimeoutMs: 10_000 });
    const wake = worker.wake('install');
    await vi.waitFor(() => expect(model.calls.prompt).toBeGreaterThan(0), { timeout: 5_000, interval: 10 });
    // The model has been asked and has not answered: the issue is out, as the template, and the badge says so.
    const published = await latestIssue(db);
    expect(published?.number).toBe(1);
    expect([published!.lead, ...published!.analysis].some((story) => story.edited)).toBe(false);
    expect(badge.text).toBe('1');
    release();
    await wake;
    const edited = await latestIssue(db);
    const pieces = [edited!.lead, ...edited!.analysis];
    expect(pieces.some((story) => story.edited)).toBe(true);
    // The template stays, word for word, and the first screen is the same.
    expect(pieces.map((story) => story.paragraphs)).toEqual([published!.lead, ...published!.analysis].map((story) => story.paragraphs));
    expect(edited!.lead.headline).toBe(published!.lead.headline);
  });

  it('a model that never answers holds nothing up: the wake ends and the template stands', async () => {
    const { db, worker, model, reports } = setup(() => ({ hangs: 'for-ever' }));
    await worker.wake('install');
    const issue = await latestIssue(db);
    expect(issue?.number).toBe(1);
    expect([issue!.lead, ...issue!.analysis].some((story) => story.edited)).toBe(false);
    expect(model.calls.prompt).toBeGreaterThan(0);
    expect(reports[0]!.pieces.every((piece) => !piece.outcome.edited && piece.outcome.why === 'timeout')).toBe(true);
  });

  it('with the editor turned off, the model is never asked', async () => {
    const { db, worker, model } = setup(echo, undefined, false);
    await worker.wake('install');
    expect((await latestIssue(db))?.number).toBe(1);
    expect(model.calls.availability).toBe(0);
  });
});
