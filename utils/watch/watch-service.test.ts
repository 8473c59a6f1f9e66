import { describe, expect, it, vi } from 'vitest';
import { createGraphCache } from '../cache/graph-cache';
import { openCollabDeskDb } from '../background/database';
import type { PartnershipPermission } from '../partnerships/permission-record';
import { createWatchService } from './watch-service';
import { createWatchStore } from './watch-store';
import { WATCH_NEW_BRANDS_PER_CYCLE } from './watch-settings';

/** The watch over a fresh database, with these brands and lists; Meta has no pending creator to answer for. */
function watchOver(
  name: string,
  brands: Array<{ igId: string; username: string }>,
  brandList: (brandIgId: string) => Promise<PartnershipPermission[]>,
) {
  const db = openCollabDeskDb(name);
  const watch = createWatchService({
    store: createWatchStore(db),
    cache: createGraphCache(db),
    partnerships: { lookupMany: async () => [], rememberFetched: async () => [] },
    currentUserId: async () => 'u1',
    readyBrands: async () => brands,
    brandList,
    onNews: async () => {},
  });
  return { watch, lastSeen: () => createWatchStore(db).lastSeen() };
}

describe('the approvals watch over many brands', () => {
  it('reads the lists of a few new brands a cycle, never all of an agency at once, until every brand has had its first look', async () => {
    const brands = Array.from({ length: 12 }, (_, index) => ({ igId: String(1000 + index), username: `brand${index}` }));
    const brandList = vi.fn(async () => []);
    const { watch, lastSeen } = watchOver('watch-service-many-brands', brands, brandList);
    const read = async () => {
      brandList.mockClear();
      await watch.run();
      return brandList.mock.calls.length;
    };
    expect(await read()).toBe(WATCH_NEW_BRANDS_PER_CYCLE);
    expect(await read()).toBe(WATCH_NEW_BRANDS_PER_CYCLE);
    expect(await read()).toBe(12 - 2 * WATCH_NEW_BRANDS_PER_CYCLE);
    expect(await read()).toBe(0);
    expect((await lastSeen()).size).toBe(12);
  });

  it('leaves a brand whose list Meta refuses for a later cycle and watches the others', async () => {
    const brands = [
      { igId: '1', username: 'refused' },
      { igId: '2', username: 'fine' },
    ];
    const { watch, lastSeen } = watchOver('watch-service-refused-list', brands, async (brandIgId) => {
      if (brandIgId === '1') throw new Error('refused');
      return [];
    });
    await expect(watch.run()).resolves.toMatchObject({ found: 0 });
    expect([...(await lastSeen()).keys()]).toEqual(['2']);
  });
});
