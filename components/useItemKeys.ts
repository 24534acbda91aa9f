import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { RowLinks } from './CrossLinks';
import type { ShelfViews } from './shelves/ShelfViews';

/**
 * The reading list and watchlist's views (components/shelves/ShelfViews.tsx),
 * once loaded: a row draws `shelfViews.value?.Row(item)`, a page
 * `shelfViews.value?.Saved('paper')`, nothing until then. They come with the
 * chunk of what the keys do (components/item-keys.ts), which `useItemKeys`
 * loads once the page says it is ready: what the new tab loads before it is
 * ready gains only this signal and the calls (tests/e2e/budgets.e2e.ts,
 * issue #8; a chunk of their own, or a hook of their own, measured ~100 B
 * gzip more). The signal is handed to the views rather than imported by them:
 * a module the lazy chunk imports moves to the chunk every page shares
 * (wxt.config.ts).
 */
export const shelfViews = signal<ShelfViews | undefined>(undefined);

/**
 * What a row draws under itself of its links across sources (issue #12):
 * filled by components/CrossLinks.tsx, which only the side panel loads, once
 * ready; nothing elsewhere. Kept here, beside `shelfViews`, for the same reason.
 */
export const rowLinks = signal<RowLinks | undefined>(undefined);

/** The keys `useItemKeys` answers. */
const ITEM_KEYS = new Set(['j', 'k', 'o', 's', 'w', '?']);

/**
 * Reading with the keyboard (product.md): `j` and `k` move to the next and
 * previous item link, `o` opens the focused one (Enter already does), `s`
 * saves it to the reading list or takes it off, `w` watches it or stops
 * (issue #10), `?` shows or hides the list of keys. Keys typed into a field, or with a
 * modifier, are left alone.
 *
 * What a key does (components/item-keys.ts) loads with the first key pressed:
 * it is not part of what the new tab needs to be ready, whose JavaScript has
 * a budget (tests/e2e/budgets.e2e.ts, issue #8).
 */
/**
 * A key pressed for the page rather than typed: not handled yet, without a
 * modifier, and not in a field. The page's shortcuts (`j`, `k`, `o`, `?`, and
 * the side panel's `/`) answer only these.
 */
export function isPageKey(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return false;
  const target = event.target as HTMLElement | null;
  return !(target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)));
}

export function useItemKeys(onHelp: () => void, ready = false): void {
  useEffect(() => {
    // A chunk that cannot load (the extension updated under an open page) leaves the keys and the Save and Watch
    // buttons out, said in the console, never an unhandled rejection.
    const load = () => import('./item-keys').catch((error: unknown) => void console.warn('The keys and the Save and Watch buttons could not load:', error));
    // Save and Watch, and the Saved lists (issue #10), once the page is ready.
    if (ready) void load().then((keys) => keys?.installShelves(shelfViews));
    const onKey = (event: KeyboardEvent) => {
      if (!ITEM_KEYS.has(event.key) || !isPageKey(event)) return;
      event.preventDefault();
      void load().then((keys) => keys?.handleItemKey(event, onHelp));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onHelp, ready]);
}
