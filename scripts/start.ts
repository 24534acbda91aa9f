/**
 * `npm start`: build, then open Chromium with the extension loaded and a new
 * tab showing the paper, on the real network. On a machine without a display
 * (or in CI) it runs `npm run preview` instead: headless, recorded data,
 * screenshots.
 */
import { spawnSync } from 'node:child_process';
import { launchExtension } from '../tests/support/browser';

const hasDisplay =
  process.platform === 'darwin' || process.platform === 'win32' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

if (!hasDisplay || process.env.CI) {
  console.log('No display here: rendering the extension headless with recorded data instead (npm run preview).');
  const preview = spawnSync('npx', ['tsx', 'scripts/preview.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(preview.status ?? 1);
}

const session = await launchExtension({ headless: false });
const page = await session.context.newPage();
await page.goto('chrome://newtab/');
console.log(`Chromium is open with the extension (${session.extensionId}). Close the window to stop.`);
await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
