import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { SimulatorControl } from '../simulator/control';
import { brandRow, connect, expect, openDashboard, test } from './fixtures';

const NORTHWIND = '17841400000000001';

/** Creators of a brand in the simulator's world, by their exact status value. */
async function creatorsWithStatus(sim: SimulatorControl, status: string, brandIgId = NORTHWIND): Promise<string[]> {
  const world = await sim.world();
  return world.permissions
    .filter((permission) => permission.brandIgId === brandIgId && permission.status === status)
    .map((permission) => world.creators.find((creator) => creator.id === permission.creatorId)!.username);
}

async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('combobox', { name: 'Brand account' })).toBeVisible();
  return popup;
}

async function connectedPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const dashboard = await openDashboard(context, extensionId);
  await connect(dashboard);
  await dashboard.close();
  return openPopup(context, extensionId);
}

function sends(log: Awaited<ReturnType<SimulatorControl['log']>>, username: string) {
  return log.filter(
    (entry) => entry.method === 'POST' && entry.params.creator_instagram_username === username && entry.params.revoke === undefined,
  );
}

test.describe('creator partnership-ad permissions', () => {
  test('the popup looks up a typed creator and shows the status word', async ({ context, extensionId, sim }) => {
    const [approved] = await creatorsWithStatus(sim, 'APPROVED');
    const popup = await connectedPopup(context, extensionId);
    await popup.getByRole('textbox', { name: 'Creator username' }).fill(`@${approved!.toUpperCase()}`);
    await expect(brandRow(popup).getByText('Approved', { exact: true })).toBeVisible();
    await expect(brandRow(popup).getByRole('button', { name: 'Revoke' })).toBeVisible();

    await popup.getByRole('textbox', { name: 'Creator username' }).fill('someone.new');
    await expect(brandRow(popup).getByText('Not requested', { exact: true })).toBeVisible();
    await expect(brandRow(popup).getByRole('button', { name: 'Send request' })).toBeVisible();
  });

  test('a bad username is explained and never looked up', async ({ context, extensionId, sim }) => {
    const popup = await connectedPopup(context, extensionId);
    await sim.clearLog();
    await popup.getByRole('textbox', { name: 'Creator username' }).fill('maya..trails');
    await expect(popup.getByText('An Instagram username cannot have two dots in a row.')).toBeVisible();
    await popup.getByRole('textbox', { name: 'Creator username' }).fill('maya-trails');
    await expect(popup.getByText('"-" cannot be in an Instagram username')).toBeVisible();
    await popup.waitForTimeout(500);
    expect((await sim.log()).filter((entry) => entry.path.endsWith('branded_content_ad_permissions'))).toHaveLength(0);
  });

  test('sending a request from the popup shows Pending, sent once', async ({ context, extensionId, sim }) => {
    const popup = await connectedPopup(context, extensionId);
    await popup.getByRole('textbox', { name: 'Creator username' }).fill('fresh.face');
    await brandRow(popup).getByRole('button', { name: 'Send request' }).click();
    await expect(brandRow(popup).getByText('Pending', { exact: true })).toBeVisible();
    await expect(brandRow(popup).getByRole('button', { name: 'Revoke' })).toBeVisible();
    expect(sends(await sim.log(), 'fresh.face')).toHaveLength(1);
    const world = await sim.world();
    const creator = world.creators.find((candidate) => candidate.username === 'fresh.face')!;
    expect(world.permissions.find((permission) => permission.creatorId === creator.id && permission.brandIgId === NORTHWIND)?.status).toBe(
      'PENDING',
    );
  });

  test('revoking an approved creator asks Confirm, then shows Revoked', async ({ context, extensionId, sim }) => {
    const [approved] = await creatorsWithStatus(sim, 'APPROVED');
    const popup = await connectedPopup(context, extensionId);
    await popup.getByRole('textbox', { name: 'Creator username' }).fill(approved!);
    await brandRow(popup).getByRole('button', { name: 'Revoke' }).click();
    const dialog = popup.getByRole('dialog');
    await expect(dialog).toContainText(`Revoke @${approved}?`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(brandRow(popup).getByText('Approved', { exact: true })).toBeVisible();
    expect((await sim.log()).filter((entry) => entry.params.revoke === 'true')).toHaveLength(0);

    await brandRow(popup).getByRole('button', { name: 'Revoke' }).click();
    await popup.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await expect(brandRow(popup).getByText('Revoked', { exact: true })).toBeVisible();
    const revokes = (await sim.log()).filter((entry) => entry.params.revoke === 'true');
    expect(revokes).toHaveLength(1);
    expect(revokes[0]!.params.creator_instagram_account).toMatch(/^\d+$/);
  });

  test('the popup fills the creator from the open instagram.com profile', async ({ context, extensionId, sim }) => {
    const [pending] = await creatorsWithStatus(sim, 'PENDING');
    const dashboard = await openDashboard(context, extensionId);
    await connect(dashboard);
    await context.route('https://www.instagram.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>${pending} • Instagram</title><h1>${pending}</h1>` }),
    );
    const profile = await context.newPage();
    await profile.goto(`https://www.instagram.com/${pending}/reels/`);
    const popup = await openPopup(context, extensionId);
    await expect(popup.getByRole('textbox', { name: 'Creator username' })).toHaveValue(pending!);
    await expect(brandRow(popup).getByText('Pending', { exact: true })).toBeVisible();
    await expect(popup.getByText('From the Instagram profile you have open.')).toBeVisible();
  });

  test('the dashboard lists every permission across API pages with the right counts', async ({ context, extensionId, sim }) => {
    const world = await sim.world();
    const mine = world.permissions.filter((permission) => permission.brandIgId === NORTHWIND);
    const expectedApproved = mine.filter((permission) => permission.status.toUpperCase() === 'APPROVED').length;
    const expectedPending = mine.filter((permission) => permission.status.toUpperCase() === 'PENDING').length;
    const [expired] = await creatorsWithStatus(sim, 'EXPIRED');
    const [unlisted] = await creatorsWithStatus(sim, 'REJECTED');

    const page = await openDashboard(context, extensionId);
    await connect(page);
    await page.getByRole('link', { name: 'Partnerships' }).click();
    const table = page.getByRole('table', { name: 'Partnership permissions' });
    await expect(table.getByRole('row')).toHaveCount(mine.length + 1);
    const counts = page.getByRole('list', { name: 'Counts per status' });
    await expect(counts).toContainText(`${mine.length} in all`);
    await expect(counts).toContainText(`Approved: ${expectedApproved}`);
    await expect(counts).toContainText(`Pending: ${expectedPending}`);
    const listCalls = (await sim.log()).filter(
      (entry) => entry.method === 'GET' && entry.path === `${NORTHWIND}/branded_content_ad_permissions`,
    );
    expect(listCalls.length).toBeGreaterThanOrEqual(2);

    // Statuses beyond Meta's three documented ones read as the contract's words, with no Revoke.
    await page.getByRole('searchbox', { name: 'Search creators' }).fill(expired!);
    await expect(table.getByRole('row').filter({ hasText: `@${expired}` })).toContainText('Expired');
    await expect(
      table
        .getByRole('row')
        .filter({ hasText: `@${expired}` })
        .getByRole('button', { name: 'Revoke' }),
    ).toHaveCount(0);
    await page.getByRole('searchbox', { name: 'Search creators' }).fill(unlisted!);
    await expect(table.getByRole('row').filter({ hasText: `@${unlisted}` })).toContainText('Rejected');

    await page.getByRole('searchbox', { name: 'Search creators' }).fill('');
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: `Approved (${expectedApproved})` });
    await expect(table.getByRole('row')).toHaveCount(expectedApproved + 1);
    await expect(table.getByRole('button', { name: 'Revoke' })).toHaveCount(expectedApproved);
  });

  test('a search that widens to hundreds of rows draws the visible matches with the keystroke and the rest in steps, then all of them', async ({
    context,
    extensionId,
    sim,
  }) => {
    await sim.reset({ creators: 4_000 });
    const world = await sim.world();
    const usernames = world.permissions
      .filter((permission) => permission.brandIgId === NORTHWIND)
      .map((permission) => world.creators.find((creator) => creator.id === permission.creatorId)!.username);
    const matching = usernames.filter((username) => username.includes('a')).length;
    // Hundreds of rows, yet not so many that the table is virtualised (it is above 500).
    expect(usernames.length).toBeLessThanOrEqual(500);
    expect(matching).toBeGreaterThan(150);

    const page = await openDashboard(context, extensionId);
    await connect(page);
    await page.getByRole('link', { name: 'Partnerships' }).click();
    const table = page.getByRole('table', { name: 'Partnership permissions' });
    // A list that has just loaded is drawn whole at once: complete the moment the table is there.
    await expect(table).toBeVisible();
    expect(
      await table.evaluate((drawn) => ({ rows: drawn.querySelectorAll('tbody tr').length, busy: drawn.getAttribute('aria-busy') })),
    ).toEqual({
      rows: usernames.length,
      busy: null,
    });

    // A search that finds nothing; the next one widens the matches to hundreds.
    await page.getByRole('searchbox', { name: 'Search creators' }).fill('no.such.creator');
    await expect(table.getByRole('row')).toHaveCount(1);

    // Types the text as one keystroke; the table's body rows and aria-busy right after the keystroke's render (a timer
    // runs before the next painted frame).
    const typeAndLook = (text: string) =>
      page.getByRole('searchbox', { name: 'Search creators' }).evaluate(async (element, typed) => {
        const box = element as HTMLInputElement;
        box.value = typed;
        box.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((resolve) => setTimeout(resolve, 0));
        const drawn = document.querySelector('table.data');
        return { rows: drawn?.querySelectorAll('tbody tr').length ?? -1, busy: drawn?.getAttribute('aria-busy') ?? null };
      }, text);

    // Widening: only the rows filling the box are in the page at first.
    const widened = await typeAndLook('a');
    expect(widened.rows).toBeGreaterThan(0);
    expect(widened.rows).toBeLessThan(100);
    expect(widened.busy).toBe('true');

    // Within a few frames every match is in the page (for find-in-page and screen readers), and the table is no longer busy.
    await expect(table).not.toHaveAttribute('aria-busy', 'true');
    await expect(table.getByRole('row')).toHaveCount(matching + 1);

    // Narrowing never takes rows away that still match: the narrower list is complete with the keystroke.
    const narrower = ['a.', 'a_', 'ma', 'na', 'la', 'an', 'ar', 'ia'].find((text) => {
      const count = usernames.filter((username) => username.includes(text)).length;
      return count > 40 && count < matching;
    })!;
    expect(await typeAndLook(narrower)).toEqual({ rows: usernames.filter((username) => username.includes(narrower)).length, busy: null });
  });

  test('the dashboard sends one creator after Confirm, revokes a row, and exports CSV', async ({ context, extensionId, sim }) => {
    const [approved] = await creatorsWithStatus(sim, 'APPROVED');
    const page = await openDashboard(context, extensionId);
    await connect(page);
    await page.getByRole('link', { name: 'Partnerships' }).click();
    const table = page.getByRole('table', { name: 'Partnership permissions' });
    await expect(table).toBeVisible();

    await page.getByRole('textbox', { name: 'Creator username' }).fill('new.partner');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByText('Request sent to @new.partner')).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: '@new.partner' })).toContainText('Pending');
    expect(sends(await sim.log(), 'new.partner')).toHaveLength(1);

    const row = table.getByRole('row').filter({ hasText: `@${approved}` });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await expect(row).toContainText('Revoked');
    // Its Revoke button is gone: the keyboard's place stays in that row, and the outcome is announced.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('tr')?.textContent ?? document.activeElement?.tagName))
      .toContain(`@${approved}`);
    await expect(page.locator('#announcer')).toHaveText(`@${approved}: Revoked`);

    await page.getByRole('searchbox', { name: 'Search creators' }).fill('new.partner');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = readFileSync(await (await download).path(), 'utf8');
    const lines = file
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('creator_username,status,meta_status,requested_at,creator_id,permission_id,end_date,campaign');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^new\.partner,Pending,PENDING,/);
  });

  test('a throttled send says when to retry and keeps the action until it goes through', async ({ context, extensionId, sim }) => {
    const popup = await connectedPopup(context, extensionId);
    await popup.getByRole('textbox', { name: 'Creator username' }).fill('patient.one');
    await expect(brandRow(popup).getByText('Not requested', { exact: true })).toBeVisible();
    // Meta's window is shorter than a minute, so its estimate says 0 minutes: the back-off decides.
    await sim.throttle({ code: 80002, afterCalls: 0, durationMs: 1_000 });
    await brandRow(popup).getByRole('button', { name: 'Send request' }).click();
    await expect(popup.getByRole('alert')).toContainText(
      'Meta is limiting how fast Collab Desk may call it. Collab Desk makes no call until',
    );
    await expect(popup.getByRole('alert')).toContainText('is kept');
    await expect(brandRow(popup).getByText('Not requested', { exact: true })).toBeVisible();
    const kept = popup.getByRole('region', { name: /Kept actions/ });
    await expect(kept).toContainText('Send request to @patient.one');
    await expect(kept).toContainText('makes no call until');

    // Kept across closing the popup.
    await popup.reload();
    await expect(popup.getByRole('heading', { name: 'Kept actions (1)' })).toBeVisible();

    // Meta's window is over, but the back-off (3 s in test builds, a minute in product builds) is not: nothing goes out.
    await sim.throttle(null);
    const callsBefore = (await sim.log()).length;
    await popup.getByRole('button', { name: 'Try again' }).click();
    await expect(kept.getByRole('alert')).toContainText('makes no call until');
    expect((await sim.log()).length).toBe(callsBefore);
    // The back-off ends 3 s after the throttled answer; a loaded machine may take longer to get there than that.
    await expect(async () => {
      await popup.getByRole('button', { name: 'Try again' }).click();
      await expect(popup.getByRole('heading', { name: /Kept actions/ })).toHaveCount(0, { timeout: 1000 });
    }).toPass({ timeout: 30_000, intervals: [1000] });
    const log = await sim.log();
    expect(sends(log, 'patient.one').filter((entry) => entry.status === 200)).toHaveLength(1);
    await popup.getByRole('textbox', { name: 'Creator username' }).fill('patient.one');
    await expect(brandRow(popup).getByText('Pending', { exact: true })).toBeVisible();
  });

  test('a session that expires during a send keeps the action; after reconnecting it goes through by itself, once', async ({
    context,
    extensionId,
    sim,
  }) => {
    const popup = await connectedPopup(context, extensionId);
    await popup.getByRole('textbox', { name: 'Creator username' }).fill('after.login');
    await expect(brandRow(popup).getByText('Not requested', { exact: true })).toBeVisible();
    await sim.setControls({ loginBehavior: 'needs-click' });
    await sim.expireTokens();
    await brandRow(popup).getByRole('button', { name: 'Send request' }).click();
    await expect(popup.getByText(/session for Dana Reyes has expired/)).toBeVisible();
    const kept = popup.getByRole('region', { name: /Kept actions/ });
    await expect(kept).toContainText('Send request to @after.login');
    await expect(kept).toContainText('Your Facebook session has expired');

    // A job waiting for a login goes on as soon as the session is back: no Try again needed.
    await sim.setControls({ loginBehavior: 'auto' });
    await popup.getByRole('button', { name: 'Connect with Facebook' }).click();
    await expect(popup.getByText('Connected as Dana Reyes')).toBeVisible();
    await expect(popup.getByRole('region', { name: /Kept actions/ })).toHaveCount(0);
    await expect.poll(async () => sends(await sim.log(), 'after.login').filter((entry) => entry.status === 200).length).toBe(1);
    await popup.getByRole('textbox', { name: 'Creator username' }).fill('after.login');
    await expect(brandRow(popup).getByText('Pending', { exact: true })).toBeVisible();
    expect(sends(await sim.log(), 'after.login').filter((entry) => entry.status === 200)).toHaveLength(1);
  });

  test('the popup does not look creators up for a brand account that is not ready', async ({ context, extensionId, sim }) => {
    const popup = await connectedPopup(context, extensionId);
    await popup.getByRole('combobox', { name: 'Brand account' }).selectOption({ label: '@harborcoffee' });
    await expect(popup.getByText('Not ready:')).toBeVisible();
    await expect(popup.getByRole('textbox', { name: 'Creator username' })).toHaveCount(0);
    expect((await sim.log()).filter((entry) => entry.path.startsWith('17841400000000003/'))).toHaveLength(0);
  });

  test('a brand picked while the background is still answering stays picked', async ({ context, extensionId }) => {
    const dashboard = await openDashboard(context, extensionId);
    await connect(dashboard);
    await dashboard.close();
    const popup = await context.newPage();
    // A slow worker: the popup's questions for the overview are answered only when the test says so.
    await popup.addInitScript(() => {
      const held: Array<() => void> = [];
      const scope = window as unknown as { releaseOverviews: () => void; overviewsApplied: number };
      scope.overviewsApplied = 0;
      scope.releaseOverviews = () => held.splice(0).forEach((release) => release());
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (message: { type?: string }) => Promise<unknown> } } })
        .chrome.runtime;
      const send = runtime.sendMessage.bind(runtime);
      runtime.sendMessage = (message) => {
        const answer = send(message);
        if (message?.type !== 'getAccessOverview') return answer;
        // The popup applies an answer in promise callbacks, all run before any timer: counted after a timer, it is in the page.
        return new Promise((resolve) => held.push(() => resolve(answer))).finally(() =>
          setTimeout(() => (scope.overviewsApplied += 1), 100),
        );
      };
    });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const picker = popup.getByRole('combobox', { name: 'Brand account' });
    await expect(picker).toHaveValue(NORTHWIND);
    await picker.selectOption({ label: '@harborcoffee' });
    await expect(popup.getByText('Not ready:')).toBeVisible();
    await popup.evaluate(() => (window as unknown as { releaseOverviews: () => void }).releaseOverviews());
    await expect.poll(() => popup.evaluate(() => (window as unknown as { overviewsApplied: number }).overviewsApplied)).toBeGreaterThan(0);
    await expect(picker).toHaveValue('17841400000000003');
    await expect(popup.getByText('Not ready:')).toBeVisible();
  });

  test('a brand account that is not ready cannot send, and says why', async ({ context, extensionId, sim }) => {
    const page = await openDashboard(context, extensionId);
    await connect(page);
    await page.getByRole('link', { name: 'Partnerships' }).click();
    await page.getByRole('combobox', { name: 'Brand account' }).selectOption({ label: '@harborcoffee' });
    await expect(page.getByRole('alert')).toContainText('Sending and revoking are off for @harborcoffee');
    await expect(page.getByRole('alert')).toContainText('Ask a Page admin for the Advertiser role');
    // The list needs the same access, so Meta is not asked for it.
    expect((await sim.log()).filter((entry) => entry.path === '17841400000000003/branded_content_ad_permissions')).toHaveLength(0);
    await page.getByRole('textbox', { name: 'Creator username' }).fill('maya.trails');
    await expect(page.getByRole('button', { name: 'Send request' })).toBeDisabled();
  });
});
