import { resolve } from 'node:path';
import type { EntrypointInfo } from 'wxt';

/**
 * What only test builds (COLLAB_DESK_TEST_BUILD=1) contain, added by wxt.config.ts to the entrypoints WXT
 * finds in entrypoints/: they live here, outside that folder, so a product build cannot pick them up.
 * - test-probe: a content script that proves the background refuses content scripts (tests/e2e/security.spec.ts).
 * - blank: the benchmark's floor, an empty extension page (scripts/bench.ts).
 * - bench-word: the benchmark's page that already holds a status word in its HTML (the best any popup could do).
 */
export function testOnlyEntrypoints(root: string): EntrypointInfo[] {
  const page = (file: string) => resolve(root, 'tests/extension-pages', file);
  return [
    { name: 'test-probe', type: 'content-script', inputPath: page('test-probe.content.ts') },
    { name: 'blank', type: 'unlisted-page', inputPath: page('blank.html') },
    { name: 'bench-word', type: 'unlisted-page', inputPath: page('bench-word.html') },
  ];
}
