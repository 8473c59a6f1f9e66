import { vi } from 'vitest';
import { createCachedReader } from '@/utils/cache/cached-reader';
import { createGraphCache } from '@/utils/cache/graph-cache';
import { openCollabDeskDb } from '@/utils/background/database';
import { createGraphClient } from '@/utils/graph/client';
import { createPartnershipsService } from '@/utils/partnerships/partnerships-service';
import type { RunningSimulator } from '../../simulator/server';
import { ALL_SCOPES } from './use-simulator';

let database = 0;

/**
 * The partnerships service as the background wires it, over a fresh database and a token of
 * the simulator, on a clock the test moves (`advance`).
 */
export function partnershipsWiring(simulator: RunningSimulator) {
  let now = Date.now();
  const clock = () => now;
  const { token } = simulator.state.issueToken(ALL_SCOPES);
  const graph = createGraphClient({ graphOrigin: simulator.url, apiVersion: 'v25.0', getAccessToken: async () => token, now: clock });
  database += 1;
  const db = openCollabDeskDb(`partnerships-wiring-${database}`);
  const cache = createGraphCache(db, clock);
  const onChange = vi.fn();
  const service = createPartnershipsService({
    graph,
    cache,
    reader: createCachedReader(cache, () => {}),
    currentUserId: async () => 'u1',
    onChange,
    now: clock,
  });
  const calls = () => simulator.state.log.filter((entry) => entry.path.endsWith('branded_content_ad_permissions'));
  return { graph, db, cache, service, onChange, calls, clock, advance: (ms: number) => (now += ms) };
}
