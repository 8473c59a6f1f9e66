import { AppError, type AppErrorKind } from '../errors';
import { said, saidCount, type Words } from '../i18n/said';
import { transientBackoff } from './governor';
import type { Job, JobItem } from './job';
import { RUNNING, type JobWrites } from './job-writes';
import type { RunnerContext } from './runner-context';

/**
 * How long a job waiting for the network waits before it tries again (a read, which fails at
 * once while offline): a lost answer is often alone, so the first tries come soon.
 */
function networkRetryMs(failuresInARow: number): number {
  return Math.min(2_000, 250 * 2 ** Math.max(0, failuresInARow - 1));
}

export type JobWaits = ReturnType<typeof createJobWaits>;

/**
 * What a job does when something stands in its way: Meta's throttle, a lost network or a
 * passing failure is a wait (stored with its end, backed by an alarm); a refused session waits
 * for a login; anything else pauses a bulk job and ends a single one as Failed.
 */
export function createJobWaits(ctx: RunnerContext, writes: JobWrites) {
  const { deps, now } = ctx;
  const { changeJob, settleItems } = writes;
  /** When a silent renewal was last tried for a refused token: at most one a minute, so a refusing Meta cannot loop. */
  let renewalTriedAt = Number.NEGATIVE_INFINITY;

  /**
   * Returns true to go on with the job; false when it waits, is paused, or waits for a login.
   * A single action says what went wrong in Meta's terms; a bulk job says when it goes on.
   */
  async function handleJobError(job: Job, error: unknown): Promise<boolean> {
    const appError = error instanceof AppError ? error : new AppError('unexpected-response', said('errorWhileSending'));
    const single = job.origin === 'single';
    if (appError.kind === 'session-expired' || appError.kind === 'not-connected') {
      // The renewal also tells every page the session is gone when it fails: both panels agree.
      if (appError.kind === 'session-expired' && now() - renewalTriedAt > 60_000) {
        renewalTriedAt = now();
        if (await deps.renewSession()) return true;
      }
      const reason = single ? appError.said : said('waitLogin');
      await changeJob(job.id, { state: 'waiting', waitingFor: 'login', resumeAt: undefined, waitReason: reason, waitCause: appError.kind });
      return false;
    }
    if (appError.kind === 'rate-limited') {
      const until = appError.details.retryAt ?? now() + 60_000;
      return waitFor(job, until - now(), single ? appError.said : said('waitRateLimited', { at: { clock: until } }), appError.kind);
    }
    if (appError.kind === 'network') {
      // Offline is a pause, not a failure: no attempt is spent; the next try is a read (the check of what may have
      // reached Meta), so the job goes on by itself as soon as requests get through again.
      const left = (await deps.store.countIn(job.id, 'queued')) + (await deps.store.countIn(job.id, 'unknown'));
      const reason = single ? appError.said : saidCount('waitNetwork', left);
      ctx.networkFailures += 1;
      return waitFor(job, networkRetryMs(ctx.networkFailures), reason, appError.kind);
    }
    if (appError.kind === 'temporary' || appError.kind === 'unexpected-response') {
      const wait = transientBackoff(3);
      const reason = single ? appError.said : said('waitRetry', { why: appError.said, at: { clock: now() + wait } });
      return waitFor(job, wait, reason, appError.kind);
    }
    if (single) {
      // Refused for a reason trying again cannot fix: the action ends as Failed, with the reason.
      const queued = await deps.store.itemsIn(job.id, 'queued');
      const failed = queued.map((item): JobItem => ({
        ...item,
        state: 'failed',
        reason: appError.details.metaMessage || appError.said,
      }));
      await settleItems(job, failed);
      await changeJob(job.id, { state: 'done', waitReason: appError.said, waitCause: appError.kind });
      return false;
    }
    // Anything else stops the job in a state the person can read and act on.
    await changeJob(job.id, { state: 'paused', waitReason: appError.said, waitCause: appError.kind });
    return false;
  }

  /**
   * Every wait is stored with its end and backed by an alarm, so a stopped worker resumes it.
   * Bulk jobs sleep through short waits in place; a single job and long waits end the run.
   */
  async function waitFor(job: Job, ms: number, reason: Words, cause?: AppErrorKind): Promise<boolean> {
    const resumeAt = now() + ms;
    // The alarm first: a worker stopped right after the wait is stored is still woken for it.
    deps.wakeAt(resumeAt);
    await changeJob(job.id, { state: 'waiting', waitingFor: 'time', waitReason: reason, waitCause: cause, resumeAt });
    if (job.origin === 'single' || ms > ctx.longestSleep) return false;
    await ctx.sleep(ms);
    const current = await deps.store.get(job.id);
    if (current?.state !== 'waiting' || current.waitingFor !== 'time') return false;
    await changeJob(job.id, RUNNING);
    return true;
  }

  return { handleJobError, waitFor };
}
