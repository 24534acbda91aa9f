import { startEarlyReads } from '@/lib/models/early-start';

/**
 * Each page's first reads, started before its modules load: a small classic
 * script that the popup and side panel run `async` from their `<head>` (the
 * new tab runs entrypoints/first-screen.ts: these reads and its first screen),
 * so that opening IndexedDB (and, for the lists, asking for the settings)
 * overlaps the loading of the page's JavaScript rather than following it
 * (issue #8). The page's module takes the reads over
 * (lib/models/early-read.ts); if this script has not run by then, the page
 * reads for itself.
 */
export default defineUnlistedScript(() => {
  startEarlyReads(location);
});
