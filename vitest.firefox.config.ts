import { defineConfig } from 'vitest/config';

/** The Firefox smoke test: the built Firefox extension in Firefox ESR, driven by puppeteer-core. */
export default defineConfig({
  test: { include: ['tests/firefox/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 },
});
