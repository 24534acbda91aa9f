import { render } from 'preact';
import { PopupPage } from '@/components/pages/PopupPage';
import { pageReady } from '@/components/useReadyMarker';
import { openPaperTab } from '@/lib/browser/tabs';
import { closeAfter, createIssueModel, pageDatabase } from '@/lib/models/page-database';
import { createSourcesModel } from '@/lib/models/pages';
// The popup shows only Hugging Face's models: it need not load the GitHub AI/ML rule.
import { visibleHuggingFaceRows } from '@/lib/shared/hf-filters';
import '@/components/styles/base.css';
import '@/components/styles/compact.css';

// First thing: the plain IndexedDB reads the popup paints from (Dexie loads after the page is ready).
const database = pageDatabase(pageReady);
const paper = createIssueModel(database);
const models = createSourcesModel(database, visibleHuggingFaceRows, ['hf-models']);
closeAfter(database, [paper.firstRead, models.firstRead]);
render(<PopupPage paper={paper.model} model={models.model} openPaper={() => void openPaperTab()} />, document.getElementById('app')!);
