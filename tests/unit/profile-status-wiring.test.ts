import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { profileStatusSetting } from '@/utils/storage';
import { createProfileStatusWiring, type ProfileStatusWiringDeps } from '@/utils/profile-status/profile-status-wiring';
import type { ScriptingApi } from '@/utils/profile-status/chip-registration';

const ORIGIN = 'https://www.instagram.com/*';

/** The fake browser has no scripting, permissions or i18n of its own: these stand in, with what each call did. */
function stubBrowser(held: { instagram: boolean }) {
  const registered = new Set<string>();
  const scripting: ScriptingApi = {
    getRegisteredContentScripts: async ({ ids }) => [...registered].filter((id) => ids.includes(id)).map((id) => ({ id })),
    registerContentScripts: async (scripts) => void scripts.forEach((script) => registered.add(script.id)),
    unregisterContentScripts: async ({ ids }) => void ids.forEach((id) => registered.delete(id)),
  };
  Object.assign(fakeBrowser, { scripting });
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => held.instagram);
  const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async () => {
    held.instagram = false;
    return true;
  });
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'x', version: '1', host_permissions: [] });
  return { registered, remove };
}

const brand = { igId: '1', username: 'northwind.outdoor', readiness: { ready: true } };
function deps(status: string | undefined): ProfileStatusWiringDeps {
  return {
    auth: { getState: async () => ({ status: 'signed-in', user: { id: 'u', name: 'Dana' }, expiresAt: 0, declinedScopes: [] }) },
    access: { get: async () => ({ overview: { brands: [brand] } }) } as unknown as ProfileStatusWiringDeps['access'],
    partnerships: {
      lookup: async (_brand: string, username: string) => ({
        username,
        permission: status === undefined ? undefined : ({ status } as never),
        fetchedAt: 0,
        refreshing: false,
      }),
    },
  };
}

describe('Show status on instagram.com, in the background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('turned on: the chip script is registered and the chip of a profile tab gets its status; other tabs nothing', async () => {
    const { registered } = stubBrowser({ instagram: true });
    const wiring = createProfileStatusWiring(deps('APPROVED'));
    const tab = { tabId: 2, url: 'https://www.instagram.com/maya.trails/' };
    await expect(wiring.tabHandlers.getProfileStatus(tab)).rejects.toMatchObject({ kind: 'refused' });
    expect((await wiring.save(true)).enabled).toBe(true);
    expect([...registered]).toEqual(['collab-desk-profile-chip']);
    expect(await wiring.tabHandlers.getProfileStatus(tab)).toMatchObject({ username: 'maya.trails', tone: 'approved' });
    expect(await wiring.tabHandlers.getProfileStatus({ tabId: 2, url: 'https://www.instagram.com/p/xyz/' })).toBeNull();
  });

  it('turned off: unregistered, and the permission given back when the build does not hold it', async () => {
    const { registered, remove } = stubBrowser({ instagram: true });
    const wiring = createProfileStatusWiring(deps(undefined));
    await wiring.save(true);
    await wiring.save(false);
    expect([...registered]).toEqual([]);
    expect(remove).toHaveBeenCalledWith({ origins: [ORIGIN] });
  });

  it('cannot be turned on without the permission', async () => {
    stubBrowser({ instagram: false });
    const wiring = createProfileStatusWiring(deps(undefined));
    await expect(wiring.save(true)).rejects.toMatchObject({ kind: 'refused', said: { key: 'settingsInstagramRefused' } });
    expect((await profileStatusSetting.getValue()).enabled).toBe(false);
  });

  it('the permission removed in the browser turns it off, and Settings can say why', async () => {
    const held = { instagram: true };
    const { registered } = stubBrowser(held);
    const wiring = createProfileStatusWiring(deps(undefined));
    await wiring.save(true);
    held.instagram = false;
    await wiring.accessRemoved([ORIGIN]);
    expect(await wiring.settingView()).toMatchObject({ enabled: false, removedByBrowser: true });
    expect([...registered]).toEqual([]);
  });

  it('a background start registers the script again only when it is missing', async () => {
    const { registered } = stubBrowser({ instagram: true });
    await profileStatusSetting.setValue({ enabled: true });
    const wiring = createProfileStatusWiring(deps(undefined));
    await Promise.all([wiring.start(), wiring.start()]);
    expect([...registered]).toEqual(['collab-desk-profile-chip']);
  });
});
