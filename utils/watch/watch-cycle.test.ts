import { describe, expect, it } from 'vitest';
import type { PartnershipPermission } from '../partnerships/permission-record';
import type { CreatorAnswer } from '../partnerships/meta-permissions';
import { runWatchCycle, type BrandWatch, type WatchCycleDeps } from './watch-cycle';

const BRANDS = [
  { igId: 'b1', username: 'northwind' },
  { igId: 'b2', username: 'lumen' },
];

/** Meta as the watch sees it: each creator's record per brand (absent: no record). */
function meta(records: Record<string, PartnershipPermission | undefined>) {
  const asked: string[] = [];
  const lookupMany = async (requests: ReadonlyArray<{ brandIgId: string; username: string }>): Promise<CreatorAnswer[]> =>
    requests.map(({ brandIgId, username }) => {
      asked.push(`${brandIgId}/${username}`);
      const record = records[`${brandIgId}/${username}`];
      return { record: record ?? null };
    });
  return { asked, lookupMany };
}

function deps(overrides: Partial<WatchCycleDeps>): WatchCycleDeps {
  return {
    userId: 'u1',
    brands: BRANDS,
    lastSeen: new Map(),
    pendingInCache: async () => [],
    lookupMany: async () => [],
    maxLookups: 200,
    now: () => 1_000,
    ...overrides,
  };
}

const pending = (brandIgId: string, username: string, status = 'PENDING'): PartnershipPermission => ({
  brandIgId,
  creatorUsername: username,
  status,
});

describe('runWatchCycle', () => {
  it('reports creators who are pending no longer, per brand, and keeps watching the rest', async () => {
    const graph = meta({
      'b1/maya': { ...pending('b1', 'maya'), status: 'APPROVED', creatorId: '17841' },
      'b1/leo': pending('b1', 'leo', 'PENDING_APPROVAL'),
      'b2/ivy': { ...pending('b2', 'ivy'), status: 'SELF_REMOVED' },
    });
    const result = await runWatchCycle(
      deps({
        pendingInCache: async (brandIgId) => (brandIgId === 'b1' ? [pending('b1', 'maya'), pending('b1', 'leo')] : [pending('b2', 'ivy')]),
        lookupMany: graph.lookupMany,
      }),
    );
    expect(result.news.map((news) => [news.brandUsername, news.creatorUsername, news.from, news.to])).toEqual([
      ['northwind', 'maya', 'PENDING', 'APPROVED'],
      ['lumen', 'ivy', 'PENDING', 'SELF_REMOVED'],
    ]);
    expect(result.news[0]!.creatorId).toBe('17841');
    expect(result.watches.map((watch) => watch.creators.map((creator) => creator.username))).toEqual([['leo'], []]);
    expect(result.watches[0]!.creators[0]).toMatchObject({ status: 'PENDING_APPROVAL', checkedAt: 1_000 });
    expect(result.checked).toBe(3);
  });

  it('asks only about pending creators, and nothing when none is pending', async () => {
    const graph = meta({});
    const result = await runWatchCycle(deps({ lookupMany: graph.lookupMany }));
    expect(graph.asked).toEqual([]);
    expect(result).toMatchObject({ news: [], checked: 0, leftOver: 0 });
  });

  it('remembers what it saw: a creator pending last time is asked again even when the cache forgot them', async () => {
    const lastSeen = new Map<string, BrandWatch>([
      ['b2', { brandIgId: 'b2', userId: 'u1', checkedAt: 500, creators: [{ username: 'noah', status: 'PENDING', checkedAt: 500 }] }],
    ]);
    const graph = meta({ 'b2/noah': { ...pending('b2', 'noah'), status: 'REJECTED' } });
    const result = await runWatchCycle(deps({ lastSeen, lookupMany: graph.lookupMany }));
    expect(result.news).toMatchObject([{ creatorUsername: 'noah', from: 'PENDING', to: 'REJECTED' }]);
  });

  it("does not carry another person's watch over", async () => {
    const lastSeen = new Map<string, BrandWatch>([
      ['b1', { brandIgId: 'b1', userId: 'someone-else', checkedAt: 1, creators: [{ username: 'zara', status: 'PENDING', checkedAt: 1 }] }],
    ]);
    const graph = meta({});
    await runWatchCycle(deps({ lastSeen, lookupMany: graph.lookupMany }));
    expect(graph.asked).toEqual([]);
  });

  it('stays within its budget, least recently checked first, and leaves the rest for the next cycle', async () => {
    const creators = Array.from({ length: 5 }, (_, index) => ({ username: `c${index}`, status: 'PENDING', checkedAt: 100 - index }));
    const lastSeen = new Map<string, BrandWatch>([['b1', { brandIgId: 'b1', userId: 'u1', checkedAt: 100, creators }]]);
    const graph = meta(Object.fromEntries(creators.map((creator) => [`b1/${creator.username}`, pending('b1', creator.username)])));
    const result = await runWatchCycle(deps({ lastSeen, lookupMany: graph.lookupMany, maxLookups: 2 }));
    expect(graph.asked).toEqual(['b1/c4', 'b1/c3']);
    expect(result).toMatchObject({ checked: 2, leftOver: 3 });
  });

  it('keeps a creator whose answer failed or timed out, with no news, at the back of the queue', async () => {
    const lookupMany = async (): Promise<CreatorAnswer[]> => [null, { error: new Error('temporary') as never }];
    const result = await runWatchCycle(
      deps({ pendingInCache: async (brandIgId) => (brandIgId === 'b1' ? [pending('b1', 'maya'), pending('b1', 'leo')] : []), lookupMany }),
    );
    expect(result.news).toEqual([]);
    expect(result.watches[0]!.creators.map((creator) => [creator.username, creator.checkedAt])).toEqual([
      ['maya', 1_000],
      ['leo', 1_000],
    ]);
  });

  it('reports nothing for a request Meta does not list, without guessing why, and asks again in its turn', async () => {
    const graph = meta({});
    const result = await runWatchCycle(
      deps({ pendingInCache: async (brandIgId) => (brandIgId === 'b1' ? [pending('b1', 'gone')] : []), lookupMany: graph.lookupMany }),
    );
    expect(result.news).toEqual([]);
    expect(result.watches[0]!.creators).toMatchObject([{ username: 'gone', checkedAt: 1_000 }]);
  });
});
