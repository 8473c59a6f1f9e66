import type { AuthState } from '../auth/auth-state';
import { newestCachedAnswer } from '../partnerships/cached-answer';
import type { CreatorLookup } from '../partnerships/creator-lookups';
import type { PartnershipPermission } from '../partnerships/permission-record';
import { buildAccessOverview, chosenBrand } from '../permissions/access-overview';
import type { AccessRecords, AccessSnapshot } from '../permissions/access-service';
import type { CacheEntry } from './cache-entry';
import { cacheKeyText } from './cache-keys';

/** What the popup can show before the background answers: the connection, the brands and one creator's status. */
export interface Glance {
  auth: Extract<AuthState, { status: 'signed-in' }>;
  access: AccessSnapshot & { selectedBrandIgId: string };
  /** The status of the creator of the open profile for the brand shown, when the cache knows it. */
  lookup?: CreatorLookup & { brandIgId: string };
}

export interface GlanceSource {
  auth(): Promise<AuthState | null | undefined>;
  selectedBrand(): Promise<string | undefined>;
  /** Cache entries by their stored keys (utils/cache/cache-peek.ts in the popup). */
  peek(keys: string[]): Promise<Map<string, CacheEntry>>;
  /** The keys of the entries fetched after a time, read from the byFetched index without their values. */
  keysFetchedAfter(fetchedAt: number): Promise<string[]>;
  now(): number;
}

/**
 * The popup's first paint from what the browser already holds: the session summary (never
 * the token), the chosen brand and the cached Graph answers. Undefined when signed out or
 * when the cache has nothing yet; the background's answers replace the glance as they come.
 */
export async function readGlance(source: GlanceSource, username: string | undefined): Promise<Glance | undefined> {
  const [auth, selected = ''] = await Promise.all([source.auth(), source.selectedBrand()]);
  if (auth?.status !== 'signed-in' || auth.expiresAt <= source.now()) return undefined;
  const userId = auth.user.id;
  const accessKey = cacheKeyText({ area: 'access', userId });
  const creatorKey = (brandIgId: string) => (username ? [cacheKeyText({ area: 'creator', userId, brandIgId, username })] : []);
  // One read when the chosen brand is known (the usual case), a second one only when it is not.
  const entries = await source.peek([accessKey, ...(selected ? creatorKey(selected) : [])]);
  const accessEntry = entries.get(accessKey) as CacheEntry<AccessRecords> | undefined;
  if (!accessEntry) return undefined;
  const { pages, permissions, instagramUnavailable } = accessEntry.value;
  const overview = buildAccessOverview(pages, permissions, instagramUnavailable);
  const access = { overview, fetchedAt: accessEntry.fetchedAt, refreshing: false, selectedBrandIgId: selected };
  const brand = chosenBrand(overview.brands, selected);
  if (!brand || !username) return { auth, access };
  const [key] = creatorKey(brand.igId) as [string];
  const listKey = cacheKeyText({ area: 'partnerships', userId, brandIgId: brand.igId });
  const creator = (brand.igId === selected ? entries : await source.peek([key])).get(key) as
    CacheEntry<PartnershipPermission | null> | undefined;
  // The brand's list (10,000 records for a big brand) is read only when it may be the newer copy.
  const listMayBeNewer = !creator || (await source.keysFetchedAfter(creator.fetchedAt)).includes(listKey);
  const list = listMayBeNewer
    ? ((await source.peek([listKey])).get(listKey) as CacheEntry<PartnershipPermission[]> | undefined)
    : undefined;
  const answer = newestCachedAnswer(username, creator, list);
  const lookup = answer && {
    username,
    brandIgId: brand.igId,
    permission: answer.value,
    fetchedAt: answer.entry.fetchedAt,
    refreshing: false,
  };
  return { auth, access, lookup };
}
