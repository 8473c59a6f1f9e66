import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { UNSAFE_CREATOR_ID, VARIANT_RECORDS } from '../simulator/demo-data';
import type { SimulatorControl } from '../simulator/control';
import { brandRow, connect, expect, openDashboard, test } from './fixtures';

/**
 * The Partnerships, popup and Bulk flows over the simulator's variant world: records written
 * in every way Meta's documents, SDKs and third parties show (numeric times and IDs, other
 * casings, PENDING_APPROVAL, REJECTED, SELF_REMOVED, an unlisted status, no username, the
 * guide's, the SDK's and the business edge's field sets).
 */
const NORTHWIND = '17841400000000001';

async function idOf(sim: SimulatorControl, username: string): Promise<string> {
  return (await sim.world()).creators.find((creator) => creator.username === username)!.id;
}

async function openPartnerships(page: Page): Promise<void> {
  await connect(page);
  await page.getByRole('link', { name: 'Partnerships' }).click();
  await expect(page.getByRole('table', { name: 'Partnership permissions' })).toBeVisible();
}

function rowOf(page: Page, label: string) {
  return page
    .getByRole('table', { name: 'Partnership permissions' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
}

/** The popup, given a creator: @northwind.outdoor's row shows the status word and Revoke, never Send request. */
async function expectStandingInPopup(popup: Page, username: string, word: string): Promise<void> {
  await popup.getByRole('textbox', { name: 'Creator username' }).fill(username);
  const northwind = brandRow(popup);
  await expect(northwind.getByText(word, { exact: true }), username).toBeVisible();
  await expect(northwind.getByRole('button', { name: 'Revoke' })).toBeVisible();
  await expect(northwind.getByRole('button', { name: 'Send request' })).toHaveCount(0);
}

async function bulk(page: Page, usernames: string[], button: 'Send requests' | 'Revoke requests'): Promise<void> {
  await page.getByRole('link', { name: 'Bulk' }).click();
  await expect(page.getByRole('combobox', { name: 'Brand account' })).toHaveValue(NORTHWIND);
  await page.getByRole('textbox', { name: 'Usernames' }).fill(usernames.join('\n'));
  await page.getByRole('button', { name: button, exact: true }).click();
}

test.describe('Meta as it really answers: the variant world', () => {
  test.beforeEach(async ({ sim }) => {
    await sim.reset({ variants: true });
  });

  test('Partnerships: no row blank, every status word right, the nameless creator by ID, and the export keeps every record as received', async ({
    context,
    extensionId,
    sim,
  }) => {
    const page = await openDashboard(context, extensionId);
    await openPartnerships(page);
    const world = await sim.world();
    const total = world.permissions.filter((permission) => permission.brandIgId === NORTHWIND).length;
    await expect(page.getByRole('list', { name: 'Counts per status' })).toContainText(`${total} in all`);
    await expect(page.getByRole('list', { name: 'Counts per status' })).not.toContainText('No status given');

    const search = page.getByRole('searchbox', { name: 'Search creators' });
    for (const variant of VARIANT_RECORDS.filter((record) => record.shape !== 'no-username' && record.shape !== 'sdk')) {
      await search.fill(variant.username);
      await expect(rowOf(page, `@${variant.username}`).getByRole('cell').first(), variant.username).toHaveText(variant.word);
    }
    const namelessId = await idOf(sim, 'variant.nameless');
    await search.fill(namelessId);
    const nameless = rowOf(page, `Instagram ID ${namelessId}`);
    await expect(nameless.getByRole('cell').first()).toHaveText('Approved');
    await expect(nameless.getByRole('button', { name: 'Revoke' })).toBeVisible();
    // A status Collab Desk does not know is shown as received, with no action that could ask twice.
    await search.fill('variant.review');
    // (Edit only changes the person's own notes.)
    await expect(rowOf(page, '@variant.review').getByRole('button', { name: /^(Revoke|Send request)/ })).toHaveCount(0);
    await expect(rowOf(page, '@variant.review').getByRole('button', { name: /^Edit/ })).toHaveCount(1);

    await search.fill('');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync((await (await downloading).path())!, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv[0]).toBe('creator_username,status,meta_status,requested_at,creator_id,permission_id,end_date,campaign');
    expect(csv).toHaveLength(total + 1);
    const byId = new Map(csv.slice(1).map((line) => [line.split(',')[4], line.split(',')]));
    for (const variant of VARIANT_RECORDS.filter((record) => record.shape !== 'sdk')) {
      const row = byId.get(await idOf(sim, variant.username));
      expect(row, variant.username).toBeDefined();
      expect(row![1], variant.username).toBe(variant.word);
      expect(row![2], variant.username).toBe(variant.status);
    }
    expect(byId.get(namelessId)![0]).toBe('');
    expect(byId.get(UNSAFE_CREATOR_ID)![0]).toBe('variant.numeric');
  });

  test('Permissions: Pages whose fields come in odd types all show, each odd field costing only itself', async ({
    context,
    extensionId,
  }) => {
    const page = await openDashboard(context, extensionId);
    await connect(page);
    await page.getByRole('link', { name: 'Permissions' }).click();
    const table = page.getByRole('table', { name: 'Page permissions' });
    // Page IDs as JSON numbers, a task that is not a word (Northwind), no name (Fieldnotes), a null cursor on the last page.
    await expect(table.getByRole('rowheader')).toHaveText([
      'Northwind Outdoor',
      'Lumen Skincare',
      'Harbor Coffee Co.',
      'Pixel & Pine Studio',
      '200000000000005',
    ]);
    await expect(table.getByRole('row').filter({ hasText: 'Northwind Outdoor' })).toContainText('Facebook access');
    // The Instagram account's name came as a number and its picture as null: the brand is still there, by its username.
    await expect(
      page.getByRole('list', { name: 'Partnership-ads readiness' }).getByRole('listitem').filter({ hasText: '@lumen.skincare' }),
    ).not.toHaveCount(0);
  });

  test('a creator Meta names only by Instagram ID is revoked by that ID', async ({ context, extensionId, sim }) => {
    const page = await openDashboard(context, extensionId);
    await openPartnerships(page);
    const namelessId = await idOf(sim, 'variant.nameless');
    await page.getByRole('searchbox', { name: 'Search creators' }).fill(namelessId);
    await rowOf(page, `Instagram ID ${namelessId}`).getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await expect(rowOf(page, `Instagram ID ${namelessId}`).getByRole('cell').first()).toHaveText('Revoked');
    // The revoke went out once, as one item of a batch (every write goes through the same pipeline).
    const posts = (await sim.log()).filter((entry) => entry.method === 'POST' && entry.batchIndex !== undefined);
    expect(posts.map((entry) => entry.params)).toEqual([{ creator_instagram_account: namelessId, revoke: 'true' }]);
  });

  test('popup: a PENDING_APPROVAL creator reads Pending and offers Revoke, never a second request', async ({
    context,
    extensionId,
    sim,
  }) => {
    const dashboard = await openDashboard(context, extensionId);
    await connect(dashboard);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const northwind = brandRow(popup);
    for (const username of ['variant.awaiting', 'variant.guide']) await expectStandingInPopup(popup, username, 'Pending');
    await popup.getByRole('textbox', { name: 'Creator username' }).fill('variant.review');
    await expect(northwind.getByText('IN_REVIEW', { exact: true })).toBeVisible();
    await expect(popup.getByText(/Meta reports a status Collab Desk does not know \(IN_REVIEW\)/)).toBeVisible();
    await expect(northwind.getByRole('button', { name: 'Send request' })).toHaveCount(0);
    // Lookups went out as batch requests (a POST carrying GETs); nothing was written.
    expect((await sim.log()).filter((entry) => entry.method === 'POST' && entry.path !== '')).toHaveLength(0);
  });

  test('popup: a creator whose record Meta lists without a username reads Approved after the dashboard read that list, never Not requested', async ({
    context,
    extensionId,
  }) => {
    const dashboard = await openDashboard(context, extensionId);
    await openPartnerships(dashboard);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    for (const username of ['variant.nameless', 'variant.sdk']) await expectStandingInPopup(popup, username, 'Approved');
  });

  test('popup: with Meta ignoring the creator_username filter, a creator never asked reads Not requested, not a nameless record', async ({
    context,
    extensionId,
    sim,
  }) => {
    await sim.setControls({ ignoreCreatorFilter: true });
    const dashboard = await openDashboard(context, extensionId);
    await connect(dashboard);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('textbox', { name: 'Creator username' }).fill('never.asked.before');
    const northwind = brandRow(popup);
    await expect(northwind.getByText('Not requested', { exact: true })).toBeVisible();
    await expect(northwind.getByRole('button', { name: 'Send request' })).toBeVisible();
    await expectStandingInPopup(popup, 'variant.reference', 'Approved');
  });

  test('a bulk send over approved, pending-approval, unknown and new creators sends to the new ones only', async ({
    context,
    extensionId,
    sim,
  }) => {
    const page = await openDashboard(context, extensionId);
    await connect(page);
    const existing = [
      'variant.reference',
      'variant.lower',
      'variant.business',
      'variant.awaiting',
      'variant.guide',
      'variant.millis',
      'variant.review',
      // Meta's list names neither of these two (no username; the SDK's fields): they are asked about by name.
      'variant.nameless',
      'variant.sdk',
    ];
    await bulk(page, [...existing, 'brand.new.one', 'brand.new.two'], 'Send requests');
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading')).toHaveText('Send 2 requests?');
    await expect(dialog.getByRole('table', { name: 'Dry run' })).toContainText('Already approved5');
    await expect(dialog.getByRole('table', { name: 'Dry run' })).toContainText('Already pending3');
    await expect(dialog.getByRole('table', { name: 'Dry run' })).toContainText('Not sent: unknown status IN_REVIEW1');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Done\.$/ })).toBeVisible();
    const sent = (await sim.log())
      .filter((entry) => entry.method === 'POST' && entry.batchIndex !== undefined)
      .map((entry) => entry.params.creator_instagram_username);
    expect(sent.sort()).toEqual(['brand.new.one', 'brand.new.two']);
  });

  test('a bulk revoke names every creator whose Instagram ID is known by creator_instagram_account, every digit kept', async ({
    context,
    extensionId,
    sim,
  }) => {
    const page = await openDashboard(context, extensionId);
    await connect(page);
    const creators = ['variant.reference', 'variant.numeric', 'variant.awaiting', 'variant.millis', 'variant.business'];
    await bulk(page, creators, 'Revoke requests');
    await expect(page.getByRole('dialog').getByRole('heading')).toHaveText('Revoke 5 permissions?');
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Done\.$/ })).toBeVisible();
    const revokes = (await sim.log()).filter((entry) => entry.method === 'POST' && entry.batchIndex !== undefined);
    const expected = await Promise.all(creators.map((username) => idOf(sim, username)));
    expect(
      revokes.map((entry) => entry.params).sort((a, b) => a.creator_instagram_account!.localeCompare(b.creator_instagram_account!)),
    ).toEqual(expected.sort().map((id) => ({ creator_instagram_account: id, revoke: 'true' })));
    expect(expected).toContain(UNSAFE_CREATOR_ID);
    expect(revokes.every((entry) => entry.status === 200)).toBe(true);
  });
});
