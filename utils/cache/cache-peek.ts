import { DB_NAME, DB_VERSION } from '../db/version';
import type { CacheEntry } from './cache-entry';

/**
 * Reads some graph-cache entries straight from IndexedDB, read-only, for a page's first
 * paint: no message to the service worker, which may first have to start. It never creates
 * or upgrades the database (only the background does): when the database is missing or of
 * another version, it answers nothing and the page waits for the background as before. The
 * connection is closed as soon as the entries are read, so it never blocks an upgrade.
 */
export function peekCache(keys: readonly string[], name = DB_NAME): Promise<Map<string, CacheEntry>> {
  const found = new Map<string, CacheEntry>();
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name, DB_VERSION);
    } catch {
      resolve(found);
      return;
    }
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(found);
    request.onblocked = () => resolve(found);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      try {
        const transaction = db.transaction('graph-cache', 'readonly');
        const store = transaction.objectStore('graph-cache');
        for (const key of keys) {
          const get = store.get(key);
          get.onsuccess = () => {
            if (get.result) found.set(key, get.result as CacheEntry);
          };
        }
        transaction.oncomplete =
          transaction.onerror =
          transaction.onabort =
            () => {
              db.close();
              resolve(found);
            };
      } catch {
        db.close();
        resolve(found);
      }
    };
  });
}
