import { storage } from 'wxt/utils/storage';
import type { FacebookUser, StoredSession } from './auth/auth-state';
import type { RateLimitBlock } from './graph/rate-limit-gate';

/** Every value Collab Desk keeps in extension storage. IndexedDB holds the rest (utils/cache). */

/** The Meta app ID the person entered in Settings; empty means the build's default. */
export const metaAppIdSetting = storage.defineItem<string>('local:metaAppId', { fallback: '' });

/** The Facebook Login for Business configuration ID the person entered; empty means the build's default (often none). */
export const loginConfigIdSetting = storage.defineItem<string>('local:loginConfigId', { fallback: '' });

/** Meta's rate limit: no Graph call before `until`. Session storage, so a restarted worker keeps waiting. */
export const rateLimitBlock = storage.defineItem<RateLimitBlock | null>('session:rateLimitBlock', { fallback: null });

/** The Facebook session: token and expiry. Session storage: gone when the browser closes, never on disk. */
export const facebookSession = storage.defineItem<StoredSession | null>('session:facebookSession', { fallback: null });

/** The brand account (Instagram business account ID) last chosen in the popup or dashboard. */
export const selectedBrandSetting = storage.defineItem<string>('local:selectedBrandIgId', { fallback: '' });

/** Who was connected, so an expired session can still say whose it was. */
export const lastConnectedUser = storage.defineItem<FacebookUser | null>('session:lastConnectedUser', { fallback: null });
