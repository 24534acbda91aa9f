import { useEffect, useRef } from 'preact/hooks';

const KEYS: [string, string][] = [
  ['j', 'next item'],
  ['k', 'previous item'],
  ['o or Enter', 'open the item'],
  ['s', 'save the item to the reading list, or remove it'],
  ['w', 'watch the item, or stop watching it'],
  ['?', 'show or hide these keys'],
];

/** The keyboard help, as a modal dialog (Escape closes it; focus returns to where it was). */
export function KeysHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal?.();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} class="keys-help" aria-labelledby="keys-help-title" onClose={onClose}>
      <h2 id="keys-help-title">Keyboard</h2>
      <dl>
        {KEYS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
