import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { saveAppId } from './fixtures';
import { connect, expect, openDashboard, test } from './fixtures';

/** Every axe violation of any impact on the page as it is now, as "rule: target" lines. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')}`),
  );
}

const VIEWS = ['permissions', 'partnerships', 'bulk', 'content', 'activity', 'settings', 'help'];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility (${scheme})`, () => {
    test.use({ colorScheme: scheme });

    test('signed out: the setup guide, Settings and the popup have no axe violations', async ({ context, extensionId, sim }) => {
      void sim;
      const page = await openDashboard(context, extensionId, 'settings');
      await expect(page.getByRole('heading', { name: 'Set up Collab Desk' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await saveAppId(page);
      expect(await violations(page)).toEqual([]);
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      await expect(popup.getByRole('button', { name: 'Connect with Facebook' })).toBeVisible();
      expect(await violations(popup)).toEqual([]);
    });

    test('signed in: every dashboard view, a Confirm dialog and the popup have no axe violations', async ({
      context,
      extensionId,
      sim,
    }) => {
      void sim;
      // Seven views, each scanned whole by axe (Content's wide table among them), then a dialog and the popup.
      test.setTimeout(90_000);
      const page = await openDashboard(context, extensionId);
      await connect(page);
      for (const view of VIEWS) {
        await page.goto(`chrome-extension://${extensionId}/options.html#${view}`);
        await page.waitForLoadState('networkidle');
        if (view === 'partnerships') await expect(page.getByRole('table', { name: 'Partnership permissions' })).toBeVisible();
        if (view === 'content') await expect(page.getByRole('table', { name: 'Partnership content' })).toBeVisible();
        expect(await violations(page), view).toEqual([]);
      }
      await page.goto(`chrome-extension://${extensionId}/options.html#partnerships`);
      await page.getByRole('textbox', { name: 'Creator username' }).fill('axe.check');
      await page.getByRole('button', { name: 'Send request' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      expect(await violations(page), 'Confirm dialog').toEqual([]);
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      await popup.getByRole('textbox', { name: 'Creator username' }).fill('maya.trails');
      await expect(popup.getByText('@maya.trails with @northwind.outdoor')).toBeVisible();
      await expect(popup.getByRole('table', { name: 'All brands' }).getByRole('row')).toHaveCount(4);
      expect(await violations(popup), 'popup').toEqual([]);
    });
  });
}
