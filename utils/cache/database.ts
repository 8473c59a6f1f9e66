import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PartnershipAction } from '../partnerships/actions';

export interface CacheEntry<T = unknown> {
  key: string;
  value: T;
  fetchedAt: number;
  ttlMs: number;
}

/** Everything Collab Desk keeps in IndexedDB. Bump the version and add an upgrade step to add stores. */
export interface CollabDeskSchema extends DBSchema {
  /** Graph answers with when they were fetched. */
  'graph-cache': { key: string; value: CacheEntry };
  /** Sends and revokes: written before the call, removed once Meta answered, kept when it could not. */
  actions: { key: string; value: PartnershipAction; indexes: { byBrand: string } };
}

export type CollabDeskDb = IDBPDatabase<CollabDeskSchema>;

export function openCollabDeskDb(name = 'collab-desk'): Promise<CollabDeskDb> {
  return openDB<CollabDeskSchema>(name, 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) db.createObjectStore('graph-cache', { keyPath: 'key' });
      if (oldVersion < 2) db.createObjectStore('actions', { keyPath: 'id' }).createIndex('byBrand', 'brandIgId');
    },
  });
}
