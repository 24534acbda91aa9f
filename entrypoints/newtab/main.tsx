import { render } from 'preact';
import { NewTabPage } from '@/components/pages/NewTabPage';
import { pageReady } from '@/components/useReadyMarker';
import { copyText, downloadText } from '@/lib/browser/export';
import { closeAfter, createIssueModel, pageDatabase } from '@/lib/models/page-database';
import '@/components/styles/base.css';
import '@/components/styles/paper.css';

// First thing: the plain IndexedDB read the first screen paints from (Dexie loads after the page is ready).
const database = pageDatabase(pageReady);
// `#/issue/3` opens issue No. 3 of the archive; no hash, the latest.
const fromHash = /^#\/issue\/(\d+)$/.exec(location.hash)?.[1];
const { model, firstRead } = createIssueModel(database, {
  ...(fromHash ? { initialNumber: Number(fromHash) } : {}),
  onShow: (number) => history.replaceState(null, '', `#/issue/${number}`),
  copyText,
  downloadText,
});
closeAfter(database, [firstRead]);
render(<NewTabPage model={model} />, document.getElementById('app')!);
