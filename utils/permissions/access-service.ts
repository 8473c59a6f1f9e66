import type { GraphCache } from '../cache/graph-cache';
import { AppError } from '../errors';
import type { GraphClient } from '../graph/client';
import { pageRecordSchema, permissionEntrySchema } from '../graph/schemas';
import { buildAccessOverview, type AccessOverview, type PageRecord } from './access-overview';

/** The Graph reads behind the Permissions view, as kept in the cache. */
interface AccessRecords {
  pages: PageRecord[];
  permissions: Array<{ permission: string; status: string }>;
  instagramUnavailable?: string;
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
  /** The connected (or last connected) person's ID, which keys the cache. */
  currentUserId(): Promise<string>;
  /** Told when a refresh made in the background finished, or failed. */
  onBackgroundRefresh(outcome: { ok: true } | { ok: false; error: unknown }): void;
  ttlMs?: number;
}

const PAGE_FIELDS = 'id,name,tasks,has_transitioned_to_new_page_experience';
const INSTAGRAM_FIELD = 'instagram_business_account{id,username,name,profile_picture_url}';

export type AccessService = ReturnType<typeof createAccessService>;

/** Pages, tasks and token permissions: answered from IndexedDB at once, refreshed when stale. */
export function createAccessService(deps: AccessServiceDeps) {
  const ttlMs = deps.ttlMs ?? 10 * 60_000;
  const inFlight = new Map<string, Promise<AccessSnapshot>>();
  const cacheKey = async () => `${await deps.currentUserId()}:access`;

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
        instagramUnavailable: `Meta would not show the Instagram accounts linked to your Pages (${error.details.metaMessage}). Allow instagram_basic to see them.`,
      };
    }
  }

  function refreshKey(key: string): Promise<AccessSnapshot> {
    let running = inFlight.get(key);
    if (!running) {
      running = fetchRecords()
        .then((records) => deps.cache.write(key, records, ttlMs))
        .then((entry) => ({ overview: overviewOf(entry.value), fetchedAt: entry.fetchedAt, refreshing: false }))
        .finally(() => inFlight.delete(key));
      inFlight.set(key, running);
    }
    return running;
  }

  const refresh = async (): Promise<AccessSnapshot> => refreshKey(await cacheKey());

  return {
    refresh,

    /** The cached overview at once (refreshing behind it when stale), or a fresh one on first use. */
    async get(): Promise<AccessSnapshot> {
      const key = await cacheKey();
      const running = inFlight.get(key);
      const entry = await deps.cache.read<AccessRecords>(key);
      // A fetch that was under way when the read began may have finished during it: join it.
      if (!entry) return running ?? refreshKey(key);
      const stale = !deps.cache.isFresh(entry);
      if (stale) {
        refresh().then(
          () => deps.onBackgroundRefresh({ ok: true }),
          (error: unknown) => deps.onBackgroundRefresh({ ok: false, error }),
        );
      }
      return { overview: overviewOf(entry.value), fetchedAt: entry.fetchedAt, refreshing: stale };
    },

    /** Forgets the cached copy, e.g. after the person granted more permissions. */
    async invalidate(): Promise<void> {
      await deps.cache.remove(await cacheKey());
    },
  };
}

function overviewOf(records: AccessRecords): AccessOverview {
  return buildAccessOverview(records.pages, records.permissions, records.instagramUnavailable);
}
