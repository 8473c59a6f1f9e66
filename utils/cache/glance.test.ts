import { describe, expect, it } from 'vitest';
import { openCollabDeskDb } from '../background/database';
import type { AuthState } from '../auth/auth-state';
import type { CacheEntry } from './cache-entry';
import { cacheKeyText } from './cache-keys';
import { openCachePeek } from './cache-peek';
import { readGlance, type GlanceSource } from './glance';
import { createGraphCache } from './graph-cache';

const NOW = 1_800_000_000_000;
const USER = { id: '10', name: 'Dana' };
const signedIn: AuthState = { status: 'signed-in', user: USER, expiresAt: NOW + 3_600_000, declinedScopes: [] };
const ALL = ['pages_show_list', 'instagram_basic', 'instagram_branded_content_ads_brand', 'business_management'];
const access = {
  pages: [
    { id: 'p1', name: 'Northwind', tasks: ['ADVERTISE'], instagram_business_account: { id: '1001', username: 'northwind' } },
    { id: 'p2', name: 'Acme', tasks: ['MANAGE'], instagram_business_account: { id: '1002', username: 'acme' } },
  ],
  permissions: ALL.map((permission) => ({ permission, status: 'granted' })),
};
const entry = (key: string, value: unknown, fetchedAt = NOW - 1000): CacheEntry => ({ key, value, fetchedAt, ttlMs: 600_000 });
const accessKey = cacheKeyText({ area: 'access', userId: USER.id });
const listKey = (brandIgId: string) => cacheKeyText({ area: 'partnerships', userId: USER.id, brandIgId });
const creatorKey = (brandIgId: string, username: string) => cacheKeyText({ area: 'creator', userId: USER.id, brandIgId, username });

function source(entries: CacheEntry[], options: { auth?: AuthState | null; selected?: string } = {}) {
  const stored = new Map(entries.map((stored) => [stored.key, stored]));
  const peeks: string[][] = [];
  const glanceSource: GlanceSource = {
    auth: async () => ('auth' in options ? options.auth : signedIn),
    selectedBrand: async () => options.selected,
    peek: async (keys) => {
      peeks.push(keys);
      return new Map(keys.filter((key) => stored.has(key)).map((key) => [key, stored.get(key)!]));
    },
    keysFetchedAfter: async (fetchedAt) => entries.filter((each) => each.fetchedAt > fetchedAt).map((each) => each.key),
    now: () => NOW,
  };
  return { glanceSource, peeks };
}

describe('readGlance', () => {
  it('paints the chosen brand and the open profile creator from one read of the cache', async () => {
    const { glanceSource, peeks } = source(
      [
        entry(accessKey, access),
        entry(listKey('1002'), [{ creatorUsername: 'maya', status: 'APPROVED' }], NOW - 5000),
        entry(creatorKey('1002', 'maya'), { creatorUsername: 'maya', status: 'REVOKED' }, NOW - 100),
      ],
      { selected: '1002' },
    );
    const glance = await readGlance(glanceSource, 'maya');
    expect(glance?.auth).toEqual(signedIn);
    expect(glance?.access.overview.brands.map((brand) => brand.username)).toEqual(['northwind', 'acme']);
    expect(glance?.access.selectedBrandIgId).toBe('1002');
    // The creator's own lookup is newer than the list: it answers.
    expect(glance?.lookup).toMatchObject({ username: 'maya', brandIgId: '1002', permission: { status: 'REVOKED' }, fetchedAt: NOW - 100 });
    expect(peeks).toHaveLength(1);
  });

  it('with no brand chosen yet, reads the first ready brand in a second read; a creator the list lacks was never asked', async () => {
    const { glanceSource, peeks } = source([entry(accessKey, access), entry(listKey('1001'), [])]);
    const glance = await readGlance(glanceSource, 'new.one');
    expect(glance?.lookup).toMatchObject({ username: 'new.one', brandIgId: '1001', permission: undefined });
    // The overview, then the creator's lookup for that brand, then (none being cached) the brand's list.
    expect(peeks).toEqual([[accessKey], [creatorKey('1001', 'new.one')], [listKey('1001')]]);
  });

  it("reads the brand's list only when it may be newer than the creator's own lookup", async () => {
    const bigList = Array.from({ length: 10_000 }, (_, index) => ({ creatorUsername: `c${index}`, status: 'PENDING' }));
    const olderList = source(
      [
        entry(accessKey, access),
        entry(listKey('1001'), [...bigList, { creatorUsername: 'maya', status: 'PENDING' }], NOW - 5000),
        entry(creatorKey('1001', 'maya'), { creatorUsername: 'maya', status: 'APPROVED' }, NOW - 100),
      ],
      { selected: '1001' },
    );
    expect((await readGlance(olderList.glanceSource, 'maya'))?.lookup?.permission?.status).toBe('APPROVED');
    expect(olderList.peeks.flat()).not.toContain(listKey('1001'));

    const newerList = source(
      [
        entry(accessKey, access),
        entry(listKey('1001'), [{ creatorUsername: 'maya', status: 'APPROVED' }], NOW - 100),
        entry(creatorKey('1001', 'maya'), { creatorUsername: 'maya', status: 'PENDING' }, NOW - 5000),
      ],
      { selected: '1001' },
    );
    expect((await readGlance(newerList.glanceSource, 'maya'))?.lookup).toMatchObject({
      permission: { status: 'APPROVED' },
      fetchedAt: NOW - 100,
    });
    expect(newerList.peeks.flat()).toContain(listKey('1001'));
  });

  it('paints nothing when signed out, when the session has expired, or before the first overview is cached', async () => {
    expect(await readGlance(source([entry(accessKey, access)], { auth: null }).glanceSource, 'maya')).toBeUndefined();
    const expired: AuthState = { ...signedIn, expiresAt: NOW - 1 } as AuthState;
    expect(await readGlance(source([entry(accessKey, access)], { auth: expired }).glanceSource, 'maya')).toBeUndefined();
    expect(await readGlance(source([]).glanceSource, 'maya')).toBeUndefined();
  });

  it('without an open profile, paints the brands only', async () => {
    const glance = await readGlance(source([entry(accessKey, access)], { selected: '1001' }).glanceSource, undefined);
    expect(glance?.access.overview.brands).toHaveLength(2);
    expect(glance?.lookup).toBeUndefined();
  });
});

describe('openCachePeek', () => {
  it('reads entries the background wrote, and closes so the background can upgrade later', async () => {
    const cache = createGraphCache(openCollabDeskDb('peek-written'), () => NOW);
    await cache.write(accessKey, access, 600_000);
    const peek = openCachePeek('peek-written');
    const found = await peek.peek([accessKey, listKey('1001')]);
    peek.close();
    expect([...found.keys()]).toEqual([accessKey]);
    expect(found.get(accessKey)?.value).toEqual(access);
  });

  it('finds the keys fetched after a time from the index, and serves several reads on one connection', async () => {
    let clock = NOW;
    const cache = createGraphCache(openCollabDeskDb('peek-after'), () => clock);
    await cache.write(listKey('1001'), [], 600_000);
    clock = NOW + 10;
    await cache.write(accessKey, access, 600_000);
    const peek = openCachePeek('peek-after');
    expect(await peek.keysFetchedAfter(NOW)).toEqual([accessKey]);
    expect((await peek.keysFetchedAfter(NOW - 1)).sort()).toEqual([accessKey, listKey('1001')].sort());
    expect([...(await peek.peek([listKey('1001')])).keys()]).toEqual([listKey('1001')]);
    peek.close();
  });

  it('never creates the database: a page that peeks before the background ran leaves nothing behind', async () => {
    const peek = openCachePeek('peek-missing');
    expect((await peek.peek([accessKey])).size).toBe(0);
    peek.close();
    const names = (await indexedDB.databases()).map((database) => database.name);
    expect(names).not.toContain('peek-missing');
    // The background then creates it at the current version with every store.
    const db = await openCollabDeskDb('peek-missing');
    expect([...db.objectStoreNames].sort()).toEqual([
      'audit',
      'claims',
      'graph-cache',
      'job-items',
      'jobs',
      'notes',
      'watch',
      'watch-news',
    ]);
    db.close();
  });
});
