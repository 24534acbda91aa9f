import { signal, type ReadonlySignal } from '@preact/signals';
import { errorMessage } from '../shared/error-message';
import { readTimeline, timelineAddress, type TimelineRead } from '../history/timeline';
import { SOURCE_INFO } from '../sources/info';
import type { SourceId } from '../sources/ids';

/**
 * The timeline page's state (issue #12, "Item timelines"): its one read, from
 * the address to the database and back. The database is opened with the plain
 * IndexedDB API and closed after the read, as the other pages' first reads are
 * (lib/history/plain-read.ts): the page loads no Dexie at all.
 */
/** The User Timing measure of the page's read, opening the database included (scripts/bench-timeline.ts reads it). */
export const TIMELINE_READ_MEASURE = 'amp:timeline-read';

export type TimelineState = { status: 'loading' } | TimelineRead | { status: 'error'; message: string };

/**
 * The item the address names, read: `invalid` for an address of no valid
 * item (nothing is opened), `unknown` when there is no database yet.
 */
export async function readTimelinePage(search: string, open: () => Promise<IDBDatabase | undefined>, timeZone: string): Promise<TimelineRead> {
  const address = timelineAddress(search);
  if (!address) return { status: 'invalid' };
  const db = await open();
  if (!db) return { status: 'unknown', ...address };
  try {
    return await readTimeline(db, address.kind, address.id, timeZone);
  } finally {
    db.close();
  }
}

/** The read's answer as a signal for the view; a failed read is said, never thrown into the page. */
export function timelineState(read: Promise<TimelineRead>): ReadonlySignal<TimelineState> {
  const state = signal<TimelineState>({ status: 'loading' });
  read.then(
    (answer) => (state.value = answer),
    (error: unknown) => (state.value = { status: 'error', message: errorMessage(error) }),
  );
  return state;
}

/** What the reader calls a source, for a section's heading and its charts' names. */
export const sourceLabel = (sourceId: SourceId): string => SOURCE_INFO[sourceId].label;

/** The table's rows: one a day (lib/history/timeline.ts). */
export { dailyPoints } from '../history/timeline';
