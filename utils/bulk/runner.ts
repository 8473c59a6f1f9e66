import type { AuditEntry } from '../audit/audit-log';
import { AUDIT_OUTCOMES } from '../audit/audit-entry';
import { AppError, type AppErrorKind } from '../errors';
import type { BatchAnswer, GraphClient } from '../graph/client';
import { MAX_BATCH_SIZE } from '../graph/client';
import type { PartnershipPermission } from '../partnerships/permission-record';
import { permissionRequest, type CreatorRef } from '../partnerships/permission-request';
import { sendRefusal, statusAfter, type ActionKind } from '../partnerships/status';
import { BULK_LANES, transientBackoff } from './governor';
import { createUsagePacer } from './usage-pacer';
import { ACCOUNT_REFUSALS, isPassingFailure, outcomeOfAnswer, settleWithList, unsure } from './item-outcome';
import { creatorOfItem, type ItemState, type Job, type JobItem } from './job';
import type { JobStore } from './job-store';
import { said, saidCount, type Words } from '../i18n/said';

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
  /**
   * These creators' records for the brand, read from Meta now (undefined: never asked; null: Meta
   * gave no answer for this one), in their order: by name, 50 to a batch request, or the brand's
   * list where that cannot answer. Fails rather than guess, so nobody is sent again on a guess.
   */
  readRecords(brandIgId: string, creators: readonly CreatorRef[]): Promise<Array<PartnershipPermission | undefined | null>>;
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
 * How long a job waiting for the network waits before it tries again (a read, which fails at
 * once while offline): a lost answer is often alone, so the first tries come soon.
 */
function networkRetryMs(failuresInARow: number): number {
  return Math.min(2_000, 250 * 2 ** Math.max(0, failuresInARow - 1));
}

/** How often, at most, a running job puts its outcomes into the cached lists (see rememberBehind). */
const REMEMBER_EVERY_MS = 1_000;

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
  /** Requests that could not get out, in a row (reset by any answer): the wait before the next try grows with them. */
  let networkFailures = 0;
  /** When a silent renewal was last tried for a refused token: at most one a minute, so a refusing Meta cannot loop. */
  let renewalTriedAt = Number.NEGATIVE_INFINITY;

  function kick(): Promise<void> {
    if (running) {
      again = true;
      attention = true;
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
          if (recovered.delete(jobId))
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

  /** Paces bulk jobs by Meta's usage (utils/bulk/usage-pacer.ts): kept for the worker's life, as Meta's window is. */
  const pacer = createUsagePacer(MAX_BATCH_SIZE, BULK_LANES);

  /** Set by kick(): the lanes stop after their batch, so the runner can look again (a single action may be waiting). */
  let attention = false;

  interface Pause {
    ms: number;
    reason: Words;
    cause: AppErrorKind;
  }

  /**
   * Sends the job's queued items in batches over a few lanes, as the pacer advises: each lane
   * takes the next items (marked in flight, one lane at a time), sends them and settles the
   * answers, so one lane's bookkeeping runs while the others' requests are on their way. The
   * lanes stop when nothing is queued, when the pacer or a batch asks for a pause (the longest
   * is returned), when one fails (rethrown once every lane has settled what it sent), or when
   * the runner is kicked (a single action may be waiting). A single action is one creator the
   * person asked for: it goes at once.
   */
  async function sendInLanes(job: Job): Promise<{ sent: number; pause?: Pause }> {
    const round: { sent: number; inFlight: number; pause?: Pause; failure?: { error: unknown } } = { sent: 0, inFlight: 0 };
    // One lane at a time takes its items (marked in flight), so no two lanes take the same ones. The
    // queued items are read once a round (reading them a batch at a time scans past every item taken
    // before); an item is taken only while it is still queued in the store (a cancel meanwhile wins).
    const taking = serialQueue();
    let queued: JobItem[] | undefined;
    const take = (size: number) =>
      taking.run(async (): Promise<JobItem[]> => {
        // Paused or stopped meanwhile: nothing more leaves (what is on its way lands).
        if ((await deps.store.get(job.id))?.state !== 'running') return [];
        queued ??= await deps.store.itemsIn(job.id, 'queued');
        const next = queued.splice(0, size);
        if (next.length === 0) return [];
        const marked = await changeItems(
          job.id,
          next.map((item) => ({ ...item, state: 'in-flight' })),
          [],
          { onlyFrom: 'queued' },
        );
        const taken = new Set(marked.map((item) => item.index));
        return next.filter((item) => taken.has(item.index));
      });
    const pauseFor = (asked: Pause) => {
      // Another lane may have asked for a pause meanwhile: the longer one holds.
      const asking = round.pause as Pause | undefined;
      if (asked.ms > (asking?.ms ?? 0)) round.pause = asked;
    };
    const lanes: Array<Promise<void>> = [];
    const lane = async (): Promise<void> => {
      while (!round.failure && !round.pause && !attention) {
        const advice = job.origin === 'single' ? { items: MAX_BATCH_SIZE, lanes: 1 } : pacer.advise(now(), round.inFlight);
        if ('waitMs' in advice) {
          // The lanes with a batch on its way go on; the last one asks the job to wait.
          if (round.inFlight === 0)
            pauseFor({ ms: advice.waitMs, reason: said('waitPacing', { at: { clock: now() + advice.waitMs } }), cause: 'rate-limited' });
          return;
        }
        round.inFlight += advice.items;
        // While Meta has room, more lanes join (each asks the pacer in turn, counting what is on its way).
        // (started on the next tick: a lane is counted before it runs)
        while (lanes.length < advice.lanes) lanes.push(Promise.resolve().then(lane));
        const items = await take(advice.items);
        round.inFlight -= advice.items - items.length;
        if (items.length === 0) return;
        round.sent += items.length;
        try {
          const backoff = await sendBatch(job, items);
          if (backoff) pauseFor(backoff);
        } catch (error) {
          round.failure ??= { error };
        } finally {
          round.inFlight -= items.length;
        }
      }
    };
    attention = false;
    lanes.push(Promise.resolve().then(lane));
    for (let index = 0; index < lanes.length; index++) await lanes[index];
    if (round.failure) throw round.failure.error;
    return { sent: round.sent, pause: round.pause };
  }

  /** Sends items already marked in flight as one batch request; returns the back-off before trying failed ones again, if any. */
  async function sendBatch(job: Job, items: JobItem[]): Promise<Pause | undefined> {
    let answers: BatchAnswer[];
    let usagePercent: number;
    const sentAt = now();
    try {
      const answered = await deps.graph.batch(items.map((item) => permissionRequest(job.kind, job.brandIgId, creatorOfItem(item))));
      answers = answered.answers;
      usagePercent = answered.usage.percent;
      networkFailures = 0;
    } catch (failure) {
      // Any failure but a refusal Meta gave before acting (or a request that never left) may hide a delivered request.
      await changeItems(
        job.id,
        items.map((item) => (mayHaveLeft(failure) ? unsure(item) : { ...item, state: 'queued' })),
      );
      throw failure;
    }
    // A throttled answer reads 100 %: the wait for Meta's window (handleJobError) covers it, and the pacer starts again after.
    if (!answers.some((answer) => answer?.error?.kind === 'rate-limited')) pacer.answered(sentAt, now(), items.length, usagePercent);
    const settled = items.map((item, position) => ({
      item,
      answer: answers[position] ?? null,
      ...outcomeOfAnswer(item, answers[position] ?? null, job.kind),
    }));
    const settledItems = settled.map(({ item, answer: _answer, ...change }) => ({ ...item, ...change }));
    await settleItems(job, settledItems);
    // The cached lists follow while the next batch is on its way (the items themselves are already stored).
    rememberBehind(
      job,
      settledItems.map((item, position) => ({ item, permissionId: permissionIdOf(settled[position]!.answer) })),
    );
    // A refusal of the account (the session first, then a throttle, then a policy block) would refuse every creator
    // alike: the job waits or stops, and says why (handleJobError).
    for (const kind of ACCOUNT_REFUSALS) {
      const refused = answers.find((answer) => answer?.error?.kind === kind)?.error;
      if (refused) throw refused;
    }
    // Meta failing for a passing reason: the job backs off (the items are checked with Meta first, then sent again).
    const transientAttempts = settled.filter(({ answer }) => isPassingFailure(answer)).map(({ attempts }) => Math.max(1, attempts));
    const backoff =
      transientAttempts.length > 0 ? transientBackoff(transientAttempts.reduce((most, attempts) => Math.max(most, attempts))) : 0;
    if (backoff > 0) return { ms: backoff, reason: said('waitTemporary', { at: { clock: now() + backoff } }), cause: 'temporary' };
    return undefined;
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

  /**
   * Updates of the cached lists behind the batches. Rewriting a brand's list costs about as much
   * as a batch does, so outcomes are gathered and put in at most once a second while a job runs
   * (the first at once), each creator once with its latest outcome; the rest before the job is
   * Done (flushRemembered).
   */
  let toRemember: Array<{ brandIgId: string; outcomes: ConfirmedOutcome[] }> = [];
  const remembering = serialQueue();
  let rememberTimer: ReturnType<typeof setTimeout> | undefined;
  let lastRememberedAt = Number.NEGATIVE_INFINITY;
  function rememberBehind(job: Job, settled: Array<{ item: JobItem; permissionId?: string; status?: string }>): void {
    const outcomes = confirmedOutcomes(job, settled);
    if (outcomes.length === 0) return;
    toRemember.push({ brandIgId: job.brandIgId, outcomes });
    if (rememberTimer) return;
    const wait = Math.min(REMEMBER_EVERY_MS, Math.max(0, lastRememberedAt + REMEMBER_EVERY_MS - now()));
    rememberTimer = setTimeout(() => void flushRemembered(), wait);
  }

  /** Puts every outcome gathered so far into the cached lists; settles when they are in. */
  function flushRemembered(): Promise<void> {
    clearTimeout(rememberTimer);
    rememberTimer = undefined;
    // A failed cache update costs freshness only: the list is read from Meta again when it is stale.
    return remembering.add(async () => {
      const taken = toRemember;
      toRemember = [];
      if (taken.length === 0) return;
      lastRememberedAt = now();
      for (const [brandIgId, outcomes] of latestPerCreator(taken)) await deps.rememberOutcomes(brandIgId, outcomes);
    });
  }

  /**
   * Jobs this worker took over from a stopped one: outcomes the stopped worker had gathered
   * but not yet put into the cached lists are gone with it, so at Done every confirmed outcome
   * of the job is put in from the store (runJob).
   */
  const recovered = new Set<string>();

  /** Outcomes to put into the cached lists: the status Meta's list showed when it settled the item, else the one the action leaves. */
  function confirmedOutcomes(job: Job, settled: Array<{ item: JobItem; permissionId?: string; status?: string }>): ConfirmedOutcome[] {
    return settled
      .filter(({ item }) => item.state === 'sent' || item.state === 'revoked')
      .map(({ item, permissionId, status }) => ({ ...creatorOfItem(item), status: status ?? statusAfter(job.kind), permissionId }));
  }

  /**
   * A single send asked for while Meta could not say where the creator stands: the creator is
   * looked up by name first, and one already approved or pending (or with a status Collab Desk
   * does not know) is skipped with why, never asked a second time.
   */
  async function checkUnchecked(job: Job): Promise<void> {
    if (job.kind !== 'send') return;
    const unchecked = (await deps.store.itemsIn(job.id, 'queued')).filter((item) => item.unchecked);
    if (unchecked.length === 0) return;
    const records = await deps.readRecords(job.brandIgId, unchecked.map(creatorOfItem));
    // A send is never made unchecked: without an answer for each, nothing goes out this round.
    if (records.includes(null)) throw new AppError('temporary', said('errorBatchNoAnswer'));
    const checked = unchecked.map((item, index): JobItem => {
      const refusal = sendRefusal(records[index]?.status, item.username, job.brandUsername);
      return { ...item, unchecked: undefined, ...(refusal ? { state: 'skipped', reason: refusal } : {}) };
    });
    // Only while still queued: a kept action discarded during the lookup stays gone.
    await settleItems(job, checked, { onlyFrom: 'queued' });
  }

  /**
   * Items whose attempt may have reached Meta: their creators' records are read from Meta
   * together (readRecords); each is done if the record shows the change, else refused, or
   * queued to be sent again. Written only while still unknown.
   */
  async function settleUnknown(job: Job): Promise<void> {
    const unknown = await deps.store.itemsIn(job.id, 'unknown');
    const records = await deps.readRecords(job.brandIgId, unknown.map(creatorOfItem));
    networkFailures = 0;
    // A creator Meta gave no answer for stays unknown and is asked about again; none answered at all: back off first.
    if (records.every((record) => record === null)) throw new AppError('temporary', said('errorBatchNoAnswer'));
    const answered = unknown.flatMap((item, index) => (records[index] === null ? [] : [{ item, record: records[index] ?? undefined }]));
    const settled = answered.map(({ item, record }) => settleWithList(item, record, job.kind));
    await settleItems(job, settled, { onlyFrom: 'unknown' });
    rememberBehind(
      job,
      settled.map((item, index) => ({ item, status: records[index]?.status, permissionId: records[index]?.id })),
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
    if (appError.kind === 'network') {
      // Offline is a pause, not a failure: no attempt is spent; the next try is a read (the check of what may have
      // reached Meta), so the job goes on by itself as soon as requests get through again.
      const left = (await deps.store.countIn(job.id, 'queued')) + (await deps.store.countIn(job.id, 'unknown'));
      const reason = single ? appError.said : saidCount('waitNetwork', left);
      networkFailures += 1;
      return waitFor(job, networkRetryMs(networkFailures), reason, appError.kind);
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
    if (job.origin === 'single' || ms > longestSleep) return false;
    await sleep(ms);
    const current = await deps.store.get(job.id);
    if (current?.state !== 'waiting' || current.waitingFor !== 'time') return false;
    await changeJob(job.id, RUNNING);
    return true;
  }

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

  async function resume(jobId: string): Promise<void> {
    const job = await deps.store.get(jobId);
    if (!job || job.state === 'done' || job.state === 'cancelled' || job.state === 'planned') return;
    await changeJob(jobId, RUNNING);
    void kick();
  }

  return {
    kick,
    resume,

    /** A job's items per state: kept while it runs (moved by each write), else counted in the store. */
    async counts(jobId: string): Promise<Record<ItemState, number>> {
      const kept = itemCounts.get(jobId);
      return kept ? { ...kept } : deps.store.counts(jobId);
    },

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
        recovered.add(job.id);
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

/** Outcomes by brand, in order, each creator once with its latest outcome. */
function latestPerCreator(taken: ReadonlyArray<{ brandIgId: string; outcomes: ConfirmedOutcome[] }>): Map<string, ConfirmedOutcome[]> {
  const byBrand = new Map<string, Map<string, ConfirmedOutcome>>();
  for (const { brandIgId, outcomes } of taken) {
    const latest = byBrand.get(brandIgId) ?? new Map<string, ConfirmedOutcome>();
    for (const outcome of outcomes) {
      const key = outcome.username !== undefined ? `@${outcome.username}` : `#${outcome.creatorId}`;
      latest.delete(key);
      latest.set(key, outcome);
    }
    byBrand.set(brandIgId, latest);
  }
  return new Map([...byBrand].map(([brandIgId, latest]) => [brandIgId, [...latest.values()]]));
}

/** Whether a failed batch request may have reached Meta: anything but a refusal given before Meta acted, or a request that never left. */
function mayHaveLeft(failure: unknown): boolean {
  if (!(failure instanceof AppError)) return true;
  if (failure.details.neverSent) return false;
  return failure.kind === 'network' || failure.kind === 'temporary' || failure.kind === 'unexpected-response';
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
    /** Like add, and answers with the task's own result (or failure). */
    run<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(task);
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
  };
}
