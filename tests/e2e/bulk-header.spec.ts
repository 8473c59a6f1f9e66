import type { Page } from '@playwright/test';
import type { SimulatorControl } from '../simulator/control';
import { openBulk, paste, waitUntilDone } from './bulk-page';
import { expect, openDashboard, test } from './fixtures';

const headerBox = (page: Page) => page.getByRole('checkbox', { name: 'First row is a header' });

/** Opens the Confirm dialog for the list in the box, reads how many requests it asks for, and leaves it open. */
async function confirmTitle(page: Page): Promise<string | null> {
  await page.getByRole('button', { name: 'Send requests', exact: true }).click();
  const heading = page.getByRole('dialog').getByRole('heading');
  await expect(heading).toHaveText(/^Send \d+ requests?\?$/);
  return heading.textContent();
}

async function cancel(page: Page): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
}

/** Creators the simulator was asked to send a request to. */
async function sentTo(sim: SimulatorControl): Promise<string[]> {
  return (await sim.log())
    .filter((entry) => entry.method === 'POST' && entry.params.creator_instagram_username !== undefined)
    .map((entry) => entry.params.creator_instagram_username!);
}

test.describe('a header row is not a creator', () => {
  test('a pasted Spanish header is left out; the person can overrule the guess both ways', async ({ context, extensionId, sim }) => {
    const page = await openDashboard(context, extensionId);
    await openBulk(page);

    await paste(page, ['Usuario', 'alpha.one', 'beta.two']);
    await expect(headerBox(page)).toBeChecked();
    await expect(page.getByText('2 creators to act on.')).toBeVisible();
    expect(await confirmTitle(page)).toBe('Send 2 requests?');
    await cancel(page);

    // Unticked: "Usuario" is a creator after all.
    await headerBox(page).uncheck();
    await expect(page.getByText('3 creators to act on.')).toBeVisible();
    expect(await confirmTitle(page)).toBe('Send 3 requests?');
    await cancel(page);

    // Editing the lines below keeps the person's say; ticked again (by keyboard), the header is left out and sent nowhere.
    await paste(page, ['Usuario', 'alpha.one', 'beta.two', 'gamma.three']);
    await expect(headerBox(page)).not.toBeChecked();
    await headerBox(page).focus();
    await page.keyboard.press('Space');
    await expect(headerBox(page)).toBeChecked();
    await expect(page.getByText('3 creators to act on.')).toBeVisible();

    await sim.clearLog();
    expect(await confirmTitle(page)).toBe('Send 3 requests?');
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await waitUntilDone(page);
    const sent = await sentTo(sim);
    expect(sent.sort()).toEqual(['alpha.one', 'beta.two', 'gamma.three']);
    expect(sent).not.toContain('usuario');
  });

  test('a paste without a header is unticked, and ticking it drops the first line', async ({ context, extensionId, sim }) => {
    void sim;
    const page = await openDashboard(context, extensionId);
    await openBulk(page);

    await paste(page, ['usuario_oficial', 'alpha.one', 'beta.two']);
    await expect(headerBox(page)).not.toBeChecked();
    await expect(page.getByText('3 creators to act on.')).toBeVisible();
    await headerBox(page).check();
    await expect(page.getByText('2 creators to act on.')).toBeVisible();
    expect(await confirmTitle(page)).toBe('Send 2 requests?');
    await cancel(page);

    // A new list is guessed again.
    await paste(page, ['Nombre de usuario;Campaña', 'alpha.one', 'beta.two']);
    await expect(headerBox(page)).toBeChecked();
    await paste(page, ['conta.fit', 'alpha.one']);
    await expect(headerBox(page)).not.toBeChecked();
  });

  test('a CSV file with a Portuguese header: the header is shown, ticked and left out', async ({ context, extensionId, sim }) => {
    const page = await openDashboard(context, extensionId);
    await openBulk(page);
    const sheet = '\uFEFFNome de usuário,Campanha\r\nalpha.one,Verão\r\nbeta.two,Verão\r\n';
    await page
      .getByLabel('Import a CSV or TSV file')
      .setInputFiles({ name: 'criadores.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
    await expect(page.getByRole('textbox', { name: 'Usernames' })).toHaveValue('Nome de usuário\nalpha.one\nbeta.two');
    await expect(headerBox(page)).toBeChecked();
    await expect(page.getByText('2 creators to act on.')).toBeVisible();

    await headerBox(page).uncheck();
    await expect(page.getByText('2 creators to act on, 1 invalid (never sent).')).toBeVisible();
    await headerBox(page).check();

    await sim.clearLog();
    expect(await confirmTitle(page)).toBe('Send 2 requests?');
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await waitUntilDone(page);
    expect((await sentTo(sim)).sort()).toEqual(['alpha.one', 'beta.two']);
  });
});
