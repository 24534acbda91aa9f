import { render } from 'preact';
import { installVisibleText } from '@/components/visible-text';
import { TimelinePage } from '@/components/pages/TimelinePage';
import { openExisting } from '@/lib/history/plain-read';
import { readTimelinePage, TIMELINE_READ_MEASURE, timelineState } from '@/lib/models/timeline';
import { dayIn } from '@/lib/shared/movement';
import { systemTimeZone } from '@/lib/shared/time';
import '@/components/styles/pages/timeline.css';

/**
 * The timeline page's script (issue #12, "Item timelines"): `timeline.html?kind=model&id=Qwen/Qwen3-8B`, a static
 * page (assets/public/timeline.html) that loads this and the styles it imports, emitted beside it as
 * /assets/timeline-page.css. A script built apart, as the options page's data tools are
 * (entrypoints/data-transfer.ts): as a fifth page of the pages' one build it shared Preact, signals and the
 * validators with the others, and the way the bundler then split them added ~80 B gzip to what the new tab, the
 * popup and the side panel load before they are ready (tests/e2e/budgets.e2e.ts; the new tab has a few hundred
 * bytes left). Built apart it touches no page's files.
 *
 * One read of IndexedDB with the plain API, started before the first render; no Dexie, no extension API.
 */
export default defineUnlistedScript(() => {
  // Before anything renders: no invisible character reaches the screen, whatever was stored (issue #9).
  installVisibleText();
  const timeZone = systemTimeZone();
  const readStart = performance.now();
  const read = readTimelinePage(location.search, () => openExisting(), timeZone);
  // How long the read took, for the benchmark (scripts/bench-timeline.ts) and DevTools' performance panel.
  read.then(() => performance.measure(TIMELINE_READ_MEASURE, { start: readStart }), () => undefined);
  const state = timelineState(read);
  const dayOf = (at: number) => dayIn(at, timeZone);
  state.subscribe((current) => {
    if (current.status === 'found') document.title = `${current.timeline.name} — timeline — AI Morning Post`;
  });
  render(<TimelinePage state={state} dayOf={dayOf} />, document.getElementById('app')!);
});
