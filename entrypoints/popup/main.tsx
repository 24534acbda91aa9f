import { render } from 'preact';
import { PopupPage } from '@/components/pages/PopupPage';
import { markIssueRead } from '@/lib/browser/runtime';
import { openPaperTab } from '@/lib/browser/tabs';
import { MorningPostDB } from '@/lib/history/db';
import { IssueModel } from '@/lib/models/issue';
import { createSourcesModel } from '@/lib/models/pages';
// The popup shows only Hugging Face's models: it need not load the GitHub AI/ML rule.
import { visibleHuggingFaceRows } from '@/lib/shared/hf-filters';
import '@/components/styles/base.css';
import '@/components/styles/compact.css';

const paper = new IssueModel({ db: new MorningPostDB(), markRead: markIssueRead });
render(<PopupPage paper={paper} model={createSourcesModel(visibleHuggingFaceRows, ['hf-models'])} openPaper={() => void openPaperTab()} />, document.getElementById('app')!);
