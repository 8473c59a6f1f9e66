import type { Page } from '@playwright/test';
import { deliveries, openBulk, paste, startBulk, stopServiceWorker, waitUntilDone } from './bulk-page';
import { expect, openDashboard, test } from './fixtures';
import { E2E_RATE_LIMIT_STEP_MS } from './global-setup';
import { BULK_LANES } from '@/utils/bulk/governor';

const INVALID = ['bad name', 'x..y', '.dot', 'waytoolongusername_abcdefghijklmn', 'hy-phen'];

/** 112 distinct creators, written 115 ways (3 duplicates in other spellings), plus 5 invalid lines: 120 lines. */
function acceptanceList(): { lines: string[]; valid: string[] } {
  const valid = Array.from({ length: 112 }, (_, index) => `bulk.e2e${index}`);
  const lines = [...valid, '@BULK.E2E1', 'bulk.e2e2', 'https://www.instagram.com/bulk.e2e3/', ...INVALID];
  return { lines, valid };
}

function resultRow(page: Page, username: string) {
  return page
    .getByRole('table', { name: 'Results' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: username, exact: true }) });
}

test.describe('bulk management', () => {
  test('120 lines with 5 invalid and 3 duplicates go out in 3 batches, each creator once; failures retry alone', async ({
    context,
    extensionId,
    sim,
  }) => {
    await sim.setControls({ rejectedCreators: ['bulk.e2e10', 'bulk.e2e20'] });
    const page = await openDashboard(context, extensionId);
    await openBulk(page);
    const { lines, valid } = acceptanceList();
    expect(lines).toHaveLength(120);
    await page.getByRole('textbox', { name: 'Usernames' }).fill(lines.join('\n'));
    await expect(page.getByText('112 creators to act on, 5 invalid (never sent), 3 duplicates removed.')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Invalid entries' })).toContainText('Line 120: hy-phen');

    await sim.clearLog();
    await page.getByRole('button', { name: 'Send requests', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading')).toHaveText('Send 112 requests?');
    await expect(dialog.getByRole('table', { name: 'Dry run' })).toContainText('New request112');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await waitUntilDone(page);

    const log = await sim.log();
    const batches = log.filter((entry) => entry.batchSize !== undefined);
    expect(batches.length).toBeLessThanOrEqual(3);
    expect(log.filter((entry) => entry.method === 'POST' && entry.batchIndex === undefined && entry.path !== '')).toHaveLength(0);
    const attempted = log.filter((entry) => entry.batchIndex !== undefined).map((entry) => entry.params.creator_instagram_username);
    expect(attempted.sort()).toEqual([...valid].sort());

    await expect(page.getByRole('list', { name: 'Bulk counts' })).toContainText('Sent: 110');
    await expect(page.getByRole('list', { name: 'Bulk counts' })).toContainText('Failed: 2');
    await expect(page.getByRole('list', { name: 'Bulk counts' })).toContainText('Skipped: 5');
    await expect(page.getByRole('progressbar', { name: 'Bulk progress' })).toHaveAttribute('value', '117');
    await expect(resultRow(page, 'bulk.e2e0')).toContainText('Sent');
    await expect(resultRow(page, 'bulk.e2e10')).toContainText('Failed');
    await expect(resultRow(page, 'bulk.e2e10')).toContainText(
      'Creator not eligible: @bulk.e2e10 cannot receive partnership ad permission requests.',
    );
    await expect(resultRow(page, 'hy-phen')).toContainText('Skipped');
    await expect(resultRow(page, 'hy-phen')).toContainText('Not a valid username');

    await sim.setControls({ rejectedCreators: [] });
    await sim.clearLog();
    await page.getByRole('button', { name: /^Retry failed/ }).click();
    // "Done." is still shown from the first run until the retry starts: wait for its outcome instead.
    await expect(page.getByRole('list', { name: 'Bulk counts' })).toContainText('Sent: 112', { timeout: 30_000 });
    await waitUntilDone(page);
    const retried = (await sim.log())
      .filter((entry) => entry.batchIndex !== undefined)
      .map((entry) => entry.params.creator_instagram_username);
    expect(retried.sort()).toEqual(['bulk.e2e10', 'bulk.e2e20']);
    await expect(resultRow(page, 'bulk.e2e10')).toContainText('Sent');

    // The audit log has every action.
    await page.getByRole('link', { name: 'Activity' }).click();
    await expect(page.getByText('114 actions')).toBeVisible();
  });

  test('the dry run skips creators already approved or pending', async ({ context, extensionId, sim }) => {
    const world = await sim.world();
    const statusOf = (status: string) =>
      world.creators.find((creator) =>
        world.permissions.some(
          (permission) =>
            permission.brandIgId === '17841400000000001' && permission.creatorId === creator.id && permission.status === status,
        ),
      )!.username;
    const page = await openDashboard(context, extensionId);
    await openBulk(page);
    await page
      .getByRole('textbox', { name: 'Usernames' })
      .fill([statusOf('APPROVED'), statusOf('PENDING'), statusOf('REVOKED'), 'brand.new.face'].join(', '));
    await page.getByRole('button', { name: 'Send requests', exact: true }).click();
    const dryRun = page.getByRole('dialog').getByRole('table', { name: 'Dry run' });
    await expect(page.getByRole('dialog').getByRole('heading')).toHaveText('Send 2 requests?');
    await expect(dryRun).toContainText('Already approved1');
    await expect(dryRun).toContainText('Already pending1');
    await expect(dryRun).toContainText('Request again (was Revoked)1');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    expect((await sim.log()).filter((entry) => entry.method === 'POST')).toHaveLength(0);
  });

  test('throttled mid-job, the job waits for the window and completes without duplicates', async ({ context, extensionId, sim }) => {
    const page = await openDashboard(context, extensionId);
    await openBulk(page);
    await sim.throttle({ code: 80002, afterCalls: 60, durationMs: 5_000 });
    const names = Array.from({ length: 150 }, (_, index) => `throttled.${index}`);
    await startBulk(page, names);
    await expect(page.getByText(/Meta is limiting how fast Collab Desk may call it\. The job goes on by itself after/)).toBeVisible({
      timeout: 20_000,
    });
    await waitUntilDone(page, 60_000);
    const delivered = await deliveries(sim);
    expect(delivered.size).toBe(150);
    expect([...delivered.values()].every((times) => times === 1)).toBe(true);
    expect((await sim.log()).some((entry) => entry.errorCode === 80002)).toBe(true);
  });

  test('a throttle with code 4 and no time given: nothing goes out until the back-off has passed, then the job completes', async ({
    context,
    extensionId,
    sim,
  }) => {
    const page = await openDashboard(context, extensionId);
    await openBulk(page);
    await sim.throttle({ code: 4, afterCalls: 30, durationMs: 500 });
    const names = Array.from({ length: 100 }, (_, index) => `app.limited.${index}`);
    await startBulk(page, names);
    await waitUntilDone(page, 60_000);
    const log = await sim.log();
    const throttled = log.filter((entry) => entry.errorCode === 4);
    expect(throttled.length).toBeGreaterThan(0);
    // The simulator's window lasted half a second; Collab Desk still waited its whole first step.
    const lastThrottle = Math.max(...throttled.map((entry) => entry.at));
    const firstThrottle = Math.min(...throttled.map((entry) => entry.at));
    const between = log.filter((entry) => entry.at > lastThrottle && entry.at < firstThrottle + E2E_RATE_LIMIT_STEP_MS - 100);
    expect(between).toEqual([]);
    const delivered = await deliveries(sim);
    expect(delivered.size).toBe(100);
    expect([...delivered.values()].every((times) => times === 1)).toBe(true);
  });

  test('a service worker stopped mid-job: reopening the dashboard completes it, every creator exactly once', async ({
    context,
    extensionId,
    sim,
  }) => {
    const page = await openDashboard(context, extensionId);
    await openBulk(page);
    await sim.setControls({ latencyMs: 400 });
    const names = Array.from({ length: 300 }, (_, index) => `stopped.${index}`);
    await startBulk(page, names);
    await expect.poll(async () => (await deliveries(sim)).size, { timeout: 20_000 }).toBeGreaterThan(0);

    await stopServiceWorker(page);
    await page.close();

    const reopened = await openDashboard(context, extensionId, 'bulk');
    await waitUntilDone(reopened, 60_000);
    const delivered = await deliveries(sim);
    expect(delivered.size).toBe(300);
    expect([...delivered.values()].every((times) => times === 1)).toBe(true);
    await expect(reopened.getByRole('list', { name: 'Bulk counts' })).toContainText('Sent: 300');
  });

  test('a policy block (code 368) stops the job with its reason and every creator kept; Resume finishes it', async ({
    context,
    extensionId,
    sim,
  }) => {
    const page = await openDashboard(context, extensionId);
    await openBulk(page);
    await sim.setControls({ policyBlocked: true });
    const names = Array.from({ length: 60 }, (_, index) => `blocked.${index}`);
    await startBulk(page, names);
    await expect(page.getByText('Facebook has temporarily blocked this action for policy reasons.')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Bulk counts' })).not.toContainText('Failed: 60');
    expect((await deliveries(sim)).size).toBe(0);

    await sim.setControls({ policyBlocked: false });
    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await waitUntilDone(page);
    await expect(page.getByRole('list', { name: 'Bulk counts' })).toContainText('Sent: 60');
    const delivered = await deliveries(sim);
    expect(delivered.size).toBe(60);
    expect([...delivered.values()].every((times) => times === 1)).toBe(true);
  });

  test('pause, resume and stop from the job panel', async ({ context, extensionId, sim }) => {
    const page = await openDashboard(context, extensionId);
    await openBulk(page);
    await sim.setControls({ latencyMs: 300 });
    await startBulk(
      page,
      Array.from({ length: 1_000 }, (_, index) => `paused.${index}`),
    );
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(page.getByText('Paused by you.')).toBeVisible();
    const settledWhilePaused = async () => (await deliveries(sim)).size;
    const atPause = await settledWhilePaused();
    await page.waitForTimeout(1500);
    // At most the batches already on their way (one a lane) land after Pause.
    expect((await settledWhilePaused()) - atPause).toBeLessThanOrEqual(BULK_LANES * 50);
    const afterPause = await settledWhilePaused();
    await page.waitForTimeout(1000);
    expect(await settledWhilePaused()).toBe(afterPause);

    // A second a round of batches from here, so Stop comes while most creators still wait their turn
    // (at 300 ms the job could finish between the first deliveries and the click).
    await sim.setControls({ latencyMs: 1_000 });
    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await expect.poll(settledWhilePaused, { timeout: 20_000, intervals: [50] }).toBeGreaterThan(afterPause);
    await page.getByRole('button', { name: 'Stop job' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Cancelled\./ })).toBeVisible();
    // A thousand results are a virtual table: the last rows are drawn once scrolled to.
    await page
      .getByRole('table', { name: 'Results' })
      .locator('xpath=..')
      .evaluate((scroller) => scroller.scrollTo(0, scroller.scrollHeight));
    await expect(resultRow(page, 'paused.999')).toContainText('Skipped');
    await expect(resultRow(page, 'paused.999')).toContainText('Cancelled before it was sent');
    expect([...(await deliveries(sim)).values()].every((times) => times === 1)).toBe(true);
  });

  test('bad files give clear messages and nothing breaks', async ({ context, extensionId, sim }) => {
    void sim;
    const page = await openDashboard(context, extensionId);
    await openBulk(page);
    const importFile = (name: string, mimeType: string, buffer: Buffer) =>
      page.getByLabel('Import a CSV or TSV file').setInputFiles({ name, mimeType, buffer });

    await importFile(
      'photo.png',
      'image/png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3, 255, 254, 253]),
    );
    await expect(page.getByRole('alert')).toContainText('"photo.png": This is not a text file.');

    await importFile('empty.csv', 'text/csv', Buffer.from(''));
    await expect(page.getByRole('alert')).toContainText('"empty.csv": The file is empty.');

    const huge = `username\n${Array.from({ length: 50_000 }, (_, index) => `creator${index}`).join('\n')}`;
    await importFile('huge.csv', 'text/csv', Buffer.from(huge));
    await expect(page.getByRole('alert')).toContainText('This file has 50,000 rows; Collab Desk takes at most 10,000 creators at a time.');

    await importFile(
      'people.csv',
      'text/csv',
      Buffer.from('\uFEFFName,Email,Instagram\r\n"Reyes, Maya",maya@example.com,@maya.trails\r\nLeo,leo@example.com,leo_eats\r\n'),
    );
    await expect(page.getByRole('combobox', { name: 'Username column' })).toHaveValue('2');
    await expect(page.getByText('2 creators to act on.')).toBeVisible();
    await page.getByRole('combobox', { name: 'Username column' }).selectOption({ label: 'Email' });
    await expect(page.getByRole('alert')).toContainText(
      'Only 0 of 2 values in "Email" look like Instagram usernames. Is this the right column?',
    );
    await expect(page.getByRole('button', { name: 'Send requests', exact: true })).toBeDisabled();
  });

  test('10,000 results stay smooth: only the visible rows are in the page', async ({ context, extensionId, sim }) => {
    const world = await sim.world();
    const approved = world.creators.find((creator) =>
      world.permissions.some(
        (permission) =>
          permission.brandIgId === '17841400000000001' && permission.creatorId === creator.id && permission.status === 'APPROVED',
      ),
    )!;
    const page = await openDashboard(context, extensionId);
    await openBulk(page);
    // One creator to revoke and 9,999 with nothing to revoke: a 10,000-row result from one call.
    const names = [approved.username, ...Array.from({ length: 9_999 }, (_, index) => `many.${index}`)];
    await paste(page, names);
    await expect(page.getByText('10,000 creators to act on.')).toBeVisible();
    await page.getByRole('button', { name: 'Revoke requests', exact: true }).click();
    await expect(page.getByRole('dialog').getByRole('table', { name: 'Dry run' })).toContainText('Nothing to revoke (Not requested)9,999');
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await waitUntilDone(page);
    const results = page.getByRole('table', { name: 'Results' });
    await expect(results).toHaveAttribute('aria-rowcount', '10001');
    expect(await results.locator('tbody tr').count()).toBeLessThan(120);
    await expect(resultRow(page, approved.username)).toContainText('Revoked');
    await results.locator('xpath=..').evaluate((scroller) => scroller.scrollTo(0, scroller.scrollHeight));
    await expect(resultRow(page, 'many.9998')).toContainText('Skipped');
    await expect(resultRow(page, 'many.9998')).toContainText('Nothing to revoke (Not requested)');
  });
});
