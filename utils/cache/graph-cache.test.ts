import { beforeEach, describe, expect, it } from 'vitest';
import { openCollabDeskDb } from '../db/database';
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

  it('keeps a value with when it was fetched, fresh until its time to live has passed', async () => {
    const cache = freshCache();
    await cache.write('me', { name: 'Dana' }, 60_000);
    const entry = (await cache.read<{ name: string }>('me'))!;
    expect(entry).toEqual({ key: 'me', value: { name: 'Dana' }, fetchedAt: 1_000_000, ttlMs: 60_000 });
    now += 59_999;
    expect(cache.isFresh(entry)).toBe(true);
    now += 1;
    expect(cache.isFresh(entry)).toBe(false);
  });

  it('changes a value in place without making it look newer, and ignores absent keys', async () => {
    const cache = freshCache();
    await cache.write('list', [1, 2], 60_000);
    now += 30_000;
    await cache.update<number[]>('list', (list) => [...list, 3]);
    await cache.update<number[]>('absent', (list) => [...list, 3]);
    expect(await cache.read('list')).toEqual({ key: 'list', value: [1, 2, 3], fetchedAt: 1_000_000, ttlMs: 60_000 });
    expect(await cache.read('absent')).toBeUndefined();
  });

  it('removes one key, or everything on clear', async () => {
    const cache = freshCache();
    await cache.write('a', 1, 1000);
    await cache.write('b', 2, 1000);
    await cache.write('c', 3, 1000);
    await cache.remove('a');
    expect(await cache.read('a')).toBeUndefined();
    expect((await cache.read('b'))?.value).toBe(2);
    await cache.clear();
    expect(await cache.read('b')).toBeUndefined();
    expect(await cache.read('c')).toBeUndefined();
  });
});
