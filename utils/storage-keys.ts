/**
 * The names under which values sit in extension storage. utils/storage.ts defines the items
 * the background reads and writes; the popup's first paint reads these directly (entrypoints/popup/first-paint.ts) by
 * these names (utils/cache/glance.ts), without the storage library in its bundle.
 */
export const STORAGE_KEYS = {
  /** storage.local: the brand account last chosen. */
  selectedBrand: 'selectedBrandIgId',
  /** storage.session: the connection as the UI may know it (never the token). */
  authGlance: 'authGlance',
  /** storage.local: the last creators the popup looked up, newest first (utils/partnerships/recent-creators.ts). */
  recentCreators: 'recentCreators',
  /** storage.local: the access overview as the background last answered it, with whose it is (utils/cache/glance.ts). */
  accessGlance: 'accessGlance',
} as const;
