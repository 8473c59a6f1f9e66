import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createCachedReader, type BackgroundRefreshOutcome } from './cached-reader';
import { openCollabDeskDb } from '../background/database';
import { createGraphCache } from './graph-cache';

let now = 1_000_000;
let dbName = 0;

function setup() {
  dbName += 1;
  const cache = createGraphCache(openCollabDeskDb(`reader-test-${dbName}`), () => now);
  const outcomes: BackgroundRefreshOutcome[] = [];
  const reader = createCachedReader(cache, (outcome) => outcomes.push(outcome));
  return { cache, reader, outcomes };
}

describe('cached reader (stale-while-revalidate)', () => {
  beforeEach(() => {
    now = 1_000_000;
  });

  it('loads on first use, then answers from IndexedDB without loading while fresh', async () => {
    const { reader } = setup();
    const load = vi.fn(async () => ({ calls: load.mock.calls.length }));
    expect(await reader.get('me', 60_000, load)).toEqual({ value: { calls: 1 }, fetchedAt: 1_000_000, refreshing: false });
    now += 59_999;
    expect(await reader.get('me', 60_000, load)).toEqual({ value: { calls: 1 }, fetchedAt: 1_000_000, refreshing: false });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('answers a stale value at once, refreshes it behind, and reports that', async () => {
    const { reader, outcomes } = setup();
    const load = vi.fn(async () => ({ calls: load.mock.calls.length }));
    await reader.get('me', 60_000, load);
    now += 60_000;
    expect(await reader.get('me', 60_000, load)).toEqual({ value: { calls: 1 }, fetchedAt: 1_000_000, refreshing: true });
    await vi.waitFor(() => expect(outcomes).toEqual([{ key: 'me', ok: true }]));
    expect(await reader.get('me', 60_000, load)).toEqual({ value: { calls: 2 }, fetchedAt: 1_060_000, refreshing: false });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps the old value when a refresh fails, and reports the error', async () => {
    const { reader, cache, outcomes } = setup();
    await cache.write('k', 'old', 1);
    now += 10;
    const failure = new Error('offline');
    await expect(reader.refresh('k', 1, async () => Promise.reject(failure))).rejects.toBe(failure);
    expect(await reader.get('k', 1, async () => Promise.reject(failure))).toEqual({ value: 'old', fetchedAt: 1_000_000, refreshing: true });
    await vi.waitFor(() => expect(outcomes).toEqual([{ key: 'k', ok: false, error: failure }]));
    expect((await cache.read('k'))?.value).toBe('old');
  });

  it('refreshes on demand even when fresh', async () => {
    const { reader } = setup();
    const load = vi.fn(async () => load.mock.calls.length);
    await reader.get('k', 60_000, load);
    expect((await reader.refresh('k', 60_000, load)).value).toBe(2);
  });

  it('shares one load between callers asking for the same key at the same time', async () => {
    const { reader } = setup();
    let finish: (value: string) => void = () => {};
    const load = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const answers = Promise.all([reader.get('k', 60_000, load), reader.refresh('k', 60_000, load), reader.get('k', 60_000, load)]);
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    finish('once');
    expect((await answers).map((answer) => answer.value)).toEqual(['once', 'once', 'once']);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
