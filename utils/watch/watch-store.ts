import type { CollabDeskDb } from '../db/database';
import type { BrandWatch, WatchNews } from './watch-cycle';

export type StoredNews = WatchNews & { id: number };
export type WatchStore = ReturnType<typeof createWatchStore>;

/** The `watch` and `watch-news` stores: what the approvals watch saw last per brand, and what changed since the person looked. */
export function createWatchStore(db: Promise<CollabDeskDb>) {
  return {
    async lastSeen(): Promise<Map<string, BrandWatch>> {
      return new Map((await (await db).getAll('watch')).map((watch) => [watch.brandIgId, watch]));
    },

    /** A cycle's outcome in one transaction: either both what it saw and what it found are kept, or neither. */
    async keep(watches: readonly BrandWatch[], news: readonly WatchNews[]): Promise<void> {
      const transaction = (await db).transaction(['watch', 'watch-news'], 'readwrite');
      await Promise.all([
        ...watches.map((watch) => transaction.objectStore('watch').put(watch)),
        ...news.map((entry) => transaction.objectStore('watch-news').add({ ...entry })),
        transaction.done,
      ]);
    },

    /** What changed, newest first, for the person who is connected. */
    async news(userId: string): Promise<StoredNews[]> {
      const all = (await (await db).getAll('watch-news')) as StoredNews[];
      return all.filter((entry) => entry.userId === userId).reverse();
    },

    async newsCount(): Promise<number> {
      return (await db).count('watch-news');
    },

    /**
     * Mark as seen: the news the person saw (up to the newest shown) is gone; news a cycle found
     * meanwhile stays. The watch keeps what it saw, so nothing is found twice.
     */
    async markSeen(upToId: number): Promise<void> {
      await (await db).delete('watch-news', IDBKeyRange.upperBound(upToId));
    },

    /** Disconnect: everything the watch kept of Meta's data. */
    async clear(): Promise<void> {
      const transaction = (await db).transaction(['watch', 'watch-news'], 'readwrite');
      await Promise.all([transaction.objectStore('watch').clear(), transaction.objectStore('watch-news').clear(), transaction.done]);
    },
  };
}
