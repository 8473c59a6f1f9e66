import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SimulatorControl } from '../simulator/control';
import { translatorFor } from '@/utils/i18n/translate';
import { DEFAULT_APP_ID } from '../simulator/state';
import { buildExtension } from '../support/build-extension';
import { connect, expect, openDashboard, test } from './fixtures';

const NORTHWIND = '17841400000000001';
const FIXTURE = readFileSync(resolve(import.meta.dirname, 'instagram-pages/profile.html'), 'utf8');

/** Serves every https://www.instagram.com page from the fixture; its "Next profile" link goes to `next`. */
async function serveInstagram(context: BrowserContext, next: string): Promise<void> {
  await context.route('https://www.instagram.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: FIXTURE.replace('{{next}}', next) }),
  );
}

async function creatorWithStatus(sim: SimulatorControl, status: string): Promise<string> {
  const world = await sim.world();
  const permission = world.permissions.find((entry) => entry.brandIgId === NORTHWIND && entry.status === status)!;
  return world.creators.find((creator) => creator.id === permission.creatorId)!.username;
}

async function worker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

interface ChromeApi {
  chrome: {
    tabs: { query(filter: object): Promise<Array<{ id: number }>> };
    action: { getTitle(details: object): Promise<string>; getBadgeText(details: object): Promise<string> };
    scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string }>> };
  };
}

/** The toolbar button's title and badge for the (one) instagram.com tab, and the global ones, read in the service worker. */
async function toolbar(context: BrowserContext) {
  return (await worker(context)).evaluate(async () => {
    const { chrome } = globalThis as unknown as ChromeApi;
    const [tab] = await chrome.tabs.query({ url: 'https://www.instagram.com/*' });
    return {
      title: await chrome.action.getTitle({ tabId: tab!.id }),
      badge: await chrome.action.getBadgeText({ tabId: tab!.id }),
      globalTitle: await chrome.action.getTitle({}),
      globalBadge: await chrome.action.getBadgeText({}),
    };
  });
}

/** The extension's open popup and tabs, as Chrome lists them (runtime.getContexts). */
async function openViews(context: BrowserContext): Promise<string[]> {
  type Contexts = { chrome: { runtime: { getContexts(filter: object): Promise<Array<{ documentUrl?: string }>> } } };
  return (await worker(context)).evaluate(async () =>
    (await (globalThis as unknown as Contexts).chrome.runtime.getContexts({ contextTypes: ['POPUP'] })).map(
      (view) => view.documentUrl ?? '',
    ),
  );
}

async function registeredScripts(context: BrowserContext): Promise<string[]> {
  return (await worker(context)).evaluate(async () =>
    (await (globalThis as unknown as ChromeApi).chrome.scripting.getRegisteredContentScripts()).map((script) => script.id),
  );
}

async function turnOn(context: BrowserContext, extensionId: string): Promise<Page> {
  const dashboard = await openDashboard(context, extensionId);
  await connect(dashboard);
  const box = dashboard.getByRole('checkbox', { name: 'Show status on instagram.com' });
  await expect(box).not.toBeChecked();
  await box.check();
  await expect(box).toBeChecked();
  return dashboard;
}

const chip = (page: Page) => page.getByRole('button', { name: /^Collab Desk:/ });

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('collab-desk-chip').analyze();
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

test.describe('Show status on instagram.com', () => {
  test('a profile tab shows the chosen brand status on the button and in the chip, following SPA navigation', async ({
    context,
    extensionId,
    sim,
  }) => {
    const approved = await creatorWithStatus(sim, 'APPROVED');
    const pending = await creatorWithStatus(sim, 'PENDING');
    await turnOn(context, extensionId);
    expect(await registeredScripts(context)).toEqual(['collab-desk-profile-chip']);
    await serveInstagram(context, pending);
    await sim.clearLog();

    const page = await context.newPage();
    await page.goto(`https://www.instagram.com/${approved}/`);
    const approvedWords = `Collab Desk: @${approved} - Approved for @northwind.outdoor`;
    // The page hides every custom element and blanks every button: the chip in its shadow root shows anyway.
    await expect(chip(page)).toHaveAccessibleName(approvedWords);
    await expect(chip(page)).toBeVisible();
    await expect.poll(async () => (await toolbar(context)).title).toBe(approvedWords);
    expect((await toolbar(context)).badge).toBe('✓');
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);

    // Keyboard: the chip is a button in the page's tab order.
    await chip(page).focus();
    await expect(chip(page)).toBeFocused();

    // Instagram moves to another profile without loading a page: badge, title and chip follow.
    await page.getByRole('link', { name: 'Next profile' }).click();
    const pendingWords = `Collab Desk: @${pending} - Pending for @northwind.outdoor`;
    await expect(chip(page)).toHaveAccessibleName(pendingWords);
    await expect.poll(async () => (await toolbar(context)).title).toBe(pendingWords);
    expect((await toolbar(context)).badge).toBe('…');

    // A post is no profile: no chip, and the tab shows the global badge and title again.
    await page.getByRole('link', { name: 'A post' }).click();
    await expect(chip(page)).toHaveCount(0);
    await expect.poll(async () => (await toolbar(context)).title).toBe((await toolbar(context)).globalTitle);
    expect((await toolbar(context)).badge).toBe((await toolbar(context)).globalBadge);

    // Back on the first profile (cached): the status, without asking Meta about that creator again.
    await page.goto(`https://www.instagram.com/${approved}/`);
    await expect(chip(page)).toHaveAccessibleName(approvedWords);
    const asked = (await sim.log()).filter((entry) => entry.method === 'GET' && JSON.stringify(entry).includes(approved));
    expect(asked.length).toBeLessThanOrEqual(1);
  });

  test('reserved paths show nothing', async ({ context, extensionId, sim }) => {
    const approved = await creatorWithStatus(sim, 'APPROVED');
    await turnOn(context, extensionId);
    await serveInstagram(context, approved);
    const page = await context.newPage();
    for (const path of ['/p/xyz/', '/explore/', `/stories/${approved}/1/`, '/reels/']) {
      await page.goto(`https://www.instagram.com${path}`);
      await expect(page.getByRole('heading', { name: 'Instagram (test page)' })).toBeVisible();
      await expect.poll(async () => (await toolbar(context)).title).toBe((await toolbar(context)).globalTitle);
      await expect(chip(page)).toHaveCount(0);
    }
  });

  test('one click on the chip opens the creator in Collab Desk', async ({ context, extensionId, sim }) => {
    const approved = await creatorWithStatus(sim, 'APPROVED');
    await turnOn(context, extensionId);
    await serveInstagram(context, approved);
    const page = await context.newPage();
    await page.goto(`https://www.instagram.com/${approved}/`);
    await chip(page).click();
    // Chrome opens the toolbar popup (it fills in the active tab's creator); Playwright sees no page for a popup,
    // so the service worker is asked which of its pages are open. The dashboard is only the fallback.
    await expect.poll(() => openViews(context)).toContain(`chrome-extension://${extensionId}/popup.html`);
    expect(context.pages().filter((other) => other.url().includes('options.html#partnerships'))).toEqual([]);
  });

  test('off (the default): no script on instagram.com; turning it off again unregisters it', async ({ context, extensionId, sim }) => {
    const approved = await creatorWithStatus(sim, 'APPROVED');
    await serveInstagram(context, approved);
    expect(await registeredScripts(context)).toEqual([]);
    const page = await context.newPage();
    await page.goto(`https://www.instagram.com/${approved}/`);
    await expect(page.getByRole('heading', { name: 'Instagram (test page)' })).toBeVisible();
    await page.waitForTimeout(1000);
    await expect(chip(page)).toHaveCount(0);
    expect((await toolbar(context)).title).toBe((await toolbar(context)).globalTitle);

    const dashboard = await turnOn(context, extensionId);
    await page.reload();
    await expect(chip(page)).toBeVisible();
    await dashboard.getByRole('checkbox', { name: 'Show status on instagram.com' }).uncheck();
    await expect.poll(() => registeredScripts(context)).toEqual([]);
    // The open page's chip goes, and the tab gets the global title back.
    await expect(chip(page)).toHaveCount(0);
    await expect.poll(async () => (await toolbar(context)).title).toBe((await toolbar(context)).globalTitle);
    await page.reload();
    await page.waitForTimeout(1000);
    await expect(chip(page)).toHaveCount(0);
  });

  test('the default build asks for instagram.com at run time: the manifest holds it only as optional', () => {
    test.slow();
    const dir = buildExtension({ graphOrigin: process.env.SIM_URL!, outDir: '.output/e2e-optional' });
    const manifest = JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8')) as Record<string, string[] | undefined>;
    expect(manifest.host_permissions).not.toContain('https://www.instagram.com/*');
    expect(manifest.optional_host_permissions).toEqual(['https://www.instagram.com/*']);
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.permissions).toContain('scripting');
  });
});

/** The chip and the tab's title speak the browser's language, as the rest of Collab Desk does. */
for (const { locale, tag } of [
  { locale: 'es', tag: 'es' },
  { locale: 'pt_BR', tag: 'pt-BR' },
]) {
  test.describe(`Show status on instagram.com in ${tag}`, () => {
    test.use({ language: tag });
    const messages = JSON.parse(readFileSync(resolve(import.meta.dirname, `../../public/_locales/${locale}/messages.json`), 'utf8'));
    const words = translatorFor(messages, tag);

    test('the chip and the title say the status in the browser language', async ({ context, extensionId, sim }) => {
      const approved = await creatorWithStatus(sim, 'APPROVED');
      const dashboard = await openDashboard(context, extensionId);
      await dashboard.getByRole('link', { name: words.t('dashboardViewSettings') }).click();
      await dashboard.getByRole('textbox', { name: words.t('settingsMetaAppId') }).fill(DEFAULT_APP_ID);
      await dashboard.getByRole('button', { name: words.t('settingsSave'), exact: true }).click();
      await dashboard.getByRole('button', { name: words.t('connectionConnect') }).click();
      await expect(dashboard.getByText(words.t('connectionConnectedAs').replace(/\s*\{name\}.*/, ''))).toBeVisible();
      await dashboard.getByRole('checkbox', { name: words.t('settingsInstagramEnabled') }).check();

      await serveInstagram(context, approved);
      const page = await context.newPage();
      await page.goto(`https://www.instagram.com/${approved}/`);
      const expected = words.t('profileStatusTitle', { username: approved, status: words.t('statusApproved'), brand: 'northwind.outdoor' });
      expect(expected).toMatch(/^Collab Desk: /);
      expect(expected).not.toContain('Approved');
      await expect(chip(page)).toHaveAccessibleName(expected);
      await expect.poll(async () => (await toolbar(context)).title).toBe(expected);
    });
  });
}
