import { render } from 'preact';
import { installVisibleText } from '@/components/visible-text';
import { PopupPage } from '@/components/pages/PopupPage';
import { pageReady } from '@/components/useReadyMarker';
import { openPaperTab } from '@/lib/browser/tabs';
import { earlyReadsStarted, takeEarlyReads } from '@/lib/models/early-read';
import { closeAfter, createIssueModel, pageDatabase } from '@/lib/models/page-database';
import { createSourcesModel } from '@/lib/models/pages';
// The popup shows only Hugging Face's models: it need not load the GitHub AI/ML rule.
import { visibleHuggingFaceRows } from '@/lib/shared/hf-filters';
import '@/components/styles/pages/popup.css';

// Before anything renders: no invisible character reaches the screen, whatever was stored (issue #9).
installVisibleText();

// The reads the popup paints from, started by its early script (entrypoints/first-read.ts) while this module loaded;
// Dexie loads after the page is ready.
// (Waited for, should this module have run first: lib/models/early-read.ts `earlyReadsStarted`.)
const database = pageDatabase(pageReady);
void earlyReadsStarted().then(() => {
  const early = takeEarlyReads();
  const paper = createIssueModel(database, {}, early);
  const models = createSourcesModel(database, visibleHuggingFaceRows, ['hf-models'], early);
  closeAfter(database, [paper.firstRead, models.firstRead]);
  render(<PopupPage paper={paper.model} model={models.model} openPaper={() => void openPaperTab()} />, document.getElementById('app')!);
});
