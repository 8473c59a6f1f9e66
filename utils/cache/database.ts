import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export interface CacheEntry<T = unknown> {
  key: string;
  value: T;
  fetchedAt: number;
  ttlMs: number;
}

/** Everything Collab Desk keeps in IndexedDB. Bump the version and add an upgrade step to add stores. */
export interface CollabDeskSchema extends DBSchema {
  'graph-cache': { key: string; value: CacheEntry };
}

export type CollabDeskDb = IDBPDatabase<CollabDeskSchema>;

export function openCollabDeskDb(name = 'collab-desk'): Promise<CollabDeskDb> {
  return openDB<CollabDeskSchema>(name, 1, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) db.createObjectStore('graph-cache', { keyPath: 'key' });
    },
  });
}
