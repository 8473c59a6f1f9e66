/**
 * The one place the extension's `browser` comes from: WXT's, which the
 * `@wxt-dev/webextension-polyfill` module (wxt.config.ts) makes webextension-polyfill's, so
 * Chrome and Firefox run the same promise API.
 */
export { browser, type Browser } from 'wxt/browser';
