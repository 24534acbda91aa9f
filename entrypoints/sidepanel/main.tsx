import { render } from 'preact';
import { SidePanelPage } from '@/components/pages/SidePanelPage';
import { createSourcesModel } from '@/lib/models/pages';
import '@/components/styles/base.css';
import '@/components/styles/compact.css';

render(<SidePanelPage model={createSourcesModel()} />, document.getElementById('app')!);
