import { render } from 'preact';
import { NewTabPage } from '@/components/pages/NewTabPage';
import { createModelsModel } from '@/lib/models/pages';
import '@/components/styles/base.css';
import '@/components/styles/paper.css';

render(<NewTabPage models={createModelsModel()} />, document.getElementById('app')!);
