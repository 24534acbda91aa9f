import { render } from 'preact';
import { PopupPage } from '@/components/pages/PopupPage';
import { openPaperTab } from '@/lib/browser/tabs';
import { createSourcesModel } from '@/lib/models/pages';
import '@/components/styles/base.css';
import '@/components/styles/compact.css';

render(<PopupPage model={createSourcesModel(['hf-models'])} openPaper={() => void openPaperTab()} />, document.getElementById('app')!);
