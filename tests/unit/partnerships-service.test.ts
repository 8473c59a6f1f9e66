import { describe, expect, it, vi } from 'vitest';
import { statusWord } from '@/utils/partnerships/status';
import { UNSAFE_CREATOR_ID, VARIANT_RECORDS } from '../simulator/demo-data';
import { partnershipsWiring } from './support/partnerships-wiring';
import { useSimulator } from './support/use-simulator';
import { english, failure } from './support/english';

const NORTHWIND = '17841400000000001';

const simulator = useSimulator();

function setup() {
  return partnershipsWiring(simulator());
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
    const statuses = new Set(value.map((record) => english(statusWord(record.status))));
    expect(statuses).toEqual(new Set(['Approved', 'Pending', 'Revoked', 'Rejected', 'Canceled', 'Expired']));
  });

  it('reads every record of the variant world: none blank, every status word right, the nameless one by ID, every digit of IDs sent as numbers', async () => {
    simulator().state.reset({ variants: true });
    const { service } = setup();
    const { value } = await service.list(NORTHWIND);
    const creators = new Map(simulator().state.world.creators.map((creator) => [creator.username, creator.id]));
    for (const variant of VARIANT_RECORDS) {
      const id = creators.get(variant.username)!;
      const record = value.find(
        (candidate) =>
          candidate.creatorId === id ||
          candidate.creatorUsername === variant.username ||
          (variant.shape === 'sdk' && candidate.id?.startsWith('perm_variant_13')),
      );
      expect(record, variant.username).toBeDefined();
      expect(english(statusWord(record!.status)), variant.username).toBe(variant.word);
      if (variant.shape !== 'no-username' && variant.shape !== 'sdk') expect(record!.creatorUsername, variant.shape).toBe(variant.username);
      if (variant.shape !== 'sdk') expect(record!.creatorId, variant.shape).toBe(id);
      if (!['sdk', 'guide', 'odd-types'].includes(variant.shape)) expect(record!.requestedAt, variant.shape).toMatch(/^2026-01-/);
    }
    expect(value.find((record) => record.creatorUsername === 'variant.numeric')!.creatorId).toBe(UNSAFE_CREATOR_ID);
    expect(value.every((record) => record.status !== '')).toBe(true);
  });

  it('ends a list whose paging goes round in circles with a clear error, after a bounded number of calls', async () => {
    simulator().state.controls.repeatPagingCursor = true;
    const { service, calls } = setup();
    expect(await failure(service.list(NORTHWIND))).toMatchObject({
      kind: 'unexpected-response',
      message: expect.stringContaining('same page'),
    });
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

  it("takes no nameless record as a creator's when Meta ignored the creator_username filter (it listed other creators)", async () => {
    simulator().state.reset({ variants: true });
    simulator().state.controls.ignoreCreatorFilter = true;
    const { service } = setup();
    expect((await service.lookup(NORTHWIND, 'never.asked.before')).permission).toBeUndefined();
    expect((await service.lookup(NORTHWIND, 'variant.reference')).permission?.status).toBe('APPROVED');
  });

  it('reads records one creator at a time: a creator Meta failed to look up for a passing reason is left to be asked again, not the whole read failed', async () => {
    const { service } = setup();
    simulator().state.controls.failureRate = 1;
    expect(await service.readRecords(NORTHWIND, [{ username: 'first.one' }, { username: 'second.one' }])).toEqual([null, null]);
  });

  it('answers lookups from the cached brand list, "not requested" included', async () => {
    const { service, calls } = setup();
    await service.list(NORTHWIND);
    const before = calls().length;
    expect((await service.lookup(NORTHWIND, 'nobody.asked.yet')).permission).toBeUndefined();
    expect(calls().length).toBe(before);
  });

  it("puts a job's outcomes into the brand's list and the creators' cached lookups, making no lookup for creators without one", async () => {
    const { service, cache, calls } = setup();
    // A lookup made before the list was cached is a cache entry of its own.
    await service.lookup(NORTHWIND, 'maya.trails');
    await service.list(NORTHWIND);
    const lookups = async () => (await cache.readPrefix('')).filter((entry) => entry.key.includes('creator'));
    const before = await lookups();
    expect(before).toHaveLength(1);
    const names = Array.from({ length: 300 }, (_, index) => `bulk.new${index}`);
    await service.rememberOutcomes(NORTHWIND, [
      { username: 'maya.trails', status: 'REVOKED' },
      ...names.map((username) => ({ username, status: 'PENDING' })),
    ]);
    // The lookup cached before shows the revoke; the 300 others are answered by the list.
    const after = await lookups();
    expect(after.map((entry) => entry.key)).toEqual(before.map((entry) => entry.key));
    expect(after[0]!.value).toMatchObject({ creatorUsername: 'maya.trails', status: 'REVOKED' });
    const callsBefore = calls().length;
    expect((await service.lookup(NORTHWIND, 'maya.trails')).permission?.status).toBe('REVOKED');
    expect((await service.lookup(NORTHWIND, 'bulk.new299')).permission?.status).toBe('PENDING');
    expect((await service.list(NORTHWIND)).value.filter((record) => record.creatorUsername?.startsWith('bulk.new'))).toHaveLength(300);
    expect(calls().length).toBe(callsBefore);
  });

  it("keeps the person's send or revoke over an older answer the watch brings, also for a creator without a cached lookup", async () => {
    const { service, clock, advance } = setup();
    await service.list(NORTHWIND);
    const askedAt = clock();
    advance(1000);
    await service.rememberOutcomes(NORTHWIND, [{ username: 'nobody.asked.yet', status: 'PENDING' }]);
    advance(1000);
    // The watch's answer was asked for before the send: it must not write "not requested" back.
    const kept = await service.rememberFetched(
      NORTHWIND,
      [{ creatorUsername: 'nobody.asked.yet', status: 'REVOKED', brandIgId: NORTHWIND }],
      askedAt,
    );
    expect(kept).toEqual(['nobody.asked.yet']);
    expect((await service.lookup(NORTHWIND, 'nobody.asked.yet')).permission?.status).toBe('PENDING');
  });
});
