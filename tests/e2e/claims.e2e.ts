import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithRecordings, openReady, type ExtensionSession } from '../support/browser';
import { GH_WEEKLY_FIXTURE } from '../support/oracle/recorded-tables';
import { serveRecordings, sharedRecordings } from '../support/recordings';
import { SidePanel } from './pages';

/**
 * Claims only from data, in the built extension: the shared recordings served
 * exactly as captured (July 2026 search results and papers, a May trending
 * page) to an extension whose clock says today. A response may not honour its
 * query, so nothing in it may be called new or "of the week" by the request
 * alone; and every row under a label must fit it. Expected rows come from the
 * hand-made tables in tests/support/oracle, not from the extension's rule.
 */
const SEARCH_REPOSITORIES = [
  'bkingfilm/lapian-notes',
  'KORAYTEACHER/fintech-advisor',
  'ohad6k/ditto',
  'SilentFleetKK/ai-market-pulse',
  'EXXETA/exxperts',
  'wikidjon/ai-openclaw-cli',
  'theteatoast/local-vuln-research-pipeline',
  'FuelMagistrateLead/photoshop-ai-smart-enhance',
  'Alisa0808/vox-director',
  'TencentCloud/Octop',
  'youxiandechilun/Guido',
  'calesthio/generative-media-skills',
];
const WEEKLY_AI = new Set(GH_WEEKLY_FIXTURE.filter(([, , ai]) => ai).map(([id]) => id));
const WEEKLY_NOT_AI = GH_WEEKLY_FIXTURE.filter(([, , ai]) => !ai).map(([id]) => id);

describe('the extension over old responses served as captured', () => {
  let session: ExtensionSession;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ session, close } = await launchWithRecordings((fixtures) => serveRecordings(fixtures, sharedRecordings(), { asCaptured: true })));
  });
  afterAll(() => close?.());

  it('calls no July repository new, lists no July paper as the week’s, and shows only AI/ML repositories', async () => {
    const page = await openReady(session, session.url('newtab.html'));
    await page.waitForSelector('[data-section="tools"]');
    // Every trending row, the ones folded under "The whole list" too: the page adds those once idle after ready.
    await page.waitForSelector('html[data-complete]', { state: 'attached' });
    const hrefs = async (selector: string) => page.$$eval(`${selector} a[href]`, (links) => links.map((link) => (link as HTMLAnchorElement).href));
    const tools = await hrefs('[data-section="tools"]');
    expect(tools.length).toBeGreaterThan(0);
    for (const name of SEARCH_REPOSITORIES) expect(tools, name).not.toContain(`https://github.com/${name}`);
    expect(await page.textContent('[data-section="tools"]')).not.toMatch(/first (weeks|month)/);
    // The week's papers: none of the July ones (featured 10 and 13 July).
    expect(await page.$$('[data-section="reading"] .reading a[href]')).toHaveLength(0);
    // The trending repositories: every one AI/ML by the hand-made table, none of the three that are not.
    const repositories = (await hrefs('[data-section="trending"]')).filter((href) => href.startsWith('https://github.com/')).map((href) => href.slice('https://github.com/'.length));
    expect(repositories.length).toBeGreaterThan(0);
    for (const id of repositories) expect(WEEKLY_AI, id).toContain(id);
    for (const id of WEEKLY_NOT_AI) expect(repositories).not.toContain(id);
    await page.close();
  });

  it('shows the side panel’s "New repos" tab empty, and the same response is no failure', async () => {
    const panel = new SidePanel(await openReady(session, session.url('sidepanel.html'), { width: 420, height: 900 }));
    await panel.select('gh-search');
    expect(await panel.surface.health().getAttribute('data-health')).toBe('ok');
    expect(await panel.surface.ids()).toEqual([]);
    // Dropped and counted: the reader is told how many, and why.
    expect(await panel.page.textContent('#panel-gh-search')).toContain(
      '12 entries are hidden by your filters, the AI/ML rule, or for being created more than 30 days before this list.',
    );
  });
});

describe('the same responses served as if captured today (the control: the checks above can fail)', () => {
  let session: ExtensionSession;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ session, close } = await launchWithRecordings((fixtures) => serveRecordings(fixtures, sharedRecordings())));
  });
  afterAll(() => close?.());

  it('lists the week’s papers and a new repository among the tools', async () => {
    const page = await openReady(session, session.url('newtab.html'));
    await page.waitForSelector('[data-section="tools"]');
    expect((await page.$$('[data-section="reading"] .reading a[href]')).length).toBeGreaterThan(0);
    const tools = await page.$$eval('[data-section="tools"] a[href]', (links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(SEARCH_REPOSITORIES.some((name) => tools.includes(`https://github.com/${name}`))).toBe(true);
    expect(await page.textContent('[data-section="tools"]')).toMatch(/in its first month/);
  });
});
