import type { FirstScreen } from '@/lib/history/issue-codec';
import type { SourceStatus } from '@/lib/shared/records';
import { isoTime, timeOfDay } from '@/lib/shared/format';
import { isFailing } from '@/lib/shared/health';

/**
 * The new tab's first screen — masthead, archive and export bar, the lead's
 * kicker, headline and standfirst — built with the plain DOM by the page's
 * early script (entrypoints/first-read.ts) the moment IndexedDB answers, so
 * that it is in the document before the browser's first frame rather than
 * after the page's modules have loaded (issue #8: the first screen as fast
 * as a blank page).
 *
 * It is the markup NewTabPage renders for a stored issue before the rest is
 * added, element for element: Preact's first render into `#app` finds these
 * elements there and adopts them (attributes and text are diffed, nothing is
 * replaced), then adds the rest below. tests/unit/components/first-screen-dom.test.tsx
 * compares the two for the same record. Remote text goes in as text only.
 */
export interface FirstScreenInput {
  front: FirstScreen;
  /** The newest published issue's number. */
  latestNumber: number;
  statuses: readonly SourceStatus[];
}

type Child = Node | string | null | false | undefined;

/** What a source's line in the masthead says when its stored time cannot be said (issue #9): the page's words too. */
export const SOURCE_TIME_UNKNOWN = 'time unknown';

/** An attribute whose value is undefined is left out, as Preact leaves it out. */
type Attributes = Record<string, string | undefined>;

function element(doc: Document, tag: string, attributes: Attributes, ...children: Child[]): HTMLElement {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) node.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === false || child === undefined) continue;
    node.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return node;
}

/** Characters that must not reach the screen, or may hide others: control, format, unassigned, private-use and default-ignorable code points. */
const HIDDEN = /[\p{C}\p{Default_Ignorable_Code_Point}]/u;

/**
 * Whether the early script may paint this first screen as it is: not when any
 * of its text holds a character that must not reach the screen (issue #9).
 * Text is cleaned before it is stored, but an issue composed from history an
 * older version stored may hold one; the page's render takes those out
 * (components/visible-text.ts), so such a first screen is left to it. This
 * test is smaller than the cleaning itself, which the early script then need
 * not carry (tests/e2e/budgets.e2e.ts).
 */
export function isPaintable(front: FirstScreen): boolean {
  let hidden = false;
  JSON.stringify(front, (_key, value: unknown) => {
    if (typeof value === 'string' && HIDDEN.test(value)) hidden = true;
    return value;
  });
  return !hidden;
}

/** `<div class="paper">` with the first screen in it, as NewTabPage renders it while the rest is decoded. */
export function buildFirstScreen(doc: Document, { front, latestNumber, statuses }: FirstScreenInput): HTMLElement {
  const e = (tag: string, attributes: Attributes, ...children: Child[]) => element(doc, tag, attributes, ...children);
  const { masthead, number, publishedAt, lead } = front;
  const latest = Math.max(latestNumber, number);

  // components/When.tsx, as plain DOM.
  const when = (at: number, now: number) => {
    const text = timeOfDay(at, now);
    return text === undefined ? SOURCE_TIME_UNKNOWN : e('time', { datetime: isoTime(at) }, text);
  };
  const sources =
    masthead.sources.length > 0
      ? e(
          'ul',
          { class: 'issue__sources', 'aria-label': 'Sources at publishing' },
          ...masthead.sources.map((source) =>
            e(
              'li',
              { class: source.failing ? 'issue__source issue__source--failing' : 'issue__source', 'data-source': source.sourceId },
              `${source.label} ·`,
              ' ',
              source.lastSuccessAt !== undefined ? when(source.lastSuccessAt, publishedAt) : 'no data yet',
              source.failing ? e('span', { class: 'issue__failing' }, ' ', e('span', { 'aria-hidden': 'true' }, '▲'), ' failing') : null,
            ),
          ),
        )
      : null;
  const header = e(
    'header',
    { class: 'masthead issue__masthead' },
    e('p', { class: 'issue__ear' }, e('time', { datetime: isoTime(publishedAt) }, masthead.dateline), e('span', { class: 'issue__number' }, `No.\u00a0${number}`)),
    e('h1', { class: 'masthead__title' }, masthead.name),
    e('p', { class: 'masthead__tagline' }, masthead.tagline),
    sources,
  );

  const hasOlder = number > 1;
  const hasNewer = number < latest;
  const disabled = (off: boolean): Record<string, string> => (off ? { disabled: '' } : {});
  const archive = e(
    'nav',
    { class: 'archive', 'aria-label': 'Archive' },
    e(
      'button',
      { type: 'button', class: 'issue-button archive__older', ...disabled(!hasOlder) },
      e('span', { 'aria-hidden': 'true' }, '← '),
      e('span', { class: 'visually-hidden' }, 'Previous issue: '),
      hasOlder ? `No.\u00a0${number - 1}` : 'Older',
    ),
    e('span', { class: 'archive__label', 'aria-live': 'polite' }, `Issue ${number} of ${latest}`),
    e(
      'button',
      { type: 'button', class: 'issue-button archive__newer', ...disabled(!hasNewer) },
      e('span', { class: 'visually-hidden' }, 'Next issue: '),
      hasNewer ? `No.\u00a0${number + 1}` : 'Newer',
      e('span', { 'aria-hidden': 'true' }, ' →'),
    ),
  );
  const exportBar = e(
    'div',
    { class: 'export', role: 'group', 'aria-label': 'Export this issue' },
    e('button', { type: 'button', class: 'issue-button' }, 'Copy as Markdown'),
    e('button', { type: 'button', class: 'issue-button' }, 'Download .md'),
    e('span', { class: 'export__status', role: 'status' }),
  );
  const failing = statuses.filter(isFailing);
  const notice =
    failing.length > 0 && number === latest
      ? e(
          'p',
          { class: 'paper__notice', role: 'status' },
          `Since this issue: ${failing.map((status) => status.lastError.message).join('; ')}. The side panel shows each source’s next try.`,
        )
      : null;

  const story = e(
    'article',
    { class: 'story story--lead' },
    lead.kicker ? e('p', { class: 'story__kicker' }, lead.kicker) : null,
    e('h2', { class: 'story__headline' }, lead.headline),
    lead.standfirst ? e('p', { class: 'story__standfirst' }, lead.standfirst) : null,
  );

  return e(
    'div',
    { class: 'paper' },
    e(
      'main',
      { class: 'paper__body', 'aria-busy': 'true' },
      e('div', { class: 'issue', 'data-issue': String(number) }, header, e('div', { class: 'issue__controls' }, archive, exportBar, notice), story),
    ),
  );
}
