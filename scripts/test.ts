/**
 * `npm test`: type check, lint, format check, import-cycle check, unit tests, product builds
 * for Chrome and Firefox, Mozilla's store linter on the Firefox build, the end-to-end suite
 * on the built Chrome extension, and a smoke test of the Firefox build in Firefox ESR. Ends
 * with one "N passed, N failed" line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { findChromium } from '../tests/support/launch-chromium';

const root = resolve(import.meta.dirname, '..');
const bin = (name: string) => resolve(root, 'node_modules/.bin', name);
const results = resolve(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

interface Step {
  title: string;
  command: string;
  args: string[];
  /** Reads how many tests passed and failed from the runner's JSON report. */
  count?: () => { passed: number; failed: number };
  /** Why the step cannot run on this machine, if it cannot. */
  missing?: () => string | undefined;
}

function vitestCount(report: string) {
  return () => {
    const summary = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number };
    return { passed: summary.numPassedTests, failed: summary.numFailedTests };
  };
}

const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

const steps: Step[] = [
  { title: 'Type check', command: bin('tsc'), args: ['--noEmit'] },
  { title: 'Lint (ESLint with typescript-eslint)', command: bin('eslint'), args: ['.'] },
  { title: 'Format check (Prettier)', command: bin('prettier'), args: ['--check', '.'] },
  // The same check as npm run lint:cycles, whose script names the files and options.
  { title: 'No import cycles (dpdm, type imports included)', command: 'npm', args: ['run', '--silent', 'lint:cycles'] },
  {
    title: 'Unit tests',
    command: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/unit.json`],
    count: vitestCount(`${results}/unit.json`),
  },
  { title: 'Build for Chrome (MV3)', command: bin('wxt'), args: ['build', '-b', 'chrome'] },
  {
    title: 'Bundle sizes (gzip) within their budgets',
    command: bin('tsx'),
    args: ['scripts/bundle-sizes.ts', '.output/chrome-mv3'],
  },
  { title: 'Build for Firefox', command: bin('wxt'), args: ['build', '-b', 'firefox'] },
  {
    title: 'Store check: web-ext lint on the Firefox build (0 errors, 0 warnings, 0 notices)',
    command: bin('tsx'),
    args: ['scripts/store-lint.ts'],
  },
  {
    title: 'End-to-end tests (built extension in Chromium)',
    command: bin('playwright'),
    args: ['test'],
    count: () => {
      const report = JSON.parse(readFileSync(`${results}/e2e.json`, 'utf8')) as {
        stats: { expected: number; unexpected: number; flaky: number };
      };
      return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
    },
    missing: () =>
      findChromium() ? undefined : "No Chromium found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.",
  },
  {
    title: 'Firefox smoke test (built extension in Firefox ESR)',
    command: bin('vitest'),
    args: [
      'run',
      '--config',
      'vitest.firefox.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${results}/firefox.json`,
    ],
    count: vitestCount(`${results}/firefox.json`),
    missing: () =>
      existsSync(firefox)
        ? undefined
        : "No Firefox ESR found: install Debian's firefox-esr (apt-get install firefox-esr) or set FIREFOX_PATH.",
  },
];

let passed = 0;
let failed = 0;
const failedSteps: string[] = [];
for (const step of steps) {
  console.log(`\n=== ${step.title}`);
  const missing = step.missing?.();
  if (missing) {
    console.error(missing);
    failedSteps.push(step.title);
    failed += 1;
    continue;
  }
  const run = spawnSync(step.command, step.args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  let counted: { passed: number; failed: number } | undefined;
  try {
    counted = step.count?.();
  } catch {
    counted = undefined; // the runner stopped before writing its report
  }
  if (counted) {
    passed += counted.passed;
    failed += counted.failed;
  }
  if (run.status !== 0) {
    failedSteps.push(step.title);
    if (!counted || counted.failed === 0) failed += 1;
  }
}

console.log('');
if (failedSteps.length > 0) console.log(`Failed steps: ${failedSteps.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps.length > 0 ? 1 : 0);
