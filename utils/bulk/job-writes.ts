import type { AuditEntry } from '../audit/audit-log';
import { AUDIT_OUTCOMES } from '../audit/audit-entry';
import type { ItemState, Job, JobItem } from './job';
import type { RunnerContext } from './runner-context';
import { serialQueue } from './serial-queue';

/** A job going (again): no reason to wait any more. */
export const RUNNING: Partial<Job> = {
  state: 'running',
  waitReason: undefined,
  waitCause: undefined,
  waitingFor: undefined,
  resumeAt: undefined,
};

export type JobWrites = ReturnType<typeof createJobWrites>;

/**
 * Every write the runner makes to a job or its items, each told to the pages in the order of
 * the changes (deps.onProgress, with what changed), and the waits for a job to stop running.
 */
export function createJobWrites(ctx: RunnerContext) {
  const { deps, now } = ctx;
  const settledWaiters = new Map<string, Array<(job: Job) => void>>();

  /**
   * Item counts per job, counted once from the store and then moved by each write's change, so a
   * progress event costs what changed, not the job's size. A change of the job's own state
   * counts again from the store (the figures a job ends with are always exact).
   */
  const itemCounts = new Map<string, Record<ItemState, number>>();

  async function changeJob(jobId: string, change: Partial<Job>): Promise<void> {
    await deps.store.update(jobId, change);
    itemCounts.delete(jobId);
    await emit(jobId, []);
  }

  /** Writes items (see JobStore.putItems) and tells the pages; answers with the items written. */
  async function changeItems(
    jobId: string,
    items: JobItem[],
    audit: readonly AuditEntry[] = [],
    options: { onlyFrom?: ItemState } = {},
  ): Promise<JobItem[]> {
    const stamped = items.map((item) => ({ ...item, updatedAt: now() }));
    const { moved, written } = await deps.store.putItems(stamped, audit, options);
    const counts = itemCounts.get(jobId);
    if (counts) for (const [state, by] of Object.entries(moved) as Array<[ItemState, number]>) counts[state] += by;
    // Told to the pages behind the work, in order: the next batch does not wait for the counting.
    void emit(jobId, written);
    return written;
  }

  /**
   * Writes items with the audit entries of those that finished, in one transaction (see
   * JobStore.putItems); a creator skipped here (a kept send found already asked) is logged too.
   */
  async function settleItems(job: Job, items: JobItem[], options: { onlyFrom?: ItemState } = {}): Promise<void> {
    const entries: AuditEntry[] = items.flatMap((item) => {
      const outcome = AUDIT_OUTCOMES[item.state as keyof typeof AUDIT_OUTCOMES];
      if (!outcome) return [];
      const { brandIgId, brandUsername, kind: action, origin: source } = job;
      return [{ at: now(), brandIgId, brandUsername, creator: item.username, action, outcome, reason: item.reason, source }];
    });
    await changeItems(job.id, items, entries, options);
  }

  /** Progress events, one after another in the order of the changes. */
  const emitting = serialQueue();
  function emit(jobId: string, items: JobItem[]): Promise<void> {
    return emitting.add(() => emitNow(jobId, items));
  }

  async function emitNow(jobId: string, items: JobItem[]): Promise<void> {
    const job = await deps.store.get(jobId);
    if (!job) return;
    let counts = itemCounts.get(jobId);
    if (!counts) {
      counts = await deps.store.counts(jobId);
      // Kept only while the job runs; a write meanwhile is in the stored counts or moves these, never both.
      if (job.state === 'running') itemCounts.set(jobId, counts);
    }
    deps.onProgress({ job, items, counts: { ...counts } });
    if (job.state !== 'running') {
      for (const resolve of settledWaiters.get(jobId) ?? []) resolve(job);
      settledWaiters.delete(jobId);
    }
  }

  return {
    changeJob,
    changeItems,
    settleItems,

    /** A job's items per state: kept while it runs (moved by each write), else counted in the store. */
    async counts(jobId: string): Promise<Record<ItemState, number>> {
      const kept = itemCounts.get(jobId);
      return kept ? { ...kept } : deps.store.counts(jobId);
    },

    /** Resolves when the job stops running: done, cancelled, paused or waiting. */
    settled(jobId: string): Promise<Job> {
      return new Promise((resolve) => {
        settledWaiters.set(jobId, [...(settledWaiters.get(jobId) ?? []), resolve]);
        void deps.store.get(jobId).then((job) => {
          if (job && job.state !== 'running') void emit(jobId, []);
        });
      });
    },
  };
}
