import { DATA_SCRIPT_GLOBAL, type DataScript } from '@/lib/shared/data-script';
import { dataOperations, downloadJson } from './options/data-operations';

/**
 * The options page's "Your data" tools (issue #10) as a script of their own,
 * loaded on the first click (lib/browser/script-loader.ts). A lazy `import()`
 * from the options page would share modules with the pages' common chunk and
 * move bytes into what the new tab loads before it is ready (its budget,
 * tests/e2e/budgets.e2e.ts, has a few bytes left); a script built apart, Dexie
 * and valibot included, touches no page's files.
 */
export default defineUnlistedScript(() => {
  const script: DataScript = { dataOperations, downloadJson };
  (globalThis as Record<string, unknown>)[DATA_SCRIPT_GLOBAL] = script;
});
