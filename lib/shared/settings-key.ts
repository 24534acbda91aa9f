/** The one key the reader's settings live under in `storage.sync` (alone, so that the pages' early script can ask for them without loading the settings' schema). */
export const SETTINGS_KEY = 'settings';
