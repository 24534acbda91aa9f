import { useSignal } from '@preact/signals';
import { useCallback } from 'preact/hooks';
import { isFailing } from '@/lib/shared/health';
import type { IssueModel } from '@/lib/models/issue';
import { Guard, PageFailed } from '../Guard';
import { LazyKeysHelp } from '../LazyKeysHelp';
import { shelfViews, useItemKeys } from '../useItemKeys';
import { ArchiveNav } from '../issue/ArchiveNav';
import { ExportBar } from '../issue/ExportBar';
import { IssueView } from '../issue/IssueView';
import { Masthead } from '../Masthead';
import { StorageError } from '../StorageError';
import { useCompleteMarker, useFirstScreen, useIdleAfter, useReadyMarker } from '../useReadyMarker';

/** The new tab: the day's issue, painted from one stored record, with the archive a click away. */
export function NewTabPage({ model }: { model: IssueModel }) {
  // Sections have their own boundaries (IssueView); this one catches the rest: a masthead and a notice, never a blank tab.
  return (
    <Guard
      name="The new tab"
      fallback={<PaperFailed model={model} />}
    >
      <NewTabPaper model={model} />
    </Guard>
  );
}

/** The masthead and a notice, in the paper's frame: the clock is read only if it is drawn. */
function PaperFailed({ model }: { model: IssueModel }) {
  return (
    <div class="paper">
      <main class="paper__body">
        <Masthead now={model.now.value} />
        <PageFailed />
      </main>
    </div>
  );
}

function NewTabPaper({ model }: { model: IssueModel }) {
  const front = model.front.value;
  // The first screen: the masthead and the lead's headline, painted from the stored record before the rest is
  // decoded; the rest is drawn after that frame.
  const firstScreenPainted = useFirstScreen(front !== undefined || model.loaded.value);
  const loaded = model.loaded.value && (front === undefined || firstScreenPainted);
  useReadyMarker(loaded);
  // The rows folded under each list's "The whole list" (half the issue's elements, none visible) come after.
  const idle = useIdleAfter(loaded);
  useCompleteMarker(idle);
  const help = useSignal(false);
  // The reading list, the watchlist and each row's Save and Watch load once the issue is whole (issue #10).
  useItemKeys(useCallback(() => (help.value = !help.value), [help]), idle);
  const issue = firstScreenPainted ? model.issue.value : undefined;
  const latest = model.latestNumber.value;
  const failing = model.statuses.value.filter(isFailing);
  return (
    <div class="paper">
      <main class="paper__body" aria-busy={!loaded}>
        {model.storageError.value && !front ? (
          <>
            <Masthead now={model.now.value} />
            <StorageError message={model.storageError.value} />
          </>
        ) : issue || front ? (
          <>
            <IssueView
              issue={issue}
              front={front}
              foldedRows={idle}
              controls={
                <>
                  <ArchiveNav number={(issue ?? front)!.number} latest={latest ?? (issue ?? front)!.number} onShow={model.show} />
                  <ExportBar
                    onCopy={() => void model.exportMarkdown('copy')}
                    onDownload={() => void model.exportMarkdown('download')}
                    {...(model.exportStatus.value ? { status: model.exportStatus.value } : {})}
                  />
                  {failing.length > 0 && (issue ?? front)!.number === latest ? (
                    // Under the masthead, where it is read first: the paper is as of its publishing; a source failed since.
                    <p class="paper__notice" role="status">
                      Since this issue: {failing.map((status) => status.lastError.message).join('; ')}. The side panel shows each source’s next try.
                    </p>
                  ) : null}
                </>
              }
            />
            {model.storageError.value ? (
              // Below the first screen, which the record still gave: the reader keeps the headline and learns why the rest is missing.
              <StorageError message={model.storageError.value} />
            ) : null}
          </>
        ) : loaded ? (
          <>
            <Masthead now={model.now.value} />
            <p class="empty" role="status">
              {failing.length > 0
                ? `The first edition is waiting on the sources: ${failing.map((status) => status.lastError.message).join('; ')}.`
                : 'The first edition is on its way: it is written as soon as the first trending lists arrive.'}
            </p>
          </>
        ) : null}
        {shelfViews.value?.Saved('paper')}
      </main>
      {loaded ? (
        // After the issue, so that the first thing painted is the paper's first screen, not its small print.
        <footer class="paper__footer">
          <p>
            Written in this browser from its own copy of the lists. No account, no tracking, no server of ours. Press{' '}
            <kbd>?</kbd> for the keyboard.
          </p>
        </footer>
      ) : null}
      <LazyKeysHelp open={help.value} onClose={() => (help.value = false)} />
    </div>
  );
}
