import { useEffect } from 'preact/hooks';

/** The keys `useItemKeys` answers. */
const ITEM_KEYS = new Set(['j', 'k', 'o', '?']);

/**
 * Reading with the keyboard (product.md): `j` and `k` move to the next and
 * previous item link, `o` opens the focused one (Enter already does), `?`
 * shows or hides the list of keys. Keys typed into a field, or with a
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

export function useItemKeys(onHelp: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!ITEM_KEYS.has(event.key) || !isPageKey(event)) return;
      event.preventDefault();
      void import('./item-keys').then((keys) => keys.handleItemKey(event, onHelp));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onHelp]);
}
