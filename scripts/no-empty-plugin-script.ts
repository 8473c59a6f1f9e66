import type { Plugin } from 'vite';

/**
 * WXT puts a module script in the head of every HTML page to start its plugins
 * (`virtual:wxt-html-plugins`). Collab Desk uses none, so that script builds to nothing, yet
 * each page still asked for it: one request more on every popup opening. This drops the empty
 * chunk, the tags that load it and the imports of it, and fails the build if anything still
 * names it. A project with WXT plugins has code in it and keeps it.
 */
export function noEmptyPluginScript(): Plugin {
  return {
    name: 'collab-desk:no-empty-plugin-script',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const empty = Object.values(bundle).filter(
        (output) => output.type === 'chunk' && output.fileName.includes('_virtual_wxt-html-plugins') && output.code.trim() === '',
      );
      for (const chunk of empty) {
        delete bundle[chunk.fileName];
        const baseName = chunk.fileName.split('/').pop()!;
        const name = escapeRegExp(baseName);
        const tag = new RegExp(`\\s*<(?:script|link)\\b[^>]*["'][^"']*/${name}["'][^>]*>(?:</script>)?`, 'g');
        const statement = new RegExp(`import\\s*["'][^"']*/${name}["'];?`, 'g');
        for (const output of Object.values(bundle)) {
          if (output.type === 'asset' && typeof output.source === 'string') output.source = output.source.replace(tag, '');
          if (output.type === 'chunk') {
            output.code = output.code.replace(statement, '');
            output.imports = output.imports.filter((imported) => imported !== chunk.fileName);
          }
          const text = output.type === 'chunk' ? output.code : typeof output.source === 'string' ? output.source : '';
          if (text.includes(baseName)) {
            this.error(`${output.fileName} still names ${chunk.fileName}, which this build leaves out.`);
          }
        }
      }
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
