import { action, computed, createModel, signal } from '@preact/signals';
import type { DataOperations } from '../shared/data-script';
import { errorMessage } from '../shared/error-message';

/**
 * The options page's "Your data" section (issue #10: export all data to a JSON
 * file, import it back, clear all data). The work itself is in
 * lib/history/transfer.ts, which brings Dexie and the codec with it: the page
 * loads it on the first click (`deps.operations`, a script built apart:
 * entrypoints/data-transfer.ts), not before it is ready.
 */


export interface DataTransferDeps {
  operations: () => Promise<DataOperations>;
  download: (fileName: string, text: string) => void;
  now: () => Date;
}

/** A file chosen for import, kept until the reader confirms or cancels. */
export interface ChosenFile {
  name: string;
  size: number;
  text: () => Promise<string>;
}

export type DataControl = 'export' | 'import' | 'clear';
export type DataStatus = { state: 'idle' } | { state: 'busy' } | { state: 'done'; message: string } | { state: 'failed'; message: string };

export type Pending = { kind: 'import'; file: ChosenFile } | { kind: 'clear' } | undefined;

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export const DataTransferModel = createModel((deps: DataTransferDeps) => {
  const status = signal<Record<DataControl, DataStatus>>({ export: { state: 'idle' }, import: { state: 'idle' }, clear: { state: 'idle' } });
  const pending = signal<Pending>(undefined);
  const set = (control: DataControl, next: DataStatus) => (status.value = { ...status.value, [control]: next });

  const run = async (control: DataControl, work: (ops: DataOperations) => Promise<string>) => {
    set(control, { state: 'busy' });
    try {
      const ops = await deps.operations();
      set(control, { state: 'done', message: await work(ops) });
    } catch (error) {
      set(control, { state: 'failed', message: errorMessage(error) });
    }
  };

  const exportAll = action(() =>
    run('export', async (ops) => {
      const { fileName, text } = await ops.exportFile(deps.now());
      deps.download(fileName, text);
      return `Saved ${fileName}. The GitHub token is not in it.`;
    }),
  );
  /** A file was chosen: nothing happens until the reader confirms (the file replaces everything). */
  const chooseFile = action((file: ChosenFile | undefined) => {
    pending.value = file ? { kind: 'import', file } : undefined;
    set('import', { state: 'idle' });
  });
  const askClear = action(() => {
    pending.value = { kind: 'clear' };
    set('clear', { state: 'idle' });
  });
  const cancel = action(() => {
    pending.value = undefined;
  });
  const confirm = action(async () => {
    const asked = pending.value;
    pending.value = undefined;
    if (!asked) return;
    if (asked.kind === 'import') {
      await run('import', async (ops) => {
        const counts = await ops.importFile(asked.file.size, asked.file.text);
        const shelves = counts.shelves
          ? ` Your reading list (${plural(counts.shelves.reading, 'item')}) and watchlist (${plural(counts.shelves.watch, 'item')}) are the file's.`
          : ' The file has no reading list or watchlist (it is from an older version): yours are as they were.';
        return `Imported ${asked.file.name}: ${plural(counts.issues, 'issue')}, ${plural(counts.snapshots, 'snapshot')}, ${plural(counts.catalog, 'item')}. Your settings are the file's.${shelves}`;
      });
    } else {
      await run('clear', async (ops) => {
        await ops.clearAll();
        return 'All data cleared: the history, the archive, the reading list, the watchlist and the token are gone and the settings are back to their defaults.';
      });
    }
  });
  return {
    status: computed(() => status.value),
    pending: computed(() => pending.value),
    exportAll,
    chooseFile,
    askClear,
    cancel,
    confirm,
  };
});

export type DataTransferModel = InstanceType<typeof DataTransferModel>;
