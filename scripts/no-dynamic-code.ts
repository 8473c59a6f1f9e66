import type { Plugin } from 'vite';

/**
 * Store reviewers (and `web-ext lint`) flag code that could evaluate strings or write HTML,
 * even where it never runs. Two libraries carry such code for features Collab Desk turns off:
 * - zod's JIT compiler (`new Function`), unused because the background sets `jitless`;
 * - Preact's `dangerouslySetInnerHTML`, which Collab Desk never uses (the linter forbids it).
 * This plugin replaces exactly those spots at build time. Each replacement must match, so a
 * library upgrade that moves them fails the build instead of shipping them silently.
 */
interface Replacement {
  /** The module, by the end of its path. */
  file: string;
  find: RegExp;
  replace: string;
  /** How many places must match. */
  expected: number;
}

const REPLACEMENTS: Replacement[] = [
  { file: 'zod/v4/core/util.js', find: /const F = Function;\s*new F\(""\);\s*return true;/, replace: 'return false;', expected: 1 },
  {
    file: 'zod/v4/core/doc.js',
    find: /const F = Function;/,
    replace: 'const F = () => { throw new Error("Collab Desk runs zod without code generation."); };',
    expected: 1,
  },
  { file: 'preact/dist/preact.module.js', find: /\.innerHTML=/g, replace: '.textContent=', expected: 2 },
];

export function noDynamicCode(): Plugin {
  return {
    name: 'collab-desk-no-dynamic-code',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0]!.replace(/\\/g, '/');
      const replacement = REPLACEMENTS.find((candidate) => path.endsWith(`/node_modules/${candidate.file}`));
      if (!replacement) return undefined;
      const found = code.match(new RegExp(replacement.find.source, 'g'))?.length ?? 0;
      if (found !== replacement.expected) {
        throw new Error(
          `no-dynamic-code: expected ${replacement.expected} match(es) of ${replacement.find} in ${replacement.file}, found ${found}. Check the library's new version.`,
        );
      }
      return { code: code.replace(replacement.find, replacement.replace), map: null };
    },
  };
}
