import { describe, expect, it, vi } from 'vitest';
import { createAuditLog } from '@/utils/audit/audit-log';
import { createJobStore } from '@/utils/bulk/job-store';
import { BULK_LANES } from '@/utils/bulk/governor';
import { countItems } from '@/utils/bulk/job';
import { createJobRunner, type JobProgress, type NewJob } from '@/utils/bulk/runner';
import { openCollabDeskDb } from '@/utils/background/database';
import { createGraphClient } from '@/utils/graph/client';
import { parsePermissionItems } from '@/utils/partnerships/permission-record';
import * as z from 'zod/mini';
import { ALL_SCOPES, useSimulator } from './support/use-simulator';
import { english } from './support/english';
import { CONFIRMED_WITH_META } from '@/utils/bulk/item-outcome';
import type { CreatorRef } from '@/utils/partnerships/permission-request';

let database = 0;
const NORTHWIND = '17841400000000001';

const simulator = useSimulator();

function setup() {
  let token = simulator().state.issueToken(ALL_SCOPES).token;
  // Real time plus what the test skips ahead, shared by the client's rate-limit gate and the runner.
  let skipped = 0;
  const now = () => Date.now() + skipped;
  const graph = createGraphClient({
    graphOrigin: simulator().url,
    apiVersion: 'v25.0',
    getAccessToken: async () => token,
    now,
  });
  database += 1;
  const db = openCollabDeskDb(`bulk-test-${database}`);
  const store = createJobStore(db);
  const audit = createAuditLog(db);
  const wakeAt = vi.fn();
  const deps = {
    store,
    graph,
    readRecords: vi.fn(async (brandIgId: string, creators: readonly CreatorRef[]) => {
      const list = parsePermissionItems(
        await graph.getAll(`${brandIgId}/branded_content_ad_permissions`, z.unknown(), { searchParams: { limit: 100 } }),
      );
      return creators.map((creator) =>
        list.find((record) => (creator.creatorId && record.creatorId === creator.creatorId) || record.creatorUsername === creator.username),
      );
    }),
    rememberOutcomes: vi.fn(async () => {}),
    onProgress: vi.fn(),
    renewSession: vi.fn(async () => false),
    wakeAt,
    now,
    // Waits are real but short, so throttling windows of the simulator pass.
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 50))),
  };
  const runner = createJobRunner(deps);
  return {
    runner,
    store,
    audit,
    deps,
    wakeAt,
    skipAhead: (ms: number) => (skipped += ms),
    relogin: () => (token = simulator().state.issueToken(ALL_SCOPES).token),
  };
}

const usernames = (count: number, prefix = 'bulk') => Array.from({ length: count }, (_, index) => `${prefix}.creator${index}`);

/** Successful sends the simulator received, per creator. */
function deliveredSends(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of simulator().state.log) {
    if (entry.batchIndex === undefined || entry.status !== 200 || entry.method !== 'POST') continue;
    const name = entry.params.creator_instagram_username!;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

async function finished(store: ReturnType<typeof createJobStore>, jobId: string) {
  await vi.waitFor(async () => expect((await store.get(jobId))?.state).toBe('done'), { timeout: 15_000, interval: 20 });
  return countItems(await store.items(jobId));
}

/** A bulk job that runs at once, as Confirm starts one. */
function bulkJob(kind: NewJob['kind'], names: string[], skipped: NewJob['skipped'] = []): NewJob {
  return {
    kind,
    origin: 'bulk',
    brandIgId: NORTHWIND,
    brandUsername: 'northwind.outdoor',
    creators: names.map((username) => ({ username })),
    skipped,
    state: 'running',
  };
}

describe('job runner', () => {
  it('sends 120 creators in 3 batch requests, each creator once, and audits every outcome', async () => {
    const { runner, store, audit } = setup();
    const job = await runner.create(bulkJob('send', usernames(120), [{ username: 'already.there', reason: 'Already approved' }]));
    const counts = await finished(store, job.id);
    expect(counts).toMatchObject({ sent: 120, skipped: 1, failed: 0, queued: 0 });
    expect(
      simulator()
        .state.log.filter((entry) => entry.batchSize !== undefined)
        .map((entry) => entry.batchSize),
    ).toEqual([50, 50, 20]);
    const delivered = deliveredSends();
    expect(delivered.size).toBe(120);
    expect([...delivered.values()].every((times) => times === 1)).toBe(true);
    expect((await audit.list()).filter((entry) => entry.outcome === 'Sent')).toHaveLength(120);
  });

  it('stops at a policy block (code 368) with every creator still queued, says why, and goes on when resumed', async () => {
    const { runner, store } = setup();
    simulator().state.controls.policyBlocked = true;
    const job = await runner.create(bulkJob('send', usernames(120)));
    await vi.waitFor(async () => expect((await store.get(job.id))?.state).toBe('paused'), { timeout: 15_000, interval: 20 });
    const paused = (await store.get(job.id))!;
    expect(paused.waitCause).toBe('policy-blocked');
    expect(english(paused.waitReason)).toMatch(/blocked/i);
    expect(countItems(await store.items(job.id))).toMatchObject({ queued: 120, failed: 0, sent: 0 });
    // One batch met the block; none after it.
    expect(simulator().state.log.filter((entry) => entry.batchSize !== undefined).length).toBeLessThanOrEqual(2);

    simulator().state.controls.policyBlocked = false;
    await runner.resume(job.id);
    expect(await finished(store, job.id)).toMatchObject({ sent: 120, failed: 0 });
    expect([...deliveredSends().values()].every((times) => times === 1)).toBe(true);
  });

  it("marks creators Meta refuses as failed with Meta's reason, and retries only those", async () => {
    const { runner, store } = setup();
    simulator().state.controls.rejectedCreators = ['bulk.creator3', 'bulk.creator7'];
    const job = await runner.create(bulkJob('send', [...usernames(10), 'ghost.nobody']));
    const counts = await finished(store, job.id);
    expect(counts).toMatchObject({ sent: 8, failed: 3 });
    const failed = (await store.items(job.id)).filter((item) => item.state === 'failed');
    expect(failed.map((item) => [item.username, item.reason])).toEqual([
      ['bulk.creator3', 'Creator not eligible: @bulk.creator3 cannot receive partnership ad permission requests.'],
      ['bulk.creator7', 'Creator not eligible: @bulk.creator7 cannot receive partnership ad permission requests.'],
      ['ghost.nobody', 'Creator not found: Check the username and try again.'],
    ]);

    simulator().state.controls.rejectedCreators = [];
    simulator().state.log = [];
    await runner.retryFailed(job.id);
    const again = await finished(store, job.id);
    expect(again).toMatchObject({ sent: 10, failed: 1 });
    const retried = simulator()
      .state.log.filter((entry) => entry.batchIndex !== undefined)
      .map((entry) => entry.params.creator_instagram_username);
    expect(retried).toEqual(['bulk.creator3', 'bulk.creator7', 'ghost.nobody']);
  });

  it.each([
    ['code 4 with no time given', 4],
    ['code 80002, estimated 0 minutes', 80002],
  ] as const)('a throttle (%s) waits minutes, sends nothing meanwhile, then completes without duplicates', async (_name, code) => {
    const { runner, store, wakeAt, skipAhead } = setup();
    simulator().state.throttle = { code, afterCalls: 70, durationMs: 300 };
    const job = await runner.create(bulkJob('send', usernames(150)));
    await vi.waitFor(async () => expect(english((await store.get(job.id))?.waitReason)).toMatch(/Meta is limiting/), {
      timeout: 5000,
      interval: 5,
    });
    const waiting = (await store.get(job.id))!;
    expect(waiting.state).toBe('waiting');
    expect(waiting.resumeAt! - Date.now()).toBeGreaterThanOrEqual(59_000);
    await vi.waitFor(() => expect(wakeAt).toHaveBeenCalledWith(waiting.resumeAt));
    // The simulator's window is long over, yet nothing goes out before the wait ends.
    const callsBefore = simulator().state.log.length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    await runner.kick();
    expect(simulator().state.log.length).toBe(callsBefore);
    expect((await store.get(job.id))?.state).toBe('waiting');
    // The alarm fires after the minute.
    skipAhead(60_000);
    void runner.kick();
    const counts = await finished(store, job.id);
    expect(counts.sent).toBe(150);
    const delivered = deliveredSends();
    expect(delivered.size).toBe(150);
    expect([...delivered.values()].every((times) => times === 1)).toBe(true);
  });

  it.each([
    ['low', BULK_LANES, 1_000_000],
    ['near its ceiling', 1, 100],
  ] as const)(
    "with Meta's usage %s, sends at most %i batch requests at a time, each creator once",
    async (_usage, most, budget) => {
      const { runner, store, deps } = setup();
      // A short window, so the near-ceiling case waits for it to turn over (not enforced: the pacer alone keeps under).
      Object.assign(simulator().state.controls, { callsPerMinuteBudget: budget, usageWindowMs: 500 });
      simulator().state.controls.latencyMs = 20;
      let inFlight = 0;
      let mostInFlight = 0;
      const batch = deps.graph.batch;
      deps.graph.batch = async (...args) => {
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        try {
          // Each request waits (a second at most) until as many as allowed are out, so a busy machine cannot hide a lane.
          await vi.waitFor(() => expect(inFlight).toBeGreaterThanOrEqual(most), { timeout: 1_000, interval: 5 }).catch(() => {});
          return await batch(...args);
        } finally {
          inFlight -= 1;
        }
      };
      const job = await runner.create(bulkJob('send', usernames(300)));
      const counts = await finished(store, job.id);
      expect(counts.sent).toBe(300);
      expect(mostInFlight).toBe(most);
      expect([...deliveredSends().values()].every((times) => times === 1)).toBe(true);
      // Full batches while there is room; near the ceiling, batches sized to what fits, and none refused.
      const batches = simulator().state.log.filter((entry) => entry.batchSize !== undefined);
      if (most > 1) expect(batches).toHaveLength(6);
      else expect(batches.length).toBeGreaterThan(6);
      expect(simulator().state.log.filter((entry) => entry.errorCode === 4)).toHaveLength(0);
    },
    15_000,
  );

  it('counts progress from what each write changed: exact in every event, without counting the whole job again', async () => {
    const { runner, store, deps } = setup();
    Object.assign(simulator().state.controls, { batchNullRate: 0.1, callsPerMinuteBudget: 1_000_000 });
    const counting = vi.spyOn(store, 'counts');
    const job = await runner.create(bulkJob('send', usernames(600)));
    await finished(store, job.id);
    await vi.waitFor(() => expect(deps.onProgress.mock.calls.at(-1)?.[0].job.state).toBe('done'));
    const events = deps.onProgress.mock.calls.map(([progress]) => progress as JobProgress);
    const countedFromStore = counting.mock.calls.length;
    // Every event's counts add up to the job, and the last ones are what the store holds.
    for (const { counts } of events) expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(600);
    expect(events.at(-1)!.counts).toEqual(await store.counts(job.id));
    // What the runner answers for the job (the toolbar badge asks it) is the store's count too.
    expect(await runner.counts(job.id)).toEqual(await store.counts(job.id));
    expect(events.at(-1)!.counts).toMatchObject({ sent: 600, queued: 0, 'in-flight': 0, unknown: 0 });
    // Counted from the store once to start and when the job's own state changed (events without items), not for each write of items.
    const itemEvents = events.filter((event) => event.items.length > 0).length;
    expect(itemEvents).toBeGreaterThanOrEqual(24);
    expect(countedFromStore).toBeLessThanOrEqual(events.length - itemEvents + 1);
  });

  it('reads the queued items once a round, not once a batch (each read scans past every item taken before)', async () => {
    const { runner, store } = setup();
    Object.assign(simulator().state.controls, { callsPerMinuteBudget: 1_000_000 });
    const reading = vi.spyOn(store, 'itemsIn');
    const job = await runner.create(bulkJob('send', usernames(600)));
    expect(await finished(store, job.id)).toMatchObject({ sent: 600 });
    expect(simulator().state.log.filter((entry) => entry.batchSize !== undefined)).toHaveLength(12);
    expect(reading.mock.calls.filter(([, state]) => state === 'queued')).toHaveLength(1);
  });

  it('puts outcomes into the cached lists a few times a job, each creator once, and all of them before Done', async () => {
    const { runner, store, deps } = setup();
    // Batches take a while, as Meta's do: each one used to rewrite the brand's list.
    Object.assign(simulator().state.controls, { callsPerMinuteBudget: 1_000_000, latencyMs: 25 });
    const job = await runner.create(bulkJob('send', usernames(1000)));
    await finished(store, job.id);
    const updates = deps.rememberOutcomes.mock.calls as unknown as Array<[string, Array<{ username?: string; status: string }>]>;
    expect(updates.length).toBeGreaterThanOrEqual(1);
    expect(updates.length).toBeLessThanOrEqual(4);
    const remembered = updates.flatMap(([, outcomes]) => outcomes);
    expect(new Set(remembered.map((outcome) => outcome.username)).size).toBe(1000);
    expect(remembered).toHaveLength(1000);
    expect(remembered.every((outcome) => outcome.status === 'PENDING')).toBe(true);
  });

  it('under a budget that binds, fills it and waits for the window to turn over: never refused, each creator once', async () => {
    const { runner, store } = setup();
    Object.assign(simulator().state.controls, { enforceBudget: true, callsPerMinuteBudget: 120, usageWindowMs: 1000 });
    const job = await runner.create(bulkJob('send', usernames(300)));
    const counts = await finished(store, job.id);
    expect(counts.sent).toBe(300);
    expect(simulator().state.log.filter((entry) => entry.errorCode === 4)).toHaveLength(0);
    expect([...deliveredSends().values()].every((times) => times === 1)).toBe(true);
    // 300 creators through a window of 120: the job waited for the window at least twice.
    const sends = simulator().state.log.filter((entry) => entry.batchIndex !== undefined && entry.method === 'POST');
    expect(sends.at(-1)!.at - sends[0]!.at).toBeGreaterThanOrEqual(2 * 1000 * 0.9);
  });

  it('settles lost answers with Meta before sending again', async () => {
    const { runner, store } = setup();
    simulator().state.controls.batchNullRate = 0.3;
    const job = await runner.create(bulkJob('send', usernames(100)));
    const counts = await finished(store, job.id);
    expect(counts.sent).toBe(100);
    const items = await store.items(job.id);
    expect(items.some((item) => english(item.reason) === 'Confirmed with Meta after an interruption')).toBe(true);
    expect(
      simulator().state.log.some((entry) => entry.method === 'GET' && entry.path === `${NORTHWIND}/branded_content_ad_permissions`),
    ).toBe(true);
    expect([...deliveredSends().values()].every((times) => times === 1)).toBe(true);
  });

  it('after a stop mid-batch, resumes where it was and asks nobody twice', async () => {
    const { runner, store } = setup();
    const job = await runner.create(bulkJob('send', usernames(60)));
    await finished(store, job.id);
    // As if the worker had stopped after Meta received the second batch but before its answers were written.
    const items = await store.items(job.id);
    await store.putItems(items.map((item) => (item.index >= 50 ? { ...item, state: 'in-flight' } : item)));
    await store.update(job.id, { state: 'running' });
    const restartedDeps = { ...setup().deps, store };
    const restarted = createJobRunner(restartedDeps);
    await restarted.recover();
    const counts = await finished(store, job.id);
    expect(counts.sent).toBe(60);
    expect([...deliveredSends().values()].every((times) => times === 1)).toBe(true);
    // What the stopped worker had not yet put into the cached lists is put in by the new one before Done.
    const remembered = (restartedDeps.rememberOutcomes.mock.calls as unknown as Array<[string, Array<{ username?: string }>]>).flatMap(
      ([, outcomes]) => outcomes.map((outcome) => outcome.username),
    );
    expect(new Set(remembered)).toEqual(new Set(usernames(60)));
  });

  it("a check Meta left partly unanswered puts each creator's own record into the cached lists", async () => {
    const { runner, store, deps } = setup();
    const job = await runner.create(bulkJob('send', usernames(4)));
    await finished(store, job.id);
    const records = await deps.readRecords(
      NORTHWIND,
      usernames(4).map((username) => ({ username })),
    );
    // As if the worker had stopped with every send on its way; the first check then gets no answer for the first creator.
    await store.putItems((await store.items(job.id)).map((item) => ({ ...item, state: 'in-flight' as const })));
    await store.update(job.id, { state: 'running' });
    const restartedDeps = { ...setup().deps, store };
    const readRecords = restartedDeps.readRecords;
    restartedDeps.readRecords = vi.fn(async (brandIgId: string, creators: readonly CreatorRef[]) => {
      const read: Array<Awaited<ReturnType<typeof readRecords>>[number] | null> = await readRecords(brandIgId, creators);
      return restartedDeps.readRecords.mock.calls.length === 1 ? [null, ...read.slice(1)] : read;
    }) as typeof readRecords;
    const restarted = createJobRunner(restartedDeps);
    await restarted.recover();
    expect(await finished(store, job.id)).toMatchObject({ sent: 4 });
    const remembered = (
      restartedDeps.rememberOutcomes.mock.calls as unknown as Array<[string, Array<{ username?: string; permissionId?: string }>]>
    ).flatMap(([, outcomes]) => outcomes);
    // An outcome settled by the check carries the creator's own permission, never a neighbour's.
    const own = new Map(usernames(4).map((username, index) => [username, records[index]!.id]));
    const withPermission = remembered.filter((outcome) => outcome.permissionId !== undefined);
    // The three answered at once are put in with what Meta said of them (the fourth, settled later, may be told with Done's flush).
    expect(new Set(withPermission.map((outcome) => outcome.username))).toEqual(new Set(usernames(4).slice(1)));
    for (const outcome of withPermission) expect(outcome.permissionId).toBe(own.get(outcome.username!));
    expect([...deliveredSends().values()].every((times) => times === 1)).toBe(true);
  });

  it('waits for a new login when the session expires, then goes on', async () => {
    const { runner, store, relogin } = setup();
    simulator().state.expireAllTokens();
    const job = await runner.create(bulkJob('send', usernames(5)));
    await vi.waitFor(async () => expect(await store.get(job.id)).toMatchObject({ state: 'waiting', waitingFor: 'login' }));
    relogin();
    await runner.resumeAfterLogin();
    expect((await finished(store, job.id)).sent).toBe(5);
  });

  it('pauses, resumes and cancels', async () => {
    const { runner, store } = setup();
    simulator().state.controls.latencyMs = 100;
    const job = await runner.create(bulkJob('revoke', usernames(150, 'gone')));
    await runner.pause(job.id);
    await vi.waitFor(async () => expect((await store.countIn(job.id, 'in-flight')) + (await store.countIn(job.id, 'unknown'))).toBe(0));
    const queuedWhilePaused = await store.countIn(job.id, 'queued');
    expect(queuedWhilePaused).toBeGreaterThan(0);
    // Paused, and stays so: a round that sent nothing after the pause does not call the job done.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await store.get(job.id))?.state).toBe('paused');
    await runner.cancel(job.id);
    const items = await store.items(job.id);
    expect(items.filter((item) => item.state === 'skipped').every((item) => english(item.reason) === 'Cancelled before it was sent')).toBe(
      true,
    );
    expect((await store.get(job.id))?.state).toBe('cancelled');
  });

  it('backs even a short wait with an alarm; a restarted worker runs it when it is due, by itself', async () => {
    const first = setup();
    // This worker is stopped during its in-place wait: the wait never ends for it.
    const stopped = createJobRunner({ ...first.deps, sleep: () => new Promise<void>(() => {}) });
    // High usage: the next batch waits a few seconds, in place.
    simulator().state.controls.callsPerMinuteBudget = 60;
    const job = await stopped.create(bulkJob('send', usernames(80, 'short')));
    await vi.waitFor(async () => expect(await first.store.get(job.id)).toMatchObject({ state: 'waiting', waitingFor: 'time' }), {
      timeout: 5000,
      interval: 5,
    });
    const waiting = (await first.store.get(job.id))!;
    expect(waiting.resumeAt! - Date.now()).toBeLessThan(25_000);
    expect(first.wakeAt).toHaveBeenCalledWith(waiting.resumeAt);
    // A new worker starts when the alarm fires.
    simulator().state.controls.callsPerMinuteBudget = 100_000;
    const restarted = createJobRunner({ ...setup().deps, store: first.store, now: () => waiting.resumeAt! + 1 });
    await restarted.recover();
    const counts = await finished(first.store, job.id);
    expect(counts.sent).toBe(80);
    expect([...deliveredSends().values()].every((times) => times === 1)).toBe(true);
  });

  it('on start, schedules the alarm for a wait that is not due yet', async () => {
    const { runner, store, wakeAt } = setup();
    const job = await runner.create({ ...bulkJob('send', usernames(3)), state: 'planned' });
    const resumeAt = Date.now() + 10 * 60_000;
    await store.update(job.id, { state: 'waiting', waitingFor: 'time', resumeAt });
    await runner.recover();
    await vi.waitFor(() => expect(wakeAt).toHaveBeenCalledWith(resumeAt));
    expect((await store.get(job.id))?.state).toBe('waiting');
    expect(simulator().state.log).toEqual([]);
  });

  it('records a send Meta applied before answering 5xx as Sent, confirmed with Meta, never Failed', async () => {
    const { runner, store, audit } = setup();
    simulator().state.controls.appliedFailureRate = 0.3;
    const job = await runner.create(bulkJob('send', usernames(100, 'applied')));
    const counts = await finished(store, job.id);
    expect(counts).toMatchObject({ sent: 100, failed: 0 });
    const applied = simulator()
      .state.log.filter((entry) => entry.applied && entry.status === 500)
      .map((entry) => entry.params.creator_instagram_username);
    expect(applied.length).toBeGreaterThan(10);
    const items = await store.items(job.id);
    for (const username of applied)
      expect(items.find((item) => item.username === username)).toMatchObject({ state: 'sent', reason: CONFIRMED_WITH_META });
    // Each creator's request was applied exactly once.
    const appliedPerCreator = new Map<string, number>();
    for (const entry of simulator().state.log)
      if (entry.applied)
        appliedPerCreator.set(
          entry.params.creator_instagram_username!,
          (appliedPerCreator.get(entry.params.creator_instagram_username!) ?? 0) + 1,
        );
    expect(appliedPerCreator.size).toBe(100);
    expect([...appliedPerCreator.values()].every((times) => times === 1)).toBe(true);
    expect((await audit.list()).filter((entry) => entry.outcome === 'Sent')).toHaveLength(100);
  });

  it('runs a single action before the rest of a long bulk job', async () => {
    const { runner, store } = setup();
    simulator().state.controls.latencyMs = 30;
    const bulk = await runner.create(bulkJob('send', usernames(400, 'long')));
    await vi.waitFor(() => expect(deliveredSends().size).toBeGreaterThan(0));
    const single = await runner.create({
      kind: 'send',
      origin: 'single',
      brandIgId: NORTHWIND,
      brandUsername: 'northwind.outdoor',
      creators: [{ username: 'in.a.hurry' }],
      state: 'running',
    });
    expect((await runner.settled(single.id)).state).toBe('done');
    expect(await store.countIn(bulk.id, 'queued')).toBeGreaterThan(100);
    await finished(store, bulk.id);
  });

  it('a token Meta refuses inside a batch is renewed silently, and the job goes on', async () => {
    const { runner, store, deps, relogin } = setup();
    simulator().state.expireAllTokens();
    deps.renewSession.mockImplementation(async () => {
      relogin();
      return true;
    });
    const job = await runner.create(bulkJob('send', usernames(5, 'renewed')));
    expect((await finished(store, job.id)).sent).toBe(5);
    expect(deps.renewSession).toHaveBeenCalledTimes(1);
  });
});
