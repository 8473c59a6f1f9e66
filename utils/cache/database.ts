import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { AuditEntry } from '../bulk/audit';
import type { BulkItem, BulkJob } from '../bulk/job';
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
  /** Bulk jobs and their items: written before each batch goes out, updated with each answer. */
  jobs: { key: string; value: BulkJob; indexes: { byCreated: number } };
  'job-items': { key: [string, number]; value: BulkItem; indexes: { byJob: string; byJobState: [string, string] } };
  /** Every send and revoke taken, for the person's records. */
  audit: { key: number; value: AuditEntry };
}

export type CollabDeskDb = IDBPDatabase<CollabDeskSchema>;

export function openCollabDeskDb(name = 'collab-desk'): Promise<CollabDeskDb> {
  return openDB<CollabDeskSchema>(name, 3, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) db.createObjectStore('graph-cache', { keyPath: 'key' });
      if (oldVersion < 2) db.createObjectStore('actions', { keyPath: 'id' }).createIndex('byBrand', 'brandIgId');
      if (oldVersion < 3) {
        db.createObjectStore('jobs', { keyPath: 'id' }).createIndex('byCreated', 'createdAt');
        const items = db.createObjectStore('job-items', { keyPath: ['jobId', 'index'] });
        items.createIndex('byJob', 'jobId');
        items.createIndex('byJobState', ['jobId', 'state']);
        db.createObjectStore('audit', { keyPath: 'id', autoIncrement: true });
      }
    },
  });
}
