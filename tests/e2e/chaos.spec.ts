import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { appliedPerCreator, openBulk, paste, stopServiceWorker, waitUntilDone } from './bulk-page';
import { expect, openDashboard, test } from './fixtures';

/** The rows of a CSV the page downloads when `button` is clicked. */
async function downloadedCsv(page: Page, button: string): Promise<string[][]> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const text = readFileSync((await (await downloading).path())!, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim();
  return text.split(/\r?\n/).map((line) => line.split(','));
}

async function appliedCount(sim: Parameters<typeof appliedPerCreator>[0]): Promise<number> {
  return (await appliedPerCreator(sim)).size;
}

test.describe('chaos', () => {
  test('1,000 creators through transient errors, applied-then-5xx answers, a throttle, a token expiry and three worker stops', async ({
    context,
    extensionId,
    sim,
  }) => {
    test.setTimeout(240_000);
    const page = await openDashboard(context, extensionId);
    await openBulk(page);
    await sim.setControls({ callsPerMinuteBudget: 1_000_000 });
    const names = Array.from({ length: 1000 }, (_, index) => `chaos.${String(index).padStart(4, '0')}`);
    await paste(page, names);
    await page.getByRole('button', { name: 'Send requests', exact: true }).click();
    await expect(page.getByRole('dialog').getByRole('heading')).toHaveText('Send 1,000 requests?');
    // From Confirm on, about 10% of calls fail for a passing reason, some after Meta applied them.
    await sim.setControls({ failureRate: 0.05, appliedFailureRate: 0.05, latencyMs: 30 });
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();

    // Stop 1: mid-job.
    await expect.poll(() => appliedCount(sim), { timeout: 60_000 }).toBeGreaterThan(150);
    await stopServiceWorker(page);

    // Stop 2: during the in-place wait after a throttle (code 4, no time given).
    await sim.throttle({ code: 4, afterCalls: 20, durationMs: 500 });
    await expect(page.getByRole('status').filter({ hasText: /Meta is limiting how fast/ })).toBeVisible({ timeout: 60_000 });
    await stopServiceWorker(page);

    // A token expiry Facebook cannot renew silently: both panels say so, and the person reconnects.
    await expect.poll(() => appliedCount(sim), { timeout: 60_000 }).toBeGreaterThan(500);
    await sim.setControls({ loginBehavior: 'needs-click' });
    await sim.expireTokens();
    await expect(page.getByRole('status').filter({ hasText: /Your Facebook session has expired/ })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Connect with Facebook' })).toBeVisible();
    await expect(page.getByText('Connected as')).toHaveCount(0);
    await sim.setControls({ loginBehavior: 'auto' });
    await page.getByRole('button', { name: 'Connect with Facebook' }).click();
    await expect(page.getByText('Connected as Dana Reyes')).toBeVisible();

    // Stop 3: after the reconnect, mid-job.
    await expect.poll(() => appliedCount(sim), { timeout: 60_000 }).toBeGreaterThan(700);
    await stopServiceWorker(page);

    await waitUntilDone(page, 150_000);

    // The simulator applied each creator's request exactly once.
    const applied = await appliedPerCreator(sim);
    expect(applied.size).toBe(1000);
    expect([...applied.keys()].sort()).toEqual(names);
    expect([...applied.values()].every((times) => times === 1)).toBe(true);
    const log = await sim.log();
    expect(log.some((entry) => entry.applied && entry.status === 500)).toBe(true);
    expect(log.some((entry) => entry.errorCode === 4)).toBe(true);

    // The Results table, its counts and the Activity log agree with the simulator, item by item.
    const counts = page.getByRole('list', { name: 'Bulk counts' });
    await expect(counts).toContainText('Sent: 1,000');
    await expect(counts).toContainText('Failed: 0');
    const results = await downloadedCsv(page, 'Export CSV');
    expect(results[0]).toEqual(['creator_username', 'outcome', 'reason']);
    expect(new Map(results.slice(1).map(([username, outcome]) => [username, outcome]))).toEqual(
      new Map(names.map((name) => [name, 'Sent'])),
    );

    await page.getByRole('link', { name: 'Activity' }).click();
    await expect(page.getByRole('status').filter({ hasText: /actions$/ })).toHaveText('1,000 actions', { timeout: 15_000 });
    // 1,000 entries are virtualised: the table gives its size, and each drawn row its place in it.
    const activity = page.getByRole('table', { name: 'Audit log' });
    await expect(activity).toHaveAttribute('aria-rowcount', '1001');
    await expect(activity.locator('tbody tr:not([aria-hidden])').first()).toHaveAttribute('aria-rowindex', '2');
    const audit = await downloadedCsv(page, 'Export audit log');
    const auditRows = audit.slice(1).map((row) => ({ creator: row[2], action: row[3], outcome: row[4] }));
    expect(auditRows.every((row) => row.action === 'send' && row.outcome === 'Sent')).toBe(true);
    expect(auditRows.map((row) => row.creator).sort()).toEqual(names);
  });
});
