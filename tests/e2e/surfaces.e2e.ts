import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithRecordings, openReady, type ExtensionSession } from '../support/browser';
import { sharedFixture } from '../support/paths';
import { TrendingSurface } from './pages';

const MODELS = 'huggingface.co/api/models';

/** Runs inside the extension's service worker, where `chrome` is the extension API. */
async function readAlarmPeriod(name: string): Promise<number | undefined> {
  const api = (globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> } } }).chrome;
  return (await api.alarms.get(name))?.periodInMinutes;
}
const recordedFile = sharedFixture('hf-models-trending.json');
const recorded = JSON.parse(readFileSync(recordedFile, 'utf8')) as { id: string }[];

describe('popup, side panel and options, in Chromium', () => {
  let session: ExtensionSession;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ session, close } = await launchWithRecordings((fixtures) => fixtures.respondWithFile(MODELS, recordedFile)));
  });

  afterAll(() => close?.());

  it("the popup shows today's headline and the top 5, and opens the paper in a new tab", async () => {
    // The popup cannot be opened as real UI under automation; open its page (toolchain.md).
    const popup = new TrendingSurface(await openReady(session, session.url('popup.html'), { width: 380, height: 600 }));
    await popup.waitForRows(5);
    expect(await popup.ids()).toEqual(recorded.slice(0, 5).map((model) => model.id));
    expect(await popup.page.locator('.popup-issue__number').textContent()).toBe('No. 1');
    expect(await popup.page.locator('#popup-headline').textContent()).toMatch(/Qwen3\.8-27B leads Hugging Face's trending models/);
    const opened = session.context.waitForEvent('page');
    await popup.page.getByRole('button', { name: /Read No\. 1 in full/ }).click();
    const paper = await opened;
    await paper.waitForSelector('html[data-ready]');
    expect(paper.url()).toMatch(/newtab\.html$|^chrome:\/\/newtab/);
    await paper.close();
    await popup.page.close();
  });

  it('the side panel shows the whole list with its health', async () => {
    const panel = new TrendingSurface(await openReady(session, session.url('sidepanel.html'), { width: 400, height: 900 }));
    await panel.waitForRows(30);
    expect(await panel.ids()).toEqual(recorded.map((model) => model.id));
    expect(await panel.health().getAttribute('data-health')).toBe('ok');
    await panel.page.close();
  });

  it('the options page changes the refresh interval, and the worker follows it', async () => {
    const page = await openReady(session, session.url('options.html'));
    const select = page.getByLabel('Refresh the trending lists');
    expect(await select.inputValue()).toBe('60');
    await select.selectOption('180');
    await page.getByText('Saved.').waitFor();
    await expect
      .poll(() => session.worker.evaluate(readAlarmPeriod, 'refresh'), { timeout: 10_000 })
      .toBe(180);
    await page.reload();
    await page.waitForSelector('html[data-ready]');
    expect(await page.getByLabel('Refresh the trending lists').inputValue()).toBe('180');
    await page.close();
  });

  it('every surface can be used from the keyboard: the first Tab lands on a visible control', async () => {
    for (const target of ['chrome://newtab/', session.url('popup.html'), session.url('sidepanel.html'), session.url('options.html')]) {
      const page = await openReady(session, target);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return element && element !== document.body ? { tag: element.tagName, visible: element.offsetParent !== null } : null;
      });
      expect(focused, target).toMatchObject({ visible: true });
      await page.close();
    }
  });
});
