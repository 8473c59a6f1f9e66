import type { CachedRead, CachedReader } from '../cache/cached-reader';
import type { GraphCache } from '../cache/graph-cache';
import { cacheKeyText } from '../cache/cache-keys';
import { AppError } from '../errors';
import type { GraphClient } from '../graph/client';
import { isSameCreator, parsePermissionItems, type PartnershipPermission } from './permission-record';
import type { CreatorRef } from './permission-request';
import * as z from 'zod/mini';
import { newestCachedAnswer } from './cached-answer';

export interface PartnershipsServiceDeps {
  graph: GraphClient;
  cache: GraphCache;
  reader: CachedReader;
  currentUserId(): Promise<string>;
  /** Told when a brand's permissions changed. */
  onChange(brandIgId: string): void;
  now?: () => number;
}

export interface CreatorLookup {
  username: string;
  /** Absent when the creator has never been asked. */
  permission?: PartnershipPermission;
  fetchedAt: number;
  refreshing: boolean;
}

const LIST_TTL_MS = 5 * 60_000;
const CREATOR_TTL_MS = 2 * 60_000;

/** The field sets Meta documents, tried in order; the last resort asks for Meta's defaults. */
const FIELD_SETS: Array<string | undefined> = [
  'id,creator_ig_id,creator_username,brand_ig_id,permission_status,permission_created_time,permission_url',
  'id,creator_id,creator_username,brand_ig_user,permission_status',
  undefined,
];

const edge = (brandIgId: string) => `${brandIgId}/branded_content_ad_permissions`;

export type PartnershipsService = ReturnType<typeof createPartnershipsService>;

/** Creator partnership-ad permissions of a brand: list and look up through the cache, and remember confirmed changes. */
export function createPartnershipsService(deps: PartnershipsServiceDeps) {
  const now = deps.now ?? Date.now;
  let fieldSet = 0;
  const listKey = async (brandIgId: string) => cacheKeyText({ area: 'partnerships', userId: await deps.currentUserId(), brandIgId });
  const creatorCacheKey = async (brandIgId: string, username: string) =>
    cacheKeyText({ area: 'creator', userId: await deps.currentUserId(), brandIgId, username });

  /** Lists with the first documented field set Meta accepts, remembering which one that was. */
  async function fetchPermissions(brandIgId: string, creatorUsername?: string): Promise<PartnershipPermission[]> {
    for (;;) {
      const fields = FIELD_SETS[fieldSet];
      try {
        const items = await deps.graph.getAll(edge(brandIgId), z.unknown(), {
          searchParams: { limit: 100, ...(fields ? { fields } : {}), ...(creatorUsername ? { creator_username: creatorUsername } : {}) },
        });
        return parsePermissionItems(items);
      } catch (error) {
        const unknownField =
          error instanceof AppError &&
          error.kind === 'invalid-request' &&
          /nonexist|unknown field|tried accessing/i.test(error.details.metaMessage ?? '');
        if (!unknownField || fieldSet >= FIELD_SETS.length - 1) throw error;
        fieldSet += 1;
      }
    }
  }

  async function fetchCreator(brandIgId: string, username: string): Promise<PartnershipPermission | null> {
    const found = await fetchPermissions(brandIgId, username);
    // Records without a username (SDK field set) can only be this creator's, as Meta filtered them.
    return found.find((record) => record.creatorUsername === username) ?? found.find((record) => !record.creatorUsername) ?? null;
  }

  /**
   * Writes confirmed changes into every cached copy that mentions the creators, each merged
   * over what was known (a revoke keeps the request's date and ID); returns the merged records.
   * Creators are matched by username, or by Instagram ID when Meta gave no username.
   */
  async function rememberChanges(brandIgId: string, changes: readonly PartnershipPermission[]): Promise<PartnershipPermission[]> {
    const list = (await deps.cache.read<PartnershipPermission[]>(await listKey(brandIgId)))?.value ?? [];
    // A batch of changes reads and writes the creators' cached lookups in one transaction each.
    const userId = await deps.currentUserId();
    const creatorKey = (username: string) => cacheKeyText({ area: 'creator', userId, brandIgId, username });
    const lookups = await deps.cache.readMany<PartnershipPermission | null>(
      changes.flatMap((change) => (change.creatorUsername ? [creatorKey(change.creatorUsername)] : [])),
    );
    const merged = changes.map((change) => {
      const lookedUp = change.creatorUsername ? lookups.get(creatorKey(change.creatorUsername))?.value : undefined;
      const known = lookedUp ?? list.find((record) => isSameCreator(record, change));
      return { ...known, ...withoutUndefined(change) } as PartnershipPermission;
    });
    await deps.cache.update<PartnershipPermission[]>(await listKey(brandIgId), (cached) => {
      const added = merged.filter((record) => !cached.some((listed) => isSameCreator(listed, record)));
      return [...added, ...cached.map((record) => merged.find((change) => isSameCreator(record, change)) ?? record)];
    });
    const named = merged.filter((record) => record.creatorUsername);
    await deps.cache.writeMany(
      named.map((record) => ({ key: creatorKey(record.creatorUsername!), value: record })),
      CREATOR_TTL_MS,
    );
    deps.onChange(brandIgId);
    return merged;
  }

  return {
    /** Every permission of the brand (all pages of the list), from the cache when there is one. */
    async list(brandIgId: string): Promise<CachedRead<PartnershipPermission[]>> {
      return deps.reader.get(await listKey(brandIgId), LIST_TTL_MS, () => fetchPermissions(brandIgId));
    },

    async refreshList(brandIgId: string): Promise<CachedRead<PartnershipPermission[]>> {
      return deps.reader.refresh(await listKey(brandIgId), LIST_TTL_MS, () => fetchPermissions(brandIgId));
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

    /** Confirmed outcomes of jobs, so every view shows them without asking Meta again. */
    async rememberOutcomes(
      brandIgId: string,
      outcomes: ReadonlyArray<CreatorRef & { status: string; permissionId?: string }>,
    ): Promise<void> {
      await rememberChanges(
        brandIgId,
        outcomes.map(({ username, creatorId, status, permissionId }) => ({
          id: permissionId,
          creatorUsername: username,
          creatorId,
          status,
          brandIgId,
          ...(status === 'PENDING' ? { requestedAt: new Date(now()).toISOString() } : {}),
        })),
      );
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

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
