import type { CollabDeskDb } from '../cache/database';

/** One action Collab Desk took on the person's behalf, kept locally for their records. */
export interface AuditEntry {
  id?: number;
  at: number;
  brandIgId: string;
  brandUsername?: string;
  creator: string;
  action: 'send' | 'revoke';
  outcome: 'Sent' | 'Revoked' | 'Failed';
  reason?: string;
  source: 'single' | 'bulk';
}

export type AuditLog = ReturnType<typeof createAuditLog>;

export function createAuditLog(db: Promise<CollabDeskDb>) {
  return {
    async record(entries: readonly AuditEntry[]): Promise<void> {
      if (entries.length === 0) return;
      const transaction = (await db).transaction('audit', 'readwrite');
      for (const entry of entries) void transaction.store.add(entry);
      await transaction.done;
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
