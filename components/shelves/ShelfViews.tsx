import type { Signal } from '@preact/signals';
import type { ComponentChildren, VNode } from 'preact';
import { useRef } from 'preact/hooks';
import { createShelvesModel, itemOfRow, type ShelfItem, type ShelvesModel } from '@/lib/models/shelves';
import type { Paper } from '@/lib/shared/issue-types';
import type { SourceId } from '@/lib/sources/ids';
import { timelineHref } from '@/lib/shared/timeline-link';
import { isSavedItemId, savedItemUrl, savedKey, type ItemKind, type SavedEntry, type Shelf } from '@/lib/shared/saved';
import { Guard } from '../Guard';
import { ItemName } from '../ItemName';
import { When } from '../When';

/**
 * The reading list and watchlist's views (issue #10, "Saving and watching"):
 * a row's "Save" and "Watch" toggle buttons, the Saved view, and the live
 * region that says what each press did. Loaded after the page is ready
 * (components/LazyShelves.tsx), with the model over `storage.sync`.
 */

/** The item a row names: enough to put it on a shelf. */
export interface ShelfRowProps {
  sourceId: SourceId;
  itemId: string;
  name: string;
}

/**
 * What the pages draw once this is loaded (components/LazyShelves.tsx): each
 * returns an element (and calls no hook), so that a row draws `Row(item)` in
 * a few bytes.
 */
export interface ShelfViews {
  /** A row's "Save" and "Watch" buttons: a list's entry, or a paper of the week's reading (its arXiv id and title). */
  Row: (item: ShelfRowProps | Pick<Paper, 'arxivId' | 'title'>) => VNode;
  /** Both shelves: a tab panel in the side panel (`panel`), a section of the new tab with its live region (`paper`). */
  Saved: (variant: 'panel' | 'paper') => VNode;
  /** The live region that says what a save or removal did, or why it did nothing. */
  Status: () => VNode;
}

let model: ShelvesModel | undefined;

/**
 * Makes the page's shelves model (once) and hands the views to the page's
 * slot (components/LazyShelves.tsx). `given`: a test's own model (replaces the page's).
 */
export function installShelves(slot: Signal<ShelfViews | undefined>, given?: ShelvesModel): ShelvesModel {
  if (given || !model) {
    model = given ?? createShelvesModel();
    slot.value = {
      Row: (item) => <ShelfButtons {...('arxivId' in item ? { sourceId: 'hf-papers', itemId: item.arxivId, name: item.title } : item)} />,
      Saved: (variant) => (
        <Guard name="The reading list and watchlist">
          <SavedView variant={variant} />
        </Guard>
      ),
      Status: () => <ShelfStatus />,
    };
  }
  return model;
}

const KIND_LABEL: Record<ItemKind, string> = { model: 'Model', dataset: 'Dataset', space: 'Space', paper: 'Paper', repo: 'Repository' };

const PRESS: Record<Shelf, { word: string; label: (title: string) => string; on: string; off: string }> = {
  reading: { word: 'Save', label: (title) => `Save ${title} to the reading list`, on: '★', off: '☆' },
  watch: { word: 'Watch', label: (title) => `Watch ${title}`, on: '◉', off: '○' },
};

/**
 * A row's two toggles and its "Timeline" link (issue #12: the item's rank and figures over the kept history,
 * entrypoints/timeline/); none for an item whose id cannot be saved (a row of another shape: issue #9). Here,
 * with the buttons that load after the page is ready, rather than in the rows: the new tab and the side panel
 * carry nothing more before they are ready (tests/e2e/budgets.e2e.ts). The link opens a new tab, as the side
 * panel's links must (issue #9, finding 7), and on the new tab it leaves the paper where it is.
 */
function ShelfButtons({ sourceId, itemId, name }: ShelfRowProps) {
  const item = itemOfRow(sourceId, itemId, name);
  if (!model || !isSavedItemId(item.kind, item.id)) return null;
  return (
    <span class="shelf-buttons">
      <ShelfToggle shelves={model} shelf="reading" item={item} />
      <ShelfToggle shelves={model} shelf="watch" item={item} />
      <a class="shelf-button timeline-link" href={timelineHref(item.kind, item.id)} target="_blank" rel="noopener noreferrer" aria-label={`Timeline of ${item.title}`}>
        Timeline
      </a>
    </span>
  );
}

/**
 * A toggle button (`aria-pressed`): its name stays "Save Qwen/Qwen3-8B to the
 * reading list" whether pressed or not, as the pattern asks; the star and the
 * pressed style show the state. `s` and `w` press it (components/item-keys.ts
 * finds it by `data-shelf`).
 */
function ShelfToggle({ shelves, shelf, item }: { shelves: ShelvesModel; shelf: Shelf; item: ShelfItem }) {
  // The signal itself, read here, so that the button is drawn again when the shelves change (lib/models/shelves.ts `keys`).
  const on = shelves.keys.value.has(savedKey(shelf, item.kind, item.id));
  const press = PRESS[shelf];
  return (
    <button type="button" class="shelf-button" data-shelf={shelf} aria-pressed={on} aria-label={press.label(item.title)} onClick={() => void shelves.toggle(shelf, item)}>
      <span aria-hidden="true">{on ? press.on : press.off}</span> {press.word}
    </button>
  );
}

const SHELF_TEXT: Record<Shelf, { heading: string; empty: ComponentChildren; remove: (title: string) => string }> = {
  reading: {
    heading: 'Reading list',
    empty: (
      <>
        Nothing saved yet. Press “Save” on any item, or focus it and press <kbd>s</kbd>, to keep it here.
      </>
    ),
    remove: (title) => `Remove ${title} from the reading list`,
  },
  watch: {
    heading: 'Watchlist',
    empty: (
      <>
        Nothing watched yet. Press “Watch” on any item, or focus it and press <kbd>w</kbd>: the next issue says when it enters, leaves or climbs a list.
      </>
    ),
    remove: (title) => `Remove ${title} from the watchlist`,
  },
};

/** Both shelves, newest first: each entry's link (built from its validated id), its kind, when it was saved, and a button that removes it. */
function SavedView({ variant = 'panel' }: { variant?: 'panel' | 'paper' }) {
  if (!model) return null;
  const shelves = model.shelves.value;
  const error = model.loadError.value;
  const paper = variant === 'paper';
  const body = (
    <div class={paper ? 'saved saved--paper' : 'saved'}>
      {error ? (
        <p class="saved__error">{error}</p>
      ) : null}
      {(['reading', 'watch'] as const).map((shelf) => (
        <ShelfList key={shelf} shelves={model!} shelf={shelf} entries={shelves[shelf]} loaded={model!.loaded.value} paper={paper} />
      ))}
    </div>
  );
  return paper ? (
    <section class="saved-section" aria-labelledby="saved-title" data-section="saved">
      <header class="issue-section__head">
        <h2 class="issue-section__title" id="saved-title">
          Your reading list
        </h2>
        <p class="issue-section__deck">What you saved and watch, kept in this browser’s synced storage.</p>
      </header>
      {body}
      <ShelfStatus />
    </section>
  ) : (
    <section class="section" aria-label="Saved">
      {body}
    </section>
  );
}

function ShelfList({ shelves, shelf, entries, loaded, paper }: { shelves: ShelvesModel; shelf: Shelf; entries: readonly SavedEntry[]; loaded: boolean; paper: boolean }) {
  const list = useRef<HTMLOListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const text = SHELF_TEXT[shelf];
  const Heading = paper ? 'h3' : 'h2';
  const id = `saved-${shelf}-${paper ? 'paper' : 'panel'}`;
  // After a removal the row is gone: focus goes to the row that took its place, else the one before, else the heading.
  const remove = async (entry: SavedEntry, index: number) => {
    const result = await (shelf === 'reading' ? shelves.unsave : shelves.unwatch)({ kind: entry.kind, id: entry.id, title: entry.title });
    if (!result.ok) return;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('.saved__remove');
    const next = buttons?.[Math.min(index, buttons.length - 1)];
    (next ?? heading.current)?.focus();
  };
  return (
    <div class={`saved__shelf saved__shelf--${shelf}`} data-shelf-list={shelf}>
      <Heading class={paper ? 'column-title' : 'section__heading'} id={id} ref={heading} tabIndex={-1}>
        {text.heading} <span class="saved__count">({entries.length})</span>
      </Heading>
      {entries.length > 0 ? (
        <ol class="trending saved__list" aria-labelledby={id} ref={list}>
          {entries.map((entry, index) => (
            <li class="trending__row saved__row" key={`${entry.kind}:${entry.id}`} data-item-id={entry.id} data-kind={entry.kind}>
              <span class="trending__rank" aria-hidden="true">
                {index + 1}
              </span>
              <div class="trending__body">
                <ItemName name={entry.title} url={savedItemUrl(entry.kind, entry.id)} newTab={!paper} />
                <span class="trending__task">{KIND_LABEL[entry.kind]}</span>
              </div>
              <p class="trending__metrics saved__meta">
                {entry.savedAt > 0 ? (
                  <span class="metric">
                    {shelf === 'reading' ? 'saved' : 'watched since'} <When at={entry.savedAt} now={Date.now()} />
                  </span>
                ) : null}
                <button type="button" class="saved__remove" data-shelf={shelf} aria-label={text.remove(entry.title)} onClick={() => void remove(entry, index)}>
                  Remove
                </button>
              </p>
            </li>
          ))}
        </ol>
      ) : loaded ? (
        <p class="empty">{text.empty}</p>
      ) : null}
    </div>
  );
}

/**
 * What the last press did, for screen readers (a polite live region), and a
 * refusal shown as well as spoken (an assertive one): a full shelf or a
 * storage error is never silent. A done save needs no more on screen than the
 * pressed button. Live regions without a role: the page's own status and
 * alert (the issue's notices) stay the only ones of their roles.
 */
function ShelfStatus() {
  const notice = model?.notice.value;
  return (
    <div class="shelf-status">
      <p class="visually-hidden" aria-live="polite" data-shelf-status="done">
        {notice && !notice.refused ? notice.text : ''}
      </p>
      <p class="shelf-status__refused" aria-live="assertive" data-shelf-status="refused" hidden={!notice?.refused}>
        {notice?.refused ? notice.text : ''}
      </p>
    </div>
  );
}
