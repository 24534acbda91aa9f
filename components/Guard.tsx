import { Component, type ComponentChildren } from 'preact';
import { useReadyMarker } from './useReadyMarker';

/**
 * Error boundaries: no blank surface (issue #9). Everything a page draws comes from stored data that an
 * older version, a server or a bug may have shaped otherwise; before these, one throwing component
 * unmounted the whole page and left the reader a blank popup, side panel or new tab (finding 1).
 *
 * A boundary renders no element of its own: the new tab's first screen, painted by its early script
 * (components/issue/first-screen-dom.ts), is adopted by Preact element for element, and a wrapper here
 * would break that match. Preact calls `getDerivedStateFromError` and `componentDidCatch` of the nearest
 * class component above a component that throws while rendering (or in a lifecycle method or effect).
 * One small class serves sections and pages: every byte here is on each page's way to ready (issue #8).
 *
 * The notices are the extension's own words: never the error's message, which may quote remote text
 * (issue #9, finding 6).
 */
export interface GuardProps {
  /** What is guarded, as the reader knows it, capitalised: "The movers", "The list of Hugging Face models". */
  name: string;
  children?: ComponentChildren;
  /** Drawn in place of what failed. Default: a short notice naming it (a section). */
  fallback?: ComponentChildren;
  /** A failed boundary tries again when this changes: another issue, another tab, a new list. */
  retryOn?: unknown;
}

export class Guard extends Component<GuardProps, { failed?: boolean }> {
  static override getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    // For whoever opens the console; the reader gets the notice.
    console.error(`${this.props.name} failed:`, error);
  }

  override componentDidUpdate(previous: GuardProps): void {
    if (this.state.failed && previous.retryOn !== this.props.retryOn) this.setState({ failed: false });
  }

  override render({ name, children, fallback }: GuardProps) {
    return this.state.failed ? (fallback ?? sectionNotice(name)) : children;
  }
}

/** What a section that failed says in its place. */
export function sectionNotice(name: string) {
  return (
    <p class="section-error" role="status" data-failed-section={name}>
      {name} could not be shown: the extension hit an error drawing it. The rest of the page is unaffected.
    </p>
  );
}

/**
 * What a page draws when it failed outside any section (a page's `Guard` fallback, inside the page's own
 * frame and masthead): a notice, and the ready mark all the same — tests, screenshots and the page's
 * deferred loading wait on it.
 */
export function PageFailed() {
  useReadyMarker(true);
  return (
    <p class="page-error" role="alert">
      The AI Morning Post could not draw this page: the extension hit an error. Its copy of the lists is not affected; opening the page again tries again.
    </p>
  );
}
