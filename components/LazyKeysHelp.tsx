import { useEffect, useState } from 'preact/hooks';

type KeysHelpView = typeof import('./KeysHelp').KeysHelp;

/**
 * The keyboard help, loaded the first time the reader asks for it (`?`): it is
 * not part of what the new tab or the side panel needs to be ready, whose
 * JavaScript has a budget (tests/e2e/budgets.e2e.ts, issue #8).
 */
export function LazyKeysHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [View, setView] = useState<KeysHelpView>();
  useEffect(() => {
    if (open && !View) {
      void import('./item-keys').then(
        (module) => setView(() => module.KeysHelp),
        (error: unknown) => console.warn('The keyboard help could not load:', error),
      );
    }
  }, [open, View]);
  return View ? <View open={open} onClose={onClose} /> : null;
}
