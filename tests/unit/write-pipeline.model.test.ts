/**
 * A model-based test of the write pipeline: random schedules of faults (5xx after Meta applied
 * a send, lost answers, the network down, throttles, token expiry), worker stops at any await,
 * two overlapping bulk jobs and single sends at the same time, run by the real runner, job
 * store and pipeline over (fake) IndexedDB, against an in-memory Meta that counts every ask.
 * Every listed creator is asked at most once and, unless Meta refused them, exactly once; every
 * outcome matches Meta's record; nothing is left unfinished.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJobStore, type JobStore } from '@/utils/bulk/job-store';
import { createWritePipeline } from '@/utils/bulk/pipeline';
import { createJobRunner, type JobRunner } from '@/utils/bulk/runner';
import type { Job, JobItem } from '@/utils/bulk/job';
import { openCollabDeskDb } from '@/utils/background/database';
import { AppError } from '@/utils/errors';
import type { BatchAnswer, BatchRequest, GraphClient } from '@/utils/graph/client';
import type { PartnershipPermission } from '@/utils/partnerships/permission-record';
import type { CreatorRef } from '@/utils/partnerships/permission-request';
import { said } from '@/utils/i18n/said';

const BRAND = '17841400000000001';
const CREATORS = ['ana', 'ben', 'cai', 'dee', 'eli', 'fay', 'gus', 'hal', 'ivy', 'jon'] as const;
type Creator = (typeof CREATORS)[number];

/** What Meta does with one call: answer, or one of the faults seen in the field. */
type Fault = 'ok' | 'applied-5xx' | 'lost' | 'down' | 'throttle' | 'expired' | 'null-items';

interface Schedule {
  /** The fault of each call to Meta, in order (then every call is answered). */
  faults: Fault[];
  /** Steps (calls to the store, to Meta, sleeps) after which the worker is stopped. */
  stops: number[];
  jobA: Creator[];
  jobB: Creator[];
  /** Single sends from the popup, each made after that many steps. */
  singles: Array<{ creator: Creator; afterStep: number }>;
  /** Creators Meta refuses (not eligible). */
  rejected: Creator[];
  /** Creators already pending before anything is sent. */
  pendingBefore: Creator[];
}

/** An in-memory Meta: one brand's records, every applied send counted as an ask. */
class MemoryMeta {
  records = new Map<string, PartnershipPermission>();
  asks = new Map<string, number>();
  private call = 0;

  constructor(
    private schedule: Schedule,
    private clock: { now: number },
  ) {
    for (const creator of schedule.pendingBefore) this.records.set(creator, this.record(creator, 'PENDING'));
  }

  private record(creator: string, status: string): PartnershipPermission {
    return { id: `perm-${creator}`, creatorUsername: creator, creatorId: `1784${creator}`, brandIgId: BRAND, status };
  }

  private nextFault(): Fault {
    return this.schedule.faults[this.call++] ?? 'ok';
  }

  private send(username: string): { ok: true } | { refused: AppError } {
    if ((this.schedule.rejected as string[]).includes(username)) {
      return { refused: new AppError('invalid-request', said('errorNotAccepted', { meta: 'not eligible' }), { code: 100 }) };
    }
    // Meta promises no refusal of a repeat: it reaches the creator again.
    this.asks.set(username, (this.asks.get(username) ?? 0) + 1);
    this.records.set(username, this.record(username, 'PENDING'));
    return { ok: true };
  }

  batch(requests: readonly BatchRequest[]): { answers: BatchAnswer[]; usage: { percent: number } } {
    const fault = this.nextFault();
    if (fault === 'down') throw new AppError('network', said('errorNetwork'));
    const usage = { percent: 0 };
    const refusedAll = (error: AppError): BatchAnswer[] => requests.map(() => ({ status: 400, body: {}, error, usage }));
    if (fault === 'throttle') {
      return { answers: refusedAll(new AppError('rate-limited', said('errorTemporary'), { retryAt: this.clock.now + 30_000 })), usage };
    }
    if (fault === 'expired') return { answers: refusedAll(new AppError('session-expired', said('errorTemporary'))), usage };
    const answers = requests.map((request): BatchAnswer => {
      const username = request.body?.creator_instagram_username ?? request.body?.creator_instagram_account?.replace(/^1784/, '');
      const outcome = this.send(username!);
      if ('refused' in outcome) return { status: 400, body: {}, error: outcome.refused, usage };
      if (fault === 'applied-5xx') return { status: 500, body: {}, error: new AppError('temporary', said('errorTemporary')), usage };
      if (fault === 'null-items') return null;
      return { status: 200, body: { id: `perm-${username}` }, usage };
    });
    if (fault === 'lost') throw new AppError('network', said('errorNetwork'));
    return { answers, usage };
  }

  /** A read of creators' records (or the list): fails as a read can, never applies anything. */
  read(): void {
    const fault = this.nextFault();
    if (fault === 'down' || fault === 'lost') throw new AppError('network', said('errorNetwork'));
    if (fault === 'applied-5xx' || fault === 'null-items') throw new AppError('temporary', said('errorTemporary'));
    if (fault === 'throttle') throw new AppError('rate-limited', said('errorTemporary'), { retryAt: this.clock.now + 30_000 });
  }

  list(): PartnershipPermission[] {
    this.read();
    return [...this.records.values()];
  }

  recordsOf(creators: readonly CreatorRef[]): Array<PartnershipPermission | undefined> {
    this.read();
    return creators.map((creator) => this.records.get(creator.username ?? ''));
  }
}

const never = new Promise<never>(() => {});

/**
 * A service worker: the runner and pipeline over the shared database. Every await it makes on
 * the store, Meta or a timer is a step; at a stop step the worker dies there (what it started
 * lands, as in a browser, but it never hears back).
 */
function startWorker(dbName: string, meta: MemoryMeta, clock: { now: number }, steps: { count: number; stopAt: Set<number> }) {
  let dead = false;
  const started: Array<Promise<unknown>> = [];
  const step = <T>(work: () => Promise<T>): Promise<T> => {
    if (dead) return never;
    steps.count += 1;
    const stopping = steps.stopAt.has(steps.count);
    const running = work();
    started.push(running.catch(() => undefined));
    if (stopping) dead = true;
    return running.then(
      (value) => (dead ? never : value),
      (error: unknown) => (dead ? never : Promise.reject(error)),
    );
  };
  const store = gated(
    createJobStore(openCollabDeskDb(dbName), () => clock.now),
    step,
  );
  const graph = { batch: (requests: readonly BatchRequest[]) => step(async () => meta.batch(requests)) } as unknown as GraphClient;
  let renewals = 0;
  const runner: JobRunner = createJobRunner({
    store,
    graph,
    readRecords: (_brand, creators) => step(async () => meta.recordsOf(creators)),
    rememberOutcomes: () => step(async () => {}),
    onProgress: () => {},
    // A silent renewal works every other time; else the job waits for the person to reconnect.
    renewSession: () => step(async () => renewals++ % 2 === 0),
    wakeAt: () => {},
    now: () => clock.now,
    sleep: (ms) =>
      step(async () => {
        clock.now += ms;
      }),
  });
  const pipeline = createWritePipeline({
    runner,
    store,
    fetchBrandList: () => step(async () => meta.list()),
    brandUsernameOf: async () => 'brand',
    knownRecord: async (_brand, creator) => meta.records.get(creator.username ?? ''),
    currentRecord: (_brand, username) => step(async () => meta.recordsOf([{ username }])[0]),
    now: () => clock.now,
  });
  return {
    runner,
    pipeline,
    get dead() {
      return dead;
    },
    /** Stops this worker now, once what it started has landed. */
    async stop() {
      dead = true;
      await Promise.all(started);
    },
  };
}

/** The store with every call a step of the worker. */
function gated(store: JobStore, step: <T>(work: () => Promise<T>) => Promise<T>): JobStore {
  return Object.fromEntries(
    Object.entries(store).map(([name, method]) => [
      name,
      (...args: unknown[]) => step(() => (method as (...a: unknown[]) => Promise<unknown>)(...args)),
    ]),
  ) as JobStore;
}

let runs = 0;

async function runSchedule(schedule: Schedule): Promise<void> {
  runs += 1;
  const dbName = `model-${runs}`;
  const clock = { now: 1_800_000_000_000 };
  const meta = new MemoryMeta(schedule, clock);
  const steps = { count: 0, stopAt: new Set(schedule.stops) };
  let worker = startWorker(dbName, meta, clock, steps);
  /** A dead worker never answers: the page stops waiting and the person carries on. */
  const orDead = <T>(work: Promise<T>): Promise<T | undefined> => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const died = new Promise<undefined>((resolve) => {
      timer = setInterval(() => worker.dead && resolve(undefined), 1);
    });
    return Promise.race([work, died]).finally(() => clearInterval(timer));
  };

  const restart = async () => {
    await worker.stop();
    worker = startWorker(dbName, meta, clock, steps);
    await orDead(worker.runner.recover());
  };

  // The person plans both jobs (trying again when Meta could not be read), then confirms each.
  const planAndConfirm = async (creators: readonly Creator[]) => {
    for (let tries = 0; tries < 40; tries++) {
      if (worker.dead) await restart();
      try {
        const plan = await orDead(worker.pipeline.plan({ kind: 'send', brandIgId: BRAND, usernames: creators, invalid: [] }));
        if (!plan) continue;
        if (!plan.jobId || (await orDead(worker.pipeline.confirm(plan.jobId)))) return;
      } catch {
        // Meta could not be read for the dry run: the person tries again.
      }
    }
  };

  const singles = [...schedule.singles].sort((a, b) => a.afterStep - b.afterStep);
  const sendSingles = async () => {
    while (singles.length > 0 && singles[0]!.afterStep <= steps.count) {
      const { creator } = singles.shift()!;
      if (worker.dead) await restart();
      // The popup offers Send request only when the creator is not asked already; the pipeline decides the rest.
      void worker.pipeline.send(BRAND, creator).catch(() => undefined);
    }
  };

  await planAndConfirm(schedule.jobA);
  await sendSingles();
  await planAndConfirm(schedule.jobB);

  // The browser wakes the worker (alarms, the person's Connect) until nothing is left to do.
  for (let round = 0; round < 300; round++) {
    await sendSingles();
    if (worker.dead) await restart();
    await orDead(worker.runner.kick());
    if (worker.dead) continue;
    const unfinished = await liveStore(dbName, clock).unfinished();
    if (unfinished.length === 0 && singles.length === 0) break;
    for (const job of unfinished) {
      if (job.state === 'waiting' && job.waitingFor === 'time') clock.now = Math.max(clock.now, job.resumeAt ?? clock.now);
      if (job.state === 'waiting' && job.waitingFor === 'login') await orDead(worker.runner.resumeAfterLogin());
      if (job.state === 'paused' || job.state === 'waiting') await orDead(worker.runner.resume(job.id));
    }
    if (unfinished.length === 0) steps.count += 50;
  }
  await worker.stop();
  await check(schedule, meta, liveStore(dbName, clock));
}

function liveStore(dbName: string, clock: { now: number }): JobStore {
  return createJobStore(openCollabDeskDb(dbName), () => clock.now);
}

async function check(schedule: Schedule, meta: MemoryMeta, store: JobStore): Promise<void> {
  const jobs = await store.all();
  const unfinished = jobs.filter((job: Job) => job.state !== 'done' && job.state !== 'planned');
  expect(unfinished, 'every job finished by itself').toEqual([]);
  const listed = new Set<string>([...schedule.jobA, ...schedule.jobB, ...schedule.singles.map((single) => single.creator)]);
  for (const creator of CREATORS) {
    const asked = meta.asks.get(creator) ?? 0;
    expect(asked, `@${creator} asked at most once`).toBeLessThanOrEqual(1);
    const mustBeAsked =
      listed.has(creator) &&
      !schedule.rejected.includes(creator) &&
      !schedule.pendingBefore.includes(creator) &&
      inABulkJob(schedule, creator);
    if (mustBeAsked) expect(asked, `@${creator} asked exactly once`).toBe(1);
  }
  for (const job of jobs) {
    if (job.origin !== 'bulk' || job.state === 'planned') continue;
    for (const item of await store.items(job.id)) expectMatchesMeta(item, meta, schedule);
  }
}

/** Single sends may be refused for good (the popup's answer is the person's to read); creators in a bulk job are always finished. */
function inABulkJob(schedule: Schedule, creator: Creator): boolean {
  return schedule.jobA.includes(creator) || schedule.jobB.includes(creator);
}

function expectMatchesMeta(item: JobItem, meta: MemoryMeta, schedule: Schedule): void {
  const record = meta.records.get(item.username);
  const where = `@${item.username} in job ${item.jobId}: ${item.state}`;
  if (item.state === 'sent') expect(record?.status, where).toBe('PENDING');
  if (item.state === 'failed') expect(schedule.rejected, where).toContain(item.username);
  if (item.state === 'skipped') expect(record === undefined && !schedule.rejected.includes(item.username as Creator), where).toBe(false);
  expect(['sent', 'failed', 'skipped'], where).toContain(item.state);
}

const creators = fc.uniqueArray(fc.constantFrom(...CREATORS), { minLength: 1, maxLength: 7 });
const schedules: fc.Arbitrary<Schedule> = fc.record({
  faults: fc.array(fc.constantFrom<Fault>('ok', 'ok', 'ok', 'applied-5xx', 'lost', 'down', 'throttle', 'expired', 'null-items'), {
    maxLength: 24,
  }),
  stops: fc.uniqueArray(fc.integer({ min: 1, max: 120 }), { maxLength: 3 }),
  jobA: creators,
  jobB: creators,
  singles: fc.array(fc.record({ creator: fc.constantFrom(...CREATORS), afterStep: fc.integer({ min: 0, max: 80 }) }), { maxLength: 3 }),
  rejected: fc.uniqueArray(fc.constantFrom(...CREATORS), { maxLength: 2 }),
  pendingBefore: fc.uniqueArray(fc.constantFrom(...CREATORS), { maxLength: 2 }),
});

describe('write pipeline, model-based', () => {
  it('asks every listed creator at most once, and exactly once unless Meta refused them, through random faults, stops and overlapping jobs', async () => {
    await fc.assert(
      fc.asyncProperty(schedules, async (schedule) => {
        await runSchedule(schedule);
      }),
      { numRuns: Number(process.env.MODEL_RUNS ?? 1000), verbose: 1 },
    );
  }, 120_000);
});
