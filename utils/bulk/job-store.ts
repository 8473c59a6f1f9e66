import type { CollabDeskDb } from '../cache/database';
import type { BulkItem, BulkJob, ItemState } from './job';

export type JobStore = ReturnType<typeof createJobStore>;

/** Bulk jobs in IndexedDB: every change of an item's state is written before and after each call. */
export function createJobStore(db: Promise<CollabDeskDb>) {
  return {
    async create(job: BulkJob, items: readonly BulkItem[]): Promise<void> {
      const transaction = (await db).transaction(['jobs', 'job-items'], 'readwrite');
      void transaction.objectStore('jobs').put(job);
      const store = transaction.objectStore('job-items');
      for (const item of items) void store.put(item);
      await transaction.done;
    },

    async get(jobId: string): Promise<BulkJob | undefined> {
      return (await db).get('jobs', jobId);
    },

    async latest(): Promise<BulkJob | undefined> {
      const cursor = await (await db).transaction('jobs').store.index('byCreated').openCursor(null, 'prev');
      return cursor?.value;
    },

    async unfinished(): Promise<BulkJob[]> {
      const jobs = await (await db).getAll('jobs');
      return jobs.filter((job) => job.state !== 'done' && job.state !== 'cancelled').sort((a, b) => a.createdAt - b.createdAt);
    },

    async update(jobId: string, change: Partial<BulkJob>): Promise<BulkJob | undefined> {
      const transaction = (await db).transaction('jobs', 'readwrite');
      const job = await transaction.store.get(jobId);
      if (!job) return undefined;
      const updated = { ...job, ...change, updatedAt: Date.now() };
      await transaction.store.put(updated);
      await transaction.done;
      return updated;
    },

    async items(jobId: string): Promise<BulkItem[]> {
      return (await db).getAllFromIndex('job-items', 'byJob', jobId);
    },

    async itemsIn(jobId: string, state: ItemState, limit?: number): Promise<BulkItem[]> {
      const found = await (await db).getAllFromIndex('job-items', 'byJobState', [jobId, state], limit);
      return found.sort((a, b) => a.index - b.index);
    },

    async countIn(jobId: string, state: ItemState): Promise<number> {
      return (await db).countFromIndex('job-items', 'byJobState', [jobId, state]);
    },

    async putItems(items: readonly BulkItem[]): Promise<void> {
      const transaction = (await db).transaction('job-items', 'readwrite');
      for (const item of items) void transaction.store.put(item);
      await transaction.done;
    },

    /** Moves every item of a job from one state to another, with the same change applied to each. */
    async moveAll(jobId: string, from: ItemState, change: Partial<BulkItem>): Promise<number> {
      const transaction = (await db).transaction('job-items', 'readwrite');
      const items = await transaction.store.index('byJobState').getAll([jobId, from]);
      for (const item of items) void transaction.store.put({ ...item, ...change, updatedAt: Date.now() });
      await transaction.done;
      return items.length;
    },
  };
}
