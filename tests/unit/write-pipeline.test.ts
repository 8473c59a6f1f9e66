import { describe, expect, it, vi } from 'vitest';
import { createAuditLog } from '@/utils/audit/audit-log';
import { createJobStore } from '@/utils/bulk/job-store';
import { createWritePipeline } from '@/utils/bulk/pipeline';
import { createJobRunner } from '@/utils/bulk/runner';
import { partnershipsWiring } from './support/partnerships-wiring';
import { useSimulator } from './support/use-simulator';
import { english, failure } from './support/english';
import { CONFIRMED_WITH_META } from '@/utils/bulk/item-outcome';

const NORTHWIND = '17841400000000001';

const simulator = useSimulator();

/** The background's write path as it is wired: partnerships service, job store, runner and pipeline over one database. */
function setup() {
  const { graph, db, service, calls, clock, advance } = partnershipsWiring(simulator());
  const store = createJobStore(db, clock);
  const audit = createAuditLog(db);
  const fetchBrandList = (brandIgId: string, usernames: readonly string[]) => service.freshListFor(brandIgId, usernames);
  const runner = createJobRunner({
    store,
    graph,
    readRecords: (brandIgId, creators) => service.readRecords(brandIgId, creators),
    rememberOutcomes: (brandIgId, outcomes) => service.rememberOutcomes(brandIgId, outcomes),
    onProgress: vi.fn(),
    renewSession: async () => false,
    wakeAt: vi.fn(),
    now: clock,
  });
  const pipeline = createWritePipeline({
    runner,
    store,
    fetchBrandList,
    brandUsernameOf: async () => 'northwind.outdoor',
    knownRecord: (brandIgId, creator) => service.knownRecord(brandIgId, creator),
    currentRecord: (brandIgId, username) => service.knownStanding(brandIgId, username),
    now: clock,
  });
  return { service, pipeline, runner, store, audit, calls, advance };
}

function simStatusOf(username: string): string | undefined {
  const creator = simulator().state.findCreator({ username })!;
  return simulator().state.world.permissions.find((p) => p.brandIgId === NORTHWIND && p.creatorId === creator.id)?.status;
}

const posts = () => simulator().state.log.filter((entry) => entry.method === 'POST' && entry.batchIndex !== undefined);

describe('write pipeline: single actions are jobs of one', () => {
  it('sends a request, then shows it pending from the cache; the audit names the brand by username', async () => {
    const { service, pipeline, calls, store, audit } = setup();
    await service.list(NORTHWIND);
    const sent = await pipeline.send(NORTHWIND, 'fresh.face');
    expect(sent).toMatchObject({ creatorUsername: 'fresh.face', status: 'PENDING' });
    expect(sent.id).toMatch(/^perm_/);
    expect(simStatusOf('fresh.face')).toBe('PENDING');
    const before = calls().length;
    expect((await service.lookup(NORTHWIND, 'fresh.face')).permission?.status).toBe('PENDING');
    expect((await service.list(NORTHWIND)).value[0]).toMatchObject({ creatorUsername: 'fresh.face', status: 'PENDING' });
    expect(calls().length).toBe(before);
    expect(await store.all()).toEqual([]);
    expect(await audit.list()).toMatchObject([
      { brandUsername: 'northwind.outdoor', creator: 'fresh.face', outcome: 'Sent', source: 'single' },
    ]);
  });

  it('revokes by the creator ID when it is known', async () => {
    const { service, pipeline } = setup();
    const { value } = await service.list(NORTHWIND);
    const approved = value.find((record) => record.status === 'APPROVED')!;
    const revoked = await pipeline.revoke(NORTHWIND, { username: approved.creatorUsername!, creatorId: approved.creatorId });
    expect(revoked.status).toBe('REVOKED');
    // The revoke keeps what was known of the request.
    expect(revoked).toMatchObject({ id: approved.id, requestedAt: approved.requestedAt });
    expect((await service.lookup(NORTHWIND, approved.creatorUsername!)).permission).toEqual(revoked);
    expect(simStatusOf(approved.creatorUsername!)).toBe('REVOKED');
    expect(posts().at(-1)!.params).toEqual({ creator_instagram_account: approved.creatorId, revoke: 'true' });
  });

  it('revokes a creator Meta names only by Instagram ID, by that ID', async () => {
    simulator().state.reset({ variants: true });
    const { service, pipeline } = setup();
    const nameless = (await service.list(NORTHWIND)).value.find((record) => record.creatorId && !record.creatorUsername)!;
    const revoked = await pipeline.revoke(NORTHWIND, { creatorId: nameless.creatorId });
    expect(revoked).toMatchObject({ creatorId: nameless.creatorId, status: 'REVOKED', id: nameless.id });
    expect(revoked.creatorUsername).toBeUndefined();
    expect(posts().at(-1)!.params).toEqual({ creator_instagram_account: nameless.creatorId, revoke: 'true' });
    expect(
      (await service.list(NORTHWIND)).value.filter((record) => record.creatorId === nameless.creatorId).map((record) => record.status),
    ).toEqual(['REVOKED']);
  });

  it('never sends a second request to a creator whose record Meta gave without a username', async () => {
    simulator().state.reset({ variants: true });
    const { service, pipeline } = setup();
    // The brand's list holds the approved record without a name: it cannot say variant.nameless was never asked.
    expect((await service.list(NORTHWIND)).value.some((record) => !record.creatorUsername && record.status === 'APPROVED')).toBe(true);
    expect(await failure(pipeline.send(NORTHWIND, 'variant.nameless'))).toMatchObject({
      kind: 'invalid-request',
      message: '@variant.nameless is already Approved for @northwind.outdoor; no second request is sent.',
    });
    expect(posts()).toEqual([]);
    expect((await service.lookup(NORTHWIND, 'variant.nameless')).permission?.status).toBe('APPROVED');
  });

  it('plans a bulk send over nameless records by asking Meta about the creators the list does not name', async () => {
    simulator().state.reset({ variants: true });
    const { pipeline } = setup();
    const plan = await pipeline.plan({
      kind: 'send',
      brandIgId: NORTHWIND,
      usernames: ['variant.nameless', 'variant.sdk', 'fresh.face'],
      invalid: [],
    });
    expect(plan.steps.map((step) => [step.username, step.run, english(step.note)])).toEqual([
      ['variant.nameless', false, 'Already approved'],
      ['variant.sdk', false, 'Already approved'],
      ['fresh.face', true, 'New request'],
    ]);
    expect(plan.toRun).toBe(1);
  });

  it.each([
    ['variant.nameless', '@variant.nameless is already Approved for @northwind.outdoor; no second request is sent.'],
    ['variant.review', /does not know \(IN_REVIEW\)/],
  ])('looks %s up by name before a send kept while Meta could not be asked goes out, and sends nothing', async (username, words) => {
    simulator().state.reset({ variants: true });
    const { pipeline, advance, audit } = setup();
    simulator().state.throttle = { code: 80002, afterCalls: 0, durationMs: 60_000 };
    expect(await failure(pipeline.send(NORTHWIND, username))).toMatchObject({ kind: 'rate-limited' });
    const [kept] = await pipeline.keptActions();
    simulator().state.throttle = undefined;
    advance(60_000);
    simulator().state.log = [];
    expect(await failure(pipeline.retryKept(kept!.id))).toMatchObject({ kind: 'invalid-request', message: expect.stringMatching(words) });
    // One lookup by name (not the brand's whole list), and no send.
    const edgeCalls = simulator().state.log.filter((entry) => entry.path.endsWith('branded_content_ad_permissions'));
    expect(edgeCalls.map((entry) => [entry.method, entry.path, entry.query.creator_username])).toEqual([
      ['GET', `${NORTHWIND}/branded_content_ad_permissions`, username],
    ]);
    expect(simulator().state.log).toHaveLength(2);
    expect(await pipeline.keptActions()).toEqual([]);
    // The Activity log says what became of the kept send, also when nobody waits on it.
    expect((await audit.list()).map((entry) => [entry.creator, entry.outcome, english(entry.reason)])).toEqual([
      [username, 'Skipped', expect.stringMatching(words)],
    ]);
  });

  it('sends a kept send once the lookup by name finds the creator was never asked', async () => {
    const { pipeline, advance } = setup();
    simulator().state.throttle = { code: 80002, afterCalls: 0, durationMs: 60_000 };
    expect(await failure(pipeline.send(NORTHWIND, 'later.too'))).toMatchObject({ kind: 'rate-limited' });
    const [kept] = await pipeline.keptActions();
    simulator().state.throttle = undefined;
    advance(60_000);
    expect(await pipeline.retryKept(kept!.id)).toMatchObject({ creatorUsername: 'later.too', status: 'PENDING' });
    expect(posts().map((entry) => entry.params.creator_instagram_username)).toEqual(['later.too']);
  });

  it('passes on a check Meta refuses for a reason waiting cannot fix, sends nothing and keeps nothing', async () => {
    const { pipeline, store } = setup();
    // Nothing cached: the creator is looked up first, and Meta refuses that read (the token lost a permission).
    for (const issued of simulator().state.tokens.values()) issued.scopes = issued.scopes.filter((scope) => scope !== 'instagram_basic');
    expect(await failure(pipeline.send(NORTHWIND, 'fresh.face'))).toMatchObject({ kind: 'permission-missing' });
    expect(posts()).toEqual([]);
    expect(await pipeline.keptActions()).toEqual([]);
    expect(await store.all()).toEqual([]);
  });

  it('passes on a refusal in Meta words and keeps nothing', async () => {
    const { pipeline, store, audit } = setup();
    expect(await failure(pipeline.send(NORTHWIND, 'ghost.account'))).toMatchObject({
      kind: 'invalid-request',
      message: expect.stringContaining('Creator not found'),
    });
    expect(await pipeline.keptActions()).toEqual([]);
    expect(await store.all()).toEqual([]);
    expect((await audit.list())[0]).toMatchObject({ outcome: 'Failed', creator: 'ghost.account' });
  });

  it('keeps a throttled send with the time to retry, and sends it on retry', async () => {
    const { pipeline, advance } = setup();
    simulator().state.throttle = { code: 80002, afterCalls: 0, durationMs: 60_000 };
    expect(await failure(pipeline.send(NORTHWIND, 'later.please'))).toMatchObject({
      kind: 'rate-limited',
      message: expect.stringContaining('The request for @later.please is kept'),
    });
    const [kept] = await pipeline.keptActions();
    expect(kept).toMatchObject({ kind: 'send', username: 'later.please', brandUsername: 'northwind.outdoor' });
    // Code 80002 with no time left in the window still closes the gate for a minute: nothing goes out.
    expect(kept!.retryAt! - Date.now()).toBeGreaterThanOrEqual(59_000);
    simulator().state.throttle = undefined;
    const callsBefore = simulator().state.log.length;
    expect(await failure(pipeline.retryKept(kept!.id))).toMatchObject({ kind: 'rate-limited' });
    expect(simulator().state.log.length).toBe(callsBefore);
    advance(60_000);
    await pipeline.retryKept(kept!.id);
    expect(simStatusOf('later.please')).toBe('PENDING');
    expect(await pipeline.keptActions()).toEqual([]);
  });

  it('Discard forgets a kept action and sends nothing', async () => {
    const { pipeline, store } = setup();
    simulator().state.expireAllTokens();
    expect(await failure(pipeline.send(NORTHWIND, 'never.mind'))).toMatchObject({ kind: 'session-expired' });
    const [kept] = await pipeline.keptActions();
    await pipeline.discardKept(kept!.id);
    expect(await pipeline.keptActions()).toEqual([]);
    expect(await store.all()).toEqual([]);
    expect(posts().filter((entry) => entry.status === 200)).toEqual([]);
  });

  it('after an interruption, checks with Meta before sending again, so nothing is sent twice', async () => {
    const { pipeline, runner, store } = setup();
    await pipeline.send(NORTHWIND, 'went.through');
    // As if the worker stopped after Meta got the request but before the answer was recorded.
    const job = await runner.create({
      kind: 'send',
      origin: 'single',
      brandIgId: NORTHWIND,
      brandUsername: 'northwind.outdoor',
      creators: [{ username: 'went.through' }],
      state: 'planned',
    });
    const [item] = await store.items(job.id);
    await store.putItems([{ ...item!, state: 'in-flight' }]);
    await store.update(job.id, { state: 'running' });
    const sendsBefore = posts().length;
    await runner.recover();
    const settled = await runner.settled(job.id);
    expect(settled.state).toBe('done');
    expect((await store.items(job.id))[0]).toMatchObject({ state: 'sent', reason: CONFIRMED_WITH_META });
    expect(posts().length).toBe(sendsBefore);
  });
});

describe('write pipeline: bulk dry runs are planned in the background', () => {
  it("plans on Meta's fresh list, not a stale cache, and Confirm runs exactly that plan", async () => {
    const { service, pipeline, store } = setup();
    await service.list(NORTHWIND);
    // The creator approves after the list was cached: the plan must see it.
    const [pendingNow] = simulator().state.world.permissions.filter(
      (permission) => permission.brandIgId === NORTHWIND && permission.status === 'REVOKED',
    );
    const creator = simulator().state.world.creators.find((candidate) => candidate.id === pendingNow!.creatorId)!;
    pendingNow!.status = 'APPROVED';
    const plan = await pipeline.plan({
      kind: 'send',
      brandIgId: NORTHWIND,
      usernames: [creator.username, 'brand.new.one'],
      invalid: [{ input: 'x..y' }],
    });
    expect(plan).toMatchObject({ toRun: 1, invalid: 1, brandUsername: 'northwind.outdoor' });
    expect(plan.counts.map(([note, count]) => [english(note), count])).toEqual([
      ['Already approved', 1],
      ['New request', 1],
    ]);
    expect((await store.get(plan.jobId))?.state).toBe('planned');
    expect(posts()).toEqual([]);
    await pipeline.confirm(plan.jobId);
    await vi.waitFor(async () => expect((await store.get(plan.jobId))?.state).toBe('done'));
    expect(posts().map((entry) => entry.params.creator_instagram_username)).toEqual(['brand.new.one']);
    expect((await store.items(plan.jobId)).map((item) => [item.username, item.state])).toEqual([
      ['brand.new.one', 'sent'],
      [creator.username, 'skipped'],
      ['x..y', 'skipped'],
    ]);
  });

  it("another tab's recent dry run stands beside a new one; one left for over an hour is cleared and cannot be confirmed", async () => {
    const { pipeline, store, advance } = setup();
    const first = await pipeline.plan({ kind: 'send', brandIgId: NORTHWIND, usernames: ['one.more'], invalid: [] });
    const second = await pipeline.plan({ kind: 'send', brandIgId: NORTHWIND, usernames: ['two.more'], invalid: [] });
    expect(await store.get(first.jobId)).toMatchObject({ state: 'planned' });
    advance(61 * 60_000);
    const third = await pipeline.plan({ kind: 'send', brandIgId: NORTHWIND, usernames: ['three.more'], invalid: [] });
    expect(await store.get(first.jobId)).toBeUndefined();
    expect(await store.get(second.jobId)).toBeUndefined();
    expect(await failure(pipeline.confirm(first.jobId))).toMatchObject({ kind: 'invalid-request' });
    await pipeline.discardPlan(third.jobId);
    expect(await store.all()).toEqual([]);
  });
});
