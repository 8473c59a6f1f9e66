import type { ActionKind } from '../partnerships/status';
import type { Words } from '../i18n/said';
import type { Job, JobItem } from './job';
import { RUNNING, type JobWrites } from './job-writes';
import type { RunnerContext } from './runner-context';

export interface NewJob {
  kind: ActionKind;
  origin: Job['origin'];
  brandIgId: string;
  brandUsername: string;
  /**
   * Creators to act on, in the person's order; creatorId when the brand's list gives it.
   * unchecked: Meta could not say where the creator stands when the send was asked for; the
   * creator is looked up by name before anything is sent (checkUnchecked).
   */
  creators: ReadonlyArray<{ username: string; creatorId?: string; unchecked?: boolean }>;
  /** Creators the dry run skipped, with why; shown in the results. */
  skipped?: ReadonlyArray<{ username: string; reason: Words }>;
  /** planned: a dry run waiting for Confirm; running: go at once. */
  state: 'planned' | 'running';
}

/**
 * Starting a job: a new one (a dry run waiting for Confirm, or one that runs at once), or the
 * failed items of one sent again. The store claims each creator in the same transaction
 * (claim-transactions.ts): one another job holds is skipped, with why, never asked twice.
 */
export function createJobStart(ctx: RunnerContext, writes: JobWrites, kick: () => Promise<void>) {
  const { deps, now } = ctx;
  const { changeJob } = writes;

  return {
    /** Creates a job: a dry run waiting for Confirm, or one that runs at once. */
    async create(input: NewJob): Promise<Job> {
      const created = now();
      const skipped = input.skipped ?? [];
      const job: Job = {
        id: `job-${created.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
        kind: input.kind,
        origin: input.origin,
        brandIgId: input.brandIgId,
        brandUsername: input.brandUsername,
        state: input.state,
        total: input.creators.length + skipped.length,
        createdAt: created,
        updatedAt: created,
      };
      const items: JobItem[] = [
        ...input.creators.map(({ username, creatorId, unchecked }, index) => ({
          jobId: job.id,
          index,
          username,
          creatorId,
          ...(unchecked ? { unchecked } : {}),
          state: 'queued' as const,
          attempts: 0,
          updatedAt: created,
        })),
        ...skipped.map(({ username, reason }, offset) => ({
          jobId: job.id,
          index: input.creators.length + offset,
          username,
          state: 'skipped' as const,
          reason,
          attempts: 0,
          updatedAt: created,
        })),
      ];
      await deps.store.create(job, items);
      if (job.state === 'running') void kick();
      return job;
    },

    /** Sends again only the items that failed. */
    async retryFailed(jobId: string): Promise<void> {
      const moved = await deps.store.requeueFailed(jobId);
      if (moved === 0) {
        await changeJob(jobId, {});
        return;
      }
      await changeJob(jobId, RUNNING);
      void kick();
    },
  };
}
