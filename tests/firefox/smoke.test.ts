import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../simulator/server';
import { DEFAULT_APP_ID } from '../simulator/state';
import { buildExtension } from '../support/build-extension';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const FIREFOX_REDIRECT = 'https://4ed644d756e8a654e52d57b4fa4a13f48f4083d5.extensions.allizom.org/';

let sim: RunningSimulator;
let browser: Browser;

/** The dashboard Firefox opens on install (puppeteer cannot navigate to moz-extension:// itself). */
async function dashboard(): Promise<Page> {
  for (let attempt = 0; attempt < 50; attempt++) {
    for (const page of await browser.pages()) {
      if ((await page.evaluate(() => document.title).catch(() => '')) === 'Collab Desk') return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('The dashboard did not open on install');
}

async function textOf(page: Page): Promise<string> {
  return page.evaluate(() => document.body.textContent ?? '');
}

async function waitForText(page: Page, text: string): Promise<void> {
  for (let attempt = 0; attempt < 75; attempt++) {
    if ((await textOf(page)).includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`"${text}" did not appear; the page shows: ${(await textOf(page)).slice(0, 500)}`);
}

describe.runIf(existsSync(FIREFOX))('the Firefox build in Firefox ESR', () => {
  beforeAll(async () => {
    sim = await startSimulator();
    const extensionDir = buildExtension({
      graphOrigin: sim.url,
      outDir: '.output/firefox-e2e',
      metaAppId: DEFAULT_APP_ID,
      browser: 'firefox',
    });
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: mkdtempSync(join(tmpdir(), 'collab-desk-firefox-')),
    });
    await browser.installExtension(extensionDir);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await sim?.close();
  });

  it('opens the dashboard with the Firefox redirect URI to register', async () => {
    const page = await dashboard();
    await waitForText(page, 'Welcome to Collab Desk');
    await waitForText(page, FIREFOX_REDIRECT);
  });

  it('signs in through the login dialog and lists the Pages', async () => {
    const page = await dashboard();
    await page.evaluate(() =>
      [...document.querySelectorAll('button')].find((button) => button.textContent === 'Connect with Facebook')?.click(),
    );
    await waitForText(page, 'Connected as Dana Reyes');
    await waitForText(page, 'Harbor Coffee Co.');
    const dialog = sim.state.log.find((entry) => entry.path === 'dialog/oauth');
    expect(dialog?.query.redirect_uri).toBe(FIREFOX_REDIRECT);
    expect(sim.state.log.filter((entry) => entry.path === 'me/accounts' && entry.status === 200).length).toBeGreaterThan(0);
  });
});
