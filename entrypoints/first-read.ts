import { startEarlyIssueRead } from '@/lib/history/early-read';

/**
 * The new tab's first read, started before its modules load: a small classic
 * script that `newtab/index.html` runs `async` from its `<head>`, so that
 * opening IndexedDB overlaps the loading of the page's JavaScript rather than
 * following it (issue #8). The page's module picks the read up
 * (lib/history/early-read.ts); if this script has not run by then, the page
 * reads for itself.
 */
export default defineUnlistedScript(() => {
  startEarlyIssueRead(location.hash);
});
