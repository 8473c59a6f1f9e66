import type { CollabDeskDb } from '../db/database';
import type { CacheEntry } from './cache-entry';

export type GraphCache = ReturnType<typeof createGraphCache>;

export interface CacheBounds {
  /** Entries fetched longer ago than this are deleted (they would be refetched anyway). */
  maxAgeMs: number;
  /** Past this many entries, the oldest are deleted first. */
  maxEntries: number;
  /** Trims after this many writes. */
  trimEvery: number;
}

/** A year of lookups must not grow the cache without limit: a week of age, a few thousand entries. */
export const DEFAULT_CACHE_BOUNDS: CacheBounds = { maxAgeMs: 7 * 24 * 60 * 60_000, maxEntries: 2_000, trimEvery: 50 };

/**
 * The `graph-cache` store: Graph answers kept in IndexedDB with the time they were fetched and
 * how long they stay fresh, trimmed by age and count (oldest first).
 */
export function createGraphCache(db: Promise<CollabDeskDb>, now: () => number = Date.now, bounds: CacheBounds = DEFAULT_CACHE_BOUNDS) {
  let writesSinceTrim = 0;

  /** Deletes entries older than the age bound, then the oldest past the count bound; returns how many went. */
  async function trim(): Promise<number> {
    writesSinceTrim = 0;
    const transaction = (await db).transaction('graph-cache', 'readwrite');
    const byFetched = transaction.store.index('byFetched');
    let removed = 0;
    let excess = (await byFetched.count()) - bounds.maxEntries;
    let cursor = await byFetched.openCursor();
    while (cursor && (excess > 0 || cursor.value.fetchedAt < now() - bounds.maxAgeMs)) {
      await cursor.delete();
      removed += 1;
      excess -= 1;
      cursor = await cursor.continue();
    }
    await transaction.done;
    return removed;
  }

  async function read<T>(key: string): Promise<CacheEntry<T> | undefined> {
    return (await (await db).get('graph-cache', key)) as CacheEntry<T> | undefined;
  }

  async function write<T>(key: string, value: T, ttlMs: number): Promise<CacheEntry<T>> {
    const [entry] = await writeMany([{ key, value }], ttlMs);
    return entry!;
  }

  /** Many values at once, in one transaction (a bulk job's batch of 50 creators costs one, not 50). */
  async function writeMany<T>(values: ReadonlyArray<{ key: string; value: T }>, ttlMs: number): Promise<CacheEntry<T>[]> {
    const entries = values.map(({ key, value }): CacheEntry<T> => ({ key, value, fetchedAt: now(), ttlMs }));
    const transaction = (await db).transaction('graph-cache', 'readwrite');
    await Promise.all([...entries.map((entry) => transaction.store.put(entry)), transaction.done]);
    writesSinceTrim += entries.length;
    if (writesSinceTrim >= bounds.trimEvery) await trim();
    return entries;
  }

  /** Many entries at once, in one transaction; absent keys are left out. */
  async function readMany<T>(keys: readonly string[]): Promise<Map<string, CacheEntry<T>>> {
    const transaction = (await db).transaction('graph-cache', 'readonly');
    const found = await Promise.all(keys.map((key) => transaction.store.get(key)));
    await transaction.done;
    return new Map(found.filter((entry) => entry !== undefined).map((entry) => [entry.key, entry as CacheEntry<T>]));
  }

  /** Every entry whose key starts with `prefix` (see cacheKeyPrefix), read by key range without a scan of the rest. */
  async function readPrefix<T>(prefix: string): Promise<CacheEntry<T>[]> {
    return (await (await db).getAll('graph-cache', IDBKeyRange.bound(prefix, `${prefix}\uffff`))) as CacheEntry<T>[];
  }

  function isFresh(entry: CacheEntry): boolean {
    return now() - entry.fetchedAt < entry.ttlMs;
  }

  return {
    read,
    readMany,
    readPrefix,
    write,
    writeMany,
    isFresh,
    trim,

    /** Changes a cached value in place, keeping when it was fetched; does nothing when absent. */
    async update<T>(key: string, change: (value: T) => T): Promise<void> {
      const database = await db;
      const transaction = database.transaction('graph-cache', 'readwrite');
      const entry = (await transaction.store.get(key)) as CacheEntry<T> | undefined;
      if (entry) await transaction.store.put({ ...entry, value: change(entry.value) });
      await transaction.done;
    },

    async remove(key: string): Promise<void> {
      await (await db).delete('graph-cache', key);
    },

    async clear(): Promise<void> {
      await (await db).clear('graph-cache');
    },
  };
}
