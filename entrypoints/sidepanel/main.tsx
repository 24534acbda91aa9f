import { render } from 'preact';
import { SidePanelPage } from '@/components/pages/SidePanelPage';
import { createSourcesModel } from '@/lib/models/pages';
import '@/components/styles/base.css';
import '@/components/styles/compact.css';

// The filters carry the GitHub AI/ML rule: loaded beside the first paint, not before it.
const filters = import('@/lib/shared/filters').then((module) => module.visibleRows);

render(<SidePanelPage model={createSourcesModel(filters)} />, document.getElementById('app')!);
