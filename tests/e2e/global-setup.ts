import { buildExtension } from '../support/build-extension';
import { startSimulator } from '../simulator/server';

/** One simulator for the whole run, and the extension built to talk to it. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const simulator = await startSimulator();
  process.env.SIM_URL = simulator.url;
  process.env.E2E_EXTENSION_DIR = buildExtension({ graphOrigin: simulator.url, outDir: '.output/e2e', testBuild: true });
  return () => simulator.close();
}
