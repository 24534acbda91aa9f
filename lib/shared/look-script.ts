/**
 * The script each page's `<head>` runs before its first paint, as the classic
 * script /look.js (issue #10: "no flash of the wrong theme on the new tab").
 * It copies the look's mirror in `localStorage` onto `<html>`'s data
 * attributes (lib/shared/look.ts says why every key), and again when another
 * page changes the mirror (the `storage` event).
 *
 * Written here, in TypeScript and type-checked, and emitted as /look.js from
 * this function's source by wxt.config.ts (`build:publicAssets`), not built as
 * a WXT unlisted script: WXT's wrapper alone is about 300 B of gzip, and the
 * file counts in the new tab's budget (tests/e2e/budgets.e2e.ts). So it must
 * stay one function that reaches nothing outside itself but the page's
 * globals: no import, no helper.
 */
export function copyLookOntoRoot(): void {
  (onstorage = () => Object.assign(document.documentElement.dataset, localStorage))();
}

/** /look.js: the function above, called, on one line. */
export function lookScriptSource(): string {
  return `(${copyLookOntoRoot.toString().replace(/\s*\n\s*/g, '')})();\n`;
}
