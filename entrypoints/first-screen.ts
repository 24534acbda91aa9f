import { buildFirstScreen, isPaintable } from '@/components/issue/first-screen-dom';
import { firstScreenOf } from '@/lib/history/issue-codec';
import { DB_NAME } from '@/lib/history/stores';
import { startEarlyReads } from '@/lib/models/early-start';
import { markFirstScreen } from '@/lib/shared/page-marks';

/**
 * The new tab's early script: entrypoints/first-read.ts's reads, and the
 * first screen painted from them. When the issue's record arrives before the
 * page has rendered (the page's first render waits for it:
 * lib/models/early-read.ts `renderAfterIssueAnswer`), this script puts the
 * first screen in the document itself (components/issue/first-screen-dom.ts),
 * without waiting for the page's modules, so that the browser's first frame
 * can carry it; Preact's first render adopts those elements (issue #8).
 *
 * A script of its own, so that the popup and side panel do not load the
 * painter (1.5 KB gzip) with their reads.
 */
export default defineUnlistedScript(() => {
  startEarlyReads(location, globalThis, DB_NAME, {
    issue: (read) => {
      const app = document.getElementById('app');
      if (!read.record || !app || app.firstChild) return;
      const front = firstScreenOf(read.record);
      // Text with a character the page's render would take out is left to that render (issue #9).
      if (!isPaintable(front)) return;
      app.append(buildFirstScreen(document, { front, latestNumber: read.latestNumber ?? front.number, statuses: read.statuses }));
      markFirstScreen();
    },
  });
});
