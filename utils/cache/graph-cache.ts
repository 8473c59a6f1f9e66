import type { CollabDeskDb } from '../db/database';
import type { CacheEntry } from './cache-entry';

export type GraphCache = ReturnType<typeof createGraphCache>;

/** Graph answers kept in IndexedDB with the time they were fetched and how long they stay fresh. */
export function createGraphCache(db: Promise<CollabDeskDb>, now: () => number = Date.now) {
  async function read<T>(key: string): Promise<CacheEntry<T> | undefined> {
    return (await (await db).get('graph-cache', key)) as CacheEntry<T> | undefined;
  }

  async function write<T>(key: string, value: T, ttlMs: number): Promise<CacheEntry<T>> {
    const entry: CacheEntry<T> = { key, value, fetchedAt: now(), ttlMs };
    await (await db).put('graph-cache', entry);
    return entry;
  }

  function isFresh(entry: CacheEntry): boolean {
    return now() - entry.fetchedAt < entry.ttlMs;
  }

  return {
    read,
    write,
    isFresh,

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
