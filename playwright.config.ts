import { defineConfig } from '@playwright/test';
import { E2E_WORKERS } from './tests/e2e/workers';

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  // One test at a time unless E2E_WORKERS says more; each worker has its own simulator and build (tests/e2e/workers.ts).
  workers: E2E_WORKERS,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]]
    : [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: { trace: 'retain-on-failure' },
});
