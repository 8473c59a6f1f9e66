import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import { noEmptyPluginScript } from '../../scripts/no-empty-plugin-script';

const chunk = (fileName: string, code: string, imports: string[] = []) => ({ type: 'chunk', fileName, code, imports });
const page = (fileName: string, source: string) => ({ type: 'asset', fileName, source });

function build(bundle: Record<string, unknown>): Record<string, { code?: string; source?: string; imports?: string[] }> {
  const hook = noEmptyPluginScript().generateBundle as (this: unknown, options: unknown, bundle: Rollup.OutputBundle) => void;
  const context = {
    error: (message: string) => {
      throw new Error(message);
    },
  };
  hook.call(context, {}, bundle as unknown as Rollup.OutputBundle);
  return bundle as Record<string, { code?: string; source?: string; imports?: string[] }>;
}

describe('noEmptyPluginScript', () => {
  const loader = 'chunks/_virtual_wxt-html-plugins-Ab12.js';
  const html = (head: string) => `<!DOCTYPE html><html><head><title>x</title>${head}</head><body></body></html>`;

  it("drops WXT's empty plugin script: its chunk, the tags that load it and the imports of it", () => {
    const bundle = build({
      [loader]: chunk(loader, '\n'),
      'chunks/options-1.js': chunk('chunks/options-1.js', 'import"./_virtual_wxt-html-plugins-Ab12.js";import{a}from"./b.js";a();', [
        loader,
        'chunks/b.js',
      ]),
      'popup.html': page('popup.html', html(`\n    <script type="module" crossorigin src="/${loader}"></script>`)),
      'options.html': page('options.html', html(`<link rel="modulepreload" crossorigin href="/${loader}"><script src="/x.js"></script>`)),
    });
    expect(bundle[loader]).toBeUndefined();
    expect(bundle['chunks/options-1.js']).toMatchObject({ code: 'import{a}from"./b.js";a();', imports: ['chunks/b.js'] });
    expect(bundle['popup.html']!.source).toBe(html(''));
    expect(bundle['options.html']!.source).toBe(html('<script src="/x.js"></script>'));
  });

  it('keeps the script when WXT plugins put code in it', () => {
    const page1 = html(`<script type="module" src="/${loader}"></script>`);
    const bundle = build({ [loader]: chunk(loader, 'initPlugins();'), 'popup.html': page('popup.html', page1) });
    expect(bundle[loader]).toBeDefined();
    expect(bundle['popup.html']!.source).toBe(page1);
  });

  it('fails the build when something still names the dropped script', () => {
    const odd = 'const url = new URL("./_virtual_wxt-html-plugins-Ab12.js", import.meta.url);';
    expect(() => build({ [loader]: chunk(loader, ''), 'chunks/odd.js': chunk('chunks/odd.js', odd) })).toThrow(
      'chunks/odd.js still names chunks/_virtual_wxt-html-plugins-Ab12.js',
    );
  });
});
