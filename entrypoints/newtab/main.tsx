import { render } from 'preact';
import { NewTabPage } from '@/components/pages/NewTabPage';
import { copyText, downloadText } from '@/lib/browser/export';
import { markIssueRead } from '@/lib/browser/runtime';
import { MorningPostDB } from '@/lib/history/db';
import { IssueModel } from '@/lib/models/issue';
import '@/components/styles/base.css';
import '@/components/styles/paper.css';

// `#/issue/3` opens issue No. 3 of the archive; no hash, the latest.
const fromHash = /^#\/issue\/(\d+)$/.exec(location.hash)?.[1];
const model = new IssueModel({
  db: new MorningPostDB(),
  markRead: markIssueRead,
  ...(fromHash ? { initialNumber: Number(fromHash) } : {}),
  onShow: (number) => history.replaceState(null, '', `#/issue/${number}`),
  copyText,
  downloadText,
});
render(<NewTabPage model={model} />, document.getElementById('app')!);
