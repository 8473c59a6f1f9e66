import { beforeEach, describe, expect, it } from 'vitest';
import { openCollabDeskDb } from '../background/database';
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

describe('graph cache bounds', () => {
  it('deletes entries past their age, then the oldest past the count, and keeps the newest', async () => {
    dbName += 1;
    let clock = 0;
    const cache = createGraphCache(openCollabDeskDb(`cache-bounds-${dbName}`), () => clock, {
      maxAgeMs: 1_000_000,
      maxEntries: 100,
      trimEvery: 1_000_000,
    });
    for (let index = 0; index < 150; index++) {
      clock = index * 10_000;
      await cache.write(`creator-${index}`, { index }, 60_000);
    }
    // Entries 0-49 are older than the age bound at the last write's time (1,490,000 - 1,000,000).
    expect(await cache.trim()).toBe(50);
    expect(await cache.read('creator-49')).toBeUndefined();
    expect(await cache.read('creator-50')).toBeDefined();
    clock = 10_000_000;
    await cache.write('newest', 1, 60_000);
    // Everything else is now past the age bound: only the newest stays.
    expect(await cache.trim()).toBe(100);
    expect(await cache.read('newest')).toBeDefined();
  });

  it('trims by itself every so many writes, a year of lookups staying within the count', async () => {
    dbName += 1;
    let clock = 0;
    const cache = createGraphCache(openCollabDeskDb(`cache-year-${dbName}`), () => clock, {
      maxAgeMs: 365 * 86_400_000,
      maxEntries: 200,
      trimEvery: 25,
    });
    for (let day = 0; day < 365; day++) {
      clock = day * 86_400_000;
      await cache.write(`creator-${day}`, { day }, 120_000);
    }
    const left = await Promise.all(Array.from({ length: 365 }, (_, day) => cache.read(`creator-${day}`)));
    const kept = left.filter(Boolean).length;
    expect(kept).toBeLessThanOrEqual(200 + 25);
    expect(left[364]).toBeDefined();
    expect(left[0]).toBeUndefined();
  });
});
