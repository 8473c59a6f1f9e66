import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { TERMS_ALARM } from '@/utils/background/ended-terms';
import { watchLastCycle, watchSettings } from '@/utils/storage';
import { WATCH_ALARM } from '@/utils/watch/watch-service';
import background from '@/entrypoints/background';

/**
 * The background's wiring under WXT's fake browser: what main() registers and schedules. The
 * fake has no identity, permissions, i18n or runtime ports: those are stubbed.
 */
function stubWhatTheFakeLacks() {
  vi.spyOn(fakeBrowser.identity, 'getRedirectURL').mockReturnValue('https://test-extension-id.chromiumapp.org/');
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => {});
  vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => {});
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => {});
}

/** Pages the background opened, by URL (the fake browser starts with a blank tab of its own). */
function watchOpenedTabs(): () => string[] {
  const create = vi.spyOn(fakeBrowser.tabs, 'create');
  return () => create.mock.calls.map(([properties]) => properties.url ?? '');
}

describe('background wiring', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    stubWhatTheFakeLacks();
  });

  it('looks for ended terms every hour', async () => {
    background.main();
    expect(await fakeBrowser.alarms.get(TERMS_ALARM)).toMatchObject({ periodInMinutes: 60 });
  });

  // Node gives chrome-extension: URLs no origin, so a page's request is answered only in a browser (the e2e suite).
  it("serves the protocol: a web page's content script is refused, other messages are left alone", async () => {
    const addListener = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    background.main();
    expect(addListener).toHaveBeenCalledTimes(1);
    const serve = addListener.mock.calls[0]![0] as (message: unknown, sender: object, sendResponse: (answer: unknown) => void) => boolean;
    const contentScript = { id: 'test-extension-id', url: 'https://www.instagram.com/maya.trails/' };
    const answer = new Promise((answered) => expect(serve({ collabDesk: 1, type: 'getAuthState' }, contentScript, answered)).toBe(true));
    expect(await answer).toMatchObject({ failure: { kind: 'refused' } });
    expect(serve({ type: 'someone-else' }, contentScript, () => {})).toBe(false);
  });

  it('answers the chip on instagram.com only while "Show status on instagram.com" is on', async () => {
    const addListener = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    background.main();
    const serve = addListener.mock.calls[0]![0] as (message: unknown, sender: object, sendResponse: (answer: unknown) => void) => boolean;
    const profile = 'https://www.instagram.com/maya.trails/';
    const chip = {
      id: fakeBrowser.runtime.id,
      url: profile,
      origin: 'https://www.instagram.com',
      frameId: 0,
      tab: { id: 3, url: profile },
    };
    const answer = new Promise((answered) => serve({ collabDesk: 1, type: 'getProfileStatus' }, chip, answered));
    expect(await answer).toMatchObject({ failure: { kind: 'refused', said: { key: 'errorProfileStatusOff' } } });
  });

  it("sets the approvals watch's alarm again from its settings", async () => {
    await watchSettings.setValue({ enabled: true, everyHours: 3 });
    background.main();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(WATCH_ALARM)).toMatchObject({ periodInMinutes: 180 }));
  });

  it('runs a watch cycle when its alarm fires (nobody connected: the cycle says why it failed)', async () => {
    background.main();
    expect(await watchLastCycle.getValue()).toBeNull();
    await fakeBrowser.alarms.onAlarm.trigger({ name: WATCH_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(async () => expect((await watchLastCycle.getValue())?.failed).toBeDefined());
  });

  it('opens the welcome page on install, and nothing on an update', async () => {
    const openedTabs = watchOpenedTabs();
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9', temporary: false });
    expect(openedTabs()).toEqual([]);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(openedTabs()).toEqual(['chrome-extension://test-extension-id/options.html#welcome']);
  });

  it('opens the Partnerships view when a notification is clicked', async () => {
    const openedTabs = watchOpenedTabs();
    background.main();
    await fakeBrowser.notifications.onClicked.trigger('collab-desk-watch-1');
    expect(openedTabs()).toEqual(['chrome-extension://test-extension-id/options.html#partnerships']);
  });
});
