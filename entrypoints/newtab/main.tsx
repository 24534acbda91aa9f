import { render } from 'preact';
import { NewTabPage } from '@/components/pages/NewTabPage';
import { createSourcesModel } from '@/lib/models/pages';
import '@/components/styles/base.css';
import '@/components/styles/paper.css';

render(<NewTabPage model={createSourcesModel(['hf-models'])} />, document.getElementById('app')!);
