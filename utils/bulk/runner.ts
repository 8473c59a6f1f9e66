import type { Job } from './job';
import { createBatchSender } from './batch-sending';
import { createJobControls } from './job-controls';
import { createJobStart } from './job-start';
import { createJobWaits } from './job-waits';
import { createJobWrites, RUNNING } from './job-writes';
import { createOutcomeMemory } from './remembered-outcomes';
import { createRunnerContext, type JobRunnerDeps } from './runner-context';
import { createOutcomeChecks } from './unknown-outcomes';

export type { ConfirmedOutcome, JobProgress, JobRunnerDeps } from './runner-context';
export type { NewJob } from './job-start';

export type JobRunner = ReturnType<typeof createJobRunner>;

/**
 * The one write pipeline: every send and revoke, single or bulk, is a job run here through the
 * Graph batch API (up to 50 items a request), paced by Meta's usage headers. Every item's
 * state is written before and after each batch, so a stopped worker resumes where it was;
 * items whose outcome is unknown are checked against Meta's list before anything is sent
 * again, so no creator is asked twice and none is reported Failed when the request exists.
 * Every wait is stored with its end and backed by an alarm. Single jobs run before bulk ones.
 *
 * The parts, each in its own module and sharing one context (runner-context.ts): job-writes
 * (every write, told to the pages), job-start (new jobs and their claims), batch-sending (the
 * batches and their answers), unknown-outcomes (read Meta first), job-waits (throttle, network,
 * login), job-controls (pause, resume, cancel, recovery after a restart) and
 * remembered-outcomes (the cached lists behind the batches). This module runs the jobs
 * with them, one at a time.
 */
export function createJobRunner(deps: JobRunnerDeps) {
  const ctx = createRunnerContext(deps);
  const { now } = ctx;
  const writes = createJobWrites(ctx);
  const memory = createOutcomeMemory(ctx);
  const { changeJob } = writes;
  const { rememberBehind, flushRemembered } = memory;
  const { sendInLanes } = createBatchSender(ctx, writes, memory);
  const { checkUnchecked, settleUnknown } = createOutcomeChecks(ctx, writes, memory);
  const { handleJobError, waitFor } = createJobWaits(ctx, writes);
  const start = createJobStart(ctx, writes, kick);
  const controls = createJobControls(ctx, writes, kick);
  let running: Promise<void> | undefined;
  let again = false;

  function kick(): Promise<void> {
    if (running) {
      again = true;
      ctx.attention = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await runAll();
      } while (again);
      await scheduleNextWake();
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  /** Jobs that may run now, singles first, then oldest first. */
  async function runnable(): Promise<Job[]> {
    const ready = (await deps.store.unfinished()).filter(
      (job) => job.state === 'running' || (job.state === 'waiting' && job.waitingFor === 'time' && (job.resumeAt ?? 0) <= now()),
    );
    return ready.sort((a, b) => Number(a.origin === 'bulk') - Number(b.origin === 'bulk') || a.createdAt - b.createdAt);
  }

  async function runAll(): Promise<void> {
    for (;;) {
      const [job] = await runnable();
      if (!job) return;
      if (job.state === 'waiting') await changeJob(job.id, RUNNING);
      await runJob(job.id);
    }
  }

  /** Every job waiting for a time gets the worker woken for it, even if the worker is stopped meanwhile. */
  async function scheduleNextWake(): Promise<void> {
    const times = (await deps.store.unfinished())
      .filter((job) => job.state === 'waiting' && job.waitingFor === 'time' && job.resumeAt)
      .map((job) => job.resumeAt!);
    if (times.length > 0) deps.wakeAt(times.reduce((soonest, time) => Math.min(soonest, time)));
  }

  /** Runs one job until it is finished, paused, cancelled, has to wait, or a single job is waiting behind a bulk one. */
  async function runJob(jobId: string): Promise<void> {
    for (;;) {
      const job = await deps.store.get(jobId);
      if (job?.state !== 'running') return;
      try {
        // Only single sends are ever unchecked: a bulk job's creators were all looked at by its dry run.
        if (job.origin === 'single') await checkUnchecked(job);
        if ((await deps.store.countIn(jobId, 'unknown')) > 0) await settleUnknown(job);
        const round = (await deps.store.countIn(jobId, 'queued')) > 0 ? await sendInLanes(job) : { sent: 0 };
        if (round.sent === 0 && !round.pause) {
          if ((await deps.store.countIn(jobId, 'unknown')) > 0) continue;
          // Paused or cancelled before anything left: not done.
          if ((await deps.store.get(jobId))?.state !== 'running') return;
          // Done means every view can read the outcomes: the cached lists are updated first.
          if (ctx.recovered.delete(jobId))
            rememberBehind(
              job,
              (await deps.store.items(jobId)).map((item) => ({ item })),
            );
          await flushRemembered();
          await changeJob(jobId, { state: 'done' });
          return;
        }
        // Pacing is between batches: a job with nothing left to send does not wait.
        const pause = round.pause;
        if (pause && pause.ms > 0 && (await deps.store.countIn(jobId, 'queued')) > 0) {
          if (!(await waitFor(job, pause.ms, pause.reason, pause.cause))) return;
        }
      } catch (error) {
        if (!(await handleJobError(job, error))) return;
      }
      // A single send or revoke does not wait for a long bulk job to finish.
      if (job.origin === 'bulk' && (await runnable()).some((other) => other.origin === 'single')) return;
    }
  }

  return {
    kick,
    resume: controls.resume,
    counts: writes.counts,
    create: start.create,
    settled: writes.settled,
    recover: controls.recover,
    pause: controls.pause,
    resumeAfterLogin: controls.resumeAfterLogin,
    cancel: controls.cancel,
    retryFailed: start.retryFailed,
  };
}
