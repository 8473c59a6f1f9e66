import { DEFAULT_APP_ID, DEFAULT_LOGIN_CONFIG_ID } from '../simulator/state';
import { closeOtherPages, connect, expect, openDashboard, saveAppId, test } from './fixtures';

test.describe('signing in with Facebook', () => {
  test('connects through the login dialog, survives a reload, and disconnects', async ({ context, extensionId, sim }) => {
    const page = await openDashboard(context, extensionId);
    await connect(page);
    await expect(page.getByText('Connected as Dana Reyes')).toBeVisible();
    await expect(page.getByText(/Session valid until/)).toBeVisible();

    const dialogCalls = (await sim.log()).filter((entry) => entry.path === 'dialog/oauth');
    expect(dialogCalls).toHaveLength(1);
    const dialog = dialogCalls[0]!.query;
    expect(dialog.redirect_uri).toBe(`https://${extensionId}.chromiumapp.org/`);
    expect(dialog.scope!.split(',')).toEqual(
      expect.arrayContaining(['instagram_basic', 'pages_show_list', 'business_management', 'instagram_branded_content_ads_brand']),
    );
    expect(dialog.state!.length).toBeGreaterThanOrEqual(16);
    // No Login for Business configuration set: the classic dialog.
    expect(dialog.config_id).toBeUndefined();

    await page.reload();
    await expect(page.getByText('Connected as Dana Reyes')).toBeVisible();

    await page.getByRole('button', { name: 'Disconnect' }).click();
    await expect(page.getByRole('button', { name: 'Connect with Facebook' })).toBeVisible();
    await expect(page.getByText('Not connected')).toBeVisible();
  });

  test('the session lasts until the browser restarts', async ({ context, extensionId, sim, relaunch }) => {
    void sim;
    const page = await openDashboard(context, extensionId);
    await connect(page);

    const restarted = await relaunch();
    const again = await openDashboard(restarted, extensionId);
    await expect(again.getByRole('button', { name: 'Connect with Facebook' })).toBeVisible();
    await expect(again.getByText('Not connected')).toBeVisible();
  });

  test('disconnecting can also remove the app from the Facebook account', async ({ context, extensionId, sim }) => {
    const page = await openDashboard(context, extensionId);
    await connect(page);
    await page.getByLabel('Also remove Collab Desk from my Facebook account').check();
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await expect(page.getByRole('button', { name: 'Connect with Facebook' })).toBeVisible();
    const deauthorized = (await sim.log()).filter((entry) => entry.method === 'DELETE' && entry.path === 'me/permissions');
    expect(deauthorized).toHaveLength(1);
    expect(deauthorized[0]!.status).toBe(200);
  });

  test('without a Meta app ID, a setup guide stands in for Connect until one is saved', async ({ context, extensionId, sim }) => {
    const page = await openDashboard(context, extensionId);
    await expect(page.getByRole('heading', { name: 'Set up Collab Desk' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Connect with Facebook' })).toHaveCount(0);
    const guide = page.getByRole('region', { name: 'Set up Collab Desk' });
    await expect(guide).toContainText(`https://${extensionId}.chromiumapp.org/`);
    await expect(guide.getByRole('link', { name: 'Create a Meta app' })).toHaveAttribute('href', 'https://developers.facebook.com/apps/');
    await expect(guide).toContainText('instagram_branded_content_ads_brand');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await saveAppId(page);
    await page.getByRole('button', { name: 'Connect with Facebook' }).click();
    await expect(page.getByText('Connected as Dana Reyes')).toBeVisible();
    expect((await sim.log()).filter((entry) => entry.path === 'dialog/oauth')).toHaveLength(1);
  });

  test('cancelling the Facebook dialog leaves you signed out with an explanation', async ({ context, extensionId, sim }) => {
    await sim.setControls({ loginBehavior: 'deny' });
    const page = await openDashboard(context, extensionId);
    await saveAppId(page);
    await page.getByRole('button', { name: 'Connect with Facebook' }).click();
    await expect(page.getByRole('alert')).toContainText('Facebook login was cancelled');
    await expect(page.getByText('Not connected')).toBeVisible();
  });

  test('Login for Business: with a configuration ID the dialog gets config_id (no scope) and signs in', async ({
    context,
    extensionId,
    sim,
  }) => {
    // A Business-type app: the simulated dialog refuses any login without a configuration.
    await sim.setControls({ appType: 'business' });
    const page = await openDashboard(context, extensionId);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('textbox', { name: 'Meta app ID' }).fill(DEFAULT_APP_ID);
    await page.getByRole('textbox', { name: 'Login configuration ID' }).fill(DEFAULT_LOGIN_CONFIG_ID);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    await page.getByRole('button', { name: 'Connect with Facebook' }).click();
    await expect(page.getByText('Connected as Dana Reyes')).toBeVisible();
    const business = (await sim.log()).filter((entry) => entry.path === 'dialog/oauth').at(-1)!;
    expect(business.query.config_id).toBe(DEFAULT_LOGIN_CONFIG_ID);
    expect(business.query.scope).toBeUndefined();
    await page.getByRole('link', { name: 'Permissions' }).click();
    await expect(page.getByText(/grants all of its permissions or none/)).toBeVisible();
  });

  test('a login answer with the wrong state is refused', async ({ context, extensionId, sim }) => {
    await sim.setControls({ loginBehavior: 'wrong-state' });
    const page = await openDashboard(context, extensionId);
    await saveAppId(page);
    await page.getByRole('button', { name: 'Connect with Facebook' }).click();
    await expect(page.getByRole('alert')).toContainText('did not match the request');
    await expect(page.getByText('Not connected')).toBeVisible();
    // The token that came with the tampered answer was never used.
    expect((await sim.log()).filter((entry) => entry.path === 'me')).toHaveLength(0);
  });

  test('a token that expires mid-session prompts to reconnect, and reconnecting works', async ({ context, extensionId, sim }) => {
    const page = await openDashboard(context, extensionId);
    await closeOtherPages(page);
    await connect(page);
    // Facebook's own session is gone too, so a silent renewal cannot succeed.
    await sim.setControls({ loginBehavior: 'needs-click' });
    await sim.expireTokens();

    await page.getByRole('button', { name: 'Check connection' }).click();
    await expect(page.getByText(/session for Dana Reyes has expired/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Connect with Facebook' })).toBeVisible();
    const meCalls = (await sim.log()).filter((entry) => entry.path === 'me');
    expect(meCalls.at(-1)?.errorCode).toBe(190);

    await sim.setControls({ loginBehavior: 'auto' });
    await page.getByRole('button', { name: 'Connect with Facebook' }).click();
    await expect(page.getByText('Connected as Dana Reyes')).toBeVisible();
  });

  test('an expired token is renewed silently when Facebook still has a session', async ({ context, extensionId, sim }) => {
    const page = await openDashboard(context, extensionId);
    await closeOtherPages(page);
    await connect(page);
    await sim.expireTokens();
    await page.getByRole('button', { name: 'Check connection' }).click();
    // The rejected call is answered again once the silent renewal is done.
    await expect
      .poll(async () => (await sim.log()).filter((entry) => entry.path === 'me').map((entry) => entry.status))
      .toEqual([200, 400, 200, 200]);
    expect((await sim.log()).filter((entry) => entry.path === 'dialog/oauth')).toHaveLength(2);
    await expect(page.getByText('Connected as Dana Reyes')).toBeVisible();
  });

  test('the popup shows the connection and links to the dashboard', async ({ context, extensionId, sim }) => {
    void sim;
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    // No Meta app yet: the popup points to the setup guide instead of offering Connect.
    await expect(popup.getByRole('link', { name: 'Open the setup guide' })).toHaveAttribute('href', '/options.html#settings');
    await expect(popup.getByRole('link', { name: 'Open dashboard' })).toHaveAttribute('href', '/options.html#partnerships');
    await expect(popup.getByRole('link', { name: 'Privacy policy' })).toHaveAttribute('href', '/privacy.html');

    const dashboard = await openDashboard(context, extensionId);
    await connect(dashboard);
    // The open popup hears about the new session without being reloaded.
    await expect(popup.getByText('Connected as Dana Reyes')).toBeVisible();
  });

  test('the dashboard opens with a welcome on first install', async ({ context, extensionId }) => {
    const welcome = context.pages().find((candidate) => candidate.url().includes('options.html')) ?? (await context.waitForEvent('page'));
    await expect(welcome).toHaveURL(`chrome-extension://${extensionId}/options.html#welcome`);
    await expect(welcome.getByRole('heading', { name: 'Welcome to Collab Desk' })).toBeVisible();
  });
});
