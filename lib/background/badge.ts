import type { MorningPostDB } from '../history/db';
import { countIssuesAfter } from '../history/issues';
import { LAST_READ } from '../shared/messages';

/**
 * The toolbar badge says how many issues the reader has not opened yet
 * (issue #4). The count lives in the database (the last issue read), so any
 * worker wake can put the badge right. Its key is in lib/shared/messages.ts,
 * where the pages read it too (issue #10).
 */
export { LAST_READ };

/** Deep red with white text: legible on light and dark toolbars alike (contrast 8.8:1). */
export const BADGE_BACKGROUND = '#8a1c1c';
export const BADGE_TEXT = '#ffffff';

/** The slice of `browser.action` the badge uses. */
export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
  setBadgeTextColor?(details: { color: string }): Promise<void> | void;
  setTitle?(details: { title: string }): Promise<void> | void;
}

export async function unreadCount(db: MorningPostDB): Promise<number> {
  const lastRead = (await db.meta.get(LAST_READ))?.value ?? 0;
  return countIssuesAfter(db, lastRead);
}

export async function markRead(db: MorningPostDB, number: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const lastRead = (await db.meta.get(LAST_READ))?.value ?? 0;
    // Paging back through the archive never makes newer issues unread again.
    if (number > lastRead) await db.meta.put({ name: LAST_READ, value: number });
  });
}

export async function updateBadge(db: MorningPostDB, action: BadgeApi, enabled: boolean): Promise<number> {
  const unread = enabled ? await unreadCount(db) : 0;
  await action.setBadgeBackgroundColor({ color: BADGE_BACKGROUND });
  await action.setBadgeTextColor?.({ color: BADGE_TEXT });
  await action.setBadgeText({ text: unread > 0 ? String(Math.min(unread, 99)) : '' });
  await action.setTitle?.({
    title: unread > 0 ? `The AI Morning Post — ${unread} new ${unread === 1 ? 'issue' : 'issues'}` : 'The AI Morning Post',
  });
  return unread;
}
