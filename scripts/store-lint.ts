/**
 * The Firefox store's own validator (`web-ext lint`, Mozilla's addons-linter) on the Firefox
 * build: passes only with 0 errors, 0 warnings and 0 notices. Run by `npm test` after the build.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const run = spawnSync(
  resolve(root, 'node_modules/.bin/web-ext'),
  ['lint', '--source-dir', resolve(root, '.output/firefox-mv2'), '--output', 'json'],
  { cwd: root, encoding: 'utf8' },
);
const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as {
  summary: { errors: number; warnings: number; notices: number };
  errors: Array<{ code: string; message: string; file?: string }>;
  warnings: Array<{ code: string; message: string; file?: string }>;
  notices: Array<{ code: string; message: string; file?: string }>;
};
const findings = [...report.errors, ...report.warnings, ...report.notices];
console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
for (const finding of findings) console.log(`- ${finding.code} ${finding.file ?? ''}: ${finding.message}`);
process.exit(findings.length === 0 ? 0 : 1);
