import { Component, type ComponentChildren } from 'preact';
import { Masthead } from './Masthead';
import { useReadyMarker } from './useReadyMarker';

/**
 * Error boundaries: no blank surface (issue #9). Everything a page draws comes from stored data that an
 * older version, a server or a bug may have shaped otherwise; before these, one throwing component
 * unmounted the whole page and left the reader a blank popup, side panel or new tab (finding 1).
 *
 * A boundary renders no element of its own: the new tab's first screen, painted by its early script
 * (components/issue/first-screen-dom.ts), is adopted by Preact element for element, and a wrapper here
 * would break that match. Preact calls `getDerivedStateFromError` and `componentDidCatch` of the nearest
 * class component above a component that throws while rendering (or in a lifecycle method or effect);
 * a class costs a few dozen bytes more than `useErrorBoundary`, and says what it is.
 *
 * The notices are the extension's own words: never the error's message, which may quote remote text
 * (issue #9, finding 6).
 */

interface GuardState {
  failed: boolean;
}

interface BoundaryProps {
  children?: ComponentChildren;
  /** A failed boundary tries again when this changes: another issue, another tab, a new list. */
  retryOn?: unknown;
}

abstract class Boundary<Props extends BoundaryProps> extends Component<Props, GuardState> {
  static override getDerivedStateFromError(): GuardState {
    return { failed: true };
  }

  override state: GuardState = { failed: false };

  override componentDidCatch(error: unknown): void {
    // For whoever opens the console; the reader gets the notice.
    console.error(`The AI Morning Post: ${this.what()} could not be drawn.`, error);
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.failed && previous.retryOn !== this.props.retryOn) this.setState({ failed: false });
  }

  protected abstract what(): string;
  protected abstract fallback(): ComponentChildren;

  override render(): ComponentChildren {
    return this.state.failed ? this.fallback() : this.props.children;
  }
}

export interface SectionGuardProps extends BoundaryProps {
  /** The section as the reader knows it, capitalised: "The movers", "The models list". */
  name: string;
  /** Drawn above the notice in the section's place, e.g. a plain masthead for a masthead that failed. */
  standIn?: ComponentChildren;
}

/** A section that throws is replaced by a short notice; the rest of the page stays. */
export class SectionGuard extends Boundary<SectionGuardProps> {
  protected what(): string {
    return this.props.name;
  }

  protected fallback(): ComponentChildren {
    return (
      <>
        {this.props.standIn}
        <p class="section-error" role="status" data-failed-section={this.props.name}>
          {this.props.name} could not be shown: the extension hit an error drawing it. The rest of the page is unaffected.
        </p>
      </>
    );
  }
}

/** Which page a PageGuard stands in for, and so which frame its notice is drawn in. */
export type PageKind = 'paper' | 'popup' | 'panel' | 'options';

export interface PageGuardProps extends BoundaryProps {
  page: PageKind;
  /** The page's clock, for the new tab's masthead dateline (the compact mastheads and the options have none). */
  now?: () => number;
}

/** A page that throws outside any section shows the masthead and a notice: never a blank page. */
export class PageGuard extends Boundary<PageGuardProps> {
  protected what(): string {
    return `the ${this.props.page} page`;
  }

  protected fallback(): ComponentChildren {
    return <PageFailed page={this.props.page} now={this.props.now} />;
  }
}

function PageFailed({ page, now }: { page: PageKind; now: (() => number) | undefined }) {
  // Drawn, even if only this: tests, screenshots and the page's deferred work wait on the ready mark.
  useReadyMarker(true);
  const notice = (
    <p class="page-error" role="alert">
      The AI Morning Post could not draw this page: the extension hit an error. The lists it keeps in this browser are not affected; opening the page again
      tries again.
    </p>
  );
  if (page === 'options') {
    return (
      <main class="options">
        <h1 class="options__title">The AI Morning Post — options</h1>
        {notice}
      </main>
    );
  }
  if (page === 'paper') {
    return (
      <div class="paper">
        <main class="paper__body">
          {/* Without a clock, the dateline is left blank (lib/shared/format.ts: NaN is no time). */}
          <Masthead now={now ? now() : Number.NaN} />
          {notice}
        </main>
      </div>
    );
  }
  return (
    <div class={`compact compact--${page}`}>
      <Masthead now={Number.NaN} compact />
      {notice}
    </div>
  );
}
