import { mirrorLookHere } from '../browser/look';
import { storageApi } from '../browser/storage-api';
import { SETTINGS_KEY, THEMES, type Theme } from '../shared/settings-key';

/**
 * The new tab's part in the look's mirror (issue #10; lib/shared/look.ts):
 * once the page is ready, it reads the theme and calm mode from the stored
 * settings, puts them on its `<html>` and in the mirror, and does so again on
 * each change — also one that arrives by sync from another browser while only
 * new tabs are open, which no other page would see. The new tab does not load
 * the settings' whole schema (lib/shared/settings.ts `readSettings`): only
 * these fields (and the editor's switch, issue #12) are read, each checked, anything else read as its default.
 */
export function followLook(): () => void {
  const apply = () =>
    void storageApi()
      .sync.get(SETTINGS_KEY)
      .then((items) => {
        const stored = items[SETTINGS_KEY];
        const raw = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
        const theme: Theme = (THEMES as readonly unknown[]).includes(raw.theme) ? (raw.theme as Theme) : 'system';
        mirrorLookHere({ theme, calm: raw.calm === true, editor: raw.editor !== false });
      }, () => undefined);
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) apply();
  };
  apply();
  storageApi().onChanged.addListener(listener);
  return () => storageApi().onChanged.removeListener(listener);
}
