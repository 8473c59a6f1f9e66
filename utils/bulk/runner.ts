import type { AuditEntry } from '../audit/audit-log';
import { AppError, type AppErrorKind } from '../errors';
import type { BatchAnswer, GraphClient } from '../graph/client';
import { MAX_BATCH_SIZE } from '../graph/client';
import type { PartnershipPermission } from '../partnerships/permission-record';
import { permissionRequest } from '../partnerships/permission-request';
import { statusAfter, type ActionKind } from '../partnerships/status';
import { pauseBeforeNextBatch, transientBackoff } from './governor';
import { outcomeOfAnswer, settleWithList } from './item-outcome';
import { creatorOfItem, type ItemState, type Job, type JobItem } from './job';
import type { JobStore } from './job-store';
import { said, type Words } from '../i18n/said';

/** What changed in a job: the job itself, the items whose state moved, and the counts now. */
export interface JobProgress {
  job: Job;
  items: JobItem[];
  counts: Record<ItemState, number>;
}

export interface ConfirmedOutcome {
  /** Absent when Meta named the creator by Instagram ID only. */
  username?: string;
  creatorId?: string;
  status: string;
  /** The permission's ID, when Meta's answer gave it. */
  permissionId?: string;
}

export interface JobRunnerDeps {
  store: JobStore;
  graph: GraphClient;
  /** The brand's current list, fresh from Meta: used to settle items whose outcome is unknown. */
  fetchBrandList(brandIgId: string): Promise<PartnershipPermission[]>;
  /** Puts confirmed outcomes into the cached lists the rest of the UI reads. */
  rememberOutcomes(brandIgId: string, outcomes: ConfirmedOutcome[]): Promise<void>;
  /** Told of every change, with what changed. */
  onProgress(progress: JobProgress): void;
  /** Meta refused the token inside a batch: tries a silent renewal (true when a session is back). */
  renewSession(): Promise<boolean>;
  /** Makes sure the worker is woken by this time (an alarm), whether or not it is still alive then. */
  wakeAt(time: number): void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Bulk jobs wait up to this long in place (the alarm stays as a backstop); longer waits end the run. */
  longestSleepMs?: number;
}

export interface NewJob {
  kind: ActionKind;
  origin: Job['origin'];
  brandIgId: string;
  brandUsername: string;
  /** Creators to act on, in the person's order; creatorId when the brand's list gives it. */
  creators: ReadonlyArray<{ username: string; creatorId?: string }>;
  /** Creators the dry run skipped, with why; shown in the results. */
  skipped?: ReadonlyArray<{ username: string; reason: Words }>;
  /** planned: a dry run waiting for Confirm; running: go at once. */
  state: 'planned' | 'running';
}

/** A job going (again): no reason to wait any more. */
const RUNNING: Partial<Job> = { state: 'running', waitReason: undefined, waitCause: undefined, waitingFor: undefined, resumeAt: undefined };

export type JobRunner = ReturnType<typeof createJobRunner>;

/**
 * The one write pipeline: every send and revoke, single or bulk, is a job run here through the
 * Graph batch API (up to 50 items a request), paced by Meta's usage headers. Every item's
 * state is written before and after each batch, so a stopped worker resumes where it was;
 * items whose outcome is unknown are checked against Meta's list before anything is sent
 * again, so no creator is asked twice and none is reported Failed when the request exists.
 * Every wait is stored with its end and backed by an alarm. Single jobs run before bulk ones.
 */
export function createJobRunner(deps: JobRunnerDeps) {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const longestSleep = deps.longestSleepMs ?? 25_000;
  const settledWaiters = new Map<string, Array<(job: Job) => void>>();
  let running: Promise<void> | undefined;
  let again = false;
  /** When a silent renewal was last tried for a refused token: at most one a minute, so a refusing Meta cannot loop. */
  let renewalTriedAt = Number.NEGATIVE_INFINITY;

  function kick(): Promise<void> {
    if (running) {
      again = true;
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
        if ((await deps.store.countIn(jobId, 'unknown')) > 0) await settleUnknown(job);
        const batch = await deps.store.itemsIn(jobId, 'queued', MAX_BATCH_SIZE * lanesFor(job));
        if (batch.length === 0) {
          if ((await deps.store.countIn(jobId, 'unknown')) > 0) continue;
          // Done means every view can read the outcomes: the cached lists are updated first.
          await remembering.idle();
          await changeJob(jobId, { state: 'done' });
          return;
        }
        const pause = await sendBatch(job, batch);
        // Pacing is between batches: a job with nothing left to send does not wait.
        const more = (await deps.store.countIn(jobId, 'queued')) > 0;
        if (more && pause.ms > 0 && !(await waitFor(job, pause.ms, pause.reason, pause.cause))) return;
      } catch (error) {
        if (!(await handleJobError(job, error))) return;
      }
      // A single send or revoke does not wait for a long bulk job to finish.
      if (job.origin === 'bulk' && (await runnable()).some((other) => other.origin === 'single')) return;
    }
  }

  /**
   * Batch requests in flight at once: two while Meta reports usage under half its allowance
   * (a bulk job then pays its bookkeeping once per two batches), else one. A job starts with
   * one, until Meta has said how busy it is.
   */
  let lastUsagePercent: number | undefined;
  function lanesFor(job: Job): number {
    return job.origin === 'bulk' && lastUsagePercent !== undefined && pauseBeforeNextBatch(lastUsagePercent) === 0 ? 2 : 1;
  }

  /** Sends the items as batch requests of at most 50, side by side; returns how long to pause before the next ones, and why. */
  async function sendBatch(job: Job, items: JobItem[]): Promise<{ ms: number; reason: Words; cause: AppErrorKind }> {
    await changeItems(
      job.id,
      items.map((item) => ({ ...item, state: 'in-flight' })),
    );
    const chunks: JobItem[][] = [];
    for (let start = 0; start < items.length; start += MAX_BATCH_SIZE) chunks.push(items.slice(start, start + MAX_BATCH_SIZE));
    const results = await Promise.allSettled(
      chunks.map((chunk) => deps.graph.batch(chunk.map((item) => permissionRequest(job.kind, job.brandIgId, creatorOfItem(item))))),
    );
    const batch = chunks.filter((_, position) => results[position]!.status === 'fulfilled').flat();
    const answers = results.flatMap((result) => (result.status === 'fulfilled' ? result.value.answers : []));
    const failure = results.find((result) => result.status === 'rejected')?.reason as unknown;
    if (failure !== undefined) {
      // A failure after the request left (network, an answer Collab Desk cannot read) may hide a delivered request.
      const mayHaveReached =
        failure instanceof AppError &&
        (failure.kind === 'network' || failure.kind === 'unexpected-response' || failure.kind === 'temporary');
      const unanswered = chunks.filter((_, position) => results[position]!.status === 'rejected').flat();
      await changeItems(
        job.id,
        unanswered.map((item) => (mayHaveReached ? { ...item, state: 'unknown', mayHaveReached: true } : { ...item, state: 'queued' })),
      );
    }
    const usages = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value.usage.percent] : []));
    const usagePercent = usages.length > 0 ? Math.max(...usages) : (lastUsagePercent ?? 0);
    lastUsagePercent = usagePercent;

    const settled = batch.map((item, position) => ({
      item,
      answer: answers[position] ?? null,
      ...outcomeOfAnswer(item, answers[position] ?? null, job),
    }));
    const settledItems = settled.map(({ item, answer: _answer, ...change }) => ({ ...item, ...change }));
    await settleItems(job, settledItems);
    // The cached lists follow while the next batch is on its way (the items themselves are already stored).
    rememberBehind(
      job,
      settledItems.map((item, position) => ({ item, permissionId: permissionIdOf(settled[position]!.answer) })),
    );
    // The answered batches are settled; the one that failed as a whole is handled as before.
    if (failure !== undefined) throw failure;

    const expired = answers.find((answer) => answer?.error?.kind === 'session-expired')?.error;
    if (expired) throw expired;
    const throttled = answers.find((answer) => answer?.error?.kind === 'rate-limited')?.error;
    if (throttled) throw throttled;
    const transientAttempts = settled.filter(({ state, attempts }) => state === 'queued' && attempts > 0).map(({ attempts }) => attempts);
    const backoff =
      transientAttempts.length > 0 ? transientBackoff(transientAttempts.reduce((most, attempts) => Math.max(most, attempts))) : 0;
    const pacing = pauseBeforeNextBatch(usagePercent);
    if (backoff >= pacing) return { ms: backoff, reason: said('waitTemporary', { at: { clock: now() + backoff } }), cause: 'temporary' };
    return { ms: pacing, reason: said('waitPacing', { at: { clock: now() + pacing } }), cause: 'rate-limited' };
  }

  /** Writes items with the audit entries of those that finished, in one transaction (see JobStore.putItems). */
  async function settleItems(job: Job, items: JobItem[]): Promise<void> {
    const finished = items.filter((item) => item.state === 'sent' || item.state === 'revoked' || item.state === 'failed');
    const entries: AuditEntry[] = finished.map((item) => ({
      at: now(),
      brandIgId: job.brandIgId,
      brandUsername: job.brandUsername,
      creator: item.username,
      action: job.kind,
      outcome: item.state === 'sent' ? 'Sent' : item.state === 'revoked' ? 'Revoked' : 'Failed',
      reason: item.reason,
      source: job.origin,
    }));
    await changeItems(job.id, items, entries);
  }

  /** Updates of the cached lists, one after another, behind the batches. */
  const remembering = serialQueue();
  function rememberBehind(job: Job, settled: Array<{ item: JobItem; permissionId?: string }>): void {
    // A failed cache update costs freshness only: the list is read from Meta again when it is stale.
    void remembering.add(() => rememberConfirmed(job, settled));
  }

  /** Puts confirmed sends and revokes into the cached lists the rest of the UI reads. */
  async function rememberConfirmed(job: Job, settled: Array<{ item: JobItem; permissionId?: string }>): Promise<void> {
    const confirmed = settled
      .filter(({ item }) => item.state === 'sent' || item.state === 'revoked')
      .map(({ item, permissionId }) => ({ ...creatorOfItem(item), status: statusAfter(job.kind), permissionId }));
    if (confirmed.length > 0) await deps.rememberOutcomes(job.brandIgId, confirmed);
  }

  /** Items whose outcome is unknown: done if Meta's list shows the change; else refused, or sent again. */
  async function settleUnknown(job: Job): Promise<void> {
    const unknown = await deps.store.itemsIn(job.id, 'unknown');
    const list = await deps.fetchBrandList(job.brandIgId);
    const byUsername = new Map(list.map((record) => [record.creatorUsername, record]));
    const byId = new Map(list.filter((record) => record.creatorId).map((record) => [record.creatorId, record]));
    const settled = unknown.map((item) =>
      settleWithList(item, (item.creatorId && byId.get(item.creatorId)) || byUsername.get(item.username), job.kind),
    );
    await settleItems(job, settled);
    await rememberConfirmed(
      job,
      settled.map((item) => ({ item })),
    );
  }

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
    if (appError.kind === 'network' || appError.kind === 'temporary' || appError.kind === 'unexpected-response') {
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
    if (job.origin === 'single' || ms > longestSleep) return false;
    await sleep(ms);
    const current = await deps.store.get(job.id);
    if (current?.state !== 'waiting' || current.waitingFor !== 'time') return false;
    await changeJob(job.id, RUNNING);
    return true;
  }

  async function changeJob(jobId: string, change: Partial<Job>): Promise<void> {
    await deps.store.update(jobId, change);
    await emit(jobId, []);
  }

  async function changeItems(jobId: string, items: JobItem[], audit: readonly AuditEntry[] = []): Promise<void> {
    const stamped = items.map((item) => ({ ...item, updatedAt: now() }));
    await deps.store.putItems(stamped, audit);
    // Told to the pages behind the work, in order: the next batch does not wait for the counting.
    void emit(jobId, stamped);
  }

  /** Progress events, one after another in the order of the changes. */
  const emitting = serialQueue();
  function emit(jobId: string, items: JobItem[]): Promise<void> {
    return emitting.add(() => emitNow(jobId, items));
  }

  async function emitNow(jobId: string, items: JobItem[]): Promise<void> {
    const job = await deps.store.get(jobId);
    if (!job) return;
    deps.onProgress({ job, items, counts: await deps.store.counts(jobId) });
    if (job.state !== 'running') {
      for (const resolve of settledWaiters.get(jobId) ?? []) resolve(job);
      settledWaiters.delete(jobId);
    }
  }

  async function resume(jobId: string): Promise<void> {
    const job = await deps.store.get(jobId);
    if (!job || job.state === 'done' || job.state === 'cancelled' || job.state === 'planned') return;
    await changeJob(jobId, RUNNING);
    void kick();
  }

  return {
    kick,
    resume,

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
        ...input.creators.map(({ username, creatorId }, index) => ({
          jobId: job.id,
          index,
          username,
          creatorId,
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

    /** Resolves when the job stops running: done, cancelled, paused or waiting. */
    settled(jobId: string): Promise<Job> {
      return new Promise((resolve) => {
        settledWaiters.set(jobId, [...(settledWaiters.get(jobId) ?? []), resolve]);
        void deps.store.get(jobId).then((job) => {
          if (job && job.state !== 'running') void emit(jobId, []);
        });
      });
    },

    /** After the worker started: batches that were on their way have an unknown outcome; due waits run, later ones get an alarm. */
    async recover(): Promise<void> {
      for (const job of await deps.store.unfinished()) {
        const moved = await deps.store.itemsIn(job.id, 'in-flight');
        if (moved.length > 0)
          await changeItems(
            job.id,
            moved.map((item) => ({ ...item, state: 'unknown', mayHaveReached: true })),
          );
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
      await changeItems(
        jobId,
        queued.map((item) => ({ ...item, state: 'skipped', reason: said('reasonCancelledBeforeSent') })),
      );
      await changeJob(jobId, { state: 'cancelled', waitReason: said('waitCancelledByYou'), waitingFor: undefined, resumeAt: undefined });
    },

    /** Sends again only the items that failed. */
    async retryFailed(jobId: string): Promise<void> {
      const moved = await deps.store.moveAll(jobId, 'failed', { state: 'queued', reason: undefined, attempts: 0 });
      if (moved === 0) return;
      await changeJob(jobId, RUNNING);
      void kick();
    },
  };
}

function permissionIdOf(answer: BatchAnswer): string | undefined {
  const id = (answer?.body as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/** Tasks run one after another in the order they were added, behind whoever adds them; a failing task does not stop the next. */
function serialQueue() {
  let tail: Promise<void> = Promise.resolve();
  return {
    add(task: () => Promise<void>): Promise<void> {
      tail = tail.then(task).catch(() => undefined);
      return tail;
    },
    /** Settles when every task added so far has run. */
    idle: (): Promise<void> => tail,
  };
}
