import type { GraphCache } from './graph-cache';

export interface CachedRead<T> {
  value: T;
  fetchedAt: number;
  /** True while a newer copy is being fetched behind the one returned. */
  refreshing: boolean;
}

export type BackgroundRefreshOutcome = { key: string; ok: true } | { key: string; ok: false; error: unknown };

/**
 * Stale-while-revalidate over the IndexedDB cache: a cached value answers at once; a stale
 * one is refreshed behind it (the outcome is reported); concurrent loads of a key share one fetch.
 */
export function createCachedReader(cache: GraphCache, onBackgroundRefresh: (outcome: BackgroundRefreshOutcome) => void) {
  const inFlight = new Map<string, Promise<CachedRead<unknown>>>();

  function refresh<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<CachedRead<T>> {
    let running = inFlight.get(key) as Promise<CachedRead<T>> | undefined;
    if (!running) {
      running = load()
        .then((value) => cache.write(key, value, ttlMs))
        .then((entry) => ({ value: entry.value, fetchedAt: entry.fetchedAt, refreshing: false }))
        .finally(() => inFlight.delete(key));
      inFlight.set(key, running);
    }
    return running;
  }

  function refreshBehind<T>(key: string, ttlMs: number, load: () => Promise<T>): void {
    refresh(key, ttlMs, load).then(
      () => onBackgroundRefresh({ key, ok: true }),
      (error: unknown) => onBackgroundRefresh({ key, ok: false, error }),
    );
  }

  return {
    refresh,
    refreshBehind,

    async get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<CachedRead<T>> {
      const running = inFlight.get(key) as Promise<CachedRead<T>> | undefined;
      const entry = await cache.read<T>(key);
      // A fetch under way when the read began may have finished during it: join it.
      if (!entry) return running ?? refresh(key, ttlMs, load);
      const stale = !cache.isFresh(entry);
      if (stale) refreshBehind(key, ttlMs, load);
      return { value: entry.value, fetchedAt: entry.fetchedAt, refreshing: stale };
    },
  };
}

export type CachedReader = ReturnType<typeof createCachedReader>;
