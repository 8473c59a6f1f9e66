import type { CachedReader } from '../cache/cached-reader';
import { cacheKeyText } from '../cache/cache-keys';
import type { GraphCache } from '../cache/graph-cache';
import type { GraphClient } from '../graph/client';
import { createMetaPermissions, type MetaPermissions } from './meta-permissions';

export interface PartnershipsServiceDeps {
  graph: GraphClient;
  cache: GraphCache;
  reader: CachedReader;
  currentUserId(): Promise<string>;
  /** Told when a brand's permissions changed. */
  onChange(brandIgId: string): void;
  now?: () => number;
}

/** How long a brand's cached list and a creator's cached lookup stay fresh. */
export const LIST_TTL_MS = 5 * 60_000;
export const CREATOR_TTL_MS = 2 * 60_000;

/** What the parts of the partnerships service share: their dependencies, Meta's answers, and the signed-in person's cache keys. */
export interface PartnershipsContext {
  deps: PartnershipsServiceDeps;
  now(): number;
  meta: MetaPermissions;
  /** The key of a brand's cached list. */
  listKey(brandIgId: string): Promise<string>;
  /** The key of a creator's cached lookup for one brand. */
  creatorCacheKey(brandIgId: string, username: string): Promise<string>;
}

/** The key of a creator's cached lookup for one brand, by the signed-in person (batches ask for the person once). */
export function creatorKeyText(userId: string, brandIgId: string, username: string): string {
  return cacheKeyText({ area: 'creator', userId, brandIgId, username });
}

export function createPartnershipsContext(deps: PartnershipsServiceDeps): PartnershipsContext {
  return {
    deps,
    now: deps.now ?? Date.now,
    meta: createMetaPermissions(deps.graph),
    listKey: async (brandIgId) => cacheKeyText({ area: 'partnerships', userId: await deps.currentUserId(), brandIgId }),
    creatorCacheKey: async (brandIgId, username) => creatorKeyText(await deps.currentUserId(), brandIgId, username),
  };
}
