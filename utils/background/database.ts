import { openDB } from 'idb';
import type { AuditEntry } from '../audit/audit-entry';
import type { ClaimKey, CreatorClaim } from '../bulk/claims';
import type { Job, JobItem } from '../bulk/job';
import type { CacheEntry } from '../cache/cache-entry';
import type { CollabDeskDb, CollabDeskSchema } from '../db/database';
import { DB_NAME, DB_VERSION } from '../db/version';
import type { CreatorNote } from '../notes/note';
import type { BrandWatch, WatchNews } from '../watch/watch-cycle';
import { moveActionsIntoJobs } from './legacy-actions';

/**
 * The stores of Collab Desk's one database (utils/db/database.ts), declared here, where the
 * background opens it, so no area imports another's records through the schema.
 */
declare module '../db/database' {
  interface CollabDeskSchema {
    /** Graph answers with when they were fetched. */
    'graph-cache': { key: string; value: CacheEntry; indexes: { byFetched: number } };
    /** Every send and revoke, one creator or thousands: written before each call, updated with each answer. */
    jobs: { key: string; value: Job; indexes: { byCreated: number } };
    'job-items': { key: [string, number]; value: JobItem; indexes: { byJobState: [string, string] } };
    /** Which job holds each creator, per brand and kind of action: no creator is asked by two jobs at once. */
    claims: { key: ClaimKey; value: CreatorClaim; indexes: { byJob: string } };
    /** Every send and revoke taken, for the person's records. */
    audit: { key: number; value: AuditEntry };
    /** What the approvals watch saw last of each brand: its pending creators. */
    watch: { key: string; value: BrandWatch };
    /** Creators who stopped being pending since the person last looked (deleted by Mark as seen). */
    'watch-news': { key: number; value: WatchNews & { id?: number } };
    /** The person's own notes on creators (end date, campaign): kept through Disconnect. */
    notes: { key: [string, string]; value: CreatorNote };
  }
}

export { DB_VERSION };

/** Opens the database, creating or upgrading it. To change the schema, bump DB_VERSION (utils/db/version.ts) and add a step here. */
export function openCollabDeskDb(name = DB_NAME): Promise<CollabDeskDb> {
  return openDB<CollabDeskSchema>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) db.createObjectStore('graph-cache', { keyPath: 'key' });
      if (oldVersion < 3) {
        db.createObjectStore('jobs', { keyPath: 'id' }).createIndex('byCreated', 'createdAt');
        const items = db.createObjectStore('job-items', { keyPath: ['jobId', 'index'] });
        items.createIndex('byJobState', ['jobId', 'state']);
        db.createObjectStore('audit', { keyPath: 'id', autoIncrement: true });
      }
      if (oldVersion >= 2 && oldVersion < 4) await moveActionsIntoJobs(db, transaction);
      // Version 4 writes cache keys another way (utils/cache/cache-keys.ts): older entries would never be read again.
      if (oldVersion >= 1 && oldVersion < 4) await transaction.objectStore('graph-cache').clear();
      if (oldVersion < 5) transaction.objectStore('graph-cache').createIndex('byFetched', 'fetchedAt');
      if (oldVersion < 6) {
        db.createObjectStore('watch', { keyPath: 'brandIgId' });
        db.createObjectStore('watch-news', { keyPath: 'id', autoIncrement: true });
      }
      if (oldVersion < 7) db.createObjectStore('notes', { keyPath: ['brandIgId', 'username'] });
      // A job's items are a range of the primary key [jobId, index]: an index by job only cost a write on every change.
      if (oldVersion >= 3 && oldVersion < 8) transaction.objectStore('job-items').deleteIndex('byJob');
      if (oldVersion < 9) db.createObjectStore('claims', { keyPath: ['brandIgId', 'kind', 'creator'] }).createIndex('byJob', 'jobId');
    },
  });
}
