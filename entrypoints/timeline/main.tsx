import { render } from 'preact';
import { installVisibleText } from '@/components/visible-text';
import { TimelinePage } from '@/components/pages/TimelinePage';
import { openExisting } from '@/lib/history/open-existing';
import { readTimelinePage, TIMELINE_READ_MEASURE, timelineState } from '@/lib/models/timeline';
import { dayIn } from '@/lib/shared/movement';
import { systemTimeZone } from '@/lib/shared/time';
import '@/components/styles/pages/timeline.css';

// Before anything renders: no invisible character reaches the screen, whatever was stored (issue #9).
installVisibleText();

// An item's timeline (issue #12): `timeline.html?kind=model&id=Qwen/Qwen3-8B`. One read of IndexedDB with the plain
// API, started before the first render; no Dexie, no extension API (tests/e2e/budgets.e2e.ts).
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
