/**
 * What each part of the built extension costs to load, gzip-compressed: the background, the
 * popup (every script it loads before it can paint) and the dashboard's first view (lazy
 * views excluded: they load when opened). `npm test` checks them against their budgets
 * (`tsx scripts/bundle-sizes.ts <dir>`), and `npm run bench` prints them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  part: string;
  files: string[];
  gzipBytes: number;
  targetBytes: number;
  budgetBytes: number;
}

/** The budgets (gzip, bytes of 1,000), reset by issue 27 with every package our user chose in the stack. */
export const TARGETS = { background: 40_000, popup: 20_000, dashboard: 30_000 } as const;

/**
 * What `npm test` lets each part weigh: the target, except the background's. With ky as the Graph
 * client (ky 2.2 alone is 10.9 KB gzip) and WXT's storage items (2.9 KB) the background weighed
 * 52.9 KB, and no package may go (issue 27 left the 40 KB target for the user to decide). Issue 28
 * adds 2.2 KB: the per-tab badge and title of "Show status on instagram.com", the chip script's
 * run-time registration and its sender-checked requests (+1.9 KB), and what the background keeps
 * in storage for the popup's first paint (+0.3 KB). Issue 29 adds about 3.9 KB for partnership
 * content (utils/content/: the row parser, request and lookup builders, the business choice and
 * the service reading Meta's Content Discovery edge). The bench shows the target as not met.
 */
export const BUDGETS: Record<keyof typeof TARGETS, number> = { ...TARGETS, background: 59_400 };

export function measureBundles(dir: string): BundleSize[] {
  const entry = (part: keyof typeof TARGETS, files: string[]): BundleSize => {
    const all = [...new Set(files.flatMap((file) => withStaticImports(dir, file)))];
    const gzipBytes = all.reduce((sum, file) => sum + gzipped(join(dir, file)), 0);
    return { part, files: all, gzipBytes, targetBytes: TARGETS[part], budgetBytes: BUDGETS[part] };
  };
  return [
    entry('background', ['background.js']),
    entry('popup', scriptsOf(dir, 'popup.html')),
    entry('dashboard', scriptsOf(dir, 'options.html')),
  ];
}

export function gzipped(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** The scripts a page loads, as paths inside the build: its script tags and the scripts it preloads (the popup's app, run after its glance). */
function scriptsOf(dir: string, page: string): string[] {
  const html = readFileSync(join(dir, page), 'utf8');
  const tags = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g), ...html.matchAll(/<link rel="preload" href="([^"]+)" as="script"/g)];
  return tags.map((match) => match[1]!.replace(/^\//, ''));
}

/** A file and every file it imports statically (import ... from, export ... from, bare import); dynamic import() is left out. */
function withStaticImports(dir: string, file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const code = readFileSync(join(dir, file), 'utf8');
  const specifiers = [...code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.js)["']/g)].map(
    (match) => match[1]!,
  );
  const here = dirname(join(dir, file));
  const imported = specifiers
    .map((specifier) => (specifier.startsWith('/') ? specifier.slice(1) : resolve(here, specifier).slice(resolve(dir).length + 1)))
    .filter((path) => existsSync(join(dir, path)));
  return [file, ...imported.flatMap((path) => withStaticImports(dir, path, seen))];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? '.output/chrome-mv3';
  const sizes = measureBundles(dir);
  for (const size of sizes) {
    const verdict =
      size.gzipBytes > size.budgetBytes ? 'OVER BUDGET' : size.gzipBytes > size.targetBytes ? 'within budget, over target' : 'ok';
    console.log(
      `${size.part}: ${size.gzipBytes} bytes gzip; target ${size.targetBytes}, budget ${size.budgetBytes}: ${verdict} (${size.files.length} files)`,
    );
  }
  if (sizes.some((size) => size.gzipBytes > size.budgetBytes)) process.exit(1);
}
