import { AppError } from '../errors';
import type { BatchAnswer, BatchRequest, GraphClient } from '../graph/client';
import { MAX_BATCH_SIZE } from '../graph/client';
import type { PartnershipPermission } from '../partnerships/permission-record';
import { statusAfter, tookEffect } from '../partnerships/status';
import type { AuditEntry, AuditLog } from './audit';
import { MAX_ATTEMPTS, pauseBeforeNextBatch, transientBackoff } from './governor';
import type { BulkItem, BulkJob } from './job';
import type { JobStore } from './job-store';
import type { BulkKind } from './plan';

export interface BulkRunnerDeps {
  store: JobStore;
  graph: GraphClient;
  audit: AuditLog;
  /** The brand's current list, fresh from Meta: used to settle items whose outcome is unknown. */
  fetchBrandList(brandIgId: string): Promise<PartnershipPermission[]>;
  /** Puts confirmed outcomes into the cached lists the rest of the UI reads. */
  rememberOutcomes(brandIgId: string, outcomes: Array<{ username: string; creatorId?: string; status: string }>): Promise<void>;
  onProgress(jobId: string): void;
  /** Asks to be woken at a time (an alarm), for waits too long to sleep through. */
  wakeAt(time: number): void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Waits up to this long in place; longer waits end the run and rely on wakeAt. */
  longestSleepMs?: number;
}

export interface NewJob {
  kind: BulkKind;
  brandIgId: string;
  brandUsername: string;
  /** Creators to act on, in the person's order. */
  usernames: readonly string[];
  /** Instagram IDs known from the brand's list, by username. */
  creatorIds?: Readonly<Record<string, string>>;
  /** Creators the dry run skipped, with why; shown in the results. */
  skipped: ReadonlyArray<{ username: string; reason: string }>;
}

type Settled = Pick<BulkItem, 'state' | 'reason' | 'attempts'>;

/** A job going (again): no reason to wait any more. */
const RUNNING: Partial<BulkJob> = { state: 'running', waitReason: undefined, waitingFor: undefined, resumeAt: undefined };

export type BulkRunner = ReturnType<typeof createBulkRunner>;

/**
 * Runs bulk jobs through the Graph batch API, one batch of up to 50 at a time, pacing by
 * Meta's usage headers. Every item's state is written before and after each batch, so a
 * stopped worker resumes where it was, and items whose answer was lost are checked against
 * Meta before anything is sent again: no creator is asked twice.
 */
export function createBulkRunner(deps: BulkRunnerDeps) {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const longestSleep = deps.longestSleepMs ?? 25_000;
  let running: Promise<void> | undefined;
  let again = false;

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
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  async function runAll(): Promise<void> {
    for (;;) {
      const job = (await deps.store.unfinished()).find((candidate) => candidate.state === 'running' || (candidate.state === 'waiting' && candidate.waitingFor === 'time' && (candidate.resumeAt ?? 0) <= now()));
      if (!job) return;
      if (job.state === 'waiting') await deps.store.update(job.id, RUNNING);
      const outcome = await runJob(job.id);
      if (outcome === 'stopped') return;
    }
  }

  /** Runs one job until it is finished, paused, cancelled or has to wait. */
  async function runJob(jobId: string): Promise<'next' | 'stopped'> {
    for (;;) {
      const job = await deps.store.get(jobId);
      if (!job || job.state !== 'running') return 'next';
      try {
        if ((await deps.store.countIn(jobId, 'unknown')) > 0) await settleUnknown(job);
        const batch = await deps.store.itemsIn(jobId, 'queued', MAX_BATCH_SIZE);
        if (batch.length === 0) {
          await deps.store.update(jobId, { state: 'done' });
          deps.onProgress(jobId);
          return 'next';
        }
        const pause = await sendBatch(job, batch);
        if (pause > 0 && !(await waitFor(job, pause, `Slowing down: Meta reports high usage. Next batch at ${clock(now() + pause)}.`))) return 'stopped';
      } catch (error) {
        if (!(await handleJobError(job, error))) return 'stopped';
      }
    }
  }

  /** Sends one batch; returns how long to pause before the next one. */
  async function sendBatch(job: BulkJob, batch: BulkItem[]): Promise<number> {
    await deps.store.putItems(batch.map((item) => ({ ...item, state: 'in-flight', updatedAt: now() })));
    deps.onProgress(job.id);
    let answers: BatchAnswer[];
    let usagePercent: number;
    try {
      const result = await deps.graph.batch(batch.map((item) => toRequest(job, item)));
      answers = result.answers;
      usagePercent = result.usage.percent;
    } catch (error) {
      // Nothing is known about this batch's items: a network failure may hide a delivered request.
      const outcomeUnknown = error instanceof AppError && (error.kind === 'network' || error.kind === 'unexpected-response');
      await deps.store.putItems(batch.map((item) => ({ ...item, state: outcomeUnknown ? 'unknown' : 'queued', updatedAt: now() })));
      throw error;
    }

    const settled = batch.map((item, position) => ({ item, ...settle(job, item, answers[position] ?? null) }));
    await deps.store.putItems(settled.map(({ item, state, reason, attempts }) => ({ ...item, state, reason, attempts, updatedAt: now() })));
    await recordOutcomes(job, settled);
    deps.onProgress(job.id);

    const throttled = answers.find((answer) => answer?.error?.kind === 'rate-limited')?.error;
    if (throttled) throw throttled;
    const expired = answers.find((answer) => answer?.error?.kind === 'session-expired')?.error;
    if (expired) throw expired;
    const transientAttempts = settled.filter(({ state, attempts }) => state === 'queued' && attempts > 0).map(({ attempts }) => attempts);
    return Math.max(pauseBeforeNextBatch(usagePercent), transientAttempts.length > 0 ? transientBackoff(Math.max(...transientAttempts)) : 0);
  }

  function settle(job: BulkJob, item: BulkItem, answer: BatchAnswer): Settled {
    if (answer === null) return { state: 'unknown', reason: undefined, attempts: item.attempts };
    if (!answer.error) return { state: job.kind === 'send' ? 'sent' : 'revoked', reason: undefined, attempts: item.attempts + 1 };
    const { kind } = answer.error;
    if (kind === 'rate-limited' || kind === 'session-expired') return { state: 'queued', reason: undefined, attempts: item.attempts };
    if (kind === 'temporary' || kind === 'network') {
      const attempts = item.attempts + 1;
      return attempts >= MAX_ATTEMPTS ? { state: 'failed', reason: `Facebook kept failing: ${answer.error.details.metaMessage ?? answer.error.message}`, attempts } : { state: 'queued', reason: undefined, attempts };
    }
    return { state: 'failed', reason: answer.error.details.metaMessage ?? answer.error.message, attempts: item.attempts + 1 };
  }

  async function recordOutcomes(job: BulkJob, settled: Array<{ item: BulkItem } & Settled>): Promise<void> {
    const finished = settled.filter(({ state }) => state === 'sent' || state === 'revoked' || state === 'failed');
    const entries: AuditEntry[] = finished.map(({ item, state, reason }) => ({
      at: now(),
      brandIgId: job.brandIgId,
      brandUsername: job.brandUsername,
      creator: item.username,
      action: job.kind,
      outcome: state === 'sent' ? 'Sent' : state === 'revoked' ? 'Revoked' : 'Failed',
      reason,
      source: 'bulk',
    }));
    await deps.audit.record(entries);
    const confirmed = finished.filter(({ state }) => state !== 'failed').map(({ item }) => ({ username: item.username, creatorId: item.creatorId, status: statusAfter(job.kind) }));
    if (confirmed.length > 0) await deps.rememberOutcomes(job.brandIgId, confirmed);
  }

  /** Items whose answer was lost: done if Meta's list shows the change, else sent again. */
  async function settleUnknown(job: BulkJob): Promise<void> {
    const unknown = await deps.store.itemsIn(job.id, 'unknown');
    const list = await deps.fetchBrandList(job.brandIgId);
    const byUsername = new Map(list.map((record) => [record.creatorUsername, record.status]));
    const byId = new Map(list.map((record) => [record.creatorId, record.status]));
    const settled = unknown.map((item) => {
      const status = byUsername.get(item.username) ?? (item.creatorId ? byId.get(item.creatorId) : undefined);
      const reached = tookEffect(job.kind, status);
      return { item, state: reached ? (job.kind === 'send' ? 'sent' : 'revoked') : 'queued', reason: reached ? 'Confirmed with Meta after an interruption' : undefined, attempts: item.attempts } as const;
    });
    await deps.store.putItems(settled.map(({ item, state, reason }) => ({ ...item, state, reason, updatedAt: now() })));
    await recordOutcomes(job, settled);
    deps.onProgress(job.id);
  }

  /** Returns true to go on with the job, false when the run stops (it resumes later). */
  async function handleJobError(job: BulkJob, error: unknown): Promise<boolean> {
    const appError = error instanceof AppError ? error : new AppError('unexpected-response', 'Something went wrong while sending; the job will go on from where it stopped.');
    if (appError.kind === 'session-expired' || appError.kind === 'not-connected') {
      await deps.store.update(job.id, { state: 'waiting', waitingFor: 'login', waitReason: 'Your Facebook session has expired. Connect again and the job goes on where it stopped.' });
      deps.onProgress(job.id);
      return false;
    }
    if (appError.kind === 'rate-limited') {
      const until = appError.details.retryAt ?? now() + 60_000;
      return waitFor(job, until - now(), `Meta is limiting how fast Collab Desk may call it. The job goes on by itself after ${clock(until)}.`);
    }
    if (appError.kind === 'network' || appError.kind === 'temporary' || appError.kind === 'unexpected-response') {
      const wait = transientBackoff(3);
      return waitFor(job, wait, `${appError.message} Trying again at ${clock(now() + wait)}.`);
    }
    // Anything else stops the job in a state the person can read and act on.
    await deps.store.update(job.id, { state: 'paused', waitReason: appError.message });
    deps.onProgress(job.id);
    return false;
  }

  /** Waits in place for short pauses; for long ones records when to go on and asks to be woken. */
  async function waitFor(job: BulkJob, ms: number, reason: string): Promise<boolean> {
    const resumeAt = now() + ms;
    await deps.store.update(job.id, { state: 'waiting', waitingFor: 'time', waitReason: reason, resumeAt });
    deps.onProgress(job.id);
    if (ms > longestSleep) {
      deps.wakeAt(resumeAt);
      return false;
    }
    await sleep(ms);
    const current = await deps.store.get(job.id);
    if (current?.state !== 'waiting') return false;
    await deps.store.update(job.id, RUNNING);
    deps.onProgress(job.id);
    return true;
  }

  return {
    kick,

    async start(input: NewJob): Promise<BulkJob> {
      const created = now();
      const job: BulkJob = {
        id: `job-${created.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
        kind: input.kind,
        brandIgId: input.brandIgId,
        brandUsername: input.brandUsername,
        state: 'running',
        total: input.usernames.length + input.skipped.length,
        createdAt: created,
        updatedAt: created,
      };
      const items: BulkItem[] = [
        ...input.usernames.map((username, index) => ({ jobId: job.id, index, username, creatorId: input.creatorIds?.[username], state: 'queued' as const, attempts: 0, updatedAt: created })),
        ...input.skipped.map(({ username, reason }, offset) => ({ jobId: job.id, index: input.usernames.length + offset, username, state: 'skipped' as const, reason, attempts: 0, updatedAt: created })),
      ];
      await deps.store.create(job, items);
      void kick();
      return job;
    },

    /** After the worker restarted: batches that were on their way have an unknown outcome. */
    async recover(): Promise<void> {
      for (const job of await deps.store.unfinished()) {
        await deps.store.moveAll(job.id, 'in-flight', { state: 'unknown' });
      }
      void kick();
    },

    async pause(jobId: string): Promise<void> {
      await deps.store.update(jobId, { state: 'paused', waitReason: 'Paused by you.', waitingFor: undefined, resumeAt: undefined });
      deps.onProgress(jobId);
    },

    async resume(jobId: string): Promise<void> {
      const job = await deps.store.get(jobId);
      if (!job || job.state === 'done' || job.state === 'cancelled') return;
      await deps.store.update(jobId, RUNNING);
      deps.onProgress(jobId);
      void kick();
    },

    /** Jobs that waited for a new login go on. */
    async resumeAfterLogin(): Promise<void> {
      for (const job of await deps.store.unfinished()) {
        if (job.state === 'waiting' && job.waitingFor === 'login') await this.resume(job.id);
      }
    },

    async cancel(jobId: string): Promise<void> {
      await deps.store.update(jobId, { state: 'cancelled', waitReason: 'Cancelled by you.', waitingFor: undefined, resumeAt: undefined });
      await deps.store.moveAll(jobId, 'queued', { state: 'skipped', reason: 'Cancelled before it was sent' });
      deps.onProgress(jobId);
    },

    /** Sends again only the items that failed. */
    async retryFailed(jobId: string): Promise<void> {
      const moved = await deps.store.moveAll(jobId, 'failed', { state: 'queued', reason: undefined, attempts: 0 });
      if (moved === 0) return;
      await deps.store.update(jobId, RUNNING);
      deps.onProgress(jobId);
      void kick();
    },
  };
}

/** Names the creator by Instagram ID when known (Meta documents revoke that way), else by username. */
function toRequest(job: BulkJob, item: BulkItem): BatchRequest {
  const body: Record<string, string> = item.creatorId ? { creator_instagram_account: item.creatorId } : { creator_instagram_username: item.username };
  if (job.kind === 'revoke') body.revoke = 'true';
  return { method: 'POST', relativeUrl: `${job.brandIgId}/branded_content_ad_permissions`, body };
}

function clock(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
