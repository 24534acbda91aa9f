import { browser } from 'wxt/browser';

/** Opens a new tab, which the extension fills with the paper. Needs no `tabs` permission. */
export function openPaperTab(): void {
  void browser.tabs.create({});
}
