import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
  await page.screenshot({ path: '/tmp/firefox-failure.png' }).catch(() => undefined);
  throw new Error(`"${text}" did not appear; the page shows: ${(await textOf(page)).replace(/\s+/g, ' ').slice(0, 800)}`);
}

describe.runIf(existsSync(FIREFOX))('the Firefox build in Firefox ESR', () => {
  beforeAll(async () => {
    sim = await startSimulator();
    const extensionDir = buildExtension({
      graphOrigin: sim.url,
      outDir: '.output/firefox-e2e',
      metaAppId: DEFAULT_APP_ID,
      browser: 'firefox',
      // The status on instagram.com is tested without the browser's permission prompt, which no test can answer.
      instagramAccess: 'granted',
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

  it('lists the partnership content of @northwind.outdoor, 60 posts over three pages with Load more', async () => {
    const page = await dashboard();
    await page.evaluate(() => (document.querySelector('a[href="#content"]') as HTMLAnchorElement | null)?.click());
    await waitForText(page, 'Partnership content');
    await waitForText(page, '25 posts shown');
    const loadMore = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('button')]
          .find((button) => button.textContent?.trim() === 'Load more')
          ?.dispatchEvent(new MouseEvent('click', { bubbles: true })),
      );
    await loadMore();
    await waitForText(page, '50 posts shown');
    await loadMore();
    await waitForText(page, '60 posts shown');
    expect(await page.evaluate(() => document.querySelectorAll('table tbody tr').length)).toBe(60);
    const pages = sim.state.log.filter((entry) => entry.path.endsWith('partnership-ads-advertisable-content') && entry.status === 200);
    expect(pages.map((entry) => entry.query.after === undefined)).toEqual([true, false, false]);
  });

  it('asks each creator once through 5xx after Meta applied them, lost answers and a network gone for a while', async () => {
    const page = await dashboard();
    await page.evaluate(() => (document.querySelector('a[href="#bulk"]') as HTMLAnchorElement | null)?.click());
    await waitForText(page, 'Usernames');
    const names = Array.from({ length: 200 }, (_, index) => `firefox.once${index}`);
    await page.evaluate((text) => {
      const box = [...document.querySelectorAll('textarea')].find((area) => area.labels?.[0]?.textContent?.includes('Usernames'))!;
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, names.join('\n'));
    const click = (label: string) =>
      page.evaluate(
        // A button of the open dialog first: closed dialogs keep theirs in the page.
        (name) =>
          [...document.querySelectorAll('dialog[open] button'), ...document.querySelectorAll('button')]
            .find((button) => button.textContent?.trim().startsWith(name))
            ?.dispatchEvent(new MouseEvent('click', { bubbles: true })),
        label,
      );
    await waitForText(page, '200');
    await click('Send requests');
    await waitForText(page, 'Send 200 requests?');
    // Every answer lost after Meta acted, some 5xx after applying, then the network gone for a while.
    Object.assign(sim.state.controls, { latencyMs: 100, appliedFailureRate: 0.1, loseAnswers: true });
    await click('Confirm');
    for (let wait = 0; wait < 100 && sim.state.asks.size === 0; wait++) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    Object.assign(sim.state.controls, { loseAnswers: false, networkDown: true });
    await waitForText(page, 'Waiting for the network');
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    Object.assign(sim.state.controls, { networkDown: false, appliedFailureRate: 0 });
    await waitForText(page, 'Done.');
    const asks = [...sim.state.asks.values()].filter((ask) => ask.username.startsWith('firefox.once'));
    expect(asks.filter((ask) => ask.count > 1)).toEqual([]);
    expect(asks.map((ask) => ask.username).sort()).toEqual([...names].sort());
    await waitForText(page, 'Sent: 200');
  }, 90_000);

  it('the default build lists instagram.com only as an optional permission', () => {
    const dir = buildExtension({ graphOrigin: sim.url, outDir: '.output/firefox-optional', browser: 'firefox' });
    const manifest = JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8')) as Record<string, string[] | undefined>;
    expect(manifest.permissions).not.toContain('https://www.instagram.com/*');
    expect(manifest.permissions).toContain('scripting');
    expect(manifest.optional_permissions).toContain('https://www.instagram.com/*');
    expect(manifest.content_scripts).toBeUndefined();
  }, 60_000);

  it('shows the status on an instagram.com profile when turned on, following SPA navigation', async () => {
    const NORTHWIND = '17841400000000001';
    const byStatus = (status: string) => {
      const permission = sim.state.world.permissions.find((entry) => entry.brandIgId === NORTHWIND && entry.status === status)!;
      return sim.state.world.creators.find((creator) => creator.id === permission.creatorId)!.username;
    };
    const [approved, pending] = [byStatus('APPROVED'), byStatus('PENDING')];
    const page = await dashboard();
    await page.evaluate(() => (document.querySelector('a[href="#settings"]') as HTMLAnchorElement | null)?.click());
    await waitForText(page, 'Show status on instagram.com');
    await page.evaluate(() => (document.getElementById('instagram-status-enabled') as HTMLInputElement).click());
    for (let wait = 0; wait < 50; wait++) {
      if (await page.evaluate(() => (document.getElementById('instagram-status-enabled') as HTMLInputElement).checked)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    const fixture = readFileSync(resolve(import.meta.dirname, '../e2e/instagram-pages/profile.html'), 'utf8').replace('{{next}}', pending);
    const tab = await browser.newPage();
    await tab.setRequestInterception(true);
    tab.on('request', (request) => {
      if (request.url().startsWith('https://www.instagram.com/'))
        void request.respond({ status: 200, contentType: 'text/html', body: fixture });
      else void request.continue();
    });
    await tab.goto(`https://www.instagram.com/${approved}/`);
    const chipWords = () =>
      tab.evaluate(() => document.querySelector('collab-desk-chip')?.shadowRoot?.querySelector('button')?.textContent ?? '');
    const waitForChip = async (words: string) => {
      for (let wait = 0; wait < 75 && (await chipWords()) !== words; wait++) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await chipWords()).toBe(words);
    };
    // The dashboard is an extension page: it may read the toolbar button's title for the instagram.com tab.
    const tabTitle = () =>
      page.evaluate(async () => {
        type Api = {
          tabs: { query(filter: object): Promise<Array<{ id: number }>> };
          browserAction: { getTitle(details: object): Promise<string> };
        };
        const api = (globalThis as unknown as { browser: Api }).browser;
        const [found] = await api.tabs.query({ url: 'https://www.instagram.com/*' });
        return api.browserAction.getTitle({ tabId: found!.id });
      });

    await waitForChip(`Collab Desk: @${approved} - Approved for @northwind.outdoor`);
    expect(await tabTitle()).toBe(`Collab Desk: @${approved} - Approved for @northwind.outdoor`);
    await tab.evaluate(() => (document.querySelector('nav a') as HTMLAnchorElement).click());
    await waitForChip(`Collab Desk: @${pending} - Pending for @northwind.outdoor`);
    expect(await tabTitle()).toBe(`Collab Desk: @${pending} - Pending for @northwind.outdoor`);
    await tab.evaluate(() => (document.querySelectorAll('nav a')[1] as HTMLAnchorElement).click());
    await waitForChip('');
    expect(await tabTitle()).not.toContain('@');
  }, 90_000);
});
