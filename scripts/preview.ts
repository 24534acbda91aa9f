/**
 * `npm run preview`: load the built extension into headless Chromium, feed it
 * recorded responses instead of the network, and write screenshots of every
 * surface, light and dark, to ./screenshots (or --out DIR). Prints their paths.
 *
 *   npm run preview                                   # recorded data from ../shared/fixtures (or tests/fixtures)
 *   npm run preview -- --models path/to/file.json       # any recorded /api/models response
 *   npm run preview -- --recording gh-search=file.json  # any source's recorded response (repeatable)
 *   npm run preview -- --out docs/screenshots           # where to write
 *   npm run preview -- --days 0                         # only issue No. 1 (default: two more mornings)
 *   npm run preview -- --only timeline                  # only an item's timeline (issue #12), over a written year
 *   npm run preview -- --editor-only                    # only the on-device editor's shots (issue #12)
 *
 * After the other shots, one more morning ("the news day", issue #11): a new release enters Hugging Face's
 * top 10 with its quantisations in the top 30, so that a story leads the front page (newtab-news-*.png).
 * Then one more, edited by a stand-in for the browser's built-in model (issue #12): newtab-edited-*.png, the
 * editor turned off in the options (options-editor-*.png) and the same issue as its template (newtab-unedited-*.png).
 *
 * Uses the production code paths: the worker makes its real requests, which
 * Chromium routes to a loopback server holding the recordings.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchExtension, openReady } from '../tests/support/browser';
import { FixtureServer } from '../tests/support/fixture-server';
import { SOURCE_IDS, type SourceId } from '../lib/sources/ids';
import { CHROME_BUILD, PROJECT_ROOT, SHARED_FIXTURES } from '../tests/support/paths';
import { ownRecordings, serveRecordings, sharedRecordings, SOURCE_ROUTES } from '../tests/support/recordings';
import { liveWorker, morningOfDay, refreshOnDay, serveDay, setWorkerClock } from '../tests/support/simulate';
import { shiftedRecording } from '../tests/support/shifted';
import { seedTimelineYear } from '../tests/support/timeline-year';

const { values } = parseArgs({
  options: {
    models: { type: 'string' },
    recording: { type: 'string', multiple: true, default: [] },
    /** Mornings to simulate after install (0: just issue No. 1). */
    days: { type: 'string', default: '2' },
    out: { type: 'string', default: join(PROJECT_ROOT, 'screenshots') },
    /** `timeline`: only the timeline's shots (issue #12), quickly. */
    only: { type: 'string' },
    /** Only the on-device editor's shots (issue #12): edited, the switch, unedited. */
    'editor-only': { type: 'boolean', default: false },
  },
});
if (values.only !== undefined && values.only !== 'timeline') throw new Error('--only wants timeline');

function recordings(): Record<SourceId, string> {
  const files = existsSync(SHARED_FIXTURES) ? sharedRecordings() : ownRecordings();
  if (!existsSync(SHARED_FIXTURES)) console.warn(`(${SHARED_FIXTURES} is absent: using the project's own recorded-shape fixtures)`);
  if (values.models) files['hf-models'] = values.models;
  for (const pair of values.recording) {
    const [id, file] = pair.split('=') as [string, string | undefined];
    if (!file || !(SOURCE_IDS as readonly string[]).includes(id)) throw new Error(`--recording wants <source>=<file>, one of ${SOURCE_IDS.join(', ')}`);
    files[id as SourceId] = file;
  }
  for (const id of SOURCE_IDS) files[id] = resolve(files[id]);
  return files;
}

const files = recordings();
const simulatedDays = Number(values.days);
const outDir = resolve(values.out);
if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) {
  throw new Error(`No build at ${CHROME_BUILD}: run \`npm run build\` first (npm run preview does).`);
}
mkdirSync(outDir, { recursive: true });
// ——— Issue #11, the news day (i11-news): the release it brings (newsDayModels below) ———
/** The release of the news day: a new model of a lab (lib/issue/accounts.ts), created the day before, never seen before. */
const NEWS_DAY_RELEASE = 'deepseek-ai/DeepSeek-V4-Lite';
// ——— end of the news-day block ———
// ——— Issue #12, the on-device editor (i12-editor) ———
/** The stand-in's own sentence, which the check drops (an invented figure, an unsupported superlative). */
const INVENTED_SENTENCE = 'It is the biggest week the Hub has ever had, with 12,345 new models.';
/**
 * Runs in the service worker: a stand-in for Chrome's built-in model (the `LanguageModel` global of the Prompt API,
 * which headless Chromium does not have), so that the worker's real editor path runs — availability, a session per
 * piece, the prompt, the check, the edit stored beside the template. It restyles what it is given as an editor
 * would (an opening line from the headline, the facts regrouped into paragraphs) and adds one sentence of its own
 * with an invented figure and a superlative, which the check must drop: the screenshot shows what was kept.
 */
const STAND_IN_MODEL = `(() => {
  // Plain JavaScript, evaluated as a string: tsx names the functions of a script it compiles with a helper the
  // service worker does not have.
  const invented = ${JSON.stringify(INVENTED_SENTENCE)};
  globalThis.LanguageModel = {
    availability: async () => 'available',
    create: async () => ({
      destroy() {},
      async prompt(input) {
        const headline = (/^Headline: (.*)$/m.exec(input) || [])[1] || '';
        const facts = input.split('\\n').filter((line) => line.startsWith('- '))
          .flatMap((line) => line.slice(2).split(/(?<=[.!?])\\s+(?=[A-Z"“(])/)).filter((sentence) => sentence.trim() !== '');
        const lead = input.includes('three paragraphs');
        const sentences = [lead ? "This morning's news: " + headline + '.' : headline + '.', ...facts];
        const cut = Math.max(2, Math.ceil(sentences.length / (lead ? 3 : 2)));
        const paragraphs = [];
        for (let at = 0; at < sentences.length; at += cut) paragraphs.push(sentences.slice(at, at + cut).join(' '));
        paragraphs[paragraphs.length - 1] += ' ' + invented;
        return paragraphs.join('\\n\\n');
      },
    }),
  };
})()`;
// ——— end of the editor block ———

const surfaces = [
  { name: 'newtab-wide', page: 'chrome://newtab/', viewport: { width: 1440, height: 1000 } },
  { name: 'newtab-wide-full', page: 'chrome://newtab/', viewport: { width: 1440, height: 1000 }, fullPage: true },
  { name: 'newtab-narrow', page: 'chrome://newtab/', viewport: { width: 420, height: 900 } },
  { name: 'newtab-narrow-full', page: 'chrome://newtab/', viewport: { width: 420, height: 900 }, fullPage: true },
  { name: 'popup', page: 'popup.html', viewport: { width: 380, height: 600 } },
  { name: 'sidepanel', page: 'sidepanel.html', viewport: { width: 400, height: 900 } },
  { name: 'sidepanel-github', page: 'sidepanel.html', viewport: { width: 400, height: 900 }, tab: 'gh-trending-daily' },
  { name: 'sidepanel-papers', page: 'sidepanel.html', viewport: { width: 400, height: 900 }, tab: 'hf-papers' },
  { name: 'options', page: 'options.html', viewport: { width: 900, height: 640 } },
] as const satisfies readonly { name: string; page: string; viewport: { width: number; height: number }; tab?: SourceId; fullPage?: boolean }[];

const server = await FixtureServer.start();
serveRecordings(server, files);
const written: string[] = [];
try {
  for (const scheme of ['light', 'dark'] as const) {
    const session = await launchExtension({ args: server.chromiumArgs(), colorScheme: scheme });
    try {
      // Wait for issue No. 1 from the install refresh, then let two mornings pass so
      // that the paper has movers and sparklines, as a reader's third day would.
      const first = await openReady(session, 'chrome://newtab/');
      await first.waitForSelector('.issue, [data-health="failing"]', { timeout: 20_000 });
      await first.close();
      // ——— Issue #12, item timelines: alone when asked (`--only timeline`), else last (its year changes the history). ———
      if (values.only === 'timeline') {
        await timelineShots(session, scheme);
        continue;
      }
      // ——— Issue #10, the watch piece (i10-watch): watch the 21st model and dataset, which climb three places a
      // day in the shifted recordings (tests/support/shifted.ts), so that the next issues carry "Your Watchlist". ———
      if (simulatedDays > 0) await watchClimbers(session, files);
      // ——— end of the watch block ———
      if (simulatedDays > 0) {
        // The worker stays on the last simulated morning, so that later refreshes come after it.
        for (let day = 1; day <= simulatedDays; day++) await refreshOnDay(session, server, files, day);
      }
      // `--editor-only`: issue #12's shots alone, one morning after the simulated ones (the session closes in `finally`).
      if (values['editor-only']) {
        await editedIssueShots(session, scheme, Math.max(1, simulatedDays + 1));
        continue;
      }
      for (const surface of surfaces) {
        const target = surface.page.startsWith('chrome://') ? surface.page : session.url(surface.page);
        const page = await openReady(session, target, surface.viewport);
        if ('tab' in surface) {
          await page.locator(`#tab-${surface.tab}`).click();
          await page.locator(`#panel-${surface.tab} .trending__row, #panel-${surface.tab} .health--failing`).first().waitFor();
        }
        const file = join(outDir, `${surface.name}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: 'fullPage' in surface });
        written.push(file);
        await page.close();
      }
      {
        // The keyboard help over the paper.
        const page = await openReady(session, 'chrome://newtab/', { width: 1280, height: 700 });
        await page.keyboard.press('?');
        await page.locator('dialog.keys-help[open]').waitFor();
        written.push(join(outDir, `newtab-keys-${scheme}.png`));
        await page.screenshot({ path: written.at(-1)! });
        await page.close();
      }
      {
        // ————— The theme forced against the system's scheme, and calm mode (issue #10) —————
        // Chosen in the options page as a reader does; the pages paint with the mirror it writes (lib/shared/look.ts).
        const other = scheme === 'light' ? 'Dark' : 'Light';
        const choose = async (theme: 'System' | 'Light' | 'Dark', calm: boolean) => {
          const options = await openReady(session, session.url('options.html'), { width: 900, height: 640 });
          await options.getByRole('radio', { name: theme, exact: true }).check();
          await options.getByLabel('Calm mode').setChecked(calm);
          await options.waitForFunction(([theme, calm]) => localStorage.theme === theme && localStorage.calm === calm, [theme.toLowerCase(), calm ? 'on' : 'off'] as const);
          return options;
        };
        const options = await choose(other, false);
        written.push(join(outDir, `options-theme-${other.toLowerCase()}-on-${scheme}.png`));
        await options.screenshot({ path: written.at(-1)! });
        await options.close();
        for (const [name, target, viewport] of [
          ['newtab', 'chrome://newtab/', { width: 1280, height: 800 }],
          ['popup', session.url('popup.html'), { width: 380, height: 600 }],
          ['sidepanel', session.url('sidepanel.html'), { width: 400, height: 900 }],
        ] as const) {
          const page = await openReady(session, target, viewport);
          written.push(join(outDir, `${name}-theme-${other.toLowerCase()}-on-${scheme}.png`));
          await page.screenshot({ path: written.at(-1)! });
          await page.close();
        }
        await (await choose('System', true)).close();
        const calm = await openReady(session, 'chrome://newtab/', { width: 1280, height: 800 });
        await calm.waitForSelector('.issue__more summary');
        written.push(join(outDir, `newtab-calm-${scheme}.png`));
        await calm.screenshot({ path: written.at(-1)! });
        await calm.keyboard.press('Tab');
        await calm.keyboard.press('Enter');
        await calm.waitForSelector('.issue__more[open]');
        written.push(join(outDir, `newtab-calm-opened-${scheme}.png`));
        await calm.screenshot({ path: written.at(-1)! });
        await calm.close();
        const narrow = await openReady(session, 'chrome://newtab/', { width: 420, height: 900 });
        await narrow.waitForSelector('.issue__more summary');
        written.push(join(outDir, `newtab-calm-narrow-${scheme}.png`));
        await narrow.screenshot({ path: written.at(-1)! });
        await narrow.close();
        await (await choose('System', false)).close();
      }
      // ——— Issue #10, the watch piece (i10-watch): the new tab scrolled to it. ———
      if (simulatedDays > 0) {
        const page = await openReady(session, 'chrome://newtab/', { width: 1280, height: 800 });
        await page.locator('.story--watch').waitFor();
        await page.locator('.story--watch').evaluate((element) => element.scrollIntoView({ block: 'center' }));
        written.push(join(outDir, `newtab-watch-${scheme}.png`));
        await page.screenshot({ path: written.at(-1)! });
        await page.close();
      }
      // ——— end of the watch block ———
      {
        // ——— Saving and watching (issue #10): the side panel's Saved tab with entries, and the new tab's reading list. ———
        // Saved and watched with the rows' own buttons, then taken off again, so that the shots after these are as before.
        const panel = await openReady(session, session.url('sidepanel.html'), { width: 400, height: 900 });
        const press = async (shelf: 'reading' | 'watch', nth: number) => {
          await panel.locator(`.tabs__panel button[data-shelf=${shelf}]`).nth(nth).click();
          await panel.locator(`.tabs__panel button[data-shelf=${shelf}]`).nth(nth).and(panel.locator('[aria-pressed=true]')).waitFor();
        };
        await press('reading', 2);
        await press('reading', 0);
        await press('watch', 1);
        await panel.locator('#tab-hf-papers').click();
        await panel.locator('#panel-hf-papers .trending__row').first().waitFor();
        await press('reading', 0);
        await panel.locator('#tab-gh-trending-daily').click();
        await panel.locator('#panel-gh-trending-daily .trending__row').first().waitFor();
        await press('watch', 0);
        await panel.locator('#tab-hf-models').click();
        written.push(join(outDir, `sidepanel-buttons-${scheme}.png`));
        await panel.screenshot({ path: written.at(-1)! });
        await panel.locator('#tab-saved').click();
        await panel.locator('[data-shelf-list=watch] .saved__row').first().waitFor();
        written.push(join(outDir, `sidepanel-saved-${scheme}.png`));
        await panel.screenshot({ path: written.at(-1)! });
        const page = await openReady(session, 'chrome://newtab/', { width: 1440, height: 1000 });
        await page.locator('.saved-section .saved__row').first().waitFor({ timeout: 20_000 });
        await page.locator('.saved-section').scrollIntoViewIfNeeded();
        written.push(join(outDir, `newtab-reading-list-${scheme}.png`));
        await page.screenshot({ path: written.at(-1)! });
        await page.close();
        while ((await panel.locator('.saved__remove').count()) > 0) {
          const before = await panel.locator('.saved__remove').count();
          await panel.locator('.saved__remove').first().click();
          await panel.waitForFunction((count) => document.querySelectorAll('.saved__remove').length < count, before);
        }
        written.push(join(outDir, `sidepanel-saved-empty-${scheme}.png`));
        await panel.screenshot({ path: written.at(-1)! });
        await panel.close();
      }
      {
        // The side panel's search, typed as a reader does (issue #10): every list at once, with its filters.
        const panel = await openReady(session, session.url('sidepanel.html'), { width: 400, height: 900 });
        await panel.keyboard.press('/');
        await panel.keyboard.type('gguf', { delay: 10 });
        await panel.getByText(/results? across every list/).first().waitFor({ timeout: 10_000 });
        written.push(join(outDir, `sidepanel-search-${scheme}.png`));
        await panel.screenshot({ path: written.at(-1)! });
        await panel.close();
      }
      {
        // ——— Issue #10, Save and Watch on the cards (i10-cards): Tools of the Week and Biggest Movers, wide and narrow, ———
        // with the first tool saved and the first mover watched by their own buttons, then taken off again.
        for (const [name, width] of [['wide', 1440], ['narrow', 420]] as const) {
          const page = await openReady(session, 'chrome://newtab/', { width, height: 1000 });
          const toggle = (section: string, item: string, shelf: 'reading' | 'watch') => page.locator(`[data-section=${section}] ${item} button[data-shelf=${shelf}]`).first();
          await toggle('tools', '.tool', 'reading').waitFor({ timeout: 20_000 });
          const pressed = [toggle('tools', '.tool', 'reading'), toggle('movers', '.mover', 'watch')];
          for (const button of pressed) {
            await button.click();
            await button.and(page.locator('[aria-pressed=true]')).waitFor();
          }
          for (const section of ['tools', 'movers']) {
            written.push(join(outDir, `newtab-${section}-buttons-${name}-${scheme}.png`));
            await page.locator(`[data-section=${section}]`).screenshot({ path: written.at(-1)! });
          }
          const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (sideways > 0) console.warn(`newtab ${name} ${scheme}: ${sideways} px of sideways overflow`);
          for (const button of pressed) {
            await button.click();
            await button.and(page.locator('[aria-pressed=false]')).waitFor();
          }
          await page.close();
        }
      }
      // ——— end of the cards block ———
      {
        // The failure the reader must be told about: a refresh that fails over a good list.
        server.respond(SOURCE_ROUTES['hf-models'].route, { status: 503, body: 'Service Unavailable' });
        const panel = await openReady(session, session.url('sidepanel.html'), { width: 400, height: 700 });
        await panel.getByRole('button', { name: 'Refresh now' }).click();
        await panel.waitForSelector('.health[data-health="failing"]', { timeout: 20_000 });
        written.push(join(outDir, `sidepanel-failing-${scheme}.png`));
        await panel.screenshot({ path: written.at(-1)! });
        await panel.close();
        const page = await openReady(session, 'chrome://newtab/', { width: 1280, height: 700 });
        await page.waitForSelector('.paper__notice');
        await page.locator('.paper__notice').scrollIntoViewIfNeeded();
        written.push(join(outDir, `newtab-failing-${scheme}.png`));
        await page.screenshot({ path: written.at(-1)! });
        await page.close();
        serveRecordings(server, files);
      }
      // ——— Issue #11, the news day (i11-news): one more morning on which a new release enters Hugging Face's top 10 ———
      // at No. 2 with five quantisations of it in the top 30 (newsDayModels below), so that a story leads the front page.
      if (simulatedDays > 0) {
        const day = simulatedDays + 1;
        // The browser may restart the service worker between moving its clock and the refresh (then the refresh runs
        // on today's clock and publishes nothing): the refresh is tried again until the new issue leads with the release.
        for (let attempt = 1; ; attempt++) {
          await refreshOnNewsDay(session, server, files, day);
          const page = await openReady(session, 'chrome://newtab/', { width: 1440, height: 1000 });
          const lead = page.locator('.story--lead .story__headline');
          const found = await lead.filter({ hasText: NEWS_DAY_RELEASE.slice(NEWS_DAY_RELEASE.indexOf('/') + 1) }).waitFor({ timeout: 15_000 }).then(() => true, () => false);
          const reads = await lead.textContent();
          await page.close();
          if (found) break;
          if (attempt === 3) throw new Error(`News day (${scheme}): after ${attempt} refreshes the lead is not the new release's story; it reads "${reads}".`);
          console.warn(`News day (${scheme}): refresh ${attempt} left the lead "${reads}"; refreshing again.`);
        }
        for (const [name, viewport, fullPage] of [
          ['newtab-news-wide', { width: 1440, height: 1000 }, true],
          ['newtab-news-narrow', { width: 420, height: 900 }, true],
          ['newtab-news-narrow-first', { width: 420, height: 900 }, false],
        ] as const) {
          const page = await openReady(session, 'chrome://newtab/', viewport);
          await page.locator('.story--lead .story__headline').waitFor();
          written.push(join(outDir, `${name}-${scheme}.png`));
          await page.screenshot({ path: written.at(-1)!, fullPage });
          if (name === 'newtab-news-wide') {
            // The words too, to be read beside the sample issue: the lead and the pieces after it.
            const stories = await page.locator('.story').evaluateAll((elements) => elements.map((element) => (element as HTMLElement).innerText.trim()));
            written.push(join(outDir, `newtab-news-${scheme}.txt`));
            writeFileSync(written.at(-1)!, `${stories.join('\n\n————\n\n')}\n`);
          }
          await page.close();
        }
        // The next scheme's browser starts from the recordings as they are, as the failing block leaves them.
        serveRecordings(server, files);
      }
      // ——— end of the news-day block ———
      // ——— Issue #12, the on-device editor (i12-editor): one more morning, edited by a stand-in for the browser's model ———
      if (simulatedDays > 0) await editedIssueShots(session, scheme, simulatedDays + 2);
      // ——— end of the editor block ———
      // Last: it writes a year of one repository's history into the database.
      await timelineShots(session, scheme);
    } finally {
      await session.close();
    }
  }
} finally {
  await server.stop();
}
// ——— Issue #12, item timelines ———
/**
 * A year of the first GitHub repository's history in all three GitHub lists (tests/support/timeline-year.ts), and
 * its timeline: the rows' Timeline links (side panel, the issue's tools), the page's first screen, the whole page,
 * and narrow.
 */
async function timelineShots(session: Awaited<ReturnType<typeof launchExtension>>, scheme: 'light' | 'dark'): Promise<void> {
  const panel = await openReady(session, session.url('sidepanel.html'), { width: 400, height: 900 });
  const year = await seedTimelineYear(panel);
  // Where it opens from: each row's Timeline link beside Save and Watch, in the side panel and the issue.
  await panel.locator('.tabs__panel a.timeline-link').first().waitFor({ timeout: 20_000 });
  written.push(join(outDir, `sidepanel-timeline-links-${scheme}.png`));
  await panel.screenshot({ path: written.at(-1)! });
  await panel.close();
  const paper = await openReady(session, 'chrome://newtab/', { width: 1440, height: 1000 });
  await paper.locator('[data-section=tools] a.timeline-link').first().waitFor({ timeout: 20_000 });
  written.push(join(outDir, `newtab-timeline-links-${scheme}.png`));
  await paper.locator('[data-section=tools]').screenshot({ path: written.at(-1)! });
  await paper.close();
  const address = session.url(`timeline.html?kind=repo&id=${encodeURIComponent(year.id)}`);
  for (const [name, viewport, fullPage] of [
    ['timeline', { width: 1280, height: 900 }, false],
    ['timeline-full', { width: 1280, height: 900 }, true],
    ['timeline-narrow', { width: 420, height: 900 }, false],
  ] as const) {
    const page = await openReady(session, address, viewport);
    await page.waitForSelector('html[data-complete]');
    written.push(join(outDir, `${name}-${scheme}.png`));
    await page.screenshot({ path: written.at(-1)!, fullPage });
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (sideways > 0) console.warn(`${name} ${scheme}: ${sideways} px of sideways overflow`);
    await page.close();
  }
}
// ——— end of the timeline block ———
// ——— Issue #10, the watch piece (i10-watch) ———
/** Puts the 21st model and dataset of the recordings on the watchlist in storage.sync, as the side panel's `w` does. */
async function watchClimbers(session: Awaited<ReturnType<typeof launchExtension>>, recorded: Record<SourceId, string>): Promise<void> {
  const twentyFirst = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { id?: string }[])[20]?.id;
  const items: Record<string, unknown> = {};
  const model = twentyFirst(recorded['hf-models']);
  const dataset = twentyFirst(recorded['hf-datasets']);
  if (model) items[`w:model:${model}`] = { at: Date.now() + 1 };
  if (dataset) items[`w:dataset:${dataset}`] = { at: Date.now() };
  await (await liveWorker(session)).evaluate(
    (entries) => (globalThis as unknown as { chrome: { storage: { sync: { set(items: object): Promise<void> } } } }).chrome.storage.sync.set(entries),
    items,
  );
}
// ——— end of the watch block ———
// ——— Issue #11, the news day (i11-news) ———

/**
 * Day `day`'s /api/models response (the shifted recording, tests/support/shifted.ts) with a release in it, as
 * Hugging Face lists one the morning after: the new model at No. 2 and five quantisations of it (GGUF and MLX, by
 * the quantisers that publish them within hours) new in the top 30, each in the API's default item shape
 * (`_id, id, likes, trendingScore, private, downloads, tags, pipeline_tag?, library_name?, createdAt, modelId`:
 * ../shared/fixtures/hf-models-list-raw-sample.json), with the `base_model:` and `base_model:quantized:` tags real
 * quantisations carry. Each trendingScore is between its neighbours', so the order is the API's; the list is cut
 * back to the recording's length, as `limit` cuts it.
 */
function newsDayModels(file: string, day: number): string {
  const at = morningOfDay(day);
  const list = JSON.parse(shiftedRecording('hf-models', file, day, at)) as Record<string, unknown>[];
  const length = list.length;
  const base = NEWS_DAY_RELEASE;
  const relation = [`base_model:${base}`, `base_model:quantized:${base}`];
  const release: [rank: number, hoursOld: number, entry: Record<string, unknown>][] = [
    [2, 27, { id: base, likes: 1288, downloads: 41906, pipeline_tag: 'text-generation', library_name: 'transformers',
      tags: ['transformers', 'safetensors', 'deepseek_v4', 'text-generation', 'conversational', 'custom_code', 'license:mit', 'endpoints_compatible', 'fp8', 'region:us'] }],
    [11, 22, { id: 'unsloth/DeepSeek-V4-Lite-GGUF', likes: 214, downloads: 18420, pipeline_tag: 'text-generation', library_name: 'transformers',
      tags: ['transformers', 'gguf', 'deepseek_v4', 'text-generation', 'deepseek', 'unsloth', ...relation, 'license:mit', 'endpoints_compatible', 'region:us', 'imatrix', 'conversational'] }],
    [15, 20, { id: 'bartowski/deepseek-ai_DeepSeek-V4-Lite-GGUF', likes: 96, downloads: 9812, pipeline_tag: 'text-generation',
      tags: ['gguf', 'text-generation', ...relation, 'license:mit', 'endpoints_compatible', 'region:us', 'imatrix', 'conversational'] }],
    [19, 19, { id: 'mlx-community/DeepSeek-V4-Lite-4bit', likes: 58, downloads: 2140, pipeline_tag: 'text-generation', library_name: 'mlx',
      tags: ['mlx', 'safetensors', 'deepseek_v4', 'text-generation', 'conversational', 'custom_code', ...relation, 'license:mit', '4-bit', 'region:us'] }],
    [24, 17, { id: 'lmstudio-community/DeepSeek-V4-Lite-GGUF', likes: 41, downloads: 6377, pipeline_tag: 'text-generation',
      tags: ['gguf', 'text-generation', ...relation, 'license:mit', 'endpoints_compatible', 'region:us', 'conversational'] }],
    // mradermacher's repositories carry no pipeline_tag (the fixtures README: a GGUF repo without one).
    [28, 12, { id: 'mradermacher/DeepSeek-V4-Lite-i1-GGUF', likes: 27, downloads: 3905, library_name: 'transformers',
      tags: ['transformers', 'gguf', 'en', ...relation, 'license:mit', 'endpoints_compatible', 'region:us', 'imatrix', 'conversational'] }],
  ];
  for (const [rank, hoursOld, { id, likes, downloads, tags, pipeline_tag, library_name }] of release) {
    const index = Math.min(rank - 1, list.length);
    const score = (entry: Record<string, unknown> | undefined) => (typeof entry?.trendingScore === 'number' ? entry.trendingScore : undefined);
    const above = score(list[index - 1]);
    const below = score(list[index]) ?? 0;
    const created = new Date(at - hoursOld * 3_600_000);
    list.splice(index, 0, {
      // An ObjectId, as Hugging Face's are: the creation second in hex, then 16 hex digits (here from the id).
      _id: Math.floor(created.getTime() / 1000).toString(16).padStart(8, '0') + createHash('sha1').update(String(id)).digest('hex').slice(0, 16),
      id,
      likes,
      trendingScore: above === undefined ? below + 50 : Math.round((above + below) / 2),
      private: false,
      downloads,
      tags,
      ...(pipeline_tag === undefined ? {} : { pipeline_tag }),
      ...(library_name === undefined ? {} : { library_name }),
      createdAt: created.toISOString(),
      modelId: id,
    });
  }
  return JSON.stringify(list.slice(0, length));
}

/** As tests/support/simulate.ts `refreshOnDay`, with the news day's models response served instead of the shifted recording. */
async function refreshOnNewsDay(session: Awaited<ReturnType<typeof launchExtension>>, fixtures: FixtureServer, recorded: Record<SourceId, string>, day: number): Promise<void> {
  serveDay(fixtures, recorded, day);
  fixtures.respond(SOURCE_ROUTES['hf-models'].route, { body: newsDayModels(recorded['hf-models'], day), headers: { 'content-type': SOURCE_ROUTES['hf-models'].contentType } });
  await (await liveWorker(session)).evaluate(setWorkerClock, morningOfDay(day));
  const page = await openReady(session, session.url('sidepanel.html'), { width: 420, height: 800 });
  await page.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage(message: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'refresh-now' }),
  );
  await page.close();
  const clock = await (await liveWorker(session)).evaluate(() => Date.now());
  if (clock < morningOfDay(day)) console.warn(`News day: the service worker's clock is back to ${new Date(clock).toISOString()} (it was restarted).`);
}
// ——— end of the news-day block ———

// ——— Issue #12, the on-device editor (i12-editor) ———

/**
 * Issue #12's shots: the morning of `day` published and edited by the stand-in model (newtab-edited-*), the editor
 * turned off in the options page (options-editor-*) and the same issue as its template (newtab-unedited-*).
 */
async function editedIssueShots(session: Awaited<ReturnType<typeof launchExtension>>, scheme: 'light' | 'dark', firstDay: number): Promise<void> {
  // The browser may restart the service worker (and lose the stand-in) between installing it and the refresh: a
  // morning whose issue came out unedited is followed by the next one.
  for (let day = firstDay; ; day++) {
    await (await liveWorker(session)).evaluate(STAND_IN_MODEL);
    await refreshOnDay(session, server, files, day);
    const page = await openReady(session, 'chrome://newtab/', { width: 1440, height: 1000 });
    const edited = await page.locator('.story__mark').first().waitFor({ timeout: 15_000 }).then(() => true, () => false);
    await page.close();
    if (edited) break;
    if (day === firstDay + 2) throw new Error(`Editor (${scheme}): three mornings published no edited piece.`);
    console.warn(`Editor (${scheme}): the issue of day ${day} came out unedited (the worker restarted?); one more morning.`);
  }
  const shoot = async (name: string, fullPage: boolean) => {
    const page = await openReady(session, 'chrome://newtab/', { width: 1440, height: 1000 });
    await page.locator('.story--lead .story__headline').waitFor();
    const text = await page.locator('.issue').innerText();
    if (text.includes(INVENTED_SENTENCE)) throw new Error(`Editor (${scheme}): the stand-in's invented sentence reached the page.`);
    written.push(join(outDir, `${name}-${scheme}.png`));
    await page.screenshot({ path: written.at(-1)!, fullPage });
    return page;
  };
  const editedPage = await shoot('newtab-edited', false);
  const marks = await editedPage.locator('.story__mark').count();
  await editedPage.close();
  await (await shoot('newtab-edited-full', true)).close();
  // Turned off as a reader does, in the options page: every page shows the template at once (lib/shared/look.ts).
  const options = await openReady(session, session.url('options.html'), { width: 900, height: 900 });
  const editorSwitch = options.getByLabel('Let the on-device model edit the issue');
  await editorSwitch.setChecked(false);
  await options.waitForFunction(() => localStorage.editor === 'off');
  await options.locator('#options-editor-status').scrollIntoViewIfNeeded();
  written.push(join(outDir, `options-editor-${scheme}.png`));
  await options.screenshot({ path: written.at(-1)! });
  const unedited = await shoot('newtab-unedited', false);
  const shown = await unedited.locator('.story__mark').evaluateAll((elements) => elements.filter((element) => (element as HTMLElement).offsetParent !== null).length);
  await unedited.close();
  await (await shoot('newtab-unedited-full', true)).close();
  if (shown !== 0) throw new Error(`Editor (${scheme}): ${shown} edited marks still show with the editor off.`);
  console.log(`Editor (${scheme}): ${marks} pieces edited by the stand-in model; with the editor off none shows.`);
  await editorSwitch.setChecked(true);
  await options.waitForFunction(() => localStorage.editor === 'on');
  await options.close();
  // The next scheme's browser starts from the recordings as they are, as the news day leaves them: a later day's
  // shifted lists left served made its install list newer than its simulated mornings, and its issue had no movers.
  serveRecordings(server, files);
}
// ——— end of the editor block ———

console.log('Recorded data:');
for (const id of SOURCE_IDS) console.log(`  ${id.padEnd(19)} ${files[id]}`);
console.log('Screenshots:');
for (const file of written) console.log(`  ${file}`);
