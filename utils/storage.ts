import { storage } from 'wxt/utils/storage';
import type { AuthState, FacebookUser, StoredSession } from './auth/auth-state';
import type { RateLimitBlock } from './graph/rate-limit-gate';
import type { StoredAccess } from './cache/glance';
import type { RecentCreator } from './partnerships/recent-creators';
import { STORAGE_KEYS } from './storage-keys';
import type { WatchCycleSummary, WatchSettings } from './watch/watch-settings';
import type { Business } from './content/business-choice';

/**
 * Every value Collab Desk keeps in extension storage, as WXT storage items ('local:' and
 * 'session:' name the area): getValue answers the fallback when unset, setValue(null) removes
 * the value. The keys are the ones earlier versions wrote. IndexedDB holds the rest (utils/db).
 */

/** The Meta app ID the person entered in Settings; empty means the build's default. */
export const metaAppIdSetting = storage.defineItem<string>('local:metaAppId', { fallback: '' });

/** The Facebook Login for Business configuration ID the person entered; empty means the build's default (often none). */
export const loginConfigIdSetting = storage.defineItem<string>('local:loginConfigId', { fallback: '' });

/** Meta's rate limit: no Graph call before `until`. Session storage, so a restarted worker keeps waiting. */
export const rateLimitBlock = storage.defineItem<RateLimitBlock | null>('session:rateLimitBlock', { fallback: null });

/** The Facebook session: token and expiry. Session storage: gone when the browser closes, never on disk. */
export const facebookSession = storage.defineItem<StoredSession | null>('session:facebookSession', { fallback: null });

/** The brand account (Instagram business account ID) last chosen in the popup or dashboard. */
export const selectedBrandSetting = storage.defineItem<string>(`local:${STORAGE_KEYS.selectedBrand}`, { fallback: '' });

/** The connection as every page may know it (no token), kept for the popup's first paint. */
export const authGlance = storage.defineItem<AuthState | null>(`session:${STORAGE_KEYS.authGlance}`, { fallback: null });

/** The creators the popup looked up last, newest first, with their statuses then; forgotten with the cache on Disconnect. */
export const recentCreators = storage.defineItem<RecentCreator[]>(`local:${STORAGE_KEYS.recentCreators}`, { fallback: [] });

/** The access overview last answered, for the popup's first paint; forgotten on Disconnect. */
export const accessGlance = storage.defineItem<StoredAccess | null>(`local:${STORAGE_KEYS.accessGlance}`, { fallback: null });

/** Who was connected, so an expired session can still say whose it was. */
export const lastConnectedUser = storage.defineItem<FacebookUser | null>('session:lastConnectedUser', { fallback: null });

/** The approvals watch: off until the person turns it on; how often it looks. */
export const watchSettings = storage.defineItem<WatchSettings>('local:watchSettings', { fallback: { enabled: false, everyHours: 6 } });

/** What the last watch cycle did, for Settings to say. */
export const watchLastCycle = storage.defineItem<WatchCycleSummary | null>('local:watchLastCycle', { fallback: null });

/** The business each brand's partnership content is read under, as the person chose it (by brand Instagram ID). */
export const contentBusinessChoice = storage.defineItem<Record<string, Business>>('local:contentBusinessChoice', { fallback: {} });
/**
 * "Show status on instagram.com": off until the person turns it on. removedByBrowser says the
 * person took instagram.com access away in the browser's own settings, which turned it off.
 */
export const profileStatusSetting = storage.defineItem<{ enabled: boolean; removedByBrowser?: boolean }>('local:profileStatus', {
  fallback: { enabled: false },
});
