import type { DBSchema, IDBPDatabase } from 'idb';

/**
 * Everything Collab Desk keeps in IndexedDB, in one schema. This module knows no store: the
 * background declares them all in one place, utils/background/database.ts, which also opens
 * the database and upgrades it (name and version: ./version.ts). Each store has one module
 * that reads and writes it, typed by this schema (graph-cache: utils/cache/graph-cache.ts;
 * jobs, job-items and claims: utils/bulk/job-store.ts; audit: utils/audit/audit-log.ts; watch
 * and watch-news: utils/watch/watch-store.ts; notes: utils/notes/notes-store.ts); nothing
 * else writes a store (the popup's first paint only reads graph-cache, see
 * utils/cache/cache-peek.ts). The stores come in by declaration merging, so no store module
 * imports the module that opens the database, and this one imports none of them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by utils/background/database.ts
export interface CollabDeskSchema extends DBSchema {}

export type CollabDeskDb = IDBPDatabase<CollabDeskSchema>;
