// Renders assets/icon.svg to the PNG sizes WXT picks up from assets/public/icon/
// (16/32/48/128). Chromium rasterises the vector at each target size, so small
// icons are drawn natively rather than downscaled (which would blur them).
// Usage: npx tsx scripts/render-icons.ts
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'assets/public/icon');
const sizes = [16, 32, 48, 128] as const;

const svg = await readFile(join(root, 'assets/icon.svg'), 'utf8');
await mkdir(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
try {
  // deviceScaleFactor 1: one CSS pixel is one PNG pixel, so the file is exactly `size` px.
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  for (const size of sizes) {
    // CSS sizes the inline SVG to the target; the viewBox scales the drawing with it.
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    // omitBackground keeps the rounded corners transparent instead of white.
    const png = await page.locator('svg').first().screenshot({ omitBackground: true });
    const file = join(outDir, `${size}.png`);
    await writeFile(file, png);
    console.log(`wrote ${file} (${png.length} bytes)`);
  }
} finally {
  await browser.close();
}
