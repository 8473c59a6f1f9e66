import { addAuditEntries, type AuditEntry } from '../audit/audit-log';
import type { CollabDeskDb } from '../db/database';
import type { ItemState, Job, JobItem } from './job';
import { claimKeys, claimStands, heldElsewhereReason, type CreatorClaim } from './claims';
import { actedOnSince, doneSinceReason, releaseClaims, skippedAs, takeClaims, type ClaimTransaction } from './claim-transactions';
import type { Said } from '../i18n/said';

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
 * The `jobs` and `job-items` stores: the only module that touches them (claim-transactions.ts
 * works inside its transactions). Every change of an item's state is written before and after
 * each call to Meta.
 */
export function createJobStore(db: Promise<CollabDeskDb>, now: () => number = Date.now) {
  /**
   * Writes a job that runs now with its queued items' claims, in one transaction (a dry run
   * claims nothing: Confirm does). Items whose creator another job holds are written Skipped.
   */
  async function writeClaimed(job: Job, items: readonly JobItem[]): Promise<JobItem[]> {
    const transaction = (await db).transaction(['jobs', 'job-items', 'claims'], 'readwrite');
    const at = now();
    const queued = items.filter((item) => item.state === 'queued');
    const held = job.state === 'planned' ? new Map<number, Said>() : await takeClaims(transaction, job, queued, at);
    const written = items.map((item) => {
      const reason = held.get(item.index);
      return reason ? skippedAs(item, reason, at) : item;
    });
    await transaction.objectStore('jobs').put(job);
    for (const item of written) await transaction.objectStore('job-items').put(item);
    await transaction.done;
    return written.filter((item) => held.has(item.index));
  }

  return {
    /** Writes a new job and its items; answers with the items skipped because another job holds their creator. */
    create: writeClaimed,

    /**
     * Confirm: a dry run starts, its creators claimed in the same transaction. A creator another
     * job holds meanwhile, or one already asked (or revoked) by Collab Desk since the dry run
     * was made, is skipped with why. Answers with the job as it now stands, or undefined when it
     * is no longer a dry run.
     */
    async start(jobId: string): Promise<{ job: Job; skipped: JobItem[] } | undefined> {
      const transaction = (await db).transaction(['jobs', 'job-items', 'claims', 'audit'], 'readwrite');
      const planned = await transaction.objectStore('jobs').get(jobId);
      if (planned?.state !== 'planned') {
        await transaction.done;
        return undefined;
      }
      const at = now();
      const job: Job = { ...planned, state: 'running', createdAt: at, updatedAt: at };
      const queued = await transaction.objectStore('job-items').index('byJobState').getAll([jobId, 'queued']);
      const doneSince = await actedOnSince(transaction.objectStore('audit'), job, planned.createdAt);
      const fresh = queued.filter((item) => !doneSince.has(item.username.toLowerCase()));
      const held = await takeClaims(transaction as unknown as ClaimTransaction, job, fresh, at);
      const skipped = queued.flatMap((item) => {
        if (doneSince.has(item.username.toLowerCase())) return [skippedAs(item, doneSinceReason(job), at)];
        const reason = held.get(item.index);
        return reason ? [skippedAs(item, reason, at)] : [];
      });
      await transaction.objectStore('jobs').put(job);
      for (const item of skipped) await transaction.objectStore('job-items').put(item);
      await transaction.done;
      return { job, skipped };
    },

    /** For each creator, why another job holds them for this brand and kind of action now (undefined: free), read in one transaction. */
    async heldReasons(
      brandIgId: string,
      kind: Job['kind'],
      creators: ReadonlyArray<Pick<JobItem, 'username' | 'creatorId'>>,
    ): Promise<Array<Said | undefined>> {
      const transaction = (await db).transaction(['jobs', 'job-items', 'claims']);
      const reasons: Array<Said | undefined> = [];
      for (const creator of creators) {
        let reason: Said | undefined;
        for (const key of claimKeys({ brandIgId, kind }, creator)) {
          const claim = await transaction.objectStore('claims').get(key);
          if (!claim || reason) continue;
          const job = await transaction.objectStore('jobs').get(claim.jobId);
          const item = await transaction.objectStore('job-items').get([claim.jobId, claim.index]);
          if (claimStands(claim, { job, item }, now())) reason = heldElsewhereReason(job, claim);
        }
        reasons.push(reason);
      }
      return reasons;
    },

    /** The claim that holds a creator for a brand and kind of action now, if one stands: its job, or the job that just finished with them. */
    async heldBy(
      brandIgId: string,
      kind: Job['kind'],
      creator: Pick<JobItem, 'username' | 'creatorId'>,
    ): Promise<CreatorClaim | undefined> {
      const transaction = (await db).transaction(['jobs', 'job-items', 'claims']);
      for (const key of claimKeys({ brandIgId, kind }, creator)) {
        const claim = await transaction.objectStore('claims').get(key);
        if (!claim) continue;
        const job = await transaction.objectStore('jobs').get(claim.jobId);
        const item = await transaction.objectStore('job-items').get([claim.jobId, claim.index]);
        if (claimStands(claim, { job, item }, now())) return claim;
      }
      return undefined;
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
      const transaction = (await db).transaction(['jobs', 'job-items', 'claims'], 'readwrite');
      void transaction.objectStore('jobs').delete(jobId);
      const items = transaction.objectStore('job-items');
      void items.delete(itemsOf(jobId));
      // A claim of a creator just sent stays for a while after its job is gone (a single action is forgotten once answered).
      for (const claim of await transaction.objectStore('claims').index('byJob').getAll(jobId)) {
        if (claim.state === 'held') void transaction.objectStore('claims').delete([claim.brandIgId, claim.kind, claim.creator]);
      }
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
      const transaction = (await db).transaction(['job-items', 'audit', 'claims', 'jobs'], 'readwrite');
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
        await releaseClaims(transaction, written);
      };
      await Promise.all([writing(), ...addAuditEntries(transaction.objectStore('audit'), audit), transaction.done]);
      return { moved, written };
    },

    /**
     * Retry failed: the job's failed items are queued again, each claiming its creator anew in
     * the same transaction (one another job took meanwhile is skipped, with why). Answers how
     * many were queued.
     */
    async requeueFailed(jobId: string): Promise<number> {
      const transaction = (await db).transaction(['jobs', 'job-items', 'claims'], 'readwrite');
      const job = await transaction.objectStore('jobs').get(jobId);
      const failed = await transaction.objectStore('job-items').index('byJobState').getAll([jobId, 'failed']);
      if (!job || failed.length === 0) {
        await transaction.done;
        return 0;
      }
      const at = now();
      const held = await takeClaims(transaction, job, failed, at);
      for (const item of failed) {
        const reason = held.get(item.index);
        const next: JobItem = reason
          ? skippedAs(item, reason, at)
          : { ...item, state: 'queued', reason: undefined, attempts: 0, updatedAt: at };
        await transaction.objectStore('job-items').put(next);
      }
      await transaction.done;
      return failed.length - held.size;
    },
  };
}

/** Every item of a job: their keys are [jobId, index]. */
function itemsOf(jobId: string): IDBKeyRange {
  return IDBKeyRange.bound([jobId, -Infinity], [jobId, Infinity]);
}
