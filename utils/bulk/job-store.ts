import { addAuditEntries, type AuditEntry } from '../audit/audit-log';
import type { CollabDeskDb } from '../db/database';
import type { ItemState, Job, JobItem } from './job';

export type JobStore = ReturnType<typeof createJobStore>;

/** Items per state, or how many moved into (positive) and out of (negative) each state. */
export type StateCounts = Partial<Record<ItemState, number>>;

/** What a write of items did: the items it wrote, and how the counts per state moved. */
export interface ItemsWritten {
  moved: StateCounts;
  written: JobItem[];
}

const ITEM_STATES: readonly ItemState[] = ['queued', 'in-flight', 'unknown', 'sent', 'revoked', 'failed', 'skipped'];

/**
 * The `jobs` and `job-items` stores: the only module that touches them. Every change of an
 * item's state is written before and after each call to Meta.
 */
export function createJobStore(db: Promise<CollabDeskDb>) {
  return {
    async create(job: Job, items: readonly JobItem[]): Promise<void> {
      const transaction = (await db).transaction(['jobs', 'job-items'], 'readwrite');
      void transaction.objectStore('jobs').put(job);
      const store = transaction.objectStore('job-items');
      for (const item of items) void store.put(item);
      await transaction.done;
    },

    async get(jobId: string): Promise<Job | undefined> {
      return (await db).get('jobs', jobId);
    },

    /** The newest bulk job that was confirmed (not a dry run, not a single action). */
    async latestBulk(): Promise<Job | undefined> {
      let cursor = await (await db).transaction('jobs').store.index('byCreated').openCursor(null, 'prev');
      while (cursor && (cursor.value.origin !== 'bulk' || cursor.value.state === 'planned')) cursor = await cursor.continue();
      return cursor?.value;
    },

    async all(): Promise<Job[]> {
      return (await db).getAll('jobs');
    },

    /** Jobs confirmed and not finished: running, paused or waiting; oldest first. */
    async unfinished(): Promise<Job[]> {
      const jobs = await (await db).getAll('jobs');
      return jobs
        .filter((job) => job.state !== 'done' && job.state !== 'cancelled' && job.state !== 'planned')
        .sort((a, b) => a.createdAt - b.createdAt);
    },

    /** Forgets a job and its items (dry runs that were not confirmed, single actions discarded). */
    async remove(jobId: string): Promise<void> {
      const transaction = (await db).transaction(['jobs', 'job-items'], 'readwrite');
      void transaction.objectStore('jobs').delete(jobId);
      const items = transaction.objectStore('job-items');
      void items.delete(itemsOf(jobId));
      await transaction.done;
    },

    /** Dry runs not confirmed, to clear away when a new one is made. */
    async planned(): Promise<Job[]> {
      return (await (await db).getAll('jobs')).filter((job) => job.state === 'planned');
    },

    /** How many items of the job are in each state. */
    async counts(jobId: string): Promise<Record<ItemState, number>> {
      // One transaction for every state: progress is counted after each batch.
      const index = (await db).transaction('job-items').store.index('byJobState');
      const entries = await Promise.all(ITEM_STATES.map(async (state) => [state, await index.count([jobId, state])] as const));
      return Object.fromEntries(entries) as Record<ItemState, number>;
    },

    async update(jobId: string, change: Partial<Job>): Promise<Job | undefined> {
      const transaction = (await db).transaction('jobs', 'readwrite');
      const job = await transaction.store.get(jobId);
      if (!job) return undefined;
      const updated = { ...job, ...change, updatedAt: Date.now() };
      await transaction.store.put(updated);
      await transaction.done;
      return updated;
    },

    async items(jobId: string): Promise<JobItem[]> {
      return (await db).getAll('job-items', itemsOf(jobId));
    },

    async itemsIn(jobId: string, state: ItemState, limit?: number): Promise<JobItem[]> {
      const found = await (await db).getAllFromIndex('job-items', 'byJobState', [jobId, state], limit);
      return found.sort((a, b) => a.index - b.index);
    },

    async countIn(jobId: string, state: ItemState): Promise<number> {
      return (await db).countFromIndex('job-items', 'byJobState', [jobId, state]);
    },

    /**
     * Writes items of one job, and the audit entries of those that settled, in one transaction:
     * both or neither. Answers with the items written and how the counts per state moved (each
     * item's stored state is read in the same transaction), so progress can be counted from what
     * changed rather than the whole job. With `onlyFrom`, an item is written only while its
     * stored state is still that one (a lane takes queued items; a cancel meanwhile wins).
     */
    async putItems(
      items: readonly JobItem[],
      audit: readonly AuditEntry[] = [],
      options: { onlyFrom?: ItemState } = {},
    ): Promise<ItemsWritten> {
      const transaction = (await db).transaction(['job-items', 'audit'], 'readwrite');
      const store = transaction.objectStore('job-items');
      const moved: StateCounts = {};
      const shift = (state: ItemState, by: number) => (moved[state] = (moved[state] ?? 0) + by);
      const written: JobItem[] = [];
      // Every request is awaited with the transaction, so a failure rejects here and nowhere else.
      const writing = async () => {
        if (items.length === 0) return;
        // Read as one key range, lowest index to highest: a batch is a run of neighbouring items, and so
        // are the other writes (the queued tail a cancel skips, the batches a restart finds in flight).
        const indexes = items.map((item) => item.index);
        const range = IDBKeyRange.bound([items[0]!.jobId, Math.min(...indexes)], [items[0]!.jobId, Math.max(...indexes)]);
        const stored = new Map((await store.getAll(range)).map((item) => [item.index, item]));
        for (const item of items) {
          const before = stored.get(item.index);
          if (options.onlyFrom && before?.state !== options.onlyFrom) continue;
          if (before) shift(before.state, -1);
          shift(item.state, 1);
          written.push(item);
        }
        await Promise.all(written.map((item) => store.put(item)));
      };
      await Promise.all([writing(), ...addAuditEntries(transaction.objectStore('audit'), audit), transaction.done]);
      return { moved, written };
    },

    /** Moves every item of a job from one state to another, with the same change applied to each. */
    async moveAll(jobId: string, from: ItemState, change: Partial<JobItem>): Promise<number> {
      const transaction = (await db).transaction('job-items', 'readwrite');
      const items = await transaction.store.index('byJobState').getAll([jobId, from]);
      for (const item of items) void transaction.store.put({ ...item, ...change, updatedAt: Date.now() });
      await transaction.done;
      return items.length;
    },
  };
}

/** Every item of a job: their keys are [jobId, index]. */
function itemsOf(jobId: string): IDBKeyRange {
  return IDBKeyRange.bound([jobId, -Infinity], [jobId, Infinity]);
}
