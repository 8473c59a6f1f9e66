/**
 * `npm run icons`: renders store/icon.svg (the vector source) to public/icon/{16,32,48,96,128}.png
 * in Chromium, so every size comes from the one drawing. The small sizes drop the padding the
 * store wants around the 128 px icon, so they stay legible in the toolbar.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from '../tests/support/launch-chromium';

const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(resolve(root, 'store/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 96, 128]) {
  // The store's 128 px icon keeps its 16 px padding; toolbar sizes are cropped to the artwork.
  const viewBox = size === 128 ? '0 0 128 128' : '14 14 100 100';
  const drawing = svg.replace('viewBox="0 0 128 128" width="128" height="128"', `viewBox="${viewBox}" width="${size}" height="${size}"`);
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${drawing}</body></html>`);
  await page.locator('svg').screenshot({ path: resolve(root, `public/icon/${size}.png`), omitBackground: true });
}
await browser.close();
console.log('Icons written to public/icon/');
