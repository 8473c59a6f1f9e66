/**
 * What a cache entry holds, as data. This module alone turns it into the stored key and back:
 * nothing else builds key strings or takes them apart.
 */
export type CacheKey =
  | { area: 'access'; userId: string }
  | { area: 'partnerships'; userId: string; brandIgId: string }
  | { area: 'creator'; userId: string; brandIgId: string; username: string }
  /** One page of a brand's partnership content: `query` is the filters and cursor (utils/content/content-service.ts). */
  | { area: 'content'; userId: string; brandIgId: string; query: string }
  /** Which business a brand's content is read under, as found from Meta. */
  | { area: 'content-business'; userId: string; brandIgId: string };

export function cacheKeyText(key: CacheKey): string {
  switch (key.area) {
    case 'access':
      return JSON.stringify([key.userId, key.area]);
    case 'partnerships':
      return JSON.stringify([key.userId, key.area, key.brandIgId]);
    case 'creator':
      return JSON.stringify([key.userId, key.area, key.brandIgId, key.username]);
    case 'content':
      return JSON.stringify([key.userId, key.area, key.brandIgId, key.query]);
    case 'content-business':
      return JSON.stringify([key.userId, key.area, key.brandIgId]);
  }
}

/** The start every creator lookup of one brand's key shares (for GraphCache.readPrefix). */
export function creatorKeysPrefix(userId: string, brandIgId: string): string {
  return cacheKeyText({ area: 'creator', userId, brandIgId, username: '' }).slice(0, -2);
}

/** The key an entry was stored under, or undefined for text this module did not write. */
export function readCacheKey(text: string): CacheKey | undefined {
  let parts: unknown;
  try {
    parts = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parts) || !parts.every((part) => typeof part === 'string')) return undefined;
  const [userId, area, brandIgId, username] = parts as string[];
  if (area === 'access' && parts.length === 2) return { area, userId: userId! };
  if (area === 'partnerships' && parts.length === 3) return { area, userId: userId!, brandIgId: brandIgId! };
  if (area === 'creator' && parts.length === 4) return { area, userId: userId!, brandIgId: brandIgId!, username: username! };
  if (area === 'content' && parts.length === 4) return { area, userId: userId!, brandIgId: brandIgId!, query: username! };
  if (area === 'content-business' && parts.length === 3) return { area, userId: userId!, brandIgId: brandIgId! };
  return undefined;
}
