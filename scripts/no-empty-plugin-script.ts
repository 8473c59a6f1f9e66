import type { Plugin } from 'vite';

/**
 * WXT puts a module script in the head of every HTML page to start its plugins
 * (`virtual:wxt-html-plugins`). Collab Desk uses none, so that script builds to nothing, yet
 * each page still asked for it: one request more on every popup opening. This drops the empty
 * chunk and the tags that load it. A project with WXT plugins has code in it and keeps it.
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
        const tag = new RegExp(`\\s*<(?:script|link)\\b[^>]*["']/${escape(chunk.fileName)}["'][^>]*>(?:</script>)?`, 'g');
        const name = chunk.fileName.split('/').pop()!;
        const statement = new RegExp(`import\\s*["'][^"']*/${escape(name)}["'];?`, 'g');
        for (const output of Object.values(bundle)) {
          if (output.type === 'asset' && output.fileName.endsWith('.html') && typeof output.source === 'string') {
            output.source = output.source.replace(tag, '');
          }
          if (output.type === 'chunk' && output.imports.includes(chunk.fileName)) {
            output.code = output.code.replace(statement, '');
            output.imports = output.imports.filter((imported) => imported !== chunk.fileName);
          }
        }
      }
    },
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
