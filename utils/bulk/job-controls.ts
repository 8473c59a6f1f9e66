import { said } from '../i18n/said';
import { unsure } from './item-outcome';
import { RUNNING, type JobWrites } from './job-writes';
import type { RunnerContext } from './runner-context';

/**
 * Stopping and starting jobs from outside a run: the person's pause, resume and cancel, a login
 * that is back, and a worker that started again after being stopped with jobs unfinished.
 */
export function createJobControls(ctx: RunnerContext, writes: JobWrites, kick: () => Promise<void>) {
  const { deps } = ctx;
  const { changeJob, changeItems } = writes;

  async function resume(jobId: string): Promise<void> {
    const job = await deps.store.get(jobId);
    if (!job || job.state === 'done' || job.state === 'cancelled' || job.state === 'planned') return;
    await changeJob(jobId, RUNNING);
    void kick();
  }

  return {
    resume,

    /** After the worker started: batches that were on their way have an unknown outcome; due waits run, later ones get an alarm. */
    async recover(): Promise<void> {
      for (const job of await deps.store.unfinished()) {
        ctx.recovered.add(job.id);
        const moved = await deps.store.itemsIn(job.id, 'in-flight');
        if (moved.length > 0) await changeItems(job.id, moved.map(unsure), [], { onlyFrom: 'in-flight' });
      }
      void kick();
    },

    async pause(jobId: string): Promise<void> {
      await changeJob(jobId, { state: 'paused', waitReason: said('waitPausedByYou'), waitingFor: undefined, resumeAt: undefined });
    },

    /** Jobs that waited for a new login go on (after Connect or a silent renewal). */
    async resumeAfterLogin(): Promise<void> {
      for (const job of await deps.store.unfinished()) {
        if (job.state === 'waiting' && job.waitingFor === 'login') await resume(job.id);
      }
    },

    async cancel(jobId: string): Promise<void> {
      const queued = await deps.store.itemsIn(jobId, 'queued');
      // Only items still queued: one a lane has just taken is on its way, and its answer is kept.
      await changeItems(
        jobId,
        queued.map((item) => ({ ...item, state: 'skipped', reason: said('reasonCancelledBeforeSent') })),
        [],
        { onlyFrom: 'queued' },
      );
      await changeJob(jobId, { state: 'cancelled', waitReason: said('waitCancelledByYou'), waitingFor: undefined, resumeAt: undefined });
    },
  };
}
