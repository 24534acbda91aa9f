import type { Settings, Theme } from './settings';

/**
 * The reader's look — theme and calm mode (issue #10), and whether the on-device editor's text is shown (issue
 * #12) — as `<html>` data
 * attributes, and its mirror in the extension origin's `localStorage`.
 *
 * The settings live in `storage.sync`, which answers asynchronously: too late
 * for the first frame. So every page that reads the settings keeps a copy of
 * the look in `localStorage`, and each page's `<head>` runs /look.js
 * (emitted from lib/shared/look-script.ts), a classic script of one statement that copies
 * every key of `localStorage` onto `<html>`'s data attributes before the first
 * paint, and again when another page changes them (the `storage` event):
 * `theme: "dark"`, `calm: "on"` give `<html data-theme="dark" data-calm="on">`.
 * That is what keeps the script to about 130 bytes of gzip, in the new tab’s
 * budget (tests/e2e/budgets.e2e.ts); it is also why the extension's
 * `localStorage` holds these keys and nothing else (tests/unit/look.test.ts
 * checks that nothing else uses it). Both keys are always written, so that a
 * change back to the system theme or out of calm mode also reaches an open
 * page.
 *
 * components/styles/base.css reads `data-theme` (`light`, `dark`; `system`
 * or none: the system's), components/styles/paper.css `data-calm` (`on`) and `data-editor` (`off`).
 */
export interface Look {
  theme: Theme;
  calm: 'on' | 'off';
  /**
   * `off`: the pages show the template text of a piece the on-device editor edited (issue #12). An edited piece
   * carries both texts (lib/shared/issue-types.ts `Story.edited`), and components/styles/paper.css shows one by
   * this attribute: turning the editor off shows the template at once, in every open page, with no script.
   */
  editor: 'on' | 'off';
}

/** What the look is read from: the settings' theme and calm mode, and the editor (on when not given, its default). */
export type LookSettings = Pick<Settings, 'theme' | 'calm'> & Partial<Pick<Settings, 'editor'>>;

export function lookOf(settings: LookSettings): Look {
  return { theme: settings.theme, calm: settings.calm ? 'on' : 'off', editor: settings.editor === false ? 'off' : 'on' };
}

/** The part of `localStorage` the mirror uses. */
export interface LookStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * Applies the settings' look to `root` (the page's `<html>`) and writes each
 * key of the mirror that differs from what is stored. Answers how many keys
 * it wrote (0: the mirror was current). The mirror is only a head start: a
 * store that is missing or refuses (a browser with site storage turned off)
 * leaves the page applying the look itself, a frame later.
 */
export function mirrorLook(settings: LookSettings, root: { dataset: DOMStringMap }, store: LookStore | undefined): number {
  const look = lookOf(settings);
  let written = 0;
  for (const [key, value] of Object.entries(look)) {
    root.dataset[key] = value;
    try {
      if (store && store.getItem(key) !== value) {
        store.setItem(key, value);
        written++;
      }
    } catch {
      // Refused: this page has its look; the next one paints its first frame with the system's.
    }
  }
  return written;
}
