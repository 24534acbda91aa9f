/**
 * What the options page and the "Your data" script (entrypoints/data-transfer.ts,
 * built apart and loaded on the first click) share: in a module of its own, with
 * no import, so that the script does not bring the page's model (and Preact) in
 * with it (issue #10).
 */

/** What the model needs of lib/history/transfer.ts, bound to the real database and storage by the entry point. */
export interface DataOperations {
  /** The file's name and text. */
  exportFile(now: Date): Promise<{ fileName: string; text: string }>;
  /** Rejects with a reason in the reader's words when the file is refused; nothing is changed then. */
  importFile(
    size: number,
    read: () => Promise<string>,
  ): Promise<{ snapshots: number; catalog: number; issues: number; /** Absent: the file has no reading list or watchlist (older files). */ shelves?: { reading: number; watch: number } }>;
  clearAll(): Promise<void>;
}

/** What entrypoints/data-transfer.ts, a script built apart from the pages, leaves on the page's global object. */
export interface DataScript {
  dataOperations(): DataOperations;
  downloadJson(fileName: string, text: string): void;
}
export const DATA_SCRIPT_GLOBAL = '__aiMorningPostDataTools';
