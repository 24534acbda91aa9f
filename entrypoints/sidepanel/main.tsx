import { render } from 'preact';
import { SidePanelPage } from '@/components/pages/SidePanelPage';
import { createModelsModel } from '@/lib/models/pages';
import '@/components/styles/base.css';
import '@/components/styles/compact.css';

render(<SidePanelPage models={createModelsModel()} />, document.getElementById('app')!);
