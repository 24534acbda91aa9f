import { options, type VNode } from 'preact';
import { stripInvisible } from '@/lib/shared/invisible';

/**
 * The last gate before the screen for remote text (issue #9, finding 5: no
 * bidirectional or zero-width character reaches the screen). Text is cleaned
 * before it is stored (lib/sources/bound.ts), but a list, snapshot or issue
 * stored by an older version was not, and a new issue's movers are written
 * from that history. So every page runs this once, before its first render:
 * Preact's `options.vnode` hook (preactjs.com, "Option Hooks") sees every
 * text node and element the page renders, and the invisible characters are
 * taken out of text and of the attributes that show or speak text.
 *
 * The early script's first screen (components/issue/first-screen-dom.ts) is
 * plain DOM and strips its text itself.
 */
const SHOWN_ATTRIBUTES = ['title', 'aria-label', 'alt', 'placeholder', 'aria-description', 'aria-valuetext'] as const;

let installed = false;

/** Installs the gate once per page; the returned function takes it out again (for tests). */
export function installVisibleText(): () => void {
  if (installed) return () => undefined;
  installed = true;
  const next = options.vnode;
  options.vnode = (vnode: VNode) => {
    if (vnode.type === null && typeof vnode.props === 'string') {
      // A text node: its props are its text (preact/src/create-element.js, createVNode).
      (vnode as { props: unknown }).props = stripInvisible(vnode.props);
    } else if (typeof vnode.type === 'string' && vnode.props) {
      const props = vnode.props as Record<string, unknown>;
      for (const name of SHOWN_ATTRIBUTES) {
        const value = props[name];
        if (typeof value === 'string') props[name] = stripInvisible(value);
      }
    }
    next?.(vnode);
  };
  return () => {
    options.vnode = next;
    installed = false;
  };
}
