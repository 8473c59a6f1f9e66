import type { CachedReader } from '../cache/cached-reader';
import type { GraphCache } from '../cache/graph-cache';
import { cacheKeyText } from '../cache/cache-keys';
import { AppError } from '../errors';
import { said, type Words } from '../i18n/said';
import type { GraphClient } from '../graph/client';
import { pageRecordSchema, permissionEntrySchema } from '../graph/schemas';
import { buildAccessOverview, type AccessOverview, type PageRecord } from './access-overview';

/** The Graph reads behind the Permissions view, as kept in the cache. */
export interface AccessRecords {
  pages: PageRecord[];
  permissions: Array<{ permission: string; status: string }>;
  /** Why the Instagram accounts are missing (a plain string in copies cached by earlier versions). */
  instagramUnavailable?: Words;
}

export interface AccessSnapshot {
  overview: AccessOverview;
  fetchedAt: number;
  /** True while a newer copy is being fetched behind the one returned. */
  refreshing: boolean;
}

export interface AccessServiceDeps {
  graph: GraphClient;
  cache: GraphCache;
  reader: CachedReader;
  /** The connected (or last connected) person's ID, which keys the cache. */
  currentUserId(): Promise<string>;
  ttlMs?: number;
}

const PAGE_FIELDS = 'id,name,tasks,has_transitioned_to_new_page_experience';
const INSTAGRAM_FIELD = 'instagram_business_account{id,username,name,profile_picture_url}';

export type AccessService = ReturnType<typeof createAccessService>;

/** Pages, tasks and token permissions: answered from IndexedDB at once, refreshed when stale. */
export function createAccessService(deps: AccessServiceDeps) {
  const ttlMs = deps.ttlMs ?? 10 * 60_000;
  const cacheKey = async () => cacheKeyText({ area: 'access', userId: await deps.currentUserId() });

  async function fetchRecords(): Promise<AccessRecords> {
    const permissions = await deps.graph.getAll('me/permissions', permissionEntrySchema);
    const listPages = (fields: string) => deps.graph.getAll('me/accounts', pageRecordSchema, { searchParams: { fields, limit: 100 } });
    try {
      return { pages: await listPages(`${PAGE_FIELDS},${INSTAGRAM_FIELD}`), permissions };
    } catch (error) {
      // Since v12 the Instagram fields fail the whole call when the token lacks their permission.
      if (!(error instanceof AppError) || error.kind !== 'permission-missing') throw error;
      return {
        pages: await listPages(PAGE_FIELDS),
        permissions,
        instagramUnavailable: said('permissionsInstagramUnavailable', { meta: error.details.metaMessage || said('reasonNoneGiven') }),
      };
    }
  }

  const snapshotOf = (read: { value: AccessRecords; fetchedAt: number; refreshing: boolean }): AccessSnapshot => ({
    overview: buildAccessOverview(read.value.pages, read.value.permissions, read.value.instagramUnavailable),
    fetchedAt: read.fetchedAt,
    refreshing: read.refreshing,
  });

  return {
    /** The cached overview at once (refreshing behind it when stale), or a fresh one on first use. */
    get: async () => snapshotOf(await deps.reader.get(await cacheKey(), ttlMs, fetchRecords)),
    refresh: async () => snapshotOf(await deps.reader.refresh(await cacheKey(), ttlMs, fetchRecords)),
    /** Forgets the cached copy, e.g. after the person granted more permissions. */
    invalidate: async () => deps.cache.remove(await cacheKey()),
  };
}
