import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createWatchService } from '@/utils/watch/watch-service';
import { createWatchStore } from '@/utils/watch/watch-store';
import { SimulatorControl } from '../simulator/control';
import { DEMO_BRANDS } from '../simulator/demo-data';
import { partnershipsWiring } from './support/partnerships-wiring';
import { useSimulator } from './support/use-simulator';

const simulator = useSimulator();
const control = () => new SimulatorControl(simulator().url);
/** Three brands the person may manage partnership ads for: the demo's two and an agency client's. */
const CLIENT_BRAND = '17841470000000001';
const BRANDS = [DEMO_BRANDS.northwind.id, DEMO_BRANDS.lumen.id, CLIENT_BRAND];
beforeEach(() => simulator().state.reset({ agency: { brands: 1, creatorsPerBrand: 20, northwindCreators: 0 } }));

/** HTTP requests the simulator served: batch requests count once, however many items they carry. */
function httpRequests() {
  return simulator().state.log.filter((entry) => entry.batchIndex === undefined);
}

/** A creator with a record for the first brand only, and none for the others. */
function creatorOfFirstBrandOnly(): string {
  const { world } = simulator().state;
  const byBrand = (brandIgId: string) => new Set(world.permissions.filter((p) => p.brandIgId === brandIgId).map((p) => p.creatorId));
  const creator = world.creators.find(
    (candidate) =>
      byBrand(BRANDS[0]!).has(candidate.id) && !byBrand(BRANDS[1]!).has(candidate.id) && !byBrand(BRANDS[2]!).has(candidate.id),
  )!;
  return creator.username;
}

describe("a creator's standing with every brand", () => {
  it('asks for every brand in one batch request when the cache is cold, and makes none when warm', async () => {
    const { service } = partnershipsWiring(simulator());
    const username = creatorOfFirstBrandOnly();
    await control().clearLog();
    const cold = await service.standings(BRANDS, username);
    expect(httpRequests()).toHaveLength(1);
    expect(httpRequests()[0]).toMatchObject({ method: 'POST', batchSize: 3 });
    expect(cold.map((row) => row.brandIgId)).toEqual(BRANDS);
    expect(cold[0]!.permission?.creatorUsername).toBe(username);
    expect(cold.slice(1).map((row) => row.permission)).toEqual([undefined, undefined]);

    await control().clearLog();
    const warm = await service.standings(BRANDS, username);
    expect(httpRequests()).toHaveLength(0);
    expect(warm.map((row) => row.permission?.status)).toEqual(cold.map((row) => row.permission?.status));
  });

  it('answers a stale brand at once and refreshes all stale brands behind, together', async () => {
    const { service, advance, onChange } = partnershipsWiring(simulator());
    const username = creatorOfFirstBrandOnly();
    await service.standings(BRANDS, username);
    advance(3 * 60_000);
    await control().clearLog();
    const stale = await service.standings(BRANDS, username);
    expect(stale.every((row) => row.refreshing)).toBe(true);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(3));
    expect(httpRequests()).toHaveLength(1);
  });

  it("shows one brand's refusal in its row only, and asks again next time (a refusal is not cached)", async () => {
    const { service } = partnershipsWiring(simulator());
    const username = creatorOfFirstBrandOnly();
    const rows = await service.standings([BRANDS[0]!, DEMO_BRANDS.harbor.id], username);
    expect(rows[0]!.error).toBeUndefined();
    expect(rows[0]!.permission?.creatorUsername).toBe(username);
    expect(rows[1]!.error?.kind).toBe('permission-missing');
    await control().clearLog();
    await service.standings([BRANDS[0]!, DEMO_BRANDS.harbor.id], username);
    expect(httpRequests()).toMatchObject([{ batchSize: 1 }]);
  });

  it.each([
    ['Meta gave no answer for (null)', 'batchNullRate', 'temporary'],
    ['answered 200 with no readable list', 'batchUnreadableRate', 'unexpected-response'],
  ] as const)(
    'shows a batch item %s as an error of that brand, never "not requested", kept nowhere and asked again',
    async (_what, fault, kind) => {
      const { service } = partnershipsWiring(simulator());
      const username = creatorOfFirstBrandOnly();
      simulator().state.controls[fault] = 1;
      const rows = await service.standings(BRANDS, username);
      expect(rows.map((row) => [row.permission, row.error?.kind])).toEqual(BRANDS.map(() => [undefined, kind]));
      simulator().state.controls[fault] = 0;
      await control().clearLog();
      expect((await service.standings(BRANDS, username))[0]!.permission?.creatorUsername).toBe(username);
      expect(httpRequests()).toMatchObject([{ batchSize: 3 }]);
    },
  );
});

describe('the approvals watch over the simulator', () => {
  it('finds the creators who approved since it last looked, once, and asks only about pending ones', async () => {
    const wiring = partnershipsWiring(simulator());
    const { world } = simulator().state;
    const pendingOfLumen = world.permissions.filter((p) => p.brandIgId === DEMO_BRANDS.lumen.id && /^pending$/i.test(p.status));
    expect(pendingOfLumen.length).toBeGreaterThanOrEqual(2);
    const store = createWatchStore(wiring.db);
    const onNews = vi.fn(async () => {});
    const watch = createWatchService({
      store,
      cache: wiring.cache,
      partnerships: wiring.service,
      currentUserId: async () => 'u1',
      readyBrands: async () => [{ igId: DEMO_BRANDS.lumen.id, username: DEMO_BRANDS.lumen.username }],
      brandList: async (brandIgId) => (await wiring.service.list(brandIgId)).value,
      onNews,
      now: wiring.clock,
    });

    const baseline = await watch.run();
    expect(baseline.found).toBe(0);
    expect(baseline.checked).toBe(pendingOfLumen.length);

    const [first, second] = pendingOfLumen.map((p) => world.creators.find((creator) => creator.id === p.creatorId)!.username);
    await control().setPermissionStatus(DEMO_BRANDS.lumen.username, first!, 'APPROVED');
    await control().setPermissionStatus(DEMO_BRANDS.lumen.username, second!, 'APPROVED');
    await control().clearLog();
    const cycle = await watch.run();
    expect(cycle.found).toBe(2);
    expect((await store.news('u1')).map((news) => [news.creatorUsername, news.to]).sort()).toEqual(
      [
        [first, 'APPROVED'],
        [second, 'APPROVED'],
      ].sort(),
    );
    expect(onNews).toHaveBeenCalledTimes(1);
    // Reads only, in batch requests: nothing was sent or revoked.
    expect(httpRequests().every((entry) => entry.method === 'POST' && entry.batchSize !== undefined)).toBe(true);
    expect(
      simulator()
        .state.log.filter((entry) => entry.batchIndex !== undefined)
        .every((entry) => entry.method === 'GET'),
    ).toBe(true);
    // The cache shows what the watch saw.
    expect((await wiring.service.lookup(DEMO_BRANDS.lumen.id, first!)).permission?.status).toBe('APPROVED');

    const again = await watch.run();
    expect(again.found).toBe(0);
    expect(again.checked).toBe(pendingOfLumen.length - 2);
    const shown = await store.news('u1');
    const { id: _shownId, ...earlier } = shown[0]!;
    await store.keep([], [{ ...earlier, creatorUsername: 'found.meanwhile', foundAt: 2 }]);
    await store.markSeen(Math.max(...shown.map((entry) => entry.id)));
    // News found after the table was drawn is not marked as seen with it.
    expect((await store.news('u1')).map((entry) => entry.creatorUsername)).toEqual(['found.meanwhile']);
  });
});
