import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { translatorFor, type Translator } from '@/utils/i18n/translate';
import type { DemoWorld } from '../simulator/demo-data';
import { DEFAULT_APP_ID } from '../simulator/state';
import { brandRow, expect, openDashboard, test } from './fixtures';

/** The demo's three brand accounts (@harborcoffee not ready) and two agency clients: five in all. */
const FIVE_BRANDS = { agency: { brands: 2, creatorsPerBrand: 40, northwindCreators: 0 } };
const NORTHWIND = '17841400000000001';
const CLIENT = '17841470000000001';

function translatorOf(locale: string, tag: string): Translator {
  const messages = JSON.parse(readFileSync(resolve(import.meta.dirname, `../../public/_locales/${locale}/messages.json`), 'utf8'));
  return translatorFor(messages, tag);
}

/** A creator approved by @northwind.outdoor who also has a record with the first client brand. */
function creatorOfManyBrands(world: DemoWorld): string {
  const ofClient = new Set(world.permissions.filter((p) => p.brandIgId === CLIENT).map((p) => p.creatorId));
  const permission = world.permissions.find((p) => p.brandIgId === NORTHWIND && p.status === 'APPROVED' && ofClient.has(p.creatorId))!;
  return world.creators.find((creator) => creator.id === permission.creatorId)!.username;
}

/** Settings, the app ID and Connect, by the words of the browser's language; the dashboard is closed again. */
async function connectIn(context: BrowserContext, extensionId: string, words: Translator): Promise<void> {
  const page = await openDashboard(context, extensionId);
  await page.getByRole('link', { name: words.t('dashboardViewSettings') }).click();
  await page.getByRole('textbox', { name: words.t('settingsMetaAppId') }).fill(DEFAULT_APP_ID);
  await page.getByRole('button', { name: words.t('settingsSave'), exact: true }).click();
  await expect(page.getByText(words.t('settingsSaved'))).toBeVisible();
  await page.getByRole('button', { name: words.t('connectionConnect') }).click();
  await expect(page.getByText(words.t('connectionConnectedAs').replace(/\s*\{name\}.*/, ''))).toBeVisible();
  await page.close();
}

/** The popup as Chrome gives it room: at most 400 x 600 px. */
async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return popup;
}

async function pageSize(popup: Page) {
  return popup.evaluate(() => {
    const root = document.documentElement;
    return { height: root.scrollHeight, width: root.scrollWidth, clientWidth: root.clientWidth };
  });
}

for (const { locale, tag } of [
  { locale: 'en', tag: 'en' },
  { locale: 'es', tag: 'es' },
  { locale: 'pt_BR', tag: 'pt-BR' },
]) {
  test.describe(`the popup at a glance, in ${tag}`, () => {
    test.use({ language: tag === 'en' ? undefined : tag });
    const words = translatorOf(locale, tag);

    test('five brands and a creator looked up fit 400 x 600 px: the chosen brand first and marked, the one not ready on one line', async ({
      context,
      extensionId,
      sim,
    }) => {
      await sim.reset(FIVE_BRANDS);
      const creator = creatorOfManyBrands(await sim.world());
      await connectIn(context, extensionId, words);

      const popup = await openPopup(context, extensionId);
      await popup.getByRole('textbox', { name: words.t('commonCreatorUsername') }).fill(creator);
      const table = popup.getByRole('table', { name: words.t('commonAllBrands') });
      await expect(table.getByRole('row')).toHaveCount(6);
      await expect(brandRow(popup, 'client.brand002', words.t('commonAllBrands'))).toContainText(
        new RegExp(`${words.t('statusNotRequested')}|${words.t('statusApproved')}|${words.t('statusPending')}`),
      );
      // The chosen brand's row is the first and the only one marked as current.
      const first = table.getByRole('row').nth(1);
      await expect(first).toContainText('@northwind.outdoor');
      await expect(first).toHaveAttribute('aria-current', 'true');
      await expect(table.locator('tr[aria-current]')).toHaveCount(1);
      await expect(first).toContainText(words.t('statusApproved'));
      // Above the table, the status for the chosen brand with its one action; Revoke asks Confirm.
      const chosen = popup.locator('.chosen-status');
      await expect(chosen).toContainText(words.t('statusApproved'));
      await expect(chosen.getByRole('button')).toHaveCount(1);
      await expect(chosen.getByRole('button', { name: words.t('commonRevoke') })).toBeVisible();
      await expect(popup.getByText(words.t('permissionsReadinessReady'))).toBeVisible();
      // The brand that is not ready: one line, a link to where the fix is shown.
      const notReady = brandRow(popup, 'harborcoffee', words.t('commonAllBrands')).getByRole('link');
      await expect(notReady).toHaveAccessibleName(new RegExp(`^${words.t('popupBrandNotReady', { reason: '' }).trim()}`));
      await expect(notReady).toHaveAttribute('href', '/options.html#permissions');
      const line = await notReady.evaluate((element) => ({
        height: element.getBoundingClientRect().height,
        lineHeight: parseFloat(getComputedStyle(element).lineHeight),
      }));
      expect(line.height).toBeLessThan(line.lineHeight * 1.5);
      // The session at the foot, and the dashboard link.
      await expect(popup.getByRole('contentinfo').getByRole('button', { name: words.t('connectionDisconnect') })).toBeVisible();
      await expect(popup.getByRole('link', { name: words.t('popupOpenDashboard') })).toBeVisible();

      await popup.screenshot({ path: `/tmp/shots/popup-${tag}.png` });
      const size = await pageSize(popup);
      expect(size.height, 'no vertical scroll in 600 px').toBeLessThanOrEqual(600);
      expect(size.width, 'no horizontal scroll').toBeLessThanOrEqual(size.clientWidth);
      await popup.screenshot({ path: `/tmp/shots/popup-${tag}.png` });

      await chosen.getByRole('button', { name: words.t('commonRevoke') }).click();
      await expect(popup.getByRole('dialog')).toBeVisible();
      expect((await pageSize(popup)).height).toBeLessThanOrEqual(600);
    });
  });
}

test.describe('the popup away from instagram.com', () => {
  test('focus starts in Creator username; the last creators looked up are one click away; Enter looks up', async ({
    context,
    extensionId,
    sim,
  }) => {
    await sim.reset(FIVE_BRANDS);
    const english = translatorOf('en', 'en');
    await connectIn(context, extensionId, english);

    const popup = await openPopup(context, extensionId);
    const box = popup.getByRole('textbox', { name: 'Creator username' });
    await expect(box).toBeFocused();
    await expect(popup.getByRole('heading', { name: 'Recent creators' })).toHaveCount(0);
    for (const name of ['first.looked', 'second.looked']) {
      await box.fill(name);
      await box.press('Enter');
      await expect(popup.getByRole('table', { name: 'All brands' })).toBeVisible();
      await expect(popup.locator('.chosen-status')).toContainText(`@${name}`);
    }
    await popup.close();

    const again = await openPopup(context, extensionId);
    const recent = again.getByRole('region', { name: 'Recent creators' });
    await expect(recent.getByRole('button')).toHaveText(['@second.looked', '@first.looked']);
    await expect(again.getByRole('textbox', { name: 'Creator username' })).toBeFocused();
    expect(await new AxeBuilder({ page: again }).analyze().then((result) => result.violations.map((violation) => violation.id))).toEqual(
      [],
    );
    await recent.getByRole('button', { name: '@first.looked' }).click();
    await expect(again.getByRole('textbox', { name: 'Creator username' })).toHaveValue('first.looked');
    await expect(brandRow(again)).toContainText('Not requested');
    await expect(again.locator('.chosen-status').getByRole('button', { name: 'Send request' })).toBeVisible();
    expect(await new AxeBuilder({ page: again }).analyze().then((result) => result.violations.map((violation) => violation.id))).toEqual(
      [],
    );

    // Disconnect, at the foot, forgets the recent creators with the rest of the cached data.
    await again.getByRole('button', { name: 'Disconnect' }).click();
    await expect(again.getByRole('button', { name: 'Connect with Facebook' })).toBeVisible();
    await again.getByRole('button', { name: 'Connect with Facebook' }).click();
    await expect(again.getByText('Connected as')).toBeVisible();
    await again.reload();
    await expect(again.getByRole('textbox', { name: 'Creator username' })).toBeVisible();
    await expect(again.getByRole('region', { name: 'Recent creators' })).toHaveCount(0);
  });
});
