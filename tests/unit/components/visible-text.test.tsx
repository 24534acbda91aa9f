// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, waitFor as waitForDefault } from '@testing-library/preact';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { NewTabPage } from '@/components/pages/NewTabPage';
import { installVisibleText } from '@/components/visible-text';
import { isPaintable } from '@/components/issue/first-screen-dom';
import { publishIfDue } from '@/lib/background/publish';
import { firstScreenOf, packIssue } from '@/lib/history/issue-codec';
import { recordSuccess } from '@/lib/history/write';
import { IssueModel } from '@/lib/models/issue';
import { DEFAULT_SETTINGS } from '@/lib/shared/settings';
import { stripInvisible } from '@/lib/shared/invisible';
import type { ParsedList } from '@/lib/sources/contract';
import { testDb } from '../../support/db';

/**
 * Text stored by a version before issue #9 was never cleaned: the pages take
 * invisible characters out as they render (components/visible-text.ts). The
 * oracle is a hand-written list of the characters, not lib/shared/invisible.ts.
 */
// eslint-disable-next-line no-control-regex -- NUL and the other controls are among what must not show
const HIDDEN = /[\u202A-\u202E\u2066-\u2069\u200B-\u200F\u2060\uFEFF\u061C\u00AD\u0000-\u0008]/u;
const NOW = new Date(2026, 10, 27, 9, 0).getTime();
const waitFor = <T,>(check: () => T) => waitForDefault(check, { timeout: 10_000 });

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.ready;
  delete document.documentElement.dataset.firstScreen;
  delete document.documentElement.dataset.complete;
});

/** A list as an older version stored it: the server's text as sent. */
const uncleaned: ParsedList = {
  dropped: 0,
  items: Array.from({ length: 8 }, (_, index) => ({
    id: `org/model-${index}`,
    name: `org/model-${index}`,
    url: `https://huggingface.co/org/model-${index}`,
    task: `text\u200Bgeneration\u202E${index}`,
    library: 'trans\u2066formers\u2069',
    tags: ['gguf\u200D', `\uFEFFtag-${index}`],
    metrics: { likes: 1000 - index * 10, downloads: 50_000 - index, trendingScore: 900 - index },
  })),
};

/** Every text node and attribute value of `root` that holds a hidden character. */
function hiddenIn(root: Element): string[] {
  const found: string[] = [];
  for (const element of [root, ...root.querySelectorAll('*')]) {
    for (const attribute of element.attributes) if (HIDDEN.test(attribute.value)) found.push(`${element.tagName}[${attribute.name}]`);
  }
  // Every text node, by a walk of its own (happy-dom's TreeWalker does not yield them all).
  const visit = (node: Node) => {
    if (node.nodeType === 3 && HIDDEN.test(node.nodeValue ?? '')) found.push(JSON.stringify(node.nodeValue));
    node.childNodes.forEach(visit);
  };
  visit(root);
  return found;
}

async function mountNewTab() {
  const db = testDb();
  await recordSuccess(db, 'hf-models', uncleaned, NOW - 3_600_000, NOW);
  await publishIfDue(db, NOW, DEFAULT_SETTINGS);
  const model = new IssueModel({ live: { open: async () => db }, markRead: vi.fn(async () => undefined), copyText: vi.fn(async () => undefined), onShow: vi.fn(), now: () => NOW });
  onTestFinished(() => model[Symbol.dispose]());
  const { container } = render(<NewTabPage model={model} />);
  await waitFor(() => expect(document.documentElement.dataset.complete).toBe('true'));
  return { db, container };
}

describe('no invisible character reaches the screen from text stored before it was cleaned (issue #9)', () => {
  it('without the render gate, the stored text brings them to the new tab (the control)', async () => {
    const { container } = await mountNewTab();
    expect(hiddenIn(container).length).toBeGreaterThan(0);
  });

  it('with it, the new tab shows none, and the words are there without them', async () => {
    onTestFinished(installVisibleText());
    const { container } = await mountNewTab();
    expect(hiddenIn(container)).toEqual([]);
    expect(container.textContent).toContain('textgeneration');
    console.info(`visible text: new tab over uncleaned history, ${container.querySelectorAll('*').length} elements, 0 hidden characters`);
  });

  it("the early script leaves a first screen with such characters to the page's render, and paints a clean one", async () => {
    const db = testDb();
    await recordSuccess(db, 'hf-models', uncleaned, NOW - 3_600_000, NOW);
    const issue = (await publishIfDue(db, NOW, DEFAULT_SETTINGS))!;
    const frontWith = async (headline: string) => firstScreenOf(await packIssue({ ...issue, lead: { ...issue.lead, headline } }));
    expect(isPaintable(await frontWith('Qwen leads the models'))).toBe(true);
    expect(isPaintable(await frontWith('深度学习 🤖 leads'))).toBe(true);
    for (const hidden of ['\u202E', '\u2066', '\u200B', '\u200D', '\uFEFF', '\u00AD', '\u0000', '\u0007', '\uD800', '\u3164', '\uE000']) {
      expect(isPaintable(await frontWith(`Qwen${hidden} leads`)), JSON.stringify(hidden)).toBe(false);
    }
  });

  it.each([
    ['plain ASCII is returned as it is', 'org/model-1 text-generation', 'org/model-1 text-generation'],
    ['a right-to-left override', 'evil\u202Egnp.exe', 'evilgnp.exe'],
    ['isolates and marks', '\u2066a\u2069 \u200Fb\u200E \u061Cc', 'a b c'],
    ['zero-width characters and a BOM', 'z\u200Bw\u200Cj\u200Dn\uFEFF\u2060', 'zwjn'],
    ['a NUL and a bell', 'n\u0000b\u0007', 'nb'],
    ['CJK and an emoji stay', '深度学习 🤖', '深度学习 🤖'],
    ['a line break stays (the page lays out white space)', 'a\nb', 'a\nb'],
  ])('stripInvisible: %s', (_, input, expected) => {
    expect(stripInvisible(input)).toBe(expected);
  });
});
