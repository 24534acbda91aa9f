import { render } from 'preact';
import { installVisibleText } from '@/components/visible-text';
import { NewTabPage } from '@/components/pages/NewTabPage';
import { pageReady } from '@/components/useReadyMarker';
import { earlyReadsStarted, issueNumberOfHash, renderAfterIssueAnswer, takeEarlyReads } from '@/lib/models/early-read';
import { closeAfter, createIssueModel, pageDatabase } from '@/lib/models/page-database';
import '@/components/styles/pages/newtab.css';

// Before anything renders: no invisible character reaches the screen, whatever was stored (issue #9).
installVisibleText();

const database = pageDatabase(pageReady);
// The issue the address names (`#/issue/3`), else the latest; read by the early script (entrypoints/first-read.ts)
// while this module loaded (waited for, should this module have run first). The first render waits for the early
// read's answer, so that it is the issue's first screen (adopting the one the early script may have painted), not an
// empty page.
const initialNumber = issueNumberOfHash(location.hash);
void earlyReadsStarted().then(async () => {
  const early = takeEarlyReads();
  await renderAfterIssueAnswer(early);
  const { model, firstRead } = createIssueModel(
    database,
    {
      ...(initialNumber !== undefined ? { initialNumber } : {}),
      onShow: (number) => history.replaceState(null, '', `#/issue/${number}`),
      // Loaded on the reader's click, not before the page is ready (tests/e2e/budgets.e2e.ts, issue #8).
      copyText: async (text) => (await import('@/lib/browser/export')).copyText(text),
      downloadText: (fileName, text) => void import('@/lib/browser/export').then((exporter) => exporter.downloadText(fileName, text)),
    },
    early,
  );
  closeAfter(database, [firstRead]);
  // The theme and calm mode as the settings have them now, and on each change, also when they arrive by sync from
  // another browser while only new tabs are open: this page then writes the mirror /look.js paints the next new tab's
  // first frame with (lib/shared/look.ts). After ready: the first frame already has the mirror's look.
  void pageReady
    .then(() => import('@/lib/models/look-follow'))
    .then((look) => look.followLook(), (error: unknown) => console.warn('The theme will follow the settings from the next new tab:', error));
  render(<NewTabPage model={model} />, document.getElementById('app')!);
});
