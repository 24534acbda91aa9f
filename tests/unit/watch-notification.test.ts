import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { notifyWatch } from '@/lib/browser/notifications';
import type { Issue, WatchStory } from '@/lib/shared/issue-types';
import { handIssue } from '../support/hand-issue';

const WATCH: WatchStory = {
  kicker: 'Your Watchlist',
  headline: "Orbit-1B enters Hugging Face's trending models at No. 3",
  paragraphs: [
    "india/Orbit-1B is new on Hugging Face's trending models since yesterday, at No. 3, with 80 likes.",
    // An invisible character from an older stored issue does not reach the notification.
    "beta/Llama4-8B\u202E-GGUF is no longer on Hugging Face's trending models: it was No. 7 yesterday.",
  ],
  claims: [],
  items: [],
};

function spies(granted: boolean) {
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(granted as never);
  const create = vi.spyOn(fakeBrowser.notifications, 'create');
  const tabs = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
  return { create, tabs };
}

describe('the watchlist notification (lib/browser/notifications.ts)', () => {
  it('summarises the piece: its headline in the title, its paragraphs as the message; a click opens the issue', async () => {
    const { create, tabs } = spies(true);
    const issue: Issue = handIssue({ number: 12, watch: WATCH });
    await notifyWatch(issue);
    expect(create).toHaveBeenCalledTimes(1);
    const [id, options] = create.mock.calls[0] as unknown as [string, { title: string; message: string }];
    expect(id).toBe('watch-12');
    expect(options.title).toBe("Your watchlist — Orbit-1B enters Hugging Face's trending models at No. 3");
    expect(options.message).toBe(
      "india/Orbit-1B is new on Hugging Face's trending models since yesterday, at No. 3, with 80 likes. beta/Llama4-8B-GGUF is no longer on Hugging Face's trending models: it was No. 7 yesterday.",
    );
    await fakeBrowser.notifications.onClicked.trigger('watch-12');
    expect(tabs).toHaveBeenCalledWith({ url: expect.stringMatching(/\/newtab\.html#\/issue\/12$/) });
  });

  it('shows nothing without the permission, or without a piece', async () => {
    const { create } = spies(false);
    await notifyWatch(handIssue({ watch: WATCH }));
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    await notifyWatch(handIssue());
    expect(create).not.toHaveBeenCalled();
  });
});
