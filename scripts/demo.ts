/**
 * `npm run demo`: starts the Graph API simulator with the built-in demo data, builds the
 * extension against it, and opens Chromium with the extension loaded and connected.
 * `npm run demo -- --headless`: saves screenshots of the dashboard and popup instead.
 * `npm run demo -- --variants`: the variant world (records in every shape Meta's sources show).
 * `npm run demo -- --headless --store`: the store images in store/images/: screenshots at
 * 1280x800 of the main views in light and dark, and the 440x280 promo tile.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { startSimulator } from '../tests/simulator/server';
import { DEFAULT_APP_ID } from '../tests/simulator/state';
import { buildExtension } from '../tests/support/build-extension';
import { extensionIdOf, findChromium, launchWithExtension } from '../tests/support/launch-chromium';

const root = resolve(import.meta.dirname, '..');
const demoDir = resolve(root, '.demo');
const wantsHeadless = process.argv.includes('--headless');
const wantsStoreImages = process.argv.includes('--store');
const portFlag = process.argv.indexOf('--port');

const simulator = await startSimulator({
  port: portFlag >= 0 ? Number(process.argv[portFlag + 1]) : 0,
  world: { variants: process.argv.includes('--variants') },
});
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
if (headless && !wantsHeadless)
  console.log('No display found: running headless and saving screenshots (use xvfb-run or a desktop to see the browser).');

const profileDir = resolve(demoDir, 'profile');
rmSync(profileDir, { recursive: true, force: true });
const context = await launchWithExtension(extensionDir, profileDir, { headless });
const extensionId = await extensionIdOf(context);
const dashboard = await openConnectedDashboard(context, extensionId);

if (headless) {
  const shots = resolve(demoDir, 'screenshots');
  mkdirSync(shots, { recursive: true });
  await dashboard.screenshot({ path: resolve(shots, 'dashboard.png'), fullPage: true });
  for (const view of ['partnerships', 'content', 'bulk']) {
    await dashboard.goto(`chrome-extension://${extensionId}/options.html#${view}`);
    await dashboard.getByRole('combobox', { name: 'Brand account' }).waitFor();
    if (view === 'partnerships') await dashboard.getByRole('table', { name: 'Partnership permissions' }).waitFor();
    if (view === 'content') await dashboard.getByRole('table', { name: 'Partnership content' }).waitFor();
    await dashboard.screenshot({ path: resolve(shots, `${view}.png`) });
  }
  const popup = await context.newPage();
  // The popup as Chrome sizes it at most, with a creator looked up across the brands.
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await showCreatorAcrossBrands(popup);
  await popup.screenshot({ path: resolve(shots, 'popup.png') });
  console.log(`Screenshots saved in ${shots}: dashboard.png, partnerships.png, content.png, bulk.png, popup.png`);
  if (wantsStoreImages) await saveStoreImages(dashboard, popup);
  await context.close();
  await simulator.close();
} else {
  console.log('Chromium is open with Collab Desk connected to the demo data. Close the browser to stop the demo.');
  context.on('close', () => void simulator.close().then(() => process.exit(0)));
}

/** The stores' images: 1280x800 screenshots in light and dark, and the 440x280 promo tile. */
async function saveStoreImages(page: Page, popup: Page): Promise<void> {
  const images = resolve(root, 'store/images');
  mkdirSync(images, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  // Composed images (the popup on a backdrop, the promo tile) are drawn on a page of their own.
  const canvas = await page.context().newPage();
  await canvas.setViewportSize({ width: 1280, height: 800 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const view of ['partnerships', 'permissions', 'bulk']) {
      await page.goto(`chrome-extension://${extensionId}/options.html#${view}`);
      if (view === 'partnerships') await page.getByRole('table', { name: 'Partnership permissions' }).waitFor();
      if (view === 'permissions') await page.getByRole('table', { name: 'Page permissions' }).waitFor();
      if (view === 'bulk') {
        await page
          .getByRole('textbox', { name: 'Usernames' })
          .fill('maya.trails\n@leo_eats, ivy.studio\nhttps://www.instagram.com/kai.fit/\nnot a name');
      }
      await page.screenshot({ path: resolve(images, `${view}-${scheme}.png`) });
    }
    // The popup over a 1280x800 backdrop, as the store shows it.
    await popup.emulateMedia({ colorScheme: scheme });
    await showCreatorAcrossBrands(popup);
    const popupShot = await popup.screenshot();
    await canvas.setContent(
      `<body style="margin:0;width:1280px;height:800px;display:grid;place-items:center;background:${scheme === 'dark' ? '#0d1117' : '#eef2ff'}"><img src="data:image/png;base64,${popupShot.toString('base64')}" style="box-shadow:0 12px 40px rgba(0,0,0,.35);border-radius:8px"></body>`,
    );
    await canvas.screenshot({ path: resolve(images, `popup-${scheme}.png`) });
  }
  const icon = readFileSync(resolve(root, 'store/icon.svg'), 'utf8');
  await canvas.setViewportSize({ width: 440, height: 280 });
  await canvas.setContent(
    `<body style="margin:0;width:440px;height:280px;display:flex;align-items:center;gap:20px;padding:0 32px;box-sizing:border-box;font-family:system-ui,sans-serif;background:linear-gradient(135deg,#1e3a8a,#5b21b6);color:#fff">${icon.replace('width="128" height="128"', 'width="120" height="120" style="flex:none"')}<div><div style="font-size:34px;font-weight:700">Collab Desk</div><div style="font-size:17px;line-height:1.35;margin-top:8px">Creator permissions for partnership ads, for every brand you run.</div></div></body>`,
  );
  await canvas.screenshot({ path: resolve(images, 'promo-440x280.png') });
  console.log(`Store images saved in ${images}`);
}

/** maya.trails looked up: the status for the chosen brand first, then every brand's row. */
async function showCreatorAcrossBrands(popup: Page): Promise<void> {
  await popup.getByRole('textbox', { name: 'Creator username' }).fill('maya.trails');
  await popup.getByText('@maya.trails with @northwind.outdoor').waitFor();
  await popup
    .getByRole('table', { name: 'All brands' })
    .getByRole('row', { name: /^@lumen\.skincare/ })
    .waitFor();
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
