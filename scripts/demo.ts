/**
 * `npm run demo`: starts the Graph API simulator with the built-in demo data, builds the
 * extension against it, and opens Chromium with the extension loaded and connected.
 * `npm run demo -- --headless`: saves screenshots of the dashboard and popup instead.
 * `npm run demo -- --variants`: the variant world (records in every shape Meta's sources show).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { startSimulator } from '../tests/simulator/server';
import { DEFAULT_APP_ID } from '../tests/simulator/state';
import { buildExtension } from '../tests/support/build-extension';
import { extensionIdOf, findChromium, launchWithExtension } from '../tests/support/launch-chromium';

const root = resolve(import.meta.dirname, '..');
const demoDir = resolve(root, '.demo');
const wantsHeadless = process.argv.includes('--headless');
const portFlag = process.argv.indexOf('--port');

const simulator = await startSimulator({ port: portFlag >= 0 ? Number(process.argv[portFlag + 1]) : 0, world: { variants: process.argv.includes('--variants') } });
console.log(`Graph API simulator with demo data: ${simulator.url}`);
console.log('Building Collab Desk against it…');
const extensionDir = buildExtension({ graphOrigin: simulator.url, outDir: '.demo/build', metaAppId: DEFAULT_APP_ID });
console.log(`Built extension: ${extensionDir}`);

const chromium = findChromium();
if (!chromium) {
  console.log(`
No Chromium found (Google Chrome ignores --load-extension since version 137).
Install Chromium or set CHROMIUM_PATH, or load the extension by hand:
  1. Open chrome://extensions and turn on Developer mode.
  2. Click "Load unpacked" and choose ${extensionDir}
  3. Open the dashboard and click "Connect with Facebook" (the simulator logs you in as Dana Reyes).
The simulator keeps running until you press Ctrl+C.`);
  await new Promise(() => {});
}

const headless = wantsHeadless || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
if (headless && !wantsHeadless) console.log('No display found: running headless and saving screenshots (use xvfb-run or a desktop to see the browser).');

const profileDir = resolve(demoDir, 'profile');
rmSync(profileDir, { recursive: true, force: true });
const context = await launchWithExtension(extensionDir, profileDir, { headless });
const extensionId = await extensionIdOf(context);
const dashboard = await openConnectedDashboard(context, extensionId);

if (headless) {
  const shots = resolve(demoDir, 'screenshots');
  mkdirSync(shots, { recursive: true });
  await dashboard.screenshot({ path: resolve(shots, 'dashboard.png'), fullPage: true });
  for (const view of ['partnerships', 'bulk']) {
    await dashboard.goto(`chrome-extension://${extensionId}/options.html#${view}`);
    await dashboard.getByRole('combobox', { name: 'Brand account' }).waitFor();
    if (view === 'partnerships') await dashboard.getByRole('table', { name: 'Partnership permissions' }).waitFor();
    await dashboard.screenshot({ path: resolve(shots, `${view}.png`) });
  }
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 420 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByText('Connected as').waitFor();
  await popup.screenshot({ path: resolve(shots, 'popup.png') });
  console.log(`Screenshots saved in ${shots}: dashboard.png, partnerships.png, bulk.png, popup.png`);
  await context.close();
  await simulator.close();
} else {
  console.log('Chromium is open with Collab Desk connected to the demo data. Close the browser to stop the demo.');
  context.on('close', () => void simulator.close().then(() => process.exit(0)));
}

async function openConnectedDashboard(browserContext: BrowserContext, id: string): Promise<Page> {
  const welcome = browserContext.pages().find((page) => page.url().includes('options.html'));
  const page = welcome ?? (await browserContext.newPage());
  if (!welcome) await page.goto(`chrome-extension://${id}/options.html`);
  for (const other of browserContext.pages()) if (other !== page && other.url() === 'about:blank') await other.close();
  await page.getByRole('button', { name: 'Connect with Facebook' }).click();
  await page.getByText('Connected as').waitFor();
  return page;
}
