import type { SourceId } from '@/lib/sources/ids';
import { openReady, type ExtensionSession } from './browser';
import type { FixtureServer } from './fixture-server';
import { SOURCE_ROUTES } from './recordings';
import { shiftedRecording } from './shifted';

/**
 * Days passing for the built extension, from outside it: the recordings are
 * shifted a day at a time (tests/support/shifted.ts) and the service worker's
 * clock is moved by evaluating in its global scope. The extension runs its
 * production code throughout.
 */
export function serveDay(server: FixtureServer, files: Record<SourceId, string>, day: number): void {
  for (const [id, file] of Object.entries(files) as [SourceId, string][]) {
    server.respond(SOURCE_ROUTES[id].route, { body: shiftedRecording(id, file, day, morningOfDay(day)), headers: { 'content-type': SOURCE_ROUTES[id].contentType } });
  }
}

/** Runs in the service worker: moves its clock to `target` (epoch ms), keeping it ticking. */
export function setWorkerClock(target: number): void {
  const scope = globalThis as unknown as { __realNow?: () => number };
  const realNow = scope.__realNow ?? Date.now.bind(Date);
  scope.__realNow = realNow;
  const offset = target - realNow();
  Date.now = () => realNow() + offset;
}

/** Runs in the service worker: the toolbar badge's text. */
export function badgeText(): Promise<string> {
  return (globalThis as unknown as { chrome: { action: { getBadgeText(details: object): Promise<string> } } }).chrome.action.getBadgeText({});
}

/** The live service worker (the browser may have restarted it since the last call). */
export async function liveWorker(session: ExtensionSession) {
  return session.context.serviceWorkers()[0] ?? (await session.context.waitForEvent('serviceworker'));
}

/** `day` days after today, 08:00 local: past the default 07:00 publishing time. */
export function morningOfDay(day: number): number {
  const date = new Date();
  date.setDate(date.getDate() + day);
  date.setHours(8, 0, 0, 0);
  return date.getTime();
}

/** Serve day `day`'s recordings, move the worker to that morning, and refresh the way a page asks for it. */
export async function refreshOnDay(session: ExtensionSession, server: FixtureServer, files: Record<SourceId, string>, day: number): Promise<void> {
  serveDay(server, files, day);
  await (await liveWorker(session)).evaluate(setWorkerClock, morningOfDay(day));
  const page = await openReady(session, session.url('sidepanel.html'), { width: 420, height: 800 });
  await page.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage(message: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'refresh-now' }),
  );
  await page.close();
}

/**
 * Waits, in a hook, until the install refresh has read every source and published No. 1 (the badge says "1").
 * A plain bounded wait (expect.poll is for tests): 30 s, then it fails saying so.
 */
export async function awaitFirstIssue(session: ExtensionSession): Promise<void> {
  for (let turn = 0; (await (await liveWorker(session)).evaluate(badgeText)) !== '1'; turn++) {
    if (turn > 300) throw new Error('The install refresh did not publish No. 1 within 30 s.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
