import { appliedPerCreator, badgeText, openBulk, startBulk, stopServiceWorker, waitUntilDone } from './bulk-page';
import { brandRow, connect, expect, openDashboard, test } from './fixtures';

test.describe('one write pipeline: durable, truthful, never stalled', () => {
  test('a worker stopped during a short wait: the job finishes by itself', async ({ context, extensionId, sim }) => {
    const page = await openDashboard(context, extensionId);
    await openBulk(page);
    // A throttle early in the job: the job then waits a few seconds in place.
    await sim.throttle({ code: 4, afterCalls: 60, durationMs: 500 });
    await startBulk(
      page,
      Array.from({ length: 150 }, (_, index) => `short.wait.${index}`),
    );
    await expect(page.getByRole('status').filter({ hasText: /Meta is limiting/ })).toBeVisible({ timeout: 20_000 });
    // The browser stops the worker in the middle of that wait; the open page starts it again at once.
    await stopServiceWorker(page);
    await waitUntilDone(page, 45_000);
    const applied = await appliedPerCreator(sim);
    expect(applied.size).toBe(150);
    expect([...applied.values()].every((times) => times === 1)).toBe(true);
    await expect(page.getByRole('list', { name: 'Bulk counts' })).toContainText('Sent: 150');
  });

  test('a send Meta applied before answering 5xx is recorded as Sent, confirmed with Meta', async ({ context, extensionId, sim }) => {
    const page = await openDashboard(context, extensionId);
    await openBulk(page);
    await sim.setControls({ appliedFailureRate: 0.25 });
    const names = Array.from({ length: 60 }, (_, index) => `applied.${index}`);
    await startBulk(page, names);
    await waitUntilDone(page, 45_000);
    await expect(page.getByRole('list', { name: 'Bulk counts' })).toContainText('Sent: 60');
    await expect(page.getByRole('list', { name: 'Bulk counts' })).toContainText('Failed: 0');
    const log = await sim.log();
    const appliedThen5xx = log
      .filter((entry) => entry.applied && entry.status === 500)
      .map((entry) => entry.params.creator_instagram_username!);
    expect(appliedThen5xx.length).toBeGreaterThan(3);
    const results = page.getByRole('table', { name: 'Results' });
    const row = results.getByRole('row').filter({ has: page.getByRole('rowheader', { name: appliedThen5xx[0]!, exact: true }) });
    await expect(row).toContainText('Sent');
    await expect(row).toContainText('Confirmed with Meta');
    const applied = await appliedPerCreator(sim);
    expect(applied.size).toBe(60);
    expect([...applied.values()].every((times) => times === 1)).toBe(true);
  });

  test('a single send Meta applied before answering 5xx shows Pending at once, asked once', async ({ context, extensionId, sim }) => {
    const dashboard = await openDashboard(context, extensionId);
    await connect(dashboard);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('textbox', { name: 'Creator username' }).fill('applied.single');
    await expect(brandRow(popup).getByText('Not requested', { exact: true })).toBeVisible();
    await sim.setControls({ appliedFailureRate: 1 });
    await brandRow(popup).getByRole('button', { name: 'Send request' }).click();
    await expect(brandRow(popup).getByText('Pending', { exact: true })).toBeVisible();
    await expect(popup.getByRole('region', { name: /Kept actions/ })).toHaveCount(0);
    expect([...(await appliedPerCreator(sim)).entries()]).toEqual([['applied.single', 1]]);
    await dashboard.getByRole('link', { name: 'Activity' }).click();
    await expect(dashboard.getByRole('table', { name: 'Audit log' }).getByRole('row').filter({ hasText: 'applied.single' })).toContainText(
      'Sent',
    );
  });
});

test('the toolbar badge counts actions waiting for the person', async ({ context, extensionId, sim }) => {
  const dashboard = await openDashboard(context, extensionId);
  await connect(dashboard);
  await dashboard.getByRole('link', { name: 'Partnerships' }).click();
  await sim.throttle({ code: 80002, afterCalls: 0, durationMs: 120_000 });
  await dashboard.getByRole('textbox', { name: 'Creator username' }).fill('badge.please');
  await dashboard.getByRole('button', { name: 'Send request' }).click();
  await dashboard.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  await expect(dashboard.getByRole('region', { name: /Kept actions/ })).toBeVisible();
  await expect.poll(() => badgeText(context)).toBe('1');
  await dashboard.getByRole('button', { name: 'Discard' }).click();
  await expect.poll(() => badgeText(context)).toBe('');
});
