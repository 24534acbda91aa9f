/** Opens a new tab, which the extension fills with the paper. Needs no `tabs` permission. */
export async function openPaperTab(): Promise<void> {
  const { browser } = await import('wxt/browser');
  await browser.tabs.create({});
}
