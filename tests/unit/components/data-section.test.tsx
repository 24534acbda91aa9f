// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor as waitForDefault } from '@testing-library/preact';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { OptionsPage } from '@/components/pages/OptionsPage';
import { DataTransferModel } from '@/lib/models/data-transfer';
import type { DataOperations } from '@/lib/shared/data-script';
import { OptionsModel } from '@/lib/models/options';
import { testBrowser } from '../../support/fake-browser';

/** Past testing-library's default second, which a loaded machine can exceed; within the test's 30 s. */
const waitFor = <T,>(check: () => T) => waitForDefault(check, { timeout: 10_000 });

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.ready;
});

/** The options page with a "Your data" section over hand-made operations (the real ones: tests/unit/data-transfer.test.ts). */
async function mount(operations: Partial<DataOperations> = {}) {
  const browser = testBrowser();
  const model = new OptionsModel({ storage: browser.sync, local: browser.local, onExternalChange: () => () => undefined });
  const ops: DataOperations = {
    exportFile: vi.fn(async () => ({ fileName: 'ai-morning-post-data-2026-11-29.json', text: '{"format":"ai-morning-post-data"}' })),
    importFile: vi.fn(async () => ({ snapshots: 7, catalog: 146, issues: 1 })),
    clearAll: vi.fn(async () => undefined),
    ...operations,
  };
  const download = vi.fn();
  const data = new DataTransferModel({ operations: async () => ops, download, now: () => new Date(2026, 10, 29, 8) });
  onTestFinished(() => {
    model[Symbol.dispose]();
    data[Symbol.dispose]();
  });
  render(<OptionsPage model={model} data={data} requestNotifications={async () => false} />);
  await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
  return { ops, download };
}

function chooseFile(name: string, text: string) {
  const input = screen.getByLabelText('Import a data file (it replaces all your data and settings)') as HTMLInputElement;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
  return input;
}

/** The note a control names in `aria-describedby`, as a screen reader reaches it. */
function noteOf(control: HTMLElement): string {
  return document.getElementById(control.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
}

describe('OptionsPage: "Your data" (issue #10)', () => {
  it('export downloads the file and says so beside the button, naming the token as left out', async () => {
    const { download } = await mount();
    const button = screen.getByRole('button', { name: 'Export all data' });
    fireEvent.click(button);
    await waitFor(() => expect(noteOf(button)).toBe('Saved ai-morning-post-data-2026-11-29.json. The GitHub token is not in it.'));
    expect(download).toHaveBeenCalledWith('ai-morning-post-data-2026-11-29.json', '{"format":"ai-morning-post-data"}');
    expect(document.body.textContent).toContain('The GitHub token is a secret: it is never exported.');
  });

  it('clear asks first: cancel deletes nothing; confirming deletes once and says what went', async () => {
    const { ops } = await mount();
    const clear = screen.getByRole('button', { name: 'Clear all data' });
    fireEvent.click(clear);
    const confirm = screen.getByRole('button', { name: 'Delete everything' });
    expect(screen.getByRole('alertdialog').textContent).toContain('This cannot be undone');
    expect(document.activeElement).toBe(confirm);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(ops.clearAll).not.toHaveBeenCalled();

    fireEvent.click(clear);
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    await waitFor(() => expect(noteOf(clear)).toMatch(/^All data cleared/));
    expect(ops.clearAll).toHaveBeenCalledTimes(1);
  });

  it('a chosen file is imported only once confirmed; the counts are said beside the control', async () => {
    const { ops } = await mount();
    const input = chooseFile('backup.json', '{}');
    expect(ops.importFile).not.toHaveBeenCalled();
    expect(screen.getByRole('alertdialog').textContent).toContain('Replace all your data and settings with those in backup.json?');
    fireEvent.click(screen.getByRole('button', { name: 'Replace my data' }));
    await waitFor(() =>
      expect(noteOf(input)).toBe(
        "Imported backup.json: 1 issue, 7 snapshots, 146 items. Your settings are the file's. The file has no reading list or watchlist (it is from an older version): yours are as they were.",
      ),
    );
    expect(ops.importFile).toHaveBeenCalledTimes(1);
    expect((ops.importFile as ReturnType<typeof vi.fn>).mock.calls[0]![0]).toBe(2); // the file's size in bytes, "{}"
  });

  it('a file with a reading list and a watchlist: their counts are said too', async () => {
    await mount({ importFile: vi.fn(async () => ({ snapshots: 7, catalog: 146, issues: 1, shelves: { reading: 3, watch: 1 } })) });
    const input = chooseFile('backup.json', '{}');
    fireEvent.click(screen.getByRole('button', { name: 'Replace my data' }));
    await waitFor(() =>
      expect(noteOf(input)).toBe(
        "Imported backup.json: 1 issue, 7 snapshots, 146 items. Your settings are the file's. Your reading list (3 items) and watchlist (1 item) are the file's.",
      ),
    );
  });

  it("a refused file: the reason is said beside the control, in the extension's words", async () => {
    const { ops } = await mount({
      importFile: vi.fn(async () => {
        throw new Error('Nothing was changed: the file is not JSON (it may be cut short, or another kind of file).');
      }),
    });
    const input = chooseFile('notes.txt', 'Dear reader');
    fireEvent.click(screen.getByRole('button', { name: 'Replace my data' }));
    await waitFor(() => expect(noteOf(input)).toBe('Nothing was changed: the file is not JSON (it may be cut short, or another kind of file).'));
    expect(document.getElementById('data-note-import')?.dataset.state).toBe('failed');
    expect(ops.clearAll).not.toHaveBeenCalled();
  });
});
