import { render } from 'preact';
import { installVisibleText } from '@/components/visible-text';
import { SidePanelPage } from '@/components/pages/SidePanelPage';
import { pageReady } from '@/components/useReadyMarker';
import { earlyReadsStarted, takeEarlyReads } from '@/lib/models/early-read';
import { closeAfter, pageDatabase } from '@/lib/models/page-database';
import { createSourcesModel } from '@/lib/models/pages';
import { SidePanelSearch } from '@/lib/models/side-panel-search';
// Imported with the page rather than on demand: the lists wait for the filters before they are ready, and a
// dynamic import would be one more request after this module has run (issue #8).
import { visibleRows } from '@/lib/shared/filters';
import '@/components/styles/pages/sidepanel.css';

// Before anything renders: no invisible character reaches the screen, whatever was stored (issue #9).
installVisibleText();

// The reads the lists paint from, started by the early script (entrypoints/first-read.ts) while this module loaded;
// Dexie loads after the page is ready.
// (Waited for, should this module have run first: lib/models/early-read.ts `earlyReadsStarted`.)
const database = pageDatabase(pageReady);
void earlyReadsStarted().then(() => {
  const sources = createSourcesModel(database, visibleRows, undefined, takeEarlyReads());
  closeAfter(database, [sources.firstRead]);
  const search = new SidePanelSearch({ sources: sources.model.sources, live: database.live });
  render(<SidePanelPage model={sources.model} search={search} />, document.getElementById('app')!);
});
