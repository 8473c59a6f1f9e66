import type { Page } from '@playwright/test';
import { connect, expect, openDashboard, test } from './fixtures';

const PERMISSION_COLUMNS = ['instagram_basic', 'instagram_content_publish', 'instagram_manage_comments', 'instagram_manage_insights'];

async function openPermissions(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Permissions' }).click();
  await expect(page.getByRole('table', { name: 'Page permissions' })).toBeVisible();
}

/** The Yes/No cells of one Page's row, by column heading. */
async function grantableCells(page: Page, pageName: string): Promise<Record<string, string>> {
  const table = page.getByRole('table', { name: 'Page permissions' });
  const headers = await table.getByRole('columnheader').allInnerTexts();
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: pageName, exact: true }) });
  const cells = await row.getByRole('cell').allInnerTexts();
  // The row header is the first column; the cells follow it.
  return Object.fromEntries(PERMISSION_COLUMNS.map((column) => [column, cells[headers.indexOf(column) - 1]!.trim()]));
}

function readinessOf(page: Page, username: string) {
  return page
    .getByRole('list', { name: 'Partnership-ads readiness' })
    .getByRole('listitem')
    .filter({ hasText: `@${username}` })
    .first();
}

test.describe('Page task permissions', () => {
  test('each Page shows what its tasks let the person grant, in the words of its Page experience', async ({
    context,
    extensionId,
    sim,
  }) => {
    void sim;
    const page = await openDashboard(context, extensionId);
    await connect(page);
    await openPermissions(page);

    expect(await grantableCells(page, 'Harbor Coffee Co.')).toEqual({
      instagram_basic: 'Yes',
      instagram_content_publish: 'No',
      instagram_manage_comments: 'No',
      instagram_manage_insights: 'Yes',
    });
    expect(await grantableCells(page, 'Northwind Outdoor')).toEqual(
      Object.fromEntries(PERMISSION_COLUMNS.map((column) => [column, 'Yes'])),
    );
    expect(await grantableCells(page, 'Fieldnotes Agency')).toEqual({
      instagram_basic: 'Yes',
      instagram_content_publish: 'No',
      instagram_manage_comments: 'Yes',
      instagram_manage_insights: 'Yes',
    });

    const table = page.getByRole('table', { name: 'Page permissions' });
    await expect(table.getByRole('row').filter({ hasText: 'Harbor Coffee Co.' })).toContainText('Analyst (classic Page)');
    await expect(table.getByRole('row').filter({ hasText: 'Lumen Skincare' })).toContainText(
      'Task access: Ads, Insights (new Pages experience)',
    );
    await expect(table.getByRole('row').filter({ hasText: 'Northwind Outdoor' })).toContainText('Facebook access');
    await expect(table.getByRole('row').filter({ hasText: 'Pixel & Pine Studio' })).toContainText('None');

    await page.getByRole('searchbox', { name: 'Search Pages' }).fill('harbor');
    await expect(table.getByRole('row')).toHaveCount(2);
    await page.getByRole('searchbox', { name: 'Search Pages' }).fill('');
    await page.getByRole('combobox', { name: 'Show Pages' }).selectOption({ label: 'Ready for partnership ads' });
    await expect(page.getByText('2 of 5 Pages')).toBeVisible();
  });

  test('a brand account reads ready with the three permissions and Advertiser access, and says why not otherwise', async ({
    context,
    extensionId,
    sim,
  }) => {
    void sim;
    const page = await openDashboard(context, extensionId);
    await connect(page);
    await openPermissions(page);
    await expect(readinessOf(page, 'lumen.skincare')).toContainText('Ready for partnership ads');
    await expect(readinessOf(page, 'northwind.outdoor')).toContainText('Ready for partnership ads');
    await expect(readinessOf(page, 'harborcoffee')).toContainText('Not ready');
    await expect(readinessOf(page, 'harborcoffee')).toContainText('Ask a Page admin for the Advertiser role (or a higher one).');

    const tokenTable = page.getByRole('table', { name: 'Permissions you gave Collab Desk' });
    await expect(tokenTable.getByRole('row').filter({ hasText: 'business_management' })).toContainText('Granted');
  });

  test('a declined permission makes brands not ready, and asking Facebook again fixes it', async ({ context, extensionId, sim }) => {
    await sim.setControls({ declinedPermissions: ['business_management'] });
    const page = await openDashboard(context, extensionId);
    await connect(page);
    await openPermissions(page);

    const lumen = readinessOf(page, 'lumen.skincare');
    await expect(lumen).toContainText('Not ready');
    await expect(lumen).toContainText('You declined business_management when connecting.');
    await expect(
      page.getByRole('table', { name: 'Permissions you gave Collab Desk' }).getByRole('row').filter({ hasText: 'business_management' }),
    ).toContainText('Declined');

    await sim.setControls({ declinedPermissions: [] });
    await lumen.getByRole('button', { name: 'Ask Facebook again' }).click();
    await expect(readinessOf(page, 'lumen.skincare')).toContainText('Ready for partnership ads');
    const dialogs = (await sim.log()).filter((entry) => entry.path === 'dialog/oauth');
    expect(dialogs.at(-1)?.query.auth_type).toBe('rerequest');
  });

  test('every Page appears when there are more than one API page of them', async ({ context, extensionId, sim }) => {
    await sim.reset({ extraPages: 150 });
    const page = await openDashboard(context, extensionId);
    await connect(page);
    await openPermissions(page);
    await expect(page.getByText('155 Pages')).toBeVisible();
    await expect(page.getByRole('rowheader', { name: 'Client Page 150' })).toBeVisible();
    const accountCalls = (await sim.log()).filter((entry) => entry.path === 'me/accounts');
    expect(accountCalls.length).toBeGreaterThanOrEqual(2);
    expect(accountCalls.some((entry) => entry.query.after)).toBe(true);
  });

  test('a second opening shows the table from cache before any network reply', async ({ context, extensionId, sim }) => {
    const first = await openDashboard(context, extensionId);
    await connect(first);
    await openPermissions(first);
    await first.close();

    await sim.setControls({ latencyMs: 20_000 });
    const callsBefore = (await sim.log()).length;
    const second = await openDashboard(context, extensionId, 'permissions');
    await expect(second.getByRole('rowheader', { name: 'Harbor Coffee Co.' })).toBeVisible({ timeout: 5_000 });
    // Nothing the slow simulator could have answered yet was needed.
    expect((await sim.log()).length).toBe(callsBefore);

    // A refresh keeps the cached table on screen while Facebook is slow.
    await second.getByRole('button', { name: 'Refresh' }).click();
    await expect(second.getByText('Refreshing from Facebook…')).toBeVisible();
    await expect(second.getByRole('rowheader', { name: 'Harbor Coffee Co.' })).toBeVisible();
  });

  test('errors from the API show as plain messages over the cached table', async ({ context, extensionId, sim }) => {
    const page = await openDashboard(context, extensionId);
    await connect(page);
    await openPermissions(page);
    await sim.throttle({ code: 80002, afterCalls: 0, durationMs: 120_000 });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'Meta is limiting how fast Collab Desk may call it. Collab Desk makes no call until',
    );
    await expect(page.getByRole('rowheader', { name: 'Northwind Outdoor' })).toBeVisible();
  });

  test('without instagram_basic the Pages still show, with the reason the accounts are missing', async ({ context, extensionId, sim }) => {
    await sim.setControls({ declinedPermissions: ['instagram_basic'] });
    const page = await openDashboard(context, extensionId);
    await connect(page);
    await openPermissions(page);
    await expect(page.getByRole('alert')).toContainText('Meta would not show the Instagram accounts linked to your Pages');
    await expect(page.getByRole('rowheader', { name: 'Lumen Skincare' })).toBeVisible();
  });

  test('Disconnect drops the cached data', async ({ context, extensionId, sim }) => {
    void sim;
    const page = await openDashboard(context, extensionId);
    await connect(page);
    await openPermissions(page);
    const cachedEntries = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('collab-desk');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const count = open.result.transaction('graph-cache').objectStore('graph-cache').count();
              count.onsuccess = () => resolve(count.result);
            };
          }),
      );
    expect(await cachedEntries()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await expect(page.getByRole('button', { name: 'Connect with Facebook' })).toBeVisible();
    await expect.poll(cachedEntries).toBe(0);
  });

  test('the popup answers for the chosen brand account and remembers the choice', async ({ context, extensionId, sim }) => {
    void sim;
    const dashboard = await openDashboard(context, extensionId);
    await connect(dashboard);

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const brand = popup.getByRole('combobox', { name: 'Brand account' });
    await expect(brand.getByRole('option')).toHaveText(['@northwind.outdoor', '@lumen.skincare', '@harborcoffee']);
    await brand.selectOption({ label: '@harborcoffee' });
    await expect(popup.getByText('Not ready:')).toBeVisible();
    await expect(popup.getByText('Your access to Harbor Coffee Co.: Analyst')).toBeVisible();

    await popup.reload();
    await expect(popup.getByRole('combobox', { name: 'Brand account' })).toHaveValue('17841400000000003');
    await popup.getByRole('combobox', { name: 'Brand account' }).selectOption({ label: '@lumen.skincare' });
    await expect(popup.getByText('Ready for partnership ads')).toBeVisible();
    await expect(popup.getByText('Your access to Lumen Skincare: Task access: Ads, Insights')).toBeVisible();
  });
});
