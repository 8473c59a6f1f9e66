import type { Page } from '@playwright/test';
import { connect, expect, openDashboard, test } from './fixtures';

const FAKE_PROFILE = 'https://www.instagram.com/maya.trails/';

async function serveFakeInstagram(page: Page): Promise<void> {
  await page
    .context()
    .route('https://www.instagram.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>maya.trails • Instagram</title><h1>maya.trails</h1>' }),
    );
  await page.goto(FAKE_PROFILE);
}

/** Asks the background something from the test build's content script on instagram.com. */
async function askFromContentScript(page: Page, type: string, data?: unknown): Promise<{ response?: unknown; error?: string }> {
  return page.evaluate(
    ([messageType, messageData]) =>
      new Promise((resolve) => {
        const onReply = (event: MessageEvent) => {
          if (event.data?.source !== 'collab-desk-probe-reply') return;
          removeEventListener('message', onReply);
          resolve(event.data.reply);
        };
        addEventListener('message', onReply);
        postMessage({ source: 'collab-desk-probe-request', type: messageType, data: messageData }, '*');
      }),
    [type, data] as const,
  );
}

test.describe('only Collab Desk pages may talk to the background', () => {
  test('a content script asking for data or the token is refused', async ({ context, extensionId, sim }) => {
    const dashboard = await openDashboard(context, extensionId);
    await connect(dashboard);
    await sim.clearLog();

    const page = await context.newPage();
    await serveFakeInstagram(page);

    const authState = await askFromContentScript(page, 'getAuthState');
    expect(authState.response).toEqual({ failure: expect.objectContaining({ kind: 'refused', said: { key: 'errorRefusedSender' } }) });

    const refresh = await askFromContentScript(page, 'refreshProfile');
    expect(refresh.response).toEqual({ failure: expect.objectContaining({ kind: 'refused', said: { key: 'errorRefusedSender' } }) });

    // There is no message that hands out the token; asking for one is refused like the rest.
    const token = await askFromContentScript(page, 'getAccessToken');
    expect(token.response).toEqual({ failure: expect.objectContaining({ kind: 'refused' }) });

    // Nothing reached the Graph API on the content script's behalf.
    expect((await sim.log()).filter((entry) => entry.path === 'me')).toHaveLength(0);
  });

  test("a content script may ask only for its own tab's status, only while the feature is on", async ({ context, extensionId, sim }) => {
    const dashboard = await openDashboard(context, extensionId);
    await connect(dashboard);
    const page = await context.newPage();
    await serveFakeInstagram(page);
    const refused = { failure: expect.objectContaining({ kind: 'refused' }) };

    // Off (the default): even the status is refused.
    expect((await askFromContentScript(page, 'getProfileStatus')).response).toEqual({
      failure: expect.objectContaining({ kind: 'refused', said: { key: 'errorProfileStatusOff' } }),
    });

    await dashboard.getByRole('checkbox', { name: 'Show status on instagram.com' }).check();
    await expect(dashboard.getByRole('checkbox', { name: 'Show status on instagram.com' })).toBeChecked();
    await sim.clearLog();

    // The creator comes from the tab's address, as the browser reports it.
    expect((await askFromContentScript(page, 'getProfileStatus')).response).toEqual({
      reply: expect.objectContaining({ username: 'maya.trails', words: expect.stringMatching(/^Collab Desk: @maya\.trails - /) }),
    });
    // A request naming another creator (or carrying any data) is refused by its schema, not answered for that creator.
    expect((await askFromContentScript(page, 'getProfileStatus', { username: 'someone.else' })).response).toEqual({
      failure: expect.objectContaining({ kind: 'invalid-message' }),
    });
    expect((await askFromContentScript(page, 'openProfileStatus', { url: 'https://evil.example/' })).response).toEqual({
      failure: expect.objectContaining({ kind: 'invalid-message' }),
    });
    // Every request of the pages stays refused to content scripts with the feature on.
    expect((await askFromContentScript(page, 'lookupCreator', { brandIgId: '1', username: 'someone.else' })).response).toEqual(refused);
    expect((await askFromContentScript(page, 'lookupCreatorAcrossBrands', { username: 'someone.else' })).response).toEqual(refused);
    expect((await askFromContentScript(page, 'getAuthState')).response).toEqual(refused);
    expect((await sim.log()).filter((entry) => JSON.stringify(entry).includes('someone.else'))).toEqual([]);

    // The chip's requests are not the pages' either: an extension page asking for one is refused.
    const fromPage = await dashboard.evaluate(() => {
      const runtime = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown, callback: (reply: unknown) => void): void } } }
      ).chrome.runtime;
      return new Promise((resolve) => runtime.sendMessage({ collabDesk: 1, type: 'getProfileStatus' }, resolve));
    });
    expect(fromPage).toEqual(refused);
  });

  test('a web page cannot reach the extension at all', async ({ context, extensionId }) => {
    const page = await context.newPage();
    await serveFakeInstagram(page);
    const reachable = await page.evaluate(async (id) => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      if (typeof runtime?.sendMessage !== 'function') return 'no runtime messaging';
      try {
        await (runtime.sendMessage as (id: string, message: unknown) => Promise<unknown>)(id, {
          collabDesk: 1,
          type: 'getAuthState',
        });
        return 'answered';
      } catch {
        return 'refused';
      }
    }, extensionId);
    expect(reachable).not.toBe('answered');
  });

  test('a malformed request from the dashboard is rejected by its schema', async ({ context, extensionId }) => {
    const page = await openDashboard(context, extensionId);
    const reply = await page.evaluate(() => {
      const runtime = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown, callback: (reply: unknown) => void): void } } }
      ).chrome.runtime;
      return new Promise((resolve) =>
        runtime.sendMessage({ collabDesk: 1, type: 'saveSettings', data: { metaAppId: 'not-digits<script>' } }, resolve),
      );
    });
    expect(reply).toEqual({ failure: expect.objectContaining({ kind: 'invalid-message', said: { key: 'settingsAppIdDigits' } }) });
  });
});
