import { describe, expect, it } from 'vitest';
import { openCollabDeskDb } from '../db/database';
import type { AuthState } from '../auth/auth-state';
import type { CacheEntry } from './cache-entry';
import { cacheKeyText } from './cache-keys';
import { peekCache } from './cache-peek';
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
    expect(peeks).toHaveLength(2);
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

describe('peekCache', () => {
  it('reads entries the background wrote, and closes so the background can upgrade later', async () => {
    const cache = createGraphCache(openCollabDeskDb('peek-written'), () => NOW);
    await cache.write(accessKey, access, 600_000);
    const found = await peekCache([accessKey, listKey('1001')], 'peek-written');
    expect([...found.keys()]).toEqual([accessKey]);
    expect(found.get(accessKey)?.value).toEqual(access);
  });

  it('never creates the database: a page that peeks before the background ran leaves nothing behind', async () => {
    expect((await peekCache([accessKey], 'peek-missing')).size).toBe(0);
    const names = (await indexedDB.databases()).map((database) => database.name);
    expect(names).not.toContain('peek-missing');
    // The background then creates it at the current version with every store.
    const db = await openCollabDeskDb('peek-missing');
    expect([...db.objectStoreNames].sort()).toEqual(['audit', 'graph-cache', 'job-items', 'jobs', 'notes', 'watch', 'watch-news']);
    db.close();
  });
});
