import { test as base, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_APP_ID } from '../simulator/state';
import { SimulatorControl } from '../simulator/control';
import { extensionIdOf, launchWithExtension } from '../support/launch-chromium';

interface WorkerFixtures {
  /** Points SIM_URL and E2E_EXTENSION_DIR at this worker's own simulator and build (tests/e2e/global-setup.ts). */
  workerSlot: number;
}

interface Fixtures {
  /** The browser's language (`--lang`); English when unset, as the acceptance tests run it. */
  language: string | undefined;
  userDataDir: string;
  context: BrowserContext;
  extensionId: string;
  sim: SimulatorControl;
  /** Opens a fresh browser on the same profile, as after a browser restart. */
  relaunch: () => Promise<BrowserContext>;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  workerSlot: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this destructuring.
    async ({}, use, workerInfo) => {
      process.env.SIM_URL = process.env[`SIM_URL_${workerInfo.parallelIndex}`];
      process.env.E2E_EXTENSION_DIR = process.env[`E2E_EXTENSION_DIR_${workerInfo.parallelIndex}`];
      await use(workerInfo.parallelIndex);
    },
    { scope: 'worker', auto: true },
  ],
  language: [undefined, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this destructuring.
  userDataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'collab-desk-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ userDataDir, language }, use) => {
    const context = await launchWithExtension(process.env.E2E_EXTENSION_DIR!, userDataDir, { language });
    const problems = watchExtensionPages(context);
    await use(context);
    await context.close();
    expect(problems, 'errors logged or thrown by Collab Desk pages').toEqual([]);
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionIdOf(context));
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this destructuring.
  sim: async ({}, use) => {
    const sim = new SimulatorControl(process.env.SIM_URL!);
    await sim.reset();
    await use(sim);
  },
  relaunch: async ({ context, userDataDir, language }, use) => {
    const opened: BrowserContext[] = [];
    await use(async () => {
      await context.close();
      const next = await launchWithExtension(process.env.E2E_EXTENSION_DIR!, userDataDir, { language });
      opened.push(next);
      return next;
    });
    for (const next of opened) await next.close();
  },
});

export { expect };

/** A brand account's row of the popup's All brands table (the demo's chosen brand is @northwind.outdoor). */
export function brandRow(popup: Page, brandUsername = 'northwind.outdoor', tableName = 'All brands'): Locator {
  const name = new RegExp(`^@${brandUsername.replace(/\./g, '\\.')}\\b`);
  return popup.getByRole('table', { name: tableName }).getByRole('row', { name });
}

/** Collects console errors and uncaught exceptions of the extension's own pages. */
function watchExtensionPages(context: BrowserContext): string[] {
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error' && page.url().startsWith('chrome-extension://')) problems.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => {
      if (page.url().startsWith('chrome-extension://')) problems.push(`${page.url()}: ${error.message}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return problems;
}

export async function openDashboard(context: BrowserContext, extensionId: string, view = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html${view ? `#${view}` : ''}`);
  return page;
}

/**
 * Closes every other tab, the dashboard opened at install included, for tests that count
 * the calls made to Meta: an open dashboard loads data of its own when the session changes.
 */
export async function closeOtherPages(page: Page): Promise<void> {
  await page
    .context()
    .waitForEvent('page', { predicate: (other) => other.url().includes('#welcome'), timeout: 2000 })
    .catch(() => undefined);
  for (const other of page.context().pages()) if (other !== page) await other.close();
}

/** Enters the simulator's app ID in Settings, as a person setting Collab Desk up does. */
export async function saveAppId(page: Page, appId = DEFAULT_APP_ID): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'Meta app ID' }).fill(appId);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
}

/** Enters the app ID and logs in through the simulated dialog. */
export async function connect(page: Page, appId = DEFAULT_APP_ID): Promise<void> {
  await saveAppId(page, appId);
  await page.getByRole('button', { name: 'Connect with Facebook' }).click();
  await expect(page.getByText('Connected as')).toBeVisible();
}
