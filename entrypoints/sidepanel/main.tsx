import { render } from 'preact';
import { SidePanelPage } from '@/components/pages/SidePanelPage';
import { pageReady } from '@/components/useReadyMarker';
import { closeAfter, pageDatabase } from '@/lib/models/page-database';
import { createSourcesModel } from '@/lib/models/pages';
import '@/components/styles/base.css';
import '@/components/styles/compact.css';

// First thing: the plain IndexedDB read the lists paint from (Dexie loads after the page is ready).
const database = pageDatabase(pageReady);
// The filters carry the GitHub AI/ML rule: loaded beside the first read, not before it.
const filters = import('@/lib/shared/filters').then((module) => module.visibleRows);
const sources = createSourcesModel(database, filters);
closeAfter(database, [sources.firstRead]);
render(<SidePanelPage model={sources.model} />, document.getElementById('app')!);
