import { buildExtension } from '../support/build-extension';
import { startSimulator, type RunningSimulator } from '../simulator/server';
import { E2E_WORKERS } from './workers';

export const E2E_RATE_LIMIT_STEP_MS = 3000;

/**
 * One simulator per Playwright worker, and the extension built to talk to it (the Graph origin
 * is part of the build). Worker N finds its pair in SIM_URL_N and E2E_EXTENSION_DIR_N; the
 * fixtures (tests/e2e/fixtures.ts) make them SIM_URL and E2E_EXTENSION_DIR for its tests.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const simulators: RunningSimulator[] = [];
  for (let slot = 0; slot < E2E_WORKERS; slot++) {
    const simulator = await startSimulator();
    simulators.push(simulator);
    process.env[`SIM_URL_${slot}`] = simulator.url;
    // Back-off after a throttle starts at 3 s instead of a minute, so throttled flows finish in test time.
    process.env[`E2E_EXTENSION_DIR_${slot}`] = buildExtension({
      graphOrigin: simulator.url,
      outDir: slot === 0 ? '.output/e2e' : `.output/e2e-${slot}`,
      testBuild: true,
      rateLimitFirstStepMs: E2E_RATE_LIMIT_STEP_MS,
      // The status on instagram.com is tested without the browser's permission prompt, which no test can answer.
      instagramAccess: 'granted',
    });
  }
  return async () => {
    for (const simulator of simulators) await simulator.close();
  };
}
