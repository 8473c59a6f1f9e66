import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { translatorFor, type Translator } from '@/utils/i18n/translate';
import { DEFAULT_APP_ID } from '../simulator/state';
import { brandRow, expect, openDashboard, test } from './fixtures';

const NORTHWIND = '17841400000000001';

function translatorOf(locale: string, tag: string): Translator {
  const messages = JSON.parse(readFileSync(resolve(import.meta.dirname, `../../public/_locales/${locale}/messages.json`), 'utf8'));
  return translatorFor(messages, tag);
}

const english = translatorOf('en', 'en');

/**
 * One flow per language we ship, the browser started in that language: the setup guide,
 * Settings, login, the Partnerships table with its status words and counts, a confirmed
 * revoke, and the popup. Every expected word is read from that language's messages, and
 * each is checked to differ from the English, so a page left in English cannot pass.
 */
for (const { locale, tag } of [
  { locale: 'es', tag: 'es' },
  { locale: 'pt_BR', tag: 'pt-BR' },
]) {
  test.describe(`in ${tag}`, () => {
    test.use({ language: tag });
    const words = translatorOf(locale, tag);
    const say = (key: Parameters<Translator['t']>[0], values?: Parameters<Translator['t']>[1]) => {
      const text = words.t(key, values);
      expect(text, `${locale}/${key} is translated`).not.toBe(english.t(key, values));
      return text;
    };

    test('set up, connect, read the list and revoke, all in the browser language', async ({ context, extensionId, sim }) => {
      const world = await sim.world();
      const approved = world.permissions.find((permission) => permission.brandIgId === NORTHWIND && permission.status === 'APPROVED')!;
      const creator = world.creators.find((candidate) => candidate.id === approved.creatorId)!.username;

      const page = await openDashboard(context, extensionId);
      await expect(page.locator('html')).toHaveAttribute('lang', tag);
      await expect(page.getByRole('heading', { name: say('setupHeading') }).first()).toBeVisible();

      await page.getByRole('link', { name: say('dashboardViewSettings') }).click();
      await page.getByRole('textbox', { name: say('settingsMetaAppId') }).fill(DEFAULT_APP_ID);
      await page.getByRole('button', { name: say('settingsSave'), exact: true }).click();
      await expect(page.getByText(say('settingsSaved'))).toBeVisible();
      await page.getByRole('button', { name: say('connectionConnect') }).click();
      await expect(page.getByText(say('connectionConnectedAs').replace(/\s*\{name\}.*/, ''))).toBeVisible();

      await page.getByRole('link', { name: say('dashboardViewPartnerships') }).click();
      const table = page.getByRole('table', { name: say('partnershipsTableCaption') });
      const row = table.getByRole('row').filter({ hasText: `@${creator}` });
      await expect(row).toContainText(say('statusApproved'));
      const mine = world.permissions.filter((permission) => permission.brandIgId === NORTHWIND).length;
      await expect(page.getByRole('list', { name: say('partnershipsCountsLabel') })).toContainText(words.number(mine));

      await row.getByRole('button', { name: say('commonRevoke') }).click();
      const confirm = say('confirmAction', { action: say('confirmRevokeAction', { creator: `@${creator}` }) });
      await page.getByRole('dialog').getByRole('button', { name: confirm }).click();
      await expect(row).toContainText(say('statusRevoked'));

      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      await expect(popup.locator('html')).toHaveAttribute('lang', tag);
      await popup.getByRole('textbox', { name: say('commonCreatorUsername') }).fill('someone.new');
      const northwind = brandRow(popup, 'northwind.outdoor', say('commonAllBrands'));
      await expect(northwind.getByText(say('statusNotRequested'), { exact: true })).toBeVisible();
      await expect(northwind.getByRole('button', { name: say('commonSendRequest') })).toBeVisible();
      await expect(popup.getByRole('link', { name: say('popupOpenDashboard') })).toBeVisible();
    });
  });
}
