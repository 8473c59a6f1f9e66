import type { GraphCache } from '../cache/graph-cache';
import { cacheKeyText, creatorKeysPrefix } from '../cache/cache-keys';
import type { PartnershipPermission } from '../partnerships/permission-record';
import type { PartnershipsService } from '../partnerships/partnerships-service';
import { statusGroup } from '../partnerships/status';
import { runWatchCycle, type WatchNews } from './watch-cycle';
import type { WatchStore } from './watch-store';
import { WATCH_MAX_CREATORS, WATCH_NEW_BRANDS_PER_CYCLE, type WatchCycleSummary } from './watch-settings';

export const WATCH_ALARM = 'collab-desk-watch';

export interface WatchServiceDeps {
  store: WatchStore;
  cache: GraphCache;
  partnerships: Pick<PartnershipsService, 'lookupMany' | 'rememberFetched'>;
  /** The connected person's ID (throws when nobody is). */
  currentUserId(): Promise<string>;
  /** The brands ready for partnership ads. */
  readyBrands(): Promise<Array<{ igId: string; username: string }>>;
  /** A brand's whole list, from the cache when there is one (the first look at a brand). */
  brandList(brandIgId: string): Promise<PartnershipPermission[]>;
  /** Called with what a cycle found (badge, notification, open pages). */
  onNews(news: readonly WatchNews[]): Promise<void>;
  now?: () => number;
}

export type WatchService = ReturnType<typeof createWatchService>;

/**
 * The approvals watch: looks again at the creators known to be pending, within its call
 * budget, and keeps what changed for the person. It only reads: nothing is sent or revoked.
 */
export function createWatchService(deps: WatchServiceDeps) {
  const now = deps.now ?? Date.now;
  let running: Promise<WatchCycleSummary> | undefined;

  /** Pending records the cache knows of a brand: its list and its creators' lookups. */
  async function pendingInCache(userId: string, brandIgId: string): Promise<PartnershipPermission[]> {
    const list = (await deps.cache.read<PartnershipPermission[]>(cacheKeyText({ area: 'partnerships', userId, brandIgId })))?.value ?? [];
    const lookups = await deps.cache.readPrefix<PartnershipPermission | null>(creatorKeysPrefix(userId, brandIgId));
    const records = [...list, ...lookups.flatMap((entry) => (entry.value ? [entry.value] : []))];
    return records.filter((record) => statusGroup(record.status) === 'pending');
  }

  async function cycle(): Promise<WatchCycleSummary> {
    const askedAt = now();
    const userId = await deps.currentUserId();
    const brands = await deps.readyBrands();
    const lastSeen = await deps.store.lastSeen();
    // A brand the watch has never looked at: its list is read once (from the cache when fresh), so its pending
    // creators are known; a few brands a cycle, so an agency's hundred brands do not blow the call budget. A list
    // Meta refuses leaves that brand for a later cycle, after the others.
    const unseen = brands.filter((brand) => lastSeen.get(brand.igId)?.userId !== userId);
    const seededNow = new Set<string>();
    for (const brand of unseen.slice(0, WATCH_NEW_BRANDS_PER_CYCLE)) {
      if (
        await deps.brandList(brand.igId).then(
          () => true,
          () => false,
        )
      )
        seededNow.add(brand.igId);
    }
    const result = await runWatchCycle({
      userId,
      brands,
      lastSeen,
      pendingInCache: (brandIgId) => pendingInCache(userId, brandIgId),
      lookupMany: (requests) => deps.partnerships.lookupMany(requests),
      maxLookups: WATCH_MAX_CREATORS,
      now,
    });
    // What the person changed while the cycle asked (a revoke, a new send) is theirs, not news, and is not written over.
    const changedMeanwhile = new Set<string>();
    for (const [brandIgId, records] of result.fetched) {
      for (const username of await deps.partnerships.rememberFetched(brandIgId, records, askedAt))
        changedMeanwhile.add(`${brandIgId}/${username}`);
    }
    const news = result.news.filter((entry) => !changedMeanwhile.has(`${entry.brandIgId}/${entry.creatorUsername}`));
    // Brands still waiting for their first look are not marked as looked at; their cached pending creators were checked all the same.
    const looked = result.watches.filter((watch) => lastSeen.get(watch.brandIgId)?.userId === userId || seededNow.has(watch.brandIgId));
    await deps.store.keep(looked, news);
    if (news.length > 0) await deps.onNews(news);
    return { at: now(), checked: result.checked, leftOver: result.leftOver, found: news.length };
  }

  return {
    /** One cycle (a second call while one runs joins it). */
    run(): Promise<WatchCycleSummary> {
      running ??= cycle().finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}
