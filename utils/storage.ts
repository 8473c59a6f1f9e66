import { browser } from '@/utils/browser';
import type { AuthState, FacebookUser, StoredSession } from './auth/auth-state';
import type { RateLimitBlock } from './graph/rate-limit-gate';
import { STORAGE_KEYS } from './storage-keys';
import type { WatchCycleSummary, WatchSettings } from './watch/watch-settings';

/** Every value Collab Desk keeps in extension storage. IndexedDB holds the rest (utils/cache). */

/**
 * One value in storage.local or storage.session, with its fallback when unset; setting null
 * removes it. The browser's own storage API does all of it (no storage library in the bundle).
 */
function storageItem<T>(area: 'local' | 'session', key: string, fallback: T) {
  return {
    async getValue(): Promise<T> {
      const stored = (await browser.storage[area].get(key))[key];
      return stored === undefined ? fallback : (stored as T);
    },
    async setValue(value: T): Promise<void> {
      if (value === null || value === undefined) await browser.storage[area].remove(key);
      else await browser.storage[area].set({ [key]: value });
    },
  };
}

/** The Meta app ID the person entered in Settings; empty means the build's default. */
export const metaAppIdSetting = storageItem<string>('local', 'metaAppId', '');

/** The Facebook Login for Business configuration ID the person entered; empty means the build's default (often none). */
export const loginConfigIdSetting = storageItem<string>('local', 'loginConfigId', '');

/** Meta's rate limit: no Graph call before `until`. Session storage, so a restarted worker keeps waiting. */
export const rateLimitBlock = storageItem<RateLimitBlock | null>('session', 'rateLimitBlock', null);

/** The Facebook session: token and expiry. Session storage: gone when the browser closes, never on disk. */
export const facebookSession = storageItem<StoredSession | null>('session', 'facebookSession', null);

/** The brand account (Instagram business account ID) last chosen in the popup or dashboard. */
export const selectedBrandSetting = storageItem<string>('local', STORAGE_KEYS.selectedBrand, '');

/** The connection as every page may know it (no token), kept for the popup's first paint. */
export const authGlance = storageItem<AuthState | null>('session', STORAGE_KEYS.authGlance, null);

/** Who was connected, so an expired session can still say whose it was. */
export const lastConnectedUser = storageItem<FacebookUser | null>('session', 'lastConnectedUser', null);

/** The approvals watch: off until the person turns it on; how often it looks. */
export const watchSettings = storageItem<WatchSettings>('local', 'watchSettings', { enabled: false, everyHours: 6 });

/** What the last watch cycle did, for Settings to say. */
export const watchLastCycle = storageItem<WatchCycleSummary | null>('local', 'watchLastCycle', null);
