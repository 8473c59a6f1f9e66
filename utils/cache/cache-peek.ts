import { DB_NAME, DB_VERSION } from '../db/version';
import type { CacheEntry } from './cache-entry';

/** Read-only access to graph-cache entries for a page's first paint; see openCachePeek. */
export interface CachePeek {
  /** The entries of these keys that exist; none when the database is missing, of another version or busy. */
  peek(keys: readonly string[]): Promise<Map<string, CacheEntry>>;
  /** The keys of the entries fetched after a time, from the byFetched index: no value is read. */
  keysFetchedAfter(fetchedAt: number): Promise<string[]>;
  /** Closes the connection once the reads asked for so far are done. */
  close(): void;
}

/**
 * Opens IndexedDB read-only for a page's first paint: no message to the service worker,
 * which may first have to start. The connection is asked for at once, so it opens while the
 * page reads what it needs to know which keys to peek, and serves every peek until close().
 * It never creates or upgrades the database (only the background does): when the database
 * is missing or of another version, peeks answer nothing and the page waits for the
 * background as before; an upgrade elsewhere closes it.
 */
export function openCachePeek(name = DB_NAME): CachePeek {
  const opened = new Promise<IDBDatabase | undefined>((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name, DB_VERSION);
    } catch {
      resolve(undefined);
      return;
    }
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = request.onblocked = () => resolve(undefined);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
  });
  let pending: Promise<unknown> = opened;
  const track = <T>(read: Promise<T>): Promise<T> => {
    pending = Promise.all([pending, read.catch(() => undefined)]);
    return read;
  };
  return {
    peek: (keys) => track(opened.then((db) => (db ? readEntries(db, keys) : new Map<string, CacheEntry>()))),
    keysFetchedAfter: (fetchedAt) => track(opened.then((db) => (db ? readKeysAfter(db, fetchedAt) : []))),
    close() {
      void pending.then(() => opened).then((db) => db?.close());
    },
  };
}

/** Some entries in one read-only transaction; nothing when the connection was closed meanwhile. */
function readEntries(db: IDBDatabase, keys: readonly string[]): Promise<Map<string, CacheEntry>> {
  const found = new Map<string, CacheEntry>();
  return new Promise((resolve) => {
    try {
      const transaction = db.transaction('graph-cache', 'readonly');
      const store = transaction.objectStore('graph-cache');
      for (const key of keys) {
        const get = store.get(key);
        get.onsuccess = () => {
          if (get.result) found.set(key, get.result as CacheEntry);
        };
      }
      transaction.oncomplete = transaction.onerror = transaction.onabort = () => resolve(found);
    } catch {
      resolve(found);
    }
  });
}

function readKeysAfter(db: IDBDatabase, fetchedAt: number): Promise<string[]> {
  return new Promise((resolve) => {
    try {
      const request = db
        .transaction('graph-cache', 'readonly')
        .objectStore('graph-cache')
        .index('byFetched')
        .getAllKeys(IDBKeyRange.lowerBound(fetchedAt, true));
      request.onsuccess = () => resolve(request.result as string[]);
      request.onerror = () => resolve([]);
    } catch {
      resolve([]);
    }
  });
}
