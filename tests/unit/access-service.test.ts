import { describe, expect, it, vi } from 'vitest';
import { openCollabDeskDb } from '@/utils/background/database';
import { createCachedReader } from '@/utils/cache/cached-reader';
import { createGraphCache } from '@/utils/cache/graph-cache';
import { createGraphClient } from '@/utils/graph/client';
import { createAccessService } from '@/utils/permissions/access-service';
import { ALL_SCOPES, useSimulator } from './support/use-simulator';
import { english } from './support/english';

let database = 0;

const simulator = useSimulator();

function setup(scopes = ALL_SCOPES) {
  let now = 1_000_000;
  const { token } = simulator().state.issueToken(scopes);
  const graph = createGraphClient({ graphOrigin: simulator().url, apiVersion: 'v25.0', getAccessToken: async () => token, now: () => now });
  database += 1;
  const cache = createGraphCache(openCollabDeskDb(`access-test-${database}`), () => now);
  const onBackgroundRefresh = vi.fn();
  const reader = createCachedReader(cache, ({ key: _key, ...outcome }) => onBackgroundRefresh(outcome));
  const access = createAccessService({ graph, cache, reader, currentUserId: async () => 'user-1', ttlMs: 60_000 });
  const graphCalls = () => simulator().state.log.filter((entry) => entry.path.startsWith('me/')).length;
  return { access, onBackgroundRefresh, graphCalls, advance: (ms: number) => (now += ms) };
}

describe('access service', () => {
  it('reads Pages whose fields come in odd types (numeric IDs, a task that is not a word, no name, a null cursor): one odd field costs that field only', async () => {
    simulator().state.reset({ variants: true });
    const { access } = setup();
    const { overview } = await access.get();
    expect(overview.pages.map((page) => [page.id, page.name])).toEqual([
      ['200000000000001', 'Northwind Outdoor'],
      ['200000000000002', 'Lumen Skincare'],
      ['200000000000003', 'Harbor Coffee Co.'],
      ['200000000000004', 'Pixel & Pine Studio'],
      // Meta gave this Page no name: it is called by its ID.
      ['200000000000005', '200000000000005'],
    ]);
    expect(overview.pages[0]!.tasks).toEqual(['MANAGE', 'CREATE_CONTENT', 'MODERATE', 'ADVERTISE', 'ANALYZE']);
    expect(overview.brands.map((brand) => [brand.username, brand.name, brand.readiness.ready])).toEqual([
      ['northwind.outdoor', 'Northwind Outdoor', true],
      // The account's name came as a number: that field is absent, the brand is not.
      ['lumen.skincare', undefined, true],
      ['harborcoffee', 'Harbor Coffee Co.', false],
    ]);
  });

  it('fetches on first use, then answers from IndexedDB without calling the API while fresh', async () => {
    const { access, graphCalls } = setup();
    const first = await access.get();
    expect(first.overview.pages.map((page) => page.name)).toContain('Harbor Coffee Co.');
    expect(first.refreshing).toBe(false);
    const callsAfterFirst = graphCalls();
    expect(callsAfterFirst).toBe(2);
    const second = await access.get();
    expect(second.overview).toEqual(first.overview);
    expect(graphCalls()).toBe(callsAfterFirst);
  });

  it('answers a stale copy at once and refreshes it behind, then says so', async () => {
    const { access, onBackgroundRefresh, advance } = setup();
    await access.get();
    simulator().state.world.pages[2]!.name = 'Harbor Coffee Roasters';
    advance(60_001);
    const stale = await access.get();
    expect(stale.refreshing).toBe(true);
    expect(stale.overview.pages[2]!.name).toBe('Harbor Coffee Co.');
    await vi.waitFor(() => expect(onBackgroundRefresh).toHaveBeenCalledWith({ ok: true }));
    expect((await access.get()).overview.pages[2]!.name).toBe('Harbor Coffee Roasters');
  });

  it('reports a failed background refresh and keeps the cached copy', async () => {
    const { access, onBackgroundRefresh, advance, graphCalls } = setup();
    await access.get();
    advance(60_001);
    simulator().state.throttle = { code: 4, afterCalls: 0, durationMs: 60_000 };
    await access.get();
    await vi.waitFor(() =>
      expect(onBackgroundRefresh).toHaveBeenCalledWith({ ok: false, error: expect.objectContaining({ kind: 'rate-limited' }) }),
    );
    simulator().state.throttle = undefined;
    // Code 4 came without a time: for the first minute no call goes out, and the cached copy answers.
    const callsWhileBlocked = graphCalls();
    advance(59_000);
    const blocked = await access.get();
    expect(blocked.overview.pages).toHaveLength(5);
    await vi.waitFor(() => expect(onBackgroundRefresh).toHaveBeenCalledTimes(2));
    expect(onBackgroundRefresh).toHaveBeenLastCalledWith({ ok: false, error: expect.objectContaining({ kind: 'rate-limited' }) });
    expect(graphCalls()).toBe(callsWhileBlocked);
    advance(1_001);
    const again = await access.get();
    expect(again.overview.pages).toHaveLength(5);
    // Still stale, so this read refreshed behind too; that one succeeds.
    expect(again.refreshing).toBe(true);
    await vi.waitFor(() => expect(onBackgroundRefresh).toHaveBeenLastCalledWith({ ok: true }));
  });

  it('shares one fetch between callers asking at the same time', async () => {
    const { access, graphCalls } = setup();
    await Promise.all([access.refresh(), access.refresh(), access.get()]);
    expect(graphCalls()).toBe(2);
  });

  it('lists the Pages without Instagram accounts when Meta refuses those fields', async () => {
    const { access } = setup(['pages_show_list', 'business_management']);
    const { overview } = await access.get();
    expect(overview.pages).toHaveLength(5);
    expect(overview.brands).toEqual([]);
    expect(english(overview.instagramUnavailable)).toMatch(
      /^Meta would not show the Instagram accounts linked to your Pages \(.+\)\. Allow/,
    );
  });
});
