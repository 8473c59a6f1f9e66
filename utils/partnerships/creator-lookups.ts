import { cacheKeyText } from '../cache/cache-keys';
import type { CacheEntry } from '../cache/cache-entry';
import { AppError, describeError, type DescribedError } from '../errors';
import { said } from '../i18n/said';
import { newestCachedAnswer, type CachedAnswer } from './cached-answer';
import { isSameCreator, type PartnershipPermission } from './permission-record';
import type { CreatorRef } from './permission-request';
import { CREATOR_TTL_MS, type PartnershipsContext } from './service-context';

export interface CreatorLookup {
  username: string;
  /** Absent when the creator has never been asked. */
  permission?: PartnershipPermission;
  fetchedAt: number;
  refreshing: boolean;
}

/** One brand's row of a creator's standing across brands. */
export interface BrandStanding {
  brandIgId: string;
  /** Absent when the creator has never been asked by this brand (or when `error` is set). */
  permission?: PartnershipPermission;
  fetchedAt: number;
  refreshing: boolean;
  /** Why this brand's answer could not be had. */
  error?: DescribedError;
}

/** One creator's standing: with one brand or many, from the cache while it is fresh, else from Meta by name. */
export function createCreatorLookups({ deps, now, meta, listKey, creatorCacheKey }: PartnershipsContext) {
  const { fetchCreator, lookupMany } = meta;

  /** One creator's record, asked of Meta by name now and kept as their lookup. */
  async function lookupFresh(brandIgId: string, username: string): Promise<PartnershipPermission | undefined> {
    const key = await creatorCacheKey(brandIgId, username);
    return (await deps.reader.refresh(key, CREATOR_TTL_MS, () => fetchCreator(brandIgId, username))).value ?? undefined;
  }

  /** Looks creators up in batches and keeps each answer in the cache as that brand's lookup. */
  async function fetchStandings(brandIgIds: readonly string[], username: string): Promise<Map<string, BrandStanding>> {
    const userId = await deps.currentUserId();
    const answers = await lookupMany(brandIgIds.map((brandIgId) => ({ brandIgId, username })));
    const found = new Map<string, BrandStanding>();
    const toKeep: Array<{ key: string; value: PartnershipPermission | null }> = [];
    answers.forEach((answer, index) => {
      const brandIgId = brandIgIds[index]!;
      if (answer && 'record' in answer) {
        toKeep.push({ key: cacheKeyText({ area: 'creator', userId, brandIgId, username }), value: answer.record });
        found.set(brandIgId, { brandIgId, permission: answer.record ?? undefined, fetchedAt: now(), refreshing: false });
      } else {
        const error = answer ? answer.error : new AppError('temporary', said('errorBatchNoAnswer'));
        found.set(brandIgId, { brandIgId, fetchedAt: now(), refreshing: false, error: describeError(error) });
      }
    });
    await deps.cache.writeMany(toKeep, CREATOR_TTL_MS);
    return found;
  }

  return {
    lookupFresh,

    /**
     * What is known of one creator before writing to them: the newer cached copy (fresh or
     * not, with no refresh behind it to race the write), else Meta asked by name now.
     */
    async knownStanding(brandIgId: string, username: string): Promise<PartnershipPermission | undefined> {
      const creator = await deps.cache.read<PartnershipPermission | null>(await creatorCacheKey(brandIgId, username));
      const list = await deps.cache.read<PartnershipPermission[]>(await listKey(brandIgId));
      const newest = newestCachedAnswer(username, creator, list);
      return newest ? newest.value : lookupFresh(brandIgId, username);
    },

    /**
     * One creator's status. Answers from the creator's cached lookup or the brand's cached
     * list without calling Meta while they are fresh; refreshes behind a stale answer.
     */
    async lookup(brandIgId: string, username: string): Promise<CreatorLookup> {
      const key = await creatorCacheKey(brandIgId, username);
      const load = () => fetchCreator(brandIgId, username);
      const creator = await deps.cache.read<PartnershipPermission | null>(key);
      const list = await deps.cache.read<PartnershipPermission[]>(await listKey(brandIgId));
      // The newer of the two copies answers (the popup's glance decides the same way).
      const newest = newestCachedAnswer(username, creator, list);
      if (!newest) {
        const fresh = await deps.reader.refresh(key, CREATOR_TTL_MS, load);
        return { username, permission: fresh.value ?? undefined, fetchedAt: fresh.fetchedAt, refreshing: false };
      }
      const stale = !deps.cache.isFresh(newest.entry);
      if (stale) deps.reader.refreshBehind(key, CREATOR_TTL_MS, load);
      return { username, permission: newest.value, fetchedAt: newest.entry.fetchedAt, refreshing: stale };
    },

    /**
     * One creator's standing with many brands (the first is the chosen one). Cached answers
     * come back at once; brands with none are looked up together in one batch request before
     * answering, and stale ones are refreshed behind, also together.
     */
    async standings(brandIgIds: readonly string[], username: string): Promise<BrandStanding[]> {
      const userId = await deps.currentUserId();
      const keys = brandIgIds.map((brandIgId) => cacheKeyText({ area: 'creator', userId, brandIgId, username }));
      const lookups = await deps.cache.readMany<PartnershipPermission | null>(keys);
      // The chosen brand's list may be newer than its lookup (the dashboard read it): it answers as the single lookup does.
      const chosenList = brandIgIds[0] ? await deps.cache.read<PartnershipPermission[]>(await listKey(brandIgIds[0])) : undefined;
      const cached = brandIgIds.map((brandIgId, index) =>
        index === 0 ? newestCachedAnswer(username, lookups.get(keys[0]!), chosenList) : cachedLookup(lookups.get(keys[index]!)),
      );
      const missing = brandIgIds.filter((_, index) => !cached[index]);
      const stale = brandIgIds.filter((_, index) => cached[index] && !deps.cache.isFresh(cached[index]!.entry));
      let fetched = new Map<string, BrandStanding>();
      if (missing.length > 0) {
        // A batch that fails as a whole costs only the brands it was for: cached brands still answer.
        fetched = await fetchStandings([...missing, ...stale], username).catch(
          (error: unknown) =>
            new Map(
              missing.map((brandIgId) => [brandIgId, { brandIgId, fetchedAt: now(), refreshing: false, error: describeError(error) }]),
            ),
        );
      } else if (stale.length > 0) {
        // Only brands whose answer was kept are announced: a refused one stays stale and would be asked again on each announcement.
        void fetchStandings(stale, username)
          .then((found) => found.forEach((standing) => !standing.error && deps.onChange(standing.brandIgId)))
          .catch(() => undefined);
      }
      return brandIgIds.map((brandIgId, index) => {
        const answer = cached[index];
        const fresh = fetched.get(brandIgId);
        if (fresh && !(answer && fresh.error)) return fresh;
        return {
          brandIgId,
          permission: answer!.value,
          fetchedAt: answer!.entry.fetchedAt,
          refreshing: stale.includes(brandIgId) && missing.length === 0,
        };
      });
    },

    /** What the cache knows of one creator: the creator's lookup, else the brand's list (by username or ID). */
    async knownRecord(brandIgId: string, creator: CreatorRef): Promise<PartnershipPermission | undefined> {
      if (creator.username) {
        const lookedUp = (await deps.cache.read<PartnershipPermission | null>(await creatorCacheKey(brandIgId, creator.username)))?.value;
        if (lookedUp) return lookedUp;
      }
      const list = (await deps.cache.read<PartnershipPermission[]>(await listKey(brandIgId)))?.value ?? [];
      return list.find((record) => isSameCreator(record, { creatorUsername: creator.username, creatorId: creator.creatorId }));
    },
  };
}

function cachedLookup(entry: CacheEntry<PartnershipPermission | null> | undefined): CachedAnswer | undefined {
  return entry && { entry, value: entry.value ?? undefined };
}
