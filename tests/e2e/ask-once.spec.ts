import type { Page } from '@playwright/test';
import type { SimulatorControl } from '../simulator/control';
import { openBulk, paste, stopServiceWorker, waitUntilDone } from './bulk-page';
import { brandRow, expect, openDashboard, test } from './fixtures';

/**
 * Every creator is asked exactly once, through the real worker, against a simulator that
 * accepts a repeated send (as Meta may) and counts every ask.
 */

const names = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => `${prefix}.${String(index).padStart(4, '0')}`);

/** How often the simulator's Meta asked each creator, by username. */
async function asksPerCreator(sim: SimulatorControl): Promise<Map<string, number>> {
  return new Map((await sim.asks()).map((ask) => [ask.username, ask.count]));
}

async function expectEachAskedOnce(sim: SimulatorControl, expected: readonly string[]): Promise<void> {
  const asks = await asksPerCreator(sim);
  const twice = [...asks].filter(([, count]) => count > 1).map(([name]) => name);
  expect(twice, 'creators asked more than once').toEqual([]);
  expect([...asks.keys()].sort()).toEqual([...expected].sort());
}

async function confirmSend(page: Page, count: number): Promise<void> {
  await page.getByRole('button', { name: 'Send requests', exact: true }).click();
  await expect(page.getByRole('dialog').getByRole('heading')).toHaveText(`Send ${count.toLocaleString('en-US')} requests?`);
}

test.describe('a creator is never asked twice', () => {
  test('400 creators through 5xx after Meta applied them, usage waits, three worker stops and a token expiry', async ({
    context,
    extensionId,
    sim,
  }) => {
    test.setTimeout(180_000);
    const page = await openDashboard(context, extensionId);
    await openBulk(page);
    const creators = names(400, 'once');
    await paste(page, creators);
    await confirmSend(page, 400);
    // A tight usage window makes the job wait for Meta's room; a tenth of the sends fail with a 5xx after Meta applied them.
    await sim.setControls({ appliedFailureRate: 0.1, latencyMs: 40, callsPerMinuteBudget: 150, usageWindowMs: 4_000, enforceBudget: true });
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();

    for (const after of [60, 160, 260]) {
      await expect.poll(async () => (await sim.asks()).length, { timeout: 60_000 }).toBeGreaterThan(after);
      await stopServiceWorker(page);
      // The token expires once, mid-job: Facebook renews it silently and the job goes on.
      if (after === 160) await sim.expireTokens();
    }
    await waitUntilDone(page, 150_000);

    await expectEachAskedOnce(sim, creators);
    const log = await sim.log();
    expect(log.some((entry) => entry.applied && entry.status === 500)).toBe(true);
    const counts = page.getByRole('list', { name: 'Bulk counts' });
    await expect(counts).toContainText('Sent: 400');
    await expect(counts).toContainText('Failed: 0');
    await expect(page.getByRole('table', { name: 'Results' })).toContainText('Confirmed with Meta');
  });

  test('two dashboard tabs run jobs sharing 30 creators while the popup looks one of them up: each asked once', async ({
    context,
    extensionId,
    sim,
  }) => {
    test.setTimeout(120_000);
    const first = await openDashboard(context, extensionId);
    await openBulk(first);
    const second = await openDashboard(context, extensionId, 'bulk');
    await expect(second.getByRole('combobox', { name: 'Brand account' })).toHaveValue('17841400000000001');
    const shared = names(30, 'shared');
    const listA = [...shared, ...names(30, 'only.a')];
    const listB = [...names(30, 'only.b'), ...shared];
    // Both dry runs first, as two people (or one in two tabs) would: neither knows of the other yet.
    await paste(first, listA);
    await confirmSend(first, 60);
    await paste(second, listB);
    await confirmSend(second, 60);
    await sim.setControls({ latencyMs: 1_500 });
    await first.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await second.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();

    // The popup, while both run: the shared creator is being sent, and no second Send request is offered.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('textbox', { name: 'Creator username' }).fill(shared[3]!);
    await expect(brandRow(popup)).toContainText(/Sending|Pending/, { timeout: 15_000 });
    await expect(brandRow(popup).getByRole('button', { name: 'Send request' })).toHaveCount(0);

    await waitUntilDone(first, 60_000);
    await waitUntilDone(second, 60_000);
    await expectEachAskedOnce(sim, [...listA, ...names(30, 'only.b')]);
    // The second job names the shared creators Skipped, held by the first job.
    const results = second.getByRole('table', { name: 'Results' });
    await expect(results.getByRole('row', { name: new RegExp(`^${shared[0]!.replace(/\./g, '\\.')}\\b`) })).toContainText(
      'Already in another job',
    );
    await expect(second.getByRole('list', { name: 'Bulk counts' })).toContainText('Skipped: 30');
    await expect(second.getByRole('list', { name: 'Bulk counts' })).toContainText('Sent: 30');
  });

  test('answers lost after Meta acted, then the network gone: the job waits for it and finishes by itself, each creator once', async ({
    context,
    extensionId,
    sim,
  }) => {
    test.setTimeout(120_000);
    const page = await openDashboard(context, extensionId);
    await openBulk(page);
    const creators = names(300, 'offline');
    await paste(page, creators);
    await confirmSend(page, 300);
    await sim.setControls({ latencyMs: 100, loseAnswers: true });
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(async () => (await sim.asks()).length, { timeout: 30_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(6_000);
    await sim.setControls({ loseAnswers: false, networkDown: true });
    await expect(page.getByRole('status').filter({ hasText: /Waiting for the network: [\d,]+ creators left/ })).toBeVisible({
      timeout: 20_000,
    });
    await page.waitForTimeout(15_000);
    await sim.setControls({ networkDown: false });
    await waitUntilDone(page, 60_000);

    await expectEachAskedOnce(sim, creators);
    const counts = page.getByRole('list', { name: 'Bulk counts' });
    await expect(counts).toContainText('Sent: 300');
    await expect(counts).toContainText('Failed: 0');
  });
});
