import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export interface ExtensionBuildOptions {
  graphOrigin: string;
  outDir: string;
  metaAppId?: string;
  testBuild?: boolean;
  /** Shortens the first back-off after a throttle (a minute in product builds). */
  rateLimitFirstStepMs?: number;
  browser?: 'chrome' | 'firefox';
  /** WXT_INSTAGRAM_ACCESS: test builds hold the instagram.com permission (granted) unless told otherwise. */
  instagramAccess?: 'optional' | 'granted';
}

/** Builds the extension against a simulator origin; returns the unpacked folder. */
export function buildExtension(options: ExtensionBuildOptions): string {
  const root = resolve(import.meta.dirname, '../..');
  execFileSync(resolve(root, 'node_modules/.bin/wxt'), ['build', '-b', options.browser ?? 'chrome'], {
    cwd: root,
    stdio: 'pipe',
    env: {
      ...process.env,
      WXT_GRAPH_ORIGIN: options.graphOrigin,
      WXT_FACEBOOK_ORIGIN: options.graphOrigin,
      WXT_META_APP_ID: options.metaAppId ?? '',
      WXT_RATE_LIMIT_FIRST_STEP_MS: options.rateLimitFirstStepMs ? String(options.rateLimitFirstStepMs) : '',
      COLLAB_DESK_TEST_BUILD: options.testBuild ? '1' : '',
      // A browser's permission prompt cannot be answered by a test: test builds hold the permission from install.
      WXT_INSTAGRAM_ACCESS: options.instagramAccess ?? (options.testBuild ? 'granted' : 'optional'),
      COLLAB_DESK_OUT_DIR: resolve(root, options.outDir),
    },
  });
  return resolve(root, options.outDir, options.browser === 'firefox' ? 'firefox-mv2' : 'chrome-mv3');
}
