import { browser } from '@/utils/browser';
import type { AuthService } from '../auth/auth-service';
import { AppError } from '../errors';
import { i18n } from '../i18n';
import { said } from '../i18n/said';
import type { ChipMessage, ProfileStatusSettingView } from '../messaging/protocol';
import type { TabHandlers } from '../messaging/serve';
import type { PartnershipsService } from '../partnerships/partnerships-service';
import { chosenBrand } from '../permissions/access-overview';
import type { AccessService } from '../permissions/access-service';
import { profileStatusSetting, selectedBrandSetting } from '../storage';
import { createChipRegistration, type ScriptingApi } from './chip-registration';
import { buildHoldsInstagramNow, INSTAGRAM_ORIGIN, instagramAccessHeld } from './instagram-access';
import type { ProfileAnswer } from './profile-badge';
import { createProfileTabs } from './profile-tabs';
import { createTabToolbar, type TabActionApi } from './tab-toolbar';

export interface ProfileStatusWiringDeps {
  auth: Pick<AuthService, 'getState'>;
  access: Pick<AccessService, 'get'>;
  partnerships: Pick<PartnershipsService, 'lookup'>;
}

/** The chip may open its answer once in this long per tab: a page script clicking it in a loop opens nothing more. */
const OPEN_EVERY_MS = 1500;

/** "Show status on instagram.com" in the background: the setting, the chip's registration, and the status on profile tabs. */
export function createProfileStatusWiring({ auth, access, partnerships }: ProfileStatusWiringDeps) {
  const toolbar = createTabToolbar((browser.action ?? browser.browserAction) as unknown as TabActionApi);
  const registration = createChipRegistration(browser.scripting as unknown as ScriptingApi);
  const lastOpened = new Map<number, number>();

  /** On while the person wants it and the browser lets Collab Desk read instagram.com tabs. */
  async function isOn(): Promise<boolean> {
    return (await profileStatusSetting.getValue()).enabled && (await instagramAccessHeld());
  }

  async function answerFor(username: string): Promise<ProfileAnswer> {
    if ((await auth.getState()).status === 'signed-out') return { kind: 'not-connected', username };
    const brand = chosenBrand((await access.get()).overview.brands, await selectedBrandSetting.getValue());
    if (!brand?.readiness.ready) return { kind: 'no-brand', username };
    const lookup = await partnerships.lookup(brand.igId, username);
    return { kind: 'status', username, brandUsername: brand.username, status: lookup.permission?.status };
  }

  const tabs = createProfileTabs({
    isOn,
    answerFor,
    say: (words) => i18n.say(words),
    toolbar,
    tellTab: async (tabId, state) => {
      const message: ChipMessage = { collabDeskChip: 1, state };
      // A tab without the chip (feature just turned on, page not reloaded) has nobody to hear it.
      await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
    },
  });

  async function settingView(): Promise<ProfileStatusSettingView> {
    const setting = await profileStatusSetting.getValue();
    return { enabled: setting.enabled, buildHoldsAccess: buildHoldsInstagramNow(), removedByBrowser: Boolean(setting.removedByBrowser) };
  }

  /** Registration follows the setting and the permission; every followed tab shows the change. */
  async function apply(): Promise<void> {
    await registration.sync(await isOn());
    await tabs.refreshAll();
  }

  const tabHandlers: TabHandlers = {
    getProfileStatus: async ({ tabId, url }) => {
      if (!(await isOn())) throw new AppError('refused', said('errorProfileStatusOff'));
      return tabs.follow(tabId, url);
    },
    openProfileStatus: async ({ tabId }) => {
      if (!(await isOn())) throw new AppError('refused', said('errorProfileStatusOff'));
      const now = Date.now();
      if (now - (lastOpened.get(tabId) ?? 0) < OPEN_EVERY_MS) return;
      lastOpened.set(tabId, now);
      await openAnswer();
    },
  };

  return {
    tabHandlers,
    settingView,
    /** Each start of the background: the registration matches the setting (idempotent). */
    start: () => apply().catch(() => undefined),
    async save(enabled: boolean): Promise<ProfileStatusSettingView> {
      // Settings asked the browser for access from the person's click; without it the feature cannot run.
      if (enabled && !(await instagramAccessHeld())) throw new AppError('refused', said('settingsInstagramRefused'));
      await profileStatusSetting.setValue({ enabled });
      await apply();
      // Turned off: the access is given back, unless the build holds it from install.
      if (!enabled && !buildHoldsInstagramNow()) await browser.permissions.remove({ origins: [INSTAGRAM_ORIGIN] }).catch(() => false);
      return settingView();
    },
    /** The person removed instagram.com access in the browser: the feature turns off, and Settings says why. */
    async accessRemoved(origins: readonly string[] | undefined): Promise<void> {
      if (!origins?.includes(INSTAGRAM_ORIGIN)) return;
      const setting = await profileStatusSetting.getValue();
      if (setting.enabled) await profileStatusSetting.setValue({ enabled: false, removedByBrowser: true });
      await apply();
    },
    tabMoved: (tabId: number, url: string) => tabs.moved(tabId, url),
    tabClosed: (tabId: number) => {
      tabs.forget(tabId);
      lastOpened.delete(tabId);
    },
    /** The global title changed (toolbar-badge.ts): Chrome's copies of it on tabs that left a profile follow. */
    globalTitleChanged: () => void toolbar.globalTitleChanged(),
    /** The chosen brand or a brand's data changed: profile tabs show it again (from the cache). */
    dataChanged: () => void tabs.refreshAll().catch(() => undefined),
  };
}

/**
 * The chip's one click: the popup, which fills in the creator of the active instagram.com tab,
 * where the browser lets the background open it (Chrome 127 and later); else the dashboard's
 * Partnerships view (Firefox opens popups only from the person's own input in extension code).
 */
async function openAnswer(): Promise<void> {
  const action = (browser.action ?? browser.browserAction) as { openPopup?: () => Promise<void> };
  try {
    if (action.openPopup) return await action.openPopup();
  } catch {
    // Refused (no focused window, or not allowed here): the dashboard answers instead.
  }
  await browser.tabs.create({ url: browser.runtime.getURL('/options.html#partnerships') });
}
