/** The one key the reader's settings live under in `storage.sync` (alone, so that the pages' early script can ask for them without loading the settings' schema). */
export const SETTINGS_KEY = 'settings';

/** The pages' colours a reader can choose (issue #10): here too, so that the new tab can check a stored theme without the schema (lib/models/look-follow.ts). */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
