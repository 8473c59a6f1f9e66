import type { Page } from '@playwright/test';
import { openBulk, paste } from './bulk-page';
import { brandRow, connect, expect, openDashboard, test } from './fixtures';

function importFile(page: Page, name: string, buffer: Buffer) {
  return page.getByLabel('Import a CSV or TSV file').setInputFiles({ name, mimeType: 'text/csv', buffer });
}

/** The page's JavaScript heap in use, read through the Chrome DevTools Protocol. */
async function heapUsedBytes(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

test.describe('no file, paste or answer can hang, fool or overflow Collab Desk', () => {
  test('a CSV with one row of 2.4 million columns is refused with the column cap in under 2 s, the page staying small', async ({
    context,
    extensionId,
    sim,
  }) => {
    void sim;
    const page = await openDashboard(context, extensionId);
    await openBulk(page);
    const wide = Buffer.from(`username,${'a,'.repeat(2_400_000)}b\nmaya.trails\n`);
    await importFile(page, 'wide.csv', wide);
    // The bound for "does not hang" (it took 114 s before); how fast it is, is the benchmark's business.
    await expect(page.getByRole('alert')).toContainText('"wide.csv": A row of this file has more than 200 columns.', { timeout: 2_000 });
    expect(await heapUsedBytes(page)).toBeLessThan(100 * 1024 * 1024);
    await expect(page.getByRole('combobox', { name: 'Username column' })).toHaveCount(0);
  });

  test('125,000 rows get the row limit, and an ANSI (Windows-1252) export from Excel is read, saying so', async ({
    context,
    extensionId,
    sim,
  }) => {
    void sim;
    const page = await openDashboard(context, extensionId);
    await openBulk(page);
    await importFile(page, 'many.csv', Buffer.from(`username\n${Array.from({ length: 125_000 }, (_, index) => `c${index}`).join('\n')}`));
    await expect(page.getByRole('alert')).toContainText(
      '"many.csv": This file has 125,000 rows; Collab Desk takes at most 10,000 creators at a time.',
    );

    // "Nombre;Instagram" rows with José Muñoz and Zoë, as Excel on Windows saves them: bytes, not UTF-8.
    const ansi = Buffer.from('Nombre;Instagram\r\nJos\xe9 Mu\xf1oz;jose.munoz\r\nZo\xeb;zoe.cafe\r\n', 'latin1');
    await importFile(page, 'ansi.csv', ansi);
    await expect(page.getByRole('status').filter({ hasText: /Read ansi\.csv as Windows-1252/ })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Username column' })).toHaveValue('1');
    await page.getByRole('combobox', { name: 'Username column' }).selectOption({ index: 0 });
    await expect(page.getByRole('list', { name: 'Invalid entries' })).toContainText('José Muñoz');
    await expect(page.getByRole('list', { name: 'Invalid entries' })).toContainText('"é" (U+00E9)');
  });

  test('limits are told as soon as a pasted list passes them, before any Confirm', async ({ context, extensionId, sim }) => {
    const page = await openDashboard(context, extensionId);
    await openBulk(page);
    await paste(
      page,
      Array.from({ length: 10_001 }, (_, index) => `over.limit.${index}`),
    );
    await expect(page.getByRole('alert')).toContainText('This list has 10,001 creators; one job takes at most 10,000.');
    await expect(page.getByRole('button', { name: 'Send requests', exact: true })).toBeDisabled();
    await paste(
      page,
      Array.from({ length: 10_000 }, (_, index) => `at.limit.${index}`),
    );
    await expect(page.getByRole('button', { name: 'Send requests', exact: true })).toBeEnabled();
    expect((await sim.log()).filter((entry) => entry.method === 'POST')).toHaveLength(0);
  });

  test('hidden and look-alike characters are refused with their code point, not folded or reversed', async ({
    context,
    extensionId,
    sim,
  }) => {
    void sim;
    const page = await openDashboard(context, extensionId);
    await openBulk(page);
    await paste(page, ['\u212Aai.fit', 'maya\u200B.trails', '\u202Eslairt.ayam', 'leo_eats']);
    const invalid = page.getByRole('list', { name: 'Invalid entries' });
    await expect(invalid).toContainText('(U+212A)');
    await expect(invalid).toContainText('U+200B (zero-width space)');
    await expect(invalid).toContainText('U+202E (right-to-left override)');
    await expect(page.getByRole('status').filter({ hasText: /to act on/ })).toContainText('1 creator to act on, 3 invalid');
    // The override cannot reverse the rest of its line: the entry is isolated.
    await expect(invalid.locator('bdi')).toHaveCount(3);
  });

  test('the popup never shows a status or an action under a name it does not belong to', async ({ context, extensionId, sim }) => {
    const dashboard = await openDashboard(context, extensionId);
    await connect(dashboard);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const box = popup.getByRole('textbox', { name: 'Creator username' });
    await box.fill('first.creator');
    await expect(brandRow(popup).getByText('Not requested', { exact: true })).toBeVisible();
    await sim.setControls({ latencyMs: 1500 });
    await brandRow(popup).getByRole('button', { name: 'Send request' }).click();
    // While that send is on its way, another name is typed: nothing of the first shows under it.
    await box.fill('second.creator');
    await expect(popup.getByText('Pending', { exact: true })).toHaveCount(0);
    await expect(popup.getByText('@second.creator with @northwind.outdoor')).toBeVisible({ timeout: 10_000 });
    await expect(brandRow(popup).getByText('Not requested', { exact: true })).toBeVisible();
    await popup.waitForTimeout(2000);
    await expect(popup.getByText('Pending', { exact: true })).toHaveCount(0);
    await expect(popup.getByRole('button', { name: 'Revoke' })).toHaveCount(0);
    await box.fill('first.creator');
    await expect(brandRow(popup).getByText('Pending', { exact: true })).toBeVisible({ timeout: 10_000 });
  });
});
