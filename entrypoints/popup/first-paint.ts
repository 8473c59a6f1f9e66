import type { AuthState } from '@/utils/auth/auth-state';
import { glanceFrom, type Glance, type GlanceFacts, type StoredAccess } from '@/utils/cache/glance';
import { creatorOfActiveTab, type TabInfo } from '@/utils/instagram/active-profile';
import { recentCreatorsFrom } from '@/utils/partnerships/recent-creators';
import { STORAGE_KEYS } from '@/utils/storage-keys';

/** The few browser calls the first paint needs, promise-style in Chrome (chrome.*) and Firefox (browser.*), without the polyfill. */
export interface FirstPaintApi {
  tabs: { query(filter: object): Promise<TabInfo[]> };
  storage: Record<'local' | 'session', { get(keys: string | string[]): Promise<Record<string, unknown>> }>;
  i18n: { getMessage(key: string): string };
}

export interface FirstPaint {
  /** The creator of the instagram.com tab the popup was opened over, if any (activeTab). */
  username?: string;
  glance?: Glance;
  /** The creators looked up last, newest first, offered again when no profile is open. */
  recent: string[];
}

/**
 * What the popup knows before the service worker answers, read by popup-glance.js in one
 * round of three calls (the app takes it over): the open profile's creator, the session
 * summary (never the token), and what the background keeps in storage for this: the chosen
 * brand, its last access overview and the recent creators' statuses. No IndexedDB.
 */
export async function readFirstPaint(api: FirstPaintApi, now: number): Promise<FirstPaint> {
  const [tabs, session, local] = await Promise.all([
    api.tabs.query({}).catch((): TabInfo[] => []),
    api.storage.session.get(STORAGE_KEYS.authGlance).catch(() => ({})),
    api.storage.local
      .get([STORAGE_KEYS.selectedBrand, STORAGE_KEYS.recentCreators, STORAGE_KEYS.accessGlance])
      .catch((): Record<string, unknown> => ({})),
  ]);
  const facts: GlanceFacts = {
    username: creatorOfActiveTab(tabs, location.origin),
    auth: (session as Record<string, unknown>)[STORAGE_KEYS.authGlance] as AuthState | undefined,
    selectedBrandIgId: local[STORAGE_KEYS.selectedBrand] as string | undefined,
    access: local[STORAGE_KEYS.accessGlance] as StoredAccess | undefined,
    recent: recentCreatorsFrom(local[STORAGE_KEYS.recentCreators]),
  };
  return { username: facts.username, recent: facts.recent.map((entry) => entry.username), glance: glanceFrom(facts, now) };
}
