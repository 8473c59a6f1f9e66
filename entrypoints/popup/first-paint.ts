import { browser } from '@/utils/browser';
import type { AuthState } from '@/utils/auth/auth-state';
import { openCachePeek } from '@/utils/cache/cache-peek';
import { readGlance, type Glance } from '@/utils/cache/glance';
import { recentCreatorsFrom } from '@/utils/partnerships/recent-creators';
import { creatorOfActiveTab } from '@/utils/instagram/active-profile';
import { STORAGE_KEYS } from '@/utils/storage-keys';

export interface FirstPaint {
  /** The creator of the instagram.com tab the popup was opened over, if any (activeTab). */
  username?: string;
  glance?: Glance;
  /** The creators looked up last, newest first, offered again when no profile is open. */
  recent: string[];
}

/** Past this, the popup paints without a glance rather than wait (a busy disk, a blocked database). */
const GLANCE_WAIT_MS = 250;

/**
 * What the popup knows before the service worker answers: the open profile's creator and
 * the glance of the cache (utils/cache/glance.ts), read directly from storage and IndexedDB.
 */
export async function firstPaint(): Promise<FirstPaint> {
  const origin = new URL(browser.runtime.getURL('/')).origin;
  // Asked at once: the database connection, the open tab, the session summary and the chosen brand.
  const cache = openCachePeek();
  const usernameRead = browser.tabs
    .query({})
    .then((tabs) => creatorOfActiveTab(tabs, origin))
    .catch(() => undefined);
  const authRead = browser.storage.session
    .get(STORAGE_KEYS.authGlance)
    .then((items) => items[STORAGE_KEYS.authGlance] as AuthState | undefined)
    .catch(() => undefined);
  // One read of local storage for both: the chosen brand and the recent creators.
  const localRead = browser.storage.local.get([STORAGE_KEYS.selectedBrand, STORAGE_KEYS.recentCreators]).catch(() => ({}));
  const brandRead = localRead.then((items: Record<string, unknown>) => items[STORAGE_KEYS.selectedBrand] as string | undefined);
  const username = await usernameRead;
  const source = {
    auth: () => authRead,
    selectedBrand: () => brandRead,
    peek: (keys: string[]) => cache.peek(keys),
    keysFetchedAfter: (fetchedAt: number) => cache.keysFetchedAfter(fetchedAt),
    now: Date.now,
  };
  const glance = readGlance(source, username)
    .catch(() => undefined)
    .finally(() => cache.close());
  const late = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), GLANCE_WAIT_MS));
  const recent = recentCreatorsFrom(((await localRead) as Record<string, unknown>)[STORAGE_KEYS.recentCreators]);
  return { username, recent, glance: await Promise.race([glance, late]) };
}
