import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimulatorControl } from '../simulator/control';
import { extensionIdOf, launchWithExtension } from '../support/launch-chromium';
import { badgeText, notificationCount } from './bulk-page';
import { connect, expect, openDashboard, test } from './fixtures';

const NORTHWIND = '17841400000000001';

async function creatorsWithStatus(sim: SimulatorControl, status: string): Promise<Array<{ username: string; id: string }>> {
  const world = await sim.world();
  return world.permissions
    .filter((permission) => permission.brandIgId === NORTHWIND && permission.status === status)
    .map((permission) => world.creators.find((creator) => creator.id === permission.creatorId)!);
}

function rowOf(page: Page, username: string) {
  return page
    .getByRole('table', { name: 'Partnership permissions' })
    .getByRole('row')
    .filter({ hasText: `@${username}` });
}

async function download(page: Page, button: string): Promise<string> {
  const file = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  return readFileSync(await (await file).path(), 'utf8');
}

test.describe('terms, follow-ups and campaigns', () => {
  test('an approved term that ended is counted on the badge and revoked only after Confirm, once', async ({
    context,
    extensionId,
    sim,
  }) => {
    const [ended, other] = await creatorsWithStatus(sim, 'APPROVED');
    const page = await openDashboard(context, extensionId);
    await connect(page);
    await page.getByRole('link', { name: 'Partnerships' }).click();
    await page.getByRole('searchbox', { name: 'Search creators' }).fill(ended!.username);
    await rowOf(page, ended!.username).getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'End date' }).fill('2026-01-31');
    await dialog.getByRole('textbox', { name: 'Campaign' }).fill('Winter drop');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(rowOf(page, ended!.username)).toContainText('Winter drop');
    await expect(rowOf(page, ended!.username)).toContainText('ended');
    // A term still running is not counted.
    await page.getByRole('searchbox', { name: 'Search creators' }).fill(other!.username);
    await rowOf(page, other!.username).getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'End date' }).fill('2099-12-31');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect(rowOf(page, other!.username)).toContainText('ends');

    await expect.poll(() => badgeText(context)).toBe('1');
    // One notification names the ended term (the test build holds the notifications permission).
    await expect.poll(() => notificationCount(context)).toBe(1);
    await sim.clearLog();
    await page.getByRole('button', { name: 'Revoke ended terms' }).click();
    const confirm = page.getByRole('dialog');
    await expect(confirm).toContainText(`@${ended!.username}`);
    await expect(confirm).not.toContainText(`@${other!.username}`);
    await expect(confirm.getByRole('button', { name: /^Confirm/ })).toContainText('Revoke 1 permission');
    // Cancel sends nothing.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect((await sim.log()).filter((entry) => entry.params.revoke === 'true')).toHaveLength(0);

    await page.getByRole('button', { name: 'Revoke ended terms' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^Confirm/ })
      .click();
    await page.getByRole('searchbox', { name: 'Search creators' }).fill(ended!.username);
    await expect(rowOf(page, ended!.username)).toContainText('Revoked', { timeout: 15_000 });
    const revokes = (await sim.log()).filter((entry) => entry.params.revoke === 'true');
    expect(revokes).toHaveLength(1);
    expect(revokes[0]!.params.creator_instagram_account ?? revokes[0]!.params.creator_instagram_username).toMatch(
      new RegExp(`^(${ended!.id}|${ended!.username.replace(/\./g, '\\.')})$`),
    );
    await expect.poll(() => badgeText(context)).toBe('');
    await expect(page.getByRole('button', { name: 'Revoke ended terms' })).toHaveCount(0);
  });

  test('Copy approval link puts the permission_url Meta gave on the clipboard', async ({ context, extensionId, sim }) => {
    const [pending] = await creatorsWithStatus(sim, 'PENDING');
    const world = await sim.world();
    const permission = world.permissions.find((p) => p.brandIgId === NORTHWIND && p.creatorId === pending!.id)!;
    const page = await openDashboard(context, extensionId);
    await connect(page);
    await page.getByRole('link', { name: 'Partnerships' }).click();
    await page.getByRole('searchbox', { name: 'Search creators' }).fill(pending!.username);
    await rowOf(page, pending!.username).getByRole('button', { name: 'Copy approval link' }).click();
    await expect(page.locator('#announcer')).toContainText(`@${pending!.username}`);
    // What the clipboard holds, pasted back as a person would (the page may not read the clipboard itself).
    const box = page.getByRole('searchbox', { name: 'Search creators' });
    await box.fill('');
    await box.press('Control+V');
    await expect(box).toHaveValue(`https://www.instagram.com/accounts/partnership_ads/${permission.id}/`);

    // Requests pending longer than the chosen days read as waiting; one button copies a line per waiting creator.
    await box.fill(pending!.username);
    await expect(rowOf(page, pending!.username)).toContainText(/waiting \d+ days/);
    const waiting = world.permissions.filter((p) => p.brandIgId === NORTHWIND && /^pending$/i.test(p.status)).length;
    await page.getByRole('button', { name: `Copy links of ${waiting} waiting creators` }).click();
    await box.fill('');
    await box.press('Control+V');
    // A search box keeps one line: the lines arrive joined, one link per waiting creator.
    expect((await box.inputValue()).match(/https:\/\/www\.instagram\.com\/accounts\/partnership_ads\//g)).toHaveLength(waiting);
  });

  test('a CSV with end date and campaign round-trips through the filter and Export CSV; a backup restores every note in a fresh profile', async ({
    context,
    extensionId,
    sim,
  }) => {
    const approved = await creatorsWithStatus(sim, 'APPROVED');
    const [pending] = await creatorsWithStatus(sim, 'PENDING');
    const [a, b, c] = [approved[0]!.username, approved[1]!.username, pending!.username];
    const page = await openDashboard(context, extensionId);
    await connect(page);
    await page.getByRole('link', { name: 'Bulk' }).click();
    const sheet = `creator_username,end date,campaign\n${a},2027-03-31,Spring Launch\n${c},,Spring Launch\n${b},2027-06-30,Fall\n`;
    await page
      .getByLabel('Import a CSV or TSV file')
      .setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
    await expect(page.getByText("The file's end dates and campaigns of 3 creators were kept as your notes.")).toBeVisible();

    // A campaign fills the bulk list with its creators (the dry run then says who is new).
    await page.getByRole('combobox', { name: 'Fill the list with the creators of a campaign' }).selectOption('Fall');
    await expect(page.getByRole('textbox', { name: 'Usernames' })).toHaveValue(b);

    await page.getByRole('link', { name: 'Partnerships' }).click();
    await page.getByRole('combobox', { name: 'Filter by campaign' }).selectOption('Spring Launch');
    const table = page.getByRole('table', { name: 'Partnership permissions' });
    await expect(table.getByRole('row')).toHaveCount(3);
    const exported = (await download(page, 'Export CSV'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(exported[0]).toBe('creator_username,status,meta_status,requested_at,creator_id,permission_id,end_date,campaign');
    expect(exported).toHaveLength(3);
    expect(exported.find((line) => line.startsWith(`${a},`))).toMatch(/,2027-03-31,Spring Launch$/);
    expect(exported.find((line) => line.startsWith(`${c},`))).toMatch(/,,Spring Launch$/);

    // The exported file comes back in with nothing lost.
    await page.getByRole('link', { name: 'Bulk' }).click();
    await page
      .getByLabel('Import a CSV or TSV file')
      .setInputFiles({ name: 'back.csv', mimeType: 'text/csv', buffer: Buffer.from(exported.join('\r\n')) });
    await expect(page.getByText("The file's end dates and campaigns of 2 creators were kept as your notes.")).toBeVisible();
    await page.getByRole('link', { name: 'Partnerships' }).click();
    await page.getByRole('combobox', { name: 'Filter by campaign' }).selectOption('Spring Launch');
    await expect(table.getByRole('row')).toHaveCount(3);
    await page.getByRole('combobox', { name: 'Filter by campaign' }).selectOption('Fall');
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(rowOf(page, b)).toContainText('Jun 30, 2027');

    // Notes are the person's own: Disconnect deletes Meta's data and leaves them.
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await expect(page.getByRole('button', { name: 'Connect with Facebook' })).toBeVisible();
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByText('3 notes are kept in this browser.', { exact: false })).toBeVisible();
    const backup = JSON.parse(await download(page, 'Export backup')) as { format: string; version: number; notes: unknown[] };
    expect(backup).toMatchObject({ format: 'collab-desk-notes', version: 1 });
    expect(backup.notes).toHaveLength(3);

    const freshDir = mkdtempSync(join(tmpdir(), 'collab-desk-fresh-'));
    const fresh = await launchWithExtension(process.env.E2E_EXTENSION_DIR!, freshDir);
    try {
      const freshPage = await openDashboard(fresh, await extensionIdOf(fresh), 'settings');
      await expect(freshPage.getByText('0 notes are kept in this browser.', { exact: false })).toBeVisible();
      await freshPage.getByLabel('Import backup').setInputFiles({
        name: 'notes.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(backup)),
      });
      const imported = 'Imported. New notes: 3. Replaced: 0. Already the same: 0.';
      await expect(freshPage.getByRole('region', { name: /Your notes/ }).getByRole('status')).toHaveText(imported);
      await expect(freshPage.getByText('3 notes are kept in this browser.', { exact: false })).toBeVisible();
      // Said once: the outcome's own live region tells screen readers. The page's announcer, made when it is
      // first asked to say something (before the outcome shows), used to get the same words 50 ms later.
      await expect(freshPage.locator('#announcer')).toHaveCount(0);
      await expect(freshPage.getByText(imported)).toBeVisible();
      // A file that is not a backup is refused, saying so, and nothing changes.
      await freshPage
        .getByLabel('Import backup')
        .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"other"}') });
      await expect(freshPage.getByRole('alert')).toContainText('not a Collab Desk notes backup');
      await connect(freshPage);
      await freshPage.getByRole('link', { name: 'Partnerships' }).click();
      await freshPage.getByRole('combobox', { name: 'Filter by campaign' }).selectOption('Spring Launch');
      await expect(freshPage.getByRole('table', { name: 'Partnership permissions' }).getByRole('row')).toHaveCount(3);
      await expect(rowOf(freshPage, a)).toContainText('Mar 31, 2027');
    } finally {
      await fresh.close();
      rmSync(freshDir, { recursive: true, force: true });
    }
  });
});
