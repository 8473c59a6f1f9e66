import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { paste, waitUntilDone } from './bulk-page';
import { connect, expect, openDashboard, test } from './fixtures';

/** Every axe violation of any impact on the page as it is now, as "rule: target" lines (checked softly: one run names every view's). */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')}`),
  );
}

/**
 * A big account: 28 Pages (the demo's 5 and 23 more), and 1,000 creators who all have a
 * partnership record with the chosen brand, @northwind.outdoor.
 */
const BIG_ACCOUNT = { creators: 1000, extraPages: 23, agency: { brands: 0, creatorsPerBrand: 0, northwindCreators: 1000 } };

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility of a big account (${scheme})`, () => {
    test.use({ colorScheme: scheme });

    test('every dashboard view full of rows has no axe violations', async ({ context, extensionId, sim }) => {
      test.setTimeout(90_000);
      await sim.reset(BIG_ACCOUNT);
      await sim.setControls({ latencyMs: 0, callsPerMinuteBudget: 1_000_000 });
      const page = await openDashboard(context, extensionId);

      await connect(page);
      await page.getByRole('link', { name: 'Permissions' }).click();
      await expect(page.getByText('28 Pages')).toBeVisible();
      await expect(
        page.getByRole('table', { name: 'Page permissions' }).getByRole('rowheader', { name: 'Client Page 023' }),
      ).toBeAttached();
      expect.soft(await violations(page), 'Permissions with 28 Pages').toEqual([]);
      // The box the long table scrolls in is next in the tab order, named like its table, and the keyboard scrolls it.
      await page.getByRole('combobox', { name: 'Show Pages' }).focus();
      await page.keyboard.press('Tab');
      const scroller = page.getByRole('region', { name: 'Page permissions' });
      await expect(scroller).toBeFocused();
      await page.keyboard.press('End');
      await expect.poll(() => scroller.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);

      await page.getByRole('link', { name: 'Partnerships' }).click();
      await expect(page.getByText('1,000 creators', { exact: true })).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('table', { name: 'Partnership permissions' })).toHaveAttribute('aria-rowcount', '1001');
      expect.soft(await violations(page), 'Partnerships with 1,000 records').toEqual([]);

      // Bulk: a 1,000-line job and its Results (its sends add 1,000 Pending records, so it comes after Partnerships).
      await page.getByRole('link', { name: 'Bulk' }).click();
      await expect(page.getByRole('combobox', { name: 'Brand account' })).toHaveValue('17841400000000001');
      await paste(
        page,
        Array.from({ length: 1000 }, (_, index) => `axe.big.${String(index).padStart(4, '0')}`),
      );
      await page.getByRole('button', { name: 'Send requests', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('heading')).toHaveText('Send 1,000 requests?');
      // The dry run's list of what happens to each of the 1,000 creators scrolls in its own box.
      await dialog.getByText('Each creator', { exact: true }).click();
      await expect(dialog.getByRole('group').getByRole('listitem')).toHaveCount(1000);
      expect.soft(await violations(page), 'Confirm dialog of 1,000 lines').toEqual([]);
      await dialog.getByRole('button', { name: 'Confirm' }).click();
      await waitUntilDone(page);
      await expect(page.getByRole('list', { name: 'Bulk counts' })).toContainText('Sent: 1,000');
      await expect(page.getByRole('table', { name: 'Results' })).toHaveAttribute('aria-rowcount', '1001');
      expect.soft(await violations(page), 'Bulk Results of 1,000 lines').toEqual([]);

      await page.getByRole('link', { name: 'Activity' }).click();
      await expect(page.getByRole('status').filter({ hasText: /actions$/ })).toHaveText('1,000 actions', { timeout: 15_000 });
      await expect(page.getByRole('table', { name: 'Audit log' })).toHaveAttribute('aria-rowcount', '1001');
      expect.soft(await violations(page), 'Activity with 1,000 rows').toEqual([]);

      await page.getByRole('link', { name: 'Settings' }).click();
      await expect(page.getByRole('textbox', { name: 'Meta app ID' })).toBeVisible();
      expect.soft(await violations(page), 'Settings').toEqual([]);
    });
  });
}
