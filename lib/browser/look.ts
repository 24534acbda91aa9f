import { mirrorLook, type LookSettings, type LookStore } from '../shared/look';

/** The page's `localStorage`; undefined where the browser refuses it (site data turned off throws on access). */
function pageStore(): LookStore | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Puts the settings' theme, calm mode and editor on this page's `<html>` and in the
 * mirror that /look.js reads before the next page's first paint
 * (lib/shared/look.ts). Every page that reads the settings calls it with what
 * it read, and again on each change.
 */
export function mirrorLookHere(settings: LookSettings): void {
  mirrorLook(settings, document.documentElement, pageStore());
}
