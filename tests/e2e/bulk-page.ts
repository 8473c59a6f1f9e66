import type { BrowserContext, Page } from '@playwright/test';
import type { SimulatorControl } from '../simulator/control';
import { connect, expect } from './fixtures';

export { stopServiceWorker } from '../support/launch-chromium';

/** Connects and opens the Bulk view with the first brand chosen. */
export async function openBulk(page: Page): Promise<void> {
  await connect(page);
  await page.getByRole('link', { name: 'Bulk' }).click();
  await expect(page.getByRole('combobox', { name: 'Brand account' })).toHaveValue('17841400000000001');
}

/** Puts the list in the Usernames box in one go, as a paste does (Playwright's fill types long text slowly). */
export async function paste(page: Page, lines: string[]): Promise<void> {
  await page.getByRole('textbox', { name: 'Usernames' }).evaluate((element, text) => {
    const box = element as HTMLTextAreaElement;
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, lines.join('\n'));
}

export async function startBulk(page: Page, lines: string[], button: 'Send requests' | 'Revoke requests' = 'Send requests'): Promise<void> {
  await paste(page, lines);
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
}

export async function waitUntilDone(page: Page, timeout = 60_000): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /^Done\.$/ })).toBeVisible({ timeout });
}

/** Successful sends per creator, as the simulator received them inside batch requests. */
export async function deliveries(sim: SimulatorControl): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const entry of await sim.log()) {
    if (entry.batchIndex === undefined || entry.method !== 'POST' || entry.status !== 200) continue;
    const name = entry.params.creator_instagram_username!;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/** Sends and revokes the simulator applied (whatever it answered), per creator. */
export async function appliedPerCreator(sim: SimulatorControl): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const entry of await sim.log()) {
    if (!entry.applied) continue;
    const name = entry.params.creator_instagram_username ?? `#${entry.params.creator_instagram_account}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/** The text on Collab Desk's toolbar badge, as its service worker sets it. */
export async function badgeText(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  type ChromeAction = { chrome: { action: { getBadgeText(details: object): Promise<string> } } };
  return worker.evaluate(() => (globalThis as unknown as ChromeAction).chrome.action.getBadgeText({}));
}

/** How many notifications Collab Desk has up (read in its service worker). */
export async function notificationCount(context: BrowserContext): Promise<number> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  type Chrome = { chrome: { notifications: { getAll(): Promise<Record<string, unknown>> } } };
  const all = await worker.evaluate(() => (globalThis as unknown as Chrome).chrome.notifications.getAll());
  return Object.keys(all).length;
}
