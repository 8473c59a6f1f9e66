import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openCollabDeskDb } from './database';
import { createGraphCache } from './graph-cache';

let now = 1_000_000;
let dbName = 0;

function freshCache() {
  dbName += 1;
  return createGraphCache(openCollabDeskDb(`cache-test-${dbName}`), () => now);
}

describe('graph cache', () => {
  beforeEach(() => {
    now = 1_000_000;
  });

  it('answers from IndexedDB while fresh, and calls the API again once stale', async () => {
    const cache = freshCache();
    const load = vi.fn(async () => ({ calls: load.mock.calls.length }));
    expect(await cache.readThrough('me', 60_000, load)).toEqual({ value: { calls: 1 }, fetchedAt: 1_000_000, fromCache: false });
    now += 59_999;
    expect(await cache.readThrough('me', 60_000, load)).toEqual({ value: { calls: 1 }, fetchedAt: 1_000_000, fromCache: true });
    now += 1;
    expect(await cache.readThrough('me', 60_000, load)).toMatchObject({ value: { calls: 2 }, fromCache: false });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('refreshes on demand even when fresh', async () => {
    const cache = freshCache();
    const load = vi.fn(async () => load.mock.calls.length);
    await cache.readThrough('k', 60_000, load);
    expect((await cache.readThrough('k', 60_000, load, true)).value).toBe(2);
  });

  it('keeps the old value when loading fails', async () => {
    const cache = freshCache();
    await cache.write('k', 'old', 1);
    now += 10;
    await expect(cache.readThrough('k', 1, async () => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    expect((await cache.read('k'))?.value).toBe('old');
  });

  it('forgets everything on clear', async () => {
    const cache = freshCache();
    await cache.write('a', 1, 1000);
    await cache.write('b', 2, 1000);
    await cache.clear();
    expect(await cache.read('a')).toBeUndefined();
    expect(await cache.read('b')).toBeUndefined();
  });
});
