import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../support/browser';

/** Page object for any surface that shows the trending models list. */
export class TrendingSurface {
  /** `scope`: a selector for the list's container when the page has several (the issue's `[data-list=models]`). */
  constructor(
    readonly page: Page,
    readonly scope = 'body',
  ) {}

  rows() {
    return this.page.locator(`${this.scope} .trending__row`);
  }

  /** The item ids in the list, in order (folded rows included). */
  async ids(): Promise<string[]> {
    await this.foldedRows();
    return this.rows().evaluateAll((rows) => rows.map((row) => row.getAttribute('data-item-id') ?? ''));
  }

  async links(): Promise<{ name: string; href: string }[]> {
    await this.foldedRows();
    return this.page
      .locator(`${this.scope} .trending__row .trending__link`)
      .evaluateAll((links) => links.map((link) => ({ name: link.textContent ?? '', href: link.getAttribute('href') ?? '' })));
  }

  /** The new tab adds the rows folded under "The whole list" once it is idle after ready (issue #8): wait for them. */
  async foldedRows(): Promise<void> {
    await this.page.waitForFunction(() => [...document.querySelectorAll('details.trending-more')].every((details) => details.querySelector('ol')), undefined, {
      timeout: 20_000,
    });
  }

  health() {
    return this.page.locator('.health[data-health]');
  }

  async waitForRows(count: number): Promise<void> {
    await this.page.waitForFunction(
      ([selector, n]) => document.querySelectorAll(selector).length === n,
      [`${this.scope} .trending__row`, count] as const,
      { timeout: 20_000 },
    );
  }

  async waitForHealthText(pattern: RegExp): Promise<string> {
    await this.page.waitForFunction(
      ([source, flags]) => new RegExp(source, flags).test(document.querySelector('.health[data-health]')?.textContent ?? ''),
      [pattern.source, pattern.flags] as const,
      { timeout: 20_000 },
    );
    return (await this.health().textContent()) ?? '';
  }

  /** Click "Refresh now" and wait until the worker has answered. */
  async refreshNow(): Promise<void> {
    const button = this.page.getByRole('button', { name: 'Refresh now' });
    await button.click();
    await this.page.getByRole('button', { name: 'Refresh now' }).waitFor({ timeout: 20_000 });
  }

}

/** Rows per snapshot of a source, read straight from the browser's IndexedDB (not through the extension's code). */
export async function storedSnapshotSizes(page: Page, sourceId: string): Promise<number[]> {
  return page.evaluate(
    (source) =>
      new Promise<number[]>((resolve, reject) => {
        const open = indexedDB.open('ai-morning-post');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('snapshots').objectStore('snapshots').getAll();
          request.onsuccess = () => {
            const snapshots = request.result as { sourceId: string; fetchedAt: number; keys: unknown[] }[];
            resolve(snapshots.filter((snapshot) => snapshot.sourceId === source).sort((a, b) => a.fetchedAt - b.fetchedAt).map((snapshot) => snapshot.keys.length));
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    sourceId,
  );
}

/** Stop the extension's service worker, as the browser does after ~30 s idle. */
export async function stopServiceWorkers(session: ExtensionSession, page: Page): Promise<void> {
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** Page object for the side panel: a tab per source over a TrendingSurface. */
export class SidePanel {
  readonly surface: TrendingSurface;
  constructor(readonly page: Page) {
    this.surface = new TrendingSurface(page);
  }

  /** The sources' tabs (each with its health), not the Saved tab after them (issue #10). */
  async tabNames(): Promise<string[]> {
    return this.page.locator('[role=tab][data-health]').evaluateAll((tabs) => tabs.map((tab) => tab.firstChild?.nextSibling?.textContent?.trim() ?? ''));
  }

  async select(id: string): Promise<void> {
    await this.page.locator(`#tab-${id}`).click();
    await this.page.locator(`[role=tabpanel]#panel-${id}`).waitFor();
  }

  tabHealth(id: string): Promise<string | null> {
    return this.page.locator(`#tab-${id}`).getAttribute('data-health');
  }
}
