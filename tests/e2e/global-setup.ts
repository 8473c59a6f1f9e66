import { buildExtension } from '../support/build-extension';
import { startSimulator } from '../simulator/server';

export const E2E_RATE_LIMIT_STEP_MS = 3000;

/** One simulator for the whole run, and the extension built to talk to it. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const simulator = await startSimulator();
  process.env.SIM_URL = simulator.url;
  // Back-off after a throttle starts at 3 s instead of a minute, so throttled flows finish in test time.
  process.env.E2E_EXTENSION_DIR = buildExtension({
    graphOrigin: simulator.url,
    outDir: '.output/e2e',
    testBuild: true,
    rateLimitFirstStepMs: E2E_RATE_LIMIT_STEP_MS,
    // The status on instagram.com is tested without the browser's permission prompt, which no test can answer.
    instagramAccess: 'granted',
  });
  return () => simulator.close();
}
