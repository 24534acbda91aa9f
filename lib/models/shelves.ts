import { action, computed, createModel, effect, signal } from '@preact/signals';
import { onShelvesChange, syncShelfStorage } from '../browser/shelves-storage';
import {
  addToShelf,
  KIND_OF_SOURCE,
  readShelves,
  removeFromShelf,
  savedKey,
  type ItemKind,
  type SaveResult,
  type Shelf,
  type ShelfStorage,
  type Shelves,
} from '../shared/saved';
import { errorMessage } from '../shared/error-message';
import type { SourceId } from '../sources/ids';

/** An item as a row shows it: what a shelf entry is made from. */
export interface ShelfItem {
  kind: ItemKind;
  id: string;
  /** What the reader sees it called. */
  title: string;
}

/** The item a list row of `sourceId` names (a repository is one item whichever GitHub list it was on). */
export function itemOfRow(sourceId: SourceId, itemId: string, name: string): ShelfItem {
  return { kind: KIND_OF_SOURCE[sourceId], id: itemId, title: name };
}

/** What the last save or removal did, for the page's live region; `refused` when it did nothing (and why is in `text`). */
export interface ShelfNotice {
  text: string;
  refused: boolean;
  /** Counts up with each notice, so that a view can tell two equal texts apart. */
  serial: number;
}

export interface ShelvesDeps {
  /** `storage.sync` (lib/browser/shelves-storage.ts), or a stand-in in tests. */
  storage: ShelfStorage;
  /** Calls back when a shelf changes in any context (another tab, the worker, sync); returns the unsubscribe. */
  subscribe?: (onChange: () => void) => () => void;
  now?: () => number;
}

const SHELF_NAME: Record<Shelf, string> = { reading: 'the reading list', watch: 'the watchlist' };
const EMPTY: Shelves = { reading: [], watch: [] };

/**
 * The reader's reading list and watchlist (issue #10, "Saving and watching"),
 * live: read at once, and again whenever either shelf changes in
 * `storage.sync`, from this page or any other context. Components read the
 * shelves and `has`, and call the actions; every action resolves to the
 * SaveResult of lib/shared/saved.ts and leaves a notice — what was done, or
 * why nothing was — for the page's live region. A refusal never throws and is
 * never silent.
 */
export const ShelvesModel = createModel((deps: ShelvesDeps) => {
  const shelves = signal<Shelves>(EMPTY);
  const loaded = signal(false);
  const loadError = signal<string | undefined>(undefined);
  const notice = signal<ShelfNotice | undefined>(undefined);
  const now = deps.now ?? Date.now;
  let serial = 0;
  // Reads may overlap (a write's own read and the change event's): only the latest one started is kept.
  let reads = 0;

  const reload = async (): Promise<void> => {
    const read = ++reads;
    try {
      const next = readShelves(await deps.storage.get(null));
      if (read !== reads) return;
      shelves.value = next;
      loadError.value = undefined;
    } catch (error) {
      if (read !== reads) return;
      loadError.value = `The reading list and watchlist could not be read (${errorMessage(error)}).`;
    }
    loaded.value = true;
  };

  effect(() => {
    void reload();
    try {
      return deps.subscribe?.(() => void reload());
    } catch (error) {
      // No storage API on this page (it is not an extension page): said in the Saved view, and nothing else breaks.
      loadError.value = `The reading list and watchlist could not be read (${errorMessage(error)}).`;
      return undefined;
    }
  });

  const keys = computed(() => new Set([...shelves.value.reading, ...shelves.value.watch].map((entry) => savedKey(entry.shelf, entry.kind, entry.id))));

  const say = (text: string, refused: boolean) => {
    serial += 1;
    notice.value = { text, refused, serial };
  };

  const add = async (shelf: Shelf, item: ShelfItem): Promise<SaveResult> => {
    const result = await addToShelf(deps.storage, { shelf, kind: item.kind, id: item.id, title: item.title }, now());
    if (result.ok) say(shelf === 'reading' ? `Saved ${item.title} to the reading list.` : `Watching ${item.title}: added to the watchlist.`, false);
    else say(`${item.title} was not added to ${SHELF_NAME[shelf]}. ${result.message}`, true);
    await reload();
    return result;
  };

  const remove = async (shelf: Shelf, item: ShelfItem): Promise<SaveResult> => {
    const result = await removeFromShelf(deps.storage, shelf, item.kind, item.id);
    if (result.ok) say(`Removed ${item.title} from ${SHELF_NAME[shelf]}.`, false);
    else say(`${item.title} is still on ${SHELF_NAME[shelf]}. ${result.message}`, true);
    await reload();
    return result;
  };

  /** Whether the item is on the shelf (as last read). */
  const has = (shelf: Shelf, item: Pick<ShelfItem, 'kind' | 'id'>): boolean => keys.value.has(savedKey(shelf, item.kind, item.id));

  return {
    shelves: computed(() => shelves.value),
    loaded: computed(() => loaded.value),
    /** Why the shelves could not be read; undefined when they were. */
    loadError: computed(() => loadError.value),
    notice: computed(() => notice.value),
    /**
     * The key (lib/shared/saved.ts `savedKey`) of every entry on either shelf. A view reads this signal to
     * draw a button's state: `has` is a method of the model, and createModel runs methods untracked, so a
     * component that called it would not be drawn again when the shelves change.
     */
    keys,
    has,
    save: action((item: ShelfItem) => add('reading', item)),
    unsave: action((item: ShelfItem) => remove('reading', item)),
    watch: action((item: ShelfItem) => add('watch', item)),
    unwatch: action((item: ShelfItem) => remove('watch', item)),
    /** Puts the item on the shelf, or takes it off when it is there. */
    toggle: action((shelf: Shelf, item: ShelfItem) => (has(shelf, item) ? remove(shelf, item) : add(shelf, item))),
    reload: action(() => reload()),
  };
});

export type ShelvesModel = InstanceType<typeof ShelvesModel>;

/** The model over this browser's `storage.sync`, live across contexts. */
export function createShelvesModel(): ShelvesModel {
  return new ShelvesModel({ storage: syncShelfStorage, subscribe: onShelvesChange });
}
