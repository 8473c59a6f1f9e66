import { addAuditEntries, type AuditEntry } from '../audit/audit-log';
import type { CollabDeskDb } from '../db/database';
import type { ItemState, Job, JobItem } from './job';

export type JobStore = ReturnType<typeof createJobStore>;

/** Items per state, or how many moved into (positive) and out of (negative) each state. */
export type StateCounts = Partial<Record<ItemState, number>>;

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
      for (const key of await items.index('byJob').getAllKeys(jobId)) void items.delete(key);
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
      return (await db).getAllFromIndex('job-items', 'byJob', jobId);
    },

    async itemsIn(jobId: string, state: ItemState, limit?: number): Promise<JobItem[]> {
      const found = await (await db).getAllFromIndex('job-items', 'byJobState', [jobId, state], limit);
      return found.sort((a, b) => a.index - b.index);
    },

    async countIn(jobId: string, state: ItemState): Promise<number> {
      return (await db).countFromIndex('job-items', 'byJobState', [jobId, state]);
    },

    /**
     * Writes items, and the audit entries of those that settled, in one transaction: both or
     * neither. Returns how the counts per state moved (each item's stored state read in the same
     * transaction), so progress can be counted from what changed rather than the whole job.
     */
    async putItems(items: readonly JobItem[], audit: readonly AuditEntry[] = []): Promise<StateCounts> {
      const transaction = (await db).transaction(['job-items', 'audit'], 'readwrite');
      const store = transaction.objectStore('job-items');
      const moved: StateCounts = {};
      const shift = (state: ItemState, by: number) => (moved[state] = (moved[state] ?? 0) + by);
      // Every request is awaited with the transaction, so a failure rejects here and nowhere else.
      await Promise.all([
        ...items.map(async (item) => {
          const before = await store.get([item.jobId, item.index]);
          if (before) shift(before.state, -1);
          shift(item.state, 1);
          await store.put(item);
        }),
        ...addAuditEntries(transaction.objectStore('audit'), audit),
        transaction.done,
      ]);
      return moved;
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
