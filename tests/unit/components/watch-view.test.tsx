// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { IssueView } from '@/components/issue/IssueView';
import type { WatchStory } from '@/lib/shared/issue-types';
import { handIssue } from '../../support/hand-issue';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror=alert(1)>';

const WATCH: WatchStory = {
  kicker: 'Your Watchlist',
  headline: `Orbit-1B${HOSTILE} enters Hugging Face's trending models at No. 3`,
  paragraphs: [`india/Orbit-1B${HOSTILE} is new on Hugging Face's trending models since yesterday, at No. 3, with 80 likes.`],
  claims: [],
  items: [{ sourceId: 'hf-models', itemId: 'india/Orbit-1B', name: `india/Orbit-1B${HOSTILE}`, url: 'https://huggingface.co/india/Orbit-1B' }],
};

describe('IssueView: the watch piece', () => {
  it('renders the piece after the lead, before the analysis, as text', () => {
    const { container } = render(<IssueView issue={handIssue({ watch: WATCH })} />);
    const piece = container.querySelector('.story--watch')!;
    expect(piece.querySelector('.story__kicker')?.textContent).toBe('Your Watchlist');
    expect(piece.querySelector('h2')?.textContent).toBe(WATCH.headline);
    expect([...piece.querySelectorAll('.story__body p')].map((p) => p.textContent)).toEqual(WATCH.paragraphs);
    // Remote text stays text.
    expect(container.querySelector('img')).toBeNull();
    const order = [...container.querySelectorAll('.story--lead, .story--watch, [data-section="analysis"]')].map((element) => element.className.split(' ').at(-1));
    expect(order).toEqual(['story--lead', 'story--watch', 'issue-section--analysis']);
  });

  it('renders nothing of it when the issue has none (every issue before watching, and most after)', () => {
    const { container } = render(<IssueView issue={handIssue()} />);
    expect(container.querySelector('.story--watch')).toBeNull();
  });

  it("links the item's name where its paragraph first says it, to the URL from the validated id; a URL that fails the allowlist stays text", () => {
    const { container } = render(<IssueView issue={handIssue({ watch: WATCH })} />);
    const links = [...container.querySelectorAll('.story--watch .story__body a')];
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([[`india/Orbit-1B${HOSTILE}`, 'https://huggingface.co/india/Orbit-1B']]);
    expect(container.querySelector('.story--watch .story__body p')!.textContent).toBe(WATCH.paragraphs[0]);
    cleanup();
    const forged: WatchStory = { ...WATCH, items: [{ ...WATCH.items[0]!, url: 'https://huggingface.co/settings/tokens' }] };
    const again = render(<IssueView issue={handIssue({ watch: forged })} />).container;
    expect(again.querySelectorAll('.story--watch a')).toHaveLength(0);
    expect(again.querySelector('.story--watch .story__body p')!.textContent).toBe(WATCH.paragraphs[0]);
  });
});
