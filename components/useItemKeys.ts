import { useEffect } from 'preact/hooks';

/**
 * Reading with the keyboard (product.md): `j` and `k` move to the next and
 * previous item link, `o` opens the focused one (Enter already does), `?`
 * shows or hides the list of keys. Keys typed into a field, or with a
 * modifier, are left alone.
 */
export const ITEM_LINKS = '.trending__row .trending__link[href], .tool a[href], .reading a[href]:not(.trending__code)';

export function useItemKeys(onHelp: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      if (event.key === '?') {
        event.preventDefault();
        onHelp();
        return;
      }
      if (event.key !== 'j' && event.key !== 'k' && event.key !== 'o') return;
      // A folded list's rows are skipped until the reader unfolds it.
      const links = [...document.querySelectorAll<HTMLAnchorElement>(ITEM_LINKS)].filter((link) => !link.closest('details:not([open])'));
      const current = links.indexOf(document.activeElement as HTMLAnchorElement);
      if (event.key === 'o') {
        if (current >= 0) {
          event.preventDefault();
          links[current]!.click();
        }
        return;
      }
      const next = event.key === 'j' ? Math.min(links.length - 1, current + 1) : Math.max(0, current < 0 ? 0 : current - 1);
      const link = links[next];
      if (!link) return;
      event.preventDefault();
      link.focus();
      link.scrollIntoView?.({ block: 'nearest' });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onHelp]);
}
