import { describe, expect, it, vi } from 'vitest';
import { createCachedReader } from '@/utils/cache/cached-reader';
import { openCollabDeskDb } from '@/utils/cache/database';
import { createGraphCache } from '@/utils/cache/graph-cache';
import { createGraphClient } from '@/utils/graph/client';
import { createPartnershipsService } from '@/utils/partnerships/partnerships-service';
import { statusWord } from '@/utils/partnerships/status';
import { UNSAFE_CREATOR_ID, VARIANT_RECORDS } from '../simulator/demo-data';
import { ALL_SCOPES, useSimulator } from './support/use-simulator';

let database = 0;
const NORTHWIND = '17841400000000001';

const simulator = useSimulator();

function setup() {
  let now = Date.now();
  const { token } = simulator().state.issueToken(ALL_SCOPES);
  const graph = createGraphClient({ graphOrigin: simulator().url, apiVersion: 'v25.0', getAccessToken: async () => token, now: () => now });
  database += 1;
  const db = openCollabDeskDb(`partnerships-test-${database}`);
  const cache = createGraphCache(db, () => now);
  const reader = createCachedReader(cache, () => {});
  const onChange = vi.fn();
  const service = createPartnershipsService({ graph, cache, reader, db, currentUserId: async () => 'u1', onChange, now: () => now });
  const calls = () => simulator().state.log.filter((entry) => entry.path.endsWith('branded_content_ad_permissions'));
  return { service, onChange, calls, db, advance: (ms: number) => (now += ms) };
}

function simStatusOf(username: string): string | undefined {
  const creator = simulator().state.findCreator({ username })!;
  return simulator().state.world.permissions.find((p) => p.brandIgId === NORTHWIND && p.creatorId === creator.id)?.status;
}

describe('partnerships service', () => {
  it('lists every permission of a brand across API pages', async () => {
    const { service, calls } = setup();
    const { value } = await service.list(NORTHWIND);
    const expected = simulator().state.world.permissions.filter((p) => p.brandIgId === NORTHWIND);
    expect(value).toHaveLength(expected.length);
    expect(calls().length).toBe(Math.ceil(expected.length / 100));
    expect(calls()[0]!.query.fields).toContain('permission_status');
  });

  it.each(['reference', 'guide', 'sdk'] as const)('falls back through the documented field sets (%s)', async (variant) => {
    simulator().state.controls.permissionFieldVariant = variant;
    const { service } = setup();
    const { value } = await service.list(NORTHWIND);
    expect(value.length).toBeGreaterThan(200);
    expect(value.every((record) => typeof record.status === 'string' && record.status !== 'UNKNOWN')).toBe(true);
    if (variant !== 'sdk') expect(value.every((record) => record.creatorUsername)).toBe(true);
  });

  it('keeps statuses Meta does not document, as received', async () => {
    const { service } = setup();
    const { value } = await service.list(NORTHWIND);
    const statuses = new Set(value.map((record) => statusWord(record.status)));
    expect(statuses).toEqual(new Set(['Approved', 'Pending', 'Revoked', 'Rejected', 'Canceled', 'Expired']));
  });

  it('reads every record of the variant world: none blank, every status word right, the nameless one by ID, every digit of IDs sent as numbers', async () => {
    simulator().state.reset({ variants: true });
    const { service } = setup();
    const { value } = await service.list(NORTHWIND);
    const creators = new Map(simulator().state.world.creators.map((creator) => [creator.username, creator.id]));
    for (const variant of VARIANT_RECORDS) {
      const id = creators.get(variant.username)!;
      const record = value.find((candidate) => candidate.creatorId === id || candidate.creatorUsername === variant.username || (variant.shape === 'sdk' && candidate.id?.startsWith('perm_variant_13')));
      expect(record, variant.username).toBeDefined();
      expect(statusWord(record!.status), variant.username).toBe(variant.word);
      if (variant.shape !== 'no-username' && variant.shape !== 'sdk') expect(record!.creatorUsername, variant.shape).toBe(variant.username);
      if (variant.shape !== 'sdk') expect(record!.creatorId, variant.shape).toBe(id);
      if (!['sdk', 'guide', 'odd-types'].includes(variant.shape)) expect(record!.requestedAt, variant.shape).toMatch(/^2026-01-/);
    }
    expect(value.find((record) => record.creatorUsername === 'variant.numeric')!.creatorId).toBe(UNSAFE_CREATOR_ID);
    expect(value.every((record) => record.status !== '')).toBe(true);
  });

  it('revokes a creator Meta names only by Instagram ID, by that ID', async () => {
    simulator().state.reset({ variants: true });
    const { service } = setup();
    const nameless = (await service.list(NORTHWIND)).value.find((record) => record.creatorId && !record.creatorUsername)!;
    const revoked = await service.revoke(NORTHWIND, { creatorId: nameless.creatorId });
    expect(revoked).toMatchObject({ creatorId: nameless.creatorId, status: 'REVOKED', id: nameless.id });
    const post = simulator().state.log.filter((entry) => entry.method === 'POST').at(-1)!;
    expect(post.params).toEqual({ creator_instagram_account: nameless.creatorId, revoke: 'true' });
    expect((await service.list(NORTHWIND)).value.filter((record) => record.creatorId === nameless.creatorId).map((record) => record.status)).toEqual(['REVOKED']);
  });

  it('ends a list whose paging goes round in circles with a clear error, after a bounded number of calls', async () => {
    simulator().state.controls.repeatPagingCursor = true;
    const { service, calls } = setup();
    await expect(service.list(NORTHWIND)).rejects.toMatchObject({ kind: 'unexpected-response', message: expect.stringContaining('same page') });
    // The first page, then the second, whose next cursor is the one just followed.
    expect(calls().length).toBe(2);
  });

  it('looks a creator up once, then answers repeated lookups from the cache', async () => {
    const { service, calls, advance } = setup();
    const first = await service.lookup(NORTHWIND, 'maya.trails');
    expect(first.permission?.creatorUsername).toBe('maya.trails');
    expect(calls()).toHaveLength(1);
    expect(calls()[0]!.query.creator_username).toBe('maya.trails');
    for (let i = 0; i < 5; i++) await service.lookup(NORTHWIND, 'maya.trails');
    expect(calls()).toHaveLength(1);
    advance(3 * 60_000);
    const stale = await service.lookup(NORTHWIND, 'maya.trails');
    expect(stale.refreshing).toBe(true);
    await vi.waitFor(() => expect(calls()).toHaveLength(2));
  });

  it('answers lookups from the cached brand list, "not requested" included', async () => {
    const { service, calls } = setup();
    await service.list(NORTHWIND);
    const before = calls().length;
    expect((await service.lookup(NORTHWIND, 'nobody.asked.yet')).permission).toBeUndefined();
    expect(calls().length).toBe(before);
  });

  it('sends a request, then shows it pending from the cache', async () => {
    const { service, calls, db } = setup();
    await service.list(NORTHWIND);
    const sent = await service.send(NORTHWIND, 'fresh.face');
    expect(sent).toMatchObject({ creatorUsername: 'fresh.face', status: 'PENDING' });
    expect(simStatusOf('fresh.face')).toBe('PENDING');
    const before = calls().length;
    expect((await service.lookup(NORTHWIND, 'fresh.face')).permission?.status).toBe('PENDING');
    expect((await service.list(NORTHWIND)).value[0]).toMatchObject({ creatorUsername: 'fresh.face', status: 'PENDING' });
    expect(calls().length).toBe(before);
    expect(await (await db).getAll('actions')).toEqual([]);
  });

  it('revokes by the creator ID when it is known', async () => {
    const { service } = setup();
    const { value } = await service.list(NORTHWIND);
    const approved = value.find((record) => record.status === 'APPROVED')!;
    const revoked = await service.revoke(NORTHWIND, { username: approved.creatorUsername!, creatorId: approved.creatorId });
    expect(revoked.status).toBe('REVOKED');
    // The revoke keeps what was known of the request.
    expect(revoked).toMatchObject({ id: approved.id, requestedAt: approved.requestedAt });
    expect((await service.lookup(NORTHWIND, approved.creatorUsername!)).permission).toEqual(revoked);
    expect(simStatusOf(approved.creatorUsername!)).toBe('REVOKED');
    const post = simulator().state.log.filter((entry) => entry.method === 'POST').at(-1)!;
    expect(post.params).toEqual({ creator_instagram_account: approved.creatorId, revoke: 'true' });
  });

  it('passes on a refusal in Meta words and keeps nothing', async () => {
    const { service, db } = setup();
    await expect(service.send(NORTHWIND, 'ghost.account')).rejects.toMatchObject({ kind: 'invalid-request', message: expect.stringContaining('Creator not found') });
    expect(await (await db).getAll('actions')).toEqual([]);
  });

  it('keeps a throttled send with the time to retry, and sends it on retry', async () => {
    const { service, advance } = setup();
    simulator().state.throttle = { code: 80002, afterCalls: 0, durationMs: 60_000 };
    await expect(service.send(NORTHWIND, 'later.please')).rejects.toMatchObject({ kind: 'rate-limited', message: expect.stringContaining('The request for @later.please is kept') });
    const [kept] = await service.keptActions();
    expect(kept).toMatchObject({ kind: 'send', username: 'later.please', state: 'kept' });
    // Code 80002 with no time left in the window still closes the gate for a minute: nothing goes out.
    expect(kept!.retryAt! - Date.now()).toBeGreaterThanOrEqual(59_000);
    simulator().state.throttle = undefined;
    const callsBefore = simulator().state.log.length;
    await expect(service.retryKept(kept!.id)).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(simulator().state.log.length).toBe(callsBefore);
    advance(60_000);
    await service.retryKept(kept!.id);
    expect(simStatusOf('later.please')).toBe('PENDING');
    expect(await service.keptActions()).toEqual([]);
  });

  it('after an interruption, checks with Meta before sending again, so nothing is sent twice', async () => {
    const { service, db } = setup();
    await service.send(NORTHWIND, 'went.through');
    // As if the worker stopped after Meta got the request but before the answer was recorded.
    const started = Date.now();
    await (await db).put('actions', { id: `${NORTHWIND}:send:went.through`, kind: 'send', brandIgId: NORTHWIND, username: 'went.through', state: 'in-flight', createdAt: started, updatedAt: started });
    await service.recoverInterrupted();
    const [kept] = await service.keptActions();
    expect(kept).toMatchObject({ outcomeUnknown: true, state: 'kept' });
    const sendsBefore = simulator().state.log.filter((entry) => entry.method === 'POST').length;
    expect((await service.retryKept(kept!.id)).status).toBe('PENDING');
    expect(simulator().state.log.filter((entry) => entry.method === 'POST').length).toBe(sendsBefore);
    expect(await service.keptActions()).toEqual([]);
  });
});
