import { downloadText } from '@/lib/browser/export';
import { syncShelfStorage } from '@/lib/browser/shelves-storage';
import { storageArea } from '@/lib/browser/storage-api';
import { MorningPostDB } from '@/lib/history/db';
import { clearAllData, dataFileName, dataFileText, exportData, importData, type DataDeps } from '@/lib/history/transfer';
import type { DataOperations } from '@/lib/shared/data-script';

/**
 * The options page's data operations bound to this browser: loaded on the
 * first click of "Your data" (issue #10), with Dexie, so the page's first
 * JavaScript stays within its budget.
 */
export function dataOperations(): DataOperations {
  const db = new MorningPostDB();
  const deps: DataDeps = { db, settings: storageArea('sync'), local: storageArea('local'), shelves: syncShelfStorage };
  return {
    exportFile: async (now) => {
      const file = await exportData(deps, now);
      return { fileName: dataFileName(now), text: dataFileText(file) };
    },
    importFile: (size, read) => importData(deps, size, read),
    clearAll: () => clearAllData(deps),
  };
}

export function downloadJson(fileName: string, text: string): void {
  downloadText(fileName, text, 'application/json');
}
