import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { DemoWorld } from '../simulator/demo-data';
import type { SimulatorControl } from '../simulator/control';
import { badgeText, notificationCount } from './bulk-page';
import { brandRow, connect, expect, openDashboard, test } from './fixtures';

/** The demo's three brands plus one agency client, ready for partnership ads like @northwind.outdoor. */
const AGENCY = { agency: { brands: 1, creatorsPerBrand: 40, northwindCreators: 0 } };
const BRANDS = { northwind: '17841400000000001', lumen: '17841400000000002', client: '17841470000000001' };
const WORDS: Record<string, string> = {
  APPROVED: 'Approved',
  PENDING: 'Pending',
  REVOKED: 'Revoked',
  REJECTED: 'Rejected',
  CANCELED: 'Canceled',
  EXPIRED: 'Expired',
};

function statusOf(world: DemoWorld, brandIgId: string, username: string): string {
  const creator = world.creators.find((candidate) => candidate.username === username)!;
  const status = world.permissions.find((permission) => permission.brandIgId === brandIgId && permission.creatorId === creator.id)?.status;
  return status ? WORDS[status.toUpperCase()]! : 'Not requested';
}

/** A creator approved by @northwind.outdoor who also has a record with the agency's client brand. */
function creatorOfManyBrands(world: DemoWorld): string {
  const usernameOf = (creatorId: string) => world.creators.find((creator) => creator.id === creatorId)!.username;
  const ofClient = new Set(world.permissions.filter((p) => p.brandIgId === BRANDS.client).map((p) => p.creatorId));
  const permission = world.permissions.find(
    (p) => p.brandIgId === BRANDS.northwind && p.status === 'APPROVED' && ofClient.has(p.creatorId),
  )!;
  return usernameOf(permission.creatorId);
}

/** The agency world, connected from the dashboard (closed again); returns the world. */
async function connectedInAgency(context: BrowserContext, extensionId: string, sim: SimulatorControl): Promise<DemoWorld> {
  await sim.reset(AGENCY);
  const dashboard = await openDashboard(context, extensionId);
  await connect(dashboard);
  await dashboard.close();
  return sim.world();
}

async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return popup;
}

/** HTTP requests the simulator served to the partnership edge or as batches (batch items are not counted apart). */
async function lookupRequests(sim: { log(): Promise<Array<{ path: string; batchIndex?: number; batchSize?: number }>> }) {
  return (await sim.log()).filter(
    (entry) => entry.batchIndex === undefined && (entry.batchSize !== undefined || entry.path.endsWith('branded_content_ad_permissions')),
  );
}

test.describe('the agency view', () => {
  test('popup: All brands shows the creator with every brand, from one batch request cold and none warm; each row acts for its brand', async ({
    context,
    extensionId,
    sim,
  }) => {
    const world = await connectedInAgency(context, extensionId, sim);
    const creator = creatorOfManyBrands(world);
    await sim.clearLog();

    const popup = await openPopup(context, extensionId);
    await popup.getByRole('textbox', { name: 'Creator username' }).fill(creator);
    const table = popup.getByRole('table', { name: 'All brands' });
    await expect(brandRow(popup, 'client.brand001')).toContainText(statusOf(world, BRANDS.client, creator));
    await expect(table.getByRole('row')).toHaveCount(5);
    // The chosen brand first; the brand that is not ready says why instead of a status.
    await expect(table.getByRole('row').nth(1)).toContainText('@northwind.outdoor');
    await expect(brandRow(popup)).toContainText('Approved');
    await expect(brandRow(popup, 'lumen.skincare')).toContainText(statusOf(world, BRANDS.lumen, creator));
    await expect(brandRow(popup, 'harborcoffee')).toContainText('Not ready');
    await expect(brandRow(popup, 'harborcoffee').getByRole('button')).toHaveCount(0);
    const cold = await lookupRequests(sim);
    expect(cold).toHaveLength(1);
    expect(cold[0]).toMatchObject({ method: 'POST', batchSize: 3 });

    // Warm: the same creator again answers from IndexedDB, no request at all.
    await popup.close();
    await sim.clearLog();
    const again = await openPopup(context, extensionId);
    await again.getByRole('textbox', { name: 'Creator username' }).fill(creator);
    await expect(brandRow(again, 'client.brand001')).toContainText(statusOf(world, BRANDS.client, creator));
    await again.waitForTimeout(500);
    expect(await lookupRequests(sim)).toHaveLength(0);

    // Revoke in the chosen brand's row asks Confirm and revokes for that brand only.
    await brandRow(again).getByRole('button', { name: 'Revoke' }).click();
    await again.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await expect(brandRow(again)).toContainText('Revoked');
    const revokes = (await sim.log()).filter((entry) => entry.params.revoke === 'true');
    expect(revokes).toHaveLength(1);
    expect(revokes[0]!.path).toBe(`${BRANDS.northwind}/branded_content_ad_permissions`);
    // The client brand's row is untouched.
    await expect(brandRow(again, 'client.brand001')).toContainText(statusOf(world, BRANDS.client, creator));
  });

  test("popup: Send request in another brand's row sends for that brand", async ({ context, extensionId, sim }) => {
    await connectedInAgency(context, extensionId, sim);
    const popup = await openPopup(context, extensionId);
    await popup.getByRole('textbox', { name: 'Creator username' }).fill('brand.new.face');
    await expect(brandRow(popup, 'lumen.skincare')).toContainText('Not requested');
    await brandRow(popup, 'lumen.skincare').getByRole('button', { name: 'Send request' }).click();
    await expect(brandRow(popup, 'lumen.skincare')).toContainText('Pending');
    await expect(brandRow(popup)).toContainText('Not requested');
    const sends = (await sim.log()).filter(
      (entry) => entry.method === 'POST' && entry.params.creator_instagram_username === 'brand.new.face',
    );
    expect(sends.map((entry) => entry.path)).toEqual([`${BRANDS.lumen}/branded_content_ad_permissions`]);
  });

  test("dashboard: All brands lists every brand's records with a Brand column, counts per brand, and exports the brand in each row", async ({
    context,
    extensionId,
    sim,
  }) => {
    await sim.reset(AGENCY);
    const world = await sim.world();
    const count = (brandIgId: string) => world.permissions.filter((permission) => permission.brandIgId === brandIgId).length;
    const page = await openDashboard(context, extensionId);
    await connect(page);
    await page.getByRole('link', { name: 'Partnerships' }).click();
    await page.getByRole('combobox', { name: 'Brand account' }).selectOption({ label: 'All brands' });

    const counts = page.getByRole('table', { name: 'Counts by brand' });
    await expect(counts.getByRole('row', { name: /@lumen\.skincare/ })).toContainText(String(count(BRANDS.lumen)));
    await expect(counts.getByRole('row', { name: /@northwind\.outdoor/ })).toContainText(String(count(BRANDS.northwind)));
    await expect(counts.getByRole('row', { name: /@client\.brand001/ })).toContainText(String(count(BRANDS.client)));
    const total = count(BRANDS.northwind) + count(BRANDS.lumen) + count(BRANDS.client);
    await expect(page.getByRole('list', { name: 'Counts per status' })).toContainText(`${total} in all`);
    const table = page.getByRole('table', { name: 'Partnership permissions' });
    await expect(table.getByRole('columnheader', { name: 'Brand' })).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const lines = readFileSync(await (await download).path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('brand_username,creator_username,status,meta_status,requested_at,creator_id,permission_id,end_date,campaign');
    expect(lines).toHaveLength(total + 1);
    for (const [username, brandIgId] of [
      ['northwind.outdoor', BRANDS.northwind],
      ['lumen.skincare', BRANDS.lumen],
      ['client.brand001', BRANDS.client],
    ] as const) {
      expect(lines.filter((line) => line.startsWith(`${username},`))).toHaveLength(count(brandIgId));
    }

    // Revoke from All brands goes to the row's own brand.
    const lumenApproved = world.permissions.find((p) => p.brandIgId === BRANDS.lumen && p.status === 'APPROVED')!;
    const creator = world.creators.find((candidate) => candidate.id === lumenApproved.creatorId)!.username;
    await page.getByRole('searchbox', { name: 'Search creators' }).fill(creator);
    const row = table
      .getByRole('row')
      .filter({ hasText: '@lumen.skincare' })
      .filter({ hasText: `@${creator}` });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await expect(row).toContainText('Revoked');
    const revokes = (await sim.log()).filter((entry) => entry.params.revoke === 'true');
    expect(revokes.map((entry) => entry.path)).toEqual([`${BRANDS.lumen}/branded_content_ad_permissions`]);
  });

  test('the watch: two approvals in one cycle show in What changed, on the badge and in one notification; Mark as seen clears them', async ({
    context,
    extensionId,
    sim,
  }) => {
    const world = await sim.world();
    const pending = world.permissions.filter((p) => p.brandIgId === BRANDS.lumen && p.status === 'PENDING').slice(0, 2);
    const [first, second] = pending.map((p) => world.creators.find((creator) => creator.id === p.creatorId)!.username);
    const page = await openDashboard(context, extensionId);
    await connect(page);

    // Settings: on, with the call budget stated; the first look (the baseline) runs at once.
    await page.getByRole('checkbox', { name: 'Watch for approvals' }).check();
    await expect(page.getByText(/at most 4 batch requests/)).toBeVisible();
    await expect(page.getByText(/Last checked at .*Pending creators asked about: \d+\. Changes found: 0\./)).toBeVisible({
      timeout: 15_000,
    });
    expect(await notificationCount(context)).toBe(0);

    await sim.setPermissionStatus('lumen.skincare', first!, 'APPROVED');
    await sim.setPermissionStatus('lumen.skincare', second!, 'APPROVED');
    await sim.clearLog();
    await page.getByRole('button', { name: 'Check now' }).click();
    await expect(page.getByText(/Last checked at .*Changes found: 2\./)).toBeVisible({ timeout: 15_000 });
    // The watch only reads: batch requests of GETs, nothing sent or revoked.
    const log = await sim.log();
    expect(log.filter((entry) => entry.batchIndex !== undefined).every((entry) => entry.method === 'GET')).toBe(true);
    expect(log.filter((entry) => entry.method === 'POST' && entry.path !== '')).toHaveLength(0);

    await expect.poll(() => badgeText(context)).toBe('2');
    expect(await notificationCount(context)).toBe(1);

    await page.getByRole('link', { name: 'Partnerships' }).click();
    const changed = page.getByRole('table', { name: 'What changed' });
    await expect(changed.getByRole('row', { name: new RegExp(`@${first!.replace(/\./g, '\\.')}`) })).toContainText('Approved');
    await expect(changed.getByRole('row', { name: new RegExp(`@${second!.replace(/\./g, '\\.')}`) })).toContainText('@lumen.skincare');
    await expect(changed.getByRole('row')).toHaveCount(3);

    await page.getByRole('button', { name: 'Mark as seen' }).click();
    await expect(changed).toHaveCount(0);
    await expect(page.getByText('Nothing new since you last looked.', { exact: false })).toBeVisible();
    await expect.poll(() => badgeText(context)).toBe('');
  });
});
