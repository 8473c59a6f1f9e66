/** A Graph answer as the cache keeps it. */
export interface CacheEntry<T = unknown> {
  key: string;
  value: T;
  fetchedAt: number;
  ttlMs: number;
}
