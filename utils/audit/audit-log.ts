import type { CollabDeskDb } from '../db/database';
import type { AuditEntry } from './audit-entry';

export type { AuditEntry };

export type AuditLog = ReturnType<typeof createAuditLog>;

/**
 * Adds entries to the `audit` store inside a transaction someone else opened: the job store
 * writes an item's outcome and its audit entry in one transaction, so a worker stopped
 * between the two can never leave one without the other.
 */
export function addAuditEntries(
  store: { add(entry: AuditEntry): Promise<unknown> },
  entries: readonly AuditEntry[],
): Array<Promise<unknown>> {
  return entries.map((entry) => store.add(entry));
}

/** The `audit` store: the only module that touches it. */
export function createAuditLog(db: Promise<CollabDeskDb>) {
  return {
    async record(entries: readonly AuditEntry[]): Promise<void> {
      if (entries.length === 0) return;
      const transaction = (await db).transaction('audit', 'readwrite');
      await Promise.all([...addAuditEntries(transaction.store, entries), transaction.done]);
    },

    /** Newest first. */
    async list(limit = 10_000): Promise<AuditEntry[]> {
      const entries: AuditEntry[] = [];
      let cursor = await (await db).transaction('audit').store.openCursor(null, 'prev');
      while (cursor && entries.length < limit) {
        entries.push(cursor.value);
        cursor = await cursor.continue();
      }
      return entries;
    },

    async clear(): Promise<void> {
      await (await db).clear('audit');
    },
  };
}
