import type { BadgeApi } from '@/lib/background/badge';

/** Records what the worker puts on the toolbar icon (WXT's fake browser has no `action`). */
export class RecordingBadge implements BadgeApi {
  text = '';
  background = '';
  color = '';
  title = '';
  setBadgeText({ text }: { text: string }) {
    this.text = text;
  }
  setBadgeBackgroundColor({ color }: { color: string }) {
    this.background = color;
  }
  setBadgeTextColor({ color }: { color: string }) {
    this.color = color;
  }
  setTitle({ title }: { title: string }) {
    this.title = title;
  }
}
