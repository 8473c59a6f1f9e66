import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { noDynamicCode } from './scripts/no-dynamic-code';
import { noEmptyPluginScript } from './scripts/no-empty-plugin-script';
import { privacyPageHtml } from './scripts/privacy-page';
import { instagramAccessOf, instagramManifestEntries } from './scripts/instagram-access';
import { testOnlyEntrypoints } from './tests/extension-pages/entrypoints';

/**
 * Build-time settings (see docs/development.md and ../shared/reference/ui-contract.md):
 * WXT_GRAPH_ORIGIN, WXT_FACEBOOK_ORIGIN, WXT_GRAPH_API_VERSION, WXT_META_APP_ID are read
 * by the code through import.meta.env. More shape the build itself:
 * - WXT_INSTAGRAM_ACCESS=optional|granted: whether the instagram.com host permission is asked
 *   when "Show status on instagram.com" is turned on (optional, the default) or held from
 *   install (granted: managed installs, tests). Any other value stops the build.
 * - COLLAB_DESK_TEST_BUILD=1 adds what only the end-to-end tests need (a probe content
 *   script, the benchmark's pages); product builds never have them.
 * - COLLAB_DESK_OUT_DIR puts the build somewhere other than .output/.
 * - COLLAB_DESK_SOURCE_MAPS=1 writes source maps no file names (npm run bench's byte breakdown).
 * - COLLAB_DESK_STORE_BUILD=1 (npm run zip) leaves out the manifest key: the stores assign the ID.
 * - COLLAB_DESK_HOMEPAGE_URL sets the manifest's homepage_url (the store listings' support site).
 *   Collab Desk has no public site of its own yet, so builds leave it out unless it is given.
 */
const graphOrigin = originOf(process.env.WXT_GRAPH_ORIGIN, 'https://graph.facebook.com');
const isTestBuild = process.env.COLLAB_DESK_TEST_BUILD === '1';
const isStoreBuild = process.env.COLLAB_DESK_STORE_BUILD === '1';
const instagramAccess = instagramAccessOf(process.env.WXT_INSTAGRAM_ACCESS);
const homepageUrl = httpsUrl(process.env.COLLAB_DESK_HOMEPAGE_URL);

// Public half of the key that pins the unpacked Chrome extension ID to
// nmdeebcjjdbnfnmldhcchnncidicmlcg, so the login redirect URI never changes.
const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu8Plc87aN8O3C7xhORiLfUQvfo547Y3+PS4xlpLO8W59QMQYx7NNOFhFS2IA6xWJZAbeGmJeqgU4+hmndu4a1Xv5WudMy+N1JticY87fLBIrR3bufXaXlje1bhtX0uKVBIrlHlcVKZDczrkWgQPP62VKh69nIo4BZzzl19WeXNkgl3wa2fvw3LzVs4E+W+g3YcZKkvPDVmPoEaPNw4bLgNo3Iw+COstvNGkyMGQKafNdxOPgdIeMC2uqIsKoE8buPhjaxPv4qfNU7TfkAAuxVP6jJ6J/p4k8RcAIlQByGHv/bODtmikB4CBAAz/QT3xaGlfOg12HKxYgKHjt210CgQIDAQAB';

export default defineConfig({
  // webextension-polyfill comes through WXT's module: `browser` (from utils/browser.ts) is the polyfill's promise API in Chrome and Firefox.
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every module names its imports: auto-imports had a page helper injected into background code by name alone.
  imports: false,
  outDir: process.env.COLLAB_DESK_OUT_DIR ?? '.output',
  // Libraries written for React (list virtualisation) run on Preact's compatibility layer.
  alias: {
    react: resolve('node_modules/preact/compat'),
    'react-dom': resolve('node_modules/preact/compat'),
    'react/jsx-runtime': resolve('node_modules/preact/jsx-runtime'),
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    plugins: [noDynamicCode(), noEmptyPluginScript()],
    // Chrome 113+ and Firefox 140+ preload modules themselves: no polyfill script in every page.
    // COLLAB_DESK_SOURCE_MAPS=1 (npm run bench's byte breakdown only) writes maps beside the files, named by none of them.
    build: { modulePreload: { polyfill: false }, sourcemap: process.env.COLLAB_DESK_SOURCE_MAPS === '1' ? 'hidden' : false },
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: 'privacy.html', contents: privacyPageHtml(resolve('.')) });
    },
    // The test-only pages and probe live in tests/extension-pages/: only test builds add them.
    'entrypoints:found': (wxt, found) => {
      if (isTestBuild) found.push(...testOnlyEntrypoints(wxt.config.root));
    },
  },
  manifest: ({ browser }) => manifestFor(browser),
});

function manifestFor(browser: string) {
  const instagram = instagramManifestEntries(instagramAccess, browser);
  return {
    // Words come from public/_locales (en, es, pt_BR); the product name stays the same in all.
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    ...(homepageUrl && { homepage_url: homepageUrl }),
    // storage.session needs 102; the silent-renewal options of identity.launchWebAuthFlow need 113.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '113' }),
    commands: {
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+C' },
        description: '__MSG_commandOpenPopup__',
      },
    },
    // notifications is asked for when the person turns on the approvals watch. Test builds hold it from the
    // start, as if the person had allowed it: a browser's permission prompt cannot be answered by a test.
    // scripting registers the status chip's script on instagram.com only while the person has it on (no install warning).
    permissions: ['identity', 'storage', 'activeTab', 'alarms', 'scripting', ...(isTestBuild ? ['notifications'] : [])],
    ...optionalPermissions([...(isTestBuild ? [] : ['notifications']), ...instagram.optional]),
    host_permissions: [`${graphOrigin}/*`, ...instagram.host],
    ...(instagram.optionalHost.length > 0 && { optional_host_permissions: instagram.optionalHost }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'collab-desk@collab-desk.app',
              // data_collection_permissions needs Firefox 140; see PRIVACY.md for the choice.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['authenticationInfo', 'personallyIdentifyingInfo'] },
            },
            // Firefox for Android reads data_collection_permissions from version 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : isStoreBuild
        ? {}
        : { key: CHROME_PUBLIC_KEY }),
  };
}

function optionalPermissions(permissions: string[]) {
  return permissions.length > 0 ? { optional_permissions: permissions } : {};
}

function originOf(value: string | undefined, fallback: string): string {
  if (!value) return fallback;
  return new URL(value).origin;
}

/** An https URL, or undefined when none (or something else) is given: a bad value must not reach a store package. */
function httpsUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = new URL(value);
  if (url.protocol !== 'https:') throw new Error(`COLLAB_DESK_HOMEPAGE_URL must be an https URL, not ${value}`);
  return url.href;
}
